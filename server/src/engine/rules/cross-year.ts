// cross-year (spec X1–X3): figures that carry over from last year's report of the same body.
// Needs `peers.previous` (desk/peers.ts); checked alone, a report gets nothing from this rule.

import type { Cell, FormatVersion, Report, Table } from '../model';
import { cellId, factsOf, type CellFact } from '../desk/facts';
import { relatedElsewhere, type PeerReport } from '../desk/peers';
import { cellTitle, REQUEST_COLUMN_EN } from '../schema/labels';
import { REQUEST_COLUMN_IDS, REQUEST_COLUMNS } from '../schema/tables';
import { defineRule, type RuleContext } from './types';
import { loc, table } from './util';

/** Table 1 （一） in one format: its rows, the stock of documents, what came in this year, what went out. */
interface DocumentColumns {
  rows: readonly [string, string];
  stock: string;
  added: string;
  /** The 2019 format counts no repealed documents. */
  removed: string | null;
}
const DOCUMENT_STOCK: Record<FormatVersion, DocumentColumns> = {
  '2021': { rows: ['规章', '行政规范性文件'], stock: '现行有效件数', added: '本年制发件数', removed: '本年废止件数' },
  '2019': { rows: ['规章', '规范性文件'], stock: '对外公开总数量', added: '本年新公开数量', removed: null },
};
const ITEM_ONE = '第二十条第（一）项';
/** Old-format items whose 上一年项目数量 is last year's 上一年项目数量 + 本年增/减. */
const CARRIED_ITEMS = ['第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'];

export default defineRule({
  id: 'cross-year',
  defaultSeverity: 'warning',
  // X1 is an error (spec §4.5): a carried-over figure either matches last year's or one report is wrong.
  caseSeverities: ['error', 'information'],
  spec: ['X1', 'X2', 'X3'],
  fixable: false,
  doc: {
    summary: {
      zh: '与上年报告衔接：上年结转等于上年的结转下年度，现行有效件数逐年滚动',
      en: 'Figures carried over from last year’s report agree with it',
    },
    details: {
      zh:
        '把本报告与同一机关上一年度的报告对照（按标题中的机关名称配对，简称与全称视为同一机关，也可在配置文件 `organs` 中指定），检查跨年度应当衔接的数字：\n\n' +
        '- **X1**：申请情况表「二、上年结转政府信息公开申请数量」逐列等于上年报告「四、结转下年度继续办理」的同一列；\n' +
        '- **X2**：主动公开表第二十条第（一）项，「现行有效件数」= 上年报告的现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件两行）。跨越 2019 年格式与 2021 年格式时，2019 年格式的「规范性文件 · 对外公开总数量」对应 2021 年格式的「行政规范性文件 · 现行有效件数」，「本年新公开数量」对应「本年制发件数」（2019 年格式没有废止件数）；\n' +
        '- **X3**：两年都用 2019 年格式时，第二十条第（五）（六）（八）项的「上一年项目数量」= 上年报告的上一年项目数量 + 上年报告的本年增/减。\n\n' +
        'X1 不相符是错误（两份报告必有一份填错），X2、X3 是警告（跨格式对照和增减口径可能另有说明）。诊断标在本报告的单元格上，上年报告中的单元格作为相关位置（文件和行列）给出。检查不提供修复：两份报告哪一份填错无从判断，可能是本年的数字错，也可能是上年的报告错了，需要核对原始台账。\n\n' +
        '同一机关同一年度有两份报告（重复发布、草稿与定稿并存）时，以文件名排在前面的一份作为下一年度对照的上年报告，并在每一份的标题上提示（信息）。没有任何部分标题的文件（文件夹中的说明文件、报告清单、单独的报送函）即使提到某份报告的名称，也不算任何机关的报告，不参与配对。单独检查一份报告、找不到上年报告或某格没有读出数字时，本规则不报告。',
      en:
        'Compares the report with the same body’s report of the year before (paired by the organ name in the title, short and full forms counting as one body, or as the config file’s `organs` say) and checks the figures that carry over:\n\n' +
        '- **X1**: requests table, row 二 (carried over from last year) equals last year’s row 四 (carried over to next year), column by column;\n' +
        '- **X2**: proactive table, item （一）: documents in force = last year’s documents in force + issued this year − repealed this year (rows 规章 and 行政规范性文件). Across the change from the 2019 to the 2021 format, the 2019 format’s 「规范性文件 · 对外公开总数量」 stands for 「行政规范性文件 · 现行有效件数」 and 「本年新公开数量」 for 「本年制发件数」 (the 2019 format has no repealed count);\n' +
        '- **X3**: when both years use the 2019 format, items （五）（六）（八）: 上一年项目数量 = last year’s 上一年项目数量 + last year’s 本年增/减.\n\n' +
        'An X1 mismatch is an error (one of the two reports is wrong); X2 and X3 are warnings (across formats, and with documents counted differently, a report may explain the difference). The finding sits on this year’s cell, with last year’s cell as related information (file and position). There is no fix: which of the two reports is wrong cannot be told from them; this year’s figure or last year’s report may be the one in error.\n\n' +
        'When a folder holds two reports of one body and year (a re-published copy, a draft beside the final text), the one whose file name sorts first is compared with next year’s report, and each of them says so on its title (information). A file with none of the section headings (a readme, a list of reports, a cover letter on its own) is no body’s report, even when it names one, and is not paired. Checked alone, without last year’s report, or where a cell holds no number, the rule reports nothing.',
    },
    examples: [{ bad: '2023 年：二、上年结转 · 自然人 3（2022 年报告：四、结转下年度继续办理 · 自然人 2）', good: '2023 年：二、上年结转 · 自然人 2' }],
  },
  check(report, ctx) {
    const peers = ctx.peers;
    if (!peers) return;
    if (peers.sameYear && peers.sameYear.length > 0) sameYearNotice(report, peers.sameYear, ctx);
    const previous = peers.previous;
    if (!previous || report.year === null || previous.facts.year !== report.year - 1) return;
    // Only the cells the checks below look up (四、结转下年度 and table 1): hashing every id of
    // last year's report cost more than the checks themselves.
    const before = new Map<string, CellFact>();
    for (const c of previous.facts.cells) if (c.id.startsWith('proactive/') || c.id.startsWith('requests/R25/')) before.set(c.id, c);
    carryOver(report, previous, before, ctx);
    documentStock(report, previous, before, ctx);
    itemCounts(report, previous, before, ctx);
  },
});

