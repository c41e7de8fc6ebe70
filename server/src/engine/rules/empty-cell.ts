import type { Cell } from '../model';
import { localizeReport } from '../fixes/localize';
import { defineRule } from './types';
import { loc } from './util';

/** Cells of one printed row (a requests row, an appeals group, a proactive row). */
function rowKey(c: Cell): string {
  return c.table === 'appeals' ? `appeals/${c.row[0]}` : `${c.table}/${c.item ?? ''}/${c.row}`;
}

export default defineRule({
  id: 'empty-cell',
  defaultSeverity: 'warning',
  spec: ['V1', 'T2.5', 'T3.4'],
  fixable: false,
  doc: {
    summary: { zh: '统计表不留空格：没有发生的事项填 0', en: 'No empty table cells: write 0 for nothing' },
    details: {
      zh: '空单元格与 0 含义不同：读者无法判断是没有发生还是漏填。模板要求每格填数字，没有发生的填 0。核对合计时空格按 0 计算；若总计格为空而各项不全为 0，合计规则会报告「总计未填写」及其应有的值（该格不再在此重复报告）。\n\n是否应填 0 只有填报人知道，因此不提供自动修复。',
      en: 'An empty cell is not a 0: a reader cannot tell “none” from “forgotten”. The template expects a number in every cell, 0 for none. For the arithmetic an empty cell counts as 0; an empty total whose parts are not all 0 is reported by the total’s rule as missing, with its value (and not again here).\n\nOnly the author knows whether 0 is right, so there is no automatic fix.',
    },
  },
  check(report, ctx) {
    // An empty cell the arithmetic names with its implied value (a missing total) is reported there, once.
    const named = localizeReport(report, ctx.rules).changed;
    const isEmpty = (c: Cell): boolean => c.state === 'empty' && !named.has(c);
    for (const t of report.tables) {
      // Runs of consecutive empty cells in one printed row are one finding.
      let run: Cell[] = [];
      const flush = (): void => {
        if (run.length === 0) return;
        const first = run[0];
        const last = run[run.length - 1];
        const names = run.map((c) => c.columnLabel ?? c.row).join('、');
        const rowName = first.rowLabel;
        // Ids for the English message: c1… for table 2, A1… for table 3, the column labels for table 1.
        const idOf = (c: Cell): string => (c.table === 'appeals' ? c.row : (c.column ?? c.row));
        const ids = run.map(idOf).join(', ');
        const cellId = first.table === 'requests' ? `${first.row} ${first.column} ` : first.table === 'appeals' ? `${first.row} ` : '';
        ctx.add({
          start: first.start,
          end: last.end,
          message:
            run.length === 1
              ? loc(`「${rowName} · ${names}」为空，没有发生的事项应填 0`, `cell ${cellId}「${rowName} · ${names}」 is empty; write 0 for none`)
              : loc(`「${rowName}」的 ${run.length} 格（${names}）为空，没有发生的事项应填 0`, `${run.length} cells of 「${rowName}」 (${ids}) are empty; write 0 for none`),
          related: run.length > 1 ? run.map((c) => ({ start: c.start, end: c.end, message: loc(`${c.columnLabel ?? c.row}：空`, `${c.column ?? c.row}: empty`) })) : [],
        });
        run = [];
      };
      for (const c of t.cells) {
        if (isEmpty(c) && (run.length === 0 || rowKey(run[0]) === rowKey(c))) run.push(c);
        else {
          flush();
          if (isEmpty(c)) run.push(c);
        }
      }
      flush();
    }
  },
});
