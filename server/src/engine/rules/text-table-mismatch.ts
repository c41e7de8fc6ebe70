import type { Cell, Localized, RelatedInfo, Report, Span, Table } from '../model';
import { evaluateReport } from '../relations';
import { proseVerdict } from '../fixes/witness';
import { NUM, numberValue, sentencesIn, type Sentence } from './prose-util';
import { defineRule, type RuleContext } from './types';
import { cell, loc, table } from './util';

// ---------------------------------------------------------------- quantities of the tables

interface Quantity {
  name: Localized;
  cells: Cell[];
}

type QuantityKey =
  | 'R1' | 'R2' | 'R24' | 'R25' | 'R1+R2' | 'R3' | 'R4' | 'R3+R4' | 'refused' | 'unable' | 'notHandled' | 'other'
  | 'R1c1' | 'R1legal' | 'R1c2' | 'R1c3' | 'R1c4' | 'R1c5'
  | 'A5' | 'B5+C5'
  | 'normsValid' | 'normsIssued' | 'normsRepealed' | 'permits' | 'penalties' | 'enforcement';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `R${from + i}`);

const REQUEST_QUANTITIES: Partial<Record<QuantityKey, { rows: string[]; column: string; zh: string; en: string }>> = {
  R1: { rows: ['R1'], column: 'c7', zh: '一、本年新收政府信息公开申请数量 · 总计', en: 'new requests this year (R1 total)' },
  R2: { rows: ['R2'], column: 'c7', zh: '二、上年结转政府信息公开申请数量 · 总计', en: 'requests carried over from last year (R2 total)' },
  'R1+R2': { rows: ['R1', 'R2'], column: 'c7', zh: '本年新收与上年结转之和', en: 'new plus carried-over requests (R1 + R2)' },
  R24: { rows: ['R24'], column: 'c7', zh: '（七）总计 · 总计', en: 'results total (R24)' },
  R25: { rows: ['R25'], column: 'c7', zh: '四、结转下年度继续办理 · 总计', en: 'carried over to next year (R25 total)' },
  R3: { rows: ['R3'], column: 'c7', zh: '（一）予以公开 · 总计', en: 'disclosed (R3 total)' },
  R4: { rows: ['R4'], column: 'c7', zh: '（二）部分公开 · 总计', en: 'partly disclosed (R4 total)' },
  'R3+R4': { rows: ['R3', 'R4'], column: 'c7', zh: '（一）予以公开与（二）部分公开之和', en: 'disclosed plus partly disclosed (R3 + R4)' },
  refused: { rows: range(5, 12), column: 'c7', zh: '（三）不予公开各项之和', en: 'refused (R5–R12 total)' },
  unable: { rows: range(13, 15), column: 'c7', zh: '（四）无法提供各项之和', en: 'unable to provide (R13–R15 total)' },
  notHandled: { rows: range(16, 20), column: 'c7', zh: '（五）不予处理各项之和', en: 'not handled (R16–R20 total)' },
  other: { rows: range(21, 23), column: 'c7', zh: '（六）其他处理各项之和', en: 'other handling (R21–R23 total)' },
  R1c1: { rows: ['R1'], column: 'c1', zh: '一、本年新收政府信息公开申请数量 · 自然人', en: 'new requests from natural persons (R1 c1)' },
  R1c2: { rows: ['R1'], column: 'c2', zh: '一、本年新收政府信息公开申请数量 · 商业企业', en: 'new requests from businesses (R1 c2)' },
  R1c3: { rows: ['R1'], column: 'c3', zh: '一、本年新收政府信息公开申请数量 · 科研机构', en: 'new requests from research institutions (R1 c3)' },
  R1c4: { rows: ['R1'], column: 'c4', zh: '一、本年新收政府信息公开申请数量 · 社会公益组织', en: 'new requests from public-interest organisations (R1 c4)' },
  R1c5: { rows: ['R1'], column: 'c5', zh: '一、本年新收政府信息公开申请数量 · 法律服务机构', en: 'new requests from legal-service organisations (R1 c5)' },
};

function requestCells(t: Table, rows: string[], columns: string[]): Cell[] | null {
  const out: Cell[] = [];
  for (const r of rows) {
    for (const c of columns) {
      const x = cell(t, r, c);
      if (x) out.push(x);
      else if (t.version === '2021' || !/^R2[23]$/.test(r)) return null; // R22/R23 do not exist in the 2019 format
    }
  }
  return out;
}

/** Quantities read per report: a sentence asks for several (its own, the accepted and alternative ones, the bases of a share). */
const quantities = new WeakMap<Report, Map<QuantityKey, Quantity | null>>();

function quantity(report: Report, key: QuantityKey): Quantity | null {
  let known = quantities.get(report);
  if (!known) quantities.set(report, (known = new Map()));
  let q = known.get(key);
  if (q === undefined) known.set(key, (q = readQuantity(report, key)));
  return q;
}

