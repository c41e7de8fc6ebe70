// Plain text → blocks: one block per line of the structural view (for plain text, its physical
// lines). Indentation, markdown '#'s and bold markers are set apart from the content here, once
// per document, so no reader has to.

import type { Source } from '../../model';
import type { Block } from '../document';

function isSpace(c: number): boolean {
  // The view maps U+3000, NBSP and BOM to ' ', so ASCII whitespace is enough here.
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** A block over view[start, end): content bounds, markdown level, blank and tab flags. */
export function makeBlock(view: string, index: number, start: number, end: number): Block {
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
  if (view.startsWith('**', s)) s += 2;
  let e = end;
  while (e > s && isSpace(view.charCodeAt(e - 1))) e--;
  if (e - s >= 2 && view.startsWith('**', e - 2)) e -= 2;
  let hasTab = false;
  for (let k = start; k < end; k++) {
    if (view.charCodeAt(k) === 9) {
      hasTab = true;
      break;
    }
  }
  return { index, start, end, contentStart: s, contentEnd: e, markdownLevel, blank: s >= e, hasTab };
}

/** One block per line of the view (\n, \r\n and a lone \r end a line, as in LineIndex). */
export function lineBlocks(source: Source): Block[] {
  const { view } = source;
  const out: Block[] = [];
  const n = view.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = view.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(makeBlock(view, out.length, start, i));
      if (c === 13 && view.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(makeBlock(view, out.length, start, n));
  return out;
}
