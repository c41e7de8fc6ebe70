import type { Report, Span } from '../model';
import { defineRule } from './types';
import { linesBeforeSections, loc, textOf } from './util';

const PHRASE = '政府信息公开工作年度报告';
/**
 * Near-misses of the standard phrase that a fix can rewrite (matched in the view, no spaces):
 * short forms (年度报告 without 工作, 年报) and the names of other documents (工作报告, 工作总结,
 * 情况报告) after 政府信息公开. 「政务公开工作总结」 is left without a fix: it may be another document.
 */
const NEAR = /政府信息公开(?:工作)?(?:年度)?(?:年度报告|年报|工作报告|工作总结|工作情况报告|情况报告|总结|报告)|政务公开(?:工作)?年度报告/;
/** The word a title uses where an annual report says 年度报告 (reviewers' notices name these). */
const WRONG_WORD = /(工作报告|工作总结|情况报告|总结|年报)$/;
/** How a title-like line ends: the annual report's name or the name of another document. */
const TITLE_END = /(?:年度报告|年报|工作报告|情况报告|工作总结|总结)$/;
/** Lines that are not a title: junk and dates. */
const NOT_TITLE = /当前位置|所在位置|访问量|浏览次数|附件下载|分享到|^\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月/;

export default defineRule({
  id: 'title',
  defaultSeverity: 'warning',
  spec: ['S11'],
  fixable: true,
  doc: {
    summary: { zh: '标题含报告年度和「政府信息公开工作年度报告」', en: 'The title names the reporting year and says 「政府信息公开工作年度报告」' },
    details: {
      zh: '格式文件没有规定标题，但通行写法是「<机关名称><YYYY>年（度）政府信息公开工作年度报告」：读者、检索系统和年度报告汇总都靠标题认出是哪个机关哪一年的年度报告，报告年度也由标题确定。\n\n规则检查：\n- 正文开头（第一个部分标题之前）有标题；\n- 标题含报告年度（「2023年」）；\n- 标题含完整的「政府信息公开工作年度报告」，而不是「政府信息公开年度报告」「政府信息公开工作年报」等简称，也不是别的文书的名称「工作报告」「工作总结」「情况报告」（通报中常见：年度报告按统一格式编写，不是工作总结）。「政府信息公开……」的写法可以确定时，修复改为完整写法；「政务公开工作总结」可能是另一份文件，不提供修复。\n\n例：「某局2023年政府信息公开年报」→「某局2023年政府信息公开工作年度报告」；「某局2023年政府信息公开工作总结」→「某局2023年政府信息公开工作年度报告」。',
      en: 'The format does not prescribe a title, but practice is 「<机关名称><YYYY>年（度）政府信息公开工作年度报告」: readers, search and the annual collection of reports identify the body and the year from it, and the reporting year is read from it.\n\nThe rule checks that:\n- there is a title before the first section heading;\n- it names the reporting year (「2023年」);\n- it says 「政府信息公开工作年度报告」 in full, not a short form such as 「政府信息公开年度报告」 or 「政府信息公开工作年报」, nor the name of another document, 「工作报告」, 「工作总结」 or 「情况报告」 (notices often find these: the annual report follows the standard format and is not a work summary). Where the 「政府信息公开……」 wording leaves no doubt, the fix writes the full form; 「政务公开工作总结」 may be another document and gets no fix.\n\nExample: 「某局2023年政府信息公开年报」 → 「某局2023年政府信息公开工作年度报告」; 「某局2023年政府信息公开工作总结」 → 「某局2023年政府信息公开工作年度报告」.',
    },
    examples: [
      { bad: '某局2023年政府信息公开年报', good: '某局2023年政府信息公开工作年度报告' },
      { bad: '某局2023年政府信息公开工作总结', good: '某局2023年政府信息公开工作年度报告' },
    ],
  },
  check(report, ctx) {
    const { view } = report.source;
    if (view.trim().length === 0) return;
    const title = report.title;
    const year = report.year;
    if (!title) {
      const candidate = titleCandidate(report);
      if (candidate) {
        const written = textOf(report, candidate);
        const wrong = wrongWord(report, candidate);
        ctx.add({
          ...candidate,
          message: wrong
            ? wrongWordMessage(written, wrong, year)
            : loc(
                `标题「${written}」应写明「${PHRASE}」，如「<机关名称>${year ?? 'YYYY'}年${PHRASE}」`,
                `the title “${written}” should say 「${PHRASE}」, as in 「<机关名称>${year ?? 'YYYY'}年${PHRASE}」`,
              ),
          data: { expected: PHRASE, actual: written, ...(wrong ? { word: wrong } : {}) },
          ...nearFix(report, candidate),
        });
      } else if (report.sections.length > 0) {
        const at = report.sections[0].lineStart;
        ctx.add({
          start: at,
          end: at,
          message: loc(`缺少标题，应在正文前写明「<机关名称>${year ?? 'YYYY'}年${PHRASE}」`, `the report has no title; put 「<机关名称>${year ?? 'YYYY'}年${PHRASE}」 before the first section`),
        });
      }
      return;
    }
    const span: Span = { start: title.start, end: title.end };
    const key = title.parts.map((p) => view.slice(p.start, p.end)).join('').replace(/\s/g, '');
    if (!key.includes(PHRASE)) {
      const part = title.parts[title.parts.length - 1];
      const wrong = wrongWord(report, part);
      ctx.add({
        ...part,
        message: wrong
          ? wrongWordMessage(title.text, wrong, year)
          : loc(`标题「${title.text}」应写明完整的「${PHRASE}」`, `the title “${title.text}” should say 「${PHRASE}」 in full`),
        data: { expected: PHRASE, actual: title.text, ...(wrong ? { word: wrong } : {}) },
        ...nearFix(report, part),
      });
    }
    if (title.year === null) {
      ctx.add({
        ...span,
        message:
          year !== null
            ? loc(`标题未写明报告年度（正文为${year}年），应为「<机关名称>${year}年${PHRASE}」`, `the title does not name the reporting year (${year} in the text)`)
            : loc('标题未写明报告年度', 'the title does not name the reporting year'),
      });
    }
  },
});