function readQuantity(report: Report, key: QuantityKey): Quantity | null {
  if (key === 'R1legal') {
    const t = table(report, 'requests');
    const cells = t && requestCells(t, ['R1'], ['c2', 'c3', 'c4', 'c5', 'c6']);
    return cells ? { name: loc('一、本年新收政府信息公开申请数量 · 法人或其他组织（五列之和）', 'new requests from legal persons and other organisations (R1 c2–c6)'), cells } : null;
  }
  const rq = REQUEST_QUANTITIES[key];
  if (rq) {
    const t = table(report, 'requests');
    const cells = t && requestCells(t, rq.rows, [rq.column]);
    return cells ? { name: loc(rq.zh, rq.en), cells } : null;
  }
  if (key === 'A5' || key === 'B5+C5') {
    const t = table(report, 'appeals');
    if (!t) return null;
    const ids = key === 'A5' ? ['A5'] : ['B5', 'C5'];
    const cells = ids.map((id) => cell(t, id, null));
    if (cells.some((c) => !c)) return null;
    return {
      name: key === 'A5' ? loc('行政复议 · 总计', 'administrative review total (A5)') : loc('行政诉讼总计（未经复议直接起诉 + 复议后起诉）', 'litigation total (B5 + C5)'),
      cells: cells as Cell[],
    };
  }
  const t = table(report, 'proactive');
  if (!t) return null;
  const decisions = t.version === '2021' ? '本年处理决定数量' : '处理决定数量';
  const spec: Record<string, [string, string, Localized] | undefined> = {
    normsValid: t.version === '2021' ? ['行政规范性文件', '现行有效件数', loc('行政规范性文件 · 现行有效件数', 'normative documents in force')] : undefined,
    normsIssued: t.version === '2021' ? ['行政规范性文件', '本年制发件数', loc('行政规范性文件 · 本年制发件数', 'normative documents issued this year')] : undefined,
    normsRepealed: t.version === '2021' ? ['行政规范性文件', '本年废止件数', loc('行政规范性文件 · 本年废止件数', 'normative documents repealed this year')] : undefined,
    permits: ['行政许可', decisions, loc(`行政许可 · ${decisions}`, 'administrative permits (decisions)')],
    penalties: ['行政处罚', decisions, loc(`行政处罚 · ${decisions}`, 'administrative penalties (decisions)')],
    enforcement: ['行政强制', decisions, loc(`行政强制 · ${decisions}`, 'administrative enforcement (decisions)')],
  };
  const s = spec[key];
  if (!s) return null;
  const c = t.cells.find((x) => x.row === s[0] && x.column === s[1]);
  return c ? { name: s[2], cells: [c] } : null;
}

/** Sum of the cells, or null when any is empty or unreadable (empty-cell / invalid-number speak for those). */
function valueOf(q: Quantity): number | null {
  let sum = 0;
  for (const c of q.cells) {
    if (c.state !== 'number' || c.value === null) return null;
    sum += c.value;
  }
  return sum;
}

// ---------------------------------------------------------------- prose patterns

/** What may stand between a keyword and its number: 「的政府信息公开申请数量共」. */
const FILL = '(?:的)?(?:政府信息公开|依申请信息公开|依申请公开|信息公开)?(?:的)?(?:申请)?(?:件数|数量|数)?(?:共计|共|合计|总计|累计)?';
/** 「为 0」「16件」: group 1 = 为, group 2 = the number, group 3 = the unit. A bare number needs 为. */
const value = (units: string) => `(?:(为)[ \\t]*)?[ \\t]*(?<![\\d.])(${NUM})(?![\\d.%年月日])[ \\t]*(${units})?`;
const COUNT = value('件|条|个|份');
const CASES = value('件|起|宗|次|个');

interface Pattern {
  re: RegExp;
  key: QuantityKey;
  /** Other quantities the wording may mean: equal to any of them is fine (「办理…申请N件」). */
  accept?: QuantityKey[];
  /** The sentence must talk about requests. */
  needsRequests?: boolean;
  /** The match itself must contain this (e.g. 申请). */
  must?: RegExp;
  /** Only in sentences that also state the number received (TX4). */
  breakdown?: boolean;
  sections: number[];
}

const rx = (s: string) => new RegExp(s, 'g');
const REQUEST_SECTIONS = [1, 3, 4];
const NOT_REQUESTS = /复议|诉讼|信访|投诉|举报|提案|建议|咨询|热线|信箱/;

