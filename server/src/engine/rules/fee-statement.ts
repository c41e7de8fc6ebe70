import { hasProse, proseSpans } from './prose-util';
import { defineRule } from './types';
import { loc, matchesIn, section } from './util';

/** A statement about the information-processing fee (spec F1 keywords). */
const FEE = /信息处理费|处理费|收费/;
const FEE_G = /信息处理费|处理费/g;

export default defineRule({
  id: 'fee-statement',
  defaultSeverity: 'error',
  caseSeverities: ['warning'],
  spec: ['F1', 'F3'],
  fixable: false,
  doc: {
    summary: {
      zh: '「六、其他需要报告的事项」写明信息处理费收取情况（2021 年起），且不为空',
      en: 'Section 六 reports the information-processing fee (from 2021) and is not empty',
    },
    details: {
      zh:
        '国办公开办函〔2021〕30号：「各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。」因此 2021 年及以后的年度报告，第六部分必须有关于信息处理费的说明；没有收取也要写明，例如「本机关2023年未收取信息处理费」「发出收费通知的件数和总金额，以及实际收取的总金额均为0」。\n\n' +
        '本规则在第六部分的正文中查找「信息处理费」「处理费」「收费」。2021 年及以后的报告找不到时报错，诊断标在第六部分标题上；若说明写在了其他部分，相关位置会指出它。2019、2020 年的报告不要求收费说明，但第六部分不应为空（写「无」可以）。',
      en:
        'Notice 国办公开办函〔2021〕30号 says the fees collected under the information-processing fee measures are to be reported specifically in section 六. Reports on 2021 and later must therefore state the fee situation there, even when nothing was charged (「本机关2023年未收取信息处理费」).\n\n' +
        'The rule looks for 信息处理费, 处理费 or 收费 in section 六’s prose. For a report on 2021 or later, a missing statement is an error on the section heading; if the statement was written in another section, that place is a related location. Reports on 2019 and 2020 need no fee statement, but section 六 should not be empty (「无」 is fine).',
    },
    examples: [
      {
        bad: '六、其他需要报告的事项\n本年度无其他需要报告的事项。',
        good: '六、其他需要报告的事项\n本机关2023年未收取信息处理费。',
      },
    ],
  },
  check(report, ctx) {
    const s = section(report, 6);
    if (!s) return;
    const at = { start: s.heading.start, end: s.heading.end };
    const year = report.year;
    const feeYear = year !== null ? year >= 2021 : report.formatVersion === '2021';
    const empty = !hasProse(report, 6);
    if (!feeYear) {
      if (empty && year !== null) {
        ctx.add({
          ...at,
          severity: 'warning',
          message: loc('第六部分没有内容：没有需要报告的事项时，也应写明「无」', 'section 六 is empty: write 「无」 when there is nothing to report'),
        });
      }
      return;
    }
    const { view } = report.source;
    if (!empty && proseSpans(report, s.body).some((p) => FEE.test(view.slice(p.start, p.end)))) return;
    // Written elsewhere? Point at it so the user can move it.
    const elsewhere = [];
    for (const p of proseSpans(report)) {
      if (p.end <= s.body.start || p.start >= s.body.end) {
        for (const m of matchesIn(report, p, FEE_G)) {
          elsewhere.push({ start: m.start, end: m.end, message: loc('信息处理费的说明写在了这里，应放在第六部分', 'the fee is mentioned here; it belongs in section 六') });
          break;
        }
      }
      if (elsewhere.length > 0) break;
    }
    ctx.add({
      ...at,
      message: empty
        ? loc(
            `第六部分没有内容；${year ?? ''}年度报告须在此说明信息处理费收取情况（未收取也应写明）`,
            `section 六 is empty; a report on ${year ?? '2021 or later'} must state the information-processing fee here (also when none was charged)`,
          )
        : loc(
            '第六部分未说明信息处理费收取情况（未收取也应写明，如「本机关未收取信息处理费」）',
            'section 六 does not state the information-processing fee (say so also when none was charged)',
          ),
      related: elsewhere,
    });
  },
});
