import type { Report, Span } from '../model';
import { defineRule } from './types';
import { loc, textOf } from './util';

// Unfilled placeholders (spec Q3). Matched in the view: （）→(), 【】［］→[], full-width X → X.
// Each pattern is guarded so that ordinary text (二〇〇九年, a markdown link [网址](…), Latin
// words such as XXL) is never taken for a placeholder.

const CN_DIGIT = '一二三四五六七八九〇零十○';

const PATTERNS: RegExp[] = [
  // （具体网址） （网址） （链接） （具体地址）
  /\((?:(?:具体|详细)(?:网址|网站地址|网站|链接|地址)|网址|网站地址|链接|URL|url)\)/g,
  // Template instructions left in: （文字描述） （文字描述，收取信息处理费情况在此处报告。）
  /\(文字描述[^()\r\n]{0,30}\)/g,
  // （填写单位名称） （请填写…） （此处填写…）
  /\((?:请|此处)?填(?:写|入)[^()\r\n]{0,15}\)/g,
  // [单位名称] 【机关名称】 （单位名称） — not a markdown link [名称](…)
  /[[(](?:单位|机关|部门|机构|本机关|本单位)(?:名称|全称)[\])](?!\()/g,
  // XX, xx, ××, XXX局 — not inside a Latin word
  /(?<![A-Za-z])(?:X{2,}|x{2,}|×{2,})(?![A-Za-z])/g,
  // 〇〇 / ○○ standing alone — not the 〇 of a year written in Chinese numerals (二〇〇九年)
  new RegExp(`(?<![${CN_DIGIT}])[〇○]{2,}(?![${CN_DIGIT}年])`, 'g'),
  // A single X or × standing for a number: 「X件」 「×月」
  /(?<![A-Za-z0-9])[X×](?=[ \t]*(?:件|条|个|项|次|人次|人|家|篇|期|万元|元|月|日|年))/g,
];

export default defineRule({
  id: 'placeholder',
  defaultSeverity: 'error',
  spec: ['Q3'],
  fixable: false,
  doc: {
    summary: { zh: '没有遗留未填写的占位符，如「（具体网址）」「XX」「××」「〇〇」「[单位名称]」', en: 'No unfilled placeholders such as （具体网址）, XX, ××, 〇〇 or [单位名称]' },
    details: {
      zh: '按模板或往年报告起草时，常留下待填写的占位内容：「（具体网址）」「XX局」「××件」「〇〇」「[单位名称]」，以及模板说明「（文字描述）」。它们一旦发布，读者就得不到应有的信息（如网址、数量），也显得报告未经审核。\n\n规则只认占位符的典型写法，不会把「二〇〇九年」中的「〇〇」或英文单词中的 X 当作占位符。占位处应填写的内容只有起草人知道，因此不提供自动修复。',
      en: 'Drafts made from the template or from last year’s report often keep placeholders: 「（具体网址）」, 「XX局」, 「××件」, 「〇〇」, 「[单位名称]」, or the template’s instruction 「（文字描述）」. Published, they withhold what the reader needs (the address, the number) and show the report was not reviewed.\n\nOnly typical placeholder forms are recognised: the 〇〇 of a year written in Chinese numerals (二〇〇九年) or an X inside a Latin word is not a placeholder. Only the author knows what belongs there, so there is no automatic fix.',
    },
    examples: [
      {
        bad: '本报告电子版可在本县人民政府门户网站（具体网址）查阅。',
        good: '本报告电子版可在本县人民政府门户网站（http://www.example.gov.cn）查阅。',
      },
    ],
  },
  check(report, ctx) {
    for (const span of findPlaceholders(report)) {
      const found = textOf(report, span);
      ctx.add({
        ...span,
        message: loc(`占位符「${found}」未填写，应替换为实际内容`, `placeholder “${found}” was never filled in; replace it with the actual content`),
      });
    }
  },
});

function findPlaceholders(report: Report): Span[] {
  const { view } = report.source;
  const out: Span[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(view))) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!out.some((o) => o.start < span.end && span.start < o.end)) out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
