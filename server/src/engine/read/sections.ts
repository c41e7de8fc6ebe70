// Section headings (一、总体情况 …) and the subsection markers inside each section.
// Headings are recognised by their wording, not by their numeral, so a misnumbered or
// misplaced heading is still found (section-order and heading-numbering then report it).

import type { HeadingNumeralStyle, Section, Source, Span, Subsection, SubsectionStyle } from '../model';
import { SECTIONS, type SectionNumber } from '../schema/sections';
import { chineseNumeral, isWhitespaceUnit, labelKey, visibleLength, visibleLengthExceeds } from '../text/view';
import { blockAt, type Block as LineInfo } from '../input/document';

interface HeadingMatch {
  number: SectionNumber;
  numeralStyle: HeadingNumeralStyle;
  writtenNumber: number | null;
  numeralEnd: number; // offset just after the numeral and its punctuation
  titleStart: number;
}

const TITLE_KEYS = SECTIONS.map((s) => ({
  number: s.number,
  keys: new Set([s.title, s.longTitle, ...s.accepted].map(labelKey)),
  keywords: s.keywords,
}));

/** Rows of table 2 begin with 一、二、三、四、 too; they are never section headings. */
const TABLE_ROW_START = /^(本年新收|上年结转|本年度办理结果|结转下年度)/;

function titleKey(viewTitle: string): string {
  return labelKey(viewTitle).replace(/[:。.]+$/, '').replace(/\(文字描述[^)]*\)$/, '');
}

/** First units of every exact title key: most lines cannot be a title, and this says so without building a key. */
const KEY_FIRST_UNITS = new Set([...TITLE_KEYS.flatMap((t) => [...t.keys])].map((k) => k.charCodeAt(0)));
const KEY_NOISE = /[\s|*#"'`]/;

/** Each exact title key's section (the first section that lists a key wins, as the loop over TITLE_KEYS did). */
const SECTION_OF_KEY = new Map<string, SectionNumber>();
for (const t of TITLE_KEYS) for (const k of t.keys) if (!SECTION_OF_KEY.has(k)) SECTION_OF_KEY.set(k, t.number);

function canBeExactTitle(title: string): boolean {
  let i = 0;
  while (i < title.length && KEY_NOISE.test(title[i])) i++;
  // A view unit that labelKey would still map (full-width) falls back to the full comparison.
  const c = title.charCodeAt(i);
  return i === title.length || c >= 0xff01 || KEY_FIRST_UNITS.has(c);
}

/** 一 … 十, the units a Chinese numeral is written with. */
function isCnNumeralUnit(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

/**
 * What one code unit can be at the start of a heading, by table: findSections asks this of every
 * block (two passes per report), and one lookup is cheaper than the comparisons it stands for.
 */
const NUMERAL_START = 1; // 一 … 十 or 「(」: a heading's first unit
const TITLE_START = 2; // the first unit of a title key, or a full-width unit labelKey would still map
const KEY_NOISE_UNIT = 4; // what KEY_NOISE matches: | * # " ' ` and what \s matches
const START_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isCnNumeralUnit(c) || c === 40 /* ( */) START_CLASS[c] |= NUMERAL_START;
  if (c >= 0xff01 || KEY_FIRST_UNITS.has(c)) START_CLASS[c] |= TITLE_START;
  if (c === 124 || c === 42 || c === 35 || c === 34 || c === 39 || c === 96 || isWhitespaceUnit(c)) START_CLASS[c] |= KEY_NOISE_UNIT;
}

/**
 * Whether view[start, end) can start a heading: with a numeral (「一、」「（一）」) or with the
 * first unit of a section title. One look at the first unit rules out most blocks (table cells,
 * prose), which matchHeading would otherwise slice and try every pattern on.
 */
function mayStartHeading(view: string, start: number, end: number): boolean {
  if (START_CLASS[view.charCodeAt(start)] & (NUMERAL_START | TITLE_START)) return true;
  let i = start;
  while (i < end && START_CLASS[view.charCodeAt(i)] & KEY_NOISE_UNIT) i++;
  // Only noise: no title key (identify's key would be empty).
  return i < end && (START_CLASS[view.charCodeAt(i)] & TITLE_START) !== 0;
}

function identify(title: string, allowKeywords: boolean): SectionNumber | null {
  if (!allowKeywords && !canBeExactTitle(title)) return null;
  const key = titleKey(title);
  if (key.length === 0 || TABLE_ROW_START.test(key)) return null;
  const exact = SECTION_OF_KEY.get(key);
  if (exact !== undefined) return exact;
  if (!allowKeywords || key.length > 32 || /[。,;]/.test(key)) return null;
  for (const t of TITLE_KEYS) if (t.keywords.test(key)) return t.number;
  return null;
}

const CN_NUMERAL_HEAD = /^([一二三四五六七八九十]{1,2})[ \t]*([、.,:]|[ \t])[ \t]*/;
const CN_PAREN_HEAD = /^\(([一二三四五六])\)[ \t]*/;

