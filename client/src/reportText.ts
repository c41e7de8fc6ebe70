// .docx and .pdf reports in the editor: their report text (what the checker reads) as a read-only
// document on the scheme disclosure-report-text, with the server's squiggles, hovers, outline and
// status item. The server reads the file (request disclosureReport/reportText) and keeps the
// document with its map back to the original; this side shows the text, opens it from the
// explorer, the editor title or a custom editor on .docx/.pdf, and saves it as an editable .txt.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_TEXT_SCHEME, ReportTextRequest, type ReportTextParams, type ReportTextResult } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID, REPORT_FILE_EDITORS } from './ids';
import { pick, t } from './l10n';

/** Files shown as their report text (the others open as themselves: text and web pages are checked in place). */
export const REPORT_FILE_RE = /\.(docx|pdf)$/i;
/** Files that can be opened as a report at all. */
export const OPENABLE_RE = /\.(docx|pdf|html?|txt|md)$/i;

export interface ReportTextContext {
  client: () => LanguageClient | undefined;
  ready: Promise<void>;
}

/** The report-text URI of a file: the same path on the report-text scheme. */
export function reportTextUriOf(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: REPORT_TEXT_SCHEME });
}

/** The original file behind a report-text URI. */
export function originalOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === REPORT_TEXT_SCHEME ? uri.with({ scheme: 'file' }) : uri;
}

/** Asks the server for a file's report text. */
async function requestReportText(ctx: ReportTextContext, file: vscode.Uri): Promise<ReportTextResult> {
  await ctx.ready;
  const client = ctx.client();
  if (!client) return { ok: false, reason: { zh: t('notReady'), en: t('notReady') } };
  const params: ReportTextParams = { uri: originalOf(file).toString() };
  return client.sendRequest<ReportTextResult>(ReportTextRequest.method, params);
}

/** Serves the text of report-text documents (asked again from the server when VS Code reopens one). */
export class ReportTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** Texts the server answered, until VS Code has asked for them once. */
  private readonly answered = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly ctx: ReportTextContext) {}

  /**
   * The text the server just read for uri. An open document showing another text (the file
   * changed since) is refreshed: the server checks only the text it read.
   */
  show(uri: vscode.Uri, text: string): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && open.getText() === text) return;
    this.answered.set(uri.toString(), text);
    if (open) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const known = this.answered.get(key);
    if (known !== undefined) {
      this.answered.delete(key);
      return known;
    }
    const r = await requestReportText(this.ctx, uri);
    // A file that cannot be read (any more) shows why, in the editor itself; the server checks
    // only the texts it read, so this message gets no squiggle.
    return r.ok ? r.text : pick(r.reason);
  }
}

export type OpenResult = { ok: true; uri: string } | { ok: false; reason: string };

/** The file a command is about: its argument, else the active editor's or the active tab's file. */
function targetFile(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  return input?.uri instanceof vscode.Uri ? input.uri : undefined;
}

/**
 * disclosureReport.openAsReport [uri]: a .docx/.pdf opens as its read-only report text; a web
 * page or text file opens as itself (checked in place when it reads like a report).
 */
export async function openAsReport(
  ctx: ReportTextContext,
  provider: ReportTextProvider,
  arg?: unknown,
  column?: vscode.ViewColumn,
): Promise<OpenResult> {
  const file = targetFile(arg);
  if (!file || (file.scheme !== REPORT_TEXT_SCHEME && !OPENABLE_RE.test(file.path))) {
    const reason = t('openAsReportWhich');
    void vscode.window.showWarningMessage(reason);
    return { ok: false, reason };
  }
  if (file.scheme !== REPORT_TEXT_SCHEME && !REPORT_FILE_RE.test(file.path)) {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: column });
    return { ok: true, uri: doc.uri.toString() };
  }
  const r = await reportTextDocument(ctx, provider, file);
  if (!r.ok) {
    void vscode.window.showErrorMessage(t('reportTextFailed', path.basename(file.path), r.reason));
    return r;
  }
  let doc = r.doc;
  // The report language gives the text its highlighting; the server checks the scheme anyway.
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: column });
  return { ok: true, uri: doc.uri.toString() };
}

/**
 * The report text of a .docx/.pdf as a read-only document, not shown (the workspace check reads
 * it so); the reason, in the user's language, when the server cannot read the file.
 */
export async function reportTextDocument(
  ctx: ReportTextContext,
  provider: ReportTextProvider,
  file: vscode.Uri,
): Promise<{ ok: true; doc: vscode.TextDocument } | { ok: false; reason: string }> {
  const r = await requestReportText(ctx, file);
  if (!r.ok) return { ok: false, reason: pick(r.reason) };
  const uri = reportTextUriOf(originalOf(file));
  provider.show(uri, r.text);
  return { ok: true, doc: await vscode.workspace.openTextDocument(uri) };
}

/** A .txt name beside the original that is not taken yet: report.txt, else report-1.txt, … */
async function freeTextName(original: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(original, '..');
  const base = path.posix.basename(original.path).replace(/\.[^.]+$/, '');
  for (let i = 0; ; i++) {
    const candidate = vscode.Uri.joinPath(dir, `${base}${i === 0 ? '' : `-${i}`}.txt`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/**
 * disclosureReport.saveReportText [uri]: write the report text of a .docx/.pdf (the open report
 * text, or the file given) as a UTF-8 .txt beside the original, never over an existing file, and
 * open it: an editable draft that checks the same as the report text.
 */
export async function saveReportText(ctx: ReportTextContext, arg?: unknown): Promise<OpenResult> {
  const given = targetFile(arg);
  if (!given || (given.scheme !== REPORT_TEXT_SCHEME && !REPORT_FILE_RE.test(given.path))) {
    const reason = t('saveReportTextWhich');
    void vscode.window.showWarningMessage(reason);
    return { ok: false, reason };
  }
  const original = originalOf(given);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reportTextUriOf(original).toString());
  let text: string;
  if (open) {
    text = open.getText();
  } else {
    const r = await requestReportText(ctx, original);
    if (!r.ok) {
      const reason = pick(r.reason);
      void vscode.window.showErrorMessage(t('reportTextFailed', path.basename(original.path), reason));
      return { ok: false, reason };
    }
    text = r.text;
  }
  const target = await freeTextName(original);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  void vscode.window.showInformationMessage(t('reportTextSaved', path.basename(target.path)));
  return { ok: true, uri: target.toString() };
}

/**
 * The custom editor on .docx/.pdf: opening such a file shows its report text in the same editor
 * group and closes this placeholder; when the file cannot be read, the placeholder stays and says why.
 */
export class ReportFileEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(
    private readonly ctx: ReportTextContext,
    private readonly provider: ReportTextProvider,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = path.posix.basename(document.uri.path);
    panel.webview.options = { enableScripts: false };
    panel.webview.html = page(name, t('reportFileOpening'));
    const r = await openAsReport(this.ctx, this.provider, document.uri, panel.viewColumn);
    if (!r.ok) {
      panel.webview.html = page(name, r.reason);
      return;
    }
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputCustom && REPORT_FILE_EDITORS.includes(input.viewType) && input.uri.toString() === document.uri.toString()) {
          await vscode.window.tabGroups.close(tab, true);
        }
      }
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

function page(name: string, message: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head>
<body style="font-family: var(--vscode-font-family); padding: 1em 2em"><h3>${escapeHtml(name)}</h3><p>${escapeHtml(message)}</p></body></html>`;
}
