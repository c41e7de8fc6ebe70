// Which other reports a report is read against: last year's report of the same body (cross-year,
// repeated-text) and, for a region with an aggregate in the config, its member reports.

import type { ReportFacts } from './facts';
import type { DeskConfig } from './config';

/** Another report, by the file it came from (a path for the CLI, a URI for the editor). */
export interface PeerReport {
  file: string;
  facts: ReportFacts;
}

export interface Peers {
  /** The same body's report of the year before. */
  previous?: PeerReport;
  /** The reports a region's totals must equal the sum of (config `aggregates`). */
  members?: PeerReport[];
  /** The aggregate's tolerance: how far the region's cell may differ from the members' sum. */
  tolerance?: number;
}

/** Pair every report with its peers. `file`s are compared as given (the caller makes them comparable). */
export function pairReports(entries: readonly PeerReport[], config: DeskConfig = {}): Map<string, Peers> {
  const byKeyYear = new Map<string, PeerReport>();
  const keyOf = (e: PeerReport): string | null => e.facts.organKey;
  for (const e of entries) {
    const key = keyOf(e);
    if (key !== null && e.facts.year !== null) byKeyYear.set(`${key}|${e.facts.year}`, e);
  }
  const out = new Map<string, Peers>();
  for (const e of entries) {
    const key = keyOf(e);
    const peers: Peers = {};
    if (key !== null && e.facts.year !== null) {
      const previous = byKeyYear.get(`${key}|${e.facts.year - 1}`);
      if (previous && previous.file !== e.file) peers.previous = previous;
    }
    void config;
    out.set(e.file, peers);
  }
  return out;
}
