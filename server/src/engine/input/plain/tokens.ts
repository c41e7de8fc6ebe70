// Table text → a flat stream of cell tokens, whatever the layout: tab-separated rows, one cell
// per line, markdown pipe rows or space-aligned columns (one module each under layouts/). Table
// readers then walk the stream guided by the template (find each expected label, then its
// values), so the layout only matters here.

import type { Source, Span, TableLayout } from '../../model';
import { isWhitespaceUnit, viewKey } from '../../text/view';
import type { Block as LineInfo } from '../document';
import { cellPerLineLayout } from './layouts/cell-per-line';
import type { LineLayout } from './layouts/layout';
import { pipeLayout } from './layouts/pipe';
import { spacesLayout } from './layouts/spaces';
import { tabLayout } from './layouts/tab';

export interface Token extends Span {
  /** Trimmed view text (full-width digits already ASCII). */
  view: string;
  /** Label comparison key (spec §4.11). */
  key: string;
  line: number;
  /** Index of the cell on its line (tab layout); 0 for one-cell-per-line. */
  col: number;
  empty: boolean;
  /** A plain number (possibly signed/decimal/with thousands separators). */
  numeric: boolean;
}

const PAGE_NUMBER = /^(?:[-—–]+ *\d{1,4} *[-—–]+|第 *\d{1,4} *页(?: *共 *\d{1,4} *页)?|\d{1,4} *\/ *\d{1,4})$/;

export function isPageNumber(viewContent: string): boolean {
  return PAGE_NUMBER.test(viewContent);
}

/** Whether view[start, end) can be a page number at all: most table lines start with none of its first units. */
function mayBePageNumber(view: string, start: number, end: number): boolean {
  if (end - start > 40) return false; // page numbers are short
  const c = view.charCodeAt(start);
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2014 || c === 0x2013 || c === 0x7b2c /* 第 */;
}

export function detectLayout(source: Source, lines: LineInfo[], first: number, last: number, spacedColumns = true): TableLayout {
  const { view } = source;
  let tab = 0;
  let pipe = 0;
  let spaced = 0;
  for (let i = first; i <= last && i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) continue;
    if (view.charCodeAt(l.contentStart) === 124 /* | */) {
      if (++pipe >= 3) return 'markdown'; // pipe rows win over any other count
    } else if (l.hasTab && tab < 3 && filledTabCells(view, l.start, l.end) >= 2) tab++;
    // Once three tab rows are seen, spaced rows cannot decide the layout any more.
    else if (spacedColumns && tab < 3 && spaced < 3 && hasSpacedColumns(view, l.contentStart, l.contentEnd)) spaced++;
  }
  if (pipe >= 3) return 'markdown';
  if (tab >= 3) return 'tab';
  if (spaced >= 3) return 'spaces';
  return 'cell-per-line';
}

/** /\S {2,}\S/ over view[start, end): a run of two or more spaces between two visible units. */
function hasSpacedColumns(view: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    if (view.charCodeAt(k) !== 32 || isWhitespaceUnit(view.charCodeAt(k - 1))) continue;
    let e = k + 1;
    while (e < end && view.charCodeAt(e) === 32) e++;
    if (e - k >= 2 && e < end && !isWhitespaceUnit(view.charCodeAt(e))) return true;
    k = e;
  }
  return false;
}

/** Tab-separated cells of view[start, end) holding anything but whitespace (counts up to 2 is all callers need). */
function filledTabCells(view: string, start: number, end: number): number {
  let n = 0;
  let filled = false;
  for (let k = start; k <= end; k++) {
    const c = k === end ? 9 : view.charCodeAt(k);
    if (c === 9) {
      if (filled && ++n >= 2) return n;
      filled = false;
    } else if (!isWhitespaceUnit(c)) filled = true;
  }
  return n;
}


