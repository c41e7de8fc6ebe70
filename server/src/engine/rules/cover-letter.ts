// cover-letter: the letter that carried the report upward (报送函、请示) published in its place,
// or its addressee and closing left on top of the published report (letter.ts tells which).

import type { Localized } from '../model';
import { letterVerdict, rank, type Signal } from './letter';
import { defineRule } from './types';
import { loc } from './util';

const SIGNAL_WORDS: Record<Signal, Localized> = {
  addressee: loc('主送机关', 'addressee line'),
  request: loc('请示用语', 'request to a superior'),
  submission: loc('报送用语', 'submission wording'),
  closing: loc('结束语', 'closing formula'),
};

export default defineRule({
  id: 'cover-letter',
  defaultSeverity: 'error',
  caseSeverities: ['warning'],
  spec: [],
  fixable: false,
  doc: {
    summary: { zh: '发布的是年度报告，不是报送上级的函件或请示', en: 'What is published is the report, not the letter that submitted it' },
    details: {
      zh:
        '年度报告要向社会公布；报送函、请示是写给上级机关的。通报中常见把报送函当作年度报告发布：开头是主送机关「XX市人民政府办公室：」，正文是「现将我局2023年政府信息公开工作年度报告报送如下」，结尾「请审阅」「妥否，请批示」，却没有六个部分和统计表。\n\n' +
        '规则认以下函件特征：开头（第一个部分标题之前）的主送机关行「……办公室：」，请示用语「请审示」「请审阅」「请批示」「妥否，请批示」，报送用语「报送如下」「特此函告」「特此报送」。\n' +
        '- 有函件特征，而六个部分不足四个、统计表不足两张：发布的是函件，不是报告（错误）；\n' +
        '- 报告完整，但开头或结尾留有函件特征：应删去这些文字（警告）。\n\n' +
        '「特此报告」单独出现不算：不少正式报告以它结尾。只有全文既没有部分标题也没有统计表时，它才作为函件的迹象。',
      en:
        'The annual report is published to the public; a submission letter (报送函) or request (请示) is written to a superior. Notices often find the letter published as the report: it opens with the addressee 「XX市人民政府办公室：」, says 「现将我局2023年政府信息公开工作年度报告报送如下」, closes with 「请审阅」 or 「妥否，请批示」, and has neither the six sections nor the tables.\n\n' +
        'The rule reads these marks of a letter: an addressee line at the top (before the first section heading) such as 「……办公室：」; a request 「请审示」「请审阅」「请批示」「妥否，请批示」; submission wording 「报送如下」「特此函告」「特此报送」.\n' +
        '- Marks of a letter, and fewer than four of the six sections and fewer than two tables: a letter was published, not the report (error);\n' +
        '- a complete report with the letter’s addressee or closing left in: delete those words (warning).\n\n' +
        '「特此报告」 alone is no mark: many real reports end with it. It counts only when the text has neither a section heading nor a table.',
    },
    examples: [
      {
        bad: '市人民政府办公室：\n现将我局2023年政府信息公开工作年度报告报送如下，请审阅。',
        good: '某市某局2023年政府信息公开工作年度报告\n一、总体情况\n……',
      },
    ],
  },
  check(report, ctx) {
    const { signals, sections, tables, isLetter } = letterVerdict(report);
    if (signals.length === 0) return;
    const marks = signals.filter((s) => s.signal !== 'closing');
    const data = { sections, tables, signals: signals.map((s) => ({ signal: s.signal, text: s.text, start: s.start, end: s.end })) };
    if (isLetter) {
      const at = [...signals].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
      const rest = signals.filter((s) => s !== at);
      ctx.add({
        start: at.start,
        end: at.end,
        message: loc(
          `这是报送上级的函件（「${at.text}」），不是年度报告：只有${sections}个部分、${tables}张统计表；应发布报告本身`,
          `this is a letter to a superior (“${at.text}”), not the annual report: ${sections} of the six sections and ${tables} tables; publish the report itself`,
        ),
        related: rest.map((s) => ({ start: s.start, end: s.end, message: loc(`${SIGNAL_WORDS[s.signal].zh}「${s.text}」`, `${SIGNAL_WORDS[s.signal].en} “${s.text}”`) })),
        data: { ...data, kind: 'letter' },
      });
      return;
    }
    for (const s of marks) {
      ctx.add({
        start: s.start,
        end: s.end,
        severity: 'warning',
        message: loc(
          `报告中留有报送函的${SIGNAL_WORDS[s.signal].zh}「${s.text}」：向社会公布的年度报告不是写给上级的函件，应删去`,
          `the report keeps the submission letter’s ${SIGNAL_WORDS[s.signal].en} “${s.text}”: a published report is not a letter to a superior; delete it`,
        ),
        data: { ...data, kind: 'letter-wording', signal: s.signal },
      });
    }
  },
});

