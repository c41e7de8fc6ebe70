// Inserting a standard table: in the report's format version (or its year's), in the document's
// own layout and line ending, on lines of its own with a blank line before and after. A table the
// report already has is never inserted twice: the caller is told where it is instead.

import type { Report, Span, TableId, TextEdit } from '../model';
import { normaliseLayout, renderTable, TABLE_SECTION, versionForYear, type TemplateFill, type TemplateLayout } from '../templates';
import { sectionHeadingOffset } from './sections';

export interface TemplateSettings {
  layout: 'auto' | TemplateLayout;
  fill: TemplateFill;
}

export type TablePlan =
  /** The report has this table already: nothing is inserted; `table` is where it is. */
  | { kind: 'exists'; table: Span; edit: TextEdit }
  | { kind: 'insert'; edit: TextEdit };

export function templateLayout(report: Report, settings: TemplateSettings, markdownFile: boolean): TemplateLayout {
  if (settings.layout !== 'auto') return settings.layout;
  if (report.tables.length > 0) return normaliseLayout(report.layout);
  return markdownFile ? 'markdown' : normaliseLayout(report.layout);
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Start of the line holding offset. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

/** Start of the next line after the one holding offset (text.length on the last line). */
function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isBreak(text[i])) i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

function lineIsBlank(text: string, start: number): boolean {
  for (let i = start; i < text.length && !isBreak(text[i]); i++) if (!/[ \t\u3000]/.test(text[i])) return false;
  return true;
}

/** Whether the line before the one starting at `at` (> 0) is blank. */
function previousLineBlank(text: string, at: number): boolean {
  let breakAt = at - 1;
  if (text[breakAt] === '\n' && text[breakAt - 1] === '\r') breakAt--;
  return lineIsBlank(text, lineStart(text, breakAt));
}

/**
 * A block of lines placed at the start of a line (or the end of the text), with the blank lines
 * around it that are not already there. Never inside a line the user wrote.
 */
export function blockInsertion(text: string, lineAt: number, block: string, eol: string): TextEdit {
  const at = Math.max(0, Math.min(lineAt, text.length));
  const atLineStart = at === 0 || isBreak(text[at - 1]);
  // After a line without its break: end it, then a blank line; after a written line: a blank line.
  const before = !atLineStart ? eol + eol : at > 0 && !previousLineBlank(text, at) ? eol : '';
  const after = at < text.length && !lineIsBlank(text, at) ? eol + eol : eol;
  return { start: at, end: at, newText: before + block + after };
}

/**
 * Where and what to insert for a standard table. `at`: the cursor (the table goes on a blank
 * cursor line, else after the cursor's line); without it, under the section's heading, else at
 * the end. A table already read in the report is not inserted: the plan says where it is, with
 * the edit that would replace it by a blank one.
 */
export function planTable(report: Report, id: TableId, settings: TemplateSettings, markdownFile: boolean, at?: number): TablePlan {
  const { text, eol } = report.source;
  const version = report.formatVersion ?? versionForYear(report.year);
  const layout = templateLayout(report, settings, markdownFile);
  const table = renderTable(id, version, { layout, fill: settings.fill, eol });
  const existing = report.tables.find((t) => t.id === id);
  if (existing) {
    // Replacing keeps the table's line: its span is the table's own text, without the line break after it.
    let end = existing.end;
    while (end > existing.start && isBreak(text[end - 1])) end--;
    return { kind: 'exists', table: { start: existing.start, end }, edit: { start: existing.start, end, newText: table, expected: text.slice(existing.start, end) } };
  }
  let lineAt: number;
  if (at !== undefined) {
    const o = Math.max(0, Math.min(at, text.length));
    const start = lineStart(text, o);
    lineAt = lineIsBlank(text, start) && start < text.length ? start : nextLineStart(text, o);
  } else {
    const heading = sectionHeadingOffset(report, TABLE_SECTION[id]);
    lineAt = heading !== null ? nextLineStart(text, heading) : text.length;
  }
  return { kind: 'insert', edit: blockInsertion(text, lineAt, table, eol) };
}
