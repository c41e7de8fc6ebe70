// A real LSP client for the protocol tests: spawns the bundled server (`node server/out/server.js
// --stdio`) and talks JSON-RPC to it over its stdio. Keeps its own mirror of each document
// (vscode-languageserver-textdocument) and applies workspace/applyEdit requests to it, like an editor.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, LineIndex, type Finding, type Lang, type RuleSettings } from '../../server/src/engine';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/protocol';
import { REPO_ROOT } from '../support/seeds';

export const SERVER_JS = path.join(REPO_ROOT, 'server', 'out', 'server.js');

export interface ClientOptions {
  locale?: string;
  /** Answer workspace/configuration (section disclosureReport) with this; undefined → no configuration capability. */
  settings?: Record<string, unknown>;
  /** More workspace client capabilities (merged over the defaults). */
  workspace?: Record<string, unknown>;
  /** The workspace folders sent with initialize (and answered to workspace/workspaceFolders). */
  workspaceFolders?: { uri: string; name: string }[];
  /** On workspace/diagnostic/refresh, pull the diagnostics of every open document again, as an editor does. */
  pullOnRefresh?: boolean;
}

export class TestClient {
  readonly docs = new Map<string, TextDocument>();
  readonly statuses: { uri: string; version: number; year: number | null; formatVersion: string | null; durationMs: number }[] = [];
  readonly errors: string[] = [];
  /** Every window/logMessage, of any type. */
  readonly logs: { type: number; message: string }[] = [];
  /** Refreshes seen (with pullOnRefresh: counted once the open documents were pulled again). */
  refreshes = 0;
  /** With pullOnRefresh: the diagnostics each open document was last pulled with after a refresh. */
  readonly pulled = new Map<string, Diagnostic[]>();
  /** client/registerCapability registrations received. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private refreshWaiters: (() => void)[] = [];
  /** Whether to accept workspace/applyEdit requests. */
  acceptEdits = true;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    public settings: Record<string, unknown> | undefined,
  ) {}

  static async start(opts: ClientOptions = {}): Promise<TestClient> {
    // As the VS Code client starts it; DR_NODE_ARGS overrides (to compare options in the benchmark).
    const nodeArgs = process.env.DR_NODE_ARGS !== undefined ? process.env.DR_NODE_ARGS.split(' ').filter(Boolean) : SERVER_EXEC_ARGV;
    const proc = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr!.on('data', (d: Buffer) => process.env.LSP_DEBUG && process.stderr.write(d));
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn, opts.settings);
    conn.onNotification('disclosureReport/status', (p: TestClient['statuses'][number]) => {
      client.statuses.push(p);
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      client.logs.push(p);
      if (p.type === 1) client.errors.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((it) => (it.section === 'disclosureReport' ? (client.settings ?? {}) : null)),
    );
    const refreshed = (): void => {
      client.refreshes++;
      const w = client.refreshWaiters.splice(0);
      w.forEach((f) => f());
    };
    conn.onRequest('workspace/diagnostic/refresh', () => {
      if (!opts.pullOnRefresh) {
        refreshed();
        return null;
      }
      void (async () => {
        for (const uri of [...client.docs.keys()]) {
          try {
            client.pulled.set(uri, await client.diagnostics(uri));
          } catch {
            /* closed meanwhile */
          }
        }
        refreshed();
      })();
      return null;
    });
    conn.onRequest('client/registerCapability', (p: { registrations: TestClient['registrations'] }) => {
      client.registrations.push(...(p?.registrations ?? []));
      return null;
    });
    conn.onRequest('workspace/workspaceFolders', () => opts.workspaceFolders ?? null);
    conn.onRequest('window/showDocument', () => ({ success: true }));
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }): { applied: boolean; failureReason?: string } => {
      if (!client.acceptEdits) return { applied: false, failureReason: 'refused by test' };
      client.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: opts.workspaceFolders ?? null,
      locale: opts.locale,
      capabilities: {
        workspace: { configuration: opts.settings !== undefined, applyEdit: true, workspaceEdit: { documentChanges: true }, ...opts.workspace },
        window: { showDocument: { support: true } },
        textDocument: { diagnostic: { dynamicRegistration: false } },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  waitForRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  open(uri: string, text: string, languageId = 'disclosure-report'): TextDocument {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Send incremental changes (applied in order, like an editor) and update the mirror. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const doc = this.docs.get(uri)!;
    TextDocument.update(doc, changes, doc.version + 1);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
    return doc;
  }

  /** workspace/didChangeWatchedFiles, as an editor sends it when files change on disk (type 1 created, 2 changed, 3 deleted). */
  fileEvents(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Apply a WorkspaceEdit to the mirror and send it to the server as incremental changes. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const dc of edit.documentChanges ?? []) {
      if ('textDocument' in dc) {
        const doc = this.docs.get(dc.textDocument.uri);
        if (!doc || (dc.textDocument.version !== null && dc.textDocument.version !== doc.version)) {
          throw new Error(`stale edit for ${dc.textDocument.uri} v${dc.textDocument.version}`);
        }
        perUri.set(dc.textDocument.uri, [...(perUri.get(dc.textDocument.uri) ?? []), ...(dc.edits as TextEdit[])]);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
    for (const [uri, edits] of perUri) {
      const doc = this.docs.get(uri)!;
      const newText = TextDocument.applyEdits(doc, edits);
      // Send as incremental changes, last position first so earlier positions stay valid.
      const sorted = [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      );
      this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      if (this.text(uri) !== newText) throw new Error('mirror diverged from TextDocument.applyEdits');
    }
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const r = (await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    if (r.kind !== 'full') throw new Error(`expected a full report, got ${r.kind}`);
    return r.items;
  }

  codeActions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.proc.once('exit', () => resolve());
        setTimeout(() => this.proc.kill(), 2000).unref();
      });
    }
  }
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** The engine's findings as the diagnostics an editor should see (templates quiet until worked on),
 *  converted independently of the server. */
export function expectedDiagnostics(text: string, lang: Lang, rules?: RuleSettings): {
  code: string;
  severity: number;
  message: string;
  range: Diagnostic['range'];
}[] {
  const lines = new LineIndex(text);
  return check(text, { rules, templateQuiet: true }).findings.map((f: Finding) => ({
    code: f.ruleId,
    severity: SEVERITY[f.severity],
    message: f.message[lang],
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
  }));
}

export function comparable(ds: Diagnostic[]): ReturnType<typeof expectedDiagnostics> {
  return ds.map((d) => ({ code: String(d.code), severity: d.severity!, message: String(d.message), range: d.range }));
}

let counter = 0;
let folder: string | null = null;

/**
 * A new document URI in a temporary folder of this test run (the documents live only in the
 * editor's memory, as unsaved edits do; the folder is removed when the run ends).
 */
export function freshUri(name = 'doc', ext = 'txt'): string {
  if (folder === null) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-protocol-'));
    process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
    folder = made;
  }
  counter++;
  return pathToFileURL(path.join(folder, `${name}-${counter}.${ext}`)).href;
}
