import type { Localized, Report, Span } from '../model';
import { compareDates, formatDate, isValidDate } from '../read/meta';
import { viewKey } from '../text/view';
import { defineRule } from './types';
import { loc, statedYear } from './util';

interface BodyKind {
  /** The latest lawful publication date, as month/day of the year after the reporting year. */
  month: number;
  day: number;
  what: Localized;
  basis: Localized;
}

const DEPARTMENT: BodyKind = {
  month: 1,
  day: 31,
  what: loc('县级以上人民政府部门', 'a department of a people’s government at or above county level'),
  basis: loc('条例第四十九条：县级以上人民政府部门应当在每年1月31日前公布本机关上一年度的年度报告', 'article 49 of the Regulations: government departments publish the previous year’s report by 31 January'),
};
const TOWNSHIP: BodyKind = {
  month: 1,
  day: 31,
  what: loc('乡镇人民政府（街道办事处）', 'a township government (sub-district office)'),
  basis: loc('国办公开办函〔2021〕30号：乡镇人民政府参照县级以上人民政府部门的要求，于每年1月31日前公布', 'notice 〔2021〕30号: township governments follow the departments’ deadline of 31 January'),
};
/** Local governments (本级政府), vertical systems and bodies we cannot classify: the latest deadline of all. */
const LATEST: BodyKind = {
  month: 3,
  day: 31,
  what: loc('任何类型的机关', 'any kind of body'),
  basis: loc('条例第四十九条及国办公开办函〔2021〕30号：最晚的公布期限为每年3月31日', 'article 49 and notice 〔2021〕30号: the latest deadline of all is 31 March'),
};
const GOVERNMENT: BodyKind = {
  ...LATEST,
  what: loc('地方人民政府', 'a local people’s government'),
  basis: loc('条例第四十九条：县级以上地方人民政府的年度报告应当在每年3月31日前公布', 'article 49 of the Regulations: a local government’s report is published by 31 March'),
};

/** Vertically managed systems publish on their own schedule (全系统报告 by 31 March). */
const VERTICAL = /税务|海关|气象|烟草|邮政管理|金融监管|银保监|银监|证监|保监|外汇管理|统计调查|海事|民航|铁路|国家安全|消防救援|地震局|出入境|人民银行|国家金融/;

/** The body a report is from, by the end of its name. Unknown names get the latest deadline. */
export function classifyBody(name: string): BodyKind {
  const n = viewKey(name);
  if (n.length < 2) return LATEST;
  if (VERTICAL.test(n)) return LATEST;
  if (/(?:乡|镇)(?:人民政府|政府)?$|街道(?:办事处)?$/.test(n)) return TOWNSHIP;
  if (/(?:人民)?政府$/.test(n)) return GOVERNMENT;
  if (/(?:局|厅|委员会|委|办公室|办|署)$/.test(n)) return DEPARTMENT;
  return LATEST;
}

/** The body's name: the title before its year, else the line above the signing date. */
export function bodyName(report: Report): { name: string; span: Span } | null {
  const { view, lines } = report.source;
  const title = report.title;
  if (title) {
    const first = title.parts[0];
    const firstView = view.slice(first.start, first.end);
    const y = /\d{4}[ \t]*年/.exec(firstView);
    const end = y ? first.start + y.index : title.parts.length > 1 ? first.end : -1;
    if (end > first.start) {
      const name = view.slice(first.start, end).trim();
      if (name.length >= 2 && !/^[#*]/.test(name)) return { name, span: { start: first.start, end } };
    }
  }
  const signed = report.signingDate;
  if (signed) {
    const i = lines.lineAt(signed.start);
    for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
      const l = lines.line(k);
      const t = view.slice(l.start, l.end).trim();
      if (t.length === 0) continue;
      if (t.length <= 40 && !/[。,;:!?]/.test(t)) {
        const s = l.start + view.slice(l.start, l.end).indexOf(t);
        return { name: t, span: { start: s, end: s + t.length } };
      }
      break;
    }
  }
  return null;
}

export default defineRule({
  id: 'deadline',
  defaultSeverity: 'warning',
  spec: ['D3'],
  fixable: false,
  doc: {
    summary: { zh: '落款（发布）日期不晚于该类机关的法定公布期限', en: 'The signing (publication) date is not later than the legal deadline for that kind of body' },
    details: {
      zh: '条例第四十九条和国办公开办函〔2021〕30号规定了年度报告的公布期限：县级以上人民政府部门、乡镇人民政府在每年1月31日前；县级政府汇总报告2月20日前，地市级3月10日前；省级和县级以上地方人民政府的本级报告3月31日前。逾期发布属于「不按时发布」，主管部门可依条例第四十七条追究责任。\n\n规则根据标题中的机关名称（或落款单位）判断机关类型：名称以「局」「厅」「委员会」「办公室」等结尾的按部门（1月31日），乡、镇、街道按1月31日，人民政府及无法判断的机关（包括垂直管理系统）只按最晚的3月31日检查，以免误报。汇总报告的2月20日、3月10日期限无法从报告本身判断，不检查。\n\n例：某市某局2023年度报告落款「2024年2月5日」→ 晚于2024年1月31日；应在1月31日前发布。',
      en: 'Article 49 of the Regulations and notice 〔2021〕30号 set the deadlines: government departments and township governments by 31 January; county-level aggregated reports by 20 February, prefecture-level by 10 March; provincial reports and a local government’s own report by 31 March. Publishing late is 「不按时发布」, which the supervising office may pursue under article 47.\n\nThe kind of body is read from the name in the title (or the signature): names ending in 局, 厅, 委员会, 办公室 … are departments (31 January), 乡/镇/街道 are townships (31 January), and people’s governments and anything unclear (including vertically managed systems) are only held to the latest deadline, 31 March, to avoid false alarms. The aggregated-report deadlines (20 February, 10 March) cannot be told from the report itself and are not checked.\n\nExample: a bureau’s 2023 report signed 「2024年2月5日」 is later than 31 January 2024.',
    },
    examples: [{ bad: '某市某局\n2024年2月5日   （2023 年度报告）', good: '某市某局\n2024年1月25日' }],
  },
  check(report, ctx) {
    const signed = report.signingDate;
    const year = statedYear(report);
    if (!signed || year === null || !isValidDate(signed.date)) return;
    if (compareDates(signed.date, { year, month: 12, day: 31 }) <= 0) return; // signing-date's case
    const body = bodyName(report);
    const kind = body ? classifyBody(body.name) : LATEST;
    const deadline = { year: year + 1, month: kind.month, day: kind.day };
    if (compareDates(signed.date, deadline) <= 0) return;
    const who = body && kind !== LATEST ? `${body.name}属于${kind.what.zh}，` : '';
    const whoEn = body && kind !== LATEST ? `${body.name} is ${kind.what.en}; ` : '';
    ctx.add({
      start: signed.start,
      end: signed.end,
      message: loc(
        `落款日期${formatDate(signed.date)}晚于${formatDate(deadline)}的公布期限（${who}${kind.basis.zh}）`,
        `the signing date ${signed.date.year}-${signed.date.month}-${signed.date.day} is after the deadline ${deadline.year}-${deadline.month}-${deadline.day} (${whoEn}${kind.basis.en})`,
      ),
      related: body ? [{ ...body.span, message: loc(`机关：${body.name}`, `body: ${body.name}`) }] : [],
    });
  },
});
