import type { Report, Span, Table } from '../model';
import { defineRule, type RuleContext } from './types';
import { proseSpans } from './prose-util';
import { loc, statedYear, table, textOf } from './util';

/** 「国办公开办函〔2021〕30号」 in the view (〔〕【】 → [], （） → ()). */
const NOTICE_RE = /国办公开办函[ \t]*[[(][ \t]*(20\d\d)[ \t]*[\])][ \t]*(\d{1,3})[ \t]*号/g;

export default defineRule({
  id: 'format-version',
  defaultSeverity: 'error',
  caseSeverities: ['warning', 'information'],
  spec: ['S09', 'D4'],
  fixable: false,
  doc: {
    summary: {
      zh: '报告使用与报告年度相符的格式：2021年及以后用国办公开办函〔2021〕30号格式，2019、2020年用〔2019〕60号试行格式，且不混用',
      en: 'The report uses the format of its year: 〔2021〕30号 for 2021 and later, the 〔2019〕60号 trial format for 2019–2020, never a mix',
    },
    details: {
      zh: '国办公开办函〔2021〕30号（2021年9月）发布了现行格式，2021年度及以后的报告应当使用；2019、2020年度报告使用国办公开办函〔2019〕60号的试行格式（使用2021年格式也可接受）。两种格式的主要区别在表1：新格式为「本年制发件数/本年废止件数/现行有效件数」「本年处理决定数量」「本年收费金额（单位：万元）」，旧格式为「本年新制作数量」「上一年项目数量」「本年增/减」及第二十条第（九）项「政府集中采购」；表2中新格式的「（六）其他处理」分三行，旧格式只有一行。\n\n规则检查：\n- 2021年及以后的报告中出现旧格式的表格（错误），诊断标在旧格式的表头或行上；\n- 同一报告新旧格式混用，如表1为新格式而表2「（六）其他处理」只有一行（错误）；\n- 2019、2020年度报告使用新格式（提示：可以接受，但请确认报告年度）；\n- 前言引用的格式文件与报告年度不符，如2023年度报告写「根据国办公开办函〔2019〕60号要求」（警告，D4）。\n\n例：2023年度报告的表1写「本年新制作数量 本年新公开数量 对外公开总数量」→ 应改用「本年制发件数 本年废止件数 现行有效件数」。可以用「插入标准表格」命令插入当年格式的空表。',
      en: 'Notice 国办公开办函〔2021〕30号 (September 2021) set the current format, required for reports on 2021 and later; reports on 2019 and 2020 use the trial format of 国办公开办函〔2019〕60号 (the 2021 format is tolerated). They differ mostly in table 1 (new: 本年制发件数/本年废止件数/现行有效件数, 本年处理决定数量, 本年收费金额; old: 本年新制作数量, 上一年项目数量, 本年增/减, item （九） 政府集中采购) and in table 2, where the new （六）其他处理 has three sub-rows and the old one a single row.\n\nThe rule reports:\n- an old-format table in a report on 2021 or later (error), on the old header or row;\n- a mix of both formats, e.g. a new table 1 with a single-row （六）其他处理 in table 2 (error);\n- a report on 2019 or 2020 in the new format (information: tolerated, but check the year);\n- a cited format notice that does not fit the year, e.g. a 2023 report 「根据国办公开办函〔2019〕60号要求」 (warning, D4).\n\nThe insert-table command inserts the blank tables of the right format.',
    },
    examples: [{ bad: '（2023年度报告）\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', good: '信息内容\t本年制发件数\t本年废止件数\t现行有效件数' }],
  },
  check(report, ctx) {
    checkTables(report, ctx);
    checkNotice(report, ctx);
  },
});

const TABLE_NAME = {
  proactive: loc('表1（主动公开）', 'table 1 (proactive disclosure)'),
  requests: loc('表2（收到和处理申请）', 'table 2 (requests)'),
  appeals: loc('表3', 'table 3'),
};

/** The first format marker of `version` inside the table: proof the table follows that template. */
function markerIn(report: Report, t: Table, version: '2021' | '2019'): Span | null {
  if (t.id === 'requests') {
    if (version === '2019') return t.version === '2019' ? (t.rowSpans.get('R21') ?? null) : null;
    return t.version === '2021' ? (t.rowSpans.get('R22') ?? null) : null;
  }
  return report.formatMarkers[version].find((m) => m.start >= t.start && m.end <= t.end) ?? null;
}

