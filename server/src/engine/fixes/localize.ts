// Which cell is wrong: error localization over the tables' relations (the Fellegi–Holt
// principle of statistical data editing, as in the R package errorlocate).
//
// Every relation of tables 2 and 3 is a linear equation over cells (Σ coefficient × value = 0).
// A mistyped number breaks each relation it takes part in. The explanation of the broken
// relations is the smallest set of cells whose change (to non-negative integers) makes every
// relation hold; numbers the prose states (witness.ts) count as fields too, so an explanation
// that makes the prose agree is cheaper than one that makes it disagree. Only a unique cheapest
// explanation is a decision a fix may act on; ties are reported with their candidates, and
// typo-shaped changes (a digit changed, swapped, dropped or doubled) only order the candidates.
//
// Every face (the arithmetic rules, hover, quick fixes, fix-all) reads this one decision.

import type { Cell, Report, RuleSettings, Table } from '../model';
import { evaluateReport, type Evaluation } from '../relations';
import { readWitnesses, type Witness } from './witness';

/** More wrong cells than this in one cluster of broken relations are not searched for. */
export const MAX_CELLS = 3;

export interface CellChange {
  cell: Cell;
  table: Table;
  /** The value written (null when empty) and the value the relations imply. */
  from: number | null;
  to: number;
}

export interface Explanation {
  changes: CellChange[];
  /** Cells changed plus prose figures left disagreeing (minus those made to agree). */
  cost: number;
  /** How unlike a typo the changes are (lower is more typo-like): orders tied candidates. */
  weight: number;
}

export interface Decision {
  /** The broken relations this decision is about. */
  broken: Evaluation[];
  /** unique: one cheapest explanation; tie: several; none: no explanation within MAX_CELLS. */
  kind: 'unique' | 'tie' | 'none';
  /** unique: the one; tie: the tied candidates, most typo-like first; none: empty. */
  explanations: Explanation[];
}

export interface Localization {
  decisions: Decision[];
  /** The relations taking part (their rule is not off), evaluated. */
  relations: Evaluation[];
  /** Prose figures read as witnesses (none when text-table-mismatch is off). */
  witnesses: Witness[];
  /** The decision each broken relation belongs to. */
  decisionOf: Map<Evaluation, Decision>;
  /** Cells a unique decision changes, with their change. */
  changed: Map<Cell, { decision: Decision; change: CellChange }>;
}

// ---------------------------------------------------------------- the linear system

interface System {
  cells: Cell[];
  tableOf: Table[];
  /** Relations as (cell index, coefficient) rows; residual = Σ coefficient × value (0 = holds). */
  rows: { terms: { cell: number; coef: number }[]; residual: number; ev: Evaluation }[];
  /** Relation rows each cell takes part in. */
  rowsOf: number[][];
  changeable: boolean[];
  witnesses: { cells: number[]; value: number }[];
  witnessesOf: number[][];
}

function buildSystem(relations: Evaluation[], witnesses: Witness[]): System {
  const index = new Map<Cell, number>();
  const sys: System = { cells: [], tableOf: [], rows: [], rowsOf: [], changeable: [], witnesses: [], witnessesOf: [] };
  const idOf = (c: Cell, t: Table): number => {
    let i = index.get(c);
    if (i === undefined) {
      i = sys.cells.length;
      index.set(c, i);
      sys.cells.push(c);
      sys.tableOf.push(t);
      sys.rowsOf.push([]);
      sys.witnessesOf.push([]);
      // An unreadable cell is invalid-number's; a cell the reader split out of digits run
      // together may be wrong because the split is, so neither is a candidate.
      sys.changeable.push(c.state !== 'invalid' && !splitFromRun(t, c));
    }
    return i;
  };
  for (const ev of relations) {
    const terms = [{ cell: idOf(ev.at, ev.table), coef: 1 }, ...ev.terms.map((t) => ({ cell: idOf(t.cell, ev.table), coef: t.ref.negate ? 1 : -1 }))];
    const residual = (ev.actual ?? 0) - ev.expected;
    const r = sys.rows.length;
    sys.rows.push({ terms, residual, ev });
    for (const t of terms) sys.rowsOf[t.cell].push(r);
  }
  for (const w of witnesses) {
    const cells: number[] = [];
    for (const c of w.cells) {
      const i = index.get(c);
      if (i === undefined) break;
      cells.push(i);
    }
    // A witness over cells no relation holds says nothing about which cell is wrong.
    if (cells.length !== w.cells.length) continue;
    const k = sys.witnesses.length;
    sys.witnesses.push({ cells, value: w.value });
    for (const i of cells) sys.witnessesOf[i].push(k);
  }
  return sys;
}

