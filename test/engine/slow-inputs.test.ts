// Inputs made to be slow must still finish (mocha's timeout is the hang guard; speed itself is
// measured by `npm run bench`, never asserted here).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { REPO_ROOT } from '../support/seeds';

const CLEAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');

describe('slow inputs finish', function () {
  this.timeout(60000);
  it('a 5 MB report (prose and repeated tables)', () => {
    let text = CLEAN;
    while (text.length < 5_000_000) text += CLEAN;
    const { report } = check(text);
    assert.ok(report.tables.length > 3);
  });
  it('a 1 MB line with no line break', () => {
    const { findings } = check('三'.repeat(500_000) + '年度报告'.repeat(100_000));
    assert.ok(Array.isArray(findings));
  });
  it('100,000 lines of digits', () => {
    check(Array.from({ length: 100_000 }, (_, i) => String(i % 10)).join('\n'));
  });
  it('deeply repeated labels and headings', () => {
    const labels = '一、本年新收政府信息公开申请数量\t\t0\n（七）总计\t0\t0\n行政复议\t行政诉讼\n第二十条第（一）项\n一、总体情况\n';
    check(labels.repeat(20_000));
  });
  it('a table row with 50,000 tab-separated cells and 1,000 run-together digits', () => {
    check('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t' + '1\t'.repeat(50_000) + '\n二、上年结转政府信息公开申请数量\t' + '1'.repeat(1000));
  });
  it('binary-looking text', () => {
    const bytes = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536));
    check(bytes.join(''));
  });
});
