import type { Report, Span } from '../model';
import { blockAt } from '../input/document';
import { proseSpans } from './prose-util';
import { defineRule } from './types';
import { loc, statedYear } from './util';

// A year in the body that is not the reporting year where the sentence can only mean the
// reporting year: what is left when last year's report is copied and the year in the title
// is the only one changed. Reviewers' notices cite 「2022年，我局…」 in a 2023 report.
//
// Only three contexts are read, each narrow on purpose (a false finding on a real report is
// worse than a miss):
// - 'as-of':     「截至2022年12月31日」「截至2022年底」 — the data are as of the end of the reporting year;
// - 'opening':   the year opens the sentence and the report's subject or a comma follows:
//                「2022年，我局…」「2022年我局…」「2022年度共…」;
// - 'statistic': the year is followed by the figure of the year: 「2022年共收到申请…」「2022年新收…」.
// Never read: years in 《》, quotes, parentheses or 〔〕 (titles and numbers of documents, 「2019年修订」),
// comparisons (「与2022年相比」「较2022年」「2022年同期」), spans of time (「2019年以来」「自2022年起」),
// documents named after their year (「2022年度部门决算」), requests carried over (「2022年受理的」「…结转」),
// 「于2021年印发」, the title, the statistics period and the signing date (their rules own them),
// a year in a sentence that also names the reporting year (a comparison: 「2023年共收到10件，2022年共收到8件」),
// and a later year in a plan (「2024年，我局将…」, or anywhere in section 五).

type Context = 'as-of' | 'opening' | 'statistic';

