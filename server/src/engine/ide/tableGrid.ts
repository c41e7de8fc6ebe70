// The three standard tables laid out as the official template prints them (merged header cells,
// group labels spanning their rows), with each data slot named by its cell id (spec §9.1), and
// the report's cells and findings attached to those ids. No protocol and no HTML here: the
// language server sends this model, and the preview, the exported HTML and a CLI summary render it.

import type { Cell, FormatVersion, Finding, Localized, Report, Severity, Span, Table, TableId } from '../model';
import type { Position } from '../text/lines';
import {
  APPEAL_GROUPS,
  APPEAL_RESULT_LABELS,
  PROACTIVE,
  REQUEST_CHECK_NOTE,
  REQUEST_COLUMN_IDS,
  REQUEST_COLUMNS,
  REQUEST_HEADER_LABELS,
  REQUEST_ROWS,
  appealRelations,
  requestRelations,
  type Relation,
} from '../schema/tables';

// ---------------------------------------------------------------- the printed grid

export type GridCellKind =
  /** A heading cell of the table's header rows (申请人情况, 自然人, 结果维持…). */
  | 'header'
  /** A label that spans the rows of its group (三、本年度办理结果, （三）不予公开, 第二十条第（一）项). */
  | 'group'
  /** A row's own label (（一）予以公开, 行政许可). */
  | 'label'
  /** A data slot: its `id` names the cell. */
  | 'value';

export interface GridCell {
  kind: GridCellKind;
  /** The template's text (empty for a value slot: its value comes from the report). */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Value slots: the cell id, e.g. `requests/R1/c7`, `appeals/A5`, `proactive/第二十条第（一）项/规章/本年制发件数`. */
  id?: string;
}

export interface TableGrid {
  table: TableId;
  version: FormatVersion;
  /** Width of the grid in template columns. */
  columns: number;
  /** Header rows, then body rows; every row lists only the cells that start in it (as HTML does). */
  header: GridCell[][];
  body: GridCell[][];
}

const header = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ kind: 'header', text, rowSpan, colSpan });
const group = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ kind: 'group', text, rowSpan, colSpan });
const label = (text: string, colSpan = 1): GridCell => ({ kind: 'label', text, rowSpan: 1, colSpan });
const value = (id: string, colSpan = 1): GridCell => ({ kind: 'value', text: '', rowSpan: 1, colSpan, id });

/** The id of a cell as spec §9.1 names it. */
export function cellId(cell: Pick<Cell, 'table' | 'row' | 'column' | 'item'>): string {
  if (cell.table === 'appeals') return `appeals/${cell.row}`;
  if (cell.table === 'proactive') return `proactive/${cell.item ?? ''}/${cell.row}/${cell.column ?? ''}`;
  return `requests/${cell.row}/${cell.column ?? ''}`;
}

/** Table 1: four columns; each item is a merged title row, a 信息内容 heading row and its data rows. */
function proactiveGrid(version: FormatVersion): TableGrid {
  const width = 4;
  const body: GridCell[][] = [];
  for (const item of PROACTIVE[version]) {
    body.push([group(item.item, width)]);
    // With fewer columns than the grid has, the last one takes the rest (as printed: 本年处理决定数量 ‖).
    const spans = item.columns.map((_, i) => (i === item.columns.length - 1 ? width - item.columns.length : 1));
    body.push([header('信息内容'), ...item.columns.map((c, i) => header(c, spans[i]))]);
    for (const row of item.rows) {
      body.push([label(row), ...item.columns.map((c, i) => value(cellId({ table: 'proactive', item: item.item, row, column: c }), spans[i]))]);
    }
  }
  return { table: 'proactive', version, columns: width, header: [], body };
}

