// Templates are quiet until worked on. While a drafter fills in a skeleton or a freshly inserted
// blank table, what the template itself put there — 「（文字描述）」, the fee note, blank cells —
// is their to-do list, not their mistakes. With CheckOptions.templateQuiet (the editor sets it):
//   - a blank cell of a table nobody has written a number in is silent;
//   - a blank cell of an untouched row (every cell of the printed row blank) in a table being
//     filled in is a hint;
//   - the placeholder and prose findings of a section whose text is still only the template's
//     are hints.
// Touching is read from the content, not tracked: typing one number into a row, or one sentence
// into a section, makes its findings speak at their own severity again. The CLI and the workspace
// check leave the option off and report everything.

import type { Cell, Finding, Report, Section, Span, Table } from '../model';
import { feeNote, PROSE_PLACEHOLDER } from './index';

/** Rules that speak about a section's prose: hints while the section holds only template text. */
const PROSE_RULES = new Set(['placeholder', 'problems-and-measures', 'summary-length', 'fee-statement', 'enumeration']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The section's template text with the whitespace taken out: placeholders and the fee note (any year). */
const TEMPLATE_TEXT = new RegExp(`(?:${escape(PROSE_PLACEHOLDER)}|${escape(feeNote(0)).replace('本机关0年', '本机关\\d{4}年')})`, 'g');

/** Cells of one printed row (a requests row, an appeals group, a proactive row), as empty-cell groups them. */
const rowKey = (c: Cell): string => (c.table === 'appeals' ? `appeals/${c.row[0]}` : `${c.table}/${c.item ?? ''}/${c.row}`);

function sectionSpan(s: Section): Span {
  return { start: s.lineStart, end: Math.max(s.body.end, s.heading.end) };
}

/** A section whose text (tables aside) is nothing but what the skeleton writes. */
function untouchedSection(report: Report, s: Section): boolean {
  const { text } = report.source;
  let body = '';
  let at = s.body.start;
  for (const t of report.tables) {
    if (t.end <= at || t.start >= s.body.end) continue;
    body += text.slice(at, Math.max(at, t.start));
    at = Math.max(at, t.end);
  }
  body += text.slice(at, Math.max(at, s.body.end));
  return body.replace(/[\s\u3000]+/g, '').replace(TEMPLATE_TEXT, '') === '';
}

interface TableState {
  table: Table;
  blank: boolean;
  blankRows: Set<string>;
}

function tableStates(report: Report): TableState[] {
  return report.tables.map((table) => {
    const filled = new Set<string>();
    const rows = new Set<string>();
    for (const c of table.cells) {
      rows.add(rowKey(c));
      if (c.state !== 'empty') filled.add(rowKey(c));
    }
    const blankRows = new Set([...rows].filter((r) => !filled.has(r)));
    return { table, blank: filled.size === 0 && table.cells.length > 0, blankRows };
  });
}

const inside = (outer: Span, inner: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** The findings as a drafter working on a template should see them (see the top of this file). */
export function quietTemplates(report: Report, findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.ruleId === 'empty-cell' || PROSE_RULES.has(f.ruleId))) return findings;
  const tables = tableStates(report);
  const quietSections = report.sections.filter((s) => untouchedSection(report, s)).map(sectionSpan);
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'empty-cell') {
      // The finding starts at its first blank cell (a table's span may end before its last blank cells).
      let state: TableState | undefined;
      let cell: Cell | undefined;
      for (const t of tables) {
        cell = t.table.cells.find((c) => c.start === f.start && c.state === 'empty');
        if (cell) {
          state = t;
          break;
        }
      }
      if (state && cell) {
        if (state.blank) continue;
        if (state.blankRows.has(rowKey(cell))) {
          out.push({ ...f, severity: 'hint' });
          continue;
        }
      }
    } else if (PROSE_RULES.has(f.ruleId) && quietSections.some((s) => inside(s, f))) {
      out.push({ ...f, severity: 'hint' });
      continue;
    }
    out.push(f);
  }
  return out;
}
