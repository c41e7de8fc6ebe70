// Evaluating the tables' arithmetic (schema/tables.ts relations) against the cells read.
// Shared by the four arithmetic rules and by the editor's hover, so both say the same thing.

import type { Cell, Localized, Report, Table } from './model';
import { appealRelations, requestRelations, type CellRef, type Relation } from './schema/tables';

export interface RelationTerm {
  ref: CellRef;
  cell: Cell;
  /** The value used in the sum: an empty cell counts as 0. */
  value: number;
}

export interface Evaluation {
  relation: Relation;
  table: Table;
  /** The cell the relation's finding points at (a total). */
  at: Cell;
  terms: RelationTerm[];
  /** What `at` should hold for the relation to be true. */
  expected: number;
  /** What `at` holds (null when empty). */
  actual: number | null;
  holds: boolean;
  /** All other terms are numbers (not empty): a fix may set `at` to `expected`. */
  partsComplete: boolean;
}

// Cells are found by a small integer slot (row index × 8 + column index), so evaluating a table
// builds no key strings and hashes nothing but the row id of each cell once.
const ROW_INDEX = new Map<string, number>();
const COLUMN_INDEX = new Map<string | null, number>([[null, 0], ['c1', 1], ['c2', 2], ['c3', 3], ['c4', 4], ['c5', 5], ['c6', 6], ['c7', 7]]);
function slotOf(row: string, column: string | null, register = false): number {
  let r = ROW_INDEX.get(row);
  if (r === undefined) {
    if (!register) return -1;
    ROW_INDEX.set(row, (r = ROW_INDEX.size));
  }
  const c = COLUMN_INDEX.get(column);
  return c === undefined ? -1 : r * 8 + c;
}

/** A relation with its cells' slots worked out once (relations are constants). */
interface Compiled {
  relation: Relation;
  atSlot: number;
  rightSlots: number[];
}

const compile = (relations: Relation[]): Compiled[] =>
  relations.map((relation) => ({
    relation,
    atSlot: slotOf(relation.at.row, relation.at.column, true),
    rightSlots: relation.right.map((r) => slotOf(r.row, r.column, true)),
  }));

const RELATIONS = {
  requests: { '2021': compile(requestRelations('2021')), '2019': compile(requestRelations('2019')) },
  appeals: compile(appealRelations()),
};

function compiledOf(table: Table): Compiled[] {
  if (table.id === 'requests') return RELATIONS.requests[table.version];
  if (table.id === 'appeals') return RELATIONS.appeals;
  return [];
}

/**
 * Evaluate every relation of a table whose cells were all read. A relation with an unread or
 * invalid cell is not judged: table-shape and invalid-number speak for those.
 */
export function evaluateTable(table: Table): Evaluation[] {
  const compiled = compiledOf(table);
  if (compiled.length === 0) return [];
  const bySlot: (Cell | undefined)[] = new Array(ROW_INDEX.size * 8);
  for (const c of table.cells) {
    const slot = slotOf(c.row, c.column);
    if (slot >= 0) bySlot[slot] = c;
  }
  const out: Evaluation[] = [];
  for (const { relation, atSlot, rightSlots } of compiled) {
    const at = bySlot[atSlot];
    if (!at || at.state === 'invalid') continue;
    const terms: RelationTerm[] = [];
    let expected = 0;
    let partsComplete = true;
    let judged = true;
    for (let k = 0; k < rightSlots.length; k++) {
      const c = bySlot[rightSlots[k]];
      if (!c || c.state === 'invalid') {
        judged = false;
        break;
      }
      const ref = relation.right[k];
      const value = c.value ?? 0;
      terms.push({ ref, cell: c, value });
      expected += ref.negate ? -value : value;
      if (c.state !== 'number') partsComplete = false;
    }
    if (!judged) continue;
    const actual = at.value;
    out.push({ relation, table, at, terms, expected, actual, holds: (actual ?? 0) === expected, partsComplete });
  }
  return out;
}

const evaluated = new WeakMap<Report, Evaluation[]>();

/** Every relation of every table; computed once per report (four rules and the hover share it). */
export function evaluateReport(report: Report): Evaluation[] {
  let out = evaluated.get(report);
  if (!out) {
    out = [];
    for (const t of report.tables) for (const ev of evaluateTable(t)) out.push(ev);
    evaluated.set(report, out);
  }
  return out;
}

/** 「4 + 0 + 2 − 1」 from the terms (signs as in the relation). */
export function arithmetic(ev: Evaluation, maxTerms = 8): Localized {
  const nonZero = ev.terms.filter((t) => t.value !== 0);
  const shown = ev.terms.length <= maxTerms ? ev.terms : nonZero;
  if (shown.length === 0) return { zh: '各项均为 0', en: 'all parts are 0' };
  let s = '';
  shown.forEach((t, i) => {
    const sign = t.ref.negate ? ' − ' : i === 0 ? '' : ' + ';
    s += `${sign}${t.value}`;
  });
  const rest = ev.terms.length > shown.length ? { zh: '，其余各项为 0', en: '; the other parts are 0' } : { zh: '', en: '' };
  return { zh: s + rest.zh, en: s + rest.en };
}
