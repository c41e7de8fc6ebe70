import type { Localized, Report, Span } from '../model';
import { proseSpans } from './prose-util';
import { defineRule } from './types';
import { linesBeforeSections, loc, matchesIn } from './util';

// The letter that carried the report upward (报送函、请示) published in its place, or its
// addressee and closing left on top of the published report. A letter is addressed to a
// superior (「XX市人民政府办公室：」) and asks for a decision (「请审示」「妥否，请批示」); a
// report is published to the public and has the six sections and the three tables.
//
// 「特此报告」 alone decides nothing: real reports end with it (a habit from reports to
// superiors). It counts only when the text has neither a section nor a table.

type Signal = 'addressee' | 'request' | 'submission' | 'closing';

interface Found extends Span {
  signal: Signal;
  text: string;
}

/** The part before 「：」 of an addressee line ends with a body's name. */
const ADDRESSEE = /^[^。,;!?:()《》"\s]{2,40}(?:人民政府|政府|办公室|办公厅|公开办|管理局|委员会|管委会|领导小组|局|厅|委|部|处|办)$/;
/** Lines ending in 「：」 that are not addressed to anyone. */
const NOT_ADDRESSEE = /^(?:附件|联系|电话|地址|邮编|网址|来源|发布|当前|您|主送|抄送|信息来源|发布机构)/;
/** Asking the superior to decide or read: a letter's closing. 「提请审议」 and the like are not. */
const REQUEST = /(?<![提申报呈送])请(?:予)?(?:审示|审阅|审定|审批|批示|核示|阅示|审核)|[妥当]否[, \t]*请(?:予)?(?:批示|审示|示|指示|审定)/g;
/** Submitting something upward. */
const SUBMISSION = /报送如下|请示如下|特此(?:函告|报送|请示|报批)/g;
/** The closing formula that real reports also use. */
const CLOSING = /特此报告/g;

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
    const signals = findSignals(report);
    if (signals.length === 0) return;
    const sections = new Set(report.sections.map((s) => s.number)).size;
    const tables = report.tables.length;
    const marks = signals.filter((s) => s.signal !== 'closing');
    const isLetter = (marks.length > 0 && sections < 4 && tables < 2) || (sections === 0 && tables === 0);
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

/** The addressee line says most plainly whom the text is written to. */
function rank(s: Found): number {
  return ['addressee', 'request', 'submission', 'closing'].indexOf(s.signal);
}

function findSignals(report: Report): Found[] {
  const out: Found[] = [];
  const addressee = addresseeLine(report);
  if (addressee) out.push(addressee);
  const { text } = report.source;
  for (const span of proseSpans(report)) {
    for (const [signal, re] of [['request', REQUEST], ['submission', SUBMISSION], ['closing', CLOSING]] as const) {
      for (const m of matchesIn(report, span, re)) out.push({ start: m.start, end: m.end, signal, text: text.slice(m.start, m.end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A short line 「…办公室：」 before the first section heading (or among the first lines). */
function addresseeLine(report: Report): Found | null {
  const { view, text } = report.source;
  for (const { start: s, end: e } of linesBeforeSections(report, 12)) {
    if (e - s < 3 || view[e - 1] !== ':') continue;
    const name = view.slice(s, e - 1).trim();
    if (NOT_ADDRESSEE.test(name)) continue;
    // Several addressees: 「市政府办公室、市政务公开办：」.
    if (name.split(/[、和]/).every((part) => ADDRESSEE.test(part))) return { start: s, end: e, signal: 'addressee', text: text.slice(s, e) };
  }
  return null;
}
