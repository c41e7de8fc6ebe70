// Settings change what the user sees: a rule switched off or re-graded, the message language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, key, lastWait, openAndSettle, waitForDiagnostics, wsUri } from './helpers';

describe('vscode: settings', function () {
  const cfg = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('disclosureReport');
  const W = vscode.ConfigurationTarget.Workspace;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && lastWait) console.log(`  last wait: ${lastWait.what}; seen: ${lastWait.seen}`);
    await cfg().update('rules', undefined, W);
    await cfg().update('language', 'zh', W);
    await closeAllEditors();
  });

  it('disclosureReport.rules: row-total off takes its relations out (no row-total diagnostic); back on brings them back', async () => {
    const uri = wsUri('fixtures/small-2023年度报告.txt');
    const { diagnostics } = await openAndSettle(uri);
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('row-total'), codes.join(', '));
    await cfg().update('rules', { 'row-total': 'off' }, W);
    // The wrong cell is decided over the relations left, so other arithmetic findings may move.
    const off = await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'row-total'), 'row-total off');
    assert.ok(off.every((d) => codeOf(d) !== 'row-total'));
    await cfg().update('rules', undefined, W);
    const on = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'row-total'), 'row-total on');
    assert.deepEqual(on.map(key).sort(), diagnostics.map(key).sort());
  });

  it('disclosureReport.rules: appeals-total graded as a warning', async () => {
    const uri = wsUri('fixtures/crlf-2023年度报告.txt');
    await openAndSettle(uri);
    await cfg().update('rules', { 'appeals-total': 'warning' }, W);
    const ds = await waitForDiagnostics(uri, (x) => x.length === 1 && x[0].severity === vscode.DiagnosticSeverity.Warning, 'appeals-total as warning');
    assert.deepEqual(ds.map(key), ['64 appeals-total warning']);
  });

  it('disclosureReport.language: en gives English messages, zh Chinese again', async () => {
    const uri = wsUri('fixtures/crlf-2023年度报告.txt');
    const { diagnostics } = await openAndSettle(uri);
    const zh = diagnostics[0].message;
    assert.match(zh, /应为/);
    await cfg().update('language', 'en', W);
    const [en] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].message !== zh, 'English message');
    assert.doesNotMatch(en.message, /应为|实为/);
    assert.match(en.message, /[A-Za-z]{3,}/);
    assert.match(en.message, /1 \+ 1 \+ 0 \+ 0/);
    await cfg().update('language', 'zh', W);
    const [back] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].message === zh, 'Chinese message again');
    assert.equal(back.message, zh);
  });
});
