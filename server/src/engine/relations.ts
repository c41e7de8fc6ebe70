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

function lookup(table: Table): (ref: CellRef) => Cell | undefined {
  // Row, then column: no key strings built per lookup (this runs for every relation term).
  const byRow = new Map<string, Map<string | null, Cell>>();
  for (const c of table.cells) {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map()));
    row.set(c.column ?? null, c);
  }
  return (ref) => byRow.get(ref.row)?.get(ref.column ?? null);
}

const RELATIONS = {
  requests: { '2021': requestRelations('2021'), '2019': requestRelations('2019') },
  appeals: appealRelations(),
};

export function relationsOf(table: Table): Relation[] {
  if (table.id === 'requests') return RELATIONS.requests[table.version];
  if (table.id === 'appeals') return RELATIONS.appeals;
  return [];
}

/**
 * Evaluate every relation of a table whose cells were all read. A relation with an unread or
 * invalid cell is not judged: table-shape and invalid-number speak for those.
 */
export function evaluateTable(table: Table): Evaluation[] {
  const get = lookup(table);
  const out: Evaluation[] = [];
  for (const relation of relationsOf(table)) {
    const at = get(relation.at);
    if (!at || at.state === 'invalid') continue;
    const terms: RelationTerm[] = [];
    let judged = true;
    for (const ref of relation.right) {
      const c = get(ref);
      if (!c || c.state === 'invalid') {
        judged = false;
        break;
      }
      terms.push({ ref, cell: c, value: c.value ?? 0 });
    }
    if (!judged) continue;
    const expected = terms.reduce((sum, t) => sum + (t.ref.negate ? -t.value : t.value), 0);
    const actual = at.value;
    out.push({
      relation,
      table,
      at,
      terms,
      expected,
      actual,
      holds: (actual ?? 0) === expected,
      partsComplete: terms.every((t) => t.cell.state === 'number'),
    });
  }
  return out;
}

const evaluated = new WeakMap<Report, Evaluation[]>();

/** Every relation of every table; computed once per report (four rules and the hover share it). */
export function evaluateReport(report: Report): Evaluation[] {
  let out = evaluated.get(report);
  if (!out) {
    out = report.tables.flatMap(evaluateTable);
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
