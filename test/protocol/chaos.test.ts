// Language-server chaos: one client interleaves opens, thousands of incremental changes,
// closes, reopens, requests it cancels, settings changes and malformed parameters across several
// documents, without waiting, driven by a seeded PRNG. The server must never answer with an
// internal error (-32603), log an error or die, and each open document's final diagnostics must
// equal a fresh engine check of its final text under the final settings.
// CHAOS_OPS=N runs N operations (default 6000); CHAOS_SEED=S replays a run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { RuleSettings } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';
import { rng } from '../support/random';
import { writeReliability } from '../support/reliability';
import { comparable, expectedDiagnostics, freshUri, TestClient } from './harness';

const OPS = Number(process.env.CHAOS_OPS ?? 6000);
const SEED = Number(process.env.CHAOS_SEED ?? 20261124);
const INTERNAL_ERROR = -32603;
const REQUEST_CANCELLED = -32800;

const INSERTS = ['1', '0', '9', '12', '\t', '\t0', '\n', '\r\n', '\r', '𠮷', '\ufeff', '\u3000', '\u0000', '一、', '三、收到和处理政府信息公开申请情况\n', '（七）总计\t1\t2', '件', '年', '，其中', '、', '。', '|', ' | 3 |', '#', '## ', '１２'];
const METHODS = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/diagnostic'];
const GARBAGE: unknown[] = [null, 0, -1, 'x', [], {}, { textDocument: null }, { textDocument: { uri: 42 } }, { position: { line: -1, character: 'a' } }, { range: { start: {}, end: null } }, { context: { diagnostics: 'nope' } }];
const RULE_IDS = ['row-total', 'missing-section', 'table-shape', 'invalid-number', 'empty-cell', 'label-mismatch', 'text-table-mismatch', 'conversion-junk'];
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

interface Counts {
  [op: string]: number;
}

