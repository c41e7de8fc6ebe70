// Report texts of .docx/.pdf files: the server reads the file's bytes (fs, file: URIs only), runs
// the format adapter and keeps the Document under a virtual URI on its own scheme
// (disclosure-report-text:/abs/path/report.docx). The client asks for the text
// (disclosureReport/reportText), shows it as a read-only document under that URI, and the checks,
// hovers and outline of that document run on the kept Document, so every finding can also say
// where it stands in the original (origin → page / table, row, cell).
//
// Why the server reads the file and not the client: the Document (with its origin map) must live
// where the checks run, and after a server restart the virtual URI alone is enough to read it again.
// The price: files on virtual file systems (vscode-vfs) cannot be opened as reports.

import { promises as fsp } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Document, Localized } from '../engine';
import { inputKindOf, isBinaryKind, readDocumentFile, type InputKind } from '../formats';
import { BinaryReader } from './binaryReader';
import { REPORT_TEXT_SCHEME, type ReportTextResult } from './protocol';

/** Files larger than this are not read (a report is a few hundred kilobytes; a PDF with images a few MB). */
export const MAX_REPORT_FILE_BYTES = 200 * 1024 * 1024;

/** How many read documents are kept (each is one report's text and map; reading again costs a file read). */
const MAX_KEPT = 16;

const MESSAGES = {
  notAFile: {
    zh: '只能以年报方式打开本机磁盘上的文件（file:）。',
    en: 'Only files on disk (file: URIs) can be opened as a report.',
  },
  unknownKind: {
    zh: '不支持此类文件：可打开 .docx、.pdf、.html、.htm、.txt、.md。',
    en: 'This kind of file is not supported: .docx, .pdf, .html, .htm, .txt and .md can be opened.',
  },
  unreadable: { zh: (e: string) => `无法读取文件：${e}`, en: (e: string) => `Cannot read the file: ${e}` },
  tooLarge: {
    zh: (mb: number) => `文件过大（超过 ${mb} MB），未读取。`,
    en: (mb: number) => `The file is too large (over ${mb} MB) and was not read.`,
  },
  failed: { zh: '读取文件时出错。', en: 'Reading the file failed.' },
};

/** The virtual URI of a file's report text: the same path on the report-text scheme, written as
 *  VS Code writes a URI without authority (`disclosure-report-text:/abs/path.docx`). */
export function reportTextUri(fileUri: string): string | null {
  if (!fileUri.startsWith('file://')) return null;
  const rest = fileUri.slice('file://'.length);
  return `${REPORT_TEXT_SCHEME}:${rest.startsWith('/') ? rest : '//' + rest}`;
}

/** The file: URI of the original behind a virtual URI, or null for any other URI. */
export function originalFileUri(uri: string): string | null {
  if (!isReportTextUri(uri)) return null;
  const rest = uri.slice(REPORT_TEXT_SCHEME.length + 1);
  return rest.startsWith('//') ? `file:${rest}` : `file://${rest}`;
}

export function isReportTextUri(uri: string): boolean {
  return uri.startsWith(REPORT_TEXT_SCHEME + ':');
}

/** The path of a file: URI or a virtual URI, the key of what is kept (URIs may differ in their escapes). */
function filePathOf(uri: string): string | null {
  const fileUri = isReportTextUri(uri) ? originalFileUri(uri) : uri;
  if (!fileUri?.startsWith('file:')) return null;
  try {
    return fileURLToPath(fileUri);
  } catch {
    return null;
  }
}

interface Kept {
  document: Document;
  kind: InputKind;
  mtimeMs: number;
  size: number;
}

const failure = (reason: Localized, kind?: InputKind): ReportTextResult => ({ ok: false, ...(kind ? { kind } : {}), reason });

/** The report texts read so far, by virtual URI (least recently used first). */
export class ReportTexts {
  private readonly kept = new Map<string, Kept>();
  /** Reads under way, so that a request and a didOpen of one file read it once. */
  private readonly reading = new Map<string, Promise<ReportTextResult>>();
  /** .docx/.pdf are read in a worker with a time and memory limit (text files in place). */
  private readonly reader = new BinaryReader();

  /** The kept Document of a virtual URI, if its text is still the one shown. */
  document(uri: string, text: string): Document | null {
    const file = filePathOf(uri);
    const k = file ? this.kept.get(file) : undefined;
    if (!file || !k || k.document.source.text !== text) return null;
    this.kept.delete(file);
    this.kept.set(file, k);
    return k.document;
  }

  /** Read (or reuse, when the file is unchanged) the report text of a file: or virtual URI. */
  load(uri: string): Promise<ReportTextResult> {
    const file = filePathOf(uri);
    if (!file) return Promise.resolve(failure(MESSAGES.notAFile));
    const running = this.reading.get(file);
    if (running) return running;
    const p = this.read(file).finally(() => this.reading.delete(file));
    this.reading.set(file, p);
    return p;
  }

  private async read(file: string): Promise<ReportTextResult> {
    const virtualUri = reportTextUri(pathToFileURL(file).href) as string;
    const kind = inputKindOf(file);
    if (!kind) return failure(MESSAGES.unknownKind);
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return failure({ zh: MESSAGES.unreadable.zh('不是文件'), en: MESSAGES.unreadable.en('not a file') });
      if (stat.size > MAX_REPORT_FILE_BYTES) {
        const mb = MAX_REPORT_FILE_BYTES / 1024 / 1024;
        return failure({ zh: MESSAGES.tooLarge.zh(mb), en: MESSAGES.tooLarge.en(mb) });
      }
      const k = this.kept.get(file);
      if (k && k.mtimeMs === stat.mtimeMs && k.size === stat.size) return this.answer(virtualUri, k);
      const bytes = await fsp.readFile(file);
      const read = isBinaryKind(kind) ? await this.reader.read(bytes, file, kind) : await readDocumentFile(bytes, file);
      if (!read.ok) return failure(read.reason, read.kind);
      const kept: Kept = { document: read.document, kind: read.kind, mtimeMs: stat.mtimeMs, size: stat.size };
      this.kept.delete(file);
      this.kept.set(file, kept);
      while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      return this.answer(virtualUri, kept);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (code) return failure({ zh: MESSAGES.unreadable.zh(code), en: MESSAGES.unreadable.en(code) });
      return failure(MESSAGES.failed);
    }
  }

  private answer(virtualUri: string, k: Kept): ReportTextResult {
    return { ok: true, uri: virtualUri, kind: k.kind, text: k.document.source.text };
  }

  drop(uri: string): void {
    const file = filePathOf(uri);
    if (file) this.kept.delete(file);
  }

  get size(): number {
    return this.kept.size;
  }
}
