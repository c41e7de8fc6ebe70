// `summary --format html` and the VS Code summary panel: ONE self-contained page (inline CSS, SVG
// and script; nothing fetched, no fonts, no images) with the sortable table of reports, the
// year-over-year small multiples per body (新收 and 办结), the bar chart of the most frequent
// errors, and every report's findings with a link to its file. Plain strings, no DOM.

import { createHash } from 'node:crypto';
import type { Lang, Severity } from '../engine/model';
import { escapeHtml, htmlPage } from '../preview/tablesHtml';
import { type Column, COUNT_COLUMNS, FIGURE_COLUMNS, IDENTITY_COLUMNS, severityWord } from './columns';
import type { SummaryRow } from './row';

export interface SummaryHtmlOptions {
  /** A rule's one-line summary in the page's language, beside its id in the error chart. */
  ruleSummary(ruleId: string): string | null;
  /** The link of a report's file (a file: URL). Default: none, the file name is plain text. */
  href?(file: string): string | null;
  /** How a file is shown (default: as the row names it). */
  label?(file: string): string;
  /** The webview's nonce: the style and script carry it and the policy allows nothing else. */
  nonce?: string;
}

const UI = {
  zh: {
    title: '政府信息公开工作年度报告汇总',
    overview: (reports: number, organs: number, e: number, w: number) => `共 ${reports} 份报告，${organs} 个机关；错误 ${e} 个，警告 ${w} 个。`,
    tableHeading: '报告一览',
    sortHint: '点击列标题（或聚焦后按回车）排序，再次点击反向排序。',
    findingsColumn: '问题',
    charts: '逐年变化：本年新收与办结',
    chartsNone: '没有能按机关和年度排列的报告。',
    received: '本年新收',
    closed: '办结',
    noValue: '未读出',
    topErrors: '最常见的错误',
    topErrorsNone: '没有错误。',
    findingsHeading: '各报告的问题',
    noFindings: '没有发现问题。',
    unknownOrgan: '（未识别机关）',
    unknownYear: '（未识别年度）',
    format2019: '2019 试行',
    format2021: '2021',
    findingsOf: (n: number) => `${n} 个问题`,
    reportsCount: (n: number) => `${n} 份`,
  },
  en: {
    title: 'Summary of the government information-disclosure annual reports',
    overview: (reports: number, organs: number, e: number, w: number) => `${reports} reports from ${organs} bodies; ${e} errors, ${w} warnings.`,
    tableHeading: 'Reports',
    sortHint: 'Click a column header (or focus it and press Enter) to sort; again to reverse.',
    findingsColumn: 'findings',
    charts: 'Year over year: requests received and closed',
    chartsNone: 'No reports with a known body and year to chart.',
    received: 'received',
    closed: 'closed',
    noValue: 'not read',
    topErrors: 'Most frequent errors',
    topErrorsNone: 'No errors.',
    findingsHeading: 'Findings per report',
    noFindings: 'Nothing found.',
    unknownOrgan: '(body not recognised)',
    unknownYear: '(year not recognised)',
    format2019: '2019 trial',
    format2021: '2021',
    findingsOf: (n: number) => `${n} findings`,
    reportsCount: (n: number) => `${n} reports`,
  },
} as const;

const TOP_ERRORS = 10;

export function renderSummaryHtml(rows: readonly SummaryRow[], lang: Lang, options: SummaryHtmlOptions): string {
  const t = UI[lang];
  const nonceAttr = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  const policy = options.nonce
    ? `default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}'`
    : `default-src 'none'; style-src '${sha256(SUMMARY_CSS)}'; script-src '${sha256(SORT_SCRIPT)}'`;
  const total = (s: Severity): number => rows.reduce((n, r) => n + r.counts[s], 0);
  const organs = new Set(rows.map(groupKey)).size;
  return htmlPage({
    lang,
    policy,
    title: t.title,
    style: SUMMARY_CSS,
    styleNonce: options.nonce,
    body: [
      '',
      `<h1>${escapeHtml(t.title)}</h1>`,
      `<p class="overview">${escapeHtml(t.overview(rows.length, organs, total('error'), total('warning')))}</p>`,
      renderTable(rows, lang, options),
      renderMultiples(rows, lang),
      renderTopErrors(rows, lang, options),
      renderFindings(rows, lang, options),
      `<script${nonceAttr}>${SORT_SCRIPT}</script>`,
      '',
    ].join('\n'),
  });
}

