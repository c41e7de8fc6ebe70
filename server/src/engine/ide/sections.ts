// Where the cursor is in the report's structure, and whether a text reads like a report at all.
// One heading recogniser for the whole product: the reader's matchHeading.

import type { Report } from '../model';
import { blockAt } from '../input/document';
import { textDocument } from '../input/text';
import { matchHeading } from '../read/sections';

const TITLE_RE = /政府信息公开.{0,30}年度?报告/;
/** How much of a large text detection reads (a report's title and headings come early). */
const SAMPLE = 400_000;

/** Whether a plain-text / markdown document reads like a report: a title near the top, or three standard headings. */
export function looksLikeReport(text: string): boolean {
  const doc = textDocument(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
  const { view } = doc.source;
  const seen = new Set<number>();
  for (const block of doc.blocks) {
    if (block.blank) continue;
    const length = block.contentEnd - block.contentStart;
    if (length > 400) continue;
    if ((block.index < 40 || block.markdownLevel !== null) && length < 120 && TITLE_RE.test(text.slice(block.contentStart, block.contentEnd))) return true;
    const m = matchHeading(view, block);
    if (m && m.numeralStyle !== 'none') {
      seen.add(m.number);
      if (seen.size >= 3) return true;
    }
  }
  return false;
}

/** The section whose heading line starts at or before offset (the last one: bodies touch the next heading). */
export function sectionAt(report: Report, offset: number): number | null {
  let found: number | null = null;
  for (const sec of report.sections) {
    if (offset >= sec.lineStart && offset <= Math.max(sec.body.end, sec.heading.end)) found = sec.number;
  }
  if (found !== null) return found;
  // A heading the reader set aside (a second 「三、」, a 「（三）」-style one): the nearest above the cursor.
  const { blocks } = report.document;
  if (blocks.length === 0) return null;
  for (let i = blockAt(blocks, offset); i >= 0; i--) {
    const m = matchHeading(report.source.view, blocks[i]);
    if (m && m.numeralStyle !== 'none' && m.numeralStyle !== 'cn-paren') return m.number;
  }
  return null;
}

/** Offset of section n's heading: the section read, else the first heading line that names it. */
export function sectionHeadingOffset(report: Report, n: number): number | null {
  const s = report.sections.find((x) => x.number === n);
  if (s) return s.heading.start;
  for (const block of report.document.blocks) {
    const m = matchHeading(report.source.view, block);
    if (m && m.number === n && m.numeralStyle !== 'cn-paren') return block.contentStart;
  }
  return null;
}
