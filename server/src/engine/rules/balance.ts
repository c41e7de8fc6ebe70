import { checkRelations } from './arithmetic';
import { defineRule } from './types';

export default defineRule({
  id: 'balance',
  defaultSeverity: 'error',
  spec: ['T2.1', 'T2.6'],
  fixable: false,
  doc: {
    summary: {
      zh: '申请情况表逐列满足「第一项加第二项之和，等于第三项加第四项之和」',
      en: 'Each column of the requests table satisfies “item 1 + item 2 = item 3 + item 4”',
    },
    details: {
      zh: '表二表头印有勾稽关系：「第一项加第二项之和，等于第三项加第四项之和」，即 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理，逐列成立。\n\n诊断标在「四、结转下年度继续办理」的单元格上（通常由前三项推出），信息中给出四个数和按此关系应有的值。哪一个数录错无法确定，因此不提供自动修复。',
      en: 'The table header states the identity: new requests (1) + carried over from last year (2) = total handled (7) + carried to next year (4), in every column.\n\nThe finding sits on the carry-over cell (4), usually the figure derived from the other three, and shows all four numbers. Which one is wrong cannot be known, so there is no automatic fix.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'balance'),
});
