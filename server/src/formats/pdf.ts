// The .pdf adapter: the text layer (pdf.js through unpdf, pure JS) → a read-only report text the
// engine reads like any text, with origin(offset) → the page.
//
// From positioned text items to lines and cells:
//  - items on one baseline (within a fraction of the font size) form a line; items separated by
//    a gap wider than a fraction of the font size are separate chunks (cells);
//  - a run of lines with several chunks is a table: its column anchors are the x positions where
//    the chunks of its data rows (lines holding numbers) start; every row is written as one tab
//    row with one slot per anchor, so an empty cell stays an empty slot;
//  - a line without numbers after a data row is the rest of that row's wrapped cells (a label
//    wrapped inside its cell, or carried over a page break) and joins it, slot by slot;
//  - lines before a table's first data row are its header, joined slot by slot into one row (a
//    header printed one character per line reads as its words);
//  - page numbers (「-3-」「— 3 —」「第3页」「3/10」) in the top or bottom margin are dropped, and
//    paragraph lines that run to the right margin continue on the next line.
// A PDF with no text at all is a scan: the reason says to OCR it, instead of an empty report.

import type { Document, Localized, Origin } from '../engine';
import { textDocument } from '../engine';
import { type OriginMap, originLookup } from './origin';

export interface PdfOptions {
  /** At most this many pages are read (default 2000). */
  maxPages?: number;
}

export type PdfReading = { ok: true; text: string; origins: OriginMap; pages: number } | { ok: false; reason: Localized };

const NO_TEXT: Localized = {
  zh: 'PDF 没有文字层（可能是扫描件），请先做 OCR 再检查',
  en: 'the PDF has no text layer (a scan?): OCR it first',
};
const ENCRYPTED: Localized = { zh: 'PDF 已加密，无法读取（请先取消密码保护）', en: 'the PDF is encrypted (remove the password protection first)' };
const DAMAGED: Localized = { zh: 'PDF 文件已损坏或不完整，无法读取', en: 'the PDF is damaged or truncated and cannot be read' };

/** One positioned run of text from the text layer (PDF units, y upwards). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: TextItem[];
}

/**
 * Read the text layer of every page (pdf.js), bounded in pages. Time and memory are bounded by
 * the caller: the CLI reads each file in a worker thread it stops after --file-timeout or when its
 * heap limit is reached (a PDF that makes pdf.js loop cannot be stopped from inside).
 */
export async function pdfPages(bytes: Uint8Array, options: PdfOptions = {}): Promise<{ ok: true; pages: PdfPage[] } | { ok: false; reason: Localized }> {
  let pdf: { numPages: number; getPage(n: number): Promise<any>; destroy(): Promise<void> } | undefined;
  try {
    const { getDocumentProxy } = await import('unpdf');
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = (await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 })) as any;
    const pages: PdfPage[] = [];
    const count = Math.min(pdf!.numPages, options.maxPages ?? 2000);
    for (let n = 1; n <= count; n++) {
      const page = await pdf!.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items as { str?: string; transform?: number[]; width?: number }[]) {
        if (typeof it.str !== 'string' || !it.transform || it.str.trim() === '') continue;
        const [a, b, , d, e, f] = it.transform;
        items.push({ str: it.str, x: e, y: f, width: it.width ?? 0, fontSize: Math.hypot(a, b) || Math.abs(d) || 10 });
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup?.();
    }
    return { ok: true, pages };
  } catch (err) {
    const name = (err as { name?: string })?.name ?? '';
    if (name === 'PasswordException') return { ok: false, reason: ENCRYPTED };
    return { ok: false, reason: DAMAGED };
  } finally {
    void pdf?.destroy().catch(() => undefined);
  }
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfReading> {
  const r = await pdfPages(bytes, options);
  if (!r.ok) return r;
  if (!r.pages.some((p) => p.items.length > 0)) return { ok: false, reason: NO_TEXT };
  return { ok: true, pages: r.pages.length, ...layoutPages(r.pages) };
}

export async function pdfDocument(bytes: Uint8Array, options: PdfOptions = {}): Promise<{ ok: true; document: Document } | { ok: false; reason: Localized }> {
  const r = await readPdf(bytes, options);
  if (!r.ok) return r;
  return { ok: true, document: textDocument(r.text, { form: 'pdf', editable: false, origin: originLookup(r.origins) }) };
}

// ---------------------------------------------------------------------------------------------
// Layout: pure geometry, exported for tests.

