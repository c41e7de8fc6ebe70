// The folder summary of the workspace check in a webview panel: the rows come from the language
// server (disclosureReport/summary), the page from the renderer the CLI's `summary --format html`
// uses, under a strict policy (default-src 'none'; the style and script carry a nonce; nothing
// fetched) and themed through the --vscode-* variables. A finding's link opens its file there.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest, type SummaryParams, type SummaryResult } from '../../server/src/lsp/protocol';
import { renderSummaryHtml } from '../../server/src/summary/html';
import { isChinese } from './l10n';
import { REPORT_FILE_RE } from './reportText';

export const SUMMARY_VIEW_TYPE = 'disclosureReport.summary';

const TITLE = { zh: '年度报告汇总', en: 'Reports summary' } as const;

/** What the webview's script sends: open a finding's place. */
interface OpenMessage {
  type: 'open';
  file: string;
  line: number;
  character: number;
}

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as Partial<OpenMessage> | null;
  return !!o && o.type === 'open' && typeof o.file === 'string' && Number.isInteger(o.line) && Number.isInteger(o.character);
}

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  /** `openReportText` opens a .docx/.pdf as its report text: a finding's place is in that text. */
  constructor(private readonly openReportText: (file: vscode.Uri) => Promise<vscode.TextDocument | null>) {}

  /** Asks the server for the rows of these reports and shows them (one panel, reused). */
  async show(client: LanguageClient, uris: string[]): Promise<SummaryResult['rows']> {
    const params: SummaryParams = { uris: uris.map((u) => client.code2ProtocolConverter.asUri(vscode.Uri.parse(u))) };
    const { rows, rules } = await client.sendRequest<SummaryResult>(SummaryRequest.method, params);
    const lang = isChinese() ? 'zh' : 'en';
    const panel = this.panel ?? this.create();
    panel.webview.html = renderSummaryHtml(rows, lang, {
      nonce: randomBytes(18).toString('base64'),
      href: (file) => file,
      label: (file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file)),
      ruleSummary: (id) => rules[id]?.[lang] ?? null,
    });
    panel.reveal(undefined, true);
    return rows;
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      SUMMARY_VIEW_TYPE,
      isChinese() ? TITLE.zh : TITLE.en,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: true },
      // Its script is inline (nonce'd): the panel loads no file at all.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isOpenMessage(m)) void this.openAt(m);
    });
    panel.onDidDispose(() => (this.panel = undefined));
    this.panel = panel;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private async openAt(m: OpenMessage): Promise<void> {
    const uri = vscode.Uri.parse(m.file);
    const document = REPORT_FILE_RE.test(uri.path) ? await this.openReportText(uri) : await vscode.workspace.openTextDocument(uri);
    if (!document) return;
    const position = new vscode.Position(m.line, m.character);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
  }
}

