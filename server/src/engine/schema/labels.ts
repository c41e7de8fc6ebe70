// The words a drafter reads in the editor: rows and cells named by the labels the report itself
// prints, shortened so a hover line or an outline entry stays on one line. Never an internal id.

import type { Cell, FormatVersion, Lang, Table, TableId } from '../model';
import { APPEAL_GROUPS, REQUEST_ROWS, type RequestRowSpec } from './tables';

const MAX_LABEL = 16;

/** 「（二）部分公开（区分处理的，只计这一情形…）」 → 「（二）部分公开」; long labels end in 「…」. */
export function shorten(label: string, max = MAX_LABEL): string {
  const plain = label.replace(/（区分处理的[^）]*）/, '').trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1)}…`;
}

/** The group a numbered detail row sits in (「1.属于国家秘密」 is in 「（三）不予公开」). */
function groupOf(version: FormatVersion, rowId: string): string | undefined {
  let group: string | undefined;
  for (const r of REQUEST_ROWS[version]) {
    if (r.groupLabel && /^（[一二三四五六七]）/.test(r.groupLabel)) group = r.groupLabel;
    else if (!r.groupLabel && !/^\d/.test(r.label)) group = undefined;
    if (r.id === rowId) return /^\d/.test(r.label) ? group : undefined;
  }
  return undefined;
}

/** 「（七）总计」, 「一、本年新收政府信息公开申请数量」, 「（三）1.属于国家秘密」. */
export function requestRowTitle(version: FormatVersion, spec: RequestRowSpec): string {
  const group = groupOf(version, spec.id);
  const numeral = group ? /^（[一二三四五六七]）/.exec(group)?.[0] ?? '' : '';
  return shorten(numeral + spec.label, numeral ? MAX_LABEL + numeral.length : MAX_LABEL);
}

/** The English words for the applicant columns and appeal groups. */
export const REQUEST_COLUMN_EN: Record<string, string> = {
  c1: 'natural persons',
  c2: 'businesses',
  c3: 'research institutions',
  c4: 'public-interest organisations',
  c5: 'legal-service organisations',
  c6: 'other organisations',
  c7: 'total',
};
/** The appeal groups by their row prefix (A, B, C), in the words of every English message. */
export const APPEAL_GROUP_EN: Record<string, string> = { A: 'administrative review', B: 'lawsuits filed directly', C: 'lawsuits after review' };
const APPEAL_RESULT_EN = ['upheld', 'corrected', 'other result', 'pending', 'total'];

/** A row of a table as the report prints it. */
export function rowTitle(table: Pick<Table, 'id' | 'version'>, cell: Pick<Cell, 'row' | 'rowLabel'>, lang: Lang): string {
  if (table.id === 'requests') {
    const spec = REQUEST_ROWS[table.version].find((r) => r.id === cell.row);
    return spec ? requestRowTitle(table.version, spec) : shorten(cell.rowLabel);
  }
  if (table.id === 'appeals') {
    const g = APPEAL_GROUPS.find((x) => x.prefix === cell.row[0]);
    if (!g) return shorten(cell.rowLabel);
    return lang === 'zh' ? g.label : APPEAL_GROUP_EN[g.prefix];
  }
  return shorten(cell.rowLabel);
}

/** A column of a cell: 「自然人」, 「结果维持」, 「本年制发件数」. */
export function columnTitle(cell: Pick<Cell, 'table' | 'row' | 'column' | 'columnLabel'>, lang: Lang): string {
  if (lang === 'en') {
    if (cell.table === 'requests' && cell.column) return REQUEST_COLUMN_EN[cell.column] ?? cell.column;
    if (cell.table === 'appeals') return APPEAL_RESULT_EN[Number(cell.row.slice(1)) - 1] ?? cell.columnLabel ?? '';
  }
  return cell.columnLabel ?? '';
}

/** 「（七）总计 · 自然人」: the cell as a reader finds it in the printed table. */
export function cellTitle(table: Pick<Table, 'id' | 'version'>, cell: Cell, lang: Lang): string {
  const parts = [table.id === 'proactive' && cell.item ? cell.item : '', rowTitle(table, cell, lang), columnTitle(cell, lang)];
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(' · ');
}

/** Table names in the words of the format, and a short form for details and messages. */
export const TABLE_TITLES: Record<TableId, { zh: string; en: string; shortZh: string; shortEn: string }> = {
  proactive: { zh: '主动公开政府信息情况', en: 'Proactive disclosure', shortZh: '主动公开表', shortEn: 'proactive table' },
  requests: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled', shortZh: '申请情况表', shortEn: 'requests table' },
  appeals: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Reviews and lawsuits', shortZh: '复议诉讼表', shortEn: 'appeals table' },
};
