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
      zh: '表三分三组：行政复议、未经复议直接起诉、复议后起诉。每组五格，第五格「总计」等于前四格（结果维持、结果纠正、其他结果、尚未审结）之和。\n\n诊断标在该组的总计单元格上；四格均已填写时，可一键改为计算值。',
      en: 'The appeals table has three groups (administrative review; lawsuits without review; lawsuits after review) of five cells; the fifth, 总计, is the sum of the first four.\n\nThe finding sits on the group’s total; when the four parts are filled in, a fix sets it to the sum.',
    },
  },
  check: (report, ctx) => checkRelations(report, ctx, 'appeals-total'),
});
