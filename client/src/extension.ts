// The VS Code client: starts the bundled language server (server/out/server.js) over IPC, wires the
// commands and the language status item. Nothing here knows about reports: the server does.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { REPORT_TEXT_SCHEME, SERVER_EXEC_ARGV, StatusNotification, type StatusParams } from '../../server/src/lsp/protocol';
import { registerCommands, openRuleDoc, type CommandContext } from './commands';
import { ClientCommands, DOCUMENT_SELECTOR, REPORT_FILE_EDITORS } from './ids';
import { registerPreview } from './preview/panel';
import { t } from './l10n';
import { PlainTextOffer } from './plainText';
import { openAsReport, ReportFileEditor, reportTextDocument, ReportTextProvider, saveReportText } from './reportText';
import { StatusTracker, type ReceivedStatus } from './status';
import { WorkspaceChecker, type WorkspaceCheckResult } from './workspaceCheck';

/** What activate() returns (extension-host tests use it). */
export interface DisclosureReportApi {
  client: LanguageClient;
  /** Resolves when the server has answered `initialize` (rejects if it cannot start). */
  ready: Promise<void>;
  /** The last status the server sent for a document. */
  statusOf(uri: vscode.Uri | string): ReceivedStatus | undefined;
  /** Fires on every status notification (after each check). */
  onStatus: vscode.Event<ReceivedStatus>;
}

export type { WorkspaceCheckResult };

let client: LanguageClient | undefined;

const RULE_DOC_RE = /\/docs\/rules\/(?:en\/)?([a-z0-9-]+)\.md$/;

export function activate(context: vscode.ExtensionContext): DisclosureReportApi {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const run = { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } };
  // Debug only on request: extension tests run in development mode, where a fixed inspector port
  // could collide between runs.
  const debugPort = process.env.DISCLOSURE_REPORT_INSPECT;
  const serverOptions: ServerOptions = {
    run,
    debug: debugPort ? { ...run, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', `--inspect=${debugPort}`] } } : run,
  };

  const status = new StatusTracker();
  const plainText = new PlainTextOffer(context.workspaceState);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'disclosureReport' },
    diagnosticCollectionName: 'disclosure-report',
    outputChannelName: 'Disclosure Report',
    middleware: {
      window: {
        // The server's "show rule documentation" opens docs/rules/<id>.md: show it rendered.
        showDocument: async (params, token, next) => {
          const m = RULE_DOC_RE.exec(params.uri);
          if (m && params.uri.startsWith('file:')) {
            const shown = await openRuleDoc(commandContext, m[1]);
            if (shown) return { success: true };
          }
          return next(params, token);
        },
      },
    },
  };

  const languageClient = new LanguageClient('disclosureReport', 'Disclosure Report', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    status,
    languageClient.onNotification(StatusNotification.method, (p: StatusParams) => {
      status.received(p);
      void plainText.received(p).catch(() => undefined);
    }),
    languageClient.onDidChangeState(() => status.clear()),
  );

  const ready = languageClient.start().catch((err: unknown) => {
    void vscode.window.showErrorMessage(`${t('notReady')} ${String(err instanceof Error ? err.message : err)}`);
    throw err;
  });
  // Nobody need handle a failed start for the commands to work (they await ready themselves).
  ready.catch(() => undefined);

  // .docx/.pdf reports: their report text as read-only documents, opened from the explorer, the
  // editor title or the custom editor those files open in, checked by the workspace check, and
  // saved as an editable .txt.
  const reportTextContext = { client: () => client, ready };
  const reportTexts = new ReportTextProvider(reportTextContext);
  const workspace = new WorkspaceChecker(() => client, status, async (file) => {
    const r = await reportTextDocument(reportTextContext, reportTexts, file);
    return r.ok ? r.doc : null;
  });
  context.subscriptions.push(workspace);

  const commandContext: CommandContext = { extension: context, client: () => client, ready, status, workspace };
  context.subscriptions.push(...registerCommands(commandContext));
  context.subscriptions.push(...registerPreview(commandContext));

  const reportFileEditor = new ReportFileEditor(commandContext, reportTexts);
  context.subscriptions.push(
    reportTexts,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_TEXT_SCHEME, reportTexts),
    ...REPORT_FILE_EDITORS.map((viewType) => vscode.window.registerCustomEditorProvider(viewType, reportFileEditor)),
    vscode.commands.registerCommand(ClientCommands.openAsReport, (uri?: unknown) => openAsReport(commandContext, reportTexts, uri)),
    vscode.commands.registerCommand(ClientCommands.saveReportText, (uri?: unknown) => saveReportText(commandContext, uri)),
  );

  return {
    client: languageClient,
    ready,
    statusOf: (uri) => status.get(uri),
    onStatus: status.onStatus,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