/** A title-like line before the first section that findTitle did not accept (no 信息公开…年度报告). */
function titleCandidate(report: Report): Span | null {
  const { view } = report.source;
  for (const { start: s, end: e } of linesBeforeSections(report, 20)) {
    const t = view.slice(s, e);
    if (NOT_TITLE.test(t)) continue;
    if (t.length <= 60 && TITLE_END.test(t.replace(/\s/g, ''))) return { start: s, end: e };
    return null; // the first real line is not a title
  }
  return null;
}

/** 「工作总结」 when the title ends with the name of another document instead of 年度报告. */
function wrongWord(report: Report, span: Span): string | null {
  const m = WRONG_WORD.exec(report.source.view.slice(span.start, span.end).replace(/\s/g, ''));
  return m ? m[1] : null;
}

function wrongWordMessage(title: string, word: string, year: number | null): { zh: string; en: string } {
  return loc(
    `标题「${title}」写的是「${word}」，不是「年度报告」：应为「<机关名称>${year ?? 'YYYY'}年${PHRASE}」`,
    `the title “${title}” says 「${word}」 instead of 「年度报告」: it should read 「<机关名称>${year ?? 'YYYY'}年${PHRASE}」`,
  );
}

function nearFix(report: Report, span: Span): { fix?: { title: { zh: string; en: string }; edits: { start: number; end: number; newText: string; expected: string }[] } } {
  const m = NEAR.exec(report.source.view.slice(span.start, span.end));
  if (!m) return {};
  const start = span.start + m.index;
  const end = start + m[0].length;
  const found = report.source.text.slice(start, end);
  return { fix: { title: loc(`改为「${PHRASE}」`, `Change to “${PHRASE}”`), edits: [{ start, end, newText: PHRASE, expected: found }] } };
}
