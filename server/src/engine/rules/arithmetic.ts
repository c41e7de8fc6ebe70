// The four arithmetic rules share one checker: evaluate the table relations (relations.ts) of
// one kind and report each that does not hold, on its total cell, with the sum spelled out.

import type { Cell, Fix, Localized, Report } from '../model';
import { arithmetic, evaluateReport, type Evaluation } from '../relations';
import type { Relation } from '../schema/tables';
import type { RuleContext } from './types';
import { loc } from './util';

function cellName(c: Cell): Localized {
  if (c.table === 'appeals') return loc(`${c.rowLabel} · ${c.columnLabel}`, `${c.row}`);
  return loc(`${c.rowLabel} · ${c.columnLabel}`, `${c.row} ${c.column}`);
}

/** Write the number in the digits the cell already uses (full-width stays full-width). */
function digitsLike(n: number, raw: string): string {
  const s = String(n);
  return /[０-９]/.test(raw) ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
}

/** English names of the applicant columns and appeal groups (the ids alone mean nothing to a reader). */
const COLUMN_EN: Record<string, string> = {
  c1: 'natural persons',
  c2: 'businesses',
  c3: 'research institutions',
  c4: 'public-interest organisations',
  c5: 'legal-service organisations',
  c6: 'other organisations',
  c7: 'total',
};
const GROUP_EN: Record<string, string> = { A: 'administrative review', B: 'lawsuits filed directly', C: 'lawsuits after review' };

function message(ev: Evaluation): Localized {
  const sum = arithmetic(ev);
  const at = ev.at;
  const actualZh = ev.actual === null ? '未填写' : `实为 ${ev.actual}`;
  const actualEn = ev.actual === null ? 'it is empty' : `found ${ev.actual}`;
  switch (ev.relation.ruleId) {
    case 'row-total':
      return loc(
        `「${at.rowLabel}」的总计应为 ${ev.expected}（${sum.zh}），${actualZh}`,
        `total of row ${at.row} 「${at.rowLabel}」 should be ${ev.expected} (${sum.en}), ${actualEn}`,
      );
    case 'results-total':
      return loc(
        `（七）总计 · ${at.columnLabel} 应为 ${ev.expected}（各项办理结果之和：${sum.zh}），${actualZh}`,
        `(7) total of the results for ${COLUMN_EN[at.column ?? ''] ?? at.column} (${at.column}) should be ${ev.expected} (sum of the results: ${sum.en}), ${actualEn}`,
      );
    case 'balance': {
      const [r1, r2, r24] = ev.terms.map((t) => t.value);
      const r25 = ev.actual ?? 0;
      return loc(
        `${at.columnLabel}列不满足「第一项加第二项之和，等于第三项加第四项之和」：${r1} + ${r2} ≠ ${r24} + ${r25}；按此关系「四、结转下年度继续办理」应为 ${ev.expected}`,
        `column ${at.column} (${COLUMN_EN[at.column ?? ''] ?? at.column}) breaks “1 + 2 = 3 + 4” (new + carried over = results + carried forward): ${r1} + ${r2} ≠ ${r24} + ${r25}; carried forward (4) should be ${ev.expected}`,
      );
    }
    case 'appeals-total':
      return loc(
        `${at.rowLabel}的总计应为 ${ev.expected}（${sum.zh}），${actualZh}`,
        `${GROUP_EN[at.row[0]] ?? 'appeals'} total (${at.row}) should be ${ev.expected} (${sum.en}), ${actualEn}`,
      );
  }
}

/** A cell the parser split out of digits run together: rewriting it would change how its neighbours read. */
function splitFromRun(ev: Evaluation): boolean {
  const c = ev.at;
  return ev.table.shapeProblems.some((p) => p.kind === 'run-together' && p.start <= c.start && c.end <= p.end);
}

function fixFor(ev: Evaluation): Fix | undefined {
  // Only a total whose parts are all filled in, and never the balance (which figure is wrong is unknown).
  if (ev.relation.ruleId === 'balance' || !ev.partsComplete || ev.expected < 0) return undefined;
  if (splitFromRun(ev)) return undefined;
  const newText = digitsLike(ev.expected, ev.at.raw);
  return {
    title: loc(`将总计改为 ${ev.expected}`, `Set the total to ${ev.expected}`),
    edits: [{ start: ev.at.start, end: ev.at.end, newText, expected: ev.at.raw }],
  };
}

export function checkRelations(report: Report, ctx: RuleContext, ruleId: Relation['ruleId']): void {
  for (const ev of evaluateReport(report)) {
    if (ev.relation.ruleId !== ruleId || ev.holds) continue;
    // An empty total whose parts are all 0 is only an empty cell (empty-cell says so).
    if (ev.actual === null && ev.expected === 0) continue;
    ctx.add({
      start: ev.at.start,
      end: ev.at.end,
      message: message(ev),
      related: ev.terms.map((t) => ({
        start: t.cell.start,
        end: t.cell.end,
        message: (() => {
          const n = cellName(t.cell);
          const v = t.cell.value === null ? '（空）' : String(t.cell.value);
          return loc(`${t.ref.negate ? '减 ' : ''}${n.zh} = ${v}`, `${t.ref.negate ? 'minus ' : ''}${n.en} = ${t.cell.value ?? '(empty)'}`);
        })(),
      })),
      fix: fixFor(ev),
    });
  }
}
