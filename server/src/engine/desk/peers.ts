// Which other reports a report is read against: last year's report of the same body (cross-year,
// repeated-text) and, for a region with an aggregate in the config, its member reports.
//
// Pairing is by organ key (organ.ts; the config's `organs` aliases win over it) and year. When a
// folder holds two reports of one body and year (a re-published copy, a draft beside the final
// text), pairing stays deterministic: the one whose file name sorts first (plain code-unit order,
// no locale) is "the" report of that year, which next year's report is compared with; each of
// the two lists the others in `sameYear`, and cross-year says so on its title.

import type { Aggregate, DeskConfig } from './config';
import type { Localized, RelatedInfo } from '../model';
import type { Place, ReportFacts, ReportIdentity } from './facts';
import { aliasKeys, organKey } from './organ';

/** Another report, by the file it came from (a path for the CLI, a URI for the editor). */
export interface PeerReport {
  file: string;
  facts: ReportFacts;
}

/** What pairing reads of a report: its file and who wrote it for which year (a PeerReport is one). */
export interface PairingEntry {
  file: string;
  facts: ReportIdentity;
}

/** The peers of one report as pairing finds them, in the entries' own type. */
export interface PeersOf<E extends PairingEntry> {
  previous?: E;
  sameYear?: E[];
  members?: E[];
  tolerance?: number;
  missingMembers?: string[];
}

export interface Peers {
  /** The same body's report of the year before. */
  previous?: PeerReport;
  /** Other reports of the same body and year (duplicates), in file order: only their files are read. */
  sameYear?: { file: string }[];
  /** The reports a region's totals must equal the sum of (config `aggregates`). */
  members?: PeerReport[];
  /** The aggregate's tolerance: how far the region's cell may differ from the members' sum. */
  tolerance?: number;
  /** Members the config lists that no report matched (the aggregate rule then checks nothing). */
  missingMembers?: string[];
}

export interface PairOptions {
  /**
   * Turns a file reference of the config (`aggregates[].report` / `members`, relative to the
   * config file) into a `file` as the entries give it. Without it a reference matches an entry
   * whose file is the reference or ends with `/` + the reference (separators and `./` ignored).
   */
  resolve?: (reference: string) => string;
}

const byFile = (a: PairingEntry, b: PairingEntry): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The pairing key of a report: the config's alias target when one names it, else its organ key. */
export function pairingKey(facts: ReportIdentity, aliases: Map<string, string>): string | null {
  const own = facts.organKey ?? (facts.organ ? organKey(facts.organ) : null);
  if (own === null || own === '') return null;
  return aliases.get(own) ?? own;
}

/** Pair every report with its peers. `file`s are compared as given (the caller makes them comparable). */
export function pairReports<E extends PairingEntry>(entries: readonly E[], config: DeskConfig = {}, options: PairOptions = {}): Map<string, PeersOf<E>> {
  const aliases = aliasKeys(config.organs);
  const sorted = [...entries].sort(byFile);
  const keyOf = new Map<E, string | null>(sorted.map((e) => [e, pairingKey(e.facts, aliases)]));
  const byKeyYear = new Map<string, E[]>();
  for (const e of sorted) {
    const key = keyOf.get(e);
    if (key === null || key === undefined || e.facts.year === null) continue;
    const k = `${key}|${e.facts.year}`;
    const list = byKeyYear.get(k);
    if (list) list.push(e);
    else byKeyYear.set(k, [e]);
  }
  const out = new Map<string, PeersOf<E>>();
  for (const e of sorted) {
    const key = keyOf.get(e);
    const peers: PeersOf<E> = {};
    if (key !== null && key !== undefined && e.facts.year !== null) {
      const previous = byKeyYear.get(`${key}|${e.facts.year - 1}`)?.find((p) => p.file !== e.file);
      if (previous) peers.previous = previous;
      const same = (byKeyYear.get(`${key}|${e.facts.year}`) ?? []).filter((p) => p !== e && p.file !== e.file);
      if (same.length > 0) peers.sameYear = same;
    }
    out.set(e.file, peers);
  }
  for (const aggregate of config.aggregates ?? []) attachAggregate(aggregate, sorted, keyOf, aliases, options, out);
  return out;
}

/** The members of an aggregate, on the region's report of each year it names. */
function attachAggregate<E extends PairingEntry>(
  aggregate: Aggregate,
  entries: readonly E[],
  keyOf: Map<E, string | null>,
  aliases: Map<string, string>,
  options: PairOptions,
  out: Map<string, PeersOf<E>>,
): void {
  if (!aggregate || typeof aggregate.report !== 'string' || !Array.isArray(aggregate.members)) return;
  const matchFile = fileMatcher(options);
  /** Reports a reference names: the file it names, else every report of the body it names. */
  const named = (reference: string): { reports: E[]; asFile: boolean } => {
    const files = entries.filter((e) => matchFile(reference, e.file));
    if (files.length > 0) return { reports: files, asFile: true };
    const key = organKey(reference);
    const target = aliases.get(key) ?? key;
    return { reports: key ? entries.filter((e) => keyOf.get(e) === target) : [], asFile: false };
  };
  const regions = named(aggregate.report).reports;
  for (const region of regions) {
    const members: E[] = [];
    const missing: string[] = [];
    for (const reference of aggregate.members) {
      if (typeof reference !== 'string') continue;
      // A member file counts as named; a member body counts with its report of the region's year.
      const { reports, asFile } = named(reference);
      const others = reports.filter((m) => m.file !== region.file);
      const member = asFile ? others[0] : others.find((m) => m.facts.year === region.facts.year);
      if (member) members.push(member);
      else missing.push(reference);
    }
    const peers = out.get(region.file) ?? {};
    peers.members = members;
    peers.tolerance = typeof aggregate.tolerance === 'number' && aggregate.tolerance >= 0 ? aggregate.tolerance : 0;
    if (missing.length > 0) peers.missingMembers = missing;
    out.set(region.file, peers);
  }
}

function fileMatcher(options: PairOptions): (reference: string, file: string) => boolean {
  if (options.resolve) {
    const resolve = options.resolve;
    return (reference, file) => resolve(reference) === file;
  }
  const norm = (s: string): string => s.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return (reference, file) => {
    const r = norm(reference);
    const f = norm(file);
    return r.length > 0 && (f === r || f.endsWith(`/${r}`));
  };
}

/** A related location in a peer's file: its span and line/character there, for every face. */
export function relatedElsewhere(peer: PeerReport, place: Place, message: Localized): RelatedInfo {
  const { start, end, line, character, endLine, endCharacter } = place;
  return { start, end, message, elsewhere: { file: peer.file, start, end, line, character, endLine, endCharacter } };
}
