// The prose as a witness: figures the prose states that a table also holds (「共收到政府信息公开
// 申请16件」 ↔ 一、本年新收 · 总计, 「办结15件」 ↔ （七）总计, 「结转下年度继续办理2件」 ↔ 四,
// 「被申请行政复议1件」 ↔ 行政复议 · 总计). Only these plain wordings are read: a witness must
// mean exactly one table quantity, since localization weighs it against the cells.
//
// Where the tables' relations hold and the prose disagrees, the prose number is the likely
// error (its fix writes the table's figure); where they do not hold, the witness helps choose
// among the explanations (localize.ts counts it as one more field).

import type { Cell, Fix, Report, RuleSettings, Span, Table } from '../model';
import { NUM, numberValue, sentenceAt, type Sentence } from '../rules/prose-util';
import type { Evaluation } from '../relations';
import { localizeReport, type Localization } from './localize';

export interface Witness extends Span {
  /** The cells whose sum the prose states. */
  cells: Cell[];
  /** The number the prose states. */
  value: number;
  /** The number is written in digits (ASCII or full-width), so a fix can rewrite it in kind. */
  digits: boolean;
}

interface WitnessPattern {
  re: RegExp;
  table: 'requests' | 'appeals';
  cells: [string, string | null][];
  /** A word the sentence must hold (the figure is about requests, not about letters or hotlines). */
  needs: string;
}

const N = `[ \\t]*(${NUM})[ \\t]*`;
const PATTERNS: WitnessPattern[] = [
  {
    re: new RegExp(`(?:新收到|收到|新收|受理)(?:了)?(?:各类)?(?:政府信息公开|信息公开)?(?:的)?申请(?:件数|数量)?(?:共计|共|合计)?(?:为)?${N}件`, 'g'),
    table: 'requests',
    cells: [['R1', 'c7']],
    needs: '申请',
  },
  { re: new RegExp(`上(?:一)?年(?:度)?结转(?:政府信息公开申请|申请)?${N}件`, 'g'), table: 'requests', cells: [['R2', 'c7']], needs: '申请' },
  { re: new RegExp(`办结(?:了)?(?:政府信息公开申请|申请)?(?:共计|共)?${N}件`, 'g'), table: 'requests', cells: [['R24', 'c7']], needs: '申请' },
  {
    re: new RegExp(`结转(?:到|至)?下(?:一)?(?:个)?年(?:度)?(?:继续)?(?:办理)?(?:政府信息公开申请|申请)?${N}件`, 'g'),
    table: 'requests',
    cells: [['R25', 'c7']],
    needs: '申请',
  },
  { re: new RegExp(`(?<![和及与、])(?:被申请|申请|发生)行政复议(?:案件)?(?:共计|共)?${N}(?:件|起)`, 'g'), table: 'appeals', cells: [['A5', null]], needs: '复议' },
  {
    re: new RegExp(`(?<![和及与、])(?:被提起|提起|发生)行政诉讼(?:案件)?(?:共计|共)?${N}(?:件|起)`, 'g'),
    table: 'appeals',
    cells: [['B5', null], ['C5', null]],
    needs: '诉讼',
  },
];

/** The words the patterns need, each once, and each pattern's among them. */
const NEEDS = [...new Set(PATTERNS.map((p) => p.needs))];
const NEED_OF_PATTERN = PATTERNS.map((p) => NEEDS.indexOf(p.needs));

/** Requests of another kind (reviews, petitions, hotlines) are not the requests of table 2. */
const OTHER_KINDS = /复议|诉讼|信访|投诉|举报|提案|建议|咨询|热线|信箱/;

function cellOf(t: Table, row: string, column: string | null): Cell | undefined {
  return t.cells.find((c) => c.row === row && c.column === column);
}

/**
 * The sentences of sentencesIn(report, body) that hold one of NEEDS, in order. Most sentences
 * hold none: the words are looked for in the body's text (`text`), and only the sentences
 * around them are cut out.
 */
function sentencesWithWords(report: Report, text: string, body: Span): Sentence[] {
  const out: Sentence[] = [];
  // The next place of each word at or after `from` (−1: no more).
  const next = NEEDS.map((w) => text.indexOf(w));
  let from = 0;
  for (;;) {
    let hit = -1;
    for (let k = 0; k < NEEDS.length; k++) {
      if (next[k] >= 0 && next[k] < from) next[k] = text.indexOf(NEEDS[k], from);
      if (next[k] >= 0 && (hit < 0 || next[k] < hit)) hit = next[k];
    }
    if (hit < 0) return out;
    // The sentence of the whole text, cut to the body as sentencesIn(report, body) cuts it.
    const whole = sentenceAt(report, body.start + hit);
    if (!whole) {
      from = hit + 1; // inside a table
      continue;
    }
    const start = Math.max(whole.start, body.start);
    const end = Math.min(whole.end, body.end);
    out.push(start === whole.start && end === whole.end ? whole : { start, end, view: text.slice(start - body.start, end - body.start) });
    from = end - body.start;
  }
}

