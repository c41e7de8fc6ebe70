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
import { ReportStore } from './lsp/documents';
import { foldingRanges } from './lsp/folding';
import { hover } from './lsp/hover';
import { ReportTextRequest, StatsRequest, StatusNotification, TablesRequest, type ReportTextResult, type StatusParams } from './lsp/protocol';
import { SettingsCache } from './lsp/settings';
import { CONFIG_WATCH_PATTERNS, filePathOf, SidecarConfigs } from './lsp/sidecar';
import { symbols } from './lsp/symbols';
import { guardedSync } from './lsp/sync';
import { tables } from './lsp/tables';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const store = new ReportStore();
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

connection.onInitialize((params) => {
  const caps = params?.capabilities;
  settings.supportsConfiguration = !!caps?.workspace?.configuration;
  ctx.supportsShowDocument = !!caps?.window?.showDocument?.support;
  ctx.clientLocale = typeof params?.locale === 'string' ? params.locale : undefined;
  // The sidecar config: new ones are created in the workspace folder; changes come as watched-file events.
  const folders = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [params?.rootUri];
  sidecars.workspaceFolders = folders.map((u) => (typeof u === 'string' ? filePathOf(u) : null)).filter((p): p is string => p !== null);
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
});

connection.onInitialized(() => {
  if (!watchesConfigFiles) return;
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_WATCH_PATTERNS.map((globPattern) => ({ globPattern })) })
    .catch(() => undefined);
});

// A sidecar config was created, changed or deleted: read the configs again and re-pull diagnostics.
connection.onDidChangeWatchedFiles(() => {
  void safely(ctx, 'didChangeWatchedFiles', undefined, () => {
    sidecars.changed();
    store.clear();
    return connection.languages.diagnostics.refresh().catch(() => undefined);
  });
});

connection.onDidChangeConfiguration((change) => {
  void safely(ctx, 'didChangeConfiguration', undefined, () => {
    settings.changed(change?.settings);
    store.clear();
    return connection.languages.diagnostics.refresh().catch(() => undefined);
  });
});

documents.onDidClose((e) => {
  store.drop(e.document.uri);
  settings.drop(e.document.uri);
});

connection.languages.diagnostics.on((params) => safely(ctx, 'diagnostic', EMPTY_REPORT, () => diagnostics(ctx, params)));
connection.onCodeAction((params) => safely(ctx, 'codeAction', [], () => codeActions(ctx, params)));
connection.onExecuteCommand((params) => safely(ctx, 'executeCommand', null, () => executeCommand(ctx, params)));
connection.onDocumentSymbol((params) => safely(ctx, 'documentSymbol', [], () => symbols(ctx, params)));
connection.onFoldingRanges((params) => safely(ctx, 'foldingRange', [], () => foldingRanges(ctx, params)));
connection.onHover((params) => safely(ctx, 'hover', null, () => hover(ctx, params)));
connection.onCompletion((params) => safely(ctx, 'completion', [], () => completion(ctx, params)));
connection.onRequest(TablesRequest.method, (params) => safely(ctx, 'tables', null, () => tables(ctx, params)));

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
connection.onRequest(StatsRequest.method, () => ({
  documents: documents.all().length,
  checks: store.size,
  cachedChecks: store.cachedChecks,
  settings: settings.size,
  heapUsed: process.memoryUsage().heapUsed,
}));

documents.listen(guardedSync(connection));
connection.listen();