function makeToken(source: Source, start: number, end: number, line: number, col: number): Token {
  const { view } = source;
  while (start < end && isWhitespaceUnit(view.charCodeAt(start))) start++;
  while (end > start && isWhitespaceUnit(view.charCodeAt(end - 1))) end--;
  const v = view.slice(start, end);
  const numeric = isNumeric(v);
  // A number's key is itself (nothing for viewKey to drop): skip the cache lookup for the many value cells.
  return { start, end, view: v, key: numeric || v.length === 0 ? v : viewKey(v), line, col, empty: v.length === 0, numeric };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** /^[+-]?\d[\d,]*(\.\d+)?$/ by code unit: this runs for every token of every table. */
function isNumeric(v: string): boolean {
  const n = v.length;
  let i = 0;
  let c = v.charCodeAt(0);
  if (c === 43 || c === 45) c = v.charCodeAt(++i);
  if (!isDigit(c)) return false;
  for (i++; i < n; i++) {
    c = v.charCodeAt(i);
    if (!isDigit(c) && c !== 44) break;
  }
  if (i === n) return true;
  if (c !== 46 /* . */ || i + 1 === n) return false;
  for (i++; i < n; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

function hasWhitespace(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (isWhitespaceUnit(v.charCodeAt(i))) return true;
  return false;
}

/**
 * Split one cell into tokens: 「结果 维持」 stays one label, but 「4 0 0」 or a label followed by
 * space-separated numbers (「一、本年新收… 4 0 0 0 0 0 4」, common in PDF text) becomes several.
 */
function pushCell(out: Token[], source: Source, start: number, end: number, line: number, col: number): void {
  const tok = makeToken(source, start, end, line, col);
  // A key equal to the view has no white space in it (viewKey drops all of it).
  if (tok.empty || tok.numeric || tok.key === tok.view || !hasWhitespace(tok.view)) {
    out.push(tok);
    return;
  }
  // The numbers at the cell's end, word by word from its end: a paragraph of prose is one cell
  // of hundreds of words, so only its last words are looked at.
  const { view } = source;
  const numbers: Span[] = [];
  let labelEnd = tok.start;
  for (let e = tok.end; e > tok.start; ) {
    let s = e;
    while (s > tok.start && !isWhitespaceUnit(view.charCodeAt(s - 1))) s--;
    if (!isNumeric(view.slice(s, e))) {
      labelEnd = e;
      break;
    }
    numbers.push({ start: s, end: e });
    e = s;
    while (e > tok.start && isWhitespaceUnit(view.charCodeAt(e - 1))) e--;
  }
  if (numbers.length === 0) {
    out.push(tok);
    return;
  }
  if (labelEnd > tok.start) out.push(makeToken(source, tok.start, labelEnd, line, col));
  for (let w = numbers.length - 1; w >= 0; w--) out.push(makeToken(source, numbers[w].start, numbers[w].end, line, col));
}

export interface TokenStream {
  tokens: Token[];
  layout: TableLayout;
}

const LAYOUTS: Record<TableLayout, LineLayout> = {
  tab: tabLayout,
  markdown: pipeLayout,
  spaces: spacesLayout,
  'cell-per-line': cellPerLineLayout,
};

/** Cell bounds of the line being split (see LineLayout.cells), reused from line to line. */
const bounds: number[] = [];

/** Tokens of blocks [first, last] in the given layout. Page-number lines are skipped. */
export function tokenize(source: Source, lines: LineInfo[], first: number, last: number, layout: TableLayout): Token[] {
  const { view } = source;
  const splitter = LAYOUTS[layout];
  const out: Token[] = [];
  for (let i = first; i <= last && i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) {
      if (splitter.blankIsCell && l.end > l.start) out.push(makeToken(source, l.end, l.end, i, 0));
      continue;
    }
    if (mayBePageNumber(view, l.contentStart, l.contentEnd) && isPageNumber(view.slice(l.contentStart, l.contentEnd))) continue;
    const n = splitter.cells(view, l, bounds);
    for (let col = 0; col < n; col++) pushCell(out, source, bounds[2 * col], bounds[2 * col + 1], i, col);
  }
  return out;
}