const PATTERNS: Pattern[] = [
  // TX1 — received
  { re: rx(`(?:新收到|收到|新收|受理|接收|接到|收悉)(?:了)?(?:各类)?${FILL}${COUNT}`), key: 'R1', must: /申请/, sections: REQUEST_SECTIONS },
  // 「依申请公开4条」; not an item of a list of documents by disclosure type (「主动公开21份，依申请公开16份」).
  { re: rx(`(?<![、,:])依申请公开(?:政府信息)?(?:申请)?(?:共计|共)?${value('件|条')}`), key: 'R1', sections: REQUEST_SECTIONS },
  { re: rx(`办理(?:了)?${FILL}${COUNT}`), key: 'R1', accept: ['R1+R2', 'R24'], must: /申请/, sections: REQUEST_SECTIONS },
  // TX2 — handled, carried over
  { re: rx(`(?:办结|答复|回复)(?:了)?${FILL}${COUNT}`), key: 'R24', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`(?:结转|转入|转|顺延)(?:到|至)?下(?:一)?(?:个)?年(?:度)?(?:继续)?(?:办理)?${FILL}${COUNT}`), key: 'R25', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`上(?:一)?年(?:度)?(?:结转|遗留)(?:下来)?${FILL}${COUNT}`), key: 'R2', needsRequests: true, sections: REQUEST_SECTIONS },
  // TX3 — results
  { re: rx(`(?<!不)予以公开(?:和|及|与|、)部分公开${FILL}${COUNT}`), key: 'R3+R4', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`(?<!不)予以公开${FILL}${COUNT}`), key: 'R3', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`(?<![和及与、])部分公开${FILL}${COUNT}`), key: 'R4', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`不予公开${FILL}${COUNT}`), key: 'refused', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`无法提供${FILL}${COUNT}`), key: 'unable', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`不予处理${FILL}${COUNT}`), key: 'notHandled', needsRequests: true, sections: REQUEST_SECTIONS },
  { re: rx(`其他处理${FILL}${COUNT}`), key: 'other', needsRequests: true, sections: REQUEST_SECTIONS },
  // TX4 — applicants (only next to a statement of the number received)
  { re: rx(`自然人(?:申请|提出)?(?:的)?(?:申请)?(?:共)?${COUNT}`), key: 'R1c1', breakdown: true, sections: REQUEST_SECTIONS },
  { re: rx(`法人(?:或|和|及)?(?:其他组织)?(?:申请|提出)?(?:的)?(?:申请)?(?:共)?${COUNT}`), key: 'R1legal', breakdown: true, sections: REQUEST_SECTIONS },
  { re: rx(`商业企业(?:申请|提出)?(?:的)?(?:申请)?${COUNT}`), key: 'R1c2', breakdown: true, sections: REQUEST_SECTIONS },
  { re: rx(`科研机构(?:申请|提出)?(?:的)?(?:申请)?${COUNT}`), key: 'R1c3', breakdown: true, sections: REQUEST_SECTIONS },
  { re: rx(`社会公益组织(?:申请|提出)?(?:的)?(?:申请)?${COUNT}`), key: 'R1c4', breakdown: true, sections: REQUEST_SECTIONS },
  { re: rx(`法律服务机构(?:申请|提出)?(?:的)?(?:申请)?${COUNT}`), key: 'R1c5', breakdown: true, sections: REQUEST_SECTIONS },
  // TX5 — review and litigation counts (a combined 「行政复议和行政诉讼N件」 is not read)
  { re: rx(`(?<![和及与、])(?:被申请|申请|发生|收到|涉及)?行政复议(?:案件)?(?:申请)?(?:共计|共)?${CASES}`), key: 'A5', sections: REQUEST_SECTIONS },
  { re: rx(`(?<![和及与、])(?:被提起|提起|发生|涉及)?行政诉讼(?:案件)?(?:共计|共)?${CASES}`), key: 'B5+C5', sections: REQUEST_SECTIONS },
  // TX7 / T1.6 — table 1 figures
  { re: rx(`现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?${COUNT}`), key: 'normsValid', sections: [1, 2] },
  { re: rx(`(?:制发|印发|出台|制定)(?:了)?(?:行政)?规范性文件(?:共计|共)?${COUNT}`), key: 'normsIssued', sections: [1, 2] },
  { re: rx(`废止(?:了)?(?:行政)?规范性文件(?:共计|共)?${COUNT}`), key: 'normsRepealed', sections: [1, 2] },
  { re: rx(`行政许可(?:信息|结果|决定|决定信息|办理结果)?(?:共计|共)?${value('件|条|个')}`), key: 'permits', sections: [1, 2] },
  { re: rx(`行政处罚(?:信息|结果|决定|决定信息)?(?:共计|共)?${value('件|条|个')}`), key: 'penalties', sections: [1, 2] },
  { re: rx(`行政强制(?:信息|结果|决定|决定信息)?(?:共计|共)?${value('件|条|个')}`), key: 'enforcement', sections: [1, 2] },
];