function splitFromRun(t: Table, c: Cell): boolean {
  return t.shapeProblems.some((p) => p.kind === 'run-together' && p.start <= c.start && c.end <= p.end);
}

const valueOf = (sys: System, i: number): number => sys.cells[i].value ?? 0;

/**
 * The changes of the cells `set` that make every relation they touch hold, or null. The broken
 * relations touched must all belong to `cluster`; the system must pin every change (a set with
 * a free change is never the smallest), every change must be non-zero and give a value ≥ 0.
 */
function solve(sys: System, set: number[], cluster: Set<number>): number[] | null {
  const rowIds = new Set<number>();
  for (const i of set) for (const r of sys.rowsOf[i]) rowIds.add(r);
  const eqs: { a: number[]; b: number }[] = [];
  for (const r of rowIds) {
    const row = sys.rows[r];
    if (row.residual !== 0 && !cluster.has(r)) return null;
    const a = set.map((i) => row.terms.find((t) => t.cell === i)?.coef ?? 0);
    eqs.push({ a, b: -row.residual });
  }
  const delta = solveExact(eqs, set.length);
  if (!delta) return null;
  for (let k = 0; k < set.length; k++) {
    if (delta[k] === 0 || valueOf(sys, set[k]) + delta[k] < 0) return null;
    // An empty cell "changed" to 0 is no change of its value.
    if (sys.cells[set[k]].value === null && delta[k] === 0) return null;
  }
  return delta;
}

/** Integer solution of a small over-determined system (n ≤ 3 unknowns), unique, or null. */
function solveExact(eqs: { a: number[]; b: number }[], n: number): number[] | null {
  const det = (m: number[][]): number =>
    m.length === 1
      ? m[0][0]
      : m.length === 2
        ? m[0][0] * m[1][1] - m[0][1] * m[1][0]
        : m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  // Find n independent equations (Cramer's rule), then check every equation exactly.
  const pick = (from: number, chosen: number[]): number[] | null => {
    if (chosen.length === n) {
      const m = chosen.map((e) => eqs[e].a);
      const d = det(m);
      if (d === 0) return null;
      const x: number[] = [];
      for (let k = 0; k < n; k++) {
        const mk = chosen.map((e, r) => m[r].map((v, c) => (c === k ? eqs[e].b : v)));
        const num = det(mk);
        if (num % d !== 0) return [];
        x.push(num / d);
      }
      return x;
    }
    for (let e = from; e < eqs.length; e++) {
      const x = pick(e + 1, [...chosen, e]);
      if (x) return x;
    }
    return null;
  };
  const x = pick(0, []);
  if (!x || x.length !== n) return null;
  for (const e of eqs) {
    let s = 0;
    for (let k = 0; k < n; k++) s += e.a[k] * x[k];
    if (s !== e.b) return null;
  }
  return x;
}

// ---------------------------------------------------------------- typo shapes

/** 0.5 for a typo-shaped change (a digit changed, two neighbours swapped, one dropped or doubled), else 1. */
export function typoWeight(from: number | null, to: number): number {
  if (from === null) return 1;
  const a = String(from);
  const b = String(to);
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return 0.5;
    if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) return 0.5;
    return 1;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return 1;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return 0.5;
  return 1;
}

// ---------------------------------------------------------------- the search

interface Found {
  set: number[];
  delta: number[];
  cost: number;
}

