// The three standard tables, read by template: find each table's anchor, tokenise its lines,
// walk the template's labels, assign values. Anything that cannot be read unambiguously is
// recorded as a ShapeProblem (reported once by table-shape) and its cells stay unread.

import { distance } from 'fastest-levenshtein';
import type { Cell, FormatVersion, LabelProblem, Localized, ShapeProblem, Source, Span, Table, TableId, TableLayout } from '../model';
import {
  APPEAL_CELL_IDS,
  APPEAL_GROUPS,
  APPEAL_HEADER_LABELS,
  APPEAL_RESULT_LABELS,
  PROACTIVE,
  REQUEST_CHECK_NOTE,
  REQUEST_COLUMN_IDS,
  REQUEST_COLUMNS,
  REQUEST_HEADER_LABELS,
  REQUEST_ROWS,
  type RequestRowSpec,
} from '../schema/tables';
import { labelKey, visibleLength } from '../text/view';
import type { DocumentForm, Block as LineInfo } from '../input/document';
import { detectLayout, tokenize, type Token } from '../input/plain/tokens';
import { assignValues, parseValue, type RowWidth, valueLineWidth, type Slot as ValueSlot, type ValueKind } from './values';
import { matchKey, slotOf, walk, type Slot, type WalkedRow } from './walk';

interface Ctx {
  source: Source;
  /** Whether runs of spaces may separate columns (pdftotext text); not in an HTML view. */
  spacedColumns: boolean;
  /** Width of the table's value lines (see valueLineWidth), for reading empty last cells. */
  width?: RowWidth;
  lines: LineInfo[];
  /** Lines that hold a section heading, in ascending order: a table never runs past one. */
  headingOrder: number[];
}

/** The shortest text that starts a table (「行政复议」「勾稽关系」): shorter lines are skipped unread. */
const MIN_ANCHOR_LENGTH = 4;

const MAX_TABLE_LINES = 4000;

export function readTables(source: Source, lines: LineInfo[], headingLines: Set<number>, year: number | null, form: DocumentForm = 'text'): Table[] {
  // A web page marks its cells with tabs; runs of spaces there are blanked markup, not columns.
  const headingOrder = [...headingLines].sort((a, b) => a - b);
  const ctx: Ctx = { source, lines, headingOrder, spacedColumns: form !== 'html' };
  const tables: Table[] = [];
  let consumedUntil = -1;
  for (let i = 0; i < lines.length; i++) {
    // Most blocks are short table cells (「0」): none can hold an anchor, so none is sliced.
    if (i <= consumedUntil || lines[i].blank || lines[i].contentEnd - lines[i].contentStart < MIN_ANCHOR_LENGTH) continue;
    const content = source.view.slice(lines[i].contentStart, lines[i].contentEnd);
    let table: { table: Table; lastLine: number } | null = null;
    if (content.includes('第二十条第') && /第二十条第\s*\(\s*[一二]\s*\)\s*项/.test(content)) table = readProactive(ctx, i, year);
    else if (/勾稽关系|申请人情况|本年新收政府信息公开申请数量/.test(content)) table = readRequests(ctx, i);
    else if (content.includes('行政复议') && visibleLength(content) <= 200) table = readAppeals(ctx, i);
    if (table) {
      tables.push(table.table);
      consumedUntil = table.lastLine;
    }
  }
  return tables;
}

function regionEnd(ctx: Ctx, first: number): number {
  const max = Math.min(ctx.lines.length - 1, first + MAX_TABLE_LINES);
  // The first heading line after `first` (a handful per report: a scan is enough).
  for (const h of ctx.headingOrder) if (h > first) return Math.min(h - 1, max);
  return max;
}

function region(ctx: Ctx, first: number): { tokens: Token[]; layout: TableLayout; last: number } {
  const last = regionEnd(ctx, first);
  const layout = detectLayout(ctx.source, ctx.lines, first, Math.min(last, first + 200), ctx.spacedColumns);
  const tokens = tokenize(ctx.source, ctx.lines, first, last, layout);
  ctx.width = layout === 'tab' || layout === 'markdown' ? valueLineWidth(tokens) : null;
  return { tokens, layout, last };
}

