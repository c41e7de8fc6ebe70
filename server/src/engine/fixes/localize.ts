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
import { evaluateReport, slotOf, templateRelations, type CompiledRelation, type Evaluation, type TemplateRelations } from '../relations';
import { RELATION_RULE_IDS, type Relation } from '../schema/tables';
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

/**
 * The structure of a system: which cells each relation adds, with which sign, and which
 * relations each cell takes part in. It depends only on the relations taking part, so for a
 * table whose relations were all judged (nearly every table) it is built once per template.
 */
interface Shape {
  /** The slot (relations.ts) of each system cell, numbered in the order the relations first name them. */
  cellSlots: number[];
  /** The system cell of each slot, −1 for a slot no relation names. */
  cellOfSlot: Int32Array;
  /** Relations as (cell, coefficient) rows; residual = Σ coefficient × value (0 = holds). */
  rows: { cells: number[]; coefs: number[] }[];
  /** Relation rows each cell takes part in (once per term naming it). */
  rowsOf: number[][];
}

function buildShape(compiled: CompiledRelation[], slotCount: number): Shape {
  const shape: Shape = { cellSlots: [], cellOfSlot: new Int32Array(slotCount).fill(-1), rows: [], rowsOf: [] };
  const cellOf = (slot: number): number => {
    let i = shape.cellOfSlot[slot];
    if (i < 0) {
      i = shape.cellSlots.length;
      shape.cellOfSlot[slot] = i;
      shape.cellSlots.push(slot);
      shape.rowsOf.push([]);
    }
    return i;
  };
  for (const { relation, atSlot, rightSlots } of compiled) {
    const cells = [cellOf(atSlot), ...rightSlots.map(cellOf)];
    const coefs = [1, ...relation.right.map((ref) => (ref.negate ? 1 : -1))];
    const r = shape.rows.length;
    shape.rows.push({ cells, coefs });
    for (const i of cells) shape.rowsOf[i].push(r);
  }
  return shape;
}

/** The shape of each template's full set of relations. */
const fullShapes = new Map<TemplateRelations, Shape>();

function shapeOf(template: TemplateRelations, evs: Evaluation[]): Shape {
  // The evaluations follow the template's order, so as many of them as relations means all of them.
  if (evs.length !== template.relations.length) return buildShape(evs.map((ev) => ev.compiled), template.slotCount);
  let shape = fullShapes.get(template);
  if (!shape) fullShapes.set(template, (shape = buildShape(template.relations, template.slotCount)));
  return shape;
}

/** One table's relations over the values of one report. */
interface System {
  shape: Shape;
  table: Table;
  /** The table's cells by slot: system cell i is cellsBySlot[shape.cellSlots[i]] (cellAt). */
  cellsBySlot: readonly (Cell | undefined)[];
  /** Each relation's Σ coefficient × value (0 = holds), and the relation as evaluated. */
  residuals: number[];
  evs: Evaluation[];
  /** Whether a cell may be a candidate; worked out when the search first reaches it. */
  changeable: (boolean | undefined)[];
  /** Prose figures over cells of this system: the cells summed and the value stated. */
  witnesses: { cells: number[]; value: number }[];
}

// The search reads few of a table's cells: they are looked up when read, not copied out first.
const cellAt = (sys: System, i: number): Cell => sys.cellsBySlot[sys.shape.cellSlots[i]] as Cell;
const valueOf = (sys: System, i: number): number => cellAt(sys, i).value ?? 0;

/** The system of one table's evaluations (all of one table, in evaluateTable's order). */
function buildSystem(evs: Evaluation[], witnesses: Witness[]): System {
  const { table, cellsBySlot } = evs[0];
  const template = templateRelations(table);
  const shape = shapeOf(template, evs);
  const sys: System = {
    shape,
    table,
    cellsBySlot,
    residuals: evs.map((ev) => (ev.actual ?? 0) - ev.expected),
    evs,
    changeable: [],
    witnesses: [],
  };
  for (const w of witnesses) {
    const ids: number[] = [];
    for (const c of w.cells) {
      // A cell of this table that a judged relation names (a cell of another table has no slot here).
      const slot = slotOf(template, c.row, c.column);
      const i = slot >= 0 && cellsBySlot[slot] === c ? shape.cellOfSlot[slot] : -1;
      if (i < 0) break;
      ids.push(i);
    }
    // A witness over cells no relation holds says nothing about which cell is wrong.
    if (ids.length !== w.cells.length) continue;
    sys.witnesses.push({ cells: ids, value: w.value });
  }
  return sys;
}