interface Chunk {
  text: string;
  x: number;
  right: number;
  fontSize: number;
  numeric: boolean;
}

interface Line {
  page: number;
  y: number;
  chunks: Chunk[];
  pageWidth: number;
}

const NUMERIC = /^[0-9０-９]+(?:[.,．][0-9０-９]+)*$/;
const ASCII_WORD = /[A-Za-z0-9]/;
const CJK_OR_PUNCT = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const PAGE_NUMBER = /^(?:[-—–－一]\s*\d+\s*[-—–－一]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+)$/;
/** A line that starts a heading or an item: never the rest of a wrapped cell. */
const STARTS_BLOCK = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+条)/;

const join = (a: string, b: string): string =>
  !a ? b : !b ? a : ASCII_WORD.test(a[a.length - 1]) && ASCII_WORD.test(b[0]) ? `${a} ${b}` : a + b;

function pageLines(page: PdfPage, pageNumber: number): Line[] {
  const items = [...page.items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of items) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= 0.4 * Math.max(last.size, it.fontSize)) last.items.push(it);
    else lines.push({ y: it.y, size: it.fontSize, items: [it] });
  }
  const out: Line[] = [];
  for (const l of lines) {
    l.items.sort((p, q) => p.x - q.x);
    const chunks: Chunk[] = [];
    for (const it of l.items) {
      const prev = chunks[chunks.length - 1];
      const gap = prev ? it.x - prev.right : Infinity;
      if (prev && gap <= 0.6 * Math.max(prev.fontSize, it.fontSize)) {
        prev.text = gap > 0.15 * it.fontSize ? join(prev.text, it.str.trim()) : prev.text + it.str;
        prev.right = Math.max(prev.right, it.x + it.width);
      } else {
        chunks.push({ text: it.str, x: it.x, right: it.x + it.width, fontSize: it.fontSize, numeric: false });
      }
    }
    for (const c of chunks) {
      c.text = c.text.trim();
      c.numeric = NUMERIC.test(c.text);
    }
    const kept = chunks.filter((c) => c.text !== '');
    if (kept.length) out.push({ page: pageNumber, y: l.y, chunks: kept, pageWidth: page.width });
  }
  // Page numbers in the top or bottom margin.
  return out.filter((line) => {
    const inMargin = line.y < page.height * 0.1 || line.y > page.height * 0.92;
    return !(inMargin && line.chunks.length === 1 && PAGE_NUMBER.test(line.chunks[0].text.replace(/\s+/g, ' ')));
  });
}

/** Cluster x positions (sorted) that lie within `tolerance` of the cluster's first member. */
function anchorsOf(xs: number[], tolerance: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const anchors: number[] = [];
  for (const x of sorted) if (!anchors.length || x - anchors[anchors.length - 1] > tolerance) anchors.push(x);
  return anchors;
}

/** The slot of a chunk: the last anchor at or left of its start (with a little tolerance). */
function slotOf(anchors: number[], x: number, tolerance: number): number {
  let slot = 0;
  for (let i = 0; i < anchors.length; i++) if (anchors[i] <= x + tolerance) slot = i;
  return slot;
}

interface Row {
  page: number;
  cells: string[];
}

export function layoutPages(pages: PdfPage[]): { text: string; origins: OriginMap } {
  const lines = pages.flatMap((p, i) => pageLines(p, i + 1));
  const origins: OriginMap = { starts: [], origins: [] };
  let text = '';
  const emit = (s: string, page: number): void => {
    if (text) text += '\n';
    origins.starts.push(text.length);
    origins.origins.push({ kind: 'pdf', page } satisfies Origin);
    text += s;
  };

  let i = 0;
  while (i < lines.length) {
    if (lines[i].chunks.length >= 2) {
      const end = tableEnd(lines, i);
      for (const row of tableRows(lines.slice(i, end))) emit(row.cells.join('\t'), row.page);
      i = end;
      continue;
    }
    // A paragraph: lines that reach the right margin go on on the next line.
    let paragraph = lines[i].chunks[0].text;
    const page = lines[i].page;
    const rightMargin = Math.max(...lines.filter((l) => l.page === page && l.chunks.length === 1).map((l) => l.chunks[0].right));
    let last = lines[i];
    i++;
    while (
      i < lines.length &&
      lines[i].chunks.length === 1 &&
      last.chunks[0].right >= rightMargin - 2 * last.chunks[0].fontSize &&
      !STARTS_BLOCK.test(lines[i].chunks[0].text)
    ) {
      paragraph = join(paragraph, lines[i].chunks[0].text);
      last = lines[i];
      i++;
    }
    emit(paragraph, page);
  }
  return { text, origins };
}

