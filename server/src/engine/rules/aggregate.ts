// aggregate: a region's report against the sum of its members' reports (config `aggregates`),
// cell by cell over the requests and appeals tables. Needs `peers.members` (desk/peers.ts).

import type { Cell, Report, Table } from '../model';
import { cellId, type CellFact } from '../desk/facts';
import { relatedElsewhere, type PeerReport } from '../desk/peers';
import { cellTitle } from '../schema/labels';
import { defineRule, type RuleContext } from './types';
import { loc } from './util';

/** Members listed in a message and as related locations; the rest are counted. */
const MAX_LISTED = 8;
/** Rows whose meaning changed with the format: summed only when every report uses the region's. */
const FORMAT_DEPENDENT_ROWS = new Set(['R21', 'R22', 'R23']);

export default defineRule({
  id: 'aggregate',
  defaultSeverity: 'warning',
  caseSeverities: ['information'],
  spec: [],
  fixable: false,
  doc: {
    summary: {
      zh: '汇总报告的申请情况表、复议诉讼表等于所属各单位报告之和',
      en: 'A region’s requests and appeals tables equal the sum of its members’ reports',
    },
    details: {
      zh:
        '县级、地市级政府信息公开工作主管部门汇总所属部门和下级政府的年度报告（国办公开办函〔2021〕30号 §二）。在配置文件的 `aggregates` 中写明汇总报告（`report`）和它的成员报告（`members`，文件路径相对于配置文件，或机关名称；按机关名称时取与汇总报告同一年度的报告），本规则就逐格核对：申请情况表（175 格）和复议诉讼表（15 格）的每一格应等于各成员报告同一格之和；`tolerance` 为每格允许的差额（有据可查的未纳入部分），默认 0。\n\n' +
        '诊断标在汇总报告的单元格上，信息给出加总的算式，成员报告中的单元格作为相关位置（最多列出 8 份）。某一格有成员报告未读出数字时不核对这一格；2019 年格式与 2021 年格式混用时，不核对含义已改变的「（六）其他处理」各行。配置中的成员找不到对应报告时，在汇总报告标题上提示一次（信息），不做核对：少了成员，和必然对不上。没有配置汇总关系时，本规则不报告。',
      en:
        'County and city disclosure offices aggregate the reports of their departments and lower governments (notice 国办公开办函〔2021〕30号 §二). When the config file’s `aggregates` names a region’s report (`report`) and its members (`members`: file paths relative to the config, or organ names, which take the member’s report of the region’s year), the rule checks every cell of the requests table (175 cells) and the appeals table (15 cells): it should equal the sum of the same cell over the members; `tolerance` is the difference allowed per cell (documented exclusions), 0 by default.\n\n' +
        'The finding sits on the region’s cell, gives the sum, and lists the members’ cells as related locations (up to 8 reports). A cell that some member does not state as a number is not checked; when 2019- and 2021-format reports are mixed, the rows of 「（六）其他处理」, whose meaning changed, are not checked. When a member of the config matches no report, the region’s title says so once (information) and nothing is checked: with a member missing, the sum cannot match. Without an aggregate in the config, the rule reports nothing.',
    },
    examples: [{ bad: '某县：一、本年新收 · 总计 10；成员报告 3 + 4 + 2 = 9', good: '某县：一、本年新收 · 总计 9' }],
  },
  check(report, ctx) {
    const peers = ctx.peers;
    if (!peers?.members) return;
    if (peers.missingMembers && peers.missingMembers.length > 0) {
      missingNotice(report, peers.missingMembers, ctx);
      return;
    }
    const members = peers.members;
    if (members.length === 0) return;
    const tolerance = peers.tolerance ?? 0;
    const byMember = members.map((m) => new Map(m.facts.cells.map((c) => [c.id, c])));
    for (const t of report.tables) {
      if (t.id === 'proactive') continue;
      const sameFormat = members.every((m) => m.facts.formatVersion === t.version);
      for (const c of t.cells) {
        if (c.value === null) continue;
        if (!sameFormat && FORMAT_DEPENDENT_ROWS.has(c.row)) continue;
        const id = cellId(c);
        const parts = byMember.map((m) => m.get(id));
        if (parts.some((p) => !p || p.value === null)) continue;
        checkCell(t, c, members, parts as CellFact[], tolerance, ctx);
      }
    }
  },
});

function checkCell(t: Table, c: Cell, members: readonly PeerReport[], parts: readonly CellFact[], tolerance: number, ctx: RuleContext): void {
  const expected = parts.reduce((sum, p) => sum + (p.value as number), 0);
  const actual = c.value as number;
  // Amounts may carry decimals: compare with a margin below any written precision.
  if (Math.abs(actual - expected) <= tolerance + 1e-9) return;
  const listed = parts.slice(0, MAX_LISTED).map((p) => String(p.value));
  const more = parts.length - listed.length;
  const sumZh = `${listed.join(' + ')}${more > 0 ? ` + …（另 ${more} 份）` : ''} = ${expected}`;
  const sumEn = `${listed.join(' + ')}${more > 0 ? ` + … (${more} more)` : ''} = ${expected}`;
  const toleranceZh = tolerance > 0 ? `，允许差额 ${tolerance}` : '';
  const toleranceEn = tolerance > 0 ? `, tolerance ${tolerance}` : '';
  const zhName = cellTitle(t, c, 'zh');
  const enName = cellTitle(t, c, 'en');
  ctx.add({
    start: c.start,
    end: c.end,
    message: loc(
      `「${zhName}」应等于 ${parts.length} 份成员报告之和：${sumZh}，实为 ${actual}${toleranceZh}`,
      `${enName} should equal the sum over ${parts.length} member reports: ${sumEn}, but is ${actual}${toleranceEn}`,
    ),
    related: parts.slice(0, MAX_LISTED).map((p, i) =>
      relatedElsewhere(members[i], p, loc(`${members[i].facts.organ ?? members[i].file}：${p.value}`, `${members[i].facts.organ ?? members[i].file}: ${p.value}`)),
    ),
    data: { cells: [cellId(c)], expected, actual, tolerance, members: members.map((m) => m.file), memberValues: parts.map((p) => p.value) },
  });
}

function missingNotice(report: Report, missing: readonly string[], ctx: RuleContext): void {
  const at = report.title ?? report.sections[0]?.heading ?? { start: 0, end: 0 };
  ctx.add({
    start: at.start,
    end: at.end,
    severity: 'information',
    message: loc(
      `汇总核对未进行：配置中的成员 ${missing.join('、')} 没有找到对应的报告`,
      `the aggregate was not checked: no report found for member ${missing.join(', ')} of the config`,
    ),
    data: { missingMembers: [...missing] },
  });
}