/** An unreadable cell is invalid-number's; a cell the reader split out of digits run together may be wrong because the split is, so neither is a candidate. */
function isChangeable(sys: System, i: number): boolean {
  let yes = sys.changeable[i];
  if (yes === undefined) {
    const c = cellAt(sys, i);
    sys.changeable[i] = yes = c.state !== 'invalid' && !splitFromRun(sys.table, c);
  }
  return yes;
}

function splitFromRun(t: Table, c: Cell): boolean {
  return t.shapeProblems.some((p) => p.kind === 'run-together' && p.start <= c.start && c.end <= p.end);
}

/**
 * The changes of the cells `set` that make every relation they touch hold, or null. The broken
 * relations touched must all belong to `cluster`; the system must pin every change (a set with
 * a free change is never the smallest), every change must be non-zero and give a value ≥ 0.
 */
function solve(sys: System, set: number[], inCluster: Uint8Array): number[] | null {
  const { rows, rowsOf } = sys.shape;
  const rowIds = new Set<number>();
  for (const i of set) for (const r of rowsOf[i]) rowIds.add(r);
  const eqs: { a: number[]; b: number }[] = [];
  for (const r of rowIds) {
    if (sys.residuals[r] !== 0 && !inCluster[r]) return null;
    const row = rows[r];
    const a = set.map((i) => {
      const k = row.cells.indexOf(i);
      return k >= 0 ? row.coefs[k] : 0;
    });
    eqs.push({ a, b: -sys.residuals[r] });
  }
  const delta = solveExact(eqs, set.length);
  if (!delta) return null;
  for (let k = 0; k < set.length; k++) {
    if (delta[k] === 0 || valueOf(sys, set[k]) + delta[k] < 0) return null;
    // An empty cell "changed" to 0 is no change of its value.
    if (cellAt(sys, set[k]).value === null && delta[k] === 0) return null;
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
  let cost = 0;
  for (const wit of sys.witnesses) {
    let touched = false;
    let before = 0;
    let after = 0;
    for (const i of wit.cells) {
      const v = valueOf(sys, i);
      const k = set.indexOf(i);
      if (k >= 0) touched = true;
      before += v;
      after += k >= 0 ? v + delta[k] : v;
    }
    if (touched) cost += (after !== wit.value ? 1 : 0) - (before !== wit.value ? 1 : 0);
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
  const { shape } = sys;
  const { rows, rowsOf } = shape;
  const inCluster = new Uint8Array(rows.length);
  for (const r of cluster) inCluster[r] = 1;
  // Sets of k + 1 cells cost at least k + 1 − (prose figures of this table that now disagree).
  let disagreeing = 0;
  for (const w of sys.witnesses) if (w.cells.reduce((s, i) => s + valueOf(sys, i), 0) !== w.value) disagreeing++;
  const found: Found[] = [];
  // Sets already visited, by their sorted cells written as digits in base (cells + 1).
  const seen = new Set<number>();
  const base = shape.cellSlots.length + 1;
  let best = Infinity;
  // The set grows and shrinks in place; hits[r] counts the set's terms in relation r.
  const set: number[] = [];
  const hits = new Int32Array(rows.length);
  const add = (i: number, by: number): void => {
    for (const r of rowsOf[i]) hits[r] += by;
  };
  const keyOf = (): number => {
    const sorted = set.length < 2 ? set : [...set].sort((a, b) => a - b);
    let key = 0;
    for (const i of sorted) key = key * base + i + 1;
    return key;
  };
  const visit = (limit: number): void => {
    const key = keyOf();
    if (seen.has(key)) return;
    seen.add(key);
    // Broken relations no cell of the set lies in, and holding ones exactly one term of it lies
    // in; of each kind the first with the fewest terms.
    let unhit = 0;
    let fewestUnhit = -1;
    for (const r of cluster) {
      if (hits[r] !== 0) continue;
      unhit++;
      if (fewestUnhit < 0 || rows[r].cells.length < rows[fewestUnhit].cells.length) fewestUnhit = r;
    }
    let lonely = 0;
    let fewestLonely = -1;
    for (const i of set) {
      for (const r of rowsOf[i]) {
        if (hits[r] !== 1 || sys.residuals[r] !== 0) continue;
        lonely++;
        if (fewestLonely < 0 || rows[r].cells.length < rows[fewestLonely].cells.length) fewestLonely = r;
      }
    }
    if (set.length > 0 && unhit === 0 && lonely === 0) {
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
    if (remaining <= 0 || unhit + lonely > 3 * remaining) return;
    const fewest = unhit > 0 ? fewestUnhit : fewestLonely;
    for (const i of rows[fewest].cells) {
      if (!isChangeable(sys, i) || set.includes(i)) continue;
      set.push(i);
      add(i, 1);
      visit(limit);
      add(i, -1);
      set.pop();
    }
  };
  for (let k = 1; k <= MAX_CELLS; k++) {
    seen.clear();
    found.length = 0;
    best = Infinity;
    visit(k);
    if (best < k + 1 - disagreeing) break;
  }
  return found.filter((f) => f.cost === best);
}

/** Broken relations linked by a shared cell: each cluster is explained on its own. */
function clusters(sys: System): number[][] {
  const { rows, rowsOf } = sys.shape;
  const broken: number[] = [];
  // parent[r]: the union-find parent of broken relation r, −1 for a relation that holds.
  const parent = new Int32Array(sys.residuals.length).fill(-1);
  sys.residuals.forEach((residual, r) => {
    if (residual !== 0) broken.push((parent[r] = r));
  });
  const find = (r: number): number => {
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  // Only the cells of broken relations can link two of them.
  for (const b of broken) {
    for (const i of rows[b].cells) {
      let first = -1;
      for (const r of rowsOf[i]) {
        if (parent[r] < 0) continue;
        if (first < 0) first = r;
        else parent[find(r)] = find(first);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const r of broken) {
    const root = find(r);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  }
  return [...groups.values()];
}

function explanationOf(sys: System, f: Found): Explanation {
  const changes = f.set
    .map((i, k) => ({ cell: cellAt(sys, i), table: sys.table, from: cellAt(sys, i).value, to: valueOf(sys, i) + f.delta[k] }))
    .sort((a, b) => a.cell.start - b.cell.start);
  return { changes, cost: f.cost, weight: changes.reduce((w, c) => w + typoWeight(c.from, c.to), 0) };
}

function decide(sys: System, cluster: number[], found: Found[]): Decision {
  const broken = cluster.map((r) => sys.evs[r]);
  if (found.length === 0) return { broken, kind: 'none', explanations: [] };
  const explanations = found.map((f) => explanationOf(sys, f)).sort((a, b) => a.weight - b.weight || a.changes[0].cell.start - b.changes[0].cell.start);
  return { broken, kind: explanations.length === 1 ? 'unique' : 'tie', explanations };
}

/** The relations whose rule is not off (the report's own list when none is: nothing is copied). */
function enabledRelations(report: Report, rules: RuleSettings | undefined): Evaluation[] {
  const all = evaluateReport(report);
  if (!RELATION_RULE_IDS.some((id) => rules?.[id] === 'off')) return all;
  return all.filter((ev) => rules?.[ev.relation.ruleId] !== 'off');
}

function run(report: Report, rules: RuleSettings | undefined): Localization {
  const relations = enabledRelations(report, rules);
  const decisions: Decision[] = [];
  let witnesses: Witness[] = [];
  // Most reports add up: nothing to explain, no prose to read.
  if (relations.some((ev) => !ev.holds)) {
    // Tables are explained one by one (no relation crosses two), and only those with a broken relation.
    const byTable = new Map<Table, Evaluation[]>();
    for (const ev of relations) {
      const list = byTable.get(ev.table);
      if (list) list.push(ev);
      else byTable.set(ev.table, [ev]);
    }
    for (const evs of byTable.values()) {
      if (evs.every((ev) => ev.holds)) continue;
      if (witnesses.length === 0 && rules?.['text-table-mismatch'] !== 'off') witnesses = readWitnesses(report);
      // buildSystem keeps the witnesses over this table's cells.
      for (const d of explainTable(buildSystem(evs, witnesses))) decisions.push(d);
    }
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

const cache = new WeakMap<Report, Map<number, Localization>>();
/** The rules whose being off changes the localization (their relations, or the prose witnesses). */
const SETTINGS_THAT_MATTER = ['balance', 'results-total', 'row-total', 'appeals-total', 'text-table-mismatch'];

/** The localization of a report under the given rule settings (computed once per report and settings). */
export function localizeReport(report: Report, rules?: RuleSettings): Localization {
  // Asked by several rules per report: the key is a number, one bit per rule that is off.
  let key = 0;
  for (let k = 0; k < SETTINGS_THAT_MATTER.length; k++) if (rules?.[SETTINGS_THAT_MATTER[k]] === 'off') key |= 1 << k;
  let perReport = cache.get(report);
  if (!perReport) cache.set(report, (perReport = new Map()));
  let out = perReport.get(key);
  if (!out) perReport.set(key, (out = run(report, rules)));
  return out;
}