/** 「未收到政府信息公开申请」 (TX6): R1 total is 0. */
const NONE_RECEIVED = /(?:未|没有)(?:收到|受理|接到)(?:过)?(?:任何)?(?:政府信息公开|信息公开)?(?:的)?(?:依申请公开件|依申请公开申请|申请)/g;
/** 「没有因政府信息公开申请引起的行政复议和行政诉讼」 (TX5): the totals are 0. */
const NO_APPEALS = /(?:未发生|未出现|未收到|未有|未涉及|未被|没有发生|没有出现|没有收到|没有|不存在|无)(?!法)[^。,;:]{0,30}?(行政复议|行政诉讼)(?:(?:和|及|与|、|或)(行政诉讼|行政复议))?/g;
const NOT_A_NEGATION = /纠错|纠正|撤销|败诉|维持|未经复议|未审结|尚未/;
/** 「2022年，我局…」 at the start of a line of section 一 (TX9). */
const YEAR_AT_LINE_START = /(?:^|\n)[ \t]*(?:\([一二三四五六七八九十]\)[^\n]{0,20}?[。.]\s*)?((?:19|20)\d\d)[ \t]*年(?:度)?(?:[ \t]*,|[ \t]*(?=[我本]))/g;

// ---------------------------------------------------------------- the rule

function relatedOf(q: Quantity): RelatedInfo[] {
  return q.cells.map((c) => ({
    start: c.start,
    end: c.end,
    message: loc(`表格「${c.rowLabel}${c.columnLabel ? ' · ' + c.columnLabel : ''}」= ${c.value}`, `table ${c.row}${c.column ? ' ' + c.column : ''} = ${c.value}`),
  }));
}

/** Per report: each cell a failing relation points at → the values the relations expect there. */
const expectedAtFailing = new WeakMap<Report, Map<Cell, Set<number>>>();

/** A cell the arithmetic rules already report, whose correct value the prose states: say nothing. */
function arithmeticExplains(report: Report, q: Quantity, n: number): boolean {
  if (q.cells.length !== 1) return false;
  // Indexed once per report: a file of many reports has many relations and many prose numbers,
  // and scanning every relation for every disagreeing number grew with their product.
  let index = expectedAtFailing.get(report);
  if (!index) {
    index = new Map();
    for (const ev of evaluateReport(report)) {
      if (ev.holds) continue;
      const values = index.get(ev.at) ?? new Set<number>();
      values.add(ev.expected);
      index.set(ev.at, values);
    }
    expectedAtFailing.set(report, index);
  }
  return index.get(q.cells[0])?.has(n) ?? false;
}

const ALTERNATIVES: Partial<Record<QuantityKey, QuantityKey[]>> = {
  R1: ['R1+R2', 'R24'],
  R24: ['R1', 'R1+R2'],
  R3: ['R3+R4'],
  'R3+R4': ['R3'],
};

// Each pattern starts with a keyword; a sentence without it is skipped without running the regex.
const HINTS: Record<QuantityKey, string[]> = {
  R1: ['收', '受理', '接', '依申请公开', '办理'], R2: ['结转', '遗留'], R24: ['办结', '答复', '回复'], R25: ['下'], 'R1+R2': [],
  R3: ['予以公开'], R4: ['部分公开'], 'R3+R4': ['予以公开'], refused: ['不予公开'], unable: ['无法提供'], notHandled: ['不予处理'], other: ['其他处理'],
  R1c1: ['自然人'], R1legal: ['法人'], R1c2: ['商业企业'], R1c3: ['科研机构'], R1c4: ['社会公益组织'], R1c5: ['法律服务机构'],
  A5: ['行政复议'], 'B5+C5': ['行政诉讼'],
  normsValid: ['规范性文件'], normsIssued: ['规范性文件'], normsRepealed: ['规范性文件'], permits: ['行政许可'], penalties: ['行政处罚'], enforcement: ['行政强制'],
};

/** Each distinct hint gets a bit; a pattern runs only when its key's bits meet the sentence's. */
const HINT_LIST = [...new Set(Object.values(HINTS).flat())];
// Bits of a 32-bit integer: a hint beyond the 31st would need another scheme (every test would fail at load).
if (HINT_LIST.length > 31) throw new Error(`text-table-mismatch: ${HINT_LIST.length} hints do not fit in the bit mask`);
const HINT_BIT = new Map(HINT_LIST.map((h, i) => [h, 1 << i]));
const KEY_BITS = Object.fromEntries(Object.entries(HINTS).map(([k, hs]) => [k, hs.reduce((m, h) => m | HINT_BIT.get(h)!, 0)])) as Record<QuantityKey, number>;
/** Hints by their first UTF-16 unit, so one pass over a sentence finds every hint in it. */
const HINTS_BY_FIRST = new Map<number, { hint: string; bit: number }[]>();
for (const [hint, bit] of HINT_BIT) {
  const list = HINTS_BY_FIRST.get(hint.charCodeAt(0)) ?? [];
  list.push({ hint, bit });
  HINTS_BY_FIRST.set(hint.charCodeAt(0), list);
}
/**
 * Words checkSentence asks about besides the hints: 申请 (the sentence is about requests) and the
 * keywords of the zero statements and of the appeal outcomes. Found in the same pass as the hints
 * (they were a dozen more scans of every sentence).
 */
