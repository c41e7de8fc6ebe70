import { CN_SECTION_NUMERALS } from '../schema/sections';
import { defineRule } from './types';
import { loc } from './util';

export default defineRule({
  id: 'section-order',
  defaultSeverity: 'error',
  spec: ['S02'],
  fixable: false,
  doc: {
    summary: { zh: '六个部分按一至六的顺序出现，且每部分只出现一次', en: 'Sections appear in order one to six, each once' },
    details: {
      zh: '年度报告格式规定了六部分的顺序。某部分出现在其后续部分之后，或同一部分出现两次（常见于复制粘贴），都会被标出。诊断标在位置不对或重复的标题上，并指向相关的另一个标题。',
      en: 'The format fixes the order of the six sections. A section after a later one, or the same section twice (often a copy-and-paste slip), is flagged on the misplaced or repeated heading, with the other heading as related information.',
    },
  },
  check(report, ctx) {
    let highest: (typeof report.sections)[number] | null = null;
    const seen = new Map<number, (typeof report.sections)[number]>();
    for (const s of report.sections) {
      const name = `${CN_SECTION_NUMERALS[s.number]}、${s.title}`;
      const first = seen.get(s.number);
      if (first) {
        ctx.add({
          start: s.heading.start,
          end: s.heading.end,
          message: loc(`第${CN_SECTION_NUMERALS[s.number]}部分重复出现`, `section ${s.number} appears twice`),
          related: [{ start: first.heading.start, end: first.heading.end, message: loc('第一次出现在此', 'first occurrence') }],
        });
        continue;
      }
      seen.set(s.number, s);
      if (highest && s.number < highest.number) {
        ctx.add({
          start: s.heading.start,
          end: s.heading.end,
          message: loc(
            `「${name}」应在第${CN_SECTION_NUMERALS[highest.number]}部分之前`,
            `section ${s.number} should come before section ${highest.number}`,
          ),
          related: [{ start: highest.heading.start, end: highest.heading.end, message: loc('排在前面的后续部分', 'the later section placed before it') }],
        });
      } else highest = s;
    }
  },
});
