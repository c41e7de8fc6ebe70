// Diagnostics in a real VS Code: each seed gets exactly the engine's expected findings
// (test/engine/expected/00N.json: line, rule, severity), our own CRLF fixture its one arithmetic error.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check } from '../../../server/src/engine';
import { closeAllEditors, codeOf, key, lastWait, openAndSettle, readExpected, seedUris, wsUri } from './helpers';

describe('vscode: diagnostics', function () {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && lastWait) console.log(`  last wait: ${lastWait.what}; seen: ${lastWait.seen}`);
    await closeAllEditors();
  });

  for (const uri of seedUris()) {
    const name = path.basename(uri.fsPath);
    const prefix = name.slice(0, 3);
    it(`${name} (plain text, detected as a report) shows exactly test/engine/expected/${prefix}.json`, async () => {
      const { doc, diagnostics } = await openAndSettle(uri);
      assert.equal(doc.languageId, 'plaintext');
      // The editor keeps untouched template content quiet: blank cells of a printed row with no
      // number at all, in a table that has numbers, are hints there (the CLI reports them as warnings).
      const { report } = check(doc.getText());
      const blankRowLines = new Set<number>();
      for (const t of report.tables) {
        const rows = new Map<string, typeof t.cells>();
        for (const c of t.cells) {
          const k = c.table === 'appeals' ? c.row[0] : `${c.item ?? ''}/${c.row}`;
          rows.set(k, [...(rows.get(k) ?? []), c]);
        }
        if (!t.cells.some((c) => c.state !== 'empty')) continue;
        for (const cs of rows.values()) if (cs.every((c) => c.state === 'empty')) blankRowLines.add(doc.positionAt(cs[0].start).line + 1);
      }
      const expected = readExpected(prefix).map((e) => `${e.line} ${e.rule} ${e.rule === 'empty-cell' && blankRowLines.has(e.line) ? 'hint' : e.severity}`);
      assert.deepEqual(diagnostics.map(key).sort(), expected.sort(), diagnostics.map((d) => `${key(d)}: ${d.message}`).join('\n'));
    });
  }

  it('own CRLF fixture (disclosure-report language, 𠮷 in the title): the wrong 行政复议 total, with its arithmetic in Chinese', async () => {
    const { doc, diagnostics } = await openAndSettle(wsUri('fixtures/crlf-2023年度报告.txt'));
    assert.equal(doc.languageId, 'disclosure-report');
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    assert.deepEqual(diagnostics.map(key), ['64 appeals-total error']);
    const d = diagnostics[0];
    assert.match(d.message, /「行政复议」的总计应为 2（1 \+ 1 \+ 0 \+ 0），实为 3/);
    // The narrowest span: the total cell "3" (the fifth tab-separated cell of line 64).
    assert.equal(doc.getText(d.range), '3');
    assert.equal(d.range.start.character, doc.lineAt(63).text.split('\t').slice(0, 4).join('\t').length + 1);
    assert.equal(codeOf(d), 'appeals-total');
    assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith('docs/rules/appeals-total.md'), 'code links to the rule page');
    assert.ok((d.relatedInformation?.length ?? 0) >= 4, 'the summed cells are related locations');
    for (const r of d.relatedInformation!) assert.equal(r.location.uri.toString(), doc.uri.toString());
  });
});
