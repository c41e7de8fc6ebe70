// How one table layout splits a block (a line) into cells. The tokenizer (../tokens.ts) turns the
// cells into tokens; the table readers never see the layout.

import type { Block } from '../../document';

export interface LineLayout {
  /**
   * Cell bounds of a non-blank block, in order, written into `bounds` as start, end, start, end, …
   * (a reused array: this runs for every line of every table, so nothing is allocated per line).
   * Returns the number of cells, or -1 when the block is no row (a |---| rule).
   */
  cells(view: string, block: Block, bounds: number[]): number;
  /** Whether a whitespace-only block is an empty cell (one cell per line: Word exports write '\t'). */
  blankIsCell: boolean;
}