const YEAR = /(?<!\d)((?:19|20)\d{2})[ \t]*年(度)?/g;
/** After the year: a span of time or a comparison, not the year itself. */
const NOT_THE_YEAR_AFTER = /^[ \t]*(?:以来|至今|起|开始|之前|以前|前|以后|后|到|至|[-~]|同期|相比|对比|比|的)/;
/** Right before the year: a comparison, a start, a past date of an act. */
const NOT_THE_YEAR_BEFORE = /(?:与|较|比|同|相比|对比|于|自|从|为|是|和|及|或|至|到|、|-|~)[ \t]*$/;
const AS_OF_BEFORE = /截[至止]到?[ \t]*$/;
const AS_OF_AFTER = /^[ \t]*(?:12[ \t]*月[ \t]*31[ \t]*日|底|末)/;
/** The opening year followed by a comma or by what a report's sentence starts with. */
const OPENING_AFTER = /^[ \t]*(?:,|我|本|全|共|累计|市|县|区|局|该|各|新收|收到|受理|办结|主动公开|未收到)/;
const STATISTIC_AFTER = /^[ \t]*,?[ \t]*(?:全年)?[ \t]*(?:共|累计|合计)?[ \t]*(?:新收到?|收到|受理|办结|主动公开|制发|答复)(?!的)/;
/** The year of a document named after it (「2022年度部门决算」「2022年市政府工作报告」), read up to the clause's end. */
const DOCUMENT_OF_THE_YEAR = /^[^,。;:]{0,16}(?:年度报告|年报|报告|预算|决算|要点|计划|规划|方案|总结)/;
/** Requests carried over from that year are that year's: 「2022年受理、结转至本年的申请」. */
const CARRIED_OVER = /^[^,。;:]{0,20}(?:结转|遗留|跨年|上年)/;
/** List markers and headings a sentence may open with before the year: （一） 1. 1、 (1) 一是 #. */
const LEAD = /^[ \t#*]*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.](?!\d)|[一二三四五六七八九十]是)?[ \t,]*$/;
/** Plan words: a later year in a plan is the plan's year. */
const PLAN = /将|计划|拟|力争|争取|预计|下一步|继续|持续|进一步/;
/** How far around a year its sentence is read (brackets, the words before it, plan words). */
const MAX_LOOK_AROUND = 300;
/** What ends a sentence (；！？ are ASCII in the view). */
const SENTENCE_END = /[。;!?\r\n]/;

export default defineRule({
  id: 'stray-year',
  defaultSeverity: 'warning',
  spec: [],
  fixable: false,
  doc: {
    summary: { zh: '正文中应为报告年度的地方没有写成别的年份', en: 'Where the text means the reporting year, it does not name another year' },
    details: {
      zh:
        '照搬上年报告、只改了标题中的年份，是评估和通报中常见的问题：2023年度报告里写着「2022年，我局…」「2022年共收到政府信息公开申请…」「截至2022年12月31日」。\n\n' +
        '规则只在语境要求报告年度时才报告（报告年度取自标题或统计期限）：\n' +
        '- 数据截止时间：「截至YYYY年12月31日」「截至YYYY年底」；\n' +
        '- 句首的年份后接逗号或主语：「YYYY年，我局…」「YYYY年我局…」；\n' +
        '- 年份后直接接本年数据：「YYYY年共收到…」「YYYY年新收…」「YYYY年主动公开…」。\n\n' +
        '以下不报告：书名号、引号、括号、〔〕中的年份（文件名称、文号、「2019年修订」），比较（「与2022年相比」「较2022年」「2022年同期」），时间段（「2019年以来」「自2022年起」），以年份命名的文件（「2022年度部门决算」「2022年市政府工作报告」），上年受理、结转的申请（「2022年受理的申请」），「于2021年印发」，同一句中也写了报告年度的年份（比较：「2023年共收到10件，2022年共收到8件」），标题、统计期限和落款日期（由各自的规则检查），以及工作计划中的下一年（「2024年，我局将…」，第五部分中的下一年）。\n\n' +
        '不提供自动修复：照搬的句子里，数字往往也是上年的，需要起草人核对整句。',
      en:
        'A report copied from last year with only the title’s year changed is a common finding of evaluations and notices: a 2023 report saying 「2022年，我局…」, 「2022年共收到政府信息公开申请…」 or 「截至2022年12月31日」.\n\n' +
        'The rule reports a year only where the context demands the reporting year (taken from the title or the statistics period):\n' +
        '- the date the data are as of: 「截至YYYY年12月31日」, 「截至YYYY年底」;\n' +
        '- a year opening a sentence, followed by a comma or the subject: 「YYYY年，我局…」, 「YYYY年我局…」;\n' +
        '- a year followed by the year’s figures: 「YYYY年共收到…」, 「YYYY年新收…」, 「YYYY年主动公开…」.\n\n' +
        'Not reported: years inside 《》, quotes, parentheses or 〔〕 (document titles and numbers, 「2019年修订」), comparisons (「与2022年相比」, 「较2022年」, 「2022年同期」), spans of time (「2019年以来」, 「自2022年起」), documents named after their year (「2022年度部门决算」, 「2022年市政府工作报告」), requests received or carried over from that year (「2022年受理的申请」), 「于2021年印发」, a year in a sentence that also names the reporting year (a comparison: 「2023年共收到10件，2022年共收到8件」), the title, the statistics period and the signing date (their own rules check them), and next year in a plan (「2024年，我局将…」, or next year in section 五).\n\n' +
        'There is no automatic fix: in a copied sentence the figures are usually last year’s too, and the author has to check the whole sentence.',
    },
    examples: [
      { bad: '（2023年度报告）2022年，我局共主动公开政府信息180条。', good: '2023年，我局共主动公开政府信息180条。' },
      { bad: '（2023年度报告）本表数据截至2022年12月31日。', good: '本表数据截至2023年12月31日。' },
    ],
  },
  check(report, ctx) {
    const year = statedYear(report);
    if (year === null) return;
    const skip: Span[] = [report.title, report.statisticsPeriod, report.signingDate].filter((s): s is NonNullable<typeof s> => s !== null);
    const plans = report.sections.filter((s) => s.number === 5).map((s) => s.body);
    const { view } = report.source;
    const reportYear = new RegExp(`(?<!\\d)${year}[ \\t]*年`);
    for (const p of proseSpans(report)) {
      YEAR.lastIndex = 0;
      const region = view.slice(p.start, p.end);
      let m: RegExpExecArray | null;
      while ((m = YEAR.exec(region))) {
        const found = Number(m[1]);
        if (found === year) continue;
        const span = { start: p.start + m.index, end: p.start + m.index + m[0].length };
        if (skip.some((s) => s.start <= span.start && span.end <= s.end)) continue;
        const around = sentenceAround(report, span);
        const context = contextOf(view, span, around);
        if (!context) continue;
        const sentence = view.slice(around.start, around.end);
        // The reporting year in the same sentence: the other year is compared with it (「2023年共收到10件，2022年共收到8件」).
        if (reportYear.test(sentence)) continue;
        if (found > year && (PLAN.test(sentence) || plans.some((b) => b.start <= span.start && span.start < b.end))) continue;
        const written = report.source.text.slice(span.start, span.end);
        ctx.add({
          ...span,
          message:
            context === 'as-of'
              ? loc(
                  `本报告是${year}年度报告，数据应截至${year}年12月31日，这里写的是「${written}」`,
                  `this is the ${year} report: its data are as of 31 December ${year}, but this says “${written}”`,
                )
              : loc(
                  `本报告是${year}年度报告，这里的「${written}」应为报告年度（是否沿用了${found}年的文字？）`,
                  `this is the ${year} report; “${written}” here should be the reporting year (text kept from ${found}?)`,
                ),
          data: { expected: year, actual: found, context },
        });
      }
    }
  },
});

/** Which context demands the reporting year at this year mention (in this sentence), or null when none does. */
function contextOf(view: string, span: Span, sentence: Span): Context | null {
  const before = view.slice(sentence.start, span.start);
  if (inReference(before)) return null;
  const after = view.slice(span.end, Math.min(sentence.end, span.end + 20));
  if (AS_OF_BEFORE.test(before)) return AS_OF_AFTER.test(after) ? 'as-of' : null;
  if (NOT_THE_YEAR_AFTER.test(after) || NOT_THE_YEAR_BEFORE.test(before)) return null;
  if (DOCUMENT_OF_THE_YEAR.test(after) || CARRIED_OVER.test(after)) return null;
  if (before.length <= 12 && LEAD.test(before) && OPENING_AFTER.test(after)) return 'opening';
  if (STATISTIC_AFTER.test(after)) return 'statistic';
  return null;
}

/**
 * The sentence around a span (from after the last 。！？； or line break before it to the next),
 * read at most MAX_LOOK_AROUND units each way: a whole report may stand on one line.
 */
function sentenceAround(report: Report, span: Span): Span {
  const { view } = report.source;
  // Within its block: a heading and its paragraph on one crawled line are two blocks.
  const blocks = report.document.blocks;
  const block = blocks.length > 0 ? blocks[blockAt(blocks, span.start)] : null;
  const inBlock = block && block.contentStart <= span.start && span.end <= block.contentEnd;
  let start = span.start;
  const floor = Math.max(inBlock ? block.contentStart : 0, span.start - MAX_LOOK_AROUND);
  while (start > floor && !SENTENCE_END.test(view[start - 1])) start--;
  let end = span.end;
  const ceiling = Math.min(inBlock ? block.contentEnd : view.length, span.end + MAX_LOOK_AROUND);
  while (end < ceiling && !SENTENCE_END.test(view[end])) end++;
  return { start, end };
}

/** Whether the text before the year in its sentence leaves it inside 《》, quotes, parentheses or [] (〔〕). */
function inReference(before: string): boolean {
  let depth = 0;
  let quotes = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '《' || c === '〈' || c === '(' || c === '[' || c === '「' || c === '『') depth++;
    else if ((c === '》' || c === '〉' || c === ')' || c === ']' || c === '」' || c === '』') && depth > 0) depth--;
    else if (c === '"') quotes++;
  }
  return depth > 0 || quotes % 2 === 1;
}
