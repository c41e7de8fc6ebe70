// What crosses between the main thread and the workers. Structured cloning a ReportFacts (some
// 200 cells with their labels, the prose) costs the main thread as much as reading the report, so
// the facts travel as UTF-8 JSON bytes: the worker encodes them, the main thread only holds the
// bytes (outside the JS heap) and hands them to the worker that checks the report they are a
// peer of, which decodes them. The main thread parses nothing but the small pairing head.

import type { PeerReport, Peers, ReportFacts } from '../../engine';
import type { FileOutcome, ReadOutcome } from './work';

export type Request = { op: 'read'; file: string } | { op: 'check'; file: string; peers: WirePeers; config: number | null };

export type ReadReply = { ok: true; head: ReportFacts; facts: Uint8Array; cached: boolean } | Extract<ReadOutcome, { ok: false }>;
export type CheckReply = FileOutcome;

export interface WirePeer {
  file: string;
  facts: Uint8Array;
}

export interface WirePeers {
  previous?: WirePeer;
  members?: WirePeer[];
  tolerance?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeFacts = (facts: ReportFacts): Uint8Array => encoder.encode(JSON.stringify(facts));
export const decodeFacts = (bytes: Uint8Array): ReportFacts => JSON.parse(decoder.decode(bytes)) as ReportFacts;

/** The facts without cells and prose: what pairing reads (organ, year, format, title). */
export function headOf(facts: ReportFacts): ReportFacts {
  return { ...facts, cells: [], paragraphs: [] };
}

/** The peers of one report with the full facts of each, by file. */
export function wirePeers(peers: Peers | undefined, factsOf: (file: string) => Uint8Array | undefined): WirePeers {
  const out: WirePeers = {};
  const wire = (p: PeerReport): WirePeer | null => {
    const facts = factsOf(p.file);
    return facts ? { file: p.file, facts } : null;
  };
  if (peers?.previous) out.previous = wire(peers.previous) ?? undefined;
  if (peers?.members) out.members = peers.members.map(wire).filter((m): m is WirePeer => m !== null);
  if (peers?.tolerance !== undefined) out.tolerance = peers.tolerance;
  if (out.previous === undefined) delete out.previous;
  return out;
}

export function peersOf(wire: WirePeers): Peers {
  const peer = (p: WirePeer): PeerReport => ({ file: p.file, facts: decodeFacts(p.facts) });
  const out: Peers = {};
  if (wire.previous) out.previous = peer(wire.previous);
  if (wire.members) out.members = wire.members.map(peer);
  if (wire.tolerance !== undefined) out.tolerance = wire.tolerance;
  return out;
}