const WORDS = ['申请', '未', '没有', '无', '不存在', '维持', '结案', '审结', '纠'] as const;
const WORD_BIT = new Map<string, number>(WORDS.map((w, i) => [w, 1 << i]));
const REQUESTS_WORD = WORD_BIT.get('申请')!;
const ZERO_WORDS = ['未', '没有', '无', '不存在'].reduce((m, w) => m | WORD_BIT.get(w)!, 0);
const OUTCOME_WORDS = ['维持', '结案', '审结', '纠'].reduce((m, w) => m | WORD_BIT.get(w)!, 0);
const WORDS_BY_FIRST = new Map<number, { word: string; bit: number }[]>();
for (const [word, bit] of WORD_BIT) {
  const list = WORDS_BY_FIRST.get(word.charCodeAt(0)) ?? [];
  list.push({ word, bit });
  WORDS_BY_FIRST.set(word.charCodeAt(0), list);
}

/** Per UTF-16 unit: 1 = starts a hint, 2 = a numeral, 4 = starts a word (typed array: this runs for every character of the prose). */
const UNIT_FLAGS = new Uint8Array(0x10000);
for (const c of HINTS_BY_FIRST.keys()) UNIT_FLAGS[c] |= 1;
for (const ch of '0123456789零〇一二两三四五六七八九十百千') UNIT_FLAGS[ch.charCodeAt(0)] |= 2;
for (const c of WORDS_BY_FIRST.keys()) UNIT_FLAGS[c] |= 4;
/** The hints and words starting with a unit, by a slot per unit (a Map lookup per flagged character cost more than the scan). */
const HINT_SLOT = new Uint8Array(0x10000);
const HINTS_IN_SLOT: { hint: string; bit: number }[][] = [[]];
for (const [c, list] of HINTS_BY_FIRST) HINT_SLOT[c] = HINTS_IN_SLOT.push(list) - 1;
const WORD_SLOT = new Uint8Array(0x10000);
const WORDS_IN_SLOT: { word: string; bit: number }[][] = [[]];
for (const [c, list] of WORDS_BY_FIRST) WORD_SLOT[c] = WORDS_IN_SLOT.push(list) - 1;

/** The patterns of each section with their keys' hint bits (a pattern and its filters per sentence are most of the rule's work). */
const PATTERNS_IN_SECTION: Record<number, (Pattern & { bits: number })[]> = {};
for (const p of PATTERNS) for (const n of p.sections) (PATTERNS_IN_SECTION[n] ??= []).push({ ...p, bits: KEY_BITS[p.key] });

/** What one pass over a sentence found (reused: one per sentence would be garbage). */
const scanned = { hints: 0, words: 0 };

/**
 * The bits of the hints a sentence contains (0 when it holds no number at all: every pattern
 * needs one) and of the WORDS it contains, into `scanned`.
 */
function scanSentence(view: string): void {
  let hints = 0;
  let words = 0;
  let hasNumber = false;
  for (let i = 0; i < view.length; i++) {
    const c = view.charCodeAt(i);
    const flags = UNIT_FLAGS[c];
    if (flags === 0) continue;
    if (flags & 2) hasNumber = true;
    if (flags & 1) for (const h of HINTS_IN_SLOT[HINT_SLOT[c]]) if (view.startsWith(h.hint, i)) hints |= h.bit;
    if (flags & 4) for (const w of WORDS_IN_SLOT[WORD_SLOT[c]]) if (view.startsWith(w.word, i)) words |= w.bit;
  }
  scanned.hints = hasNumber ? hints : 0;
  scanned.words = words;
}

