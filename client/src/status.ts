// The language status item (year · format · how many errors; the time of the check in its detail) and the per-document status
// the server sends after each check (StatusNotification of server/src/lsp/protocol.ts).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { ClientCommands, DOCUMENT_SELECTOR, IS_REPORT_CONTEXT, LANGUAGE_ID } from './ids';
import { t } from './l10n';

export interface ReceivedStatus extends StatusParams {
  /** When the client received it. */
  receivedAt: Date;
}

export class StatusTracker implements vscode.Disposable {
  private readonly byUri = new Map<string, ReceivedStatus>();
  private readonly emitter = new vscode.EventEmitter<ReceivedStatus>();
  private readonly item: vscode.LanguageStatusItem;
  /** The same words in the status bar itself: a language status item shows only 「{}」 until pinned. */
  private readonly bar: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after each status notification (tests wait on it instead of sleeping). */
  readonly onStatus = this.emitter.event;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('disclosureReport.status', DOCUMENT_SELECTOR);
    this.bar = vscode.window.createStatusBarItem('disclosureReport.summary', vscode.StatusBarAlignment.Right, 100);
    this.disposables.push(
      this.item,
      this.bar,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Checking switched off or on: the old checks say nothing about what comes next.
        if (e.affectsConfiguration('disclosureReport.enable')) this.byUri.clear();
        if (e.affectsConfiguration('disclosureReport')) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The last status of a document, if the server checked it. */
  get(uri: vscode.Uri | string): ReceivedStatus | undefined {
    return this.byUri.get(uri.toString());
  }

  received(params: StatusParams): void {
    if (!params || typeof params.uri !== 'string') return;
    const s: ReceivedStatus = { ...params, receivedAt: new Date() };
    this.byUri.set(params.uri, s);
    this.refresh();
    this.emitter.fire(s);
  }

  /** Forget every status (the server restarted or checking was switched off). */
  clear(): void {
    this.byUri.clear();
    this.refresh();
  }

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    const enabled = doc ? vscode.workspace.getConfiguration('disclosureReport', doc.uri).get<boolean>('enable', true) : true;
    const isReport = !!doc && enabled && (doc.languageId === LANGUAGE_ID || status !== undefined);
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, isReport);

    const item = this.item;
    item.name = t('statusName');
    item.severity = vscode.LanguageStatusSeverity.Information;
    this.bar.hide();
    if (!enabled) {
      item.text = t('statusOff');
      item.detail = undefined;
      item.command = { title: t('statusToggle'), command: ClientCommands.toggle };
      return;
    }
    if (!status) {
      item.text = t('statusNotReport');
      item.detail = undefined;
      item.command = undefined;
      return;
    }
    // In the bar: what the report is and how it stands (「2023年度 · 2021格式 · 2 个错误」); the time only in the detail.
    const c = status.counts;
    const count =
      c.error > 0
        ? c.error === 1 ? t('statusOneError') : t('statusErrors', c.error)
        : c.warning > 0
          ? c.warning === 1 ? t('statusOneWarning') : t('statusWarnings', c.warning)
          : t('statusClean');
    item.text = t(
      'statusText',
      status.year !== null ? t('statusYear', status.year) : t('statusYearUnknown'),
      status.formatVersion ? t('statusFormat', status.formatVersion) : t('statusFormatUnknown'),
      count,
    );
    const time = status.receivedAt.toLocaleTimeString('en-GB', { hour12: false });
    item.detail = t('statusDetail', time, Math.round(status.durationMs * 10) / 10, c.error, c.warning, c.information + c.hint);
    item.severity =
      c.error > 0 ? vscode.LanguageStatusSeverity.Error : c.warning > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: t('statusProblems'), command: 'workbench.actions.view.problems' };
    this.bar.name = t('statusName');
    this.bar.text = `${c.error > 0 ? '$(error)' : c.warning > 0 ? '$(warning)' : '$(check)'} ${item.text}`;
    this.bar.tooltip = item.detail;
    this.bar.command = 'workbench.actions.view.problems';
    this.bar.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