/** Table 2: three label columns and seven numeric ones under a three-row header. */
function requestsGrid(version: FormatVersion): TableGrid {
  const [applicants, organisations] = REQUEST_HEADER_LABELS;
  const headerRows: GridCell[][] = [
    [header(REQUEST_CHECK_NOTE, 3, 3), header(applicants, 7)],
    [header(REQUEST_COLUMNS[0], 1, 2), header(organisations, 5), header(REQUEST_COLUMNS[6], 1, 2)],
    REQUEST_COLUMNS.slice(1, 6).map((c) => header(c)),
  ];
  const rows = REQUEST_ROWS[version];
  // Rows inside 三、本年度办理结果 are the detail rows and their total (七).
  const inResults = rows.filter((r) => r.detail || r.id === 'R24');
  const isSubRow = (label: string): boolean => !label.startsWith('（');
  const values = (rowId: string): GridCell[] => REQUEST_COLUMN_IDS.map((c) => value(`requests/${rowId}/${c}`));
  const body: GridCell[][] = [];
  for (const r of rows) {
    const cells: GridCell[] = [];
    const index = inResults.indexOf(r);
    if (index < 0) {
      cells.push(label(r.label, 3));
    } else {
      if (index === 0) cells.push(group(r.groupLabel ?? '', 1, inResults.length));
      if (isSubRow(r.label)) {
        // A numbered row (1.属于国家秘密): the first of its group carries the group label over the group's rows.
        if (r.groupLabel) {
          let n = 1;
          while (index + n < inResults.length && isSubRow(inResults[index + n].label) && !inResults[index + n].groupLabel) n++;
          cells.push(group(r.groupLabel, 1, n));
        }
        cells.push(label(r.label));
      } else {
        cells.push(label(r.label, 2));
      }
    }
    body.push([...cells, ...values(r.id)]);
  }
  return { table: 'requests', version, columns: 10, header: headerRows, body };
}

/** Table 3: fifteen numeric cells under 行政复议 (5) and 行政诉讼 (直接起诉 5, 复议后起诉 5). */
function appealsGrid(version: FormatVersion): TableGrid {
  const [review, direct, afterReview] = APPEAL_GROUPS;
  const results = APPEAL_RESULT_LABELS;
  const headerRows: GridCell[][] = [
    [header(review.label, 5), header('行政诉讼', 10)],
    [...results.map((r) => header(r, 1, 2)), header(direct.label.split(' · ')[1], 5), header(afterReview.label.split(' · ')[1], 5)],
    [...results.map((r) => header(r)), ...results.map((r) => header(r))],
  ];
  const body = [APPEAL_GROUPS.flatMap((g) => [1, 2, 3, 4, 5].map((i) => value(`appeals/${g.prefix}${i}`)))];
  return { table: 'appeals', version, columns: 15, header: headerRows, body };
}

/** The official grid of one table in one format version. */
export function officialGrid(table: TableId, version: FormatVersion): TableGrid {
  if (table === 'proactive') return proactiveGrid(version);
  if (table === 'requests') return requestsGrid(version);
  return appealsGrid(version);
}

/** Every value slot id of a grid, in reading order. */
export function slotIds(grid: TableGrid): string[] {
  return [...grid.header, ...grid.body].flatMap((row) => row.flatMap((c) => (c.kind === 'value' && c.id ? [c.id] : [])));
}

// ---------------------------------------------------------------- the report on the grid

export interface PositionRange {
  start: Position;
  end: Position;
}

export interface CellFinding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** What the cell should hold, when the rule knows (the implied value of an arithmetic finding). */
  expected?: number | string | null;
  /** The finding's related lines: for a localized wrong cell, the arithmetic of each relation it breaks. */
  details?: Localized[];
  /** Equally likely fixes when the engine cannot tell which cell is wrong (a tie): their titles. */
  alternatives?: Localized[];
}

export interface PreviewCell {
  id: string;
  /** Template labels: the row, the column (null for none), and for table 1 the item. */
  rowLabel: string;
  columnLabel: string | null;
  item?: string;
  /** As written in the report; '' for an empty cell and for a cell that was not read. */
  raw: string;
  value: number | null;
  /** `missing`: the template has the cell but it could not be read from the report. */
  state: Cell['state'] | 'missing';
  /** Where the cell is in the source (UTF-16 offsets and 0-based line/character); absent when missing. */
  span?: Span;
  range?: PositionRange;
  findings: CellFinding[];
  /** For a total: the cells it adds up (hovering it highlights them). */
  parts?: string[];
}

