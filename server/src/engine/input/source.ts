import type { Source } from '../model';
import { LineIndex } from '../text/lines';
import { normalisedView } from '../text/view';

/**
 * Wrap a text with its shared views; the text itself is never changed. `structure` (same length)
 * is what the view is built from when an adapter blanks markup or marks block and cell breaks.
 */
export function makeSource(text: string, structure?: string): Source {
  const firstBreak = text.search(/\r\n|\r|\n/);
  const eol = firstBreak < 0 ? '\n' : text[firstBreak] === '\n' ? '\n' : text[firstBreak + 1] === '\n' ? '\r\n' : '\r';
  const base = structure !== undefined && structure.length === text.length ? structure : text;
  return { text, view: normalisedView(base), lines: new LineIndex(text), eol };
}
