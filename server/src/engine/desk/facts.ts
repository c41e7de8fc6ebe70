// What one report contributes when it is read beside others (last year's report of the same body,
// a region's member reports): a small, serialisable summary of the Report. The CLI computes it in
// a worker and sends it across threads; the language server keeps it per workspace file. Rules
// that compare reports (cross-year, repeated-text, aggregate) read only this, never the other
// report's text, so a peer never needs to be parsed twice.

import type { FormatVersion, Report, Span, TableId } from '../model';
import type { Document } from '../input/document';
import { readHead, type ReportHead } from '../read/report';
import { organKey, organOf, type Organ } from './organ';
import type { LineIndex } from '../text/lines';

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
  /** The parts of the id, as the Cell has them. */
  row: string;
  column: string | null;
  item?: string;
  rowLabel: string;
  columnLabel: string | null;
  /** The number read; null when the cell is empty or holds no number. */
  value: number | null;
}

/** One paragraph of prose (outside the tables), with the section it stands in (1..6, 0 = before any). */
export interface ParagraphFact extends Place {
  section: number;
  /** True for the line of a section heading (「五、存在的主要问题及改进情况」) and the title's lines. */
  heading?: boolean;
  text: string;
}

/** Which body's report of which year: all pairing reads (peers.ts). */
export interface ReportIdentity {
  /** The body's name as the title gives it (「某市工业和信息化局」), or null. */
  organ: string | null;
  /** The name normalised for pairing (organ.ts): same body, same key. */
  organKey: string | null;
  year: number | null;
}

export interface ReportFacts extends ReportIdentity {
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

const memo = new WeakMap<Report, ReportFacts>();

/** The facts of a report, computed once per Report (the cross-report rules share them). */
export function factsOf(report: Report): ReportFacts {
  let facts = memo.get(report);
  if (!facts) {
    facts = computeFacts(report);
    memo.set(report, facts);
  }
  return facts;
}

/** The identity of a report from its head (read/report.ts readHead): the same as its facts give. */
export function identityOf(head: Pick<ReportHead, 'title' | 'source' | 'sections' | 'signingDate' | 'year'>): ReportIdentity {
  // A text with none of the six section headings is not read as any body's report of any year,
  // even when it names one or has a title-like line (a readme or a list of reports beside them:
  // 「《某区2022年度…年度报告》」; a cover letter): it pairs with nothing, and no report is
  // compared with it.
  if (head.sections.length === 0) return { organ: null, organKey: null, year: null };
  const organ = organOfReport(head);
  return { organ: organ?.name ?? null, organKey: organ?.key ?? null, year: head.year };
}

/** A document's identity without reading its tables: what a folder is paired by before it is checked. */
export function readIdentity(document: Document): ReportIdentity {
  return identityOf(readHead(document));
}

function computeFacts(report: Report): ReportFacts {
  const lines = report.source.lines;
  const { organ, organKey, year } = identityOf(report);
  let title: Place | null = null;
  if (report.title) {
    const a = lines.positionAt(report.title.start);
    const b = lines.positionAt(report.title.end);
    title = { start: report.title.start, end: report.title.end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  }
  return { organ, organKey, year, formatVersion: report.formatVersion, title, cells: cellFacts(report), paragraphs: paragraphsOf(report) };
}

function cellFacts(report: Report): CellFact[] {
  const cells: CellFact[] = [];
  const at = new LineCursor(report.source.lines, report.source.text.length);
  for (const t of report.tables) {
    for (const c of t.cells) {
      // Fields written out, in two literals for with and without an item: spreading a Place or
      // an optional { item } made this loop cost more than all the rules.
      const character = at.character(c.start);
      const line = at.line;
      const endCharacter = at.character(c.end);
      const endLine = at.line;
      const value = c.state === 'number' ? c.value : null;
      cells.push(
        c.item === undefined
          ? { start: c.start, end: c.end, line, character, endLine, endCharacter, table: c.table, id: cellId(c), row: c.row, column: c.column, rowLabel: c.rowLabel, columnLabel: c.columnLabel, value }
          : { start: c.start, end: c.end, line, character, endLine, endCharacter, table: c.table, id: cellId(c), row: c.row, column: c.column, item: c.item, rowLabel: c.rowLabel, columnLabel: c.columnLabel, value },
      );
    }
  }
  return cells;
}

/**
 * LineIndex.positionAt for offsets that mostly stay on one line: a table's cells come in text
 * order, several to a line, so the line found for the last offset is tried first (a binary search
 * and a Position object per cell start and end were most of the facts' cost).
 */
class LineCursor {
  /** The line of the last offset, its start and its end (before the line break). */
  line = 0;
  private start = 0;
  private end = -1;

  constructor(
    private readonly lines: LineIndex,
    private readonly length: number,
  ) {}

  /** The UTF-16 character of offset on its line (clamped as positionAt clamps); `line` is then its line. */
  character(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.length));
    if (o < this.start || o > this.end) {
      this.line = this.lines.lineAt(o);
      const { start, end } = this.lines.line(this.line);
      this.start = start;
      this.end = end;
      // An offset inside a \r\n pair is reported at the end of the line.
      return Math.min(o, end) - start;
    }
    return o - this.start;
  }
}