export interface PreviewTable {
  table: TableId;
  /** Whether the report has this table at all (missing-table speaks otherwise). */
  found: boolean;
  /** False when some row or cell could not be read (table-shape says which). */
  readable: boolean;
  span?: Span;
  range?: PositionRange;
  grid: TableGrid;
}

export interface PreviewSection {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  found: boolean;
  /** The heading as written (without its numeral) and the first line of its body. */
  title: string;
  firstLine: string;
  range?: PositionRange;
}

export interface TablesPreview {
  formatVersion: FormatVersion;
  /** Whether the format was read from the report (false: assumed from the year, or the current one). */
  formatDetected: boolean;
  year: number | null;
  title: { text: string; range: PositionRange } | null;
  sections: PreviewSection[];
  tables: PreviewTable[];
  cells: Record<string, PreviewCell>;
  /** Findings not on any cell, counted by severity (the outline says how many there are). */
  otherFindings: Record<Severity, number>;
}

const TABLE_IDS: TableId[] = ['proactive', 'requests', 'appeals'];

function relationsOf(table: TableId, version: FormatVersion): Relation[] {
  if (table === 'requests') return requestRelations(version);
  if (table === 'appeals') return appealRelations();
  return [];
}

function refId(table: TableId, row: string, column: string | null): string {
  return table === 'appeals' ? `appeals/${row}` : `${table}/${row}/${column ?? ''}`;
}

/** Template labels of a slot that the report did not fill, from the slot id and the grid's own text. */
function templateLabels(id: string): { rowLabel: string; columnLabel: string | null; item?: string } {
  const parts = id.split('/');
  if (parts[0] === 'appeals') {
    const g = APPEAL_GROUPS.find((x) => x.prefix === parts[1][0]);
    return { rowLabel: g?.label ?? parts[1], columnLabel: APPEAL_RESULT_LABELS[Number(parts[1].slice(1)) - 1] ?? null };
  }
  if (parts[0] === 'proactive') return { item: parts[1], rowLabel: parts[2], columnLabel: parts[3] };
  const row = REQUEST_ROWS['2021'].find((r) => r.id === parts[1]) ?? REQUEST_ROWS['2019'].find((r) => r.id === parts[1]);
  return { rowLabel: row?.label ?? parts[1], columnLabel: REQUEST_COLUMNS[REQUEST_COLUMN_IDS.indexOf(parts[2] as 'c1')] ?? null };
}

