// `extract`: every cell read (a partly read table gives the cells it could read), as JSON objects or CSV rows (spec §9.1 ids).

import type { Origin, Report, TableId } from '../../engine';
import { type JsonRange, toRange } from './json';

export interface ExtractedCell {
  file: string;
  table: TableId;
  /** proactive only: the item (第二十条第（一）项 …). */
  item?: string;
  row: string;
  column: string | null;
  rowLabel: string;
  columnLabel: string | null;
  value: number | null;
  /** The cell as written (empty for an empty cell): shows what an invalid cell held. */
  raw: string;
  range: JsonRange;
  /** .docx/.pdf: where the cell stands in the original file. */
  source?: Origin;
}

export function extractCells(file: string, report: Report): { cells: ExtractedCell[]; skipped: TableId[] } {
  const cells: ExtractedCell[] = [];
  const skipped: TableId[] = [];
  for (const table of report.tables) {
    // A partly read table still gives every cell that was read; only a table with none is skipped.
    if (table.reading === 'none') {
      skipped.push(table.id);
      continue;
    }
    for (const c of table.cells) {
      const cell: ExtractedCell = {
        file,
        table: c.table,
        ...(c.item !== undefined ? { item: c.item } : {}),
        row: c.row,
        column: c.column,
        rowLabel: c.rowLabel,
        columnLabel: c.columnLabel,
        value: c.value,
        raw: c.raw,
        range: toRange(report.source.lines, c),
      };
      const source = report.document.origin?.(c.start);
      if (source) cell.source = source;
      cells.push(cell);
    }
  }
  return { cells, skipped };
}

export const CSV_HEADER = [
  'file', 'table', 'item', 'row', 'column', 'rowLabel', 'columnLabel', 'value', 'raw',
  'startLine', 'startCharacter', 'endLine', 'endCharacter',
] as const;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (starting with = + - @ or a
 * tab/CR) gets a leading apostrophe: report text is untrusted input and must never run as code.
 */
export function csvField(v: string | number | null | undefined, isText = true): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (isText && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(c: ExtractedCell): string {
  return [
    csvField(c.file), csvField(c.table), csvField(c.item), csvField(c.row), csvField(c.column),
    csvField(c.rowLabel), csvField(c.columnLabel), csvField(c.value, false), csvField(c.raw),
    csvField(c.range.start.line, false), csvField(c.range.start.character, false),
    csvField(c.range.end.line, false), csvField(c.range.end.character, false),
  ].join(',');
}

/** UTF-8 BOM + header + rows, CRLF line ends (RFC 4180; Excel then reads Chinese correctly). */
export function toCsv(cells: readonly ExtractedCell[]): string {
  return '\ufeff' + [CSV_HEADER.join(','), ...cells.map(csvRow)].map((l) => l + '\r\n').join('');
}