function text(ctx: Ctx, s: Span): string {
  return ctx.source.text.slice(s.start, s.end);
}

function loc(zh: string, en: string): Localized {
  return { zh, en };
}

interface RowRead {
  id: string;
  rowLabel: string;
  columns: { id: string | null; label: string | null; kind: ValueKind }[];
  item?: string;
  constraint?: (values: number[]) => boolean;
}

/** Assign a walked row's values to cells; on failure record a ShapeProblem. */
function readRow(ctx: Ctx, table: TableId, row: WalkedRow, spec: RowRead, cells: Cell[], problems: ShapeProblem[]): Token[] {
  const expected = spec.columns.length;
  const a = assignValues(row.values, expected, row.labelSpan.end, spec.constraint, ctx.width);
  if (!a.ok) {
    const found = a.found;
    problems.push({
      start: row.labelSpan.start,
      end: lastEnd(row),
      kind: a.kind,
      row: spec.id,
      rowLabel: spec.rowLabel,
      found,
      expected,
      detail:
        a.kind === 'too-few-cells'
          ? loc(
              `「${spec.rowLabel}」一行只有 ${found} 个数值，模板要求 ${expected} 个，无法确定缺的是哪一格`,
              `row “${spec.rowLabel}” has ${found} values where the template has ${expected}; which cell is missing cannot be told`,
            )
          : loc(
              `「${spec.rowLabel}」一行有 ${found} 个数值，模板只有 ${expected} 格`,
              `row “${spec.rowLabel}” has ${found} values where the template has ${expected}`,
            ),
    });
    return [];
  }
  if (a.runTogether) {
    problems.push({
      ...a.runTogether,
      kind: 'run-together',
      row: spec.id,
      severity: 'information',
      detail: loc(
        `「${text(ctx, a.runTogether)}」中的数字连在一起，已按唯一可能拆为 ${a.slots.map((s) => s.view).join(' / ')}；请用分隔符分开各单元格`,
        `digits “${text(ctx, a.runTogether)}” run together; read as ${a.slots.map((s) => s.view).join(' / ')} (the only split that fits); separate the cells`,
      ),
    });
  }
  for (let idx = 0; idx < a.slots.length; idx++) {
    const s: ValueSlot = a.slots[idx];
    const col = spec.columns[idx];
    const v = parseValue(s.view, col.kind);
    cells.push({
      start: s.start,
      end: s.end,
      table,
      row: spec.id,
      column: col.id,
      item: spec.item,
      rowLabel: spec.rowLabel,
      columnLabel: col.label,
      raw: text(ctx, s),
      value: v.value,
      state: v.state,
    });
  }
  return row.values;
}

function lastEnd(row: WalkedRow): number {
  let end = row.labelSpan.end;
  for (const v of row.values) if (!v.empty && v.line === row.label.line) end = Math.max(end, v.end);
  return end;
}

function tableSpan(tokens: Token[], from: number, to: number): Span {
  let end = tokens[from]?.end ?? 0;
  for (let i = from; i < to && i < tokens.length; i++) if (!tokens[i].empty) end = tokens[i].end;
  return { start: tokens[from]?.start ?? 0, end };
}

function missingRowProblems(missing: Slot[], at: Span): ShapeProblem[] {
  return missing.map((s) => ({
    start: at.start,
    end: at.end,
    kind: 'missing-row' as const,
    row: s.id ?? s.label,
    rowLabel: s.label,
    detail: loc(`表中缺少「${s.label}」`, `the table lacks “${s.label}”`),
  }));
}

function unknownProblems(ctx: Ctx, unknown: Token[]): ShapeProblem[] {
  return unknown.map((t) => ({
    start: t.start,
    end: t.end,
    kind: 'unknown-row' as const,
    detail: loc(`表中出现模板以外的内容「${text(ctx, t)}」`, `text outside the template in the table: “${text(ctx, t)}”`),
  }));
}

function lastLineOf(tokens: Token[], end: number, fallback: number): number {
  for (let i = Math.min(end, tokens.length) - 1; i >= 0; i--) if (!tokens[i].empty) return tokens[i].line;
  return fallback;
}

// ---------------------------------------------------------------- table 2

