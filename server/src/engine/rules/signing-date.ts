import { compareDates, formatDate, isValidDate } from '../read/meta';
import { defineRule } from './types';
import { loc, statedYear } from './util';

export default defineRule({
  id: 'signing-date',
  defaultSeverity: 'error',
  spec: ['D2'],
  fixable: false,
  doc: {
    summary: { zh: '落款（发布）日期在报告年度结束之后，且是真实存在的日期', en: 'The signing (publication) date falls after the end of the reporting year and is a real date' },
    details: {
      zh: '年度报告总结的是上一年度的工作，只能在报告年度结束后成文和公布（条例第四十九条）。落款日期写在报告年度之内（如 2020 年度报告落款「2020年1月26日」），几乎总是把年份写错了（应为次年），或沿用了往年报告的落款。\n\n规则读取文末单独成行的日期（「2024年1月20日」「二〇二四年一月二十日」「2024-01-20」），没有时读取「发布日期：」「公开时间：」等字样后的日期；没有落款日期时不作判断。写错的年份只有起草人能确认，因此不提供自动修复。',
      en: 'An annual report covers the previous year, so it can only be written and published after that year has ended (article 49 of the Regulations). A signing date inside the reporting year (a 2020 report signed 「2020年1月26日」) almost always has the wrong year (the next year was meant) or was copied from an earlier report.\n\nThe rule reads the date standing alone on one of the last lines (「2024年1月20日」, 「二〇二四年一月二十日」, 「2024-01-20」), or else a date after 「发布日期：」/「公开时间：」; without a date it says nothing. Only the author can confirm the right year, so there is no automatic fix.',
    },
    examples: [{ bad: '某市某局\n2023年1月26日   （2023 年度报告）', good: '某市某局\n2024年1月26日' }],
  },
  check(report, ctx) {
    const signed = report.signingDate;
    const year = statedYear(report);
    if (!signed) return;
    const d = signed.date;
    const shown = formatDate(d);
    if (!isValidDate(d)) {
      ctx.add({
        start: signed.start,
        end: signed.end,
        message: loc(`落款日期「${shown}」不是有效日期`, `the signing date ${d.year}-${d.month}-${d.day} does not exist`),
      });
      return;
    }
    if (year === null) return;
    const yearEnd = { year, month: 12, day: 31 };
    if (compareDates(d, yearEnd) > 0) return;
    const likely = d.year === year ? `；可能应为${formatDate({ ...d, year: year + 1 })}` : '';
    const likelyEn = d.year === year ? `; ${year + 1}-${d.month}-${d.day} was probably meant` : '';
    ctx.add({
      start: signed.start,
      end: signed.end,
      message: loc(
        `落款日期${shown}不晚于报告年度（${year}年）的最后一天，年度报告应在${year + 1}年成文公布${likely}`,
        `the signing date ${d.year}-${d.month}-${d.day} is not after the end of the reporting year ${year}; the report is written and published in ${year + 1}${likelyEn}`,
      ),
      related: report.title?.year === year
        ? [{ start: report.title.start, end: report.title.end, message: loc(`报告年度：${year}年`, `reporting year: ${year}`) }]
        : report.statisticsPeriod
          ? [{ start: report.statisticsPeriod.start, end: report.statisticsPeriod.end, message: loc(`报告年度：${year}年`, `reporting year: ${year}`) }]
          : [],
    });
  },
});
