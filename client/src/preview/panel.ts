// The tables preview beside the editor, like Markdown's: the language server's model of the
// report's tables (disclosureReport/tables) drawn by the shared renderer, updated as the user
// types (debounced per preview), two-way between cells and the text.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewCellAt } from '../../../server/src/engine/ide/tableGrid';
import { TablesRequest, type TablesParams, type TablesResult } from '../../../server/src/lsp/protocol';
import { escapeHtml, renderPreviewBody, renderStandaloneHtml, tableTsv } from '../../../server/src/preview/tablesHtml';
import { ClientCommands } from '../ids';
import { isChinese } from '../l10n';
import { originalOf } from '../reportText';
import { webviewHtml } from './html';
import type { FromWebview, ToWebview } from './messages';

export const PREVIEW_VIEW_TYPE = 'disclosureReport.tablesPreview';

/** How long typing pauses before the preview asks the server again. */
const UPDATE_DELAY_MS = 250;

const TEXT = {
  title: { zh: '表格预览：{0}', en: 'Tables: {0}' },
  notReport: { zh: '此文档未作为年度报告检查，无法预览表格。', en: 'This document is not checked as a report: no tables to preview.' },
  failed: { zh: '未能读取表格：{0}', en: 'Could not read the tables: {0}' },
  copied: { zh: '已复制「{0}」为 TSV，可粘贴到电子表格。', en: 'Copied “{0}” as TSV for a spreadsheet.' },
  exported: { zh: '已导出：{0}', en: 'Exported: {0}' },
  exportTitle: { zh: '导出表格为 HTML', en: 'Export the tables as HTML' },
  notRead: { zh: '此格未能从报告中读出。', en: 'This cell could not be read from the report.' },
} as const;

const TABLE_NAMES = {
  proactive: { zh: '主动公开政府信息情况', en: 'proactive disclosure' },
  requests: { zh: '收到和处理政府信息公开申请情况', en: 'requests received and handled' },
  appeals: { zh: '行政复议、行政诉讼情况', en: 'review and litigation' },
} as const;

function say(key: keyof typeof TEXT, ...args: string[]): string {
  const text: string = isChinese() ? TEXT[key].zh : TEXT[key].en;
  return text.replace(/\{(\d+)\}/g, (all, i: string) => args[Number(i)] ?? all);
}

const lang = (): 'zh' | 'en' => (isChinese() ? 'zh' : 'en');

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export interface PreviewContext {
  extension: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  ready: Promise<void>;
}