describe('protocol: chaos', function () {
  this.timeout(300000);
  let c: TestClient;
  const counts: Counts = {};
  const held: Record<string, boolean> = { chaos: false, 'malformed notifications': false };
  const bump = (k: string): void => {
    counts[k] = (counts[k] ?? 0) + 1;
  };

  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => {
    await c?.stop();
    // The record for the README's reliability section (scripts/reliability.ts).
    writeReliability('chaos', { date: new Date().toISOString(), seed: SEED, operations: Object.values(counts).reduce((s, n) => s + n, 0), counts, held });
  });

  it(`${OPS} interleaved operations on several documents: no internal error, no death, final diagnostics = fresh check`, async () => {
    const r = rng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const texts = [...seedFiles().map((f) => fs.readFileSync(f, 'utf8')), fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8')];
    const pending: Promise<unknown>[] = [];
    const failures: string[] = [];
    let rules: RuleSettings = {};
    let lang: 'zh' | 'en' = 'zh';

    /** Track a request: a cancellation or any other error code is fine, an internal error is not. */
    const track = (what: string, p: Promise<unknown>): void => {
      pending.push(
        p.catch((err: { code?: number; message?: string }) => {
          if (err?.code === INTERNAL_ERROR || err?.code === undefined) failures.push(`${what}: ${err?.code} ${err?.message}`);
        }),
      );
    };

    // Several documents; one with CRLF and one with a BOM.
    const open: string[] = [];
    const closed: string[] = [];
    const openDoc = (uri: string, text: string): void => {
      c.open(uri, text);
      open.push(uri);
    };
    for (let i = 0; i < 4; i++) {
      let t = texts[i % texts.length];
      if (i === 1) t = t.replace(/\r?\n/g, '\r\n');
      if (i === 2) t = '\ufeff' + t;
      openDoc(freshUri(`chaos${i}`), t);
    }

    for (let op = 0; op < OPS; op++) {
      const x = r();
      if (x < 0.68 && open.length) {
        // 1–3 incremental changes in one notification, applied in order (like an editor).
        const uri = pick(open);
        const doc = c.docs.get(uri)!;
        const changes: TextDocumentContentChangeEvent[] = [];
        let text = doc.getText();
        const n = 1 + Math.floor(r() * 3);
        for (let k = 0; k < n; k++) {
          const start = Math.floor(r() * (text.length + 1));
          const end = Math.min(text.length, start + (r() < 0.5 ? 0 : Math.floor(r() * 12)));
          const insert = r() < 0.7 ? pick(INSERTS) : '';
          // Positions against the text as it is after the previous changes of this event.
          const { TextDocument } = await import('vscode-languageserver-textdocument');
          const tmp = TextDocument.create(uri, 'x', 0, text);
          changes.push({ range: { start: tmp.positionAt(start), end: tmp.positionAt(end) }, text: insert });
          text = text.slice(0, tmp.offsetAt(tmp.positionAt(start))) + insert + text.slice(tmp.offsetAt(tmp.positionAt(end)));
        }
        c.change(uri, changes);
        bump('change');
      } else if (x < 0.76 && open.length) {
        const uri = pick(open);
        track('diagnostic', c.request('textDocument/diagnostic', { textDocument: { uri } }));
        bump('diagnostic');
      } else if (x < 0.82 && open.length) {
        // A request cancelled at once, or after a few more operations.
        const uri = pick(open);
        const src = new CancellationTokenSource();
        const method = pick(METHODS);
        const params = { textDocument: { uri }, position: { line: Math.floor(r() * 80), character: Math.floor(r() * 30) }, range: { start: { line: 0, character: 0 }, end: { line: Math.floor(r() * 80), character: 0 } }, context: { diagnostics: [] } };
        track(`cancelled ${method}`, c.conn.sendRequest(method, params, src.token));
        if (r() < 0.5) src.cancel();
        else setImmediate(() => src.cancel());
        bump('cancelled request');
      } else if (x < 0.87 && open.length) {
        const uri = pick(open);
        const method = pick(METHODS);
        const pos = { line: Math.floor(r() * 200) - 5, character: Math.floor(r() * 60) };
        track(method, c.request(method, { textDocument: { uri }, position: pos, range: { start: pos, end: pos }, context: { diagnostics: [] } }));
        bump('other request');
      } else if (x < 0.9) {
        // Malformed parameters: requests with garbage, notifications for documents nobody opened.
        const method = pick([...METHODS, 'workspace/executeCommand', 'disclosureReport/stats']);
        track(`malformed ${method}`, c.request(method, pick(GARBAGE)));
        void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.txt', version: 3 }, contentChanges: [{ text: 'x' }] });
        void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.txt' } });
        void c.conn.sendNotification('$/cancelRequest', { id: Math.floor(r() * 100000) });
        bump('malformed');
      } else if (x < 0.93 && open.length) {
        const uri = open.splice(Math.floor(r() * open.length), 1)[0];
        c.close(uri);
        closed.push(uri);
        bump('close');
      } else if (x < 0.96 && closed.length) {
        // Reopen a closed URI with a new text (version 1 again).
        const uri = closed.splice(Math.floor(r() * closed.length), 1)[0];
        openDoc(uri, pick(texts));
        bump('reopen');
      } else if (x < 0.98) {
        rules = {};
        for (const id of RULE_IDS) if (r() < 0.3) rules[id] = pick(SEVERITIES);
        const language = pick(['auto', 'zh', 'en'] as const);
        lang = language === 'en' ? 'en' : 'zh';
        c.settings = { rules, language };
        void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
        bump('settings change');
      } else if (open.length < 6) {
        openDoc(freshUri('chaos-new'), pick(texts));
        bump('open');
      }
      // Let the server's answers in now and then (a real editor is not a flood all the time).
      if (op % 200 === 199) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending.splice(0));

    assert.equal(c.proc.exitCode, null, 'the server is alive');
    assert.deepEqual(failures, [], `internal errors (seed ${SEED})`);
    assert.deepEqual(c.errors, [], `errors logged by the server (seed ${SEED})`);
    for (const uri of open) {
      const text = c.text(uri);
      assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(text, lang, rules), `final diagnostics of ${uri} (seed ${SEED})`);
    }
    const stats = await c.request<{ documents: number }>('disclosureReport/stats', null);
    assert.equal(stats.documents, open.length, 'the server holds exactly the open documents');
    bump('final check');
    held.chaos = true;
  });

  it('malformed didOpen/didChange/didClose notifications are ignored without an error logged', async () => {
    const uri = freshUri('chaos-notify');
    c.open(uri, fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8'));
    const before = c.errors.length;
    const bad: [string, unknown][] = [
      ['textDocument/didChange', null],
      ['textDocument/didChange', {}],
      ['textDocument/didChange', { textDocument: { uri, version: 99 } }],
      ['textDocument/didChange', { textDocument: { uri, version: 99 }, contentChanges: [{ range: null, text: 5 }] }],
      ['textDocument/didOpen', { textDocument: null }],
      ['textDocument/didClose', {}],
    ];
    for (const [method, params] of bad) {
      void c.conn.sendNotification(method, params);
      bump('malformed notification');
    }
    // Still alive, and the document as the client has it.
    assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(c.text(uri), 'zh'));
    assert.deepEqual(c.errors.slice(before), [], 'no handler failed on a malformed notification');
    held['malformed notifications'] = true;
    c.close(uri);
  });
});