/** How the witnesses a change touches move: −1 for each made to agree, +1 for each made to disagree. */
function witnessCost(sys: System, set: number[], delta: number[]): number {
  const touched = new Set<number>();
  for (const i of set) for (const w of sys.witnessesOf[i]) touched.add(w);
  let cost = 0;
  for (const w of touched) {
    const wit = sys.witnesses[w];
    let before = 0;
    let after = 0;
    for (const i of wit.cells) {
      const v = valueOf(sys, i);
      const k = set.indexOf(i);
      before += v;
      after += k >= 0 ? v + delta[k] : v;
    }
    cost += (after !== wit.value ? 1 : 0) - (before !== wit.value ? 1 : 0);
  }
  return cost;
}

/**
 * Every explanation of the broken relations `cluster` with at most MAX_CELLS cells that could be
 * cheapest. Sets grow by branching on a broken relation no cell of the set lies in (one of its
 * cells must change), then on a holding relation exactly one cell of the set lies in (that
 * change alone would break it: another cell of it must compensate).
 */
function search(sys: System, cluster: number[]): Found[] {
  const inCluster = new Set(cluster);
  const table = sys.rows[cluster[0]].ev.table;
  // Sets of k + 1 cells cost at least k + 1 − (prose figures of this table that now disagree).
  const disagreeing = sys.witnesses.filter(
    (w) => sys.tableOf[w.cells[0]] === table && w.cells.reduce((s, i) => s + valueOf(sys, i), 0) !== w.value,
  ).length;
  const found: Found[] = [];
  const seen = new Set<string>();
  let best = Infinity;
  const visit = (set: number[], limit: number): void => {
    const key = set.length < 2 ? String(set[0]) : [...set].sort((a, b) => a - b).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    const unhit = cluster.filter((r) => !set.some((i) => sys.rowsOf[i].includes(r)));
    const lonely: number[] = [];
    const counts = new Map<number, number>();
    for (const i of set) for (const r of sys.rowsOf[i]) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const [r, n] of counts) if (n === 1 && sys.rows[r].residual === 0) lonely.push(r);
    if (set.length > 0 && unhit.length === 0 && lonely.length === 0) {
      const delta = solve(sys, set, inCluster);
      if (delta) {
        const cost = set.length + witnessCost(sys, set, delta);
        found.push({ set: [...set], delta, cost });
        best = Math.min(best, cost);
      }
      return; // a larger set containing a solution is never cheaper on the cells
    }
    const remaining = limit - set.length;
    // A cell lies in at most three relations: it can serve at most three of those still open.
    if (remaining <= 0 || unhit.length + lonely.length > 3 * remaining) return;
    const open = unhit.length > 0 ? unhit : lonely;
    let fewest = open[0];
    for (const r of open) if (sys.rows[r].terms.length < sys.rows[fewest].terms.length) fewest = r;
    for (const t of sys.rows[fewest].terms) if (sys.changeable[t.cell] && !set.includes(t.cell)) visit([...set, t.cell], limit);
  };
  for (let k = 1; k <= MAX_CELLS; k++) {
    seen.clear();
    found.length = 0;
    best = Infinity;
    visit([], k);
    if (best < k + 1 - disagreeing) break;
  }
  return found.filter((f) => f.cost === best);
}

