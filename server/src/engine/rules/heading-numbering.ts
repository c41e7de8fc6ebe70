import type { Section, Subsection, SubsectionStyle } from '../model';
import { CN_SECTION_NUMERALS } from '../schema/sections';
import { CN_NUMERALS } from '../text/view';
import { defineRule, type RuleContext } from './types';
import { loc, textOf } from './util';

function render(style: SubsectionStyle, n: number): string {
  const cn = CN_NUMERALS[n] ?? String(n);
  switch (style) {
    case 'cn-paren':
      return `（${cn}）`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'arabic-dun':
      return `${n}、`;
    case 'arabic-dot':
      return `${n}.`;
    case 'cn-dun':
      return `${cn}、`;
  }
}

export default defineRule({
  id: 'heading-numbering',
  defaultSeverity: 'warning',
  caseSeverities: ['information'],
  spec: ['S03'],
  fixable: true,
  doc: {
    summary: {
      zh: '部分标题用「一、」…「六、」，小标题用「（一）」「（二）」…且同一层级格式一致',
      en: 'Sections are numbered 一、…六、 and subsections （一）（二）… consistently',
    },
    details: {
      zh: '按公文层次序数，部分标题用「一、」，其下小标题用「（一）」。同一层级混用「（3）」「3、」「(3)」，或标题序号与其内容不符（如「三、主动公开政府信息情况」），会让读者和审核人误解结构。Markdown 文稿中，六个部分的标题应使用同一级别的 #。\n\n小标题整体使用「1、」等非标准格式时，仅作提示。修复会把序号改为标准写法。',
      en: 'Official documents number sections 一、 and their subsections （一）. Mixing （3）, 3、 or (3) within one level, or a numeral that does not match the section’s content (三、 on the proactive-disclosure section), misleads readers. In Markdown, the six section headings should share one heading level.\n\nSubsections consistently numbered 1、 are only an information. Fixes rewrite the numeral in the standard form.',
    },
    examples: [{ bad: '（二）依申请公开情况\n（3） 政府信息管理情况', good: '（二）依申请公开情况\n（三）政府信息管理情况' }],
  },
  check(report, ctx) {
    for (const s of report.sections) checkSectionNumeral(report, s, ctx);
    checkMarkdownLevels(report, ctx);
    for (const s of report.sections) checkSubsections(report, s.subsections, ctx);
  },
});

function checkSectionNumeral(report: Parameters<typeof textOf>[0], s: Section, ctx: RuleContext): void {
  const want = `${CN_SECTION_NUMERALS[s.number]}、`;
  if (s.numeralStyle === 'cn-dun' && s.writtenNumber === s.number) return;
  const span = s.numeral ?? { start: s.heading.start, end: s.heading.start };
  const found = textOf(report, span);
  ctx.add({
    start: span.start,
    end: span.end === span.start ? s.heading.end : span.end,
    message:
      s.numeralStyle === 'none'
        ? loc(`部分标题缺少序号，应为「${want}${s.title}」`, `section heading lacks its numeral: “${want}${s.title}”`)
        : loc(`部分标题序号「${found.trim()}」应为「${want}」`, `section numeral “${found.trim()}” should be “${want}”`),
    fix: {
      title: loc(`改为「${want}」`, `Change to “${want}”`),
      edits: [{ start: span.start, end: span.end, newText: want, expected: found }],
    },
  });
}

function checkMarkdownLevels(report: Parameters<typeof textOf>[0], ctx: RuleContext): void {
  const marked = report.sections.filter((s) => s.markdownLevel !== null);
  if (marked.length < 2) return;
  const level = marked[0].markdownLevel as number;
  for (const s of marked.slice(1)) {
    if (s.markdownLevel === level) continue;
    const view = report.source.view;
    let h = s.lineStart;
    while (view[h] === ' ' || view[h] === '\t') h++;
    const hashes = { start: h, end: h + (s.markdownLevel as number) };
    const want = '#'.repeat(level);
    ctx.add({
      ...hashes,
      message: loc(
        `部分标题的 Markdown 级别为 ${s.markdownLevel} 级，其他部分为 ${level} 级（「${marked[0].title}」）`,
        `section heading is level ${s.markdownLevel}; the first section heading is level ${level}`,
      ),
      related: [{ start: marked[0].heading.start, end: marked[0].heading.end, message: loc(`${level} 级标题`, `level ${level} heading`) }],
      fix: { title: loc(`改为 ${want}`, `Change to ${want}`), edits: [{ ...hashes, newText: want, expected: '#'.repeat(s.markdownLevel as number) }] },
    });
  }
}

function checkSubsections(report: Parameters<typeof textOf>[0], subs: Subsection[], ctx: RuleContext): void {
  if (subs.length === 0) return;
  const style = subs[0].style;
  const nonStandardLevel = style !== 'cn-paren' && subs.every((x) => x.standalone) && subs.length >= 2;
  subs.forEach((sub, i) => {
    const n = i + 1;
    // The usual subsection: numbered as it should be, nothing to say (and no text to copy).
    if (sub.style === style && sub.number === n && !nonStandardLevel) return;
    const found = textOf(report, sub.marker);
    if (sub.style !== style) {
      const want = render(style, n);
      ctx.add({
        ...sub.marker,
        message: loc(`小标题序号「${found}」与同级的「${textOf(report, subs[0].marker)}」格式不一致，应为「${want}」`, `subsection numeral “${found}” does not match its level; expected “${want}”`),
        fix: { title: loc(`改为「${want}」`, `Change to “${want}”`), edits: [{ ...sub.marker, newText: want, expected: found }] },
      });
      return;
    }
    if (sub.number !== n) {
      ctx.add({
        ...sub.marker,
        message: loc(`小标题序号不连续：此处应为第 ${n} 个，写作「${found}」`, `subsection numbering skips: this is number ${n}, written “${found}”`),
        fix: { title: loc(`改为「${render(style, n)}」`, `Change to “${render(style, n)}”`), edits: [{ ...sub.marker, newText: render(style, n), expected: found }] },
      });
      return;
    }
    if (nonStandardLevel) {
      const want = render('cn-paren', n);
      ctx.add({
        ...sub.marker,
        severity: 'information',
        message: loc(`小标题宜用「${want}」而非「${found}」`, `subsections are usually numbered “${want}”, not “${found}”`),
        fix: { title: loc(`改为「${want}」`, `Change to “${want}”`), edits: [{ ...sub.marker, newText: want, expected: found }] },
      });
    }
  });
}
