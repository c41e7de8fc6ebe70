// A small, guarded reader for the parts of a zip archive (.docx is one). The central directory
// is read by hand so that every entry's declared sizes and flags are seen before anything is
// inflated; inflation goes through fflate's streaming Inflate in small pieces and stops as soon as
// the output passes its limit, so a zip bomb (or a lying size field) costs bounded time and memory.
// Pure JS: runs in Node and in a browser worker.

import { Inflate } from 'fflate';
import type { Localized } from '../engine';

export class ZipError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
/** Compressed bytes handed to the inflater at a time: bounds the output of one step (≤ ~1032×). */
const PIECE = 16 * 1024;

const CORRUPT: Localized = { zh: '文件已损坏或不完整（zip 结构无法读取）', en: 'the file is damaged or truncated (its zip structure cannot be read)' };

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** The entries of the central directory, or a ZipError. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (after a comment).
  let eocd = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 0xffff; o--) {
    if (u32(bytes, o) === EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipError(CORRUPT);
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === ZIP64_MARK || at >= bytes.length) throw new ZipError(CORRUPT);
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipError(CORRUPT);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) throw new ZipError(CORRUPT);
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry, at most `limit` bytes of output. Throws ZipError for an encrypted
 * entry, an unknown compression method, damaged data or output past the limit.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number, tooLarge: Localized): Uint8Array {
  if (entry.flags & 1) {
    throw new ZipError({ zh: '文件已加密，无法读取（请先取消密码保护）', en: 'the file is encrypted (remove the password protection first)' });
  }
  if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) throw new ZipError(tooLarge);
  if (entry.size > limit) throw new ZipError(tooLarge);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new ZipError(CORRUPT);
  const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipError(CORRUPT);
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(CORRUPT);

  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let o = 0; o < data.length && !over; o += PIECE) {
      const end = Math.min(data.length, o + PIECE);
      inflater.push(data.subarray(o, end), end === data.length);
    }
  } catch {
    throw new ZipError(CORRUPT);
  }
  if (over) throw new ZipError(tooLarge);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