function readRequests(ctx: Ctx, first: number): { table: Table; lastLine: number } | null {
  const { tokens, layout } = region(ctx, first);
  let version = '2021' as FormatVersion;
  // The header ends where the first row label is.
  const firstRow = tokens.findIndex((t) => !t.empty && !t.numeric && FIRST_ROW_KEYS.some((key) => matchKey(t.key, key) !== null));
  if (firstRow < 0) return null;
  const walked = walk(ctx.source, tokens, firstRow, REQUEST_SLOTS['2021'], (slot, ti) => {
    if (slot.label !== '（六）其他处理') return;
    let next = ti + 1;
    while (next < tokens.length && tokens[next].empty) next++;
    if (next < tokens.length && tokens[next].numeric) {
      // 2019 format: （六）其他处理 is one row, followed directly by （七）总计.
      version = '2019';
      return REQUEST_SLOTS_2019_FROM_TOTAL;
    }
  });
  if (version === '2019') {
    // The group slot matched （六）其他处理: in the 2019 table it is row R21 itself.
    const t = walked.labels.get('（六）其他处理');
    if (t) {
      const idx = tokens.indexOf(t);
      const values: Token[] = [];
      for (let k = idx + 1; k < tokens.length && (tokens[k].empty || tokens[k].numeric); k++) values.push(tokens[k]);
      walked.rows.push({ slot: slotOf('row', '（六）其他处理', 'R21'), label: t, labelSpan: { start: t.start, end: t.end }, values });
      walked.rows.sort((a, b) => a.label.start - b.label.start);
    }
  }
  const span = tableSpan(tokens, 0, walked.end);
  const cells: Cell[] = [];
  const problems: ShapeProblem[] = [];
  const rowSpans = new Map<string, Span>();
  const reads = REQUEST_ROW_READS[version];
  for (const row of walked.rows) {
    const read = row.slot.id === undefined ? undefined : reads.get(row.slot.id);
    if (!read) continue;
    rowSpans.set(read.id, row.labelSpan);
    readRow(ctx, 'requests', row, read, cells, problems);
  }
  // On the table's first cell, as for table 1 (one unit could split a surrogate pair).
  problems.push(...missingRowProblems(walked.missing.filter((s) => s.kind === 'row'), { start: span.start, end: Math.min(span.end, tokens[0]?.end ?? span.start) }));
  problems.push(...unknownProblems(ctx, walked.unknown));
  if (layout === 'tab') problems.push(...misalignedRows(walked.rows, version));
  const labelProblems = [...headerMismatches(ctx, tokens.slice(0, firstRow), REQUEST_HEADER), ...walked.mismatches];
  return {
    table: makeTable('requests', version, layout, span, cells, problems, labelProblems, rowSpans),
    lastLine: lastLineOf(tokens, walked.end, first),
  };
}

function rowTotalHolds(values: number[]): boolean {
  const total = values[values.length - 1];
  return values.slice(0, -1).reduce((a, b) => a + b, 0) === total;
}

const REQUEST_READ_COLUMNS = REQUEST_COLUMN_IDS.map((id, i) => ({ id, label: REQUEST_COLUMNS[i] as string, kind: 'count' as ValueKind }));

/** Each table 2 row's spec and how it is read, by row id (the first spec of an id, as a search from the start found): built once, not per row. */
function requestRowReads(version: FormatVersion): Map<string, RowRead & { spec: RequestRowSpec }> {
  const out = new Map<string, RowRead & { spec: RequestRowSpec }>();
  for (const spec of REQUEST_ROWS[version]) {
    if (!out.has(spec.id)) out.set(spec.id, { spec, id: spec.id, rowLabel: spec.label, columns: REQUEST_READ_COLUMNS, constraint: rowTotalHolds });
  }
  return out;
}

const REQUEST_ROW_READS: Record<FormatVersion, Map<string, RowRead & { spec: RequestRowSpec }>> = { '2021': requestRowReads('2021'), '2019': requestRowReads('2019') };

function requestSlots(version: FormatVersion): Slot[] {
  const out: Slot[] = [];
  for (const r of REQUEST_ROWS[version]) {
    if (r.groupLabel) out.push(slotOf('label', r.groupLabel, undefined, true));
    out.push(slotOf('row', r.label, r.id));
  }
  return out;
}