/** A heading's reading that depends on its wording alone; matchHeading adds the offsets. */
interface HeadingShape {
  number: SectionNumber;
  numeralStyle: HeadingNumeralStyle;
  writtenNumber: number | null;
  /** Units of the numeral and its punctuation (0 without a numeral). */
  numeralLength: number;
}

/**
 * Shapes by wording. The blocks that get this far repeat across reports (the six headings, table
 * labels such as 「其他」「总计」「行政许可」, table 2's row labels): each wording is read once.
 */
const SHAPES = new Map<string, HeadingShape | null>();
/** Longer wordings are seldom seen twice (an HTML view's blanked markup): they are not kept. */
const MAX_CACHED_WORDING = 80;
const MAX_SHAPES = 5000;

/**
 * A copy of s that shares no memory with the text it was cut from: a slice of the view kept
 * as a cache key would keep that whole report's text alive for the rest of the run.
 */
function flatCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

export function matchHeading(view: string, line: LineInfo): HeadingMatch | null {
  if (line.blank || !mayStartHeading(view, line.contentStart, line.contentEnd)) return null;
  if (visibleLengthExceeds(view, line.contentStart, line.contentEnd, 60)) return null;
  const content = view.slice(line.contentStart, line.contentEnd);
  let shape = SHAPES.get(content);
  if (shape === undefined) {
    shape = headingShape(content);
    if (content.length <= MAX_CACHED_WORDING) {
      if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
      SHAPES.set(flatCopy(content), shape);
    }
  }
  if (shape === null) return null;
  const titleStart = line.contentStart + shape.numeralLength;
  return { number: shape.number, numeralStyle: shape.numeralStyle, writtenNumber: shape.writtenNumber, numeralEnd: titleStart, titleStart };
}

function headingShape(content: string): HeadingShape | null {
  if (/\t\s*\d/.test(content)) return null; // a table row with numbers
  let m = CN_NUMERAL_HEAD.exec(content);
  if (m) {
    const n = identify(content.slice(m[0].length), true);
    if (n === null) return null;
    const style: HeadingNumeralStyle = m[2] === '、' ? 'cn-dun' : /[.,:]/.test(m[2]) ? 'cn-dot' : 'cn-space';
    return { number: n, numeralStyle: style, writtenNumber: chineseNumeral(m[1]), numeralLength: m[0].length };
  }
  m = CN_PAREN_HEAD.exec(content);
  if (m) {
    // （二）… is usually a subsection; only the exact long section names count as headings.
    const n = identify(content.slice(m[0].length), false);
    if (n === null) return null;
    return { number: n, numeralStyle: 'cn-paren', writtenNumber: chineseNumeral(m[1]), numeralLength: m[0].length };
  }
  const n = identify(content, false);
  if (n === null) return null;
  return { number: n, numeralStyle: 'none', writtenNumber: null, numeralLength: 0 };
}

export function findSections(source: Source, lines: LineInfo[]): Section[] {
  const { text } = source;
  const found: { line: LineInfo; m: HeadingMatch }[] = [];
  for (const line of lines) {
    const m = matchHeading(source.view, line);
    if (m) found.push({ line, m });
  }
  // 「（二）…」 is a section heading only where no 「二、」-style heading names that section and
  // its numeral is the section's own number; otherwise it is a subsection of section 一.
  const strong = new Set(found.filter((f) => f.m.numeralStyle !== 'cn-paren').map((f) => f.m.number));
  const kept = found.filter((f) => f.m.numeralStyle !== 'cn-paren' || (!strong.has(f.m.number) && f.m.writtenNumber === f.m.number));
  return kept.map(({ line, m }, k) => {
    const next = kept[k + 1];
    const bodyStart = line.index + 1 < lines.length ? lines[line.index + 1].start : line.end;
    const bodyEnd = next ? next.line.start : text.length;
    return {
      number: m.number,
      heading: { start: line.contentStart, end: line.contentEnd },
      numeral: m.numeralStyle === 'none' ? null : { start: line.contentStart, end: m.numeralEnd },
      writtenNumber: m.writtenNumber,
      numeralStyle: m.numeralStyle,
      title: text.slice(m.titleStart, line.contentEnd),
      markdownLevel: line.markdownLevel,
      lineStart: line.start,
      body: { start: Math.min(bodyStart, bodyEnd), end: bodyEnd },
      subsections: [],
    };
  });
}

/** Fill in each section's subsections, skipping lines that belong to a table. */
export function attachSubsections(source: Source, lines: LineInfo[], sections: Section[], tables: Span[]): void {
  const sorted = [...tables].sort((a, b) => a.start - b.start);
  // Binary search: the last table starting at or before offset. Where offset is in it, the
  // answer holds up to that table's end or the next table's start, whichever comes first;
  // else -1.
  const tableRunEnd = (offset: number): number => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || offset >= sorted[found].end) return -1;
    return found + 1 < sorted.length ? Math.min(sorted[found].end, sorted[found + 1].start) : sorted[found].end;
  };
  for (const s of sections) s.subsections = findSubsections(source, lines, s, tableRunEnd);
}

