import type { Span } from '../model';
import { proseSpans } from './prose-util';
import { defineRule } from './types';
import { cell, loc, matchesIn, table } from './util';

/** 「未发出收费通知」「没有向申请人发出过收费通知」 */
const NO_NOTICE = /(?:未|没有|无)(?:向[^。,;]{0,10}?)?(?:发出|发放|送达|制发|出具|下发)?(?:过)?(?:任何)?(?:信息处理费)?(?:的)?收费通知/g;
/** 「发出收费通知的件数和总金额…均为0」「发出收费通知0件」 */
const ZERO_NOTICE = /收费通知(?:书)?(?:的)?(?:件数|数量|份数)[^。;]{0,30}?(?:均为|都为|均是|为|是)[ \t]*(?:0|零)(?![\d.])|发出(?:信息处理费)?收费通知(?:书)?[ \t]*(?:0|零)[ \t]*(?:件|份|次)/g;
/** 「收取信息处理费200元」「信息处理费共计0.5万元」 */
const AMOUNT = /(?<!未|没有|不)(?:收取|收缴|收到|共收)(?:了)?(?:政府信息公开)?(?:信息)?处理费(?:共|共计|合计)?[ \t]*(\d+(?:\.\d+)?)[ \t]*(万元|元)/dg;
/** Some count of notices stated. */
const NOTICE_COUNT = /收费通知[^。;]{0,20}?\d|\d[ \t]*(?:件|份|次)[^。;]{0,6}?收费通知/;

export default defineRule({
  id: 'fee-consistency',
  defaultSeverity: 'warning',
  spec: ['F2'],
  fixable: false,
  doc: {
    summary: {
      zh: '信息处理费说明与申请情况表一致：表中有「逾期未按收费通知要求缴纳费用」的，不能说未发出收费通知',
      en: 'The fee statement agrees with the requests table: requests closed for unpaid fee notices mean notices were issued',
    },
    details: {
      zh:
        '申请情况表「（六）其他处理 · 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」大于 0，说明本年度至少发出过这么多份收费通知。此时第六部分若写「未发出收费通知」「发出收费通知的件数……均为0」，两处自相矛盾，必有一处错误。\n\n' +
        '另外，正文写明实际收取了信息处理费（金额大于 0）时，应同时说明发出收费通知的件数；只写金额不写件数时给出警告。\n\n' +
        '诊断标在正文的说法上，相关位置指向表中的单元格。表格未能读出该行时不作判断。',
      en:
        'When row 2 of “(6) other handling” in the requests table (the applicant did not pay as the fee notice required) is above 0, at least that many fee notices were issued. A statement in section 六 that no notice was issued, or that 「发出收费通知的件数…均为0」, contradicts the table: one of them is wrong.\n\n' +
        'Also, when the prose says a fee was actually collected (an amount above 0), it should also give the number of fee notices; an amount without a count is a warning.\n\n' +
        'The finding sits on the statement; the table cell is a related location. Nothing is judged when that row could not be read.',
    },
    examples: [
      {
        bad: '（表中「2.申请人逾期未按收费通知要求缴纳费用…」总计为 1）\n本机关未发出收费通知，未收取信息处理费。',
        good: '本机关发出收费通知1件，申请人逾期未缴纳，未实际收取信息处理费。',
      },
    ],
  },
  check(report, ctx) {
    const prose = proseSpans(report);
    const t = table(report, 'requests');
    const r22 = t && t.version === '2021' ? cell(t, 'R22', 'c7') : undefined;
    if (r22 && r22.state === 'number' && r22.value !== null && r22.value > 0) {
      const seen: Span[] = [];
      for (const p of prose) {
        for (const re of [NO_NOTICE, ZERO_NOTICE]) {
          for (const m of matchesIn(report, p, re)) {
            if (seen.some((s) => s.start < m.end && m.start < s.end)) continue;
            seen.push(m);
            ctx.add({
              start: m.start,
              end: m.end,
              message: loc(
                `此处称未发出收费通知，但申请情况表中「申请人逾期未按收费通知要求缴纳费用」为 ${r22.value} 件，说明至少发出过 ${r22.value} 份收费通知`,
                `this says no fee notice was issued, but the requests table counts ${r22.value} request(s) closed because a fee notice was not paid`,
              ),
              related: [{ start: r22.start, end: r22.end, message: loc('「（六）其他处理 · 2.申请人逾期未按收费通知要求缴纳费用…」总计', 'R22 total (unpaid fee notices)') }],
            });
          }
        }
      }
    }
    // Every AMOUNT names 处理费 and every NOTICE_COUNT 收费通知: without them in the text, no prose is read.
    const { view } = report.source;
    if (!view.includes('处理费')) return;
    if (view.includes('收费通知') && NOTICE_COUNT.test(prose.map((p) => view.slice(p.start, p.end)).join('\n'))) return;
    for (const p of prose) {
      for (const m of matchesIn(report, p, AMOUNT)) {
        const amount = Number(m.m[1]);
        if (!(amount > 0)) continue;
        const numStart = m.start + (m.m.indices ? m.m.indices[1][0] - m.m.index : m.m[0].lastIndexOf(m.m[1]));
        ctx.add({
          start: numStart,
          end: numStart + m.m[1].length,
          message: loc(
            `收取了信息处理费 ${m.m[1]}${m.m[2]}，但未说明发出收费通知的件数`,
            `a fee of ${m.m[1]} ${m.m[2]} was collected, but the number of fee notices issued is not stated`,
          ),
        });
      }
    }
  },
});
