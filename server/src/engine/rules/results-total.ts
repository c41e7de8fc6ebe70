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
      zh: '「三、本年度办理结果」下，（七）总计应等于（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三项）逐列之和。\n\n诊断标在该列的（七）总计单元格上；各项均已填写时，可一键改为计算值。',
      en: 'Under 三、本年度办理结果, row (7) must equal, column by column, the sum of (1) disclosed, (2) partly disclosed, (3) 1–8, (4) 1–3, (5) 1–5 and (6) (three sub-rows in the 2021 format).\n\nThe finding sits on the (7) cell of that column; when every part is filled in, a fix sets it to the sum.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'results-total'),
});