const read = new WeakMap<Report, Witness[]>();

/** The witnesses of a report's sections 一 and 三 (read once per report). */
export function readWitnesses(report: Report): Witness[] {
  let out = read.get(report);
  if (out) return out;
  out = [];
  read.set(report, out);
  const tables = new Map(report.tables.map((t) => [t.id, t]));
  // Each pattern's cells, looked up the first time a sentence holds its word (null: not readable).
  const cellsOf: (Cell[] | null | undefined)[] = [];
  const cellsOfPattern = (k: number): Cell[] | null => {
    let cells = cellsOf[k];
    if (cells === undefined) {
      const p = PATTERNS[k];
      const t = tables.get(p.table);
      const found = t ? p.cells.map(([r, c]) => cellOf(t, r, c)) : [];
      cellsOf[k] = cells = !t || found.some((c) => !c || c.state === 'invalid') ? null : (found as Cell[]);
    }
    return cells;
  };
  const { view } = report.source;
  for (const section of report.sections) {
    if (section.number !== 1 && section.number !== 3) continue;
    for (const s of sentencesWithWords(report, view.slice(section.body.start, section.body.end), section.body)) {
      const has = NEEDS.map((w) => s.view.includes(w));
      for (let k = 0; k < PATTERNS.length; k++) {
        const p = PATTERNS[k];
        if (!has[NEED_OF_PATTERN[k]]) continue;
        const cells = cellsOfPattern(k);
        if (!cells) continue;
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(s.view))) {
          if (p.table === 'requests' && OTHER_KINDS.test(m[0])) continue;
          const value = numberValue(m[1]);
          if (value === null || !Number.isInteger(value)) continue;
          const start = s.start + m.index + m[0].lastIndexOf(m[1]);
          out.push({ start, end: start + m[1].length, cells, value, digits: /^\d+$/.test(m[1]) });
        }
      }
    }
  }
  return out;
}

const byCellCache = new WeakMap<Localization, Map<Cell, Evaluation[]>>();

/** The relations each cell takes part in (built once per localization: a long document has many). */
function relationsByCell(loc: Localization): Map<Cell, Evaluation[]> {
  let out = byCellCache.get(loc);
  if (out) return out;
  out = new Map();
  for (const ev of loc.relations) {
    for (const c of [ev.at, ...ev.terms.map((t) => t.cell)]) {
      const list = out.get(c);
      if (list) list.push(ev);
      else out.set(c, [ev]);
    }
  }
  byCellCache.set(loc, out);
  return out;
}

/** What the localization says about a prose number that disagrees with the table. */
export type ProseVerdict =
  /** The table is wrong and the prose states the value the relations imply: the arithmetic finding speaks. */
  | { kind: 'explained' }
  /** The table's relations hold around these cells: the prose number is the likely error. */
  | { kind: 'prose'; expected: number; fix?: Fix }
  | null;

/**
 * The verdict on a prose figure [start, end) stating `value` for the sum of `cells`. Faces call it
 * from text-table-mismatch, so the prose and the arithmetic findings tell one story.
 */
export function proseVerdict(report: Report, rules: RuleSettings | undefined, cells: Cell[], value: number, span: Span): ProseVerdict {
  const loc = localizeReport(report, rules);
  let after = 0;
  let changed = false;
  for (const c of cells) {
    const ch = loc.changed.get(c);
    if (ch) changed = true;
    after += ch ? ch.change.to : (c.value ?? 0);
  }
  if (changed && after === value) return { kind: 'explained' };
  const witness = readWitnesses(report).find((w) => w.start === span.start && w.end === span.end);
  if (!witness) return null;
  // Settled: every relation the cells take part in holds, and there is at least one.
  const byCell = relationsByCell(loc);
  const relationsOf = cells.flatMap((c) => byCell.get(c) ?? []);
  if (relationsOf.length === 0 || relationsOf.some((ev) => !ev.holds)) return null;
  if (cells.some((c) => c.state !== 'number')) return null;
  const expected = cells.reduce((s, c) => s + (c.value ?? 0), 0);
  if (!witness.digits) return { kind: 'prose', expected };
  const raw = report.source.text.slice(span.start, span.end);
  const full = /[０-９]/.test(raw);
  const newText = full ? String(expected).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(expected);
  return {
    kind: 'prose',
    expected,
    fix: {
      title: { zh: `将正文的数字改为 ${expected}（与表格一致）`, en: `Change the prose figure to ${expected} (as in the table)` },
      edits: [{ start: span.start, end: span.end, newText, expected: raw }],
    },
  };
}
