// Hover on a table cell: its row and column labels and every relation it takes part in, with
// the current values (「（七）总计 · 自然人：4 = 4 + 0 + …  ✓」). Nothing elsewhere (the
// client shows a squiggle's diagnostic itself).

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Cell, Lang, Report, RuleSettings, Table } from '../engine';
import { cellDecision } from '../engine/rules/arithmetic';
import { appealRelations, requestRelations, type CellRef, type Relation } from '../engine/schema/tables';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { originLine, originOf } from './origin';

export function cellAt(report: Report, offset: number): { table: Table; cell: Cell } | null {
  let best: { table: Table; cell: Cell } | null = null;
  for (const table of report.tables) {
    if (offset < table.start || offset > table.end) continue;
    for (const cell of table.cells) {
      if (offset >= cell.start && offset <= cell.end) {
        if (!best || cell.end - cell.start < best.cell.end - best.cell.start) best = { table, cell };
      }
    }
  }
  return best;
}

function relationsOf(table: Table): Relation[] {
  if (table.id === 'requests') return requestRelations(table.version);
  if (table.id === 'appeals') return appealRelations();
  return [];
}

const key = (row: string, column: string | null): string => `${row}|${column ?? ''}`;

/** One line per relation the cell takes part in, with values and ✓/✗. */
export function relationLines(table: Table, cell: Cell, lang: Lang): string[] {
  const byRef = new Map(table.cells.map((c) => [key(c.row, c.column), c]));
  const out: string[] = [];
  for (const rel of relationsOf(table)) {
    const refs = [...rel.left, ...rel.right];
    if (!refs.some((r) => r.row === cell.row && (r.column ?? null) === (cell.column ?? null))) continue;
    let unreadable = false;
    const show = (r: CellRef): { text: string; value: number } => {
      const c = byRef.get(key(r.row, r.column));
      if (!c) {
        unreadable = true;
        return { text: '?', value: 0 };
      }
      if (c.state === 'invalid') unreadable = true;
      const v = c.value ?? 0;
      const text = c.state === 'number' ? String(c.value) : c.state === 'empty' ? (lang === 'zh' ? '（空）' : '(empty)') : `「${c.raw}」`;
      const marked = r.row === cell.row && (r.column ?? null) === (cell.column ?? null) ? `**${text}**` : text;
      return { text: marked, value: r.negate ? -v : v };
    };
    const left = rel.left.map(show);
    const right = rel.right.map(show);
    const sum = (xs: { value: number }[]): number => xs.reduce((n, x) => n + x.value, 0);
    const join = (xs: { text: string }[], refs: CellRef[]): string =>
      xs.map((x, i) => (i === 0 ? (refs[i].negate ? `− ${x.text}` : x.text) : `${refs[i].negate ? '−' : '+'} ${x.text}`)).join(' ');
    const ok = !unreadable && Math.abs(sum(left) - sum(right)) < 1e-9;
    const mark = unreadable ? '?' : ok ? '✓' : '✗';
    out.push(`${rel.name[lang]}：${join(left, rel.left)} = ${join(right, rel.right)}  ${mark}`);
  }
  return out;
}

export function hoverAt(report: Report, offset: number, lang: Lang, rules?: RuleSettings): Hover | null {
  const hit = cellAt(report, offset);
  if (!hit) return null;
  const { table, cell } = hit;
  const where = [cell.item, cell.rowLabel, cell.columnLabel].filter((x): x is string => !!x).join(' · ');
  const id = cell.column ? `${cell.row} ${cell.column}` : cell.row;
  const parts = [`**${where}**`, '', `\`${table.id} ${id}\``];
  const rels = relationLines(table, cell, lang);
  if (rels.length > 0) parts.push('', ...rels.map((r) => `- ${r}`));
  // The one decision on which cell is wrong, as the diagnostics and fixes have it.
  const decision = cellDecision(report, cell, rules);
  if (decision) parts.push('', `**${decision[lang]}**`);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n') },
    range: toRange(report.source.lines, cell),
  };
}

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s || !params.position) return null;
  const report = s.checked.result.report;
  const offset = report.source.lines.offsetAt(params.position);
  return withOrigin(hoverAt(report, offset, s.lang, s.settings.rules as RuleSettings), report, offset, s.lang);
}

/** On a report text of a .docx/.pdf, the hover also says where the cell is in the original. */
function withOrigin(h: Hover | null, report: Report, offset: number, lang: Lang): Hover | null {
  if (!h || typeof h.contents !== 'object' || !('kind' in h.contents)) return h;
  const place = originOf(report.document, offset, lang);
  if (!place) return h;
  return { ...h, contents: { ...h.contents, value: `${h.contents.value}\n\n${originLine(place, lang)}` } };
}
