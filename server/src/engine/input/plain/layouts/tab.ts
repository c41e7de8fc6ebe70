import type { LineLayout } from './layout';

/** Tab-separated rows: every tab separates two cells, so leading tabs are empty cells. */
export const tabLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block, bounds) {
    // Searching the block's own slice keeps each search inside the block.
    const raw = view.slice(block.start, block.end);
    let n = 0;
    let s = 0;
    for (let k = raw.indexOf('\t'); k >= 0; k = raw.indexOf('\t', s)) {
      bounds[2 * n] = block.start + s;
      bounds[2 * n + 1] = block.start + k;
      n++;
      s = k + 1;
    }
    bounds[2 * n] = block.start + s;
    bounds[2 * n + 1] = block.end;
    return n + 1;
  },
};
