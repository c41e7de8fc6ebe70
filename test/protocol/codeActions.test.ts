// Code actions over the protocol: every quick fix applied with TextDocument.applyEdits gives exactly
// the text the engine's applier gives; hand-checked results on our own fixtures (LF, CRLF, 𠮷).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, check, type Finding } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';
import { freshUri, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n');
const ARITHMETIC = ['balance', 'results-total', 'row-total', 'appeals-total'];

/** Replace the last tab-separated field of the line that contains `rowLabel`. */
function setLastCell(text: string, rowLabel: string, value: string): string {
  const at = text.indexOf(rowLabel);
  const lineEnd = text.slice(at).search(/\r?\n/) + at;
  const tab = text.lastIndexOf('\t', lineEnd);
  return text.slice(0, tab + 1) + value + text.slice(lineEnd);
}

function quickFixFor(actions: CodeAction[], d: Diagnostic): CodeAction | undefined {
  return actions.find((a) => a.kind === 'quickfix' && a.edit && a.diagnostics?.some((x) => x.code === d.code && JSON.stringify(x.range) === JSON.stringify(d.range)) && a.isPreferred);
}

describe('protocol: code actions', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => c?.stop());
  afterEach(() => assert.deepEqual(c.errors, []));

  /** Open text, apply the preferred quick fix of the n-th fixable diagnostic, return the new text. */
  async function applyQuickFix(text: string, pick: (d: Diagnostic) => boolean): Promise<{ before: Diagnostic; after: string; uri: string }> {
    const uri = freshUri('qf');
    c.open(uri, text);
    const ds = await c.diagnostics(uri);
    const d = ds.find(pick);
    assert.ok(d, 'the diagnostic is reported');
    const actions = await c.codeActions(uri, d.range, [d]);
    const qf = quickFixFor(actions, d);
    assert.ok(qf, `a quick fix for ${d.code}`);
    c.applyWorkspaceEdit(qf.edit!);
    return { before: d, after: c.text(uri), uri };
  }

  const texts: [string, string][] = [
    ...seedFiles().map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')] as [string, string]),
    ['small-2023.txt', fixture('small-2023.txt')],
    ['small-2023.txt (CRLF)', crlf(fixture('small-2023.txt'))],
    ['empty-sections-2023.txt', fixture('empty-sections-2023.txt')],
    ['empty-sections-2023.txt (CRLF)', crlf(fixture('empty-sections-2023.txt'))],
  ];
  for (const [name, text] of texts) {
    it(`${name}: every quick fix gives exactly the engine applier's text, once`, async () => {
      const fixable = check(text).findings.filter((f: Finding) => f.fix);
      for (const f of fixable) {
        const expected = applyEdits(text, f.fix!.edits).text;
        const { after, before, uri } = await applyQuickFix(text, (d) => d.code === f.ruleId && (d.data as { fix?: unknown }).fix !== undefined && sameStart(text, d, f));
        assert.equal(after, expected, `${f.ruleId}: ${f.message.en}`);
        // Applying it again offers nothing: the diagnostic is gone and its action with it.
        const again = await c.diagnostics(uri);
        assert.ok(!again.some((d) => d.code === before.code && JSON.stringify(d.range) === JSON.stringify(before.range) && d.message === before.message));
        const actions = await c.codeActions(uri, before.range, [before]);
        assert.equal(quickFixFor(actions, before), undefined);
        c.close(uri);
      }
    });
  }

  for (const eol of ['\n', '\r\n']) {
    it(`row-total quick fix sets exactly the total cell (${JSON.stringify(eol)}), and the table then adds up`, async () => {
      const text = eol === '\n' ? fixture('small-2023.txt') : crlf(fixture('small-2023.txt'));
      const { after, uri } = await applyQuickFix(text, (d) => d.code === 'row-total');
      assert.equal(after, setLastCell(text, '（一）予以公开', '3'));
      const left = (await c.diagnostics(uri)).filter((d) => ARITHMETIC.includes(String(d.code)));
      assert.deepEqual(left.map((d) => d.message), []);
      c.close(uri);
    });
  }

  it('conversion junk after 𠮷 on the same line is removed and nothing else', async () => {
    const text = crlf(fixture('small-2023.txt'));
    const { after, uri } = await applyQuickFix(text, (d) => d.code === 'conversion-junk');
    assert.equal(after, text.replace('[bookmark: _GoBack]', ''));
    c.close(uri);
  });

  it('fix all of one rule and source.fixAll choose non-overlapping edits like the engine', async () => {
    // Two mistyped cells: （一）'s total says 2 (its row and （七） say 3), and （二）'s 科研机构 is
    // raised to 1 (its row total and （七） · 科研机构 say 0; （一）'s 科研机构 is 0, so no other
    // pair of cells explains the four broken relations).
    const original = fixture('small-2023.txt');
    let text = original;
    const r4 = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t0';
    text = text.replace(r4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t1');
    const uri = freshUri('fixall');
    c.open(uri, text);
    const ds = await c.diagnostics(uri);
    const rowTotals = ds.filter((d) => d.code === 'row-total');
    assert.equal(rowTotals.length, 2);
    const actions = await c.codeActions(uri, rowTotals[0].range, [rowTotals[0]]);
    const all = actions.find((a) => a.kind === 'quickfix' && a.edit && (a.diagnostics?.length ?? 0) === 2);
    assert.ok(all, 'a fix-all-of-this-rule action');
    assert.ok(actions.some((a) => a.command?.command === 'disclosureReport.showRuleDoc' && a.command.arguments?.[0] === 'row-total'));
    const edits = all.edit!.documentChanges!.flatMap((dc) => ('edits' in dc ? dc.edits : []));
    assert.equal(edits.length, 2);
    c.applyWorkspaceEdit(all.edit!);
    assert.equal(c.text(uri), setLastCell(original, '（一）予以公开', '3'));
    c.close(uri);

    // source.fixAll on the original: the engine's applyEdits over all fixes.
    const uri2 = freshUri('fixall2');
    c.open(uri2, text);
    await c.diagnostics(uri2);
    const src = await c.codeActions(uri2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    const fixAll = src.find((a) => a.kind === 'source.fixAll.disclosure-report');
    assert.ok(fixAll?.edit);
    assert.ok(src.every((a) => a.kind?.startsWith('source.fixAll')));
    c.applyWorkspaceEdit(fixAll.edit);
    assert.equal(c.text(uri2), applyEdits(text, check(text).findings.flatMap((f) => f.fix?.edits ?? [])).text);
    c.close(uri2);
  });

  it('tied explanations: each candidate is its own quick fix, none preferred, and source.fixAll applies none; the hover says the same', async () => {
    // （二）'s 自然人 raised to 1 beside （一）'s wrong total: the pair and the other diagonal of the
    // rectangle explain the same four relations.
    const original = fixture('small-2023.txt');
    const r4 = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0';
    const text = original.replace(r4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1');
    const uri = freshUri('tie');
    c.open(uri, text);
    const ds = (await c.diagnostics(uri)).filter((d) => ARITHMETIC.includes(String(d.code)));
    assert.equal(ds.length, 4);
    assert.ok(ds.every((d) => /无法确定是哪一格填错/.test(String(d.message))));
    const actions = await c.codeActions(uri, ds[0].range, [ds[0]]);
    const candidates = actions.filter((a) => a.kind === 'quickfix' && a.edit && a.diagnostics?.length === 1);
    assert.equal(candidates.length, 2);
    assert.ok(candidates.every((a) => !a.isPreferred));
    c.applyWorkspaceEdit(candidates.find((a) => a.title.includes('（一）予以公开」的总计改为 3'))!.edit!);
    assert.equal(c.text(uri), setLastCell(original, '（一）予以公开', '3').replace(r4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0'));
    c.close(uri);

    const uri2 = freshUri('tie2');
    c.open(uri2, text);
    await c.diagnostics(uri2);
    const src = await c.codeActions(uri2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    const fixAll = src.find((a) => a.kind === 'source.fixAll.disclosure-report');
    const edits = fixAll?.edit?.documentChanges?.flatMap((dc) => ('edits' in dc ? dc.edits : [])) ?? [];
    assert.ok(edits.every((e) => !/^\d+$/.test((e as { newText?: string }).newText ?? '')), 'no cell is written by fix-all');
    // Hover on the raised cell: it is one of the candidates.
    const at = text.indexOf(r4.slice(0, -1)) + r4.length - 1;
    const lines = check(text).report.source.lines;
    const h = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri2 }, position: lines.positionAt(at) });
    assert.match(h!.contents.value, /可能填错（2 种解释之一）：按相关关系可为 0/);
    c.close(uri2);
  });

  it('missing-table: the quick fix inserts the zero-filled table per setting; the section then checks clean', async () => {
    const z = await TestClient.start({ locale: 'en', settings: { template: { fill: 'zero' } } });
    try {
      for (const text of [fixture('empty-sections-2023.txt'), crlf(fixture('empty-sections-2023.txt'))]) {
        const uri = freshUri('mt');
        z.open(uri, text);
        for (const id of ['proactive', 'requests', 'appeals']) {
          const d = (await z.diagnostics(uri)).find((x) => x.code === 'missing-table');
          assert.ok(d, `missing-table reported before inserting ${id}`);
          const actions = await z.codeActions(uri, d.range, [d]);
          const qf = quickFixFor(actions, d);
          assert.ok(qf?.edit);
          z.applyWorkspaceEdit(qf.edit);
        }
        const final = z.text(uri);
        const { report, findings } = check(final);
        assert.deepEqual(report.tables.map((t) => t.id), ['proactive', 'requests', 'appeals']);
        assert.deepEqual(findings.filter((f) => ['missing-table', 'table-shape', 'empty-cell', ...ARITHMETIC].includes(f.ruleId)).map((f) => f.ruleId), []);
        assert.ok(!/(?<!\r)\n/.test(final) || !text.includes('\r\n'), 'CRLF kept');
        assert.deepEqual((await z.diagnostics(uri)).filter((x) => x.code === 'missing-table'), []);
        z.close(uri);
      }
      assert.deepEqual(z.errors, []);
    } finally {
      await z.stop();
    }
  });
});

function sameStart(text: string, d: Diagnostic, f: Finding): boolean {
  const lines = text.slice(0, f.start).split(/\r\n|\r|\n/);
  return d.range.start.line === lines.length - 1 && d.range.start.character === lines[lines.length - 1].length;
}
