// The bundle also runs over node IPC (how VS Code starts it), and answers the cursor code action
// that inserts a missing table where the cursor is.
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import type { CodeAction, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { renderTable } from '../../server/src/engine/templates';
import { REPO_ROOT } from '../support/seeds';
import { expectedDiagnostics, comparable, freshUri, SERVER_JS, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('protocol: transports and cursor actions', function () {
  it('runs with --node-ipc', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'en', capabilities: {} });
      await conn.sendNotification('initialized', {});
      const text = fixture('small-2023.txt');
      const uri = freshUri('ipc');
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
      const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      assert.equal(r.kind, 'full');
      assert.deepEqual(comparable(r.kind === 'full' ? r.items : []), expectedDiagnostics(text, 'en'));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          setTimeout(() => child.kill(), 2000).unref();
        });
      }
    }
  });

  it('code action at the cursor in an empty section 三 inserts its table on that line, a blank line before and after', async () => {
    const c = await TestClient.start({ locale: 'zh-CN', settings: { template: { fill: 'zero' } } });
    try {
      const text = fixture('empty-sections-2023.txt');
      const uri = freshUri('cursor');
      c.open(uri, text);
      const lines = text.split('\n');
      const line = lines.indexOf('三、收到和处理政府信息公开申请情况') + 1;
      const at = { line, character: 0 };
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: at, end: at },
        context: { diagnostics: [], only: ['refactor'] },
      });
      assert.deepEqual(actions.map((a) => a.kind), ['refactor.insert.disclosure-report']);
      c.applyWorkspaceEdit(actions[0].edit!);
      lines.splice(line, 0, '', renderTable('requests', '2021', { layout: 'tab', fill: 'zero', eol: '\n' }));
      assert.equal(c.text(uri), lines.join('\n'));
      // The table is there now: no more offer.
      const again = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: at, end: at },
        context: { diagnostics: [], only: ['refactor'] },
      });
      assert.deepEqual(again, []);
      assert.deepEqual(c.errors, []);
    } finally {
      await c.stop();
    }
  });
});
