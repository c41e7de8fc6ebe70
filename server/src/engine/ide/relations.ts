// A relation as a sentence in the order of its label, with the values the report holds:
//   「一 + 二 = 三（七）+ 四：5 + 0 = 4 + 1 ✓」
// Long relations (（七）总计 sums 21 results) show their non-zero terms and say how many are 0.

import type { Cell, Lang, Table } from '../model';
import { BALANCE_LABEL, appealRelations, requestRelations, type CellRef, type Relation } from '../schema/tables';

/** At most this many values are printed in one sentence; beyond, the zeros are counted instead. */
const MAX_TERMS = 7;

interface Term {
  ref: CellRef;
  cell: Cell | undefined;
}

interface Sentence {
  /** 「一 + 二 = 三（七）+ 四」 */
  label: string;
  left: Term[];
  right: Term[];
}

function relationsOf(table: Table): Relation[] {
  if (table.id === 'requests') return requestRelations(table.version);
  if (table.id === 'appeals') return appealRelations();
  return [];
}

const sameCell = (a: { row: string; column: string | null }, b: { row: string; column?: string | null }): boolean =>
  a.row === b.row && (a.column ?? null) === (b.column ?? null);

/**
 * The label of a relation (the words people use for it) and its sides in that order. The hover
 * names the cell above its relations, so the labels need not repeat its row or column.
 */
function sentence(rel: Relation, find: (r: CellRef) => Cell | undefined, lang: Lang): Sentence {
  const term = (ref: CellRef): Term => ({ ref: { ...ref, negate: false }, cell: find(ref) });
  const zh = lang === 'zh';
  switch (rel.ruleId) {
    case 'balance': {
      // Stored as 四 = 一 + 二 − （七）; said as 一 + 二 = 三（七）+ 四.
      const plus = rel.right.filter((r) => !r.negate).map(term);
      const minus = rel.right.filter((r) => r.negate).map(term);
      return { label: BALANCE_LABEL[lang], left: plus, right: [...minus, ...rel.left.map(term)] };
    }
    case 'results-total':
      return { label: zh ? '（七）总计 = 各项办理结果之和' : '(7) total = sum of the results', left: rel.left.map(term), right: rel.right.map(term) };
    case 'row-total':
      return { label: zh ? '总计 = 各类申请人之和' : 'total = sum of the applicant columns', left: rel.left.map(term), right: rel.right.map(term) };
    case 'appeals-total':
      return {
        label: zh ? '总计 = 维持 + 纠正 + 其他 + 尚未审结' : 'total = upheld + corrected + other + pending',
        left: rel.left.map(term),
        right: rel.right.map(term),
      };
  }
}

export interface RelationLine {
  /** The whole sentence: label, values, mark. */
  text: string;
  /** true: holds; false: does not; null: a cell is unread or not a number. */
  holds: boolean | null;
}

/** Every relation the cell takes part in, as sentences; the cell's own value in **bold**. */
export function relationLines(table: Table, cell: Cell, lang: Lang): RelationLine[] {
  const byRef = new Map(table.cells.map((c) => [`${c.row}|${c.column ?? ''}`, c]));
  const find = (r: CellRef): Cell | undefined => byRef.get(`${r.row}|${r.column ?? ''}`);
  const out: RelationLine[] = [];
  for (const rel of relationsOf(table)) {
    if (![...rel.left, ...rel.right].some((r) => sameCell(cell, r))) continue;
    const s = sentence(rel, find, lang);
    const all = [...s.left, ...s.right];
    const unread = all.some((t) => !t.cell || t.cell.state === 'invalid');
    const value = (t: Term): number => t.cell?.value ?? 0;
    const sum = (xs: Term[]): number => xs.reduce((n, t) => n + value(t), 0);
    const holds = unread ? null : sum(s.left) === sum(s.right);
    const mark = holds === null ? '?' : holds ? '✓' : '✗';
    out.push({ text: `${s.label}${lang === 'zh' ? '：' : ': '}${side(s.left, cell, lang)} = ${side(s.right, cell, lang)} ${mark}`, holds });
  }
  return out;
}

function shown(t: Term, self: Cell, lang: Lang): string {
  const c = t.cell;
  const text = !c ? '?' : c.state === 'number' ? String(c.value) : c.state === 'empty' ? (lang === 'zh' ? '空' : 'empty') : `「${c.raw}」`;
  return c && sameCell(self, c) ? `**${text}**` : text;
}

/** The values of one side; a long side keeps the non-zero values (and the hovered cell) and counts the rest. */
function side(terms: Term[], self: Cell, lang: Lang): string {
  if (terms.length <= MAX_TERMS) return terms.map((t) => shown(t, self, lang)).join(' + ');
  const kept = terms.filter((t) => !t.cell || t.cell.value !== 0 || t.cell.state !== 'number' || sameCell(self, t.cell));
  const zeros = terms.length - kept.length;
  const head = kept.length > 0 ? kept.map((t) => shown(t, self, lang)).join(' + ') : '0';
  if (zeros === 0) return head;
  return lang === 'zh' ? `${head}（其余 ${zeros} 项为 0）` : `${head} (${zeros} more are 0)`;
}
