// One-line text: a report whose headings, paragraphs and table cells all stand on one line (a
// crawler's text of a web page, "copy all" from a browser). The physical line says nothing, so
// blocks are cut at the format's own anchors wherever they stand: the title, the six numbered
// headings, subsection markers, and inside each table the template's labels (items, column and
// row labels, group labels). What lies between two labels of a table is a block of values; the
// table reader splits it only where the template pins the split, never by guessing.

import type { Source } from '../model';
import { CN_SECTION_NUMERALS, SECTIONS } from '../schema/sections';
import { APPEAL_HEADER_LABELS, PROACTIVE, REQUEST_CHECK_NOTE, REQUEST_COLUMNS, REQUEST_HEADER_LABELS, REQUEST_ROWS } from '../schema/tables';
import { isLabelNoiseUnit, labelKey } from '../text/view';
import type { Block } from './document';
import { makeBlock } from './plain/blocks';

/** A line shorter than this is left as it is (a heading, a paragraph, a tab row). */
const MIN_INLINE_LENGTH = 300;
/** Labels a stretch of text must hold to be read as a table (a header and a few rows at least). */
const MIN_TABLE_LABELS = 6;

/**
 * The view with label noise dropped (whitespace, markdown and quote marks) and 「1、」 read as
 * 「1.」, as labelKey does, with the offset in the view of every unit kept.
 */
interface Compact {
  text: string;
  offsets: Int32Array;
}

function compact(view: string, start: number, end: number): Compact {
  const offsets = new Int32Array(end - start + 1);
  // The text is built from runs of the view between dropped (or changed) units, not unit by
  // unit: a long line is mostly such runs.
  let text = '';
  let run = start;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = view.charCodeAt(i);
    if (isLabelNoiseUnit(c)) {
      text += view.slice(run, i);
      run = i + 1;
      continue;
    }
    if (c === 0x3001 /* 、 */ && n > 0 && isDigit(view.charCodeAt(offsets[n - 1]))) {
      text += view.slice(run, i) + '.';
      run = i + 1;
    }
    offsets[n++] = i;
  }
  text += view.slice(run, end);
  offsets[n] = end;
  return { text, offsets: offsets.subarray(0, n + 1) };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface Anchor {
  /** Compact indices [start, end). */
  start: number;
  end: number;
}

const SECTION_KEYS = SECTIONS.map((s) => ({
  number: s.number,
  keys: [...new Set([s.title, s.longTitle, ...s.accepted].map(labelKey))].sort((a, b) => b.length - a.length),
}));
const CN_NUMERAL = /[一二三四五六七八九十]/;

/** Labels that can stand in each table, longest first (a short one never cuts inside a longer one). */
const TABLE_LABELS = {
  proactive: keysOf([
    ...PROACTIVE['2021'].flatMap((i) => [i.item, ...i.columns, ...i.rows]),
    ...PROACTIVE['2019'].flatMap((i) => [i.item, ...i.columns, ...i.rows]),
    '信息内容',
  ]),
  requests: keysOf([
    REQUEST_CHECK_NOTE,
    ...REQUEST_HEADER_LABELS,
    ...REQUEST_COLUMNS,
    ...REQUEST_ROWS['2021'].flatMap((r) => (r.groupLabel ? [r.groupLabel, r.label] : [r.label])),
    ...REQUEST_ROWS['2019'].flatMap((r) => (r.groupLabel ? [r.groupLabel, r.label] : [r.label])),
  ]),
  appeals: keysOf([...APPEAL_HEADER_LABELS]),
};

function keysOf(labels: string[]): string[] {
  return [...new Set(labels.map(labelKey))].sort((a, b) => b.length - a.length);
}

/** Table starts, as the table reader recognises them. */
const TABLE_STARTS: { table: keyof typeof TABLE_LABELS; keys: string[] }[] = [
  { table: 'proactive', keys: [labelKey('第二十条第（一）项')] },
  { table: 'requests', keys: [labelKey('勾稽关系'), labelKey('申请人情况'), labelKey('本年新收政府信息公开申请数量')] },
  { table: 'appeals', keys: [labelKey('行政复议')] },
];

