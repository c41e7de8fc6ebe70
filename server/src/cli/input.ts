// Which files to check (folders walked for the report extensions: .txt/.md/.html/.htm/.docx/.pdf) and reading
// one file safely: regular files only (a FIFO or a device would block or never end), bounded size
// (checked before reading), encoding detected for text; .docx/.pdf bytes are left to their adapters.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../engine';
import { type InputKind, inputKindOf, isBinaryKind, REPORT_EXTENSIONS } from '../formats';
import { decode, type Decoded, NotTextError } from './encoding';

/** A problem with one input; the other inputs are still processed. */
export interface InputProblem {
  file: string;
  reason: Localized;
  /** A folder given on the command line in which no report file was found (nothing unreadable). */
  noReportFile?: true;
}

export interface ReadFile extends Decoded {
  /** The path as shown to the user (as given, or joined below a given folder). */
  file: string;
  /** The bytes read, for the exact round-trip check before a fix is written. */
  bytes: Buffer;
  mtimeMs: number;
  size: number;
  /** How the text is read: as a report text, or as an HTML page (offsets still in the file). */
  kind: InputKind;
  binary?: undefined;
}

/** A .docx or .pdf file: its bytes, read by its adapter (not decoded as text). */
export interface BinaryFile {
  file: string;
  bytes: Buffer;
  mtimeMs: number;
  size: number;
  binary: 'docx' | 'pdf';
}

export type InputFile = ReadFile | BinaryFile;

const EXTENSIONS = new Set(REPORT_EXTENSIONS);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const NOT_REGULAR: Localized = { zh: '不是普通文件（不读取管道、设备等）', en: 'not a regular file' };
const IS_DIRECTORY: Localized = { zh: '是目录', en: 'is a directory' };

export function reasonOf(err: unknown): Localized {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return { zh: '文件或目录不存在', en: 'no such file or directory' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取权限', en: 'permission denied' };
    case 'ELOOP':
      return { zh: '符号链接层数过多（循环链接）', en: 'too many levels of symbolic links' };
    case 'EISDIR':
      return IS_DIRECTORY;
    default: {
      const detail = e.code ? `${e.code}: ${e.message}` : String(e.message ?? e);
      return { zh: `无法读取（${detail}）`, en: detail };
    }
  }
}

function noReportFile(folder: string): InputProblem {
  const zh = REPORT_EXTENSIONS.join('、');
  const en = REPORT_EXTENSIONS.join(', ');
  return {
    file: folder,
    reason: { zh: `没有找到年度报告文件（查找的扩展名：${zh}）`, en: `no report file found (searched for ${en})` },
    noReportFile: true,
  };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expand the command line's paths into files, in order: each argument in turn, a folder's files
 * sorted by path. Files named explicitly are taken whatever their extension. A folder reached
 * twice (symlink loop, or given twice) is walked once. A folder argument holding no report file
 * is a problem (like ESLint's "no files matching"): a reviewer must not read silence as success.
 */
export function collectFiles(args: readonly string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (file: string): void => {
    const key = path.resolve(file);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(file);
  };

  /** Walks a folder; says how many report files it holds (null when it was walked before or is unreadable). */
  const walk = (dir: string): number | null => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (seenDirs.has(real)) return null;
      seenDirs.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ file: dir, reason: reasonOf(err) });
      return null;
    }
    let found = 0;
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = fs.statSync(full).isDirectory();
        } catch (err) {
          // A dangling link that looks like a report is worth a word; others are ignored.
          if (EXTENSIONS.has(path.extname(entry.name).toLowerCase())) problems.push({ file: full, reason: reasonOf(err) });
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) found += walk(full) ?? 0;
      } else if (EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        addFile(full);
        found++;
      }
    }
    return found;
  };

  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch (err) {
      problems.push({ file: arg, reason: reasonOf(err) });
      continue;
    }
    if (st.isDirectory()) {
      if (walk(arg) === 0) problems.push(noReportFile(arg));
    } else addFile(arg);
  }
  return { files, problems };
}

/** Read and decode one file; any failure comes back as an InputProblem, never as an exception. */
export function readInput(file: string, maxSize: number): ReadFile | InputProblem;
export function readInput(file: string, maxSize: number, kind: InputKind | null): InputFile | InputProblem;
export function readInput(file: string, maxSize: number, kind: InputKind | null = 'text'): InputFile | InputProblem {
  let fd: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { file, reason: st.isDirectory() ? IS_DIRECTORY : NOT_REGULAR };
    if (st.size > maxSize) return { file, reason: tooBig(st.size, maxSize) };
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return { file, reason: reasonOf(err) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { file, reason: NOT_REGULAR };
    // Read at most maxSize + 1 bytes: a file that grew since stat is still refused, never slurped.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The first read takes the size stat gave and one byte more (a file that grew is seen);
      // a buffer of a fixed 1 MB per file made every small report cost a large allocation.
      const want = chunks.length === 0 ? st.size + 1 : 1 << 16;
      const chunk = Buffer.allocUnsafe(Math.min(want, maxSize + 1 - total));
      if (chunk.length === 0) break;
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    if (total > maxSize) return { file, reason: tooBig(null, maxSize) };
    // One read is the rule: its chunk is the file (a copy would double every file's allocation).
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    if (isBinaryKind(kind)) return { file, bytes, mtimeMs: st.mtimeMs, size: st.size, binary: kind };
    try {
      // A file named explicitly with another extension is read as text, as before.
      const textKind = inputKindOf(file) === 'html' ? 'html' : 'text';
      return { file, bytes, mtimeMs: st.mtimeMs, size: st.size, kind: textKind, ...decode(bytes, textKind) };
    } catch (err) {
      if (err instanceof NotTextError) return { file, reason: err.reason };
      throw err;
    }
  } catch (err) {
    return { file, reason: reasonOf(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** size null: the file grew past the limit while it was being read. */
function tooBig(size: number | null, max: number): Localized {
  return {
    zh: `文件过大（${size === null ? `超过 ${max}` : size} 字节，上限 ${max} 字节，可用 --max-size 调整），未读取`,
    en: `file too large (${size === null ? `more than ${max}` : size} bytes; the limit is ${max} bytes, change it with --max-size)`,
  };
}

/** The kind a file is read as: by its extension, text for any other name given explicitly. */
export const kindOfFile = (file: string): InputKind => inputKindOf(file) ?? 'text';

export function isProblem(x: InputFile | InputProblem): x is InputProblem {
  return 'reason' in x;
}
