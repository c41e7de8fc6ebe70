// Plain text → blocks: one block per line of the structural view (for plain text, its physical
// lines). Indentation, markdown '#'s and bold markers are set apart from the content here, once
// per document, so no reader has to.

import type { Source } from '../../model';
import { LineIndex } from '../../text/lines';
import type { Block } from '../document';

function isSpace(c: number): boolean {
  // The view maps U+3000, NBSP and BOM to ' ', so ASCII whitespace is enough here.
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** view.startsWith('**', at), by code unit (this runs twice for every line of every report). */
function isBold(view: string, at: number): boolean {
  return view.charCodeAt(at) === 42 && view.charCodeAt(at + 1) === 42;
}

/** A block over view[start, end): content bounds, markdown level, blank and tab flags. */
export function makeBlock(view: string, index: number, start: number, end: number): Block {
  let hasTab = false;
  for (let k = start; k < end && !hasTab; k++) hasTab = view.charCodeAt(k) === 9;
  return blockOf(view, index, start, end, hasTab);
}

/** makeBlock when the caller already knows whether the block holds a tab. */
function blockOf(view: string, index: number, start: number, end: number, hasTab: boolean): Block {
  let s = start;
  while (s < end && isSpace(view.charCodeAt(s))) s++;
  let markdownLevel: number | null = null;
  if (view.charCodeAt(s) === 35 /* # */) {
    let h = s;
    while (h < end && view.charCodeAt(h) === 35) h++;
    if (h - s <= 6 && (h === end || isSpace(view.charCodeAt(h)))) {
      markdownLevel = h - s;
      s = h;
      while (s < end && isSpace(view.charCodeAt(s))) s++;
    }
  }
  if (isBold(view, s)) s += 2;
  let e = end;
  while (e > s && isSpace(view.charCodeAt(e - 1))) e--;
  if (e - s >= 2 && isBold(view, e - 2)) e -= 2;
  return { index, start, end, contentStart: s, contentEnd: e, markdownLevel, blank: s >= e, hasTab };
}

/**
 * One block per line of the view. `breaks` indexes the view's lines: the source's own LineIndex
 * when the view keeps the text's line breaks (no structural view), so the text is scanned once.
 */
export function lineBlocks(source: Source, breaks: LineIndex = new LineIndex(source.view)): Block[] {
  const { view } = source;
  const count = breaks.count;
  const out: Block[] = [];
  // The next tab at or after the line's start, found once for many lines (most hold none).
  let tab = view.indexOf('\t');
  for (let i = 0; i < count; i++) {
    const start = breaks.lineStart(i);
    const end = breaks.lineEnd(i);
    if (tab >= 0 && tab < start) tab = view.indexOf('\t', start);
    out.push(blockOf(view, i, start, end, tab >= 0 && tab < end));
  }
  return out;
}
