import type { Cell, TextEdit } from '../model';
import { PROACTIVE } from '../schema/tables';
import { defineRule } from './types';
import { loc } from './util';

/** What a cell of this column may hold. */
function kindOf(c: Cell, version: '2021' | '2019'): 'count' | 'signed' | 'amount' {
  if (c.table !== 'proactive') return 'count';
  const item = PROACTIVE[version].find((i) => i.item === c.item);
  const idx = item ? item.columns.indexOf(c.column ?? '') : -1;
  return item && idx >= 0 ? item.kinds[idx] : 'count';
}

const UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(件|个|条|项|次|万元|元)$/;

export default defineRule({
  id: 'invalid-number',
  defaultSeverity: 'error',
  spec: ['T1.1', 'T2.4', 'T3.4'],
  fixable: true,
  doc: {
    summary: { zh: '统计表单元格只填数字：件数为非负整数，收费金额为以万元计的非负数', en: 'Table cells hold numbers only: counts are non-negative integers, fees a non-negative amount in 万元' },
    details: {
      zh: '申请情况表、复议诉讼表和主动公开表的件数都是非负整数；只有 2019 年格式的「本年增/减」可以为负；「本年收费金额（单位：万元）」可以有小数。单元格里写「3件」「0.5万元」或文字，统计汇总时会出错。\n\n单元格为「数字+单位」时，修复去掉单位（单位已在表头中）。',
      en: 'Counts in the three tables are non-negative integers; only the 2019 format’s 本年增/减 may be negative, and only fee amounts (in 万元) may have decimals. A cell holding 「3件」, 「0.5万元」 or words breaks aggregation.\n\nWhen the cell is a number followed by a unit, the fix removes the unit (the header already states it).',
    },
  },
  check(report, ctx) {
    for (const t of report.tables) {
      for (const c of t.cells) {
        if (c.state !== 'invalid') continue;
        const kind = kindOf(c, t.version);
        const view = report.source.view.slice(c.start, c.end);
        const unit = UNIT.exec(view);
        let fix: { title: { zh: string; en: string }; edits: TextEdit[] } | undefined;
        if (unit && (kind !== 'count' || /^\d+$/.test(unit[1]))) {
          const numberText = c.raw.slice(0, unit[1].length);
          fix = { title: loc(`去掉单位「${unit[2]}」`, `Remove the unit “${unit[2]}”`), edits: [{ start: c.start, end: c.end, newText: numberText, expected: c.raw }] };
        }
        const what =
          kind === 'amount'
            ? loc('非负数（单位：万元）', 'a non-negative amount (in 万元)')
            : kind === 'signed'
              ? loc('整数（可为负）', 'an integer (may be negative)')
              : loc('非负整数', 'a non-negative integer');
        ctx.add({
          start: c.start,
          end: c.end,
          message: loc(
            `「${c.rowLabel}${c.columnLabel ? ' · ' + c.columnLabel : ''}」应填${what.zh}，实为「${c.raw}」`,
            `“${c.rowLabel}${c.columnLabel ? ' · ' + c.columnLabel : ''}” must be ${what.en}; found “${c.raw}”`,
          ),
          fix,
        });
      }
    }
  },
});
