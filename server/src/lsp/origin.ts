// Where a place in a report text stands in the original .docx/.pdf, in the words the CLI uses too
// (formats/origin.ts): 「第4页」, 「表2 第5行 第8列」, 「第12段」, said in a diagnostic or a hover.

import type { Document, Lang } from '../engine';
import { describeOrigin } from '../formats/origin';

/** The place of an offset of a document in its original file; null for text and HTML (the offset is the place). */
export function originOf(document: Document, offset: number, lang: Lang): string | null {
  if (!document.origin) return null;
  try {
    const origin = document.origin(offset);
    return origin ? describeOrigin(origin, lang) || null : null;
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
