// Blank standard tables and the whole-report skeleton (spec §2.1, §2.3–2.6, §3.1–3.2), rendered
// in the document's own table layout and line ending. PURE: no editor or protocol imports.
//
// A table is first built as a grid of template cells (with colspans as in the official template),
// then written out in one of three layouts:
//   tab            one table row per line, cells separated by ONE tab; a cell spanning n columns
//                  is followed by n−1 empty fields, except at the end of a row (exactly spec §2.6).
//   cell-per-line  each cell of a row on its own line with a leading tab, rows separated by a
//                  blank line; spanned columns are not repeated (the shape of Word/web copies).
//   markdown       a pipe table over the full grid; the template's first row is the header row.

import type { FormatVersion, TableId } from '../model';
import {
  APPEAL_RESULT_LABELS,
  PROACTIVE,
  REQUEST_CHECK_NOTE,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
} from '../schema/tables';
import { CN_SECTION_NUMERALS, SECTIONS } from '../schema/sections';

export type TemplateLayout = 'tab' | 'markdown' | 'cell-per-line';
export type TemplateFill = 'blank' | 'zero';
export type Eol = '\n' | '\r\n' | '\r';

export interface TableTemplateOptions {
  layout: TemplateLayout;
  fill: TemplateFill;
  eol: Eol;
}

export interface SkeletonOptions {
  /** 机关名称, e.g. 某某市某某局. */
  organ: string;
  /** The reporting year. */
  year: number;
  /** Defaults to the version the year requires (2019 and 2020 → '2019', later → '2021'). */
  version?: FormatVersion;
  layout: TemplateLayout;
  fill: TemplateFill;
  eol: Eol;
}

/** One cell of a template grid. `filler` cells stand for a label merged from the row above. */
interface TCell {
  text: string;
  kind: 'label' | 'value' | 'filler';
  span: number;
}
type TRow = TCell[];

const label = (text: string, span = 1): TCell => ({ text, kind: 'label', span });
const filler = (span = 1): TCell => ({ text: '', kind: 'filler', span });
const value = (fill: TemplateFill): TCell => ({ text: fill === 'zero' ? '0' : '', kind: 'value', span: 1 });

/** The format version a reporting year uses (spec §1): 2019 and 2020 the 试行 format, later the 2021 one. */
export function versionForYear(year: number | null | undefined): FormatVersion {
  return year != null && year <= 2020 ? '2019' : '2021';
}

/** Table ids in the order of the report, with the section each one belongs to. */
export const TABLE_SECTION: Record<TableId, 2 | 3 | 4> = { proactive: 2, requests: 3, appeals: 4 };

/** Display names of the three tables. */
export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  proactive: { zh: '主动公开政府信息情况（第二十条第（一）（五）（六）（八）项）', en: 'Proactive disclosure (art. 20 items)' },
  requests: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' },
  appeals: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reconsideration and litigation' },
};

// ---------------------------------------------------------------- grids

function proactiveGrid(version: FormatVersion, fill: TemplateFill): TRow[] {
  const width = 4;
  const rows: TRow[] = [];
  for (const item of PROACTIVE[version]) {
    rows.push([label(item.item, width)]);
    const cols = item.columns;
    // A single data column spans the rest of the grid (template: 本年处理决定数量 ‖).
    const lastSpan = width - cols.length;
    rows.push([label('信息内容'), ...cols.map((c, i) => label(c, i === cols.length - 1 ? lastSpan : 1))]);
    for (const r of item.rows) {
      rows.push([label(r), ...cols.map((_, i) => ({ ...value(fill), span: i === cols.length - 1 ? lastSpan : 1 }))]);
    }
  }
  return rows;
}

function requestsGrid(version: FormatVersion, fill: TemplateFill): TRow[] {
  const values = (): TCell[] => REQUEST_COLUMNS.map(() => value(fill));
  const rows: TRow[] = [
    [label(REQUEST_CHECK_NOTE, 3), label('申请人情况', 7)],
    [filler(3), label('自然人'), label('法人或其他组织', 5), label('总计')],
    [filler(3), filler(), ...REQUEST_COLUMNS.slice(1, 6).map((c) => label(c)), filler()],
  ];
  const specs = REQUEST_ROWS[version];
  // Rows of 三 that start a group carry the group label in column 2 (rowspan in the template);
  // rows without sub-items (（一）（二）（七）, old （六）) span columns 2–3.
  for (const r of specs) {
    const topLevel = /^[一二三四五六七八九十]、/.test(r.label);
    if (topLevel) {
      rows.push([label(r.label, 3), ...values()]);
      continue;
    }
    const cells: TCell[] = [];
    if (r.groupLabel === '三、本年度办理结果') {
      cells.push(label(r.groupLabel));
    } else {
      cells.push(filler());
    }
    const isSub = /^\d/.test(r.label);
    if (isSub) {
      cells.push(r.groupLabel && r.groupLabel !== '三、本年度办理结果' ? label(r.groupLabel) : filler());
      cells.push(label(r.label));
    } else {
      cells.push(label(r.label, 2));
    }
    rows.push([...cells, ...values()]);
  }
  return rows;
}