function checkSentence(report: Report, s: Sentence, ctx: RuleContext, section: number): void {
  const used: Span[] = [];
  scanSentence(s.view);
  const requests = (scanned.words & REQUESTS_WORD) !== 0;
  const bits = scanned.hints;
  const words = scanned.words;
  let received = false;
  for (const p of bits === 0 ? [] : (PATTERNS_IN_SECTION[section] ?? [])) {
    if ((bits & p.bits) === 0) continue;
    if (p.needsRequests && !requests) continue;
    if (p.breakdown && !received) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(s.view))) {
      const [, is, numberText, unit] = m;
      if (!is && !unit) continue;
      if (p.must && !p.must.test(m[0])) continue;
      if (p.key === 'R1' && NOT_REQUESTS.test(m[0])) continue;
      // The match ends with the number, optional blanks and the optional unit.
      let e = m[0].length - (unit ? unit.length : 0);
      while (e > 0 && (m[0][e - 1] === ' ' || m[0][e - 1] === '\t')) e--;
      const end = s.start + m.index + e;
      const start = end - numberText.length;
      if (used.some((u) => u.start < end && start < u.end)) continue;
      used.push({ start, end });
      if (p.key === 'R1') received = true;
      const n = numberValue(numberText);
      if (n === null) continue;
      if (RESULT_KEYS.has(p.key)) checkShare(report, s, m.index + m[0].length, n, ctx);
      const q = quantity(report, p.key);
      const v = q && valueOf(q);
      if (!q || v === null || v === undefined || v === n) continue;
      if (p.accept?.some((k) => {
        const a = quantity(report, k);
        return a !== null && valueOf(a) === n;
      })) continue;
      // The one decision on which figure is wrong (fixes/witness.ts): the table cell, or the prose.
      const verdict = proseVerdict(report, ctx.rules, q.cells, n, { start, end });
      if (verdict?.kind === 'explained' || (!verdict && arithmeticExplains(report, q, n))) continue;
      let note = { zh: '', en: '' };
      for (const k of ALTERNATIVES[p.key] ?? []) {
        const a = quantity(report, k);
        if (a && valueOf(a) === n) {
          note = { zh: `；正文的数字等于「${a.name.zh}」，可能混淆了统计口径`, en: `; the prose figure equals ${a.name.en}, perhaps a different measure was meant` };
          break;
        }
      }
      ctx.add({
        start,
        end,
        message: loc(
          `正文写「${report.source.text.slice(s.start + m.index, s.start + m.index + m[0].length)}」，但表格「${q.name.zh}」为 ${v}${note.zh}`,
          `the prose says ${n} but the table has ${v} for ${q.name.en}${note.en}`,
        ),
        related: relatedOf(q),
        // A figure equal to another measure may be that measure, not a typo: no fix then.
        fix: note.zh ? undefined : verdict?.fix,
      });
    }
  }
  if (section !== 2 && (words & ZERO_WORDS) !== 0) checkZeroStatements(report, s, ctx);
  if (section !== 2 && (words & OUTCOME_WORDS) !== 0) checkAppealOutcomes(report, s, ctx);
}

// ---------------------------------------------------------------- TX3: 「…N件，占X%」

const RESULT_KEYS = new Set<QuantityKey>(['R3', 'R4', 'R3+R4', 'refused', 'unable', 'notHandled', 'other']);
/** Right after a result count: 「，占66.7%」「，占比为 50%」「(占总数的25%)」. */
const SHARE = /^[ \t]*[,(]?[ \t]*(?:占|约占)(?:比|比例)?(?:总数|全部|办理总数|办结总数)?(?:的)?(?:为)?[ \t]*(\d+(?:\.\d+)?)[ \t]*%/;

/**
 * 「予以公开8件，占50%」: the share should be N over the results total (R24), or over the
 * requests received (R1, R1 + R2), the bases reports use. One unit of the last written digit is
 * tolerated (66.7 % or 66 % for 2 of 3).
 */
function checkShare(report: Report, s: Sentence, after: number, n: number, ctx: RuleContext): void {
  const m = SHARE.exec(s.view.slice(after, after + 40));
  if (!m) return;
  const stated = Number(m[1]);
  const decimals = m[1].includes('.') ? m[1].length - m[1].indexOf('.') - 1 : 0;
  const unit = 10 ** -decimals;
  const bases: Quantity[] = [];
  for (const k of ['R24', 'R1', 'R1+R2'] as QuantityKey[]) {
    const q = quantity(report, k);
    const v = q && valueOf(q);
    if (q && typeof v === 'number' && v > 0) bases.push(q);
  }
  if (bases.length === 0) return;
  const shareOf = (q: Quantity) => (100 * n) / (valueOf(q) as number);
  if (bases.some((q) => Math.abs(shareOf(q) - stated) < unit + 1e-9)) return;
  const base = bases[0];
  const right = shareOf(base);
  const start = s.start + after + m.index + m[0].indexOf(m[1]);
  ctx.add({
    start,
    end: start + m[1].length,
    message: loc(
      `正文写占 ${m[1]}%，但 ${n} ÷ ${valueOf(base)}（表格「${base.name.zh}」）= ${right.toFixed(Math.max(1, decimals))}%`,
      `the prose says ${m[1]} %, but ${n} / ${valueOf(base)} (${base.name.en}) = ${right.toFixed(Math.max(1, decimals))} %`,
    ),
    related: relatedOf(base),
  });
}

// ---------------------------------------------------------------- TX5: 「均获维持」「均已结案」「未被纠错」

type AppealGroup = 'A' | 'B' | 'C';
const OUTCOMES: { re: RegExp; columns: number[]; zh: string; en: string }[] = [
  // 维持: nothing corrected (2) and nothing pending (4).
  { re: /均(?:获|被|予以|已被|得到)?维持/g, columns: [2, 4], zh: '均获维持', en: 'all upheld' },
  { re: /均已(?:结案|审结|办结)|全部(?:结案|审结)/g, columns: [4], zh: '均已结案', en: 'all concluded' },
  { re: /(?:未|没有)(?:被)?(?:[^。,;:]{0,12}?)(?:纠错|纠正)/g, columns: [2], zh: '未被纠错', en: 'none corrected' },
];
const COLUMN_NAME_EN: Record<string, string> = { '2': 'corrected', '4': 'pending' };

function checkAppealOutcomes(report: Report, s: Sentence, ctx: RuleContext): void {
  const t = table(report, 'appeals');
  if (!t) return;
  const review = s.view.includes('复议');
  const lawsuit = s.view.includes('诉讼');
  if (!review && !lawsuit) return;
  // 「行政复议…均获维持」 speaks of reviews only; a sentence naming both (or 复议后起诉) speaks of all.
  const groups: AppealGroup[] = review && !lawsuit ? ['A'] : !review && lawsuit ? ['B', 'C'] : ['A', 'B', 'C'];
  for (const o of OUTCOMES) {
    o.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = o.re.exec(s.view))) {
      const wrong: Cell[] = [];
      for (const g of groups) {
        for (const col of o.columns) {
          const c = cell(t, `${g}${col}`, null);
          if (c && c.state === 'number' && c.value !== null && c.value !== 0) wrong.push(c);
        }
      }
      if (wrong.length === 0) continue;
      const list = (lang: 'zh' | 'en') =>
        wrong.map((c) => (lang === 'zh' ? `「${c.rowLabel} · ${c.columnLabel}」为 ${c.value}` : `${c.row} (${COLUMN_NAME_EN[c.row.slice(1)]}) = ${c.value}`)).join(lang === 'zh' ? '，' : ', ');
      ctx.add({
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        message: loc(`正文称${o.zh}，但表格中${list('zh')}`, `the prose says ${o.en}, but the table has ${list('en')}`),
        related: wrong.map((c) => ({ start: c.start, end: c.end, message: loc(`表格「${c.rowLabel} · ${c.columnLabel}」= ${c.value}`, `table ${c.row} = ${c.value}`) })),
      });
    }
  }
}

