import type { LineLayout } from './layout';

/** Space-aligned columns (pdftotext -layout): a tab or two or more spaces separate cells. */
export const spacesLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block) {
    const sep = /\t| {2,}/g;
    const raw = view.slice(block.start, block.end);
    // Indentation is not an empty cell here.
    let s = block.contentStart;
    sep.lastIndex = s - block.start;
    const out = [];
    let m: RegExpExecArray | null;
    while ((m = sep.exec(raw))) {
      out.push({ start: s, end: block.start + m.index });
      s = block.start + m.index + m[0].length;
    }
    out.push({ start: s, end: block.end });
    return out;
  },
};