/** CSP source of an inline element's exact text. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const groupKey = (r: SummaryRow): string => r.organKey ?? `file:${r.file}`;
const reportAnchor = (i: number): string => `report-${i + 1}`;

// ---------------------------------------------------------------- the table

function shown(c: Column, r: SummaryRow, lang: Lang): string {
  const v = c.value(r);
  if (v === null) return '—';
  if (c.key === 'disclosedShare') return `${(Number(v) * 100).toFixed(1)}%`;
  if (c.key === 'format') return v === '2019' ? UI[lang].format2019 : UI[lang].format2021;
  return String(v);
}

function renderTable(rows: readonly SummaryRow[], lang: Lang, options: SummaryHtmlOptions): string {
  const t = UI[lang];
  const columns = [...IDENTITY_COLUMNS, ...FIGURE_COLUMNS, ...COUNT_COLUMNS];
  const head = columns
    .map((c) => `<th scope="col" class="${c.type}" data-type="${c.type}" aria-sort="none"><button type="button">${escapeHtml(c.label[lang])}</button></th>`)
    .join('');
  const body = rows
    .map((r, i) => {
      const cells = columns.map((c) => {
        const v = c.value(r);
        const sortValue = v === null ? '' : String(v);
        const text = c.key === 'file' ? escapeHtml(options.label?.(r.file) ?? r.file) : escapeHtml(shown(c, r, lang));
        const inner = c.key === 'file' || c.key === 'error' ? `<a href="#${reportAnchor(i)}">${text}</a>` : text;
        const attributes = `class="${c.type}" data-sort="${escapeHtml(sortValue)}"`;
        // The file names the row (its header cell); the other cells are data.
        return c.key === 'file' ? `<th scope="row" ${attributes}>${inner}</th>` : `<td ${attributes}>${inner}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return [
    `<section><h2>${escapeHtml(t.tableHeading)}</h2>`,
    `<p class="note">${escapeHtml(t.sortHint)}</p>`,
    '<div class="scroll"><table id="summary-table" class="summary">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table></div></section>',
  ].join('\n');
}

// ---------------------------------------------------------------- small multiples

const CHART = { height: 150, top: 18, bottom: 24, left: 8, yearWidth: 56, bar: 18 };

function renderMultiples(rows: readonly SummaryRow[], lang: Lang): string {
  const t = UI[lang];
  const groups = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    if (r.year === null) continue;
    const list = groups.get(groupKey(r)) ?? [];
    list.push(r);
    groups.set(groupKey(r), list);
  }
  const figures = [...groups.values()]
    .sort((a, b) => caption(a[0], lang).localeCompare(caption(b[0], lang), lang === 'zh' ? 'zh-CN' : 'en'))
    .map((group) => organChart(group, lang));
  const legend =
    `<p class="legend"><svg width="12" height="12" aria-hidden="true"><rect class="received" width="12" height="12"/></svg> ${escapeHtml(t.received)} ` +
    `<svg width="12" height="12" aria-hidden="true"><rect class="closed" width="12" height="12"/></svg> ${escapeHtml(t.closed)}</p>`;
  const content = figures.length > 0 ? `${legend}<div class="multiples">${figures.join('\n')}</div>` : `<p class="note">${escapeHtml(t.chartsNone)}</p>`;
  return `<section><h2>${escapeHtml(t.charts)}</h2>\n${content}</section>`;
}

function caption(r: SummaryRow, lang: Lang): string {
  return r.organ ?? `${UI[lang].unknownOrgan} ${r.file}`;
}

/** One body's years: a pair of bars (新收, 办结) per year, on the body's own scale. */
function organChart(group: SummaryRow[], lang: Lang): string {
  const t = UI[lang];
  // One report per year: a second report of the same body and year (a duplicate) is not drawn twice.
  const byYear = new Map<number, SummaryRow>();
  for (const r of group) if (!byYear.has(r.year!)) byYear.set(r.year!, r);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const max = Math.max(1, ...years.flatMap((y) => [byYear.get(y)!.figures.received ?? 0, byYear.get(y)!.figures.closed ?? 0]));
  const plot = CHART.height - CHART.top - CHART.bottom;
  const width = CHART.left * 2 + years.length * CHART.yearWidth;
  const parts: string[] = [];
  const described: string[] = [];
  years.forEach((year, i) => {
    const f = byYear.get(year)!.figures;
    const x0 = CHART.left + i * CHART.yearWidth + (CHART.yearWidth - 2 * CHART.bar - 4) / 2;
    const series: [string, number | null][] = [['received', f.received], ['closed', f.closed]];
    series.forEach(([cls, v], k) => {
      const x = x0 + k * (CHART.bar + 4);
      const h = v === null ? 0 : Math.round((v / max) * plot);
      const y = CHART.top + plot - h;
      const name = cls === 'received' ? t.received : t.closed;
      const label = v === null ? t.noValue : String(v);
      parts.push(
        `<rect class="${cls}" x="${x}" y="${y}" width="${CHART.bar}" height="${h}"><title>${year} ${escapeHtml(name)}: ${escapeHtml(label)}</title></rect>`,
        `<text class="value" x="${x + CHART.bar / 2}" y="${y - 4}" text-anchor="middle">${v === null ? '—' : v}</text>`,
      );
    });
    parts.push(`<text class="year" x="${CHART.left + i * CHART.yearWidth + CHART.yearWidth / 2}" y="${CHART.height - 6}" text-anchor="middle">${year}</text>`);
    described.push(`${year}: ${t.received} ${f.received ?? t.noValue}, ${t.closed} ${f.closed ?? t.noValue}`);
  });
  parts.push(`<line class="axis" x1="${CHART.left}" x2="${width - CHART.left}" y1="${CHART.top + plot}" y2="${CHART.top + plot}"/>`);
  const name = caption(group[0], lang);
  return (
    `<figure class="multiple"><figcaption>${escapeHtml(name)}</figcaption>` +
    `<svg role="img" width="${width}" height="${CHART.height}" viewBox="0 0 ${width} ${CHART.height}" aria-label="${escapeHtml(`${name}: ${described.join('; ')}`)}">` +
    `${parts.join('')}</svg></figure>`
  );
}