function checkZeroStatements(report: Report, s: Sentence, ctx: RuleContext): void {
  NONE_RECEIVED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NONE_RECEIVED.exec(s.view))) {
    if (NOT_REQUESTS.test(m[0])) continue;
    const q = quantity(report, 'R1');
    const v = q && valueOf(q);
    if (!q || v === null || v === undefined || v === 0) continue;
    ctx.add({
      start: s.start + m.index,
      end: s.start + m.index + m[0].length,
      message: loc(`正文称未收到政府信息公开申请，但表格「${q.name.zh}」为 ${v}`, `the prose says no request was received, but the table has ${v} new requests (R1)`),
      related: relatedOf(q),
    });
  }
  NO_APPEALS.lastIndex = 0;
  while ((m = NO_APPEALS.exec(s.view))) {
    // 「未有被行政复议纠错的情况」 denies a correction, not the review: read to the end of the clause.
    const clauseEnd = s.view.slice(m.index + m[0].length).search(/[,;:。]/);
    const clause = s.view.slice(m.index, clauseEnd < 0 ? undefined : m.index + m[0].length + clauseEnd);
    if (NOT_A_NEGATION.test(clause)) continue;
    const keys: QuantityKey[] = [];
    for (const g of [m[1], m[2]]) if (g) keys.push(g === '行政复议' ? 'A5' : 'B5+C5');
    const wrong: Quantity[] = [];
    for (const k of keys) {
      const q = quantity(report, k);
      const v = q && valueOf(q);
      if (q && typeof v === 'number' && v !== 0) wrong.push(q);
    }
    if (wrong.length === 0) continue;
    const what = wrong.map((q) => `「${q.name.zh}」为 ${valueOf(q)}`).join('，');
    ctx.add({
      start: s.start + m.index,
      end: s.start + m.index + m[0].length,
      message: loc(`正文称没有${keys.length === 2 ? '行政复议和行政诉讼' : m[1]}，但表格${what}`, `the prose says there was no ${keys.length === 2 ? 'administrative review or litigation' : m[1] === '行政复议' ? 'administrative review' : 'litigation'}, but the table counts ${wrong.map((q) => `${valueOf(q)} (${q.name.en})`).join(', ')}`),
      related: wrong.flatMap(relatedOf),
    });
  }
}

function checkYears(report: Report, ctx: RuleContext): void {
  const y = report.year;
  const s1 = report.sections.find((s) => s.number === 1);
  if (y === null || !s1) return;
  const region = report.source.view.slice(s1.body.start, s1.body.end);
  YEAR_AT_LINE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_AT_LINE_START.exec(region))) {
    const written = Number(m[1]);
    if (written === y) continue;
    const start = s1.body.start + m.index + m[0].lastIndexOf(m[1]);
    ctx.add({
      start,
      end: start + 4,
      message: loc(`总体情况中写的是 ${written} 年，但本报告是 ${y} 年度报告`, `section 一 speaks of ${written}, but this is the report on ${y}`),
      related: report.title ? [{ start: report.title.start, end: report.title.end, message: loc(`标题：${y} 年度`, `title: ${y}`) }] : [],
    });
  }
}

