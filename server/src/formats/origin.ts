// The map from offsets in a rendered report text (.docx, .pdf) back to where a person finds them
// in the original: sorted segment starts, each with its origin; an offset belongs to the last
// segment that starts at or before it.

import type { Lang, Origin } from '../engine';

export interface OriginMap {
  /** Ascending offsets into the report text. */
  starts: number[];
  origins: Origin[];
}

export function originLookup(map: OriginMap): (offset: number) => Origin | null {
  return (offset) => {
    const { starts, origins } = map;
    if (starts.length === 0 || offset < starts[0]) return origins[0] ?? null;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return origins[lo];
  };
}

/** 「第4页」, 「表2 第5行 第8列」, 「第12段」 / "page 4", "table 2, row 5, cell 8", "paragraph 12". */
export function describeOrigin(origin: Origin, lang: Lang): string {
  if (origin.table !== undefined) {
    const parts =
      lang === 'zh'
        ? [`表${origin.table}`, origin.row !== undefined ? `第${origin.row}行` : '', origin.cell !== undefined ? `第${origin.cell}列` : '']
        : [`table ${origin.table}`, origin.row !== undefined ? `row ${origin.row}` : '', origin.cell !== undefined ? `cell ${origin.cell}` : ''];
    const where = parts.filter(Boolean).join(lang === 'zh' ? ' ' : ', ');
    return origin.page !== undefined ? `${describePage(origin.page, lang)} ${where}` : where;
  }
  if (origin.paragraph !== undefined) return lang === 'zh' ? `第${origin.paragraph}段` : `paragraph ${origin.paragraph}`;
  if (origin.page !== undefined) return describePage(origin.page, lang);
  return '';
}

const describePage = (page: number, lang: Lang): string => (lang === 'zh' ? `第${page}页` : `page ${page}`);
