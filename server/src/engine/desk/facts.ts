// What one report contributes when it is read beside others (last year's report of the same body,
// a region's member reports): a small, serialisable summary of the Report. The CLI computes it in
// a worker and sends it across threads; the language server keeps it per workspace file. Rules
// that compare reports (cross-year, repeated-text, aggregate) read only this, never the other
// report's text, so a peer never needs to be parsed twice.

import type { FormatVersion, Report, Span, TableId } from '../model';
import { organOf } from './organ';

/** A span of the peer's report text with its line/character, so a face can point into that file. */
export interface Place extends Span {
  /** 0-based line and UTF-16 character of start and end (LSP positions). */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface CellFact extends Place {
  table: TableId;
  /** Spec §9.1 cell id: `requests/R1/c7`, `appeals/A1`, `proactive/<item>/<row>/<column>`. */
  id: string;
  rowLabel: string;
  columnLabel: string | null;
  value: number | null;
}

/** One paragraph of prose (outside the tables), with the section it stands in (1..6, 0 = before any). */
export interface ParagraphFact extends Place {
  section: number;
  text: string;
}

export interface ReportFacts {
  /** The body's name as the title gives it (「某市工业和信息化局」), or null. */
  organ: string | null;
  /** The name normalised for pairing (organ.ts): same body, same key. */
  organKey: string | null;
  year: number | null;
  formatVersion: FormatVersion | null;
  title: Place | null;
  cells: CellFact[];
  paragraphs: ParagraphFact[];
}

/** Spec §9.1 cell id of a read cell. */
export function cellId(c: { table: TableId; row: string; column: string | null; item?: string }): string {
  if (c.table === 'proactive') return `proactive/${c.item ?? ''}/${c.row}/${c.column ?? ''}`;
  return c.column ? `${c.table}/${c.row}/${c.column}` : `${c.table}/${c.row}`;
}

export function factsOf(report: Report): ReportFacts {
  const place = (s: Span): Place => {
    const a = report.source.lines.positionAt(s.start);
    const b = report.source.lines.positionAt(s.end);
    return { start: s.start, end: s.end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  };
  const organ = report.title ? organOf(report.title.text) : null;
  const cells: CellFact[] = [];
  for (const t of report.tables) {
    for (const c of t.cells) {
      // Fields written out, not spread from place(): the spread made factsOf cost more than all rules.
      const p = place(c);
      cells.push({
        start: p.start,
        end: p.end,
        line: p.line,
        character: p.character,
        endLine: p.endLine,
        endCharacter: p.endCharacter,
        table: c.table,
        id: cellId(c),
        rowLabel: c.rowLabel,
        columnLabel: c.columnLabel,
        value: c.value,
      });
    }
  }
  return {
    organ: organ?.name ?? null,
    organKey: organ?.key ?? null,
    year: report.year,
    formatVersion: report.formatVersion,
    title: report.title ? place(report.title) : null,
    cells,
    paragraphs: paragraphsOf(report).map((s) => {
      const p = place(s);
      const text = report.source.text.slice(s.start, s.end);
      return { start: p.start, end: p.end, line: p.line, character: p.character, endLine: p.endLine, endCharacter: p.endCharacter, section: s.section, text };
    }),
  };
}

/**
 * Non-blank lines outside the tables, each with its section number. One sweep over the lines with
 * a cursor into the tables and the sections (both in document order), so a long document with
 * thousands of tables costs no more than a short one per line.
 */
function paragraphsOf(report: Report): (Span & { section: number })[] {
  const { text } = report.source;
  const tables = report.tables.map((t) => ({ start: t.start, end: t.end })).sort((a, b) => a.start - b.start);
  const sections = report.sections;
  const out: (Span & { section: number })[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  let table = 0;
  let next = 0;
  let section = 0;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].trim().length === 0) continue;
    while (table < tables.length && tables[table].end <= start) table++;
    let inTable = false;
    for (let t = table; t < tables.length && tables[t].start < end; t++) {
      if (tables[t].end > start) {
        inTable = true;
        break;
      }
    }
    if (inTable) continue;
    while (next < sections.length && sections[next].lineStart <= start) section = sections[next++].number;
    out.push({ start, end, section });
  }
  return out;
}
