import type { LineLayout } from './layout';

/** Space-aligned columns (pdftotext -layout): a tab or two or more spaces separate cells. */
export const spacesLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block, bounds) {
    const sep = /\t| {2,}/g;
    const raw = view.slice(block.start, block.end);
    // Indentation is not an empty cell here.
    let s = block.contentStart;
    sep.lastIndex = s - block.start;
    let n = 0;
    let m: RegExpExecArray | null;
    while ((m = sep.exec(raw))) {
      bounds[2 * n] = s;
      bounds[2 * n + 1] = block.start + m.index;
      n++;
      s = block.start + m.index + m[0].length;
    }
    bounds[2 * n] = s;
    bounds[2 * n + 1] = block.end;
    return n + 1;
  },
};
