import type { Report, Span } from '../model';
import { isHanziCode, proseSpans } from './prose-util';
import { defineRule } from './types';
import { loc, textOf } from './util';

// A word, phrase or clause written twice back to back (spec Q5): 「能源利用状况报告审查、
// 能源利用状况报告审查」, 「的的」, 「加强政务公开，加强政务公开」 — what a paste or a
// merged edit leaves behind. Read in the view of the prose (tables are left out: their rows
// repeat labels and numbers by design), never across a line break.
//
// What is NOT a duplicate, and why the rule is shaped the way it is:
// - a doubled single character is a word of its own (天天, 人人, 层层, 等等, 实实在在, 不了了之),
//   so single characters are ignored, except 「的的」 (not in 「的的确确」);
// - 「一件一件」「一步一步」 (一 + classifier, repeated) is how Chinese says "one by one";
// - 「研究研究」 (a two-character verb said twice) is colloquial but a word: two characters
//   written together twice are left alone, two or more with 、/， between them are not;
// - 「信息公开、信息公开平台建设」 lists two different things, the second longer: when a
//   separator stands between the copies, the second must end where its item ends. The price:
//   「逐步、逐步完善」 has the same shape and is missed.

// What may stand between the two copies: 、 or ， (, in the view), or nothing (see repeatAt).
/** After the second copy (when separated): the item ends here. */
const ITEM_END = /^(?:$|[、,。;:!?.)」』"'\s]|[和及与或等并])/;
/** Longest phrase looked for, in UTF-16 units (a clause of a report sentence). */
const MAX_PHRASE = 40;

interface Repeat {
  /** The first copy and the second copy. */
  first: Span;
  second: Span;
  /** The separator between them (empty when written together). */
  separator: string;
}

export default defineRule({
  id: 'duplicated-phrase',
  defaultSeverity: 'warning',
  spec: ['Q5'],
  fixable: true,
  doc: {
    summary: { zh: '没有紧挨着重复的词语或分句，如「审查、审查」「的的」', en: 'No word or clause written twice in a row, such as 「审查、审查」 or 「的的」' },
    details: {
      zh:
        '复制粘贴、合并修改稿时常把同一个词语或分句留下两遍：「能源利用状况报告审查、能源利用状况报告审查」「的的」「加强政务公开，加强政务公开」。这类重复在政务公开办的通报和第三方评估中按文字差错扣分，也说明报告发布前没有通读。\n\n' +
        '规则只看表格以外的文字，不跨行，只认紧挨着（或只隔一个「、」「，」）的两份完全相同的文字：\n' +
        '- 单字重叠是词（「天天」「人人」「层层」「等等」「实实在在」），不算重复，只有「的的」例外（「的的确确」除外）；\n' +
        '- 「一件一件」「一步一步」这类「一 + 量词」的重复、两个字连写两遍（「研究研究」）不算重复；\n' +
        '- 用顿号、逗号隔开时，第二份须在该项结束处结束：「信息公开、信息公开平台建设」列的是两件事，不报告；形式相同的「逐步、逐步完善」因此也不报告。\n\n' +
        '修复删除第二份及其前面的分隔符。',
      en:
        'Copy and paste and merged drafts leave the same word or clause twice: 「能源利用状况报告审查、能源利用状况报告审查」, 「的的」, 「加强政务公开，加强政务公开」. Provincial 政务公开办 notices and third-party evaluations count them as text errors, and they show the report was not read through before it was published.\n\n' +
        'The rule reads the text outside the tables, within one line, and reports two identical copies written together or with a single 「、」 or 「，」 between them:\n' +
        '- a doubled single character is a word (「天天」「人人」「层层」「等等」「实实在在」), not a duplicate, except 「的的」 (but not in 「的的确确」);\n' +
        '- 「一件一件」「一步一步」 (一 + a measure word, repeated) and two characters written twice together (「研究研究」) are words too;\n' +
        '- with 、 or ， between them, the second copy must end where its item ends: 「信息公开、信息公开平台建设」 lists two things and is not reported; 「逐步、逐步完善」 has the same shape and is not reported either.\n\n' +
        'The fix deletes the second copy and the separator before it.',
    },
    examples: [
      { bad: '下放了投资项目备案、能源利用状况报告审查、能源利用状况报告审查和节能审查等职权。', good: '下放了投资项目备案、能源利用状况报告审查和节能审查等职权。' },
      { bad: '进一步提高政务公开的的质量。', good: '进一步提高政务公开的质量。' },
    ],
  },
  check(report, ctx) {
    for (const r of findRepeats(report)) {
      const phrase = textOf(report, r.second);
      const removed: Span = { start: r.first.end, end: r.second.end };
      ctx.add({
        ...r.second,
        message: loc(`「${phrase}」重复写了两遍`, `“${phrase}” is written twice in a row`),
        related: [{ ...r.first, message: loc(`第一遍「${textOf(report, r.first)}」`, `the first “${textOf(report, r.first)}”`) }],
        data: { phrase, separator: r.separator, first: r.first, second: r.second },
        fix: {
          title: loc(`删去重复的「${phrase}」`, `Delete the repeated “${phrase}”`),
          edits: [{ ...removed, newText: '', expected: textOf(report, removed) }],
        },
      });
    }
  },
});

function isPhraseUnit(c: number): boolean {
  // Hanzi (surrogate halves stand for the extension planes), digits (ASCII in the view), 《》〈〉 and quotes.
  return isHanziCode(c) || (c >= 0xd800 && c <= 0xdfff) || (c >= 48 && c <= 57) || c === 0x300a || c === 0x300b || c === 0x3008 || c === 0x3009 || c === 34 || c === 0xb7;
}

/**
 * isPhraseUnit of every UTF-16 unit, looked up once (64 KB): the scan asks it of every character
 * of the prose, and the lookup costs less than half the chain of range tests.
 */
const PHRASE_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) PHRASE_UNIT[c] = isPhraseUnit(c) ? 1 : 0;

