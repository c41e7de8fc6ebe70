import type { DateValue, Report, Span, TextEdit } from '../model';
import { DATE_RE, formatDate, isValidDate } from '../read/meta';
import { letterVerdict } from './letter';
import { defineRule, type RuleContext } from './types';
import { loc } from './util';

/** 「12月31日」 with an optional year: the end of a period. */
const END_DATE_RE = /(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日/;
/** A period named by its year only: 「统计期限为2023年度」「统计数据为2023年全年」. */
const YEAR_ONLY_RE = /统计(?:期限|时限|周期|数据|时间|区间|范围)[^。\r\n\d]{0,10}(\d{4})[ \t]*年(?:度|全年|1-12月)?/;

export default defineRule({
  id: 'statistics-period',
  defaultSeverity: 'error',
  caseSeverities: ['warning'],
  spec: ['S12', 'D1'],
  fixable: true,
  doc: {
    summary: {
      zh: '前言写明统计期限，且为报告年度的1月1日至12月31日',
      en: 'The preamble states the statistics period, and it is 1 January to 31 December of the reporting year',
    },
    details: {
      zh: '年度报告的数据以报告年度为口径，「各项数据核定时间点为报告年度的12月31日」（国办公开办函〔2021〕30号）。按通行做法，前言应写明「本报告所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止」，读者据此判断表格数据的口径。\n\n- 前言找不到统计期限时给出警告（S12），诊断标在标题上。\n- 统计期限的年份与标题年份不一致，或起止日期不是1月1日、12月31日（如「自2023年1月1日至2023年11月30日」），为错误（D1）；常见原因是沿用了往年报告。修复把写错的年份或日期改为报告年度的日期。\n\n例：标题为「某局2023年政府信息公开工作年度报告」，前言写「统计期限自2022年1月1日起至2022年12月31日止」→ 应为2023年。发布的是报送上级的函件而不是报告时（见 `cover-letter`），不要求写明统计期限。',
      en: 'The report’s figures cover the reporting year: 「各项数据核定时间点为报告年度的12月31日」 (notice 〔2021〕30号). By common practice the preamble says 「本报告所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止」, which tells readers what the tables cover.\n\n- No statistics period in the preamble is a warning (S12), flagged on the title.\n- A period whose year differs from the title’s, or that does not run from 1 January to 31 December (e.g. 「自2023年1月1日至2023年11月30日」), is an error (D1), usually text copied from an earlier report. The fix changes the wrong year or date to the reporting year’s.\n\nExample: title 「某局2023年政府信息公开工作年度报告」 with 「统计期限自2022年1月1日起至2022年12月31日止」 should say 2023. A letter to a superior published instead of the report (see `cover-letter`) is not asked for one.',
    },
    examples: [
      {
        bad: '某局2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
        good: '某局2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      },
    ],
  },
  check(report, ctx) {
    const { text } = report.source;
    if (text.trim().length === 0) return;
    const period = report.statisticsPeriod;
    if (!period) {
      // A letter published instead of the report (cover-letter) states no period of its own.
      if (!letterVerdict(report).isLetter) missing(report, ctx);
      return;
    }
    // Compare with the title's year; without one, report.year came from the period itself.
    const year = report.title?.year ?? report.year;
    const dates = dateSpans(report, period);
    if (period.from && dates.from) {
      // A single date (「统计数据截至2023年12月31日」) may be either end: only its year is checked.
      if (period.to) checkDate(report, ctx, period.from, dates.from, year, 1, 1, true);
      else checkDate(report, ctx, period.from, dates.from, year, period.from.month, period.from.day, true);
    }
    if (period.to && dates.to) checkDate(report, ctx, period.to, dates.to.span, year, 12, 31, dates.to.hasYear);
  },
});

function missing(report: Report, ctx: RuleContext): void {
  if (report.sections.length === 0 && !report.title) return; // not recognisably a report
  const s2 = report.sections.find((s) => s.number === 2);
  const region = report.source.view.slice(0, s2 ? s2.lineStart : Math.min(report.source.view.length, 6000));
  const yearOnly = YEAR_ONLY_RE.exec(region);
  const year = report.title?.year ?? report.year;
  if (yearOnly) {
    const y = Number(yearOnly[1]);
    if (year === null || y === year) return; // 「统计期限为2023年度」: stated, if not day by day
    const at = yearOnly.index + yearOnly[0].lastIndexOf(yearOnly[1]);
    ctx.add({
      start: at,
      end: at + 4,
      message: loc(`统计期限的年份${y}与报告年度${year}不一致`, `the statistics period’s year ${y} differs from the reporting year ${year}`),
      related: titleRelated(report, year),
      fix: { title: loc(`改为${year}`, `Change to ${year}`), edits: [{ start: at, end: at + 4, newText: String(year), expected: report.source.text.slice(at, at + 4) }] },
    });
    return;
  }
  // On the title line the preamble would follow (the last line of a title split over two).
  const titleLine = report.title?.parts[report.title.parts.length - 1];
  const at: Span = titleLine ? { start: titleLine.start, end: titleLine.end } : firstContent(report);
  const y = year ?? 'YYYY';
  ctx.add({
    ...at,
    severity: 'warning',
    message: loc(
      `前言中未写明统计期限（如「本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止」）`,
      `the preamble does not state the statistics period (e.g. 「本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止」)`,
    ),
  });
}

function firstContent(report: Report): Span {
  const { view } = report.source;
  const m = /\S/.exec(view);
  if (!m) return { start: 0, end: 0 };
  const line = report.source.lines.line(report.source.lines.lineAt(m.index));
  return { start: m.index, end: line.end };
}

function titleRelated(report: Report, year: number) {
  return report.title?.year === year ? [{ start: report.title.start, end: report.title.end, message: loc(`标题年份：${year}年`, `title year: ${year}`) }] : [];
}

/** Where the period's two dates are written (the parser gives only the whole span). */
function dateSpans(report: Report, period: Span): { from: Span | null; to: { span: Span; hasYear: boolean } | null } {
  const region = report.source.view.slice(period.start, period.end);
  const re = new RegExp(DATE_RE.source);
  const first = re.exec(region);
  if (!first) return { from: null, to: null };
  const from = { start: period.start + first.index, end: period.start + first.index + first[0].length };
  const restAt = first.index + first[0].length;
  const second = END_DATE_RE.exec(region.slice(restAt));
  const to = second
    ? { span: { start: period.start + restAt + second.index, end: period.start + restAt + second.index + second[0].length }, hasYear: second[1] !== undefined }
    : null;
  return { from, to };
}

function checkDate(report: Report, ctx: RuleContext, d: DateValue, span: Span, year: number | null, month: number, day: number, hasYear: boolean): void {
  const { text, view } = report.source;
  const which = month === 1 ? loc('起始日期', 'start') : loc('截止日期', 'end');
  if (!isValidDate(d)) {
    ctx.add({ ...span, message: loc(`统计期限的${which.zh}「${text.slice(span.start, span.end)}」不是有效日期`, `the statistics period’s ${which.en} date “${text.slice(span.start, span.end)}” does not exist`) });
    return;
  }
  const wantYear = year ?? d.year;
  const yearWrong = hasYear && d.year !== wantYear;
  const dayWrong = d.month !== month || d.day !== day;
  if (!yearWrong && !dayWrong) return;
  const want: DateValue = { year: wantYear, month, day };
  const found = text.slice(span.start, span.end);
  let edit: TextEdit;
  if (yearWrong && !dayWrong) {
    // Only the four digits of the year change.
    const y = /\d{4}/.exec(view.slice(span.start, span.end))!;
    const at = span.start + y.index;
    edit = { start: at, end: at + 4, newText: String(wantYear), expected: text.slice(at, at + 4) };
  } else {
    edit = { ...span, newText: hasYear ? formatDate(want) : `${month}月${day}日`, expected: found };
  }
  const shown = hasYear ? formatDate(want) : `${month}月${day}日`;
  const message =
    yearWrong && !dayWrong
      ? loc(`统计期限的${which.zh}「${found}」与报告年度${wantYear}年不一致，应为${shown}`, `the statistics period’s ${which.en} “${found}” is not in the reporting year ${wantYear}; expected ${wantYear}-${month}-${day}`)
      : loc(`统计期限的${which.zh}应为${shown}，实为「${found}」`, `the statistics period should ${month === 1 ? 'start on' : 'end on'} ${wantYear}-${month}-${day}; found “${found}”`);
  ctx.add({
    ...span,
    message,
    related: yearWrong && year !== null ? titleRelated(report, year) : [],
    fix: { title: loc(`改为「${edit.newText}」`, `Change to “${edit.newText}”`), edits: [edit] },
  });
}
