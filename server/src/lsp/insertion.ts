// Where and what to insert for a standard table: the report's format version (or its year's),
// the document's own table layout and line ending, blank or zero per setting.

import type { Report, TableId } from '../engine';
import { normaliseLayout, renderTable, TABLE_SECTION, versionForYear, type TemplateLayout } from '../engine/templates';
import type { DisclosureSettings } from './protocol';

export interface Insertion {
  offset: number;
  text: string;
}

const SECTION_LINE_RE = /^[ \t\u3000]*(?:#{1,6}[ \t]*)?([一二三四五六])[ \t\u3000]*[、.．]/;
const CN = ['', '一', '二', '三', '四', '五', '六'];

export function templateLayout(report: Report, settings: DisclosureSettings, languageId: string): TemplateLayout {
  if (settings.template.layout !== 'auto') return settings.template.layout;
  if (report.tables.length > 0) return normaliseLayout(report.layout);
  return languageId === 'markdown' ? 'markdown' : normaliseLayout(report.layout);
}

/** The offset of the heading of section n: from the parsed sections, else a plain line scan. */
function sectionHeadingOffset(report: Report, n: number): number | null {
  const s = report.sections.find((x) => x.number === n);
  if (s) return s.heading.start;
  const lines = report.source.lines;
  for (let i = 0; i < lines.count; i++) {
    const m = SECTION_LINE_RE.exec(lines.lineText(i));
    if (m && m[1] === CN[n]) return lines.line(i).start;
  }
  return null;
}

export function tableInsertion(
  report: Report,
  id: TableId,
  settings: DisclosureSettings,
  languageId: string,
  at?: number,
): Insertion {
  const text = report.source.text;
  const eol = report.source.eol;
  const version = report.formatVersion ?? versionForYear(report.year);
  const layout = templateLayout(report, settings, languageId);
  const table = renderTable(id, version, { layout, fill: settings.template.fill, eol });
  // Markdown tables need a blank line around them; the other layouts one row per line.
  const gap = layout === 'markdown' || layout === 'cell-per-line' ? eol : '';
  const lineStartAt = (o: number): boolean => o === 0 || text[o - 1] === '\n' || text[o - 1] === '\r';
  if (at === undefined) {
    // Under the section heading, separated by a blank line (as the engine's missing-table fix does).
    const heading = sectionHeadingOffset(report, TABLE_SECTION[id]);
    if (heading !== null) {
      const lines = report.source.lines;
      const offset = lines.line(lines.lineAt(heading)).end;
      return { offset, text: eol + eol + table };
    }
    const sep = text.length === 0 ? '' : /(\r\n|\r|\n)$/.test(text) ? eol : eol + eol;
    return { offset: text.length, text: sep + table + eol };
  }
  let offset = Math.max(0, Math.min(at, text.length));
  // Never split a surrogate pair or a \r\n.
  if (offset > 0 && offset < text.length && /[\uDC00-\uDFFF\n]/.test(text[offset]) && /[\uD800-\uDBFF\r]/.test(text[offset - 1])) offset--;
  const before = lineStartAt(offset) ? '' : eol;
  const nextIsBlank = offset >= text.length || /^[ \t\u3000]*(\r\n|\r|\n|$)/.test(text.slice(offset, offset + 200));
  const after = eol + (gap && !nextIsBlank ? eol : '');
  return { offset, text: before + table + after };
}
