// The reader's head on small texts: the signing date from a 发布日期 label or a date alone on a
// last line, a heading wording seen before read again at another place.
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/engine';

describe('reading the head of a report', () => {
  it('takes the signing date from the first 发布日期/公开时间/成文日期 label followed by a date', () => {
    const text = [
      '某局2024年政府信息公开工作年度报告',
      '公开时间：无',
      '政府信息公开日期 不详',
      '成文日期 ： 2025-01-05',
      '发布日期：2025年1月6日',
      '一、总体情况',
      '本机关依法公开政府信息。',
    ].join('\n');
    const r = parseReport(text);
    assert.deepEqual(r.signingDate?.date, { year: 2025, month: 1, day: 5 });
    assert.equal(text.slice(r.signingDate!.start, r.signingDate!.end), '2025-01-05');
  });

  it('prefers a date alone on one of the last lines', () => {
    const r = parseReport(['发布日期：2025年1月6日', '一、总体情况', '本机关依法公开政府信息。', '', '2025 年 1 月 8 日'].join('\n'));
    assert.deepEqual(r.signingDate?.date, { year: 2025, month: 1, day: 8 });
  });

  it('finds a heading worded as in an earlier report at its own place', () => {
    const first = parseReport('一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。');
    const second = parseReport('标题\n\n  一、总体情况\n正文。\n（二）主动公开政府信息情况\n正文。');
    assert.deepEqual(
      first.sections.map((s) => [s.number, s.numeralStyle, s.heading.start]),
      [
        [1, 'cn-dun', 0],
        [2, 'cn-dun', 11],
      ],
    );
    assert.deepEqual(
      second.sections.map((s) => [s.number, s.numeralStyle, s.heading.start, s.numeral?.end, s.title]),
      [
        [1, 'cn-dun', 6, 8, '总体情况'],
        [2, 'cn-paren', 17, 20, '主动公开政府信息情况'],
      ],
    );
  });
});