// ---------------------------------------------------------------- most frequent errors

function renderTopErrors(rows: readonly SummaryRow[], lang: Lang, options: SummaryHtmlOptions): string {
  const t = UI[lang];
  const counts = new Map<string, number>();
  for (const r of rows) for (const [id, c] of Object.entries(r.byRule)) if (c.error > 0) counts.set(id, (counts.get(id) ?? 0) + c.error);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_ERRORS);
  if (top.length === 0) return `<section><h2>${escapeHtml(t.topErrors)}</h2><p class="note">${escapeHtml(t.topErrorsNone)}</p></section>`;
  const max = top[0][1];
  const BAR = 240;
  const items = top.map(([id, n]) => {
    const w = Math.max(2, Math.round((n / max) * BAR));
    const summary = options.ruleSummary(id);
    return (
      `<tr><th scope="row"><code>${escapeHtml(id)}</code>${summary ? `<br><span class="rule-summary">${escapeHtml(summary)}</span>` : ''}</th>` +
      `<td class="number">${n}</td>` +
      `<td><svg width="${BAR}" height="14" role="img" aria-label="${n}"><rect class="error" width="${w}" height="14"/></svg></td></tr>`
    );
  });
  return `<section><h2>${escapeHtml(t.topErrors)}</h2>\n<table class="bars" id="top-errors"><tbody>\n${items.join('\n')}\n</tbody></table></section>`;
}

// ---------------------------------------------------------------- findings per report

function renderFindings(rows: readonly SummaryRow[], lang: Lang, options: SummaryHtmlOptions): string {
  const t = UI[lang];
  const reports = rows.map((r, i) => {
    const label = options.label?.(r.file) ?? r.file;
    const href = options.href?.(r.file) ?? null;
    const heading = `${label} · ${r.organ ?? t.unknownOrgan} · ${r.year ?? t.unknownYear} · ${t.findingsOf(r.findings.length)}`;
    const items = r.findings.map((f) => {
      const where = `${label}:${f.line + 1}:${f.character + 1}`;
      const link = href
        ? `<a class="finding-link" href="${escapeHtml(href)}" data-file="${escapeHtml(r.file)}" data-line="${f.line}" data-character="${f.character}">${escapeHtml(where)}</a>`
        : `<span class="finding-link">${escapeHtml(where)}</span>`;
      return `<li class="sev-${f.severity}">${link} <span class="severity">${escapeHtml(severityWord(f.severity, lang))}</span> ${escapeHtml(f.message)} <code>[${escapeHtml(f.ruleId)}]</code></li>`;
    });
    const list = items.length > 0 ? `<ol class="findings">${items.join('')}</ol>` : `<p class="note">${escapeHtml(t.noFindings)}</p>`;
    return `<details id="${reportAnchor(i)}"${r.counts.error > 0 ? ' open' : ''}><summary>${escapeHtml(heading)}</summary>${list}</details>`;
  });
  return `<section><h2>${escapeHtml(t.findingsHeading)}</h2>\n${reports.join('\n')}</section>`;
}

