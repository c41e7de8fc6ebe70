import type { Source } from '../model';
import { LineIndex } from '../text/lines';
import { normalisedView } from '../text/view';

/**
 * Wrap a text with its shared views; the text itself is never changed. `structure` (same length)
 * is what the view is built from when an adapter blanks markup or marks block and cell breaks.
 */
export function makeSource(text: string, structure?: string): Source {
  const lines = new LineIndex(text);
  // The first line's end is the first break (the index has already found it).
  const firstBreak = lines.count > 1 ? lines.lineEnd(0) : -1;
  const eol = firstBreak < 0 ? '\n' : text[firstBreak] === '\n' ? '\n' : text[firstBreak + 1] === '\n' ? '\r\n' : '\r';
  const base = structure !== undefined && structure.length === text.length ? structure : text;
  return { text, view: normalisedView(base), lines, eol };
}
