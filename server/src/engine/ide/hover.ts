// Hover on a table cell: the cell named as the report prints it, then every relation it takes
// part in as a sentence with the current values (「一 + 二 = 三（七）+ 四：5 + 0 = **4** + 1 ✓」).
// When error localization has decided about the cell (it is the wrong one, or one of tied
// candidates), the decision in the words of its finding. Nothing elsewhere: the editor shows a
// squiggle's own message itself.

import type { Cell, Lang, Report, RuleSettings, Span, Table } from '../model';
import { cellDecision } from '../rules/arithmetic';
import { cellTitle, TABLE_TITLES } from '../schema/labels';
import { relationLines } from './relations';

export interface HoverContent {
  /** Markdown. */
  markdown: string;
  /** The hovered cell. */
  span: Span;
}

/** The smallest cell that holds the offset (ends included: the cursor just after a number). */
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

/** The cell's hover; with the rule settings the check used, so the localization decision is the diagnostics' one. */
export function hoverAt(report: Report, offset: number, lang: Lang, rules?: RuleSettings): HoverContent | null {
  const hit = cellAt(report, offset);
  if (!hit) return null;
  const { table, cell } = hit;
  const names = TABLE_TITLES[table.id];
  const head = `**${cellTitle(table, cell, lang)}** · ${lang === 'zh' ? names.shortZh : names.shortEn}`;
  const lines = relationLines(table, cell, lang).map((r) => `- ${r.text}`);
  const parts = [head, ...(lines.length > 0 ? ['', ...lines] : [])];
  // The one decision on which cell is wrong, as the diagnostics and fixes have it.
  const decision = cellDecision(report, cell, rules);
  if (decision) parts.push('', `**${decision[lang]}**`);
  return { markdown: parts.join('\n'), span: { start: cell.start, end: cell.end } };
}