/** Blocks of one long line cut at the format's anchors (indexed from 0; the caller renumbers); null when the line holds none. */
export function inlineBlocks(source: Source, start: number, end: number): Block[] | null {
  if (end - start < MIN_INLINE_LENGTH) return null;
  const c = compact(source.view, start, end);
  const headings = sectionHeadings(c.text);
  const tableSpans = tableRegions(c.text, headings);
  const labels = tableSpans.map((region) => labelsIn(c.text, region));
  // A paragraph that merely names a table's words (「行政复议、行政诉讼案件…」) is prose: cut only
  // where headings or a table's labels really stand.
  const tables = labels.filter((l) => l.length >= MIN_TABLE_LABELS);
  if (headings.length < 2 && tables.length === 0) return null;
  const anchors: Anchor[] = [...headings];
  const title = titleEnd(c.text);
  if (title > 0) anchors.push({ start: 0, end: title });
  for (const l of tables) anchors.push(...l);
  anchors.push(...subsectionMarkers(c.text, tableSpans));
  anchors.push(...signature(c.text));
  // Every anchor's edges are block boundaries.
  const cuts = new Set<number>([start, end]);
  for (const a of anchors) {
    cuts.add(c.offsets[a.start]);
    cuts.add(a.end < c.offsets.length - 1 ? c.offsets[a.end] : end);
  }
  const sorted = [...cuts].filter((x) => x >= start && x <= end).sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1] > sorted[i]) blocks.push(makeBlock(source.view, blocks.length, sorted[i], sorted[i + 1]));
  }
  return blocks.length > 1 ? blocks : null;
}

/** 「一、总体情况」…: a Chinese numeral and 、 (or .) right before a section title. */
function sectionHeadings(text: string): Anchor[] {
  const out: Anchor[] = [];
  for (const s of SECTION_KEYS) {
    for (const key of s.keys) {
      for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length)) {
        const sep = text[i - 1];
        if ((sep === '、' || sep === '.') && CN_NUMERAL.test(text[i - 2] ?? '')) {
          const start = CN_NUMERAL.test(text[i - 3] ?? '') ? i - 3 : i - 2;
          if (!out.some((a) => a.start < i + key.length && start < a.end)) out.push({ start, end: i + key.length });
        }
      }
    }
  }
  // A heading is the first of its kind after the one before (prose may quote a heading's words).
  return out.sort((a, b) => a.start - b.start);
}

/** The title: up to the first 「年度报告」 or 「年报」 near the start. */
function titleEnd(text: string): number {
  const m = /年度报告|年报/.exec(text.slice(0, 160));
  return m && /信息公开/.test(text.slice(0, m.index + m[0].length)) ? m.index + m[0].length : 0;
}

/** Each table's stretch of the line: from its start label to the next section heading. */
function tableRegions(text: string, headings: Anchor[]): { table: keyof typeof TABLE_LABELS; start: number; end: number }[] {
  const out: { table: keyof typeof TABLE_LABELS; start: number; end: number }[] = [];
  for (const t of TABLE_STARTS) {
    let best = -1;
    for (const key of t.keys) {
      // The appeals table's 行政复议 follows section 四's heading, whose own words hold 行政复议.
      const from = t.table === 'appeals' ? headingEndOf(headings, text, 4) : 0;
      const at = text.indexOf(key, from);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    if (best < 0) continue;
    const next = headings.find((h) => h.start > best);
    out.push({ table: t.table, start: best, end: next ? next.start : text.length });
  }
  return out;
}

function headingEndOf(headings: Anchor[], text: string, number: number): number {
  const numeral = CN_SECTION_NUMERALS[number];
  const h = headings.find((a) => text[a.start] === numeral);
  return h ? h.end : 0;
}

/** The template's labels inside a table region, longest first, never overlapping. */
function labelsIn(text: string, region: { table: keyof typeof TABLE_LABELS; start: number; end: number }): Anchor[] {
  const out: Anchor[] = [];
  const taken = new Uint8Array(region.end - region.start);
  for (const key of TABLE_LABELS[region.table]) {
    if (key.length === 0) continue;
    for (let i = text.indexOf(key, region.start); i >= 0 && i + key.length <= region.end; i = text.indexOf(key, i + 1)) {
      let free = true;
      for (let k = i; k < i + key.length; k++) if (taken[k - region.start]) free = false;
      if (!free) continue;
      for (let k = i; k < i + key.length; k++) taken[k - region.start] = 1;
      out.push({ start: i, end: i + key.length });
    }
  }
  return out;
}

/** 「（一）」-style markers outside the tables start a block (a subsection). */
function subsectionMarkers(text: string, tables: { start: number; end: number }[]): Anchor[] {
  const out: Anchor[] = [];
  const re = /\([一二三四五六七八九十]{1,2}\)(?=[\u4e00-\u9fff])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index;
    if (tables.some((t) => at >= t.start && at < t.end)) continue;
    out.push({ start: at, end: at });
  }
  return out;
}

/** The organ and date that sign the report at its end stand apart from the last paragraph. */
function signature(text: string): Anchor[] {
  const m = /(\d{4}年\d{1,2}月\d{1,2}日)$/.exec(text);
  if (!m) return [];
  const out: Anchor[] = [{ start: m.index, end: text.length }];
  const stop = text.lastIndexOf('。', m.index);
  if (stop >= 0 && m.index - stop <= 40) out.push({ start: stop + 1, end: stop + 1 });
  return out;
}
