import { hasProse, proseSpans } from './prose-util';
import { defineRule } from './types';
import { loc, section } from './util';

/** Words that name a problem (spec Q2: 问题/不足/短板, plus close synonyms). */
const PROBLEM = /问题|不足|短板|差距|薄弱|欠缺|有待|不够|不到位|不完善|不规范|不及时/;
/** Words that announce a measure (spec Q2: 改进/措施/下一步/将, plus common verbs of improvement). */
const MEASURE = /改进|措施|下一步|将|整改|加强|强化|完善|提升|提高|推进|加大/;

export default defineRule({
  id: 'problems-and-measures',
  defaultSeverity: 'warning',
  spec: ['Q2'],
  fixable: false,
  doc: {
    summary: {
      zh: '「五、存在的主要问题及改进情况」既写明问题，也写明改进措施',
      en: 'Section 五 names both the problems and the improvement measures',
    },
    details: {
      zh:
        '国办公开办函〔2021〕30号：「此项内容重在实事求是、明确具体，避免笼统模糊、泛泛而谈。查找问题要有针对性，改进举措要有实效性」。第五部分为空、只写「无」，或只写成绩不写问题、只写问题不写措施，都不符合要求。\n\n' +
        '本规则按关键词判断：问题一侧找「问题」「不足」「短板」「差距」「薄弱」「有待」等，措施一侧找「改进」「措施」「下一步」「将」「加强」「完善」等。缺少任何一侧时给出警告，诊断标在第五部分标题上。关键词只能说明「写到了」，写得是否具体仍需人工判断。',
      en:
        'Notice 国办公开办函〔2021〕30号 asks this section to be factual and specific: problems must be pointed, measures effective. An empty section, a bare 「无」, or a section that names no problem or no measure does not meet it.\n\n' +
        'The rule looks for keywords: problems (问题, 不足, 短板, 差距, 薄弱, 有待 …) and measures (改进, 措施, 下一步, 将, 加强, 完善 …). When one side is missing it warns on the section heading. Keywords only show that something was written; whether it is specific is for a human to judge.',
    },
    examples: [
      {
        bad: '五、存在的主要问题及改进情况\n无。',
        good: '五、存在的主要问题及改进情况\n一是政策解读形式较为单一。下一步，本局将增加图解、视频等解读形式。',
      },
    ],
  },
  check(report, ctx) {
    const s = section(report, 5);
    if (!s) return;
    const at = { start: s.heading.start, end: s.heading.end };
    if (!hasProse(report, 5)) {
      ctx.add({ ...at, message: loc('第五部分没有内容：应写明存在的主要问题及改进措施', 'section 五 is empty: it should name the main problems and the improvements') });
      return;
    }
    const body = proseSpans(report, s.body).map((p) => report.source.view.slice(p.start, p.end)).join('\n');
    const problem = PROBLEM.test(body);
    const measure = MEASURE.test(body);
    if (problem && measure) return;
    const message = !problem && !measure
      ? loc('第五部分既未写明存在的问题，也未写明改进措施', 'section 五 names neither problems nor improvement measures')
      : !problem
        ? loc('第五部分未写明存在的问题（如「存在的不足」「问题」）', 'section 五 names no problem (问题, 不足 …)')
        : loc('第五部分未写明改进措施（如「下一步」「将……」「改进措施」）', 'section 五 names no improvement measure (下一步, 将 …, 措施)');
    ctx.add({ ...at, message });
  },
});
