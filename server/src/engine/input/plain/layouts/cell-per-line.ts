import type { LineLayout } from './layout';

/** One cell per line (a web page copied cell by cell): the block is the cell. */
export const cellPerLineLayout: LineLayout = {
  blankIsCell: true,
  cells(_view, block, bounds) {
    bounds[0] = block.contentStart;
    bounds[1] = block.contentEnd;
    return 1;
  },
};