// ---------------------------------------------------------------- subsections

interface Marker {
  style: SubsectionStyle;
  number: number | null;
  length: number;
}

const MARKERS: { re: RegExp; style: SubsectionStyle; cn: boolean }[] = [
  { re: /^\(([一二三四五六七八九十]{1,3})\)/, style: 'cn-paren', cn: true },
  { re: /^\((\d{1,2})\)/, style: 'arabic-paren', cn: false },
  { re: /^(\d{1,2})、/, style: 'arabic-dun', cn: false },
  { re: /^(\d{1,2})\.(?!\d)/, style: 'arabic-dot', cn: false },
  { re: /^([一二三四五六七八九十]{1,3})、/, style: 'cn-dun', cn: true },
];

/** The markers that can start with a 「(」, a digit, a Chinese numeral (MARKERS order kept): one regex or two per line, not five. */
const PAREN_MARKERS = MARKERS.slice(0, 2);
const ARABIC_MARKERS = MARKERS.slice(2, 4);
const CN_MARKERS = MARKERS.slice(4);

export function readMarker(content: string): Marker | null {
  const c = content.charCodeAt(0);
  const candidates = c === 40 ? PAREN_MARKERS : c >= 48 && c <= 57 ? ARABIC_MARKERS : isCnNumeralUnit(c) ? CN_MARKERS : null;
  if (candidates === null) return null;
  for (const { re, style, cn } of candidates) {
    const m = re.exec(content);
    if (m) return { style, number: cn ? chineseNumeral(m[1]) : Number(m[1]), length: m[0].length };
  }
  return null;
}

/** Every marker starts with 「(」, a digit or a Chinese numeral: the first unit rules out most lines. */
function mayStartMarker(c: number): boolean {
  return c === 40 || (c >= 48 && c <= 57) || isCnNumeralUnit(c);
}

/** The text before the first 「。」 or 「.」 (split(/[。.]/)[0] without splitting the whole paragraph). */
function untilSentenceEnd(title: string): string {
  const end = title.search(/[。.]/);
  return end < 0 ? title : title.slice(0, end);
}

/** A heading on a line of its own rather than the start of a paragraph. */
function isStandalone(content: string): boolean {
  return visibleLength(content) <= 32 && !/[。;]/.test(content.slice(0, -1));
}

/**
 * The top-level subsection markers of a section. The first marker sets the level's style;
 * later markers of that style belong to it, and so does a marker of another style that
 * continues the numbering in the same kind of line (「（3）」 after 「（二）」), which is the
 * mixed numbering heading-numbering reports. Lists nested under a subsection restart at 1.
 */
function findSubsections(source: Source, lines: LineInfo[], section: Section, tableRunEnd: (offset: number) => number): Subsection[] {
  const { view, text } = source;
  const out: Subsection[] = [];
  let level: { style: SubsectionStyle; standalone: boolean } | null = null;
  const first = blockAt(lines, section.body.start);
  const last = section.body.end > section.body.start ? blockAt(lines, section.body.end - 1) : first - 1;
  for (let i = first; i <= last && i < lines.length; i++) {
    const line = lines[i];
    if (line.blank || line.hasTab || !mayStartMarker(view.charCodeAt(line.contentStart))) continue;
    const inTableUntil = tableRunEnd(line.start);
    if (inTableUntil >= 0) {
      // The lines after it that start before that offset are in the table too: skip them at once
      // (a table read one cell per line is hundreds of lines).
      while (i + 1 <= last && i + 1 < lines.length && lines[i + 1].start < inTableUntil) i++;
      continue;
    }
    const content = view.slice(line.contentStart, line.contentEnd);
    const marker = readMarker(content);
    if (!marker || marker.number === null) continue;
    const standalone = isStandalone(content);
    const expected = out.length + 1;
    if (level === null) {
      if (marker.number !== 1) continue;
      level = { style: marker.style, standalone };
    } else if (marker.style !== level.style) {
      if (marker.number !== expected || standalone !== level.standalone) continue;
    }
    const markerEnd = line.contentStart + marker.length;
    let titleStart = markerEnd;
    while (titleStart < line.contentEnd && view.charCodeAt(titleStart) === 32) titleStart++;
    const title = text.slice(titleStart, line.contentEnd);
    out.push({
      start: line.contentStart,
      end: line.contentEnd,
      marker: { start: line.contentStart, end: markerEnd },
      style: marker.style,
      number: marker.number,
      title: standalone ? title : untilSentenceEnd(title),
      standalone,
    });
  }
  return out;
}
