import type { LineLayout } from './layout';

/** Markdown pipe rows (「| a | b |」); the |---| rule is no row; other lines are one cell. */
export const pipeLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block, bounds) {
    if (view.charCodeAt(block.contentStart) !== 124 /* | */) {
      bounds[0] = block.contentStart;
      bounds[1] = block.contentEnd;
      return 1;
    }
    const content = view.slice(block.contentStart, block.contentEnd);
    if (/^\|?[\s:|-]+$/.test(content) && content.includes('-')) return -1;
    let s = block.contentStart + 1;
    let end = block.contentEnd;
    if (view.charCodeAt(end - 1) === 124) end--;
    let n = 0;
    for (let k = s; k <= end; k++) {
      if (k === end || view.charCodeAt(k) === 124) {
        bounds[2 * n] = s;
        bounds[2 * n + 1] = k;
        n++;
        s = k + 1;
      }
    }
    return n;
  },
};
