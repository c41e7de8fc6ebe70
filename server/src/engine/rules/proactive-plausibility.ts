import type { Cell } from '../model';
import { defineRule } from './types';
import { loc, table } from './util';

/** Organs that may make 规章 (立法法): State Council departments and 省/设区的市 governments. */
function mayMakeRegulations(title: string | undefined): boolean | null {
  if (!title) return null;
  const organ = title.replace(/\s/g, '').replace(/\d{4}年.*$/, '');
  if (organ.length === 0) return null;
  if (/(省|自治区|市)人民政府$|(省|自治区|市)政府$/.test(organ) && !/(县|区|旗)/.test(organ.replace(/自治区/, ''))) return true;
  if (/^(国家|中国|中华人民共和国)|部$|委员会$|总局$|署$/.test(organ) && !/(省|市|县|区|州|盟|旗)/.test(organ)) return true;
  return false;
}

export default defineRule({
  id: 'proactive-plausibility',
  defaultSeverity: 'warning',
  caseSeverities: ['information'],
  spec: ['T1.2', 'T1.3', 'T1.4', 'T1.5'],
  fixable: false,
  doc: {
    summary: { zh: '主动公开表的数字合乎情理', en: 'The proactive-disclosure table’s figures are plausible' },
    details: {
      zh: '- 现行有效件数通常不小于本年制发件数（当年制发又当年废止的除外）；\n- 规章只能由国务院部门和省、设区的市人民政府制定（立法法），县级机关和政府部门的「规章」一行应为 0；\n- 2019 年格式：对外公开总数量不小于本年新公开数量，上一年项目数量加本年增/减不为负；\n- 收费金额以万元计，超过两位小数多半是按元填写（仅提示）。',
      en: '- documents in force are usually at least the documents issued this year;\n- only State Council departments and provincial/city governments make 规章, so county organs and departments report 0;\n- 2019 format: total published ≥ newly published, last year’s items + change ≥ 0;\n- fee amounts are in 万元; more than two decimals suggests yuan were entered (information).',
    },
  },
  check(report, ctx) {
    const t = table(report, 'proactive');
    if (!t) return;
    const get = (row: string, column: string): Cell | undefined => t.cells.find((c) => c.row === row && c.column === column && c.state === 'number');
    if (t.version === '2021') {
      for (const row of ['规章', '行政规范性文件']) {
        const made = get(row, '本年制发件数');
        const valid = get(row, '现行有效件数');
        if (made && valid && valid.value! < made.value!) {
          ctx.add({
            start: valid.start,
            end: valid.end,
            message: loc(`「${row}」现行有效件数 ${valid.value} 小于本年制发件数 ${made.value}，请核实`, `“${row}”: ${valid.value} in force is less than ${made.value} issued this year`),
            related: [{ start: made.start, end: made.end, message: loc('本年制发件数', 'issued this year') }],
          });
        }
      }
    } else {
      for (const row of ['规章', '规范性文件']) {
        const published = get(row, '本年新公开数量');
        const total = get(row, '对外公开总数量');
        if (published && total && total.value! < published.value!) {
          ctx.add({
            start: total.start,
            end: total.end,
            message: loc(`「${row}」对外公开总数量 ${total.value} 小于本年新公开数量 ${published.value}`, `“${row}”: total published ${total.value} is less than newly published ${published.value}`),
            related: [{ start: published.start, end: published.end, message: loc('本年新公开数量', 'newly published') }],
          });
        }
      }
      for (const c of t.cells) {
        if (c.column !== '本年增/减' || c.state !== 'number') continue;
        const last = get(c.row, '上一年项目数量');
        if (last && last.value! + c.value! < 0) {
          ctx.add({
            start: c.start,
            end: c.end,
            message: loc(`「${c.row}」上一年项目数量 ${last.value} 加本年增/减 ${c.value} 为负数`, `“${c.row}”: last year’s ${last.value} plus change ${c.value} is negative`),
            related: [{ start: last.start, end: last.end, message: loc('上一年项目数量', 'last year’s items') }],
          });
        }
      }
    }
    if (mayMakeRegulations(report.title?.text) === false) {
      for (const c of t.cells) {
        if (c.row !== '规章' || c.state !== 'number' || c.value === 0) continue;
        ctx.add({
          start: c.start,
          end: c.end,
          message: loc(`规章只能由国务院部门和省、设区的市人民政府制定，本机关「规章」一行应为 0，实为 ${c.value}`, `only State Council departments and provincial/city governments make 规章; expected 0, found ${c.value}`),
        });
      }
    }
    for (const c of t.cells) {
      if (c.state !== 'number' || !/万元|采购总金额/.test(c.column ?? '')) continue;
      const decimals = /\.(\d+)$/.exec(report.source.view.slice(c.start, c.end))?.[1].length ?? 0;
      if (decimals > 2) {
        ctx.add({
          start: c.start,
          end: c.end,
          severity: 'information',
          message: loc(`收费金额以万元计，「${c.raw}」有 ${decimals} 位小数，是否按元填写了？`, `amounts are in 万元; “${c.raw}” has ${decimals} decimals — entered in yuan?`),
        });
      }
    }
  },
});
