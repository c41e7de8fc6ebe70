// "Check all reports in the workspace": the Problems panel for report files that are not open.
//
// Thin by design: the client does not run the engine. It opens each candidate file as a text
// document (the language client sends didOpen, so the server reads it through LSP as it reads any
// open document), asks the server for that document's diagnostics with the standard pull request
// (textDocument/diagnostic), and puts them in a collection of its own. A .docx or .pdf cannot be
// opened as text: the server reads it (disclosureReport/reportText) and its report text, the
// read-only document on the disclosure-report-text scheme, is checked and listed instead. vscode-languageclient only
// pulls diagnostics for documents shown in tabs, so without this the Problems panel would stay empty
// for files that are not open. When such a file is opened in an editor (or edited) its entry here is
// dropped: the language client's own collection takes over, so nothing is listed twice.
import * as vscode from 'vscode';
import { DocumentDiagnosticReportKind, DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGES } from './ids';
import { decode } from '../../server/src/cli/encoding';
import type { StatusTracker } from './status';
import { WHOLE_DOCUMENT_DIAGNOSTICS } from '../../server/src/lsp/protocol';
import { t } from './l10n';
import { REPORT_FILE_RE } from './reportText';
import { SummaryPanel } from './summaryPanel';

/** Every form a report is read from (the CLI searches folders for the same extensions). */
export const DEFAULT_INCLUDE = '**/*.{txt,md,html,htm,docx,pdf}';
const DEFAULT_EXCLUDE = '**/{node_modules,.git,out,dist}/**';
const MAX_FILES = 5000;
const NOT_A_REPORT = 'not-a-report';
/** Text files and web pages larger than this are not opened (a report is tens of kilobytes). */
const MAX_BYTES = 5 * 1024 * 1024;
/** Word files and PDFs carry images and fonts: a larger bound (the server reads them, up to its own). */
const MAX_BINARY_BYTES = 50 * 1024 * 1024;

/** Opens the report text of a .docx/.pdf as a document, or null when it cannot be read. */
export type ReportTextOpener = (file: vscode.Uri) => Promise<vscode.TextDocument | null>;

export interface WorkspaceCheckResult {
  /** Files found by the include/exclude globs. */
  files: number;
  /** Files the server checked as reports. */
  reports: number;
  errors: number;
  warnings: number;
  information: number;
  /** URIs (strings) of the report files, with their number of diagnostics (those of a .docx/.pdf are listed on its report text). */
  checked: { uri: string; diagnostics: number }[];
  cancelled: boolean;
  /** Rows of the summary panel opened after the check (one per report the server summed up). */
  summaryRows: number;
}

/** A glob from the settings, refused when it could point outside the workspace folders. */
export function safeGlob(value: unknown, fallback: string): { glob: string; refused: boolean } {
  if (typeof value !== 'string' || value.trim() === '') return { glob: fallback, refused: false };
  const v = value.trim();
  const escapes = /^[\\/~]|^[A-Za-z]:|(^|[\\/])\.\.([\\/]|$)/.test(v);
  return escapes ? { glob: fallback, refused: true } : { glob: v, refused: false };
}

function inTab(uri: string): boolean {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText && input.uri.toString() === uri) return true;
      if (input instanceof vscode.TabInputTextDiff && input.modified.toString() === uri) return true;
    }
  }
  return false;
}

