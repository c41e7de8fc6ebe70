// Per-line facts every reader needs: where the content starts after indentation and markdown
// markers, and whether the line is blank. Computed once per document.

import type { Source, Span } from '../model';

export interface LineInfo extends Span {
  index: number;
  /** Start of the content after indentation, markdown '#'s and bold markers. */
  contentStart: number;
  /** End of the content without trailing whitespace. */
  contentEnd: number;
  /** Markdown heading level (1..6) or null. */
  markdownLevel: number | null;
  blank: boolean;
  hasTab: boolean;
}

function isSpace(c: number): boolean {
  // The view maps U+3000, NBSP and BOM to ' ', so ASCII whitespace is enough here.
  return c === 32 || c === 9 || c === 11 || c === 12;
}

export function lineInfos(source: Source): LineInfo[] {
  const { view, lines } = source;
  const out: LineInfo[] = new Array(lines.count);
  for (let i = 0; i < lines.count; i++) {
    const { start, end } = lines.line(i);
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
    out[i] = { index: i, start, end, contentStart: s, contentEnd: e, markdownLevel, blank: s >= e, hasTab };
  }
  return out;
}
