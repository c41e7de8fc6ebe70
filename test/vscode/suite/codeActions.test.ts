// Quick fixes through vscode.executeCodeActionProvider, applied with vscode.workspace.applyEdit: each
// gives exactly the text of the engine's own applier, and its diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyEdits, check, type Finding } from '../../../server/src/engine';
import { closeAllEditors, codeOf, lastWait, openAndSettle, seedUris, waitForDiagnostics, wsUri } from './helpers';

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return codeOf(a) === codeOf(b) && a.range.isEqual(b.range) && a.message === b.message;
}

/** What the last request offered (for failure messages). */
let offered = '';

/** The preferred quick fix with an edit offered at the diagnostic's range whose title is the engine
 *  fix's title (the API command's CodeActions do not carry their diagnostics). */
async function preferredQuickFix(uri: vscode.Uri, d: vscode.Diagnostic, title: string): Promise<vscode.CodeAction | undefined> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, d.range)) ?? [];
  offered = actions
    .map((a) =>
      'kind' in a
        ? `${a.title} [${a.kind?.value}${a.isPreferred ? ', preferred' : ''}${a.edit ? ', edit' : ''}${a.command ? `, command ${a.command.command}` : ''}; ${(a.diagnostics ?? []).map((x) => `${codeOf(x)}@${x.range.start.line}:${x.range.start.character}`).join(' ')}]`
        : `command ${a.command}`,
    )
    .join(' | ');
  return actions.find(
    (a): a is vscode.CodeAction =>
      'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && !!a.isPreferred && !!a.edit && a.title === title,
  );
}

describe('vscode: quick fixes', function () {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && lastWait) console.log(`  last wait: ${lastWait.what}; seen: ${lastWait.seen}`);
    await closeAllEditors();
  });

  const texts: { name: string; file: vscode.Uri; language: string; crlf?: boolean }[] = [
    ...seedUris().map((u) => ({ name: path.basename(u.fsPath), file: u, language: 'plaintext' })),
    { name: 'small-2023 fixture', file: wsUri('fixtures/small-2023年度报告.txt'), language: 'disclosure-report' },
    { name: 'small-2023 fixture (CRLF)', file: wsUri('fixtures/small-2023年度报告.txt'), language: 'disclosure-report', crlf: true },
    { name: 'own CRLF fixture', file: wsUri('fixtures/crlf-2023年度报告.txt'), language: 'disclosure-report' },
    { name: 'empty-sections fixture', file: wsUri('fixtures/empty-sections-2023年度报告.txt'), language: 'disclosure-report' },
  ];

  for (const t of texts) {
    it(`${t.name}: every quick fix gives exactly the engine applier's text and clears its diagnostic`, async function () {
      let text = fs.readFileSync(t.file.fsPath, 'utf8');
      if (t.crlf) text = text.replace(/\r?\n/g, '\r\n');
      const fixable = check(text).findings.filter((f: Finding) => f.fix);
      let applied = 0;
      for (const f of fixable) {
        // A fresh untitled copy for each fix. VS Code may hand back an untitled document that a
        // previous fix edited while it was being closed: close and open again until it is fresh.
        let opened = await openAndSettle({ content: text, language: t.language });
        for (let attempt = 0; attempt < 3 && opened.doc.getText() !== text; attempt++) {
          await closeAllEditors();
          opened = await openAndSettle({ content: text, language: t.language });
        }
        const { doc, diagnostics } = opened;
        assert.equal(doc.getText(), text, 'untitled copy holds the text unchanged');
        const start = doc.positionAt(f.start);
        const d = diagnostics.find((x) => codeOf(x) === f.ruleId && x.range.start.isEqual(start));
        assert.ok(d, `${f.ruleId} at ${start.line + 1}:${start.character + 1} shown`);
        const action = await preferredQuickFix(doc.uri, d, f.fix!.title.zh);
        assert.ok(action, `a preferred quick fix for ${f.ruleId}: ${d.message}; offered: ${offered}`);
        assert.equal(await vscode.workspace.applyEdit(action.edit!), true);
        assert.equal(doc.getText(), applyEdits(text, f.fix!.edits).text, `${f.ruleId}: ${f.message.en}`);
        await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => sameDiagnostic(x, d)), `${f.ruleId} fixed`);
        assert.equal(await preferredQuickFix(doc.uri, d, f.fix!.title.zh), undefined, 'nothing more to apply');
        applied++;
        await closeAllEditors();
      }
      assert.equal(applied, fixable.length);
    });
  }

  it('the small fixture’s wrong row total: the quick fix writes 3 into exactly that cell', async () => {
    const text = fs.readFileSync(wsUri('fixtures/small-2023年度报告.txt').fsPath, 'utf8');
    const { doc, diagnostics } = await openAndSettle({ content: text, language: 'disclosure-report' });
    const d = diagnostics.find((x) => codeOf(x) === 'row-total');
    assert.ok(d);
    assert.equal(doc.getText(d.range), '2');
    const f = check(text).findings.find((x) => x.ruleId === 'row-total')!;
    const action = await preferredQuickFix(doc.uri, d, f.fix!.title.zh);
    assert.ok(action);
    await vscode.workspace.applyEdit(action.edit!);
    const line = doc.lineAt(d.range.start.line).text;
    assert.match(line, /（一）予以公开\t\t2\t1\t0\t0\t0\t0\t3$/);
    assert.equal(doc.getText().replace(line, ''), text.replace(text.split('\n')[d.range.start.line], ''));
  });

  it('source.fixAll applies every fix like the engine', async () => {
    const text = fs.readFileSync(wsUri('fixtures/small-2023年度报告.txt').fsPath, 'utf8');
    const { doc } = await openAndSettle({ content: text, language: 'disclosure-report' });
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value)) ?? [];
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.disclosure-report');
    assert.ok(fixAll?.edit, `source.fixAll.disclosure-report offered (got ${actions.map((a) => a.kind?.value).join(', ')})`);
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    assert.equal(doc.getText(), applyEdits(text, check(text).findings.flatMap((f) => f.fix?.edits ?? [])).text);
  });
});