// The template's slots and label keys are built once, not per table read (walk never changes them).
const REQUEST_SLOTS: Record<FormatVersion, Slot[]> = { '2021': requestSlots('2021'), '2019': requestSlots('2019') };
/** What follows the 2019 table's single （六）其他处理 row. */
const REQUEST_SLOTS_2019_FROM_TOTAL = REQUEST_SLOTS['2019'].slice(REQUEST_SLOTS['2019'].findIndex((s) => s.id === 'R24'));
/**
 * Keys a first row label may match. Fuzzy too (a typo in 「一、本年新收…」 must not lose the
 * table), but only long labels, so header words such as 「其他」「总计」 never start the body.
 */
const FIRST_ROW_KEYS = REQUEST_SLOTS['2021'].slice(0, 4).filter((s) => s.key.length >= 8).map((s) => s.key);
const REQUEST_HEADER = headerLabels([REQUEST_CHECK_NOTE, ...REQUEST_HEADER_LABELS, ...REQUEST_COLUMNS]);

/** Sub-rows of one group (（三）1…8 etc.) start in the same column; one that does not is misaligned. */
function misalignedRows(rows: WalkedRow[], version: FormatVersion): ShapeProblem[] {
  const reads = REQUEST_ROW_READS[version];
  const out: ShapeProblem[] = [];
  let groupCol: number | null = null;
  for (const row of rows) {
    const spec = row.slot.id === undefined ? undefined : reads.get(row.slot.id)?.spec;
    if (!spec) continue;
    const numbered = /^\d/.test(spec.label);
    if (!numbered) {
      groupCol = null;
      continue;
    }
    if (spec.groupLabel || groupCol === null) {
      groupCol = row.label.col;
      continue;
    }
    if (row.label.col !== groupCol) {
      const missing = groupCol - row.label.col;
      out.push({
        start: row.labelSpan.start,
        end: row.labelSpan.end,
        kind: 'misaligned-row',
        row: spec.id,
        severity: 'warning',
        detail:
          missing > 0
            ? loc(
                `「${spec.label}」一行错位：前面少了 ${missing} 个空单元格（同组各行从第 ${groupCol + 1} 列开始），按列位置读表的工具会读错；本工具已按行标签读取`,
                `row “${spec.label}” is misaligned: ${missing} leading empty cell(s) missing (its group starts in column ${groupCol + 1}); read by its label`,
              )
            : loc(
                `「${spec.label}」一行错位：前面多了 ${-missing} 个空单元格；本工具已按行标签读取`,
                `row “${spec.label}” is misaligned: ${-missing} extra leading empty cell(s); read by its label`,
              ),
      });
    }
  }
  return out;
}

/**
 * Header labels: join fragments broken over lines (「商业」⏎「企业」) and report a label that only
 * resembles the template (「社会组织」 for 「社会公益组织」).
 */
/** A table's header labels by key (the later of two labels with one key wins). */
function headerLabels(expected: string[]): Map<string, string> {
  const want = new Map<string, string>();
  for (const e of expected) want.set(labelKey(e), e);
  return want;
}

function headerMismatches(ctx: Ctx, header: Token[], want: Map<string, string>): LabelProblem[] {
  const seen = new Set<string>();
  const unknown: Token[] = [];
  const texts = header.filter((t) => !t.empty && !t.numeric);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (want.has(t.key)) {
      seen.add(t.key);
      continue;
    }
    let joined = t.key;
    let used = 0;
    for (let j = i + 1; j < texts.length && j <= i + 2; j++) {
      joined += texts[j].key;
      if (want.has(joined)) {
        used = j - i;
        break;
      }
    }
    if (used > 0) {
      seen.add(joined);
      i += used;
      continue;
    }
    unknown.push(t);
  }
  const out: LabelProblem[] = [];
  for (const t of unknown) {
    let best: string | null = null;
    let bestD = Infinity;
    for (const [k, label] of want) {
      if (seen.has(k)) continue;
      const d = distance(t.key, k);
      if (d <= Math.max(1, Math.floor(k.length * 0.4)) && d < bestD) {
        best = label;
        bestD = d;
      }
    }
    if (best) out.push({ start: t.start, end: t.end, expected: best, found: text(ctx, t) });
  }
  return out;
}

