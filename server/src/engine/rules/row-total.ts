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
      zh: '表二（收到和处理政府信息公开申请情况）的「总计」列没有小计列，它就是自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。任何一行不相等，都说明有数字录错。\n\n诊断标在该行的总计单元格上，信息中列出参与求和的各格；若六格都已填写，可一键把总计改为计算值。',
      en: 'The requests table has no subtotal for 法人或其他组织: its 总计 column is exactly the sum of the six applicant columns. A row where they differ has a mistyped figure.\n\nThe finding sits on the row’s total cell and lists the cells summed; when all six are filled in, a fix sets the total to the computed sum.',
    },
    examples: [{ bad: '一、本年新收政府信息公开申请数量\t\t4\t0\t2\t0\t0\t1\t9', good: '一、本年新收政府信息公开申请数量\t\t4\t0\t2\t0\t0\t1\t7' }],
  },
  check: (report, ctx) => checkRelations(report, ctx, 'row-total'),
});
