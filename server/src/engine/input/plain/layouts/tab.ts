import type { LineLayout } from './layout';

/** Tab-separated rows: every tab separates two cells, so leading tabs are empty cells. */
export const tabLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block) {
    // Searching the block's own slice keeps each search inside the block.
    const raw = view.slice(block.start, block.end);
    const out = [];
    let s = 0;
    for (let k = raw.indexOf('\t'); k >= 0; k = raw.indexOf('\t', s)) {
      out.push({ start: block.start + s, end: block.start + k });
      s = k + 1;
    }
    out.push({ start: block.start + s, end: block.end });
    return out;
  },
};
