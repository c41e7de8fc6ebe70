import { checkRelations } from './arithmetic';
import { defineRule } from './types';

export default defineRule({
  id: 'appeals-total',
  defaultSeverity: 'error',
  spec: ['T3.1', 'T3.2', 'T3.3'],
  fixable: true,
  doc: {
    summary: {
      zh: '行政复议、行政诉讼表中每组的「总计」等于维持、纠正、其他、尚未审结之和',
      en: 'In the appeals table each group’s total equals upheld + corrected + other + pending',
    },
    details: {
      zh: '表三分三组：行政复议、未经复议直接起诉、复议后起诉。每组五格，第五格「总计」等于前四格（结果维持、结果纠正、其他结果、尚未审结）之和。\n\n单看一组，无法知道错的是总计还是某一格；正文写明的行政复议、行政诉讼件数可以帮助判断。\n\n一个录错的数字往往同时破坏几个关系（所在行的总计、所在列的（七）总计、「一 + 二 = 三（七）+ 四」）。检查把各表的全部关系当作一个方程组，找出改动最少就能让所有关系成立的单元格：若只有一种解释，诊断就标在那一格上，写明填写的数和应有的数以及它破坏的各个关系，可一键修复（修复全部时也会应用）；若有几种解释同样可能，诊断标在不成立的关系上并列出各种改法，每种都可单独选用，但「修复全部」不会自动选择。空单元格按 0 计算；总计格为空而各项不全为 0 时，报告「总计未填写」及其应有的值。',
      en: 'The appeals table has three groups (administrative review; lawsuits without review; lawsuits after review) of five cells; the fifth, 总计, is the sum of the first four.\n\nOne group alone cannot tell whether the total or a cell is wrong; the number of reviews and lawsuits the prose states can help.\n\nOne mistyped number usually breaks several relations at once (its row total, its column’s (7) total, 1 + 2 = 3(7) + 4). The checker treats all relations of the tables as one system and looks for the fewest cells whose change makes every relation hold: when there is one such explanation, the finding sits on that cell, gives the written and the implied value and the relations it breaks, and its fix (also applied by fix-all) sets it; when several explanations are equally likely, the finding sits on the broken relation and lists them, each as its own quick fix, and fix-all applies none. Empty cells count as 0; an empty total whose parts are not all 0 is reported as a missing total with its value.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'appeals-total'),
});