/** Broken relations linked by a shared cell: each cluster is explained on its own. */
function clusters(sys: System): number[][] {
  const broken = sys.rows.map((r, i) => (r.residual !== 0 ? i : -1)).filter((i) => i >= 0);
  const parent = new Map(broken.map((r) => [r, r]));
  const find = (r: number): number => {
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (let i = 0; i < sys.cells.length; i++) {
    const rs = sys.rowsOf[i].filter((r) => parent.has(r));
    for (let k = 1; k < rs.length; k++) parent.set(find(rs[k]), find(rs[0]));
  }
  const groups = new Map<number, number[]>();
  for (const r of broken) {
    const root = find(r);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  return [...groups.values()];
}

function explanationOf(sys: System, f: Found): Explanation {
  const changes = f.set
    .map((i, k) => ({ cell: sys.cells[i], table: sys.tableOf[i], from: sys.cells[i].value, to: valueOf(sys, i) + f.delta[k] }))
    .sort((a, b) => a.cell.start - b.cell.start);
  return { changes, cost: f.cost, weight: changes.reduce((w, c) => w + typoWeight(c.from, c.to), 0) };
}

function decide(sys: System, cluster: number[], found: Found[]): Decision {
  const broken = cluster.map((r) => sys.rows[r].ev);
  if (found.length === 0) return { broken, kind: 'none', explanations: [] };
  const explanations = found.map((f) => explanationOf(sys, f)).sort((a, b) => a.weight - b.weight || a.changes[0].cell.start - b.changes[0].cell.start);
  return { broken, kind: explanations.length === 1 ? 'unique' : 'tie', explanations };
}

/** The relations whose rule is not off. */
function enabledRelations(report: Report, rules: RuleSettings | undefined): Evaluation[] {
  return evaluateReport(report).filter((ev) => rules?.[ev.relation.ruleId] !== 'off');
}

function run(report: Report, rules: RuleSettings | undefined): Localization {
  const relations = enabledRelations(report, rules);
  const decisions: Decision[] = [];
  // Tables are explained one by one (no relation crosses two), and only those with a broken relation.
  const byTable = new Map<Table, Evaluation[]>();
  for (const ev of relations) {
    const list = byTable.get(ev.table);
    if (list) list.push(ev);
    else byTable.set(ev.table, [ev]);
  }
  let witnesses: Witness[] = [];
  for (const [table, evs] of byTable) {
    if (evs.every((ev) => ev.holds)) continue;
    if (witnesses.length === 0 && rules?.['text-table-mismatch'] !== 'off') witnesses = readWitnesses(report);
    decisions.push(...explainTable(buildSystem(evs, witnesses.filter((w) => w.cells.every((c) => table.cells.includes(c))))));
  }
  const decisionOf = new Map<Evaluation, Decision>();
  const changed = new Map<Cell, { decision: Decision; change: CellChange }>();
  for (const d of decisions) {
    for (const ev of d.broken) decisionOf.set(ev, d);
    if (d.kind === 'unique') for (const change of d.explanations[0].changes) changed.set(change.cell, { decision: d, change });
  }
  return { decisions, relations, witnesses, decisionOf, changed };
}

/** The decisions on one table's broken relations. */
function explainTable(sys: System): Decision[] {
  const decisions: Decision[] = [];
  const unsolved: number[][] = [];
  for (const cluster of clusters(sys)) {
    const found = search(sys, cluster);
    if (found.length === 0) unsolved.push(cluster);
    else decisions.push(decide(sys, cluster, found));
  }
  // Clusters that no change inside explains may be explained together (two errors in one row
  // cancel in its total but break two columns): try them as one.
  const merged = unsolved.flat();
  const found = unsolved.length > 1 ? search(sys, merged) : [];
  if (found.length > 0) decisions.push(decide(sys, merged, found));
  else for (const c of unsolved) decisions.push(decide(sys, c, []));
  return decisions;
}

const cache = new WeakMap<Report, Map<string, Localization>>();
/** The rules whose being off changes the localization (their relations, or the prose witnesses). */
const SETTINGS_THAT_MATTER = ['balance', 'results-total', 'row-total', 'appeals-total', 'text-table-mismatch'];

/** The localization of a report under the given rule settings (computed once per report and settings). */
export function localizeReport(report: Report, rules?: RuleSettings): Localization {
  // Asked by several rules per report: the key is built without arrays.
  let key = '';
  for (const r of SETTINGS_THAT_MATTER) key += rules?.[r] === 'off' ? '0' : '1';
  let perReport = cache.get(report);
  if (!perReport) cache.set(report, (perReport = new Map()));
  let out = perReport.get(key);
  if (!out) perReport.set(key, (out = run(report, rules)));
  return out;
}
