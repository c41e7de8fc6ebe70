// The language server: LSP glue over the pure engine. Runs with --stdio, --node-ipc or --socket=N
// (createConnection reads the transport from the command line). Handlers live in ./lsp/.

import { createConnection, TextDocuments, TextDocumentSyncKind, CodeActionKind, DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, INSERT_TABLE_KIND } from './lsp/codeActions';
import { COMMANDS, executeCommand } from './lsp/commands';
import { completion } from './lsp/completion';
import { COMPLETION_TRIGGERS } from './engine/ide';
import { safely, ServerContext } from './lsp/context';
import { diagnostics, EMPTY_REPORT } from './lsp/diagnostics';
import { ReportDesk } from './lsp/desk';
import { ReportStore } from './lsp/documents';
import { foldingRanges } from './lsp/folding';
import { hover } from './lsp/hover';
import { peers, REPORT_FILES_GLOB, workspaceFoldersOf } from './lsp/peers';
import {
  PeersRequest,
  ReportTextRequest,
  StatsRequest,
  StatusNotification,
  TablesRequest,
  type ReportTextResult,
  type StatsResult,
  type StatusParams,
} from './lsp/protocol';
import { SettingsCache } from './lsp/settings';
import { CONFIG_FILE_NAMES } from './config';
import { CONFIG_WATCH_PATTERNS, filePathOf, SidecarConfigs } from './lsp/sidecar';
import { symbols } from './lsp/symbols';
import { guardedSync } from './lsp/sync';
import { tables } from './lsp/tables';
import { WorkspaceIndex } from './lsp/workspaceIndex';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
// The workspace's reports, read in the background, and the pairing of each open report with them.
const index = new WorkspaceIndex();
const desk = new ReportDesk(index);
const store = new ReportStore(desk);
const settings = new SettingsCache(connection);
const sidecars = new SidecarConfigs(connection);
const ctx = new ServerContext(connection, documents, store, settings, sidecars);
let watchesConfigFiles = false;

process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`unhandled rejection: ${String(reason instanceof Error ? reason.stack : reason)}`);
  } catch {
    /* ignore */
  }
});
process.on('uncaughtException', (err) => {
  try {
    connection.console.error(`uncaught exception: ${String(err?.stack ?? err)}`);
  } catch {
    /* ignore */
  }
});

store.onChecked = (c) => {
  // A rule that threw was skipped by the engine: say so in the server's log, keep nothing.
  for (const f of c.result.ruleFailures) {
    const detail = f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error);
    connection.console.error(`rule ${f.ruleId} failed on ${c.uri} and was skipped: ${detail}`);
  }
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of c.result.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  void connection
    .sendNotification(StatusNotification.method, {
      uri: c.uri,
      version: c.version,
      year: c.result.report.year,
      formatVersion: c.result.report.formatVersion,
      durationMs: c.durationMs,
      counts,
    } satisfies StatusParams)
    .catch(() => undefined);
};

let watchesFiles = false;
let watchesFolders = false;

connection.onInitialize((params) => {
  const caps = params?.capabilities;
  const folders = workspaceFoldersOf(params);
  index.setFolders(folders);
  watchesFiles = !!caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  watchesFolders = !!caps?.workspace?.workspaceFolders;
  settings.supportsConfiguration = !!caps?.workspace?.configuration;
  ctx.supportsShowDocument = !!caps?.window?.showDocument?.support;
  ctx.clientLocale = typeof params?.locale === 'string' ? params.locale : undefined;
  // The sidecar config: new ones are created in the workspace folder; changes come as watched-file events.
  sidecars.workspaceFolders = folders.map(filePathOf).filter((p): p is string => p !== null);
  sidecars.canCreateFiles = !!caps?.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  watchesConfigFiles = !!caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { identifier: 'disclosure-report', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_TABLE_KIND] },
      executeCommandProvider: { commands: COMMANDS },
      documentSymbolProvider: { label: '年度报告' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      ...(watchesFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'disclosure-report', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (settings.supportsConfiguration) {
    void connection.client.register(
      // Dynamic registration so clients send didChangeConfiguration at all.
      { method: 'workspace/didChangeConfiguration' } as never,
      { section: 'disclosureReport' } as never,
    ).catch(() => undefined);
  }
  // One handler only: a second onInitialized would replace this one.
  if (watchesConfigFiles) {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_WATCH_PATTERNS.map((globPattern) => ({ globPattern })) })
      .catch(() => undefined);
  }
  // Last year's report may be any file of the workspace: hear of every report file created,
  // changed or deleted, and of deleted folders (whose reports go with them).
  if (watchesFiles) {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REPORT_FILES_GLOB }, { globPattern: '**/*', kind: 4 }] })
      .catch(() => undefined);
  }
  if (watchesFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(() => {
      void safely(ctx, 'didChangeWorkspaceFolders', undefined, async () => {
        const folders = await connection.workspace.getWorkspaceFolders();
        index.setFolders((folders ?? []).map((f) => f.uri));
      });
    });
  }
});

