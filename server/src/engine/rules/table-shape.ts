import type { ShapeProblem } from '../model';
import { defineRule } from './types';
import { lineNo, loc } from './util';

export default defineRule({
  id: 'table-shape',
  defaultSeverity: 'error',
  caseSeverities: ['warning', 'information'],
  spec: ['S06', 'S07', 'S08', 'V2'],
  fixable: false,
  doc: {
    summary: { zh: '统计表的行、列与模板一致，每行的单元格数量正确', en: 'Tables have the template’s rows and columns, with the right number of cells per row' },
    details: {
      zh: '表格按模板读取：先找每一行的行标签，再读其后的数值。某行的数值多于或少于模板的列数、缺少某一行、出现模板以外的行，或单元格错位时，本规则指出该行。\n\n无法确定哪一格缺失或多出时不作猜测，该行不参与合计核对（以免误报）。数字连在一起（如「4000004」）而拆分方式唯一时，按唯一拆分读取并给出提示。',
      en: 'Tables are read by the template: each row label first, then its values. A row with more or fewer values than the template’s columns, a missing row, a row not in the template, or a misaligned row is reported here.\n\nWhen it cannot be told which cell is missing or extra, nothing is guessed and the row is left out of the arithmetic checks (so they raise no false alarms). Digits run together (「4000004」) are read only when the split is unique, with an information.',
    },
  },
  check(report, ctx) {
    for (const t of report.tables) {
      // Consecutive rows with the same defect are one finding (a PDF column lost across a whole block).
      const groups: ShapeProblem[][] = [];
      for (const p of t.shapeProblems) {
        const last = groups[groups.length - 1];
        const prev = last?.[last.length - 1];
        const sameKind = prev && prev.kind === p.kind && (p.kind === 'too-few-cells' || p.kind === 'too-many-cells') && prev.detail.zh.match(/\d+ 个数值/)?.[0] === p.detail.zh.match(/\d+ 个数值/)?.[0];
        if (sameKind) last.push(p);
        else groups.push([p]);
      }
      for (const g of groups) {
        const first = g[0];
        if (g.length === 1) {
          ctx.add({ start: first.start, end: first.end, message: first.detail, severity: first.severity, related: first.related });
          continue;
        }
        const from = lineNo(report, first.start);
        const to = lineNo(report, g[g.length - 1].start);
        ctx.add({
          start: first.start,
          end: first.end,
          severity: first.severity,
          message: loc(
            `第 ${from}–${to} 行的 ${g.length} 行有同样的问题：${first.detail.zh}（其余各行同）；这些行不参与合计核对`,
            `${g.length} rows (lines ${from}–${to}) have the same problem: ${first.detail.en} (and likewise the others); they are left out of the arithmetic checks`,
          ),
          related: g.slice(1).map((p) => ({ start: p.start, end: p.end, message: p.detail })),
        });
      }
    }
  },
});
