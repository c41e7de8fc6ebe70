import type { Span } from '../model';
import { defineRule } from './types';
import { loc, readsAsReport } from './util';

export default defineRule({
  id: 'not-a-report',
  defaultSeverity: 'error',
  spec: [],
  fixable: false,
  doc: {
    summary: { zh: '文件有年度报告的内容（不是空文件，也不是别的文件）', en: 'The file holds a report (it is not empty and not some other text)' },
    details: {
      zh: '空文件、只有空白字符的文件，以及既没有标题、也没有六个部分的标题和标准统计表的文件，都不是年度报告。检查一个文件夹时，这类文件（转换失败留下的空文件、误放的说明文件）得到一条提示，而不是六条「缺少第…部分」。\n\n只要文件有标题、任一部分的标题或任一张标准表格，它就按年度报告检查，缺少的部分由 missing-section 等规则逐一指出。',
      en: 'An empty file, a file of white space only, and a file with no title, none of the six section headings and no standard table is not a report. When a folder is checked, such a file (an empty file left by a failed conversion, a stray readme) gets this one finding instead of six “section missing” ones.\n\nAs soon as the file has a title, any section heading or any standard table, it is checked as a report, and what is missing is listed by missing-section and the other rules.',
    },
  },
  check(report, ctx) {
    if (readsAsReport(report)) return;
    const { text, view, lines } = report.source;
    if (text.length === 0) {
      ctx.add({ start: 0, end: 0, data: { reason: 'empty' }, message: loc('文件为空，没有可检查的内容', 'the file is empty: there is nothing to check') });
      return;
    }
    if (view.trim().length === 0) {
      ctx.add({
        start: 0,
        end: 0,
        data: { reason: 'blank' },
        message: loc('文件只有空白字符，没有可检查的内容', 'the file holds only white space: there is nothing to check'),
      });
      return;
    }
    ctx.add({
      ...firstWrittenLine(view, lines.count, (i) => lines.line(i)),
      data: { reason: 'no-report-structure' },
      message: loc(
        '这不像政府信息公开工作年度报告：没有标题，没有六个部分的标题，也没有标准统计表',
        'this does not read like a government information-disclosure annual report: no title, none of the six section headings, no standard table',
      ),
    });
  },
});

/** The first line with something on it, without its surrounding white space. */
function firstWrittenLine(view: string, count: number, line: (i: number) => Span): Span {
  for (let i = 0; i < count; i++) {
    const { start, end } = line(i);
    const content = view.slice(start, end);
    const trimmed = content.trim();
    if (trimmed.length === 0) continue;
    const from = start + content.indexOf(trimmed);
    return { start: from, end: from + trimmed.length };
  }
  return { start: 0, end: 0 };
}