/** X1: 二、上年结转 (R2) = last year's 四、结转下年度继续办理 (R25), per column. */
function carryOver(report: Report, previous: PeerReport, before: Map<string, CellFact>, ctx: RuleContext): void {
  const requests = table(report, 'requests');
  if (!requests) return;
  REQUEST_COLUMN_IDS.forEach((column, i) => {
    const now = numberCell(requests, 'R2', column);
    const then = before.get(`requests/R25/${column}`);
    if (!now || !then || then.value === null || now.value === then.value) return;
    const zhColumn = REQUEST_COLUMNS[i];
    const enColumn = REQUEST_COLUMN_EN[column];
    ctx.add({
      start: now.start,
      end: now.end,
      severity: 'error',
      message: loc(
        `上年结转应等于上年报告的结转下年度：${zhColumn} ${now.value} ≠ 上年 ${then.value}（${previous.facts.year}年报告「四、结转下年度继续办理」）`,
        `carried over from last year should equal last year’s carried over to next year: ${enColumn} ${now.value} ≠ ${then.value} in the ${previous.facts.year} report`,
      ),
      related: [
        relatedElsewhere(previous, then, loc(`上年报告「四、结转下年度继续办理 · ${zhColumn}」：${then.value}`, `last year’s carried over to next year, ${enColumn}: ${then.value}`)),
      ],
      data: { check: 'X1', cells: [cellId(now)], expected: then.value, actual: now.value, previousFile: previous.file, previousCells: [then.id] },
    });
  });
}

/** X2: the stock of 规章 / 行政规范性文件 rolls forward: last year's stock + added − removed. */
function documentStock(report: Report, previous: PeerReport, before: Map<string, CellFact>, ctx: RuleContext): void {
  const proactive = table(report, 'proactive');
  const lastVersion = previous.facts.formatVersion;
  if (!proactive || !lastVersion) return;
  const now = DOCUMENT_STOCK[proactive.version];
  const then = DOCUMENT_STOCK[lastVersion];
  const acrossFormats = proactive.version !== lastVersion;
  now.rows.forEach((row, i) => {
    const stock = numberCell(proactive, row, now.stock, ITEM_ONE);
    const added = numberCell(proactive, row, now.added, ITEM_ONE);
    const removed = now.removed ? numberCell(proactive, row, now.removed, ITEM_ONE) : null;
    const lastStock = before.get(`proactive/${ITEM_ONE}/${then.rows[i]}/${then.stock}`);
    if (!stock || !added || removed === undefined || !lastStock || lastStock.value === null) return;
    const expected = lastStock.value + added.value! - (removed?.value ?? 0);
    if (expected === stock.value) return;
    const lastName = acrossFormats ? `${previous.facts.year}年报告（${lastVersion}年格式）的「${then.rows[i]} · ${then.stock}」` : `上年报告的${then.stock}`;
    const lastNameEn = acrossFormats ? `the ${previous.facts.year} report’s (${lastVersion} format) ${then.rows[i]} · ${then.stock}` : `last year’s ${then.stock}`;
    const sumZh = removed ? `${lastStock.value} + ${added.value} − ${removed.value} = ${expected}` : `${lastStock.value} + ${added.value} = ${expected}`;
    const termsZh = removed ? `${lastName} + ${now.added} − ${now.removed}` : `${lastName} + ${now.added}`;
    const termsEn = removed ? `${lastNameEn} + ${now.added} − ${now.removed}` : `${lastNameEn} + ${now.added}`;
    ctx.add({
      start: stock.start,
      end: stock.end,
      message: loc(`「${row}」${now.stock}应为${termsZh}：${sumZh}，实为 ${stock.value}`, `${row} ${now.stock} should be ${termsEn}: ${sumZh}, but is ${stock.value}`),
      related: [
        relatedElsewhere(previous, lastStock, loc(`上年报告「${then.rows[i]} · ${then.stock}」：${lastStock.value}`, `last year’s ${then.rows[i]} · ${then.stock}: ${lastStock.value}`)),
        localRelated(proactive, added),
        ...(removed ? [localRelated(proactive, removed)] : []),
      ],
      data: {
        check: 'X2',
        cells: [stock, added, ...(removed ? [removed] : [])].map(cellId),
        expected,
        actual: stock.value,
        previousFile: previous.file,
        previousCells: [lastStock.id],
      },
    });
  });
}