// Watched files: sidecar configs (read again, every check redone) and report files (the index
// reads them again; the reports paired with them are refreshed by the desk).
connection.onDidChangeWatchedFiles((params) => {
  void safely(ctx, 'didChangeWatchedFiles', undefined, async () => {
    const changes = Array.isArray(params?.changes) ? params.changes : [];
    if (changes.some(mayChangeConfig)) {
      sidecars.changed();
      store.clear();
      void connection.languages.diagnostics.refresh().catch(() => undefined);
    }
    await index.fileEvents(changes);
  });
});

/** A config file itself, or a deleted folder (one may have held a config). */
function mayChangeConfig(change: { uri?: unknown; type?: unknown }): boolean {
  if (typeof change?.uri !== 'string') return false;
  const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) return true;
  return change.type === 3 && !name.includes('.');
}

// Open reports read against peers that changed since (last year's report edited, saved, found by
// the index): the client pulls their diagnostics again.
desk.onStale = () => {
  void connection.languages.diagnostics.refresh().catch(() => undefined);
};

connection.onDidChangeConfiguration((change) => {
  void safely(ctx, 'didChangeConfiguration', undefined, () => {
    settings.changed(change?.settings);
    store.clear();
    return connection.languages.diagnostics.refresh().catch(() => undefined);
  });
});

// An edited report is checked soon even if the client does not ask (it may be last year's report,
// in a tab the client does not pull for): the reports paired with it see the new text.
const pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();
const CHECK_AFTER_CHANGE_MS = 300;
documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  clearTimeout(pendingChecks.get(uri));
  pendingChecks.set(
    uri,
    setTimeout(() => {
      pendingChecks.delete(uri);
      void safely(ctx, 'check', null, () => ctx.served(uri));
    }, CHECK_AFTER_CHANGE_MS),
  );
});

documents.onDidClose((e) => {
  clearTimeout(pendingChecks.get(e.document.uri));
  pendingChecks.delete(e.document.uri);
  store.drop(e.document.uri);
  settings.drop(e.document.uri);
  desk.closed(e.document.uri);
});

connection.languages.diagnostics.on((params) => safely(ctx, 'diagnostic', EMPTY_REPORT, () => diagnostics(ctx, params)));
connection.onCodeAction((params) => safely(ctx, 'codeAction', [], () => codeActions(ctx, params)));
connection.onExecuteCommand((params) => safely(ctx, 'executeCommand', null, () => executeCommand(ctx, params)));
connection.onDocumentSymbol((params) => safely(ctx, 'documentSymbol', [], () => symbols(ctx, params)));
connection.onFoldingRanges((params) => safely(ctx, 'foldingRange', [], () => foldingRanges(ctx, params)));
connection.onHover((params) => safely(ctx, 'hover', null, () => hover(ctx, params)));
connection.onCompletion((params) => safely(ctx, 'completion', [], () => completion(ctx, params)));
connection.onRequest(TablesRequest.method, (params) => safely(ctx, 'tables', null, () => tables(ctx, params)));
connection.onRequest(PeersRequest.method, (params) => safely(ctx, 'peers', null, () => peers(ctx, params)));

// The report text of a .docx/.pdf (or any readable file): read by the server, kept for the checks
// of the read-only document the client opens under the returned URI.
connection.onRequest(ReportTextRequest.method, (params: { uri?: unknown } | null) =>
  safely<ReportTextResult>(ctx, 'reportText', { ok: false, reason: { zh: '读取文件时出错。', en: 'Reading the file failed.' } }, () =>
    typeof params?.uri === 'string'
      ? store.reportTexts.load(params.uri)
      : { ok: false, reason: { zh: '缺少文件 URI。', en: 'No file URI given.' } },
  ),
);

// Internal state sizes, for tests and the benchmark (memory must stay flat over open/edit/close cycles).
connection.onRequest(
  StatsRequest.method,
  (): StatsResult & { cachedChecks: number } => ({
    documents: documents.all().length,
    checks: store.size + desk.openReports,
    cachedChecks: store.cachedChecks,
    settings: settings.size,
    heapUsed: process.memoryUsage().heapUsed,
    workspaceReports: index.reports().length,
    indexing: index.indexing,
  }),
);

documents.listen(guardedSync(connection));
connection.listen();
