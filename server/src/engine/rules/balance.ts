import { checkRelations } from './arithmetic';
import { defineRule } from './types';

export default defineRule({
  id: 'balance',
  defaultSeverity: 'error',
  spec: ['T2.1', 'T2.6'],
  fixable: true,
  doc: {
    summary: {
      zh: '申请情况表逐列满足「第一项加第二项之和，等于第三项加第四项之和」',
      en: 'Each column of the requests table satisfies “item 1 + item 2 = item 3 + item 4”',
    },
    details: {
      zh: '表二表头印有勾稽关系：「第一项加第二项之和，等于第三项加第四项之和」，即 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理，逐列成立。\n\n诊断通常标在「四、结转下年度继续办理」的单元格上，信息中给出四个数和按此关系应有的值。\n\n一个录错的数字往往同时破坏几个关系（所在行的总计、所在列的（七）总计、「一 + 二 = 三（七）+ 四」）。检查把各表的全部关系当作一个方程组，找出改动最少就能让所有关系成立的单元格：若只有一种解释，诊断就标在那一格上，写明填写的数和应有的数以及它破坏的各个关系，可一键修复（修复全部时也会应用）；若有几种解释同样可能，诊断标在不成立的关系上并列出各种改法，每种都可单独选用，但「修复全部」不会自动选择。空单元格按 0 计算；总计格为空而各项不全为 0 时，报告「总计未填写」及其应有的值。',
      en: 'The table header states the identity: new requests (1) + carried over from last year (2) = total handled (7) + carried to next year (4), in every column.\n\nThe finding usually sits on the carry-over cell (4) and shows all four numbers.\n\nOne mistyped number usually breaks several relations at once (its row total, its column’s (7) total, 1 + 2 = 3(7) + 4). The checker treats all relations of the tables as one system and looks for the fewest cells whose change makes every relation hold: when there is one such explanation, the finding sits on that cell, gives the written and the implied value and the relations it breaks, and its fix (also applied by fix-all) sets it; when several explanations are equally likely, the finding sits on the broken relation and lists them, each as its own quick fix, and fix-all applies none. Empty cells count as 0; an empty total whose parts are not all 0 is reported as a missing total with its value.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'balance'),
});
