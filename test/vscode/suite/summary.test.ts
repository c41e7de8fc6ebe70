// The workspace check opens the folder summary: a webview panel with one row per report checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, seedUris, until } from './helpers';

const summaryTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('disclosureReport.summary'));

describe('vscode: the workspace check’s summary panel', function () {
  it('opens after the check with a row for every report checked, and is reused by the next check', async () => {
    await closeAllEditors();
    assert.equal(summaryTabs().length, 0, 'no summary before the check');
    const result = await vscode.commands.executeCommand<{ reports: number; summaryRows: number; checked: { uri: string }[] }>('disclosureReport.checkWorkspace');
    assert.ok(result.reports >= seedUris().length, `${result.reports} reports checked`);
    assert.equal(result.summaryRows, result.checked.length, 'one row per report checked');
    await until('the summary tab', [vscode.window.tabGroups.onDidChangeTabs], () => (summaryTabs().length === 1 ? true : undefined));
    assert.match(summaryTabs()[0].label, /年度报告汇总|Reports summary/);

    const again = await vscode.commands.executeCommand<{ summaryRows: number }>('disclosureReport.checkWorkspace');
    assert.equal(again.summaryRows, result.summaryRows);
    assert.equal(summaryTabs().length, 1, 'the panel is reused, not opened twice');
    await closeAllEditors();
  });
});
