import type { LineLayout } from './layout';

/** Markdown pipe rows (「| a | b |」); the |---| rule is no row; other lines are one cell. */
export const pipeLayout: LineLayout = {
  blankIsCell: false,
  cells(view, block) {
    const content = view.slice(block.contentStart, block.contentEnd);
    if (!content.startsWith('|')) return [{ start: block.contentStart, end: block.contentEnd }];
    if (/^\|?[\s:|-]+$/.test(content) && content.includes('-')) return null;
    let s = block.contentStart + 1;
    let end = block.contentEnd;
    if (view.charCodeAt(end - 1) === 124 /* | */) end--;
    const out = [];
    for (let k = s; k <= end; k++) {
      if (k === end || view.charCodeAt(k) === 124) {
        out.push({ start: s, end: k });
        s = k + 1;
      }
    }
    return out;
  },
};
