// A finding's fingerprint: the key under which the sidecar config (`ignore`) remembers that a
// reviewer accepted it. Reports are published as written, so a suppression can never live in the
// text; it has to find its finding again after the report was edited.
//
// The key is what the finding is about, never where it is: the rule, the file (relative to the
// config's folder), the text it points at, the cells and values its data names, and — for a
// finding on prose — a few characters around it on its line. Offsets and line numbers are left
// out, so lines inserted above do not change it; fixing the finding changes what it found, so
// the fingerprint dies with it. Findings with equal keys are told apart by their order.

import type { Finding } from '../model';
import type { IgnoredFinding } from './config';

/** How much of a long span stands for it: its start and its end (a whole section should not die of a typo inside it). */
const SPAN_KEEP = 48;
/** Characters of line context on each side of a prose finding. */
const CONTEXT = 16;
/** The data fields that say what a finding found (others, like localization details, may follow unrelated cells). */
const DATA_KEYS = ['cells', 'expected', 'actual', 'relation', 'table', 'reason', 'section'] as const;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function spanText(text: string, f: Finding): string {
  const s = squash(text.slice(f.start, f.end));
  return s.length <= 2 * SPAN_KEEP ? s : `${s.slice(0, SPAN_KEEP)}…${s.slice(-SPAN_KEEP)}`;
}

/** The text around the span on its own line (a prose finding's neighbourhood), without positions. */
function lineContext(text: string, f: Finding): [string, string] {
  let lineStart = f.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = f.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const before = squash(text.slice(Math.max(lineStart, f.start - CONTEXT), f.start));
  const after = squash(text.slice(f.end, Math.min(lineEnd, f.end + CONTEXT)));
  return [before, after];
}

/** What a finding found, as a canonical string (the fingerprint hashes it with its occurrence). */
export function findingKey(f: Finding, text: string, file: string): string {
  const data: Record<string, unknown> = {};
  for (const k of DATA_KEYS) if (f.data?.[k] !== undefined) data[k] = f.data[k];
  // A finding on cells is placed by their ids; the rest of its row's line holds other cells' values.
  const context = f.data?.cells?.length ? null : lineContext(text, f);
  return JSON.stringify([f.ruleId, file.replace(/\\/g, '/'), spanText(text, f), data, context]);
}

/**
 * The fingerprint of each finding (same order). `findings` must be every finding of the file, in
 * the engine's order, before any is suppressed: the occurrence index counts equal keys before it.
 */
export function fingerprints(findings: readonly Finding[], text: string, file: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = findingKey(f, text, file);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return hash64(`${key}#${n}`);
  });
}

export interface Suppression {
  /** The findings left to show. */
  kept: Finding[];
  /** The findings an `ignore` entry matched, each with its entry. */
  suppressed: { finding: Finding; entry: IgnoredFinding }[];
}

/** Split a file's findings into those shown and those its config ignores (by fingerprint). */
export function suppressFindings(findings: readonly Finding[], text: string, file: string, ignore: readonly IgnoredFinding[] = []): Suppression {
  if (ignore.length === 0) return { kept: [...findings], suppressed: [] };
  const byPrint = new Map(ignore.map((e) => [e.fingerprint, e]));
  const prints = fingerprints(findings, text, file);
  const out: Suppression = { kept: [], suppressed: [] };
  findings.forEach((f, i) => {
    const entry = byPrint.get(prints[i]);
    if (entry) out.suppressed.push({ finding: f, entry });
    else out.kept.push(f);
  });
  return out;
}

/**
 * 64 bits of two 32-bit multiply-xorshift hashes (cyrb53's mixing, two seeds), as 16 hex digits.
 * Not cryptographic: a fingerprint only has to tell one report's findings apart.
 */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
