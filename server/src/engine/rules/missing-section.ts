import { CN_SECTION_NUMERALS, SECTIONS } from '../schema/sections';
import { letterVerdict } from './letter';
import { defineRule } from './types';
import { loc, readsAsReport } from './util';

export default defineRule({
  id: 'missing-section',
  defaultSeverity: 'error',
  spec: ['S01'],
  fixable: true,
  doc: {
    summary: { zh: '六个部分（一、总体情况 … 六、其他需要报告的事项）齐全', en: 'All six sections are present' },
    details: {
      zh: '国办公开办函〔2021〕30号规定的年度报告格式由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。条例第五十条列出了其中的法定内容。\n\n缺少某一部分时，诊断标在该部分应出现的位置（下一部分标题之前），修复会在那里插入标准标题。发布的是报送上级的函件而不是报告时（见 `cover-letter`），本规则不逐一报告缺少的部分。',
      en: 'The format of notice 国办公开办函〔2021〕30号 has six sections (overall situation; proactive disclosure; requests received and handled; administrative review and litigation; problems and improvements; other matters); article 50 of the Regulations lists their content.\n\nA missing section is flagged where its heading belongs (before the next section’s heading); the fix inserts the standard heading there. When a letter to a superior is published instead of the report (see `cover-letter`), the rule does not list the sections such a letter lacks.',
    },
    examples: [{ bad: '四、政府信息公开行政复议、行政诉讼情况\n…\n六、其他需要报告的事项', good: '四、政府信息公开行政复议、行政诉讼情况\n…\n五、存在的主要问题及改进情况\n…\n六、其他需要报告的事项' }],
  },
  check(report, ctx) {
    const { text, eol } = report.source;
    if (!readsAsReport(report)) return; // not-a-report says it once
    if (letterVerdict(report).isLetter) return; // cover-letter says it once: a letter lacks no section
    const present = new Set(report.sections.map((s) => s.number));
    const level = report.sections.find((s) => s.markdownLevel !== null)?.markdownLevel ?? null;
    const hashes = level ? '#'.repeat(level) + ' ' : '';
    for (const spec of SECTIONS) {
      if (present.has(spec.number)) continue;
      const heading = `${CN_SECTION_NUMERALS[spec.number]}、${spec.title}`;
      const next = report.sections.find((s) => s.number > spec.number);
      let at: number;
      let newText: string;
      if (next) {
        at = next.lineStart;
        newText = `${hashes}${heading}${eol}${eol}`;
      } else {
        at = text.length;
        const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
        newText = `${needsBreak ? eol : ''}${eol}${hashes}${heading}${eol}`;
      }
      ctx.add({
        start: at,
        end: at,
        message: loc(`缺少第${CN_SECTION_NUMERALS[spec.number]}部分「${heading}」`, `section ${spec.number} “${heading}” is missing`),
        fix: { title: loc(`插入标题「${heading}」`, `Insert the heading “${heading}”`), edits: [{ start: at, end: at, newText }] },
      });
    }
  },
});