// ---------------------------------------------------------------- style and script

/** Theme-aware through VS Code's CSS variables, with light fallbacks for the file on its own. */
const SUMMARY_CSS = `
:root { color-scheme: light dark; --summary-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #b0b0b0)); }
body { font-family: var(--vscode-font-family, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif); font-size: var(--vscode-font-size, 14px);
  color: var(--vscode-editor-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff); margin: 0; padding: 12px 20px 40px; line-height: 1.5; }
h1 { font-size: 1.35em; margin: 0.2em 0; }
h2 { font-size: 1.1em; margin: 22px 0 6px; }
.note, .overview, .legend { color: var(--vscode-descriptionForeground, #616161); margin: 4px 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
/* Separate borders: a collapsed border would stay behind when the file column sticks. */
table.summary { border-collapse: separate; border-spacing: 0; border-top: 1px solid var(--summary-border); border-left: 1px solid var(--summary-border); }
table.summary th, table.summary td { border-right: 1px solid var(--summary-border); border-bottom: 1px solid var(--summary-border); padding: 3px 6px; }
table.summary thead th { background: var(--vscode-editorWidget-background, #f3f3f3); vertical-align: bottom; }
table.summary th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
table.summary th[aria-sort="ascending"] button::after { content: " ▲"; }
table.summary th[aria-sort="descending"] button::after { content: " ▼"; }
table.summary tbody th { font-weight: normal; text-align: left; white-space: nowrap; background: var(--vscode-editor-background, #ffffff); }
/* The file stays in view while a narrow panel scrolls the figures sideways. */
table.summary tbody th, table.summary thead th:first-child { position: sticky; left: 0; z-index: 1; }
table.summary td.text { white-space: nowrap; }
.number { text-align: right; }
a { color: var(--vscode-textLink-foreground, #0066bf); }
:focus-visible { outline: 2px solid var(--vscode-focusBorder, #0078d4); outline-offset: 1px; }
.multiples { display: flex; flex-wrap: wrap; gap: 12px 20px; }
figure.multiple { margin: 0; padding: 6px 8px; border: 1px solid var(--vscode-panel-border, #e5e5e5); border-radius: 3px; }
figcaption { font-weight: 600; max-width: 28em; }
svg text { fill: var(--vscode-editor-foreground, #1f1f1f); font-size: 11px; }
svg .axis { stroke: var(--vscode-descriptionForeground, #616161); }
rect.received { fill: var(--vscode-charts-blue, #1a73e8); }
rect.closed { fill: var(--vscode-charts-orange, #e8710a); }
rect.error { fill: var(--vscode-charts-red, #d93025); }
table.bars th { text-align: left; font-weight: normal; padding: 4px 12px 4px 0; max-width: 36em; }
table.bars td { padding: 4px 8px 4px 0; vertical-align: middle; }
.rule-summary { color: var(--vscode-descriptionForeground, #616161); }
details { margin: 4px 0; }
summary { cursor: pointer; }
ol.findings { margin: 4px 0 8px; padding-left: 2em; }
.sev-error .severity { color: var(--vscode-errorForeground, #a1260d); font-weight: 600; }
.sev-warning .severity { color: var(--vscode-editorWarning-foreground, #7a5b00); font-weight: 600; }
.severity { color: var(--vscode-descriptionForeground, #616161); }
`;

/**
 * Sorting by a header (a button: Tab reaches it, Enter and Space press it); a reading of
 * aria-sort for screen readers. Empty cells sort last either way. In a VS Code webview a finding's
 * link asks the extension to open the file at the finding instead of following file:.
 */
const SORT_SCRIPT = `
(function () {
  var table = document.getElementById('summary-table');
  if (!table) return;
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  headers.forEach(function (th, index) {
    th.querySelector('button').addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      var numeric = th.getAttribute('data-type') === 'number';
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { return row.cells[index].getAttribute('data-sort'); };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x === '' || y === '') return (x === '') - (y === '');
        var d = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (h) { h.setAttribute('aria-sort', h === th ? (ascending ? 'ascending' : 'descending') : 'none'); });
    });
  });
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  if (!vscode) return;
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.finding-link');
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ type: 'open', file: a.getAttribute('data-file'), line: Number(a.getAttribute('data-line')), character: Number(a.getAttribute('data-character')) });
  });
})();
`;
