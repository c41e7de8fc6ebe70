// Where a place in a report text stands in the original .docx/.pdf, said as a person looks for it:
// 「第4页」, 「表2 第5行 第8列」, 「第12段」 (page 4; table 2, row 5, cell 8; paragraph 12).

import type { Document, Lang, Origin } from '../engine';

/** The place in words, or null when the origin names nothing a person could find. */
export function describeOrigin(o: Origin | null | undefined, lang: Lang): string | null {
  if (!o) return null;
  const parts: string[] = [];
  if (o.page !== undefined) parts.push(lang === 'zh' ? `第${o.page}页` : `page ${o.page}`);
  if (o.table !== undefined) {
    if (lang === 'zh') {
      let t = `表${o.table}`;
      if (o.row !== undefined) t += ` 第${o.row}行`;
      if (o.cell !== undefined) t += ` 第${o.cell}列`;
      parts.push(t);
    } else {
      parts.push(`table ${o.table}`);
      if (o.row !== undefined) parts.push(`row ${o.row}`);
      if (o.cell !== undefined) parts.push(`cell ${o.cell}`);
    }
  } else if (o.paragraph !== undefined) {
    parts.push(lang === 'zh' ? `第${o.paragraph}段` : `paragraph ${o.paragraph}`);
  }
  if (parts.length === 0) return null;
  return lang === 'zh' ? parts.join(' ') : parts.join(', ');
}

/** The place of an offset of a document in its original file; null for text and HTML (the offset is the place). */
export function originOf(document: Document, offset: number, lang: Lang): string | null {
  if (!document.origin) return null;
  try {
    return describeOrigin(document.origin(offset), lang);
  } catch {
    // An adapter's map must never take a diagnostic or hover down with it.
    return null;
  }
}

/** The suffix a diagnostic message gets on a report text: 「（原文：第4页）」 / " (in the original: page 4)". */
export function originSuffix(place: string, lang: Lang): string {
  return lang === 'zh' ? `（原文：${place}）` : ` (in the original: ${place})`;
}

/** The hover line: 「原文位置：表2 第5行 第8列」 / "In the original: table 2, row 5, cell 8". */
export function originLine(place: string, lang: Lang): string {
  return lang === 'zh' ? `原文位置：${place}` : `In the original: ${place}`;
}
