// What every handler needs: the open documents, their checks, settings and the message language.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../engine';
import { isReadOnlyUri, resolveLang, type Checked, type ReportStore } from './documents';
import { isReportTextUri } from './reportText';
import type { DisclosureSettings } from './protocol';
import type { SettingsCache } from './settings';
import type { SidecarConfigs } from './sidecar';

export interface Served {
  doc: TextDocument;
  checked: Checked;
  settings: DisclosureSettings;
  lang: Lang;
  /** Nothing may be edited: a report text of a .docx/.pdf (faces offer no fix, insertion or completion). */
  readOnly: boolean;
}

export class ServerContext {
  clientLocale: string | undefined;
  supportsShowDocument = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly store: ReportStore,
    readonly settings: SettingsCache,
    readonly sidecars: SidecarConfigs,
  ) {}

  lang(settings: DisclosureSettings): Lang {
    return resolveLang(settings.language, this.clientLocale);
  }

  /** The open document if it is served (a report, enabled), with its check of the current version. */
  async served(uri: unknown, wholeDocument = false): Promise<Served | null> {
    if (typeof uri !== 'string') return null;
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const settings = await this.settings.get(uri);
    // A report text opened before the server read its file (a restart): read it now, so the check
    // runs on the Document with its map to the original.
    if (isReportTextUri(uri) && !this.store.reportTexts.document(uri, doc.getText())) await this.store.reportTexts.load(uri);
    // The document may have changed or closed while the settings were fetched: use the newest.
    const current = this.documents.get(uri);
    if (!current || !this.store.isServed(current, settings)) return null;
    const lang = this.lang(settings);
    const checked = this.store.get(current, settings, wholeDocument, this.sidecars.forUri(uri, lang));
    const readOnly = isReadOnlyUri(uri) || !checked.result.report.document.editable;
    return { doc: current, checked, settings, lang, readOnly };
  }
}

/** Run a handler; any exception becomes the fallback result (never an error response). */
export async function safely<T>(ctx: ServerContext, name: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    try {
      ctx.connection.console.error(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } catch {
      /* the connection itself may be gone */
    }
    return fallback;
  }
}