function appealsGrid(fill: TemplateFill): TRow[] {
  const results = (): TCell[] => APPEAL_RESULT_LABELS.map((l) => label(l));
  return [
    [label('行政复议', 5), label('行政诉讼', 10)],
    [...results(), label('未经复议直接起诉', 5), label('复议后起诉', 5)],
    [filler(), filler(), filler(), filler(), filler(), ...results(), ...results()],
    Array.from({ length: 15 }, () => value(fill)),
  ];
}

function grid(id: TableId, version: FormatVersion, fill: TemplateFill): TRow[] {
  switch (id) {
    case 'proactive':
      return proactiveGrid(version, fill);
    case 'requests':
      return requestsGrid(version, fill);
    case 'appeals':
      return appealsGrid(fill);
  }
}

// ---------------------------------------------------------------- layouts

function tabLine(row: TRow): string {
  const fields: string[] = [];
  row.forEach((c, i) => {
    fields.push(c.text);
    // Spanned columns are written as empty fields, except at the end of the row (spec §2.6).
    if (i < row.length - 1) for (let k = 1; k < c.span; k++) fields.push('');
  });
  return fields.join('\t');
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function markdownLines(rows: TRow[]): string[] {
  const width = Math.max(...rows.map((r) => r.reduce((n, c) => n + c.span, 0)));
  const toFields = (row: TRow): string[] => {
    const fields: string[] = [];
    for (const c of row) {
      fields.push(c.text);
      for (let k = 1; k < c.span; k++) fields.push('');
    }
    while (fields.length < width) fields.push('');
    return fields;
  };
  const line = (fields: string[]): string => `| ${fields.map(markdownCell).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const out = [line(toFields(rows[0])), `|${' --- |'.repeat(width)}`];
  for (const r of rows.slice(1)) out.push(line(toFields(r)));
  return out;
}

function render(rows: TRow[], layout: TemplateLayout, eol: Eol): string {
  switch (layout) {
    case 'markdown':
      return markdownLines(rows).join(eol);
    case 'cell-per-line':
      return rows.map((r) => r.map((c) => `\t${c.text}`).join(eol)).join(eol + eol);
    case 'tab':
    default:
      return rows.map(tabLine).join(eol);
  }
}

/**
 * The blank (or zero-filled) standard table, without a trailing line break.
 * Labels are exactly those of the template (spec §2.3–2.5, §3.1–3.2).
 */
export function renderTable(id: TableId, version: FormatVersion, opts: TableTemplateOptions): string {
  return render(grid(id, version, opts.fill), normaliseLayout(opts.layout), opts.eol);
}

/** Accepts the engine's TableLayout too: 'spaces' (and anything unknown) is written as tabs. */
export function normaliseLayout(layout: string | null | undefined): TemplateLayout {
  return layout === 'markdown' || layout === 'cell-per-line' ? layout : 'tab';
}

// ---------------------------------------------------------------- skeleton

/** The standard section heading text, e.g. 「三、收到和处理政府信息公开申请情况」. */
export function sectionHeading(n: 1 | 2 | 3 | 4 | 5 | 6): string {
  const spec = SECTIONS.find((s) => s.number === n)!;
  return `${CN_SECTION_NUMERALS[n]}、${spec.title}`;
}

const NOTICE_2021 =
  '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）';
const NOTICE_2019 =
  '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）';

/** What the skeleton writes where the drafter's own words go (quiet.ts knows it untouched). */
export const PROSE_PLACEHOLDER = '（文字描述）';

/** The skeleton's note in section 六 of a 2021-format report, where the fee statement goes. */
export function feeNote(year: number): string {
  return `（收取信息处理费情况：本机关${year}年依据《政府信息公开信息处理费管理办法》收取信息处理费的情况在此报告。）`;
}

/**
 * A whole report: title, preamble, the six sections, the three tables in sections 二–四.
 * Prose is left as 「（文字描述）」 on purpose: the placeholder rule keeps each one on the
 * drafter's to-do list until it is written.
 */
export function renderSkeleton(opts: SkeletonOptions): string {
  const year = Math.trunc(opts.year);
  const version = opts.version ?? versionForYear(year);
  const layout = normaliseLayout(opts.layout);
  const md = layout === 'markdown';
  const organ = opts.organ.trim();
  const heading = (n: 1 | 2 | 3 | 4 | 5 | 6): string => (md ? '## ' : '') + sectionHeading(n);
  const tableOpts: TableTemplateOptions = { layout, fill: opts.fill, eol: opts.eol };
  const notice = year >= 2021 ? NOTICE_2021 : NOTICE_2019;
  const blocks: string[] = [
    `${md ? '# ' : ''}${organ}${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${notice}要求编制。` +
      `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    heading(1),
    PROSE_PLACEHOLDER,
    heading(2),
    renderTable('proactive', version, tableOpts),
    heading(3),
    renderTable('requests', version, tableOpts),
    heading(4),
    renderTable('appeals', version, tableOpts),
    heading(5),
    PROSE_PLACEHOLDER,
    heading(6),
  ];
  if (year >= 2021) {
    blocks.push(feeNote(year));
  } else {
    blocks.push(PROSE_PLACEHOLDER);
  }
  return blocks.join(opts.eol + opts.eol) + opts.eol;
}