// ---------------------------------------------------------------- table 3

function readAppeals(ctx: Ctx, first: number): { table: Table; lastLine: number } | null {
  const { tokens, layout } = region(ctx, first);
  const start = tokens.findIndex((t) => t.key === '行政复议');
  if (start < 0) return null;
  const near = tokens.slice(start + 1, start + 12).some((t) => t.key === '行政诉讼');
  if (!near) return null;
  // Values start after the last header label before the first number.
  let firstNumber = tokens.findIndex((t, i) => i > start && t.numeric);
  let headerEnd = start;
  const limit = firstNumber < 0 ? tokens.length : firstNumber;
  for (let i = start; i < limit; i++) {
    const t = tokens[i];
    if (t.empty) continue;
    if (t.key.length > 30 || /[。;]/.test(t.view)) {
      firstNumber = -1;
      break;
    }
    headerEnd = i;
  }
  const values: Token[] = [];
  let end = headerEnd + 1;
  for (; end < tokens.length; end++) {
    const t = tokens[end];
    if (!(t.empty || t.numeric || /^[-—–/]+$/.test(t.view) || t.view === '无')) break;
    values.push(t);
  }
  const cells: Cell[] = [];
  const problems: ShapeProblem[] = [];
  const headerToken = tokens[start];
  const a = assignValues(values, 15, tokens[headerEnd].end, appealTotalsHold, ctx.width);
  if (a.ok) {
    a.slots.forEach((s, idx) => {
      const id = APPEAL_CELL_IDS[idx];
      const group = APPEAL_GROUPS[Math.floor(idx / 5)];
      const v = parseValue(s.view, 'count');
      cells.push({
        start: s.start,
        end: s.end,
        table: 'appeals',
        row: id,
        column: null,
        rowLabel: group.label,
        columnLabel: APPEAL_RESULT_LABELS[idx % 5],
        raw: text(ctx, s),
        value: v.value,
        state: v.state,
      });
    });
    if (a.runTogether) {
      problems.push({
        ...a.runTogether,
        kind: 'run-together',
        severity: 'information',
        detail: loc(
          `「${text(ctx, a.runTogether)}」中的数字连在一起，已按唯一可能拆为 ${a.slots.map((s) => s.view).join(' / ')}`,
          `digits “${text(ctx, a.runTogether)}” run together; read as ${a.slots.map((s) => s.view).join(' / ')}`,
        ),
      });
    }
  } else {
    const at = values.find((t) => !t.empty) ?? headerToken;
    problems.push({
      start: at.start,
      end: Math.max(at.end, values.filter((t) => !t.empty && t.line === at.line).reduce((e, t) => Math.max(e, t.end), at.end)),
      kind: a.kind,
      found: a.found,
      expected: 15,
      detail: loc(
        `行政复议、行政诉讼表应有 15 个数值，实有 ${a.found} 个，无法确定对应关系`,
        `the appeals table should have 15 values, found ${a.found}; cannot tell which is which`,
      ),
    });
  }
  const span = tableSpan(tokens, start, end);
  const labelProblems = headerMismatches(ctx, tokens.slice(start, headerEnd + 1), APPEAL_HEADER);
  const rowSpans = new Map<string, Span>([['header', { start: headerToken.start, end: headerToken.end }]]);
  return {
    table: makeTable('appeals', '2021', layout, span, cells, problems, labelProblems, rowSpans),
    lastLine: lastLineOf(tokens, end, first),
  };
}

const APPEAL_HEADER = headerLabels([...APPEAL_HEADER_LABELS]);

function appealTotalsHold(values: number[]): boolean {
  for (let g = 0; g < 3; g++) {
    const part = values.slice(g * 5, g * 5 + 4).reduce((a, b) => a + b, 0);
    if (part !== values[g * 5 + 4]) return false;
  }
  return true;
}

// ---------------------------------------------------------------- table 1

const OLD_ONLY_COLUMNS = new Set(['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减'].map(labelKey));
const NEW_ONLY_COLUMNS = new Set(['本年制发件数', '本年处理决定数量'].map(labelKey));

