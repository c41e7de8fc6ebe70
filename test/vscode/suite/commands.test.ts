// Every client command (and the server's insertTable) run through vscode.commands.executeCommand, with
// the document text checked afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/engine';
import {
  closeAllEditors,
  codeOf,
  extensionApi,
  key,
  lastWait,
  openAndSettle,
  REPO_ROOT,
  ours,
  seedUri,
  seedUris,
  settledDiagnostics,
  until,
  waitForDiagnostics,
  wsUri,
} from './helpers';

const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.trim() === text) return i;
  assert.fail(`line ${text} not found`);
}

const missingTables = (ds: vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => codeOf(d) === 'missing-table');

describe('vscode: commands', function () {
  const emptySections = (): string => fs.readFileSync(wsUri('fixtures/empty-sections-2023年度报告.txt').fsPath, 'utf8');

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && lastWait) console.log(`  last wait: ${lastWait.what}; seen: ${lastWait.seen}`);
    await closeAllEditors();
  });

  it('disclosureReport.insertStandardTable inserts each table at the cursor, in its section; missing-table goes away', async () => {
    const { doc, editor, diagnostics } = await openAndSettle({ content: emptySections(), language: 'disclosure-report' });
    assert.equal(missingTables(diagnostics).length, 3);
    const plan: [string, string][] = [
      ['proactive', SECTION_HEADINGS[1]],
      ['requests', SECTION_HEADINGS[2]],
      ['appeals', SECTION_HEADINGS[3]],
    ];
    for (const [i, [tableId, heading]] of plan.entries()) {
      const at = lineOf(doc, heading) + 1; // the blank line under the heading
      editor.selection = new vscode.Selection(at, 0, at, 0);
      const before = doc.getText();
      const result = await vscode.commands.executeCommand<{ applied: boolean; reason?: string }>('disclosureReport.insertStandardTable', tableId);
      assert.deepEqual(result, { applied: true }, `insert ${tableId}`);
      const after = doc.getText();
      assert.ok(after.length > before.length, 'text inserted');
      // Only inserted: the old text is still there around the insertion.
      const { report } = check(after);
      const table = report.tables.find((t) => t.id === tableId);
      assert.ok(table, `the engine reads the inserted ${tableId} table`);
      const tableLine = doc.positionAt(table.start).line;
      assert.ok(tableLine > lineOf(doc, heading), `${tableId} under ${heading}`);
      const next = SECTION_HEADINGS[SECTION_HEADINGS.indexOf(heading) + 1];
      assert.ok(tableLine < lineOf(doc, next), `${tableId} before ${next}`);
      assert.equal(after.slice(0, doc.offsetAt(new vscode.Position(at, 0))), before.slice(0, doc.offsetAt(new vscode.Position(at, 0))));
      await waitForDiagnostics(doc.uri, (ds) => missingTables(ds).length === 2 - i, `${2 - i} missing-table`);
    }
    assert.deepEqual(check(doc.getText()).report.tables.map((t) => t.id), ['proactive', 'requests', 'appeals']);
    assert.deepEqual(ours(doc.uri).filter((d) => ['missing-table', 'table-shape', 'row-total', 'results-total', 'balance', 'appeals-total'].includes(codeOf(d))).map(key), []);
  });

  it('the server command disclosureReport.insertTable ({uri, tableId, position}) inserts the appeals table', async () => {
    const { doc } = await openAndSettle({ content: emptySections(), language: 'disclosure-report' });
    const at = lineOf(doc, SECTION_HEADINGS[3]) + 1;
    const result = await vscode.commands.executeCommand<{ applied: boolean }>('disclosureReport.insertTable', {
      uri: doc.uri.toString(),
      tableId: 'appeals',
      position: { line: at, character: 0 },
    });
    assert.equal(result?.applied, true);
    assert.match(doc.getText(), /\n行政复议\t+行政诉讼\r?\n结果维持\t结果纠正/);
    assert.deepEqual(check(doc.getText()).report.tables.map((t) => t.id), ['appeals']);
    await waitForDiagnostics(doc.uri, (ds) => missingTables(ds).length === 2, 'two tables still missing');
  });

  it('disclosureReport.newReport {organ, year} opens an untitled report skeleton that checks without structural findings', async () => {
    const result = await vscode.commands.executeCommand<{ uri: string } | undefined>('disclosureReport.newReport', { organ: '测试市测试局', year: 2023 });
    assert.ok(result?.uri, 'the new document is returned');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const doc = editor.document;
    assert.equal(doc.uri.toString(), result.uri);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'disclosure-report');
    const text = doc.getText();
    assert.match(text.split(/\r?\n/)[0], /测试市测试局\s*2023\s*年政府信息公开工作年度报告/);
    assert.match(text, /2023年1月1日/);
    for (const h of SECTION_HEADINGS) assert.ok(text.split(/\r?\n/).some((l) => l.trim() === h), h);
    assert.deepEqual(check(text).report.tables.map((t) => t.id), ['proactive', 'requests', 'appeals']);
    const ds = await settledDiagnostics(doc);
    const structural = ['missing-section', 'section-order', 'missing-table', 'table-shape', 'format-version', 'title', 'statistics-period'];
    assert.deepEqual(ds.filter((d) => structural.includes(codeOf(d))).map(key), []);
  });

  it('disclosureReport.showRuleDocumentation row-total opens docs/rules/row-total.md', async () => {
    const result = await vscode.commands.executeCommand<{ uri: string } | undefined>('disclosureReport.showRuleDocumentation', 'row-total');
    assert.ok(result?.uri.endsWith('/docs/rules/row-total.md'), result?.uri);
    const tab = await until('a tab for row-total.md', [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>], () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('row-total')),
    );
    assert.ok(tab.isActive);
  });

  it('disclosureReport.toggle switches checking off for this workspace (diagnostics cleared) and on again', async () => {
    const uri = wsUri('fixtures/crlf-2023年度报告.txt');
    await openAndSettle(uri);
    const api = await extensionApi();
    const old = api.statusOf(uri);
    assert.ok(old, 'a status before toggling');
    try {
      assert.equal(await vscode.commands.executeCommand<boolean>('disclosureReport.toggle'), false);
      // Off: the old check says nothing any more.
      await until('no status while off', [api.onStatus, vscode.workspace.onDidChangeConfiguration as vscode.Event<unknown>], () => (api.statusOf(uri) ? undefined : true));
      assert.equal(vscode.workspace.getConfiguration('disclosureReport').get('enable'), false);
      const info = vscode.workspace.getConfiguration('disclosureReport', uri).inspect<boolean>('enable');
      assert.equal(info?.workspaceValue ?? info?.workspaceFolderValue, false, 'written to the workspace');
      assert.equal(info?.globalValue, undefined, 'the user settings are left alone');
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics while off');
      assert.equal(await vscode.commands.executeCommand<boolean>('disclosureReport.toggle'), true);
      const back = await waitForDiagnostics(uri, (ds) => ds.length === 1, 'diagnostics back');
      assert.deepEqual(back.map(key), ['64 appeals-total error']);
      // On again: the status is a fresh check, not the one from before the toggle.
      const fresh = await until('a fresh status', [api.onStatus], () => {
        const s = api.statusOf(uri);
        return s && s !== old && s.receivedAt > old.receivedAt ? s : undefined;
      });
      assert.equal(fresh.counts.error, 1);
    } finally {
      for (const target of [vscode.ConfigurationTarget.Workspace, vscode.ConfigurationTarget.Global]) {
        await vscode.workspace.getConfiguration('disclosureReport').update('enable', undefined, target);
      }
    }
  });

  it('disclosureReport.checkWorkspace fills the Problems panel for reports that are not open', async () => {
    await closeAllEditors();
    const result = await vscode.commands.executeCommand<{ files: number; reports: number; checked: { uri: string; diagnostics: number }[] }>(
      'disclosureReport.checkWorkspace',
    );
    assert.ok(result, 'the command returns its result');
    const checked = new Set(result.checked.map((c) => c.uri));
    for (const u of [...seedUris(), wsUri('fixtures/crlf-2023年度报告.txt'), wsUri('fixtures/small-2023年度报告.txt')]) {
      assert.ok(checked.has(u.toString()), `${path.basename(u.fsPath)} checked`);
    }
    assert.ok(result.files >= result.reports && result.reports >= seedUris().length + 3);
    // Seed 003 is not open: its findings are listed anyway, exactly the engine's for the file.
    const u003 = seedUri('003');
    const text = fs.readFileSync(u003.fsPath, 'utf8');
    const { report, findings } = check(text);
    const expected = findings.map((f) => `${report.source.lines.positionAt(f.start).line + 1} ${f.ruleId} ${f.severity}`).sort();
    assert.deepEqual(ours(u003).map(key).sort(), expected);
    assert.equal(result.checked.find((c) => c.uri === u003.toString())?.diagnostics, expected.length);
    // A report saved in GB18030 is read as GB18030 (not as mojibake UTF-8): the engine's findings on its text.
    const gb = wsUri('fixtures/gb18030-2024年度报告.txt');
    assert.ok(checked.has(gb.toString()), 'the GB18030 report is checked');
    const gbText = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
    const gbCheck = check(gbText);
    assert.deepEqual(
      ours(gb).map((d) => `${d.range.start.line + 1} ${d.message}`).sort(),
      gbCheck.findings.map((f) => `${gbCheck.report.source.lines.positionAt(f.start).line + 1} ${f.message.zh}`).sort(),
    );
  });
});
