import { checkRelations } from './arithmetic';
import { defineRule } from './types';

export default defineRule({
  id: 'results-total',
  defaultSeverity: 'error',
  spec: ['T2.2'],
  fixable: true,
  doc: {
    summary: {
      zh: '「（七）总计」等于各项办理结果之和',
      en: '“(7) total” equals the sum of all handling results',
    },
    details: {
      zh: '「三、本年度办理结果」下，（七）总计应等于（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三项）逐列之和。\n\n单看这一个关系，无法知道错的是（七）总计还是某一项。\n\n一个录错的数字往往同时破坏几个关系（所在行的总计、所在列的（七）总计、「一 + 二 = 三（七）+ 四」）。检查把各表的全部关系当作一个方程组，找出改动最少就能让所有关系成立的单元格：若只有一种解释，诊断就标在那一格上，写明填写的数和应有的数以及它破坏的各个关系，可一键修复（修复全部时也会应用）；若有几种解释同样可能，诊断标在不成立的关系上并列出各种改法，每种都可单独选用，但「修复全部」不会自动选择。空单元格按 0 计算；总计格为空而各项不全为 0 时，报告「总计未填写」及其应有的值。',
      en: 'Under 三、本年度办理结果, row (7) must equal, column by column, the sum of (1) disclosed, (2) partly disclosed, (3) 1–8, (4) 1–3, (5) 1–5 and (6) (three sub-rows in the 2021 format).\n\nThis relation alone cannot tell whether (7) or one of the results is wrong.\n\nOne mistyped number usually breaks several relations at once (its row total, its column’s (7) total, 1 + 2 = 3(7) + 4). The checker treats all relations of the tables as one system and looks for the fewest cells whose change makes every relation hold: when there is one such explanation, the finding sits on that cell, gives the written and the implied value and the relations it breaks, and its fix (also applied by fix-all) sets it; when several explanations are equally likely, the finding sits on the broken relation and lists them, each as its own quick fix, and fix-all applies none. Empty cells count as 0; an empty total whose parts are not all 0 is reported as a missing total with its value.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'results-total'),
});
