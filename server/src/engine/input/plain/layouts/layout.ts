// How one table layout splits a block (a line) into cells. The tokenizer (../tokens.ts) turns the
// cells into tokens; the table readers never see the layout.

import type { Span } from '../../../model';
import type { Block } from '../../document';

export interface LineLayout {
  /** Cell spans of a non-blank block, in order; null when the block is no row (a |---| rule). */
  cells(view: string, block: Block): Span[] | null;
  /** Whether a whitespace-only block is an empty cell (one cell per line: Word exports write '\t'). */
  blankIsCell: boolean;
}
