// The examples the README's first command checks: the clean ones have no finding, the one with
// mistakes has exactly the mistakes it was written with, and the markdown one (pipe tables,
// markdown headings) reads the same numbers as the tab-separated clean one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { REPO_ROOT } from '../support/seeds';

const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;

describe('examples', () => {
  for (const name of ['clean-2024.txt', 'markdown-2023.md']) {
    it(`${name} has no finding and three readable tables`, () => {
      const { report, findings } = check(read(name));
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
      assert.deepEqual(report.tables.map((t) => [t.id, t.readable]), [['proactive', true], ['requests', true], ['appeals', true]]);
      assert.equal(report.sections.length, 6);
    });
  }

  it('markdown-2023.md reads the same cell values as clean-2024.txt', () => {
    const values = (name: string) => check(read(name)).report.tables.map((t) => t.cells.map((c) => `${c.row}/${c.column}=${c.value}`));
    assert.deepEqual(values('markdown-2023.md'), values('clean-2024.txt'));
    assert.equal(check(read('markdown-2023.md')).report.layout, 'markdown');
  });

  it('mistakes-2024.txt has exactly the mistakes it was written with', () => {
    const text = read('mistakes-2024.txt');
    const got = check(text).findings.map((f) => `${lineOf(text, f.start)} ${f.ruleId}`);
    assert.deepEqual(got.sort(), [
      '2 statistics-period', // the preamble never states the statistics period
      '4 format-version', // cites the 2019 trial-format notice in a 2024 report
      '4 placeholder', // （具体网址） left unfilled
      '85 signing-date', // signed 2024年1月20日, inside the year it reports on
      '16 heading-numbering',
      // The tables' mistakes, one finding per mistyped cell (error localization):
      '47 row-total', // 一、本年新收 · 总计 18 (its row and the prose say 16; breaks 一 + 二 = 三（七）+ 四 of 总计)
      '63 row-total', // 2.重复申请 · 商业企业 1 (its row total and （七）总计 · 商业企业 say 0)
      '71 row-total', // 四、结转下年度 · 自然人 3 (its row total and 一 + 二 = 三（七）+ 四 say 1)
      '78 appeals-total', // 行政复议 · 总计 2 over 1 + 0 + 0 + 0 (the prose: 被申请行政复议1件)
      '80 missing-section',
    ].sort());
  });
});
