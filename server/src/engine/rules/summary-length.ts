import { isHanziCode, proseSpans } from './prose-util';
import { defineRule } from './types';
import { loc, section } from './util';

const LIMIT = 1000;

export default defineRule({
  id: 'summary-length',
  defaultSeverity: 'information',
  spec: ['Q1'],
  fixable: false,
  doc: {
    summary: {
      zh: '「一、总体情况」篇幅原则上不超过一千字（2021 年格式）',
      en: 'Section 一 (overall situation) stays within about a thousand characters (2021 format)',
    },
    details: {
      zh:
        '国办公开办函〔2021〕30号对总体情况的要求是「重在聚焦主题、简明客观，篇幅原则上不超过一千字」。篇幅过长往往是罗列日常工作、堆砌材料，冲淡了主动公开、依申请公开、政府信息管理、平台建设和监督保障这几项要点。\n\n' +
        '本规则统计第一部分正文（不含表格）中的汉字个数，标点、数字、字母和空白不计；超过 1000 个汉字时给出提示，诊断标在部分标题上，相关位置指向第 1001 个汉字。2019 年格式（试行）没有字数要求，不检查。',
      en:
        'Notice 国办公开办函〔2021〕30号 asks the overall-situation section to be focused, concise and objective, “in principle no longer than a thousand characters”. An overlong section usually lists routine work and buries the five points it should cover.\n\n' +
        'The rule counts the Chinese characters (汉字) in section 一’s prose, not counting punctuation, digits, Latin letters or blanks; above 1000 it gives an information on the section heading, with the 1001st character as a related location. The 2019 (trial) format has no length limit and is not checked.',
    },
    examples: [
      {
        bad: '一、总体情况\n2023年，本局……（正文 1350 个汉字）',
        good: '一、总体情况\n2023年，本局……（正文精简到 1000 个汉字以内，细节移到其他部分或删去）',
      },
    ],
  },
  check(report, ctx) {
    if (report.formatVersion !== '2021') return;
    const s = section(report, 1);
    if (!s) return;
    const { text } = report.source;
    let count = 0;
    let overAt = -1;
    for (const p of proseSpans(report, s.body)) {
      for (let i = p.start; i < p.end; i++) {
        const c = text.charCodeAt(i);
        let cp = c;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < p.end) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
            if (isHanziCode(cp) && ++count === LIMIT + 1) overAt = i;
            i++;
            continue;
          }
        }
        if (isHanziCode(cp) && ++count === LIMIT + 1) overAt = i;
      }
    }
    if (count <= LIMIT) return;
    const width = text.charCodeAt(overAt) >= 0xd800 && text.charCodeAt(overAt) <= 0xdbff ? 2 : 1;
    ctx.add({
      start: s.heading.start,
      end: s.heading.end,
      message: loc(
        `「总体情况」正文有 ${count} 个汉字，超过「篇幅原则上不超过一千字」的要求`,
        `section 一 has ${count} Chinese characters; the format asks for no more than about 1000`,
      ),
      related: [{ start: overAt, end: overAt + width, message: loc('第 1001 个汉字', 'the 1001st character') }],
    });
  },
});