/** 「现发布《某局2023年政府信息公开工作年度报告》」 in the preamble. */
const QUOTED_TITLE = /《([^《》\r\n]{2,60}?(?:年度报告|年报))》/;

/**
 * The body, from the title; when the title names none (「2023年政府信息公开工作年度报告」 alone),
 * from the report's name quoted in the preamble, then from the signature line above the date.
 */
function organOfReport(report: Pick<ReportHead, 'title' | 'source' | 'sections' | 'signingDate'>): Organ | null {
  const fromTitle = report.title ? organOf(report.title.text) : null;
  if (fromTitle) return fromTitle;
  const { text } = report.source;
  const head = text.slice(report.title?.end ?? 0, report.sections[0]?.lineStart ?? Math.min(text.length, 2000));
  const quoted = QUOTED_TITLE.exec(head);
  const fromQuote = quoted ? organOf(quoted[1]) : null;
  if (fromQuote) return fromQuote;
  if (report.signingDate) {
    const lines = report.source.lines;
    for (let i = lines.lineAt(report.signingDate.start) - 1, seen = 0; i >= 0 && seen < 2; i--) {
      const line = lines.lineText(i).trim();
      if (!line) continue;
      seen++;
      if (line.length <= 30 && !/[。，,；;：:]/.test(line)) return { name: line, key: organKey(line) };
    }
  }
  return null;
}

/**
 * Non-blank lines outside the tables, each with its text, its section number and whether it is a
 * heading (the title's or a section's). One sweep over the lines with cursors into the tables, sections and
 * headings (all in document order), so a long document with thousands of tables costs no more
 * than a short one per line. A paragraph is one whole line, so its place is that line's.
 */
function paragraphsOf(report: Report): ParagraphFact[] {
  const { text, lines } = report.source;
  const tables = report.tables.map((t) => ({ start: t.start, end: t.end })).sort((a, b) => a.start - b.start);
  const sections = report.sections;
  const headings = [...(report.title?.parts ?? []), ...report.sections.map((s) => s.heading)].sort((a, b) => a.start - b.start);
  const out: ParagraphFact[] = [];
  let table = 0;
  let next = 0;
  let section = 0;
  let heading = 0;
  for (let i = 0; i < lines.count; i++) {
    const { start, end } = lines.line(i);
    if (end === start) continue;
    // Table rows (most lines of a report) are left out before their text is copied.
    while (table < tables.length && tables[table].end <= start) table++;
    let inTable = false;
    for (let t = table; t < tables.length && tables[t].start < end; t++) {
      if (tables[t].end > start) {
        inTable = true;
        break;
      }
    }
    if (inTable) continue;
    const line = text.slice(start, end);
    if (!NOT_BLANK.test(line)) continue;
    while (next < sections.length && sections[next].lineStart <= start) section = sections[next++].number;
    while (heading < headings.length && headings[heading].end <= start) heading++;
    const fact: ParagraphFact = { start, end, line: i, character: 0, endLine: i, endCharacter: end - start, section, text: line };
    if (heading < headings.length && headings[heading].start < end) fact.heading = true;
    out.push(fact);
  }
  return out;
}

const NOT_BLANK = /\S/;