/** X3 (both years in the 2019 format): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
function itemCounts(report: Report, previous: PeerReport, before: Map<string, CellFact>, ctx: RuleContext): void {
  const proactive = table(report, 'proactive');
  if (!proactive || proactive.version !== '2019' || previous.facts.formatVersion !== '2019') return;
  for (const now of proactive.cells) {
    if (now.column !== '上一年项目数量' || now.value === null || !now.item || !CARRIED_ITEMS.includes(now.item)) continue;
    const lastCount = before.get(`proactive/${now.item}/${now.row}/上一年项目数量`);
    const lastChange = before.get(`proactive/${now.item}/${now.row}/本年增/减`);
    if (!lastCount || !lastChange || lastCount.value === null || lastChange.value === null) continue;
    const expected = lastCount.value + lastChange.value;
    if (expected === now.value) continue;
    const sum = `${lastCount.value} ${lastChange.value < 0 ? '−' : '+'} ${Math.abs(lastChange.value)} = ${expected}`;
    ctx.add({
      start: now.start,
      end: now.end,
      message: loc(
        `「${now.row}」上一年项目数量应为上年报告的上一年项目数量 + 本年增/减：${sum}，实为 ${now.value}`,
        `${now.row} 上一年项目数量 (items at the end of last year) should be last year’s 上一年项目数量 + 本年增/减: ${sum}, but is ${now.value}`,
      ),
      related: [
        relatedElsewhere(previous, lastCount, loc(`上年报告「${now.row} · 上一年项目数量」：${lastCount.value}`, `last year’s ${now.row} · 上一年项目数量: ${lastCount.value}`)),
        relatedElsewhere(previous, lastChange, loc(`上年报告「${now.row} · 本年增/减」：${lastChange.value}`, `last year’s ${now.row} · 本年增/减: ${lastChange.value}`)),
      ],
      data: { check: 'X3', cells: [cellId(now)], expected, actual: now.value, previousFile: previous.file, previousCells: [lastCount.id, lastChange.id] },
    });
  }
}

/** Two reports of one body and year: which one next year's report is compared with. */
function sameYearNotice(report: Report, others: readonly { file: string }[], ctx: RuleContext): void {
  const at = report.title ?? report.sections[0]?.heading;
  if (!at) return;
  const own = factsOf(report);
  const files = others.map((o) => o.file);
  ctx.add({
    start: at.start,
    end: at.end,
    severity: 'information',
    message: loc(
      `同一机关（${own.organ ?? '？'}）${report.year ?? ''}年还有另一份报告：${files.join('、')}；与下一年度报告对照时取文件名排在前面的一份`,
      `another report of the same body (${own.organ ?? '?'}) for ${report.year ?? 'this year'}: ${files.join(', ')}; next year’s report is compared with the one whose file name sorts first`,
    ),
    data: { check: 'same-year', sameYearFiles: files },
  });
}

function numberCell(t: Table, row: string, column: string, item?: string): (Cell & { value: number }) | undefined {
  const c = t.cells.find((x) => x.row === row && x.column === column && (item === undefined || x.item === item));
  return c && c.value !== null ? (c as Cell & { value: number }) : undefined;
}

function localRelated(t: Table, c: Cell): { start: number; end: number; message: { zh: string; en: string } } {
  return { start: c.start, end: c.end, message: loc(`${cellTitle(t, c, 'zh')}：${c.value}`, `${cellTitle(t, c, 'en')}: ${c.value}`) };
}
