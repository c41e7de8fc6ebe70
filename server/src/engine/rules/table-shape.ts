import type { Report, ShapeProblem, Table } from '../model';
import { TABLE_NAMES } from '../templates';
import { defineRule, type RuleContext } from './types';
import { lineNo, loc } from './util';

/** Problems that leave cells unread (errors), and notes on a table that was still read. */
const UNREAD: ReadonlySet<ShapeProblem['kind']> = new Set(['too-few-cells', 'too-many-cells', 'missing-row', 'unknown-row', 'missing-header']);

export default defineRule({
  id: 'table-shape',
  defaultSeverity: 'error',
  caseSeverities: ['warning', 'information'],
  spec: ['S06', 'S07', 'S08', 'V2'],
  fixable: false,
  doc: {
    summary: { zh: '统计表的行、列与模板一致，每行的单元格数量正确', en: 'Tables have the template’s rows and columns, with the right number of cells per row' },
    details: {
      zh: '表格按模板读取：先找每一行的行标签，再读其后的数值。某行的数值多于或少于模板的列数、缺少某一行、出现模板以外的行，或单元格错位时，本规则指出该表。\n\n每张表只报告一次：读不出的各行列在消息中，并作为相关位置给出。无法确定哪一格缺失或多出时不作猜测，这些行不参与合计核对（以免误报）；已读出的单元格照常核对、照常导出。数字连在一起（如「4000004」）而拆分方式唯一时，按唯一拆分读取，并在同一张表的提示中说明；错位但已按行标签读出的行同样合并为一条提示。',
      en: 'Tables are read by the template: each row label first, then its values. A row with more or fewer values than the template’s columns, a missing row, a row not in the template, or a misaligned row is reported here.\n\nEach table is reported once: the rows that could not be read are listed in the message and given as related locations. When it cannot be told which cell is missing or extra, nothing is guessed and those rows are left out of the arithmetic checks (so they raise no false alarms); the cells that were read are still checked and exported. Digits run together (「4000004」) are read only when the split is unique, and misaligned rows read by their label are noted, both folded into one note per table.',
    },
  },
  check(report, ctx) {
    for (const t of report.tables) {
      const unread = t.shapeProblems.filter((p) => UNREAD.has(p.kind));
      const notes = t.shapeProblems.filter((p) => !UNREAD.has(p.kind));
      if (unread.length > 0) reportUnread(report, t, unread, ctx);
      // Notes of one severity (misaligned rows are warnings, run-together digits information) fold into one.
      for (const severity of ['warning', 'information'] as const) {
        const group = notes.filter((p) => (p.severity ?? 'information') === severity);
        if (group.length > 0) reportNotes(t, group, severity, ctx);
      }
    }
  },
});

function rowName(p: ShapeProblem, report: Report): string {
  return p.rowLabel ? `「${p.rowLabel}」` : `第${lineNo(report, p.start)}行`;
}

function rowNameEn(p: ShapeProblem, report: Report): string {
  return p.rowLabel ? `“${p.rowLabel}”` : `line ${lineNo(report, p.start)}`;
}

function reportUnread(report: Report, t: Table, problems: ShapeProblem[], ctx: RuleContext): void {
  const name = TABLE_NAMES[t.id];
  const first = problems[0];
  if (problems.length === 1) {
    ctx.add({
      start: first.start,
      end: first.end,
      message: first.detail,
      related: first.related,
      data: { table: t.id, reading: t.reading, rows: problems.map((p) => p.row ?? ''), problems: problems.map(shapeData) },
    });
    return;
  }
  const listed = problems.slice(0, 6);
  const more = problems.length - listed.length;
  const zhRows = listed.map((p) => rowName(p, report)).join('、') + (more > 0 ? ` 等 ${problems.length} 处` : '');
  const enRows = listed.map((p) => rowNameEn(p, report)).join(', ') + (more > 0 ? ` and ${more} more` : '');
  const read = t.reading === 'partial' ? loc('；已读出的单元格照常核对', '; the cells that were read are still checked') : loc('', '');
  ctx.add({
    start: first.start,
    end: first.end,
    message: loc(
      `「${name.zh}」有 ${problems.length} 处无法按模板读取：${zhRows}；这些行不参与合计核对${read.zh}。第一处：${first.detail.zh}`,
      `the “${name.en}” table has ${problems.length} places that cannot be read by the template: ${enRows}; those rows are left out of the arithmetic checks${read.en}. First: ${first.detail.en}`,
    ),
    related: problems.slice(1).map((p) => ({ start: p.start, end: p.end, message: p.detail })),
    data: { table: t.id, reading: t.reading, rows: problems.map((p) => p.row ?? ''), problems: problems.map(shapeData) },
  });
}

function reportNotes(t: Table, problems: ShapeProblem[], severity: 'warning' | 'information', ctx: RuleContext): void {
  const first = problems[0];
  const name = TABLE_NAMES[t.id];
  const message =
    problems.length === 1
      ? first.detail
      : loc(
          `「${name.zh}」有 ${problems.length} 处提示（已读出）：${first.detail.zh}；其余见相关位置`,
          `the “${name.en}” table has ${problems.length} notes (read anyway): ${first.detail.en}; the others are related locations`,
        );
  ctx.add({
    start: first.start,
    end: first.end,
    severity,
    message,
    related: [...(first.related ?? []), ...problems.slice(1).map((p) => ({ start: p.start, end: p.end, message: p.detail }))],
    data: { table: t.id, reading: t.reading, rows: problems.map((p) => p.row ?? ''), problems: problems.map(shapeData) },
  });
}

function shapeData(p: ShapeProblem): Record<string, unknown> {
  return { kind: p.kind, row: p.row ?? null, found: p.found ?? null, expected: p.expected ?? null };
}