function checkTables(report: Report, ctx: RuleContext): void {
  const year = statedYear(report);
  const t1 = table(report, 'proactive');
  const t2 = table(report, 'requests');
  if (year !== null && year >= 2021) {
    for (const t of [t1, t2]) {
      if (!t || t.version !== '2019') continue;
      const at = markerIn(report, t, '2019');
      if (!at) continue;
      ctx.add({
        ...at,
        message: loc(
          `${year}年度报告应使用国办公开办函〔2021〕30号格式，${TABLE_NAME[t.id].zh}却是2019年试行格式（「${textOf(report, at).trim()}」）`,
          `a report on ${year} uses the format of notice 〔2021〕30号, but ${TABLE_NAME[t.id].en} follows the 2019 trial format (“${textOf(report, at).trim()}”)`,
        ),
        related: yearRelated(report, year),
      });
    }
    return;
  }
  // Mixing: a new table 1 with the old single-row （六）其他处理 in table 2.
  if (t1 && t2 && t1.version === '2021' && t2.version === '2019') {
    const new1 = markerIn(report, t1, '2021');
    const old2 = markerIn(report, t2, '2019');
    if (new1 && old2) {
      ctx.add({
        ...old2,
        message: loc(
          '新旧格式混用：表1为2021年格式，表2的「（六）其他处理」却只有一行（2019年试行格式）；2021年格式下应分为三行',
          'formats mixed: table 1 follows the 2021 format, but table 2’s （六）其他处理 is a single row as in the 2019 trial format; the 2021 format has three sub-rows',
        ),
        related: [{ ...new1, message: loc('表1的2021年格式表头', 'table 1’s 2021-format header') }],
      });
      return;
    }
  }
  if (year !== null && year >= 2019 && year <= 2020 && t1 && t1.version === '2021' && (!t2 || t2.version === '2021')) {
    const at = markerIn(report, t1, '2021');
    if (!at) return;
    ctx.add({
      ...at,
      severity: 'information',
      message: loc(
        `${year}年度报告通常使用国办公开办函〔2019〕60号试行格式；本报告使用2021年格式（可以接受），请确认报告年度是否为${year}年`,
        `reports on ${year} normally use the 2019 trial format; this one uses the 2021 format (tolerated) — check that the reporting year really is ${year}`,
      ),
      related: yearRelated(report, year),
    });
  }
}

function checkNotice(report: Report, ctx: RuleContext): void {
  const year = statedYear(report);
  if (year === null || year < 2019) return;
  const { view } = report.source;
  const cited: { span: Span; id: string }[] = [];
  for (const region of proseSpans(report)) {
    NOTICE_RE.lastIndex = 0;
    for (const m of view.slice(region.start, region.end).matchAll(NOTICE_RE)) {
      const id = `${m[1]}-${Number(m[2])}`;
      if (id === '2021-30' || id === '2019-60') cited.push({ span: { start: region.start + m.index!, end: region.start + m.index! + m[0].length }, id });
    }
  }
  const want = year >= 2021 ? '2021-30' : '2019-60';
  if (cited.length === 0 || cited.some((c) => c.id === want)) return;
  const wrong = cited[0];
  const found = textOf(report, wrong.span);
  if (year >= 2021) {
    ctx.add({
      ...wrong.span,
      severity: 'warning',
      message: loc(
        `${year}年度报告应依据国办公开办函〔2021〕30号编制，此处引用的「${found}」是2019、2020年度报告适用的试行格式通知`,
        `a report on ${year} follows notice 国办公开办函〔2021〕30号; “${found}” is the trial-format notice for 2019 and 2020 reports`,
      ),
      related: yearRelated(report, year),
    });
  } else {
    ctx.add({
      ...wrong.span,
      severity: 'information',
      message: loc(
        `${year}年度报告适用国办公开办函〔2019〕60号试行格式，「${found}」于2021年9月发布；请确认报告年度`,
        `reports on ${year} follow the trial format of notice 〔2019〕60号; “${found}” appeared in September 2021 — check the reporting year`,
      ),
      related: yearRelated(report, year),
    });
  }
}

function yearRelated(report: Report, year: number) {
  if (report.title?.year === year) return [{ start: report.title.start, end: report.title.end, message: loc(`报告年度：${year}年`, `reporting year: ${year}`) }];
  if (report.statisticsPeriod) return [{ start: report.statisticsPeriod.start, end: report.statisticsPeriod.end, message: loc(`报告年度：${year}年`, `reporting year: ${year}`) }];
  return [];
}
