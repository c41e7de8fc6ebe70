import { checkRelations } from './arithmetic';
import { defineRule } from './types';

export default defineRule({
  id: 'row-total',
  defaultSeverity: 'error',
  spec: ['T2.3'],
  fixable: true,
  doc: {
    summary: {
      zh: '申请情况表每一行的「总计」等于六类申请人之和',
      en: 'In the requests table, each row’s total equals the sum of the six applicant columns',
    },
    details: {
      zh: '表二（收到和处理政府信息公开申请情况）的「总计」列没有小计列，它就是自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。任何一行不相等，都说明有数字录错。\n\n单看这一个关系，无法知道错的是总计还是某一列。\n\n一个录错的数字往往同时破坏几个关系（所在行的总计、所在列的（七）总计、「一 + 二 = 三（七）+ 四」）。检查把各表的全部关系当作一个方程组，找出改动最少就能让所有关系成立的单元格：若只有一种解释，诊断就标在那一格上，写明填写的数和应有的数以及它破坏的各个关系，可一键修复（修复全部时也会应用）；若有几种解释同样可能，诊断标在不成立的关系上并列出各种改法，每种都可单独选用，但「修复全部」不会自动选择。空单元格按 0 计算；总计格为空而各项不全为 0 时，报告「总计未填写」及其应有的值。',
      en: 'The requests table has no subtotal for 法人或其他组织: its 总计 column is exactly the sum of the six applicant columns. A row where they differ has a mistyped figure.\n\nThis relation alone cannot tell whether the total or a column is wrong.\n\nOne mistyped number usually breaks several relations at once (its row total, its column’s (7) total, 1 + 2 = 3(7) + 4). The checker treats all relations of the tables as one system and looks for the fewest cells whose change makes every relation hold: when there is one such explanation, the finding sits on that cell, gives the written and the implied value and the relations it breaks, and its fix (also applied by fix-all) sets it; when several explanations are equally likely, the finding sits on the broken relation and lists them, each as its own quick fix, and fix-all applies none. Empty cells count as 0; an empty total whose parts are not all 0 is reported as a missing total with its value.',
    },
    examples: [{ bad: '一、本年新收政府信息公开申请数量\t\t4\t0\t2\t0\t0\t1\t9', good: '一、本年新收政府信息公开申请数量\t\t4\t0\t2\t0\t0\t1\t7' }],
  },
  check: (report, ctx) => checkRelations(report, ctx, 'row-total'),
});