export default defineRule({
  id: 'text-table-mismatch',
  defaultSeverity: 'warning',
  spec: ['TX1', 'TX2', 'TX3', 'TX4', 'TX5', 'TX6', 'TX7', 'TX9', 'T1.6'],
  fixable: true,
  doc: {
    summary: {
      zh: '正文中引用的数字（收到申请、办结、结转、复议诉讼、规范性文件、行政许可等）与统计表一致',
      en: 'Figures quoted in the prose (requests received, handled, carried over, reviews, lawsuits, normative documents, permits …) match the tables',
    },
    details: {
      zh:
        '「总体情况」等部分常用文字复述统计表中的数字，例如「共收到政府信息公开申请16件，上年结转1件，办结15件，结转下年度继续办理2件」「被申请行政复议1件」「未收到政府信息公开申请」。文字与表格不一致时，读者无法判断哪个正确，审核时也常被指出。\n\n' +
        '本规则识别以下写法并与表格比较：收到/受理/新收……申请N件（表二「一、本年新收」总计）；上年结转N件；办结、答复N件（（七）总计）；结转下年度N件；予以公开、部分公开、不予公开、无法提供、不予处理、其他处理N件；与收到申请同句的自然人、法人或其他组织、商业企业等N件；行政复议N件（表三行政复议总计）、行政诉讼N件（两类起诉的总计之和）；「未收到……申请」「没有……行政复议和行政诉讼」；「均获维持」（结果纠正、尚未审结均应为 0）、「均已结案」（尚未审结为 0）、「未被纠错」（结果纠正为 0），只看句中提到的复议或诉讼；办理结果后的「占X%」（应约等于 N ÷（七）总计，或 N ÷ 收到申请数，允许末位数字相差 1）；现行有效/制发/废止规范性文件N件、行政许可/行政处罚/行政强制N条（表一）；以及总体情况中以年份开头的段落（「2022年，我局……」）与报告年度不符。数字可写作阿拉伯数字、全角数字或汉字数字（「收到申请五件」）。\n\n' +
        '只比较写法明确的句子，表格对应单元格为空或无法读取时不判断；「办理……申请N件」等于新收、新收加结转或办结中的任一个都算一致。正文数字等于另一个统计口径（如新收与上年结转之和）时，信息中会指出。表格自身的合计不平、且正文写的正是应有的合计时，不重复报告（由合计规则报告）。诊断标在正文的数字上，相关位置指向表格单元格。\n\n收到申请、上年结转、办结、结转下年度、行政复议、行政诉讼这几个数字还是判断哪一格填错的证据：表格自身的勾稽关系都成立而正文不同时，错的很可能是正文，可一键把正文改为表格的数字（正文用汉字数字或等于另一统计口径时不提供）；表格不平时，正文的数字帮助在几种解释中选出一种。',
      en:
        'The prose (mostly section 一) restates table figures: 「共收到政府信息公开申请16件，上年结转1件，办结15件，结转下年度继续办理2件」, 「被申请行政复议1件」, 「未收到政府信息公开申请」. When the prose and the table disagree, nobody can tell which is right, and reviewers flag it.\n\n' +
        'Recognised wordings and what they are compared with: requests received (R1 total); carried over from last year (R2); handled/answered (R24); carried over to next year (R25); disclosed, partly disclosed, refused, unable to provide, not handled, other handling (their rows); applicant types in the sentence stating the number received (R1 columns); administrative review N (A5) and litigation N (B5 + C5); “no request received” and “no review or litigation” (zeros); 「均获维持」 (nothing corrected or pending), 「均已结案」 (nothing pending) and 「未被纠错」 (nothing corrected), for the groups the sentence names; a share 「占X%」 after a result count (N ÷ R24, or N ÷ the requests received, within one unit of the last digit); normative documents in force/issued/repealed and permits/penalties/enforcement (table 1); and a paragraph of section 一 that starts with a year other than the reporting year. Numbers may be ASCII or full-width digits or Chinese numerals.\n\n' +
        'Only unambiguous wordings are read, and an empty or unreadable table cell is not judged. 「办理…申请N件」 agrees if it equals new, new plus carried-over, or handled requests. When the prose figure equals another measure (e.g. new plus carried-over), the message says so. When a table total does not add up and the prose states the correct sum, the arithmetic rules report it and this rule stays silent. The finding sits on the number in the prose; the table cells are related locations.\n\nThe figures for requests received, carried over, handled, carried forward, reviews and lawsuits are also evidence of which cell is wrong: when the table’s own relations hold and the prose differs, the prose is the likely error and a fix writes the table’s figure into it (not for Chinese numerals or a figure equal to another measure); when the table does not add up, the prose figure helps choose among the explanations.',
    },
    examples: [
      {
        bad: '2024年，本局共收到政府信息公开申请18件……\n一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16',
        good: '2024年，本局共收到政府信息公开申请16件……\n一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16',
      },
    ],
  },
  check(report, ctx) {
    for (const s of report.sections) {
      if (![1, 2, 3, 4].includes(s.number)) continue;
      for (const sentence of sentencesIn(report, s.body)) checkSentence(report, sentence, ctx, s.number);
    }
    checkYears(report, ctx);
  },
});
