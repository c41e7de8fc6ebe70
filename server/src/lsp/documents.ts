// Which documents are reports, and the per-document check cache (keyed by version and rule
// settings, so the diagnostics, code action, hover… requests on one version share one check).
// State is dropped when the document closes.

import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { factsOf, identityOf, type CheckResult, type DeskConfig, type Document, type Finding, type Lang, type Peers, readDocument, type Report, type ReportFacts, type RuleSettings, runRules, textDocument } from '../engine';
import { ReportConfig } from '../config';
import type { DocumentConfig } from './sidecar';
import { looksLikeReport } from '../engine/ide';
import { documentFromText } from '../formats';
import type { ReportDesk } from './desk';
import type { DisclosureSettings } from './protocol';
import { isReportTextUri, ReportTexts } from './reportText';

export const LANGUAGE_ID = 'disclosure-report';

export interface Checked {
  uri: string;
  version: number;
  key: string;
  result: CheckResult;
  durationMs: number;
  /** The other reports the check was read against (last year's, members), and their stamp. */
  peers: Peers;
  peersStamp: string;
  /** Each finding's fingerprint for "Ignore in config" (relative to the config it would be written to). */
  fingerprints?: Map<Finding, string>;
  /** The sidecar config of the check (null: the document is no file). */
  desk: DocumentConfig | null;
  /** Findings the config's ignore entries took out of `result`. */
  suppressed: number;
}

export { looksLikeReport };

/**
 * How many checks are kept. A check holds the whole report model (text, view, lines, cells),
 * so a hundred open reports would hold a hundred models; beyond this many, the least recently
 * used is dropped and re-checked on demand (a 10 KB report checks in about a millisecond).
 */
export const MAX_CACHED_CHECKS = 16;

/** A web page: read through the HTML adapter, so positions stay in the HTML the editor shows. */
export const HTML_LANGUAGE_ID = 'html';

/** Whether a document is shown read-only by every client: a report text on its own scheme. */
export function isReadOnlyUri(uri: string): boolean {
  return isReportTextUri(uri);
}

export class ReportStore {
  /** Least recently used first (a Map keeps insertion order; a hit moves the entry to the end). */
  private readonly cache = new Map<string, Checked>();
  /** Detection per version; an HTML page keeps the Document it was detected on until it is checked. */
  private readonly detected = new Map<string, { version: number; isReport: boolean; document?: Document }>();
  /** The facts of each report read (what its peers see of it), computed once per report. */
  private readonly facts = new WeakMap<Report, ReportFacts>();
  /** The report texts of .docx/.pdf files, read by the server (disclosureReport/reportText). */
  readonly reportTexts = new ReportTexts();
  /** Called after each fresh check (status notification). */
  onChecked: (c: Checked) => void = () => {};

  /** The reports of the workspace a check is read against; without it, no peers. */
  constructor(private readonly peerDesk?: ReportDesk) {}

  isServed(doc: TextDocument, settings: DisclosureSettings): boolean {
    if (!settings.enable) return false;
    // A report text is checked when it is the text the server read (not a "cannot read" message).
    if (isReportTextUri(doc.uri)) return this.reportTexts.document(doc.uri, doc.getText()) !== null;
    if (doc.languageId === LANGUAGE_ID) return true;
    const isHtml = doc.languageId === HTML_LANGUAGE_ID;
    if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown' && !isHtml) return false;
    if (!settings.plaintext.detect) return false;
    const d = this.detected.get(doc.uri);
    if (d && d.version === doc.version) return d.isReport;
    let isReport: boolean;
    let document: Document | undefined;
    if (isHtml) {
      // Detected on the page's text as the adapter reads it (tags blanked, blocks on their own lines).
      document = htmlDocumentOf(doc.getText());
      isReport = looksLikeReport(document.source.view);
    } else {
      isReport = looksLikeReport(doc.getText());
    }
    this.detected.set(doc.uri, { version: doc.version, isReport, document: isReport ? document : undefined });
    return isReport;
  }

  /** The Document the engine reads for an open document: its report text's, the HTML page's, or plain text. */
  private documentOf(doc: TextDocument): Document {
    const text = doc.getText();
    if (isReportTextUri(doc.uri)) {
      // The text shown is the one read from the file: check it with its map to the original. A text
      // that no longer matches (the file changed since) is still checked, read-only, without the map.
      return this.reportTexts.document(doc.uri, text) ?? textDocument(text, { editable: false });
    }
    if (doc.languageId === HTML_LANGUAGE_ID) {
      const d = this.detected.get(doc.uri);
      if (d?.document && d.version === doc.version) {
        const document = d.document;
        d.document = undefined;
        return document;
      }
      return htmlDocumentOf(text);
    }
    return textDocument(text);
  }

