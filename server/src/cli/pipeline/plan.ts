// The order a folder is checked in, decided in the main thread from every report's identity
// (organ and year, read from its head before any table is read): which files each report is read
// against (its peers, by file), and the groups of files that share peers. A group is checked in one
// place, peers before the reports that read them, so a report's facts are computed once, where it
// is checked, and only kept until the last report of its group that needs them was checked; no
// report's facts cross threads.

import { type DeskConfig, pairReports, type PairingEntry, type PeersOf } from '../../engine';

/** A report's peers by file (what a check request names; the checker holds or reads their facts). */
export interface PeerPlan {
  previous?: string;
  /** Only their files are read (cross-year names them on the title). */
  sameYear?: string[];
  members?: string[];
  tolerance?: number;
  missingMembers?: string[];
}

/** One check: the file, its peers, and the facts the checker keeps or drops after it. */
export interface Step {
  file: string;
  peers: PeerPlan;
  /** A later step of the group reads this report's facts: keep them. */
  keep: boolean;
  /** Peers no later step of the group reads: their facts can go. */
  release: string[];
}

export interface Plan {
  /** The groups in the order of their first file; within a group, peers first. */
  groups: Step[][];
}

/** Every file a check of one report reads the facts of. */
const factsNeeded = (p: PeerPlan): string[] => [...(p.previous !== undefined ? [p.previous] : []), ...(p.members ?? [])];

/**
 * The plan of a folder. `entries` are the reports whose identity was read, in the order of the
 * files; with `pair` false (a command that needs no peers) every report is a group of its own.
 */
export function planChecks(entries: readonly PairingEntry[], desk: DeskConfig | undefined, pair: boolean): Plan {
  const peerPlans = new Map<string, PeerPlan>();
  if (pair) for (const [file, peers] of pairReports(entries, desk)) peerPlans.set(file, byFile(peers));
  const order = new Map(entries.map((e, i) => [e.file, i]));
  const planOf = (file: string): PeerPlan => peerPlans.get(file) ?? {};

  // Groups: files linked by a peer they read (union-find over the files' positions).
  const parent = entries.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const e of entries) {
    for (const peer of factsNeeded(planOf(e.file))) {
      const a = root(order.get(e.file)!);
      const b = root(order.get(peer)!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const members = new Map<number, string[]>();
  entries.forEach((e, i) => {
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(e.file);
    else members.set(r, [e.file]);
  });

  // A group's root is its first file, and roots are met in file order: the groups come in that order.
  const groups: Step[][] = [];
  for (const files of members.values()) groups.push(steps(peersFirst(files, planOf), planOf));
  return { groups };
}

/** A group's files with every report after the peers it reads (depth first, in file order; a cycle a config makes is cut). */
function peersFirst(files: readonly string[], planOf: (f: string) => PeerPlan): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const peer of factsNeeded(planOf(file))) visit(peer);
    out.push(file);
  };
  for (const f of files) visit(f);
  return out;
}

/** The steps of a group: which facts are kept after each check and which can go. */
function steps(files: readonly string[], planOf: (f: string) => PeerPlan): Step[] {
  const lastReader = new Map<string, number>();
  files.forEach((f, i) => {
    for (const peer of factsNeeded(planOf(f))) lastReader.set(peer, i);
  });
  return files.map((file, i) => ({
    file,
    peers: planOf(file),
    keep: (lastReader.get(file) ?? -1) > i,
    release: factsNeeded(planOf(file)).filter((peer) => lastReader.get(peer) === i),
  }));
}

function byFile(p: PeersOf<PairingEntry>): PeerPlan {
  const out: PeerPlan = {};
  if (p.previous) out.previous = p.previous.file;
  if (p.sameYear) out.sameYear = p.sameYear.map((e) => e.file);
  if (p.members) out.members = p.members.map((e) => e.file);
  if (p.tolerance !== undefined) out.tolerance = p.tolerance;
  if (p.missingMembers) out.missingMembers = p.missingMembers;
  return out;
}
