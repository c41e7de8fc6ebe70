// Input adapters for the forms a report arrives in, outside the pure engine because they need
// format libraries: .txt/.md (plain text, any layout), .html/.htm (offsets stay in the HTML
// source), .docx and .pdf (a read-only report text with a map back to page / paragraph / cell).
// Each hands the engine one Document; readers and rules do not change per form.

import type { Document, Localized } from '../engine';
import { textDocument } from '../engine';
import { decode, NotTextError } from '../cli/encoding';
import { readDocx } from './docx';
import { htmlDocument } from './html';
import { type OriginMap, originLookup } from './origin';
import { type PdfOptions, readPdf } from './pdf';

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

export type BinaryKind = 'docx' | 'pdf';

/**
 * What a .docx/.pdf adapter reads, as plain data (the report text and its origin map, no
 * functions): it can cross a worker thread, and binaryDocument makes the Document of it.
 */
export type BinaryReading = { ok: true; kind: BinaryKind; text: string; origins: OriginMap } | { ok: false; kind: BinaryKind; reason: Localized };

/** Read a .docx/.pdf to its report text and origin map. Bad input comes back as a reason. */
export async function readBinary(bytes: Uint8Array, kind: BinaryKind, options: PdfOptions = {}): Promise<BinaryReading> {
  const r = kind === 'docx' ? readDocx(bytes) : await readPdf(bytes, options);
  return r.ok ? { ok: true, kind, text: r.text, origins: r.origins } : { ok: false, kind, reason: r.reason };
}

/** The Document the engine checks for a .docx/.pdf reading: the report text, read-only, with its origins. */
export function binaryDocument(reading: BinaryReading): ReadResult {
  if (!reading.ok) return reading;
  const { kind, text, origins } = reading;
  return { ok: true, kind, document: textDocument(text, { form: kind, editable: false, origin: originLookup(origins) }) };
}

/**
 * A Document from a file's bytes, whatever its kind (by its name; an unknown extension is read as
 * text). Never throws for bad input: a damaged, encrypted or scanned file comes back as a reason.
 */
export async function readDocumentFile(bytes: Uint8Array, fileName: string, options: PdfOptions = {}): Promise<ReadResult> {
  const kind = inputKindOf(fileName) ?? 'text';
  if (isBinaryKind(kind)) return binaryDocument(await readBinary(bytes, kind, options));
  try {
    return documentFromText(decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind).text, kind);
  } catch (err) {
    if (err instanceof NotTextError) return { ok: false, kind, reason: err.reason };
    throw err;
  }
}