function hanziCount(view: string, span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if (isHanziCode(view.charCodeAt(i))) n++;
  return n;
}

/** Every back-to-back repeat in the prose, the longest at the earliest start. */
export function findRepeats(report: Report): Repeat[] {
  const { view } = report.source;
  const out: Repeat[] = [];
  for (const p of proseSpans(report)) {
    const { end } = p;
    const next = nextSame(view, p.start, end);
    let i = p.start;
    while (i < end) {
      if (PHRASE_UNIT[view.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      // The run of phrase units starting at i (phrases never hold punctuation), read once.
      let runEnd = i + 1;
      while (runEnd < end && PHRASE_UNIT[view.charCodeAt(runEnd)] !== 0) runEnd++;
      for (; i < runEnd; i++) {
        // The common case, before any call: no second copy can start close enough.
        const n = next[i];
        if (n === -1 || n > i + Math.min(MAX_PHRASE, runEnd - i) + 1) continue;
        // Do not start inside a surrogate pair.
        const c = view.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) continue;
        const repeat = repeatAt(view, next, i, runEnd, end);
        if (repeat) {
          out.push(repeat);
          // Continue inside the second copy, so that 「A、A、A」 yields two findings.
          i = repeat.second.start - 1;
        }
      }
    }
  }
  return out;
}

/** Per UTF-16 unit, its last offset seen while nextSame runs; -1 between runs (reset unit by unit, not refilled). */
const LAST_SEEN = new Int32Array(0x10000).fill(-1);
/** nextSame's answer, by document offset: a scratch buffer reused by every span and report. */
let NEXT = new Int32Array(0);

/**
 * next[k] for k in [start, end): the next offset after k before `end` holding the same UTF-16
 * unit, or -1 (one pass, from the end). Only a span of the prose is read: a second copy never
 * reaches past its span, and the tables (most of a report) are never looked at.
 */
function nextSame(view: string, start: number, end: number): Int32Array {
  if (NEXT.length < end) NEXT = new Int32Array(Math.max(end, 2 * NEXT.length));
  const next = NEXT;
  for (let k = end - 1; k >= start; k--) {
    const c = view.charCodeAt(k);
    next[k] = LAST_SEEN[c];
    LAST_SEEN[c] = k;
  }
  for (let k = start; k < end; k++) LAST_SEEN[view.charCodeAt(k)] = -1;
  return next;
}

/** Scratch for repeatAt's candidate lengths (at most two per offset within MAX_PHRASE + 1). */
const LENGTHS = new Int32Array(2 * (MAX_PHRASE + 2));
const COMMA = 44; // ， in the view
const DUN = 0x3001; // 、

/**
 * The repeat whose first copy starts at i, the longest first. A second copy starts where the
 * unit at i occurs again (next[]), right after the first copy or after one separator: only those
 * few lengths are tried, so prose is read in one pass whatever MAX_PHRASE is.
 */
function repeatAt(view: string, next: Int32Array, i: number, runEnd: number, limit: number): Repeat | null {
  const c0 = view.charCodeAt(i);
  // Inside a run of one character (「三三三」, junk or reduplication): no phrase starts here.
  if (view.charCodeAt(i + 1) === c0 && view.charCodeAt(i + 2) === c0) return null;
  const longest = Math.min(MAX_PHRASE, runEnd - i);
  if (next[i] === -1 || next[i] > i + longest + 1) return null; // the common case: no second copy can start
  // Candidate lengths in increasing order (the chain of next[] increases), tried longest first.
  let count = 0;
  for (let j = next[i]; j !== -1 && j <= i + longest + 1; j = next[j]) {
    const s = view.charCodeAt(j - 1);
    if ((s === DUN || s === COMMA) && j - i - 1 >= 1) LENGTHS[count++] = j - i - 1; // one separator between
    if (j - i <= longest) LENGTHS[count++] = j - i; // written together
  }
  for (let k = count - 1; k >= 0; k--) {
    const len = LENGTHS[k];
    const end = i + len;
    const e = view.charCodeAt(end);
    const sepLength = e === DUN || e === COMMA ? 1 : 0;
    const second = end + sepLength;
    if (second + len > limit || view.charCodeAt(second) !== c0 || view.charCodeAt(second + len - 1) !== view.charCodeAt(end - 1)) continue;
    if (!sameUnits(view, i, second, len)) continue;
    const first = { start: i, end };
    const copy = { start: second, end: second + len };
    const sep = sepLength ? view[end] : '';
    if (isLegitimate(view, first, copy, sep)) continue;
    return { first, second: copy, separator: sep };
  }
  return null;
}

function sameUnits(view: string, a: number, b: number, len: number): boolean {
  for (let k = 1; k < len - 1; k++) if (view.charCodeAt(a + k) !== view.charCodeAt(b + k)) return false;
  return true;
}

function isLegitimate(view: string, first: Span, second: Span, sep: string): boolean {
  const phrase = view.slice(first.start, first.end);
  const c = phrase.charCodeAt(phrase.length - 1);
  if (c >= 0xd800 && c <= 0xdbff) return true; // would split a surrogate pair
  if (phrase.length === 1) {
    // 「的的」 is the one single character that is never a word doubled (的的确确 aside).
    return !(phrase === '的' && sep === '' && !view.startsWith('确确', second.end));
  }
  if (hanziCount(view, first) < 2) return true; // numbers, 「1、1」
  if (sep === '') {
    if (phrase.length === 2) return true; // 研究研究
    if (phrase.startsWith('一')) return true; // 一个月一个月
    return false;
  }
  // Separated: the second copy must end where its item ends (「信息公开、信息公开平台」 lists two things).
  return !ITEM_END.test(view.slice(second.end, second.end + 1));
}
