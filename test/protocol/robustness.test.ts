// Any input gets an answer and never an error response; edits faster than checks end in the
// newest text's diagnostics; closing drops state.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { readSeed, REPO_ROOT } from '../support/seeds';
import { rng } from '../support/random';
import { comparable, expectedDiagnostics, freshUri, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const INTERNAL_ERROR = -32603;

describe('protocol: robustness', function () {
  this.timeout(120000);
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => c?.stop());
  afterEach(() => assert.deepEqual(c.errors, []));

  async function everyRequest(uri: string): Promise<void> {
    const td = { textDocument: { uri } };
    const pos = { line: 3, character: 2 };
    await c.diagnostics(uri);
    await c.request('textDocument/documentSymbol', td);
    await c.request('textDocument/foldingRange', td);
    await c.request('textDocument/hover', { ...td, position: pos });
    await c.request('textDocument/completion', { ...td, position: pos });
    await c.request('textDocument/codeAction', { ...td, range: { start: pos, end: pos }, context: { diagnostics: [] } });
  }

  const seed = (): string => readSeed('000').text;
  const inputs: [string, () => string][] = [
    ['empty', () => ''],
    ['only line breaks', () => '\r\n\n\r'],
    ['binary', () => {
      const r = rng(7);
      return Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(r() * 0x10000))).join('');
    }],
    ['lone surrogates and 𠮷', () => '\ud800\udc00\ud83d𠮷\udfff\n三、收到和处理政府信息公开申请情况\n𠮷\t1\t\ud800'],
    ['half a table', () => {
      const t = seed();
      return t.slice(0, t.indexOf('（四）') + 3);
    }],
    ['a 5 MB document', () => {
      const t = seed();
      return t.repeat(Math.ceil((5 * 1024 * 1024) / t.length));
    }],
  ];
  for (const [name, make] of inputs) {
    it(`${name}: every request answers; diagnostics equal the engine's`, async () => {
      const text = make();
      const uri = freshUri('robust');
      c.open(uri, text);
      await everyRequest(uri);
      assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
      c.close(uri);
    });
  }

  it('malformed params never get an internal error', async () => {
    const uri = freshUri('malformed');
    c.open(uri, fixture('small-2023.txt'));
    const bad: [string, unknown][] = [
      ['textDocument/diagnostic', {}],
      ['textDocument/diagnostic', { textDocument: null }],
      ['textDocument/diagnostic', { textDocument: { uri: 42 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 'a', character: null } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: -5 } }],
      ['textDocument/hover', { textDocument: { uri } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 1e9 } }],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [null, 1, { code: 'row-total', source: 'disclosure-report' }] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: 'x', only: 'source' } }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['textDocument/foldingRange', null],
      ['workspace/executeCommand', { command: 'disclosureReport.insertTable', arguments: 'nope' }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
      ['workspace/executeCommand', {}],
    ];
    for (const [method, params] of bad) {
      try {
        await c.request(method, params);
      } catch (err) {
        const code = (err as { code?: number }).code;
        assert.notEqual(code, INTERNAL_ERROR, `${method} ${JSON.stringify(params)}: ${String(err)}`);
      }
    }
    // Still alive and correct.
    assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(c.text(uri), 'zh'));
    c.close(uri);
  });

  it('2,000 incremental edits sent without waiting: the final diagnostics are those of the final text', async () => {
    const uri = freshUri('stress');
    c.open(uri, fixture('small-2023.txt').replace(/\n/g, '\r\n'));
    const r = rng(42);
    const alphabet = ['1', '0', '\t', '𠮷', '二、', '\r\n', '（七）总计', '年', ' ', '\n'];
    for (let i = 0; i < 2000; i++) {
      const doc = c.docs.get(uri)!;
      const len = doc.getText().length;
      const start = Math.floor(r() * (len + 1));
      const end = Math.min(len, start + Math.floor(r() * 4));
      const changes: TextDocumentContentChangeEvent[] = [
        { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: r() < 0.6 ? alphabet[Math.floor(r() * alphabet.length)] : '' },
      ];
      c.change(uri, changes); // not awaited
    }
    const before = c.statuses.filter((s) => s.uri === uri).length;
    const final = c.text(uri);
    assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(final, 'zh'));
    const st = c.statuses.filter((s) => s.uri === uri);
    assert.equal(st.length, before + 1, 'one check for the newest version, none for the edits in between');
    assert.equal(st[st.length - 1].version, 2001);
    c.close(uri);
  });

  it('40 open reports: at most 16 checks are held, and an evicted report is re-checked on demand', async () => {
    const base = fixture('small-2023.txt');
    const uris = Array.from({ length: 40 }, (_, i) => freshUri(`many${i}`));
    for (const [i, uri] of uris.entries()) {
      c.open(uri, `${base}\n（文档 ${i}）\n`);
      await c.diagnostics(uri);
    }
    const stats = await c.request<{ documents: number; cachedChecks: number }>('disclosureReport/stats', null);
    assert.equal(stats.documents, 40);
    assert.equal(stats.cachedChecks, 16);
    // The first report's check was dropped long ago: edit it and ask again.
    c.change(uris[0], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
    assert.deepEqual(comparable(await c.diagnostics(uris[0])), expectedDiagnostics(c.text(uris[0]), 'zh'));
    assert.deepEqual(comparable(await c.diagnostics(uris[1])), expectedDiagnostics(c.text(uris[1]), 'zh'));
    for (const uri of uris) c.close(uri);
  });

  it('1,000 open/edit/check/close cycles leave no per-document state behind', async () => {
    const text = fixture('small-2023.txt');
    for (let i = 0; i < 1000; i++) {
      const uri = freshUri('cycle');
      c.open(uri, text);
      c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: String(i) }]);
      if (i % 10 === 0) await c.diagnostics(uri);
      c.close(uri);
    }
    const stats = await c.request<{ documents: number; checks: number; settings: number }>('disclosureReport/stats', null);
    assert.deepEqual({ documents: stats.documents, checks: stats.checks, settings: stats.settings }, { documents: 0, checks: 0, settings: 0 });
  });
});