/** The first non-blank line of a span of text, trimmed and cut to `max` code points. */
function firstLineOf(text: string, span: Span, max = 60): string {
  const body = text.slice(span.start, Math.min(span.end, span.start + 4000));
  const line =
    body
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(/^[\s\u3000#>*|]+|[\s\u3000|]+$/g, '').replace(/[\s\u3000|]+/g, ' '))
      .find((l) => l.length > 0) ?? '';
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

/**
 * The report's tables on the official grids, every slot with its cell (value, source position)
 * and the findings on it. A finding names its cells in `data.cells` when the engine decided which
 * cell is wrong; otherwise it belongs to the cell whose text holds its span.
 */
export function tablesPreview(report: Report, findings: readonly Finding[]): TablesPreview {
  const lines = report.source.lines;
  const range = (s: Span): PositionRange => ({ start: lines.positionAt(s.start), end: lines.positionAt(s.end) });
  const formatVersion: FormatVersion =
    report.formatVersion ?? report.tables.find((t) => t.id === 'requests')?.version ?? (report.year !== null && report.year <= 2020 ? '2019' : '2021');

  const cells: Record<string, PreviewCell> = {};
  const tables: PreviewTable[] = [];
  const sourceCells: { cell: Cell; preview: PreviewCell }[] = [];
  for (const id of TABLE_IDS) {
    const table: Table | undefined = report.tables.find((t) => t.id === id);
    // Table 3 is the same in both formats: its reader does not tell them apart, the report does.
    const version = id === 'appeals' ? formatVersion : (table?.version ?? formatVersion);
    const grid = officialGrid(id, version);
    for (const slot of slotIds(grid)) {
      cells[slot] = { id: slot, ...templateLabels(slot), raw: '', value: null, state: 'missing', findings: [] };
    }
    for (const c of table?.cells ?? []) {
      const slot = cells[cellId(c)];
      if (!slot) continue; // a cell of the other format's template: table-shape / format-version speak for it
      Object.assign(slot, { raw: c.raw, value: c.value, state: c.state, span: { start: c.start, end: c.end }, range: range(c) });
      sourceCells.push({ cell: c, preview: slot });
    }
    for (const rel of relationsOf(id, version)) {
      const total = cells[refId(id, rel.at.row, rel.at.column)];
      if (!total) continue;
      const parts = new Set(total.parts ?? []);
      for (const r of rel.right) parts.add(refId(id, r.row, r.column));
      total.parts = [...parts].filter((p) => p !== total.id && cells[p]);
    }
    tables.push({
      table: id,
      found: !!table,
      readable: table?.readable ?? false,
      ...(table ? { span: { start: table.start, end: table.end }, range: range(table) } : {}),
      grid,
    });
  }

  const otherFindings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) {
    const named = (f.data?.cells ?? []).map((id) => cells[id]).filter((c): c is PreviewCell => !!c);
    const targets = named.length > 0 ? named : sourceCells.filter(({ cell }) => cell.start <= f.start && f.end <= cell.end).map((x) => x.preview);
    if (targets.length === 0) {
      otherFindings[f.severity]++;
      continue;
    }
    const onCell: CellFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message };
    const alternatives = (f.alternatives ?? []).map((a) => a.title);
    // A tie has no one implied value for this cell: its alternatives say what would fix it.
    const expected = alternatives.length > 0 ? undefined : (f.data?.expected ?? expectedFromFix(f));
    if (expected !== undefined) onCell.expected = expected;
    if (f.data?.localized === 'unique' && f.related.length > 0) onCell.details = f.related.map((r) => r.message);
    if (alternatives.length > 0) onCell.alternatives = alternatives;
    for (const t of targets) t.findings.push(onCell);
  }

  const text = report.source.text;
  const sections: PreviewSection[] = ([1, 2, 3, 4, 5, 6] as const).map((n) => {
    const s = report.sections.find((x) => x.number === n);
    if (!s) return { number: n, found: false, title: '', firstLine: '' };
    return { number: n, found: true, title: s.title, firstLine: firstLineOf(text, s.body), range: range(s.heading) };
  });

  return {
    formatVersion,
    formatDetected: report.formatVersion !== null,
    year: report.year,
    title: report.title ? { text: report.title.text, range: range(report.title) } : null,
    sections,
    tables,
    cells,
    otherFindings,
  };
}

/** Until every rule states `expected`, a total's fix says what the cell should hold. */
function expectedFromFix(f: Finding): number | undefined {
  const edits = f.fix?.edits ?? [];
  if (edits.length !== 1 || edits[0].start !== f.start || edits[0].end !== f.end) return undefined;
  const n = Number(edits[0].newText.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return Number.isFinite(n) && edits[0].newText.trim() !== '' ? n : undefined;
}

/** The cell whose source text holds `offset` (the editor's cursor), or null. */
export function previewCellAt(preview: TablesPreview, offset: number): PreviewCell | null {
  let best: PreviewCell | null = null;
  for (const c of Object.values(preview.cells)) {
    if (!c.span || offset < c.span.start || offset > c.span.end) continue;
    if (!best || c.span.end - c.span.start < best.span!.end - best.span!.start) best = c;
  }
  return best;
}
