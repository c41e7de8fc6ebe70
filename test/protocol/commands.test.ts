// workspace/executeCommand: insert a standard table (server → workspace/applyEdit → this client),
// create a whole skeleton, show a rule's documentation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine';
import { renderSkeleton, renderTable } from '../../server/src/engine/templates';
import { REPO_ROOT } from '../support/seeds';
import { freshUri, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ARITHMETIC = ['balance', 'results-total', 'row-total', 'appeals-total'];
const HEADINGS = { proactive: '二、主动公开政府信息情况', requests: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' };
type Id = keyof typeof HEADINGS;

describe('protocol: commands', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: { template: { fill: 'zero' } } });
  });
  after(async () => c?.stop());
  afterEach(() => assert.deepEqual(c.errors, []));

  for (const eol of ['\n', '\r\n'] as const) {
    it(`insertTable into each empty section (${JSON.stringify(eol)}): exact text, then no missing-table and no arithmetic findings`, async () => {
      const text = fixture('empty-sections-2023.txt').replace(/\n/g, eol);
      const uri = freshUri('insert');
      c.open(uri, text);
      let expected = text;
      for (const id of ['appeals', 'proactive', 'requests'] as Id[]) {
        const res = await c.request<{ applied: boolean; reason?: string }>('workspace/executeCommand', {
          command: 'disclosureReport.insertTable',
          arguments: [uri, id],
        });
        assert.deepEqual(res, { applied: true });
        const table = renderTable(id, '2021', { layout: 'tab', fill: 'zero', eol });
        expected = expected.replace(HEADINGS[id], HEADINGS[id] + eol + eol + table);
        assert.equal(c.text(uri), expected);
      }
      const { report, findings } = check(c.text(uri));
      assert.deepEqual(report.tables.map((t) => t.id), ['proactive', 'requests', 'appeals']);
      assert.deepEqual(findings.filter((f) => ['missing-table', 'table-shape', 'empty-cell', ...ARITHMETIC].includes(f.ruleId)).map((f) => f.ruleId), []);
      const ds = await c.diagnostics(uri);
      assert.deepEqual(ds.filter((d) => d.code === 'missing-table' || ARITHMETIC.includes(String(d.code))), []);
      // Again: the table is there, nothing is inserted twice.
      const again = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: 'disclosureReport.insertTable', arguments: [{ uri, tableId: 'requests' }] });
      assert.equal(again.applied, false);
      assert.equal(c.text(uri), expected);
      c.close(uri);
    });
  }

  it('insertTable at a position inserts the 2019-format table into a 2020 report', async () => {
    const text = fixture('empty-sections-2023.txt').replace(/2023/g, '2020');
    const uri = freshUri('insert-pos');
    c.open(uri, text);
    const lines = text.split('\n');
    const line = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 1; // the blank line under the heading
    const res = await c.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'disclosureReport.insertTable',
      arguments: [uri, 'requests', { line, character: 0 }],
    });
    assert.equal(res.applied, true);
    const table = renderTable('requests', '2019', { layout: 'tab', fill: 'zero', eol: '\n' });
    // On lines of its own, a blank line before (under the heading) and after (the blank line that was there).
    lines.splice(line, 0, '', table);
    assert.equal(c.text(uri), lines.join('\n'));
    c.close(uri);
  });

  it('insertTable with the cursor inside a written line puts the table after that line, blank lines around', async () => {
    const text = fixture('empty-sections-2023.txt').replace('四、政府信息公开行政复议、行政诉讼情况\n', '四、政府信息公开行政复议、行政诉讼情况\n本年度无复议诉讼。\n');
    const uri = freshUri('insert-mid');
    c.open(uri, text);
    const lines = text.split('\n');
    const line = lines.indexOf('本年度无复议诉讼。');
    const res = await c.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'disclosureReport.insertTable',
      arguments: [uri, 'appeals', { line, character: 3 }],
    });
    assert.equal(res.applied, true);
    const table = renderTable('appeals', '2021', { layout: 'tab', fill: 'zero', eol: '\n' });
    const next = lines[line + 1].trim() === '' ? [''] : ['', ''];
    lines.splice(line + 1, 0, ...next.slice(0, 1), table, ...next.slice(1));
    assert.equal(c.text(uri), lines.join('\n'));
    c.close(uri);
  });

  it('insertTable of a table the report has: says where it is, inserts nothing; replace: true replaces it', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('insert-dup');
    c.open(uri, text);
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const lines = check(text).report.source.lines;
    for (const position of [undefined, { line: 0, character: 0 }, lines.positionAt(requests.end)]) {
      const res = await c.request<{ applied: boolean; reason?: string; exists?: { range: { start: { line: number } } } }>('workspace/executeCommand', {
        command: 'disclosureReport.insertTable',
        arguments: [{ uri, tableId: 'requests', position }],
      });
      assert.equal(res.applied, false);
      assert.equal(res.exists?.range.start.line, lines.positionAt(requests.start).line);
      assert.equal(c.text(uri), text, 'nothing inserted');
    }
    const replaced = await c.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'disclosureReport.insertTable',
      arguments: [{ uri, tableId: 'requests', replace: true }],
    });
    assert.equal(replaced.applied, true);
    const after = check(c.text(uri)).report;
    assert.equal(after.tables.filter((t) => t.id === 'requests').length, 1);
    assert.ok(after.tables.find((t) => t.id === 'requests')!.cells.every((x) => x.value === 0), 'the blank (zero-filled) table stands in its place');
    assert.equal(c.text(uri).slice(0, requests.start), text.slice(0, requests.start));
    c.close(uri);
  });

  it('insertTable in a markdown report uses a markdown table', async () => {
    const text = fixture('empty-sections-2023.txt').replace(/^([一二三四五六]、)/gm, '## $1');
    const uri = freshUri('insert-md', 'md');
    c.open(uri, text, 'markdown');
    const res = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: 'disclosureReport.insertTable', arguments: [uri, 'appeals'] });
    assert.equal(res.applied, true);
    const table = renderTable('appeals', '2021', { layout: 'markdown', fill: 'zero', eol: '\n' });
    assert.equal(c.text(uri), text.replace('## 四、政府信息公开行政复议、行政诉讼情况', '## 四、政府信息公开行政复议、行政诉讼情况\n\n' + table));
    const { report } = check(c.text(uri));
    assert.equal(report.tables.find((t) => t.id === 'appeals')?.layout, 'markdown');
    c.close(uri);
  });

  it('insertTable with bad arguments or an unknown document answers, never errors', async () => {
    for (const args of [[], [null], ['file:///nope.txt', 'requests'], [freshUri(), 'nonsense'], [{ uri: 42 }], ['x', 'requests', { line: -1 }]]) {
      const res = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: 'disclosureReport.insertTable', arguments: args });
      assert.equal(res.applied, false);
    }
  });

  it('newReportSkeleton returns the skeleton text; refused edits are reported', async () => {
    const text = await c.request<string>('workspace/executeCommand', {
      command: 'disclosureReport.newReportSkeleton',
      arguments: [{ organ: '某市某局', year: 2024, fill: 'zero' }],
    });
    assert.equal(text, renderSkeleton({ organ: '某市某局', year: 2024, layout: 'tab', fill: 'zero', eol: '\n' }));
    const { report } = check(text);
    assert.equal(report.year, 2024);
    assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(await c.request('workspace/executeCommand', { command: 'disclosureReport.newReportSkeleton', arguments: [{ organ: 1 }] }), null);

    const uri = freshUri('refuse');
    c.open(uri, fixture('empty-sections-2023.txt'));
    c.acceptEdits = false;
    try {
      const res = await c.request<{ applied: boolean; reason?: string }>('workspace/executeCommand', { command: 'disclosureReport.insertTable', arguments: [uri, 'requests'] });
      assert.equal(res.applied, false);
      assert.equal(c.text(uri), fixture('empty-sections-2023.txt'));
    } finally {
      c.acceptEdits = true;
      c.close(uri);
    }
  });

  it('showRuleDoc returns the rule page URI', async () => {
    const uri = await c.request<string>('workspace/executeCommand', { command: 'disclosureReport.showRuleDoc', arguments: ['row-total'] });
    assert.equal(uri, pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules', 'row-total.md')).href);
    assert.equal(await c.request('workspace/executeCommand', { command: 'disclosureReport.showRuleDoc', arguments: ['../../etc/passwd'] }), null);
  });
});
