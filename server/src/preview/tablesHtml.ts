// HTML of the tables preview, from the preview model (engine/ide/tableGrid.ts): the report's
// outline and its three tables on the official grids, wrong cells marked. One renderer for the
// VS Code webview (interactive: focusable cells, data attributes its script reads), the exported
// self-contained file, and any other face. Plain strings, no DOM: it runs in node and in a browser.

import type { GridCell, PreviewCell, PreviewTable, TablesPreview } from '../engine/ide/tableGrid';
import type { Lang, Severity, TableId } from '../engine/model';

const UI = {
  zh: {
    heading: '年度报告表格预览',
    year: '报告年度',
    yearUnknown: '未能确定',
    format: '格式',
    formatOf: (v: string) => (v === '2019' ? '2019 年试行格式（国办公开办函〔2019〕60号）' : '2021 年格式（国办公开办函〔2021〕30号）'),
    formatAssumed: '（报告中未见格式标志，按年度推定）',
    noTitle: '（未找到标题）',
    sections: '六个部分',
    sectionMissing: '（未找到此部分）',
    tableTitles: { proactive: '二、主动公开政府信息情况', requests: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' },
    tableMissing: '报告中没有找到此表。',
    tableUnreadable: '此表有单元格未能按模板读出（标 ？ 的格），这些格不参与勾稽检查。',
    copyTsv: '复制为 TSV',
    copyTsvLabel: (t: string) => `复制「${t}」为制表符分隔文本，可粘贴到电子表格`,
    value: '值',
    empty: '（空）',
    missing: '未能读出此格',
    invalid: '不是有效数字',
    shouldBe: (v: string) => `应为 ${v}`,
    or: '或：',
    severity: { error: '错误', warning: '警告', information: '提示', hint: '提示' } as Record<Severity, string>,
    others: (e: number, w: number, i: number) => `表格以外的问题：错误 ${e} 个，警告 ${w} 个，提示 ${i} 个（见“问题”面板）。`,
    legend: '图例',
    legendError: '错误',
    legendWarning: '警告',
    legendMissing: '未能读出',
    legendParts: '悬停总计时，其加数高亮',
  },
  en: {
    heading: 'Report tables preview',
    year: 'Reporting year',
    yearUnknown: 'unknown',
    format: 'Format',
    formatOf: (v: string) => (v === '2019' ? '2019 trial format (国办公开办函〔2019〕60号)' : '2021 format (国办公开办函〔2021〕30号)'),
    formatAssumed: ' (no format marker in the report; assumed from the year)',
    noTitle: '(no title found)',
    sections: 'The six sections',
    sectionMissing: '(section not found)',
    tableTitles: {
      proactive: '2 · Proactive disclosure (二、主动公开政府信息情况)',
      requests: '3 · Requests received and handled (三、收到和处理政府信息公开申请情况)',
      appeals: '4 · Administrative review and litigation (四、政府信息公开行政复议、行政诉讼情况)',
    },
    tableMissing: 'This table was not found in the report.',
    tableUnreadable: 'Some cells of this table could not be read as the template says (marked ?); they take no part in the arithmetic checks.',
    copyTsv: 'Copy as TSV',
    copyTsvLabel: (t: string) => `Copy “${t}” as tab-separated text for a spreadsheet`,
    value: 'value',
    empty: '(empty)',
    missing: 'this cell could not be read',
    invalid: 'not a valid number',
    shouldBe: (v: string) => `should be ${v}`,
    or: 'or:',
    severity: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as Record<Severity, string>,
    others: (e: number, w: number, i: number) => `Outside the tables: ${e} errors, ${w} warnings, ${i} information (see the Problems panel).`,
    legend: 'Legend',
    legendError: 'error',
    legendWarning: 'warning',
    legendMissing: 'not read',
    legendParts: 'hover a total to highlight its parts',
  },
} as const;

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const ICON: Record<Severity | 'missing', string> = { error: '✗', warning: '⚠', information: 'ℹ', hint: 'ℹ', missing: '？' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface RenderOptions {
  /** Webview: focusable cells, copy buttons and the data attributes its script reads. */
  interactive: boolean;
}

/** The most severe finding's severity on a cell, or null. */
function worst(cell: PreviewCell): Severity | null {
  let w: Severity | null = null;
  for (const f of cell.findings) if (w === null || RANK[f.severity] < RANK[w]) w = f.severity;
  return w;
}

/** What a cell's tooltip says: where it is, what it holds, every finding with the value implied. */
export function cellTip(cell: PreviewCell, lang: Lang): string {
  const t = UI[lang];
  const where = [cell.item, cell.rowLabel, cell.columnLabel].filter((x) => !!x).join(' · ');
  const shown = cell.state === 'missing' ? t.missing : cell.state === 'empty' ? t.empty : cell.raw;
  const lines = [where, `${t.value}: ${shown}${cell.state === 'invalid' ? ` (${t.invalid})` : ''}`];
  for (const f of cell.findings) {
    const implied = f.expected !== undefined && f.expected !== null ? ` — ${t.shouldBe(String(f.expected))}` : '';
    lines.push(`${ICON[f.severity]} ${t.severity[f.severity]} [${f.ruleId}] ${f.message[lang]}${implied}`);
    for (const d of f.details ?? []) lines.push(`  ${d[lang]}`);
    for (const a of f.alternatives ?? []) lines.push(`  ${t.or} ${a[lang]}`);
  }
  return lines.join('\n');
}

function valueCell(grid: GridCell, cell: PreviewCell | undefined, lang: Lang, opts: RenderOptions): string {
  const span = spanAttrs(grid);
  if (!cell) return `<td class="value"${span}></td>`;
  const sev = worst(cell);
  const classes = ['value', `state-${cell.state}`];
  if (sev) classes.push(`sev-${sev}`);
  const icon = sev ? ICON[sev] : cell.state === 'missing' ? ICON.missing : '';
  const tip = cellTip(cell, lang);
  const attrs = [
    `class="${classes.join(' ')}"`,
    `data-cell="${escapeHtml(cell.id)}"`,
    cell.parts && cell.parts.length > 0 ? `data-parts="${escapeHtml(cell.parts.join(' '))}"` : '',
    opts.interactive ? `tabindex="-1" data-tip="${escapeHtml(tip)}" aria-label="${escapeHtml(tip.replace(/\n/g, '; '))}"` : `title="${escapeHtml(tip)}"`,
  ].filter(Boolean);
  const mark = icon ? `<span class="mark" aria-hidden="true">${icon}</span>` : '';
  return `<td ${attrs.join(' ')}${span}>${mark}<span class="v">${escapeHtml(cell.raw)}</span></td>`;
}

const spanAttrs = (c: GridCell): string => `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;

/** Headings, group labels and row labels are all table headings (screen readers announce them with a cell). */
function textCell(c: GridCell): string {
  const scope = c.kind === 'header' ? (c.colSpan > 1 ? 'colgroup' : 'col') : c.rowSpan > 1 ? 'rowgroup' : 'row';
  return `<th class="${c.kind}" scope="${scope}"${spanAttrs(c)}>${escapeHtml(c.text)}</th>`;
}

function renderTable(table: PreviewTable, preview: TablesPreview, lang: Lang, opts: RenderOptions): string {
  const t = UI[lang];
  const title = t.tableTitles[table.table];
  const copy = opts.interactive
    ? `<button type="button" class="copy" data-copy="${table.table}" aria-label="${escapeHtml(t.copyTsvLabel(title))}">${t.copyTsv}</button>`
    : '';
  const head = `<div class="table-head"><h2 id="table-${table.table}">${escapeHtml(title)}</h2>${copy}</div>`;
  if (!table.found) return `<section class="table missing-table" data-table="${table.table}">${head}<p class="note">${t.tableMissing}</p></section>`;
  const row = (cells: GridCell[]): string =>
    `<tr>${cells.map((c) => (c.kind === 'value' ? valueCell(c, preview.cells[c.id ?? ''], lang, opts) : textCell(c))).join('')}</tr>`;
  const thead = table.grid.header.length > 0 ? `<thead>${table.grid.header.map(row).join('')}</thead>` : '';
  const tbody = `<tbody>${table.grid.body.map(row).join('')}</tbody>`;
  const note = table.readable ? '' : `<p class="note unreadable">${ICON.missing} ${t.tableUnreadable}</p>`;
  return `<section class="table" data-table="${table.table}">${head}${note}<table class="grid grid-${table.table}" aria-labelledby="table-${table.table}">${thead}${tbody}</table></section>`;
}

function renderOutline(preview: TablesPreview, lang: Lang, opts: RenderOptions): string {
  const t = UI[lang];
  const title = preview.title ? escapeHtml(preview.title.text) : `<span class="missing">${t.noTitle}</span>`;
  const format = `${t.formatOf(preview.formatVersion)}${preview.formatDetected ? '' : t.formatAssumed}`;
  const items = preview.sections
    .map((s) => {
      const numeral = `${NUMERALS[s.number - 1]}、`;
      if (!s.found) return `<li class="section missing"><span class="sec-title">${numeral}</span> <span class="missing">${t.sectionMissing}</span></li>`;
      const link = opts.interactive ? ` tabindex="0" role="link" data-section="${s.number}"` : '';
      return `<li class="section"><span class="sec-title"${link}>${numeral}${escapeHtml(s.title)}</span><span class="first-line">${escapeHtml(s.firstLine)}</span></li>`;
    })
    .join('');
  const o = preview.otherFindings;
  const others = o.error + o.warning + o.information + o.hint > 0 ? `<p class="note">${t.others(o.error, o.warning, o.information + o.hint)}</p>` : '';
  return (
    `<header class="outline"><h1 class="report-title">${title}</h1>` +
    `<dl><dt>${t.year}</dt><dd>${preview.year ?? t.yearUnknown}</dd><dt>${t.format}</dt><dd>${escapeHtml(format)}</dd></dl>` +
    `<h2 class="sections-heading">${t.sections}</h2><ol class="sections">${items}</ol>${others}` +
    `<p class="legend">${t.legend}: <span class="sample sev-error"><span class="mark" aria-hidden="true">${ICON.error}</span>${t.legendError}</span> ` +
    `<span class="sample sev-warning"><span class="mark" aria-hidden="true">${ICON.warning}</span>${t.legendWarning}</span> ` +
    `<span class="sample state-missing"><span class="mark" aria-hidden="true">${ICON.missing}</span>${t.legendMissing}</span> · ${t.legendParts}</p></header>`
  );
}

/** The preview's body: the outline, then the three tables. */
export function renderPreviewBody(preview: TablesPreview, lang: Lang, opts: RenderOptions): string {
  return renderOutline(preview, lang, opts) + preview.tables.map((t) => renderTable(t, preview, lang, opts)).join('');
}

/** Theme-aware through VS Code's CSS variables, with light fallbacks for the exported file. */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, "PingFang SC", "Microsoft YaHei", sans-serif); font-size: var(--vscode-font-size, 14px);
  color: var(--vscode-editor-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff); margin: 0; padding: 12px 20px 40px; line-height: 1.5; }
h1.report-title { font-size: 1.35em; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.1em; margin: 0; }
.outline dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
.outline dt { color: var(--vscode-descriptionForeground, #616161); }
.outline dd { margin: 0; }
.sections-heading { margin-top: 10px; }
ol.sections { list-style: none; padding: 0; margin: 4px 0 8px; }
ol.sections li { display: flex; gap: 12px; padding: 2px 0; border-bottom: 1px solid var(--vscode-panel-border, #e5e5e5); }
.sec-title { font-weight: 600; white-space: nowrap; }
.first-line { color: var(--vscode-descriptionForeground, #616161); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.missing { color: var(--vscode-editorError-foreground, #c00000); }
.note { color: var(--vscode-descriptionForeground, #616161); margin: 4px 0; }
.legend { color: var(--vscode-descriptionForeground, #616161); font-size: 0.9em; }
.legend .sample { padding: 0 4px; border-radius: 2px; }
section.table { margin-top: 22px; }
.table-head { display: flex; align-items: center; gap: 12px; margin-bottom: 6px; }
table.grid { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #b0b0b0)); padding: 3px 6px; vertical-align: middle; }
table.grid th { font-weight: normal; text-align: left; }
table.grid th.label { min-width: 6em; }
table.grid th.group { min-width: 3em; }
table.grid th.header { text-align: center; background: var(--vscode-editorWidget-background, #f3f3f3); font-weight: 600; }
table.grid th.group { text-align: center; font-weight: 600; }
table.grid td.value { text-align: right; min-width: 3.2em; white-space: nowrap; }
td.value .mark { float: left; margin-right: 4px; font-weight: bold; }
/* A marked cell keeps the text colour (readable on its tint in every theme); the icon and the outline carry the colour. */
.sev-error { background: var(--vscode-inputValidation-errorBackground, #fde7e9); }
.sev-error .mark { color: var(--vscode-editorError-foreground, #e51400); }
td.sev-error { outline: 2px solid var(--vscode-editorError-foreground, #e51400); outline-offset: -2px; }
.sev-warning { background: var(--vscode-inputValidation-warningBackground, #fff4ce); }
.sev-warning .mark { color: var(--vscode-editorWarning-foreground, #bf8803); }
td.sev-warning { outline: 2px dashed var(--vscode-editorWarning-foreground, #bf8803); outline-offset: -2px; }
td.sev-information, td.sev-hint { outline: 1px dotted var(--vscode-editorInfo-foreground, #1a85ff); outline-offset: -2px; }
.state-missing { background: repeating-linear-gradient(135deg, transparent 0 4px, var(--vscode-editorWidget-border, #d0d0d0) 4px 5px); color: var(--vscode-descriptionForeground, #616161); }
.state-invalid .v { text-decoration: underline wavy var(--vscode-editorError-foreground, #e51400); }
td.value.part { background: var(--vscode-editor-findMatchHighlightBackground, #fff2a8); }
/* High contrast themes define no highlight background (the fallback would put white on yellow): a border instead. */
body.vscode-high-contrast td.value.part, body.vscode-high-contrast-light td.value.part { background: transparent; box-shadow: inset 0 0 0 2px var(--vscode-contrastActiveBorder, #f38518); }
td.value.total-hover { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder, #0078d4); }
td.value.cursor { box-shadow: inset 0 0 0 2px var(--vscode-editorCursor-foreground, #000000); background: var(--vscode-editor-selectionBackground, #add6ff); }
`;

export interface PageOptions {
  lang: Lang;
  /** The Content-Security-Policy the page declares. */
  policy: string;
  title?: string;
  /** The page's style, inline (with this nonce when the policy asks for one). */
  style: string;
  styleNonce?: string;
  body: string;
}

/** A whole HTML page around the preview: charset, policy, viewport and style in its head. The webview and the exported file both are one. */
export function htmlPage(o: PageOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(o.policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(o.title !== undefined ? [`<title>${escapeHtml(o.title)}</title>`] : []),
    `<style${o.styleNonce ? ` nonce="${escapeHtml(o.styleNonce)}"` : ''}>${o.style}</style>`,
    '</head>',
    `<body>${o.body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** A self-contained HTML file of the preview: inline style, no script, nothing fetched. */
export function renderStandaloneHtml(preview: TablesPreview, lang: Lang, fileName: string): string {
  return htmlPage({
    lang,
    policy: "default-src 'none'; style-src 'unsafe-inline'",
    title: `${UI[lang].heading} · ${fileName}`,
    style: PREVIEW_CSS,
    body: renderPreviewBody(preview, lang, { interactive: false }),
  });
}

/**
 * One table as tab-separated text for a spreadsheet: the grid expanded (a merged cell's text in its
 * first slot), values as written. Text a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function tableTsv(preview: TablesPreview, table: TableId): string {
  const grid = preview.tables.find((t) => t.table === table)?.grid;
  if (!grid) return '';
  const rows = [...grid.header, ...grid.body];
  const matrix: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (matrix[r][col] !== undefined) col++;
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (matrix[r + dr]) matrix[r + dr][col + dc] = '';
      matrix[r][col] = c.kind === 'value' ? (preview.cells[c.id ?? '']?.raw ?? '') : c.text;
      col += c.colSpan;
    }
  });
  const field = (s: string | undefined): string => {
    const flat = (s ?? '').replace(/[\t\r\n]+/g, ' ');
    return /^[=+\-@]/.test(flat) && !/^[+-]?\d+(\.\d+)?$/.test(flat) ? `'${flat}` : flat;
  };
  return matrix.map((r) => Array.from({ length: grid.columns }, (_, i) => field(r[i])).join('\t')).join('\n') + '\n';
}
