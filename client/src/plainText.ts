// A report opened as Plain Text (the server recognised it by its content) keeps the plaintext
// mode, so its headings are not coloured. Offer once to switch it to the report language; the
// answer is remembered for the workspace ("always" switches such files without asking).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './ids';
import { t } from './l10n';

const CHOICE_KEY = 'disclosureReport.plainTextReports';
type Choice = 'always' | 'never';

export class PlainTextOffer {
  /** Documents asked about in this window (each file is asked once). */
  private readonly asked = new Set<string>();

  constructor(private readonly state: vscode.Memento) {}

  /** After a check: a plain-text document the server checks as a report. */
  async received(status: StatusParams): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === status.uri);
    if (!doc || doc.languageId !== 'plaintext' || this.asked.has(status.uri)) return;
    this.asked.add(status.uri);
    const choice = this.state.get<Choice>(CHOICE_KEY);
    if (choice === 'never') return;
    if (choice === 'always') {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      return;
    }
    const name = doc.uri.path.split('/').pop() ?? doc.uri.toString();
    const answer = await vscode.window.showInformationMessage(t('plainTextReport', name), t('switchLanguage'), t('switchAlways'), t('switchNever'));
    if (answer === t('switchNever')) await this.state.update(CHOICE_KEY, 'never');
    if (answer === t('switchAlways')) await this.state.update(CHOICE_KEY, 'always');
    if (answer === t('switchLanguage') || answer === t('switchAlways')) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
}