function proactiveSlots(version: FormatVersion): Slot[] {
  const slots: Slot[] = [];
  for (const item of PROACTIVE[version]) {
    slots.push(slotOf('label', item.item, item.item));
    slots.push(slotOf('label', '信息内容', undefined, true));
    for (const c of item.columns) slots.push(slotOf('label', c, `${item.item}/${c}`));
    for (const r of item.rows) slots.push(slotOf('row', r, `${item.item}/${r}`));
  }
  return slots;
}

const PROACTIVE_SLOTS: Record<FormatVersion, Slot[]> = { '2021': proactiveSlots('2021'), '2019': proactiveSlots('2019') };

/** Each table 1 row slot's item and how the row is read, by slot id 「item/row」: built once, not per row. */
function proactiveRowReads(version: FormatVersion): Map<string, RowRead> {
  const out = new Map<string, RowRead>();
  for (const slot of PROACTIVE_SLOTS[version]) {
    const id = slot.id ?? '';
    if (slot.kind !== 'row' || out.has(id)) continue;
    const [itemName, rowName] = id.split('/');
    const item = PROACTIVE[version].find((it) => it.item === itemName);
    if (!item) continue;
    out.set(id, { id: rowName, rowLabel: rowName, item: item.item, columns: item.columns.map((c, i) => ({ id: c, label: c, kind: item.kinds[i] })) });
  }
  return out;
}

const PROACTIVE_ROW_READS: Record<FormatVersion, Map<string, RowRead>> = { '2021': proactiveRowReads('2021'), '2019': proactiveRowReads('2019') };

function readProactive(ctx: Ctx, first: number, year: number | null): { table: Table; lastLine: number } | null {
  const { tokens, layout } = region(ctx, first);
  const start = tokens.findIndex((t) => /^第二十条第\([一二]\)项$/.test(t.key));
  if (start < 0) return null;
  const peek = tokens.slice(start, start + 40);
  let version: FormatVersion;
  if (peek.some((t) => OLD_ONLY_COLUMNS.has(t.key))) version = '2019';
  else if (peek.some((t) => NEW_ONLY_COLUMNS.has(t.key))) version = '2021';
  else version = year !== null && year <= 2020 ? '2019' : '2021';
  const items = PROACTIVE[version];
  const walked = walk(ctx.source, tokens, start, PROACTIVE_SLOTS[version]);
  const cells: Cell[] = [];
  const problems: ShapeProblem[] = [];
  const rowSpans = new Map<string, Span>();
  for (const item of items) {
    const t = walked.labels.get(item.item);
    if (t) rowSpans.set(item.item, { start: t.start, end: t.end });
  }
  const reads = PROACTIVE_ROW_READS[version];
  for (const row of walked.rows) {
    const read = reads.get(row.slot.id ?? '');
    if (!read) continue;
    rowSpans.set(row.slot.id ?? read.id, row.labelSpan);
    readRow(ctx, 'proactive', row, read, cells, problems);
  }
  const span = tableSpan(tokens, start, walked.end);
  problems.push(...missingRowProblems(walked.missing, { start: span.start, end: Math.min(span.end, tokens[start].end) }));
  problems.push(...unknownProblems(ctx, walked.unknown.filter((t) => !/^第二十条第/.test(t.key))));
  return {
    table: makeTable('proactive', version, layout, span, cells, problems, walked.mismatches, rowSpans),
    lastLine: lastLineOf(tokens, walked.end, first),
  };
}

function makeTable(
  id: TableId,
  version: FormatVersion,
  layout: TableLayout,
  span: Span,
  cells: Cell[],
  shapeProblems: ShapeProblem[],
  labelProblems: LabelProblem[],
  rowSpans: Map<string, Span>,
): Table {
  const unreadable = shapeProblems.some((p) => p.kind === 'too-few-cells' || p.kind === 'too-many-cells' || p.kind === 'missing-row' || p.kind === 'unknown-row');
  const reading = !unreadable ? 'full' : cells.length > 0 ? 'partial' : 'none';
  return { id, version, layout, start: span.start, end: span.end, readable: !unreadable, reading, cells, shapeProblems, labelProblems, rowSpans };
}