export class WorkspaceChecker implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('disclosure-report-workspace');
  /** The summary of the reports checked, opened after each check. */
  // Opened lazily through this.openReportText (a constructor parameter, set after field initialisers may run).
  private readonly summary = new SummaryPanel((file) => this.openReportText(file));
  private readonly disposables: vscode.Disposable[] = [this.collection, this.summary];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly status: StatusTracker,
    private readonly openReportText: ReportTextOpener,
  ) {
    this.disposables.push(
      // An opened file is served by the language client's own pulls from now on.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of [...e.opened, ...e.changed]) {
          if (tab.input instanceof vscode.TabInputText) this.collection.delete(tab.input.uri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.collection.delete(u))),
      // Other settings give other findings: the listed ones are stale.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('disclosureReport')) this.collection.clear();
      }),
    );
  }

  async run(): Promise<WorkspaceCheckResult> {
    const result: WorkspaceCheckResult = { files: 0, reports: 0, errors: 0, warnings: 0, information: 0, checked: [], cancelled: false, summaryRows: 0 };
    const client = this.client();
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage(t('notReady'));
      return result;
    }
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(t('noWorkspace'));
      return result;
    }
    const cfg = vscode.workspace.getConfiguration('disclosureReport');
    if (!cfg.get<boolean>('enable', true)) {
      void vscode.window.showInformationMessage(t('checkingDisabled'));
      return result;
    }
    const include = safeGlob(cfg.get('workspaceCheck.include'), DEFAULT_INCLUDE);
    const exclude = safeGlob(cfg.get('workspaceCheck.exclude'), DEFAULT_EXCLUDE);
    if (include.refused) void vscode.window.showWarningMessage(t('badGlob', 'disclosureReport.workspaceCheck.include'));
    if (exclude.refused) void vscode.window.showWarningMessage(t('badGlob', 'disclosureReport.workspaceCheck.exclude'));

    const found = await vscode.workspace.findFiles(include.glob, exclude.glob, MAX_FILES + 1);
    const uris = found.slice(0, MAX_FILES).sort((a, b) => a.toString().localeCompare(b.toString()));
    result.files = uris.length;
    if (found.length > MAX_FILES) void vscode.window.showWarningMessage(t('tooMany', MAX_FILES));

    this.collection.clear();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('checking'), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < uris.length; i++) {
          if (token.isCancellationRequested) {
            result.cancelled = true;
            break;
          }
          const uri = uris[i];
          progress.report({ message: t('checkingFile', i + 1, uris.length, vscode.workspace.asRelativePath(uri)), increment: 100 / uris.length });
          const diagnostics = await this.checkOne(client, uri, token);
          if (diagnostics === null) continue;
          result.reports++;
          result.checked.push({ uri: uri.toString(), diagnostics: diagnostics.length });
          for (const d of diagnostics) {
            if (d.severity === vscode.DiagnosticSeverity.Error) result.errors++;
            else if (d.severity === vscode.DiagnosticSeverity.Warning) result.warnings++;
            else result.information++;
          }
        }
      },
    );
    if (result.checked.length > 0) {
      try {
        result.summaryRows = (await this.summary.show(client, result.checked.map((c) => c.uri))).length;
      } catch {
        /* no summary: the Problems panel still lists every finding */
      }
    }
    void vscode.window
      .showInformationMessage(t('checkDone', result.files, result.reports, result.errors, result.warnings, result.information), t('showProblems'))
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return result;
  }

  /** The diagnostics of one file, or null when the server does not check it as a report. */
  private async checkOne(client: LanguageClient, uri: vscode.Uri, token: vscode.CancellationToken): Promise<vscode.Diagnostic[] | null> {
    try {
      const binary = REPORT_FILE_RE.test(uri.path);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > (binary ? MAX_BINARY_BYTES : MAX_BYTES)) return null;
      const doc = binary ? await this.openReportText(uri) : await openReport(uri);
      if (!doc) return null;
      if (!binary && !(LANGUAGES as readonly string[]).includes(doc.languageId)) return null;
      const key = doc.uri.toString();
      const report = await client.sendRequest(
        DocumentDiagnosticRequest.type,
        // A whole-document check: template placeholders and blank cells are reported, as by the CLI.
        { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) }, identifier: WHOLE_DOCUMENT_DIAGNOSTICS },
        token,
      );
      // The server sends its status notification before it answers: a status means it checked the
      // document as a report (plain text that is not a report gets neither).
      if (!this.status.get(key) || report.kind !== DocumentDiagnosticReportKind.Full) return null;
      // A Word file or PDF that is no report (a memo, a scan) is not listed, as a text file that
      // does not read like a report is not checked at all.
      if (binary && report.items.length > 0 && report.items.every((d) => d.code === NOT_A_REPORT)) return null;
      const diagnostics = await client.protocol2CodeConverter.asDiagnostics(report.items, token);
      // Open in a tab: the language client lists it already.
      if (!inTab(key)) this.collection.set(doc.uri, diagnostics);
      return diagnostics;
    } catch {
      return null;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The file as a document. VS Code reads files as UTF-8 unless told otherwise, and many reports
 * are saved in GB18030/GBK: detect that the way the CLI does and open the file in it. A file
 * already open keeps the encoding it was opened with.
 */
async function openReport(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  try {
    // A web page's own <meta charset> counts, as for the CLI.
    const kind = /\.html?$/i.test(uri.path) ? 'html' : 'text';
    const { encoding } = decode(Buffer.from(await vscode.workspace.fs.readFile(uri)), kind);
    if (encoding === 'gb18030') return await vscode.workspace.openTextDocument(uri, { encoding: 'gb18030' });
  } catch {
    /* not text we can read: let VS Code open it as it would */
  }
  return vscode.workspace.openTextDocument(uri);
}
