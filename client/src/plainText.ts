// A report opened as Plain Text (the server recognised it by its content) keeps the plaintext
// mode, so its headings are not coloured. Offer once per file to switch it to the report language;
// the answer is remembered for the workspace: a file switched once is switched again when it is
// opened as plain text later, a file whose offer was dismissed is not asked about again, and
// "always" / "never" hold for every such file. Only a file shown in an editor is asked about.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './ids';
import { t } from './l10n';

const CHOICE_KEY = 'disclosureReport.plainTextReports';
const FILES_KEY = 'disclosureReport.plainTextFiles';
type Choice = 'always' | 'never';
/** What was answered for one file: switch it, or leave it as plain text. */
type FileAnswer = 'switch' | 'keep';

export class PlainTextOffer implements vscode.Disposable {
  /** Documents dealt with since they were opened (a check runs on every edit: one offer per opening). */
  private readonly dealt = new Set<string>();
  /**
   * Checked as reports while no editor showed them (the workspace check opens every file in the
   * background): offered when they are first shown, never for a file the user has not looked at.
   */
  private readonly unseen = new Map<string, StatusParams>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    this.listeners = [
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.dealt.delete(d.uri.toString());
        this.unseen.delete(d.uri.toString());
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) {
          const status = this.unseen.get(e.document.uri.toString());
          if (!status) continue;
          this.unseen.delete(status.uri);
          void this.received(status).catch(() => undefined);
        }
      }),
    ];
  }

  private answers(): Record<string, FileAnswer> {
    return this.state.get<Record<string, FileAnswer>>(FILES_KEY) ?? {};
  }

  /** After a check: a plain-text document the server checks as a report. */
  async received(status: StatusParams): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === status.uri);
    if (!doc || doc.languageId !== 'plaintext' || this.dealt.has(status.uri)) return;
    if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) {
      this.unseen.set(status.uri, status);
      return;
    }
    this.dealt.add(status.uri);
    const choice = this.state.get<Choice>(CHOICE_KEY);
    const before = this.answers()[status.uri];
    if (choice === 'never' || before === 'keep') return;
    if (choice === 'always' || before === 'switch') {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      return;
    }
    const name = doc.uri.path.split('/').pop() ?? doc.uri.toString();
    const answer = await vscode.window.showInformationMessage(t('plainTextReport', name), t('switchLanguage'), t('switchAlways'), t('switchNever'));
    if (answer === t('switchNever')) await this.state.update(CHOICE_KEY, 'never');
    if (answer === t('switchAlways')) await this.state.update(CHOICE_KEY, 'always');
    const switched = answer === t('switchLanguage') || answer === t('switchAlways');
    await this.state.update(FILES_KEY, { ...this.answers(), [status.uri]: switched ? 'switch' : 'keep' });
    // The document may have been closed while the offer stood.
    if (switched && !doc.isClosed) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
  }
}