/**
 * Where the table that starts at line `start` ends: at the first single-chunk line that does not
 * fit inside one of the table's cells (a heading, a paragraph, the next item's title).
 */
function tableEnd(lines: Line[], start: number): number {
  // Column starts seen so far in this table (rows of several cells).
  const starts: number[] = [];
  const see = (l: Line): void => {
    for (const c of l.chunks) if (!starts.some((x) => Math.abs(x - c.x) <= 2)) starts.push(c.x);
    starts.sort((a, b) => a - b);
  };
  see(lines[start]);
  let i = start + 1;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.chunks.length >= 2) {
      see(l);
      continue;
    }
    const c = l.chunks[0];
    if (STARTS_BLOCK.test(c.text) && !c.numeric) break;
    const slot = slotOf(starts, c.x, 2);
    const next = starts[slot + 1] ?? l.pageWidth;
    if (Math.abs(starts[slot] - c.x) > 3 || c.right > next + 1) break;
  }
  return i;
}

/**
 * A group label (「三、本年度办理结果」 beside its rows) wrapped inside its tall merged cell prints
 * its pieces on the rows below, beside their own labels. A piece is recognised as the rest of the
 * label above when the row above held the label (or a piece of it) in the same column, a row
 * label stands to its right, and it does not start a label of its own (「（三）」…).
 */
function joinGroupLabels(rows: Row[]): void {
  const isLabel = (s: string): boolean => s !== '' && !NUMERIC.test(s);
  const width = rows[0]?.cells.length ?? 0;
  for (let slot = 0; slot < width; slot++) {
    let owner = -1;
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r].cells[slot];
      const labelRight = rows[r].cells.slice(slot + 1).some(isLabel);
      if (!isLabel(cell) || !labelRight) {
        owner = -1;
        continue;
      }
      if (owner >= 0 && !STARTS_BLOCK.test(cell)) {
        rows[owner].cells[slot] = join(rows[owner].cells[slot], cell);
        rows[r].cells[slot] = '';
      } else {
        owner = r;
      }
    }
  }
}

function tableRows(lines: Line[]): Row[] {
  const size = Math.max(...lines.flatMap((l) => l.chunks.map((c) => c.fontSize)));
  const tolerance = 0.5 * size;
  const dataLine = (l: Line): boolean => l.chunks.some((c) => c.numeric);
  const firstData = lines.findIndex(dataLine);
  // Anchors from the rows that hold numbers (and their wrapped rest); the header maps onto them.
  const body = firstData < 0 ? lines : lines.slice(firstData);
  const anchors = anchorsOf(body.flatMap((l) => l.chunks.map((c) => c.x)), tolerance);
  const rows: Row[] = [];
  const place = (row: Row, l: Line): void => {
    for (const c of l.chunks) {
      const slot = slotOf(anchors, c.x, tolerance);
      row.cells[slot] = join(row.cells[slot], c.text);
    }
  };
  const newRow = (page: number): Row => ({ page, cells: anchors.map(() => '') });
  if (firstData !== 0) {
    // Header lines: a chunk that starts away from every column start (a heading centred over
    // several columns) goes to the column on its right, not into the label on its left.
    // A header line with more words than the header row above has cells (「结果维持 结果纠正 …」
    // under 「行政复议 行政诉讼」) is a header row of its own; other header lines are wrapped
    // pieces (a header printed one character per line) and join the row above, column by column.
    let header = newRow(lines[0].page);
    rows.push(header);
    for (const l of firstData < 0 ? lines : lines.slice(0, firstData)) {
      const wholeWords = l.chunks.length >= 3 && l.chunks.every((c) => [...c.text].length >= 2);
      if (wholeWords && l.chunks.length > header.cells.filter((x) => x !== '').length) {
        header = newRow(l.page);
        rows.push(header);
      }
      for (const c of l.chunks) {
        let slot = slotOf(anchors, c.x, tolerance);
        if (c.x - anchors[slot] > tolerance && slot + 1 < anchors.length) slot++;
        header.cells[slot] = join(header.cells[slot], c.text);
      }
    }
  }
  if (firstData < 0) return rows;
  const dataStart = rows.length;
  for (const l of body) {
    if (dataLine(l) || rows.length === dataStart) rows.push(newRow(l.page));
    place(rows[rows.length - 1], l);
  }
  joinGroupLabels(rows.slice(dataStart));
  return rows;
}
