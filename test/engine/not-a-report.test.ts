// A file with nothing of a report (empty, white space only, or text with no title, no section
// heading and no standard table) gets one not-a-report finding and nothing from the structure
// rules; anything with a title, a heading or a table is checked as a report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding } from '../../server/src/engine';
import { renderTable } from '../../server/src/engine/templates';
import { REPO_ROOT, seedFiles } from '../support/seeds';

const ids = (findings: Finding[]): string[] => findings.map((f) => f.ruleId);

describe('not-a-report', () => {
  it('an empty file: one error at the start, saying the file is empty, in both languages', () => {
    const { findings } = check('');
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.ruleId, 'not-a-report');
    assert.equal(f.severity, 'error');
    assert.deepEqual([f.start, f.end], [0, 0]);
    assert.deepEqual(f.data, { reason: 'empty' });
    assert.match(f.message.zh, /文件为空/);
    assert.match(f.message.en, /the file is empty/);
  });

  it('white space only (CRLF, tabs, U+3000, a BOM): one finding that says so', () => {
    for (const text of ['\r\n  \r\n', '\t\n\u3000\u3000\n', '\uFEFF', '\n\n\n']) {
      const { findings } = check(text);
      assert.deepEqual(ids(findings), ['not-a-report'], JSON.stringify(text));
      assert.deepEqual(findings[0].data, { reason: 'blank' });
      assert.match(findings[0].message.en, /only white space/);
    }
  });

  it('prose with no title, heading or table: one finding on its first written line, no missing-section', () => {
    const text = '\r\n\u3000\u3000会议纪要：𠮷祥路改造工程进度良好。\r\n下次会议定于下周举行。\r\n';
    const { findings } = check(text);
    assert.deepEqual(ids(findings), ['not-a-report']);
    const [f] = findings;
    assert.equal(text.slice(f.start, f.end), '会议纪要：𠮷祥路改造工程进度良好。');
    assert.deepEqual(f.data, { reason: 'no-report-structure' });
    assert.match(f.message.zh, /不像政府信息公开工作年度报告/);
    assert.match(f.message.en, /does not read like/);
  });

  it('a markdown file that is no report (headings, a list, a table, words of the domain) gets only this finding', () => {
    // Written to look like the files that sit beside reports in a folder: notes with markdown
    // headings, a table of their own, and words such as 行政复议 that a report also uses.
    const text = [
      '# 会议纪要',
      '',
      '## 议题',
      '',
      '- 讨论年度报告的报送时间；',
      '- 行政复议案件的材料归档。',
      '',
      '| 事项 | 负责人 | 完成时间 |',
      '|---|---|---|',
      '| 材料整理 | 张三 | 1月10日 |',
      '| 网站更新 | 李四 | 1月20日 |',
      '',
      '## 下一步',
      '',
      '1. 整理材料；',
      '2. 报领导审定。',
      '',
    ].join('\n');
    assert.deepEqual(ids(check(text).findings).filter((id) => id === 'not-a-report' || id === 'missing-section'), ['not-a-report']);
  });

  it('a title alone is the start of a report: the missing sections are listed, not-a-report is silent', () => {
    const { findings } = check('示例市示例局2023年政府信息公开工作年度报告\n');
    assert.ok(!ids(findings).includes('not-a-report'));
    assert.equal(ids(findings).filter((id) => id === 'missing-section').length, 6);
  });

  it('one section heading, or one standard table, is enough to be checked as a report', () => {
    const heading = check('一、总体情况\n本局认真落实条例。\n');
    assert.ok(!ids(heading.findings).includes('not-a-report'));
    assert.equal(ids(heading.findings).filter((id) => id === 'missing-section').length, 5);
    const table = check(renderTable('requests', '2021', { layout: 'tab', fill: 'zero', eol: '\n' }));
    assert.equal(table.report.tables.length, 1);
    assert.ok(!ids(table.findings).includes('not-a-report'));
  });

  it('no seed and no example is taken for a non-report', () => {
    const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((n) => path.join(REPO_ROOT, 'examples', n));
    for (const file of [...seedFiles(), ...examples]) {
      assert.ok(!ids(check(fs.readFileSync(file, 'utf8')).findings).includes('not-a-report'), file);
    }
  });

  it('turned off, it is silent and the structure rules still stand down', () => {
    assert.deepEqual(check('', { rules: { 'not-a-report': 'off' } }).findings, []);
    assert.deepEqual(check('随便写的几句话。\n', { rules: { 'not-a-report': 'off' } }).findings, []);
  });
});
