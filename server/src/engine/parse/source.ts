import type { Source } from '../model';
import { LineIndex } from '../text/lines';
import { normalisedView } from '../text/view';

/** Wrap a text with its shared views; the text itself is never changed. */
export function makeSource(text: string): Source {
  const firstBreak = text.search(/\r\n|\r|\n/);
  const eol = firstBreak < 0 ? '\n' : text[firstBreak] === '\n' ? '\n' : text[firstBreak + 1] === '\n' ? '\r\n' : '\r';
  return { text, view: normalisedView(text), lines: new LineIndex(text), eol };
}
