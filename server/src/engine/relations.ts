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

// Cells are found by a small integer slot (row index × 8 + column index, rows numbered per
// template), so evaluating a table builds no key strings and hashes nothing but the row id of
// each cell once.

/** null → 0 (appeals), 'c1'…'c7' → 1…7, anything else → −1; read from the id's characters, not hashed. */
function columnIndex(column: string | null): number {
  if (column === null) return 0;
  if (column.length !== 2 || column.charCodeAt(0) !== 0x63 /* c */) return -1;
  const d = column.charCodeAt(1) - 0x30;
  return d >= 1 && d <= 7 ? d : -1;
}

/** A relation with its cells' slots worked out once (relations are constants). */
export interface CompiledRelation {
  relation: Relation;
  atSlot: number;
  rightSlots: number[];
}

/** A template's relations, compiled: the same object for every table of one format. */
export interface TemplateRelations {
  relations: CompiledRelation[];
  /** The row ids the relations name, numbered. */
  rowIndex: Map<string, number>;
  /** Slots a table of this template can have (rows × 8). */
  slotCount: number;
}

/** The slot of a cell in a table of template `t` (−1 when no relation names its row or column). */
export function slotOf(t: TemplateRelations, row: string, column: string | null): number {
  const r = t.rowIndex.get(row);
  const c = columnIndex(column);
  return r === undefined || c < 0 ? -1 : r * 8 + c;
}

function compile(relations: Relation[]): TemplateRelations {
  const rowIndex = new Map<string, number>();
  const register = (ref: CellRef): number => {
    let r = rowIndex.get(ref.row);
    if (r === undefined) rowIndex.set(ref.row, (r = rowIndex.size));
    return r * 8 + columnIndex(ref.column);
  };
  const compiled = relations.map((relation) => ({ relation, atSlot: register(relation.at), rightSlots: relation.right.map(register) }));
  return { relations: compiled, rowIndex, slotCount: rowIndex.size * 8 };
}

const TEMPLATES = {
  requests: { '2021': compile(requestRelations('2021')), '2019': compile(requestRelations('2019')) },
  appeals: compile(appealRelations()),
  none: compile([]),
};

/** The compiled relations of a table's template (a proactive table has none). */
export function templateRelations(table: Table): TemplateRelations {
  if (table.id === 'requests') return TEMPLATES.requests[table.version];
  if (table.id === 'appeals') return TEMPLATES.appeals;
  return TEMPLATES.none;
}

/**
 * One relation judged against a table's cells. The terms are built when asked for: most
 * relations hold and only their verdict is read, so the per-term objects are made only for the
 * few that a finding, a fix or the hover spells out.
 */
export class Evaluation {
  private builtTerms: RelationTerm[] | undefined;

  constructor(
    readonly compiled: CompiledRelation,
    readonly table: Table,
    /** The table's cells by slot (shared by the evaluations of one table). */
    readonly cellsBySlot: readonly (Cell | undefined)[],
    /** The cell the relation's finding points at (a total). */
    readonly at: Cell,
    /** What `at` should hold for the relation to be true. */
    readonly expected: number,
    /** What `at` holds (null when empty). */
    readonly actual: number | null,
    readonly holds: boolean,
    /** All other terms are numbers (not empty): a fix may set `at` to `expected`. */
    readonly partsComplete: boolean,
  ) {}

  get relation(): Relation {
    return this.compiled.relation;
  }

  /** The right-hand cells with their values, in the relation's order. */
  get terms(): RelationTerm[] {
    if (!this.builtTerms) {
      const { relation, rightSlots } = this.compiled;
      this.builtTerms = rightSlots.map((slot, k) => {
        const cell = this.cellsBySlot[slot] as Cell;
        return { ref: relation.right[k], cell, value: cell.value ?? 0 };
      });
    }
    return this.builtTerms;
  }
}

/**
 * Evaluate every relation of a table whose cells were all read. A relation with an unread or
 * invalid cell is not judged: table-shape and invalid-number speak for those.
 */
export function evaluateTable(table: Table): Evaluation[] {
  const template = templateRelations(table);
  if (template.relations.length === 0) return [];
  const bySlot: (Cell | undefined)[] = new Array(template.slotCount);
  for (const c of table.cells) {
    const slot = slotOf(template, c.row, c.column);
    if (slot >= 0) bySlot[slot] = c;
  }
  const out: Evaluation[] = [];
  for (const rel of template.relations) {
    const at = bySlot[rel.atSlot];
    if (!at || at.state === 'invalid') continue;
    const { rightSlots } = rel;
    const right = rel.relation.right;
    let expected = 0;
    let partsComplete = true;
    let judged = true;
    for (let k = 0; k < rightSlots.length; k++) {
      const c = bySlot[rightSlots[k]];
      if (!c || c.state === 'invalid') {
        judged = false;
        break;
      }
      const value = c.value ?? 0;
      expected += right[k].negate ? -value : value;
      if (c.state !== 'number') partsComplete = false;
    }
    if (!judged) continue;
    const actual = at.value;
    out.push(new Evaluation(rel, table, bySlot, at, expected, actual, (actual ?? 0) === expected, partsComplete));
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