/** One preview panel, bound to one document. */
export class TablesPreview implements vscode.Disposable {
  model: TablesResult | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cursorOffset: number | null = null;
  private requested = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: PreviewContext,
    readonly document: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private sourceColumn: vscode.ViewColumn | undefined,
    private readonly onDispose: () => void,
  ) {
    const webview = panel.webview;
    this.setShell('');
    this.disposables.push(
      webview.onDidReceiveMessage((m: FromWebview) => void this.received(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.key && e.contentChanges.length > 0) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('disclosureReport')) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== this.key) return;
        this.sourceColumn = e.textEditor.viewColumn ?? this.sourceColumn;
        this.cursorOffset = e.textEditor.document.offsetAt(e.selections[0].active);
        this.postCursor();
      }),
    );
    this.schedule(0);
  }

  get key(): string {
    return this.document.toString();
  }

  /** The page itself (CSP, toolbar, script); the body comes by message. */
  private setShell(body: string): void {
    const webview = this.panel.webview;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'client', 'out', 'preview.js'));
    webview.html = webviewHtml({ cspSource: webview.cspSource, nonce: nonce(), scriptUri: scriptUri.toString(), lang: lang(), body, version: this.model?.version ?? 0 });
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  /** The newest update on its way (a newer one makes an older one draw nothing). */
  private updating: Promise<void> | undefined;

  /** Ask the server for the current model and draw it. */
  update(): Promise<void> {
    const run = this.fetchAndDraw();
    this.updating = run;
    void run.finally(() => {
      if (this.updating === run) this.updating = undefined;
    });
    return run;
  }

  private async fetchAndDraw(): Promise<void> {
    const ticket = ++this.requested;
    let html: string;
    let result: TablesResult | null = null;
    try {
      await this.ctx.ready;
      const client = this.ctx.client();
      if (!client) throw new Error('no language client');
      const params: TablesParams = { textDocument: { uri: this.key } };
      result = await client.sendRequest<TablesResult | null>(TablesRequest.method, params);
      html = result ? renderPreviewBody(result, lang(), { interactive: true }) : `<p class="note">${escapeHtml(say('notReport'))}</p>`;
    } catch (err) {
      html = `<p class="note">${escapeHtml(say('failed', err instanceof Error ? err.message : String(err)))}</p>`;
    }
    if (ticket !== this.requested) return; // a newer request is on its way
    this.model = result;
    void this.post({ type: 'render', html, version: result?.version ?? 0 });
    this.postCursor();
  }

  private lastRender: ToWebview | undefined;
  private post(m: ToWebview): Thenable<boolean> {
    if (m.type === 'render') this.lastRender = m;
    return this.panel.webview.postMessage(m);
  }

  private postCursor(): void {
    const cell = this.model && this.cursorOffset !== null ? previewCellAt(this.model, this.cursorOffset) : null;
    void this.post({ type: 'cursor', cell: cell?.id ?? null });
  }

  private async received(m: FromWebview): Promise<void> {
    switch (m?.type) {
      case 'ready':
        // A (re)loaded webview, e.g. after the panel was hidden: give it the last drawing.
        if (this.lastRender) void this.panel.webview.postMessage(this.lastRender);
        this.postCursor();
        return;
      case 'reveal':
        return this.revealCell(m.cell);
      case 'revealSection': {
        const s = this.model?.sections.find((x) => x.number === m.section);
        if (s?.range) await this.select(s.range);
        return;
      }
      case 'copyTsv':
        await this.copyTsv(m.table);
        return;
      case 'export':
        await this.exportHtml();
        return;
    }
  }

  /** Select the cell's text in the editor (the table's start for a cell that was not read). */
  async revealCell(id: string): Promise<void> {
    const cell = this.model?.cells[id];
    if (!cell) return;
    if (cell.range) return this.select(cell.range);
    const table = this.model?.tables.find((t) => id.startsWith(`${t.table}/`));
    void vscode.window.setStatusBarMessage(say('notRead'), 4000);
    if (table?.range) await this.select({ start: table.range.start, end: table.range.start });
  }

  private async select(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.key);
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(this.document));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One,
      selection: r,
      preserveFocus: false,
    });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The model to export: a command run right after the preview opened waits for its first answer. */
  private async currentModel(): Promise<TablesResult | null> {
    if (!this.model) await this.update();
    // An update that overtook ours draws the model instead: wait for it too.
    while (!this.model && this.updating) await this.updating;
    return this.model;
  }

  async copyTsv(table: string): Promise<string | undefined> {
    const model = await this.currentModel();
    if (!model || !['proactive', 'requests', 'appeals'].includes(table)) return undefined;
    const tsv = tableTsv(model, table as 'proactive' | 'requests' | 'appeals');
    await vscode.env.clipboard.writeText(tsv);
    void vscode.window.setStatusBarMessage(say('copied', TABLE_NAMES[table as keyof typeof TABLE_NAMES][lang()]), 4000);
    return tsv;
  }

  /** Save the preview as one self-contained HTML file; asks where unless told. */
  async exportHtml(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const model = await this.currentModel();
    if (!model) return undefined;
    const base = path.basename(this.document.path).replace(/\.[^.]+$/, '');
    // Beside the file itself: a report text's folder is on its read-only scheme.
    const file = originalOf(this.document);
    const where =
      target ??
      (await vscode.window.showSaveDialog({
        title: say('exportTitle'),
        defaultUri: vscode.Uri.joinPath(file.with({ path: path.posix.dirname(file.path) }), `${base}.tables.html`),
        filters: { HTML: ['html'] },
      }));
    if (!where) return undefined;
    const html = renderStandaloneHtml(model, lang(), path.basename(this.document.path));
    await vscode.workspace.fs.writeFile(where, new TextEncoder().encode(html));
    void vscode.window.setStatusBarMessage(say('exported', where.scheme === 'file' ? where.fsPath : where.toString()), 4000);
    return where;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** The open previews, one per document. */
export class TablesPreviews implements vscode.Disposable {
  private readonly open = new Map<string, TablesPreview>();

  constructor(private readonly ctx: PreviewContext) {}

  get(uri: vscode.Uri): TablesPreview | undefined {
    return this.open.get(uri.toString());
  }

  /** Show the preview of a document beside its editor (an existing one is brought forward). */
  async show(uri: vscode.Uri, sourceColumn: vscode.ViewColumn | undefined): Promise<TablesPreview> {
    const existing = this.get(uri);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      say('title', path.basename(uri.path)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'client', 'out')] },
    );
    const preview = new TablesPreview(this.ctx, uri, panel, sourceColumn, () => this.open.delete(uri.toString()));
    this.open.set(uri.toString(), preview);
    return preview;
  }

  /** The preview a command is about: the given document's, else the active editor's, else the only one. */
  target(arg: unknown): TablesPreview | undefined {
    const uri = toUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
    if (uri && this.get(uri)) return this.get(uri);
    return this.open.size === 1 ? [...this.open.values()][0] : undefined;
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.panel.dispose();
  }
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object' && 'uri' in arg) return toUri((arg as { uri: unknown }).uri);
  return undefined;
}

/** The preview's commands: open (editor title button), export as HTML, copy a table as TSV. */
export function registerPreview(ctx: PreviewContext): vscode.Disposable[] {
  const previews = new TablesPreviews(ctx);
  return [
    previews,
    vscode.commands.registerCommand(ClientCommands.previewTables, async (arg?: unknown) => {
      const uri = toUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) return undefined;
      const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
      const preview = await previews.show(uri, column);
      return preview.key;
    }),
    vscode.commands.registerCommand(ClientCommands.exportTablesHtml, async (arg?: unknown) => {
      const target = arg && typeof arg === 'object' && 'target' in arg ? toUri((arg as { target: unknown }).target) : undefined;
      const uri = await previews.target(arg)?.exportHtml(target);
      return uri?.toString();
    }),
    vscode.commands.registerCommand(ClientCommands.copyTableTsv, async (arg?: unknown) => {
      const table = arg && typeof arg === 'object' && 'table' in arg ? String((arg as { table: unknown }).table) : 'requests';
      return previews.target(arg)?.copyTsv(table);
    }),
  ];
}
