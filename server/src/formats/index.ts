// Input adapters for the forms a report arrives in, outside the pure engine because they need
// format libraries: .txt/.md (plain text, any layout), .html/.htm (offsets stay in the HTML
// source), .docx and .pdf (a read-only report text with a map back to page / paragraph / cell).
// Each hands the engine one Document; readers and rules do not change per form.

import type { Document, Localized } from '../engine';
import { textDocument } from '../engine';
import { decode, NotTextError } from '../cli/encoding';
import { docxDocument } from './docx';
import { htmlDocument } from './html';
import { pdfDocument, type PdfOptions } from './pdf';

export type InputKind = 'text' | 'html' | 'docx' | 'pdf';

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The extensions a folder is searched for, in the order they are listed to users. */
export const REPORT_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

/** The input kind a file name says, or null for an extension that is not read. */
export function inputKindOf(fileName: string): InputKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return KIND_BY_EXTENSION[fileName.slice(dot).toLowerCase()] ?? null;
}

/** Kinds whose Document is a rendered report text, not the file itself (no edits offered). */
export const isBinaryKind = (kind: InputKind | null): kind is 'docx' | 'pdf' => kind === 'docx' || kind === 'pdf';

export type ReadResult = { ok: true; kind: InputKind; document: Document } | { ok: false; kind: InputKind; reason: Localized };

/**
 * A Document from an already decoded text file. (Binary forms get their own async readers that
 * return the same ReadResult.)
 */
export function documentFromText(text: string, kind: InputKind = 'text'): ReadResult {
  return { ok: true, kind, document: kind === 'html' ? htmlDocument(text) : textDocument(text) };
}

/**
 * A Document from a file's bytes, whatever its kind (by its name; an unknown extension is read as
 * text). Never throws for bad input: a damaged, encrypted or scanned file comes back as a reason.
 */
export async function readDocumentFile(bytes: Uint8Array, fileName: string, options: PdfOptions = {}): Promise<ReadResult> {
  const kind = inputKindOf(fileName) ?? 'text';
  if (kind === 'docx') {
    const r = docxDocument(bytes);
    return r.ok ? { ok: true, kind, document: r.document } : { ok: false, kind, reason: r.reason };
  }
  if (kind === 'pdf') {
    const r = await pdfDocument(bytes, options);
    return r.ok ? { ok: true, kind, document: r.document } : { ok: false, kind, reason: r.reason };
  }
  try {
    return documentFromText(decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind).text, kind);
  } catch (err) {
    if (err instanceof NotTextError) return { ok: false, kind, reason: err.reason };
    throw err;
  }
}
