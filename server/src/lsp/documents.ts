// Which documents are reports, and the per-document check cache (keyed by version and rule
// settings, so the diagnostics, code action, hover… requests on one version share one check).
// State is dropped when the document closes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult, type Lang, type RuleSettings } from '../engine';
import { looksLikeReport } from '../engine/ide';
import type { DisclosureSettings } from './protocol';

export const LANGUAGE_ID = 'disclosure-report';

export interface Checked {
  uri: string;
  version: number;
  key: string;
  result: CheckResult;
  durationMs: number;
}

export { looksLikeReport };

/**
 * How many checks are kept. A check holds the whole report model (text, view, lines, cells),
 * so a hundred open reports would hold a hundred models; beyond this many, the least recently
 * used is dropped and re-checked on demand (a 10 KB report checks in about a millisecond).
 */
export const MAX_CACHED_CHECKS = 16;

export class ReportStore {
  /** Least recently used first (a Map keeps insertion order; a hit moves the entry to the end). */
  private readonly cache = new Map<string, Checked>();
  private readonly detected = new Map<string, { version: number; isReport: boolean }>();
  /** Called after each fresh check (status notification). */
  onChecked: (c: Checked) => void = () => {};

  isServed(doc: TextDocument, settings: DisclosureSettings): boolean {
    if (!settings.enable) return false;
    if (doc.languageId === LANGUAGE_ID) return true;
    if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return false;
    if (!settings.plaintext.detect) return false;
    const d = this.detected.get(doc.uri);
    if (d && d.version === doc.version) return d.isReport;
    const isReport = looksLikeReport(doc.getText());
    this.detected.set(doc.uri, { version: doc.version, isReport });
    return isReport;
  }

  /** The check of this version of the document (computed once per version and rule settings). */
  get(doc: TextDocument, settings: DisclosureSettings, wholeDocument = false): Checked {
    // The editor's view keeps untouched template content quiet; a whole-document check (the
    // workspace check asks for one) reports it as the CLI does.
    const key = `${wholeDocument ? 'whole' : 'editor'}:${JSON.stringify(settings.rules)}`;
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version && cached.key === key) {
      this.cache.delete(doc.uri);
      this.cache.set(doc.uri, cached);
      return cached;
    }
    const started = performance.now();
    const result = check(doc.getText(), { rules: settings.rules as RuleSettings, templateQuiet: !wholeDocument });
    const checked: Checked = {
      uri: doc.uri,
      version: doc.version,
      key,
      result,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    };
    this.cache.delete(doc.uri);
    this.cache.set(doc.uri, checked);
    while (this.cache.size > MAX_CACHED_CHECKS) this.cache.delete(this.cache.keys().next().value as string);
    try {
      this.onChecked(checked);
    } catch {
      /* a status failure must not fail the check */
    }
    return checked;
  }

  drop(uri: string): void {
    this.cache.delete(uri);
    this.detected.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.detected.clear();
  }

  /** Per-document entries of both maps (0 once every document is closed). */
  get size(): number {
    return this.cache.size + this.detected.size;
  }

  /** Checks held in memory (at most MAX_CACHED_CHECKS). */
  get cachedChecks(): number {
    return this.cache.size;
  }
}

/** Message language: the setting, else the client's locale (zh* → zh, anything else → en). */
export function resolveLang(setting: DisclosureSettings['language'], clientLocale: string | undefined): Lang {
  if (setting === 'zh' || setting === 'en') return setting;
  // No locale at all: the product's default language, Chinese.
  if (!clientLocale) return 'zh';
  return /^zh/i.test(clientLocale) ? 'zh' : 'en';
}
