// The reviewer's desk in the editor: which other reports each open report is read against.
// pairReports (engine/desk/peers.ts) runs over the workspace's reports (workspaceIndex.ts) and the
// open reports, whose live text stands in for their file on disk. Every check records the peers
// it was read against (a stamp: which files, which versions); when a peer changes (last year's
// report edited, saved, created or deleted, or the index done reading), the open reports whose
// diagnostics the client holds were read against other peers are stale: the client is asked to
// pull again.

import * as path from 'node:path';
import { pairReports, type DeskConfig, type PeerReport, type Peers, type ReportFacts } from '../engine';
import { originalFileUri } from './reportText';
import { pathOfFileUri, type WorkspaceIndex } from './workspaceIndex';

export interface PeerSet {
  peers: Peers;
  /** Which peer files, in which versions: equal stamps, equal peers. */
  stamp: string;
}

interface OpenReport {
  uri: string;
  version: number;
  facts: ReportFacts;
  /** Its sidecar config's pairing (organ aliases, aggregates), if any. */
  config?: DeskConfig;
  /** The folder of that config: the aggregates' file references are relative to it. */
  configDir?: string;
  /** The stamp of the peers its diagnostics, as the client last pulled them, were read against. */
  delivered?: string;
}

/** One key per file, whatever URI names it (a report text names its .docx/.pdf); other URIs as they are. */
export function fileKeyOf(uri: string): string {
  return pathOfFileUri(originalFileUri(uri) ?? uri) ?? uri;
}

export class ReportDesk {
  private readonly open = new Map<string, OpenReport>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Called (debounced) when open reports were checked against peers that have changed since. */
  onStale: (uris: string[]) => void = () => {};

  constructor(
    readonly index: WorkspaceIndex,
    private readonly delayMs = 150,
  ) {
    index.onChanged = () => this.changed();
  }

  /**
   * The peers of a report with these facts, now, under its sidecar config (found in `configDir`).
   * Starts the workspace index on first use.
   */
  peersOf(uri: string, facts: ReportFacts, config: DeskConfig = {}, configDir?: string): PeerSet {
    void this.index.ensureBuilt();
    const self = fileKeyOf(uri);
    const entries: PeerReport[] = [];
    const stamps = new Map<string, string>();
    for (const f of this.index.reports()) {
      if (f.path === self || this.open.has(f.path) || !f.facts) continue;
      entries.push({ file: f.uri, facts: f.facts });
      stamps.set(f.uri, `${f.uri}#${f.mtimeMs}:${f.size}`);
    }
    // Open reports after the files: of two reports of one body and year, pairing keeps the later.
    for (const [key, o] of this.open) {
      if (key === self) continue;
      entries.push({ file: o.uri, facts: o.facts });
      stamps.set(o.uri, `${o.uri}#v${o.version}`);
    }
    entries.push({ file: uri, facts });
    // A second report of the same body and year is left to the CLI and the summary: in the editor it
    // is nearly always a draft's copy open beside it, and the notice would follow every copy around.
    // The config names member files by path, relative to its folder; the entries are URIs.
    // Built only for a config with aggregates: peersOf runs on every check of every open report.
    let uriOfPath: Map<string, string> | undefined;
    const resolve =
      configDir === undefined || !config.aggregates?.length
        ? undefined
        : (reference: string): string => {
            uriOfPath ??= new Map(entries.map((e) => [fileKeyOf(e.file), e.file]));
            return uriOfPath.get(path.resolve(configDir, reference)) ?? reference;
          };
    const { sameYear: _sameYear, ...peers } = pairReports(entries, config, { resolve }).get(uri) ?? {};
    const used = [peers.previous, ...(peers.members ?? [])].filter((p): p is PeerReport => p !== undefined);
    const stamp = used.map((p) => stamps.get(p.file) ?? p.file).join('|') + (peers.tolerance !== undefined ? `~${peers.tolerance}` : '');
    return { peers, stamp };
  }

  /** A check of an open report has read these facts (its peers now see this version). */
  checked(uri: string, version: number, facts: ReportFacts, config?: DeskConfig, configDir?: string): void {
    const key = fileKeyOf(uri);
    const known = this.open.get(key);
    this.open.set(key, { uri, version, facts, config, configDir, delivered: known?.uri === uri ? known.delivered : undefined });
    this.changed();
  }

  /**
   * The client was sent the diagnostics of a check read against these peers. What counts is what
   * the client shows: the server may check again on its own (after an edit) before the client asks.
   */
  delivered(uri: string, stamp: string): void {
    const o = this.open.get(fileKeyOf(uri));
    if (o && o.uri === uri) o.delivered = stamp;
  }

  /** The document closed: its file on disk (if indexed) is its peer again, read anew if it changed. */
  closed(uri: string): void {
    if (!this.open.delete(fileKeyOf(uri))) return;
    void this.index.refresh(originalFileUri(uri) ?? uri);
    this.changed();
  }

  /** Open reports whose diagnostics, as the client has them, were read against other peers than they have now. */
  stale(): string[] {
    const out: string[] = [];
    for (const o of this.open.values()) {
      if (o.delivered !== undefined && this.peersOf(o.uri, o.facts, o.config, o.configDir).stamp !== o.delivered) out.push(o.uri);
    }
    return out;
  }

  /** Something a pairing depends on changed: look for stale reports once things settle. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const stale = this.stale();
      if (stale.length > 0) this.onStale(stale);
    }, this.delayMs);
    this.timer.unref?.();
  }

  get openReports(): number {
    return this.open.size;
  }
}