  /**
   * The check of this version of the document, computed once per version, rule settings, config
   * and peers: when only its peers changed (last year's report edited), the rules run again on the
   * report already read.
   */
  get(doc: TextDocument, settings: DisclosureSettings, wholeDocument = false, desk: DocumentConfig | null = null): Checked {
    // The editor's view keeps untouched template content quiet; a whole-document check (the
    // workspace check asks for one) reports it as the CLI does.
    const key = `${wholeDocument ? 'whole' : 'editor'}:${JSON.stringify(settings.rules)}:${desk?.key ?? ''}`;
    const cached = this.cache.get(doc.uri);
    const started = performance.now();
    const pairing = desk?.config.loaded?.config;
    const pairingDir = desk?.config.loaded?.dir;
    let report: Report;
    if (cached && cached.version === doc.version && cached.key === key) {
      report = cached.result.report;
      if (this.peersOf(doc.uri, report, pairing, pairingDir).stamp === cached.peersStamp) {
        this.cache.delete(doc.uri);
        this.cache.set(doc.uri, cached);
        return cached;
      }
    } else {
      report = readDocument(this.documentOf(doc));
    }
    const { peers, stamp, facts } = this.peersOf(doc.uri, report, pairing, pairingDir);
    // The sidecar config's severities sit under the editor's own settings (as under the CLI's --rule).
    const base = { rules: settings.rules as RuleSettings, templateQuiet: !wholeDocument, peers };
    const full: CheckResult = { report, ...runRules(report, desk ? desk.config.options(base) : base) };
    const { result, fingerprints, suppressed } = withSidecar(full, desk);
    const checked: Checked = {
      uri: doc.uri,
      version: doc.version,
      key,
      result,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      peers,
      peersStamp: stamp,
      fingerprints,
      desk,
      suppressed,
    };
    this.cache.delete(doc.uri);
    this.cache.set(doc.uri, checked);
    while (this.cache.size > MAX_CACHED_CHECKS) this.cache.delete(this.cache.keys().next().value as string);
    if (facts) this.peerDesk?.checked(doc.uri, doc.version, facts, pairing, pairingDir);
    try {
      this.onChecked(checked);
    } catch {
      /* a status failure must not fail the check */
    }
    return checked;
  }

  /** The peers of a report read from an open document (its facts kept per report object). */
  private peersOf(uri: string, report: Report, config: DeskConfig | undefined, configDir: string | undefined): { peers: Peers; stamp: string; facts?: ReportFacts } {
    if (!this.peerDesk) return { peers: {}, stamp: '' };
    let facts = this.facts.get(report);
    if (!facts) {
      facts = lazyFactsOf(report);
      this.facts.set(report, facts);
    }
    return { ...this.peerDesk.peersOf(uri, facts, config, configDir), facts };
  }

  /** The client now holds the diagnostics of this check (a later change of its peers makes them stale). */
  delivered(c: Checked): void {
    this.peerDesk?.delivered(c.uri, c.peersStamp);
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

/**
 * The facts of an open report, its cells and paragraphs read only when a rule of another report
 * asks for them: pairing needs only the organ and the year, and most open reports are nobody's
 * peer (listing every cell of a 5 MB paste takes longer than checking it).
 */
function lazyFactsOf(report: Report): ReportFacts {
  let full: ReportFacts | undefined;
  const all = (): ReportFacts => (full ??= factsOf(report));
  // The identity the workspace index gives the same file closed (the title's organ, else the
  // quoted name or the signature; none without a section heading), so opening it pairs it the same.
  const { organ, organKey, year } = identityOf(report);
  return {
    organ,
    organKey,
    year,
    formatVersion: report.formatVersion,
    get title() {
      return all().title;
    },
    get cells() {
      return all().cells;
    },
    get paragraphs() {
      return all().paragraphs;
    },
  };
}

/** The findings the config ignores taken out; every finding's fingerprint kept for the quick fix. */
function withSidecar(full: CheckResult, desk: DocumentConfig | null): { result: CheckResult; fingerprints?: Map<Finding, string>; suppressed: number } {
  if (!desk) return { result: full, suppressed: 0 };
  // Fingerprints are taken over all findings, before any is suppressed (their occurrence index counts them all).
  const prints = ReportConfig.fingerprintsIn(path.dirname(desk.target.file), desk.reportPath, full);
  const fingerprints = new Map(full.findings.map((f, i) => [f, prints[i]]));
  const shown = desk.config.suppress(full);
  return { result: { ...full, findings: shown.findings }, fingerprints, suppressed: shown.suppressed };
}

/** An HTML page as the HTML adapter reads it (documentFromText never fails for text it is given). */
function htmlDocumentOf(html: string): Document {
  const read = documentFromText(html, 'html');
  return read.ok ? read.document : textDocument(html);
}

/** Message language: the setting, else the client's locale (zh* → zh, anything else → en). */
export function resolveLang(setting: DisclosureSettings['language'], clientLocale: string | undefined): Lang {
  if (setting === 'zh' || setting === 'en') return setting;
  // No locale at all: the product's default language, Chinese.
  if (!clientLocale) return 'zh';
  return /^zh/i.test(clientLocale) ? 'zh' : 'en';
}
