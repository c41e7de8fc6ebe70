// Helpers for the rules that read the prose (text-table-mismatch, prose-sum, enumeration, …):
// sentences of the text outside the tables, and numbers written in digits (full-width digits
// are already ASCII in the view) or in Chinese numerals. Offsets are document offsets.

import type { Report, Span } from '../model';
import { blockAt } from '../input/document';
import { section } from './util';

const SORTED = new WeakMap<Report, Span[]>();

/**
 * The text outside the three tables (the prose) within a span, as spans. The tables are sorted
 * once per report and the first table that can touch the span is found by binary search, so a
 * document with thousands of sections and tables stays linear.
 */
export function proseSpans(report: Report, within: Span = { start: 0, end: report.source.text.length }): Span[] {
  let tables = SORTED.get(report);
  if (!tables) {
    tables = report.tables.map((t) => ({ start: t.start, end: t.end })).sort((a, b) => a.start - b.start);
    SORTED.set(report, tables);
  }
  // Tables do not overlap; skip those ending before the span.
  let lo = 0;
  let hi = tables.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tables[mid].end <= within.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  let at = within.start;
  for (let k = lo; k < tables.length; k++) {
    const t = tables[k];
    if (t.start >= within.end) break;
    if (t.end <= at) continue;
    if (t.start > at) out.push({ start: at, end: t.start });
    at = Math.max(at, t.end);
  }
  if (at < within.end) out.push({ start: at, end: within.end });
  return out;
}

/** A number as written in prose: ASCII/full-width digits (the view maps both) or Chinese numerals. */
export const NUM = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 「十五」「一百零五」「两千」 → number; null when the characters are not a well-formed numeral. */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (pending !== null && pending !== 0) return null;
        afterZero = true;
        pending = s.length === 1 ? 0 : null;
        continue;
      }
      if (pending !== null) return null; // 「一二」 is not a number
      pending = d;
      continue;
    }
    const u = CN_UNIT[ch];
    if (u === undefined || u >= lastUnit) return null;
    const m = pending ?? (u === 10 && total === 0 && !afterZero ? 1 : null);
    if (m === null) return null;
    total += m * u;
    pending = null;
    lastUnit = u;
    afterZero = false;
  }
  return total + (pending ?? 0);
}

/** The value of a number token matched by NUM (view text). */
export function numberValue(token: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(token)) return Number(token);
  return chineseNumber(token);
}

export interface Sentence extends Span {
  /** The view of [start, end). */
  view: string;
}

function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 33 || c === 63 || c === 59 || c === 10 || c === 13;
}

/** Sentences (split at 。！？； and line breaks) of the prose inside a span, tables left out. */
export function sentencesIn(report: Report, span: Span): Sentence[] {
  const { view } = report.source;
  const out: Sentence[] = [];
  for (const p of proseSpans(report, span)) {
    let s = p.start;
    for (let i = p.start; i <= p.end; i++) {
      if (i === p.end || endsSentence(view.charCodeAt(i))) {
        if (i > s) {
          const v = view.slice(s, i);
          if (v.trim().length > 0) out.push({ start: s, end: i, view: v });
        }
        s = i + 1;
      }
    }
  }
  return out;
}

const WHOLE_PROSE = new WeakMap<Report, Span[]>();

/**
 * The sentence of sentencesIn(report, whole text) that holds `offset`, or null when the offset
 * is inside a table. For rules that look for a keyword first: they build only the sentences
 * that hold it instead of every sentence of the document.
 */
export function sentenceAt(report: Report, offset: number): Sentence | null {
  let spans = WHOLE_PROSE.get(report);
  if (!spans) WHOLE_PROSE.set(report, (spans = proseSpans(report)));
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const p = spans[lo];
  if (!p || p.start > offset) return null;
  const { view } = report.source;
  let start = offset;
  while (start > p.start && !endsSentence(view.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < p.end && !endsSentence(view.charCodeAt(end))) end++;
  if (end <= start) return null;
  const v = view.slice(start, end);
  return v.trim().length > 0 ? { start, end, view: v } : null;
}

/** The prose sentences of the sections with these numbers (in document order). */
export function sectionSentences(report: Report, numbers: number[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of report.sections) if (numbers.includes(s.number)) out.push(...sentencesIn(report, s.body));
  return out;
}

/**
 * A section's body without the closing signature: the signing date at the end of the report and
 * the organ's name on the line before it belong to no section, though they follow section 六.
 */
export function bodyWithoutSignature(report: Report, n: number): Span | null {
  const s = section(report, n);
  if (!s) return null;
  const d = report.signingDate;
  if (!d || d.start < s.body.start || d.start >= s.body.end) return s.body;
  const { view } = report.source;
  const blocks = report.document.blocks;
  const at = blockAt(blocks, d.start);
  let end = blocks[at].start;
  for (let i = at - 1; i >= 0 && blocks[i].start >= s.body.start; i--) {
    const b = blocks[i];
    if (b.blank) continue;
    const content = view.slice(b.contentStart, b.contentEnd);
    if (content.length <= 30 && !/[。,;:!?]/.test(content)) end = b.start;
    break;
  }
  return { start: s.body.start, end: Math.max(s.body.start, end) };
}

/** Whether a section's body holds any non-blank prose (text outside the tables and the signature). */
export function hasProse(report: Report, n: number): boolean {
  const body = bodyWithoutSignature(report, n);
  if (!body) return false;
  const { view } = report.source;
  for (const p of proseSpans(report, body)) {
    for (let i = p.start; i < p.end; i++) {
      const c = view.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 11 && c !== 12) return true;
    }
  }
  return false;
}

/** Is the character a 汉字 (CJK ideograph, including extension planes such as 𠮷)? */
export function isHanziCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}
