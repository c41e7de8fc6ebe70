import { SECTIONS } from '../schema/sections';
import { labelKey } from '../text/view';
import { defineRule } from './types';
import { loc } from './util';

export default defineRule({
  id: 'label-mismatch',
  defaultSeverity: 'warning',
  spec: ['S10'],
  fixable: true,
  doc: {
    summary: { zh: '表格标签和部分标题与模板用语一致', en: 'Table labels and section titles use the template’s wording' },
    details: {
      zh: '模板的行列标签是统计口径的一部分：「社会组织」不等于「社会公益组织」，「整改措施」不等于「改进情况」。标签与模板近似但不相同时，本工具仍按模板读取，同时指出差异；修复把它改为模板原文。全角半角括号、空格、标点宽度的差别不算差异。',
      en: 'The template’s labels define what is counted: 社会组织 is not 社会公益组织. A label that resembles the template but differs is still read as that label, and the difference is reported; the fix restores the template’s wording. Full-/half-width brackets, spaces and punctuation width do not count as differences.',
    },
    examples: [{ bad: '\t\t\t商业企业\t科研机构\t社会组织\t法律服务机构\t其他', good: '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他' }],
  },
  check(report, ctx) {
    for (const t of report.tables) {
      for (const p of t.labelProblems) {
        ctx.add({
          start: p.start,
          end: p.end,
          message: loc(`「${p.found}」与模板用语「${p.expected}」不一致`, `“${p.found}” differs from the template’s “${p.expected}”`),
          fix: { title: loc(`改为「${p.expected}」`, `Change to “${p.expected}”`), edits: [{ start: p.start, end: p.end, newText: p.expected, expected: p.found }] },
        });
      }
    }
    for (const s of report.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      const key = labelKey(s.title).replace(/[:。.]+$/, '');
      const accepted = [spec.title, spec.longTitle, ...spec.accepted].map(labelKey);
      if (accepted.includes(key)) continue;
      const start = s.heading.end - s.title.length;
      ctx.add({
        start,
        end: s.heading.end,
        message: loc(`部分标题「${s.title}」与模板「${spec.title}」不一致`, `section title “${s.title}” differs from the template’s “${spec.title}”`),
        fix: { title: loc(`改为「${spec.title}」`, `Change to “${spec.title}”`), edits: [{ start, end: s.heading.end, newText: spec.title, expected: s.title }] },
      });
    }
  },
});
