// Detecting a report's encoding, decoding it, and encoding fixed text back byte-for-byte the same way.
// Order: BOM (UTF-8, UTF-16 LE/BE) → binary sniff → strict UTF-8 → strict GB18030. For HTML the
// page's own <meta charset> / http-equiv declaration comes right after the BOM.
// The text handed to the engine has the BOM removed (as editors do) and is otherwise untouched.

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  bom: boolean;
}

import { isUtf8 } from 'node:buffer';
import type { Localized } from '../engine';

/** The bytes are not a text file we can read; `reason` says why, in both languages. */
export class NotTextError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

const SNIFF = 8192;

function swap16(buf: Uint8Array): Buffer {
  const out = Buffer.alloc(buf.length - (buf.length % 2));
  for (let i = 0; i + 1 < buf.length; i += 2) {
    out[i] = buf[i + 1];
    out[i + 1] = buf[i];
  }
  return out;
}

/** Control characters other than TAB, LF, VT, FF, CR, ESC (which real text files do contain). */
function isBinaryControl(b: number): boolean {
  return (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f;
}

export function decode(buf: Buffer, kind: 'text' | 'html' = 'text'): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: strictUtf8(buf.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    if (buf.length % 2 !== 0) throw new NotTextError({ zh: 'UTF-16 LE 文件的字节数为奇数，已损坏', en: 'UTF-16 LE file with an odd number of bytes' });
    // Buffer's utf16le keeps lone surrogates, so encoding the text again gives back the same bytes.
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    if (buf.length % 2 !== 0) throw new NotTextError({ zh: 'UTF-16 BE 文件的字节数为奇数，已损坏', en: 'UTF-16 BE file with an odd number of bytes' });
    return { text: swap16(buf.subarray(2)).toString('utf16le'), encoding: 'utf-16be', bom: true };
  }
  const head = buf.subarray(0, SNIFF);
  if (head.includes(0)) {
    throw new NotTextError({
      zh: '不是文本文件（含 NUL 字节；不支持无 BOM 的 UTF-16）',
      en: 'not a text file (it contains NUL bytes; UTF-16 without a BOM is not supported)',
    });
  }
  let controls = 0;
  // An indexed loop: a Buffer's iterator costs more than decoding the whole file.
  for (let i = 0; i < head.length; i++) if (isBinaryControl(head[i])) controls++;
  if (controls > 0 && controls * 20 > head.length) {
    throw new NotTextError({ zh: '不是文本文件（控制字符过多）', en: 'not a text file (too many control characters)' });
  }
  if (kind === 'html' && declaredCharset(buf) === 'gb18030') {
    // A page that says GBK/GB2312/GB18030 is read so, even when its bytes happen to be valid UTF-8.
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030', bom: false };
    } catch {
      /* the declaration is wrong: detect as for any text */
    }
  }
  try {
    return { text: strictUtf8(buf), encoding: 'utf-8', bom: false };
  } catch {
    /* not UTF-8: try GB18030 */
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030', bom: false };
  } catch {
    throw new NotTextError({
      zh: '不是文本文件（既不是有效的 UTF-8，也不是有效的 GB18030/GBK）',
      en: 'not a text file (neither valid UTF-8 nor valid GB18030/GBK)',
    });
  }
}

/**
 * The charset an HTML page declares in its first bytes (<meta charset=…> or
 * <meta http-equiv="Content-Type" content="…; charset=…">), folded to the encodings we write
 * back: 'utf-8', 'gb18030' (GBK and GB2312 are subsets), or null (none, or another one).
 */
export function declaredCharset(buf: Uint8Array): 'utf-8' | 'gb18030' | null {
  // The HTML standard's prescan looks at the first 1024 bytes; pages with long comments put it later.
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const re = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/gi;
  const m = re.exec(head);
  if (!m) return null;
  const label = m[1].toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  if (/^(gb18030|gbk|gb2312|x-gbk|cp936|windows-936|csgb2312|chinese|gb_2312-80|iso-ir-58)$/.test(label)) return 'gb18030';
  return null;
}

/**
 * The bytes as UTF-8, or an exception when they are not valid UTF-8. Checked first, then decoded
 * by Buffer (both native and fast; a fatal TextDecoder costs a third more per file). A BOM left
 * in the bytes (a second one after the first) is text and stays.
 */
function strictUtf8(buf: Uint8Array): string {
  if (!isUtf8(buf)) throw new TypeError('not valid UTF-8');
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
}

/** Encode text the way the file was encoded. Returns null when that cannot be done exactly. */
export function encode(text: string, d: Omit<Decoded, 'text'>): Buffer | null {
  switch (d.encoding) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      // Buffer.from replaces lone surrogates with U+FFFD: refuse rather than write something else.
      if (body.toString('utf8') !== text) return null;
      return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(text, 'utf16le'))]);
    case 'gb18030':
      return encodeGb18030(text);
  }
}

// GB18030 has no encoder in Node. We build one by inverting the decoder over the two-byte and the
// four-byte BMP ranges (done once, on first use), and map astral characters arithmetically.
let gbTable: Map<number, number[]> | null = null;

function buildGbTable(): Map<number, number[]> {
  const table = new Map<number, number[]>();
  const dec = new TextDecoder('gb18030', { fatal: true });
  const add = (bytes: number[]): void => {
    let s: string;
    try {
      s = dec.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if (s.length !== 1) return;
    const c = s.charCodeAt(0);
    if (!table.has(c)) table.set(c, bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) add([b1, b2]);
  }
  // Four-byte sequences that decode to BMP characters: 0x81308130 … 0x8431A439.
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          if (b1 === 0x84 && (b2 > 0x31 || (b2 === 0x31 && (b3 > 0xa4 || (b3 === 0xa4 && b4 > 0x39))))) continue;
          add([b1, b2, b3, b4]);
        }
  return table;
}

function encodeGb18030(text: string): Buffer | null {
  gbTable ??= buildGbTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        // Astral: linear from 0x90308130 for U+10000.
        let n = ((c - 0xd800) << 10) + (lo - 0xdc00);
        const b4 = 0x30 + (n % 10);
        n = Math.floor(n / 10);
        const b3 = 0x81 + (n % 126);
        n = Math.floor(n / 126);
        const b2 = 0x30 + (n % 10);
        const b1 = 0x90 + Math.floor(n / 10);
        out.push(b1, b2, b3, b4);
        i++;
        continue;
      }
    }
    const bytes = gbTable.get(c);
    if (!bytes) return null;
    out.push(...bytes);
  }
  return Buffer.from(out);
}
