import { defineRule } from './types';
import { cell, loc, table } from './util';

const THRESHOLD = 0.3;

export default defineRule({
  id: 'other-handling-share',
  defaultSeverity: 'information',
  spec: ['T2.7'],
  fixable: false,
  doc: {
    summary: { zh: '「（六）其他处理」占办理总数比例偏高时提示', en: 'Information when “(6) other handling” is a large share of all results' },
    details: {
      zh: '国办公开办函〔2019〕60号：「设置了“其他处理”项目，主要是考虑新旧条例执行衔接以及极少数特殊情况。原则上，所有的政府信息公开申请，都应当按照法定的处理方式做出处理。」其他处理超过办理总数的 30% 时给出提示，供审核人关注。',
      en: 'Notice 〔2019〕60号 says “other handling” exists for transitional and rare cases; in principle every request gets a statutory outcome. When it exceeds 30 % of all results, an information draws the reviewer’s attention.',
    },
  },
  check(report, ctx) {
    const t = table(report, 'requests');
    if (!t) return;
    const total = cell(t, 'R24', 'c7');
    if (!total || total.value === null || total.value <= 0) return;
    const rows = t.version === '2021' ? ['R21', 'R22', 'R23'] : ['R21'];
    const cells = rows.map((r) => cell(t, r, 'c7'));
    if (cells.some((c) => !c || c.state !== 'number')) return;
    const other = cells.reduce((s, c) => s + (c?.value ?? 0), 0);
    const share = other / total.value;
    if (share <= THRESHOLD) return;
    const first = cells[0]!;
    const pct = Math.round(share * 100);
    ctx.add({
      start: first.start,
      end: first.end,
      message: loc(`「（六）其他处理」共 ${other} 件，占办理总数 ${total.value} 件的 ${pct}%，比例偏高，请核实`, `“(6) other handling” is ${other} of ${total.value} results (${pct} %); please check`),
      related: [{ start: total.start, end: total.end, message: loc('（七）总计', '(7) total') }],
    });
  },
});
