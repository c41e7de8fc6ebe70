// How much of one text is found in another: the share of this year's prose that lies in
// passages also found, word for word, in last year's (repeated-text).
//
// Both sides are reduced to their words: spaces, punctuation, symbols and digits go (the year
// and the counts change every year; a copy with new numbers is still a copy), full-width
// letters fold to ASCII, and the organ's names are taken out. Every SHINGLE-character window of
// last year's words goes into one hash map (a rolling hash of the window: two multiplicative
// hashes modulo 2^32 make a 53-bit key, so a chance collision is about 1 in 10^15 per pair); one
// pass over this year's marks each window found there, and the characters those windows cover are the shared
// part. Runs of covered characters are the shared passages, mapped back to both sources for
// display. Time and memory are linear in the text, so ten thousand reports go through quickly.

import type { Span } from '../model';
import type { ParagraphFact, Place } from './facts';

/** Window length in characters. Twelve Chinese characters are a clause: common phrases of the
 *  genre (「政府信息公开工作」 is 8) rarely reach it by chance, a copied sentence always does. */
export const SHINGLE = 12;
/** Passages closer than this (in words, on both sides) show as one. */
const MERGE_GAP = 6;
const EXCERPT = 24;

export interface Passage {
  /** Where it stands in this year's text (offsets into the report being checked). */
  here: Span;
  /** Where it stands in last year's text (offsets and positions in that file). */
  there: Place;
  /** Its length in words (normalised characters). */
  chars: number;
  /** The start of last year's passage, as written. */
  excerpt: string;
}

export interface Similarity {
  /** Normalised characters of this year's prose. */
  size: number;
  /** Of which in passages also found in last year's. */
  shared: number;
  /** shared / size (0 when size is 0). */
  similarity: number;
  passages: Passage[];
}

interface Words {
  /** The word characters (UTF-16 code units, folded). */
  codes: Uint16Array;
  /** Per character: offset in its source, and the index of the paragraph it came from. */
  offset: Int32Array;
  paragraph: Int32Array;
  length: number;
  /** The window hashes (windowHashes), once computed. */
  hashes?: Hashes;
}

/**
 * The hash of each window, by its start: the first hash (32 bits) and the top 21 bits of the
 * second, as two int arrays: the 53-bit key compared as two ints, and the slot taken from the low
 * one, keep the hash table free of floating-point arithmetic.
 */
interface Hashes {
  high: Int32Array;
  low: Int32Array;
  length: number;
}

/** Paragraphs reduced to their words, ready to compare (computed once per report and side). */
export interface Prose {
  paragraphs: readonly ParagraphFact[];
  words: Words;
}

/** The words of paragraphs; `names` (the organ's, both years') are left out. */
export function proseOf(paragraphs: readonly ParagraphFact[], names: readonly string[] = []): Prose {
  const removed = [...new Set(names)].map((n) => wordsOf([{ text: n, start: 0 }])).filter((n) => n.length >= 2);
  const words = wordsOf(paragraphs);
  // Where the names stand, as [start, end) pairs; the words between are moved up in runs.
  const dropped: number[] = [];
  for (const name of removed) {
    const lead = name.codes[0];
    for (let at = 0; at + name.length <= words.length; at++) {
      if (words.codes[at] !== lead) continue;
      let k = 1;
      while (k < name.length && words.codes[at + k] === name.codes[k]) k++;
      if (k === name.length) dropped.push(at, at + name.length);
    }
  }
  if (dropped.length > 0) compact(words, dropped, removed.length > 1);
  return { paragraphs, words };
}

/**
 * The words without the ranges [start, end) in `dropped` (in order of start unless `unsorted`;
 * they may overlap). Compacted in place: the arrays are proseOf's own, and the write index never
 * passes the read one.
 */
function compact(words: Words, dropped: number[], unsorted: boolean): void {
  let ranges = dropped;
  if (unsorted) {
    const order = Array.from({ length: dropped.length / 2 }, (_, k) => 2 * k).sort((x, y) => dropped[x] - dropped[y]);
    ranges = order.flatMap((k) => [dropped[k], dropped[k + 1]]);
  }
  let n = 0;
  let read = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    words.codes.copyWithin(n, from, to);
    words.offset.copyWithin(n, from, to);
    words.paragraph.copyWithin(n, from, to);
    n += to - from;
  };
  for (let k = 0; k < ranges.length; k += 2) {
    keep(read, ranges[k]);
    read = Math.max(read, ranges[k + 1]);
  }
  keep(read, words.length);
  words.length = n;
}

/**
 * The part of a prose whose paragraphs pass `keep` (a section), without reading it again. When the
 * kept paragraphs stand together (a section usually does), the part is a view into the whole's
 * arrays, window hashes included: no copy, no second hashing.
 */
export function partOf(prose: Prose, keep: (p: ParagraphFact) => boolean): Prose {
  const w = prose.words;
  const range = keptWords(prose, keep);
  if (range) return { paragraphs: prose.paragraphs, words: sliceWords(w, range.from, range.to) };
  const kept = prose.paragraphs.map(keep);
  return { paragraphs: prose.paragraphs, words: filterWords(w, (i) => kept[w.paragraph[i]]) };
}

/** The words [from, to) of the paragraphs passing `keep` when they stand together (empty when none does), or null. */
function keptWords(prose: Prose, keep: (p: ParagraphFact) => boolean): { from: number; to: number } | null {
  const kept = prose.paragraphs.map(keep);
  const first = kept.indexOf(true);
  if (first < 0) return { from: 0, to: 0 };
  const last = kept.lastIndexOf(true);
  const gap = kept.indexOf(false, first);
  if (gap >= 0 && gap < last) return null;
  return { from: firstWordOf(prose.words, first), to: firstWordOf(prose.words, last + 1) };
}

/** The index of the first word from paragraph `k` on (words are in paragraph order). */
function firstWordOf(w: Words, k: number): number {
  let lo = 0;
  let hi = w.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.paragraph[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words [from, to) as views of the same arrays; the windows inside the range keep their hashes. */
function sliceWords(w: Words, from: number, to: number): Words {
  const part: Words = { codes: w.codes.subarray(from, to), offset: w.offset.subarray(from, to), paragraph: w.paragraph.subarray(from, to), length: to - from };
  if (w.hashes) {
    const end = Math.max(from, Math.min(w.hashes.length, to - SHINGLE + 1));
    const start = Math.min(from, end);
    part.hashes = { high: w.hashes.high.subarray(start, end), low: w.hashes.low.subarray(start, end), length: end - start };
  }
  return part;
}

// Two multiplicative hashes modulo 2^32 (Math.imul): 32 + 21 bits of them make a window's key.
const BASE1 = 0x01000193;
const BASE2 = 0x5bd1e995;

/** BASE^(SHINGLE−1) modulo 2^32: what the character leaving the window weighed. */
function leadWeight(base: number): number {
  let w = 1;
  for (let i = 1; i < SHINGLE; i++) w = Math.imul(w, base);
  return w;
}
const LEAD1 = leadWeight(BASE1);
const LEAD2 = leadWeight(BASE2);

/** The hash of every SHINGLE-character window of the words, by its start (computed once per Words). */
function windowHashes(w: Words): Hashes {
  if (w.hashes) return w.hashes;
  const length = Math.max(0, w.length - SHINGLE + 1);
  const high = new Int32Array(length);
  const low = new Int32Array(length);
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < w.length; i++) {
    if (i >= SHINGLE) {
      const leaving = w.codes[i - SHINGLE];
      h1 = (h1 - Math.imul(leaving, LEAD1)) | 0;
      h2 = (h2 - Math.imul(leaving, LEAD2)) | 0;
    }
    h1 = (Math.imul(h1, BASE1) + w.codes[i]) | 0;
    h2 = (Math.imul(h2, BASE2) + w.codes[i]) | 0;
    if (i >= SHINGLE - 1) {
      high[i - SHINGLE + 1] = h1;
      low[i - SHINGLE + 1] = h2 >>> 11;
    }
  }
  w.hashes = { high, low, length };
  return w.hashes;
}

/**
 * Last year's windows are put in a hash table once per pair of reports; every comparison of the
 * pair (the whole, then each section) reads the matches of that one pass. The table is open
 * addressing in one typed array, one int a slot: the first start of a window plus one (0: empty),
 * its key read from last year's hash arrays. Small slots keep the table and the keys in the
 * first-level cache, where four ints a slot (key in the slot) did not fit. The array is a scratch
 * buffer reused by every table and cleared for each.
 */
// Module variables, not static fields: the bundle lowers static fields to defined properties,
// which made every access slow.
let scratchSlots = new Int32Array(0);
/** Scratch for the chains: the last start seen of each window, by its first start. */
let scratchLast = new Int32Array(0);

/**
 * This year's prose compared with last year's, as a whole and by parts (sections). For each of
 * this year's windows, `match` holds the first start of the same window in last year's text, and
 * `next` chains each of last year's windows to the next start of the same window: the first start
 * within a part of last year's text is found by walking that chain from the whole's first, so the
 * parts need no table and no probe of their own.
 */
export class ProseComparison {
  private readonly match: Int32Array;
  private readonly next: Int32Array;

  constructor(
    private readonly mine: Prose,
    private readonly theirs: Prose,
  ) {
    const ha = windowHashes(mine.words);
    const hb = windowHashes(theirs.words);
    this.match = new Int32Array(ha.length);
    this.next = new Int32Array(hb.length).fill(-1);
    // A copy with only the digits changed has the same windows: each one's first start is then found
    // while the table is built, and this year's need no probe.
    const same = sameHashes(ha, hb);
    const slots = buildTable(hb, this.next, same ? this.match : null);
    if (!same) probeTable(slots, ha, this.match);
  }

  /** The whole of both proses. */
  whole(): Coverage {
    return this.cover(0, this.match.length, 0, this.next.length, 0, this.mine.words.length);
  }

  /**
   * The paragraphs passing `keep` on both sides, compared as if they were the prose of those
   * paragraphs alone (what sharedPassages of partOf both sides gives).
   */
  part(keep: (p: ParagraphFact) => boolean): Coverage {
    const mine = keptWords(this.mine, keep);
    const theirs = keptWords(this.theirs, keep);
    if (mine === null || theirs === null) {
      // Paragraphs apart: their words are joined, and windows across the gaps are new ones.
      return new ProseComparison(partOf(this.mine, keep), partOf(this.theirs, keep)).whole();
    }
    // Windows wholly inside the kept words, as sliceWords keeps them.
    const windowsEnd = (from: number, to: number, count: number): number => Math.max(from, Math.min(count, to - SHINGLE + 1));
    const mineEnd = windowsEnd(mine.from, mine.to, this.match.length);
    const theirsEnd = windowsEnd(theirs.from, theirs.to, this.next.length);
    return this.cover(Math.min(mine.from, mineEnd), mineEnd, theirs.from, theirsEnd, mine.from, mine.to);
  }

  /**
   * This year's windows [from, to) against last year's [thereFrom, thereTo): the characters they
   * cover, and the runs of them. Offsets stay those of the whole words; only differences and
   * lengths are kept, so a part reads the same as a prose of its own. A part is whole paragraphs,
   * so its first and last words start and end a paragraph in the whole words too (sourceSpan).
   */
  private cover(from: number, to: number, thereFrom: number, thereTo: number, wordsFrom: number, wordsTo: number): Coverage {
    const { match, next } = this;
    // Runs as four numbers each (start, end, thereStart, thereEnd), merged as they complete.
    const runs: number[] = [];
    let open = false;
    let start = 0;
    let end = 0;
    let thereStart = 0;
    let thereEnd = 0;
    let shared = 0;
    let coveredUntil = wordsFrom;
    for (let i = from; i < to; i++) {
      let j = match[i];
      while (j !== -1 && j < thereFrom) j = next[j];
      if (j === -1 || j >= thereTo) continue;
      shared += i + SHINGLE - Math.max(coveredUntil, i);
      if (open && i <= end) {
        end = i + SHINGLE;
        if (j + SHINGLE > thereEnd && j >= thereStart) thereEnd = j + SHINGLE;
      } else {
        if (open) mergeRun(runs, start, end, thereStart, thereEnd);
        open = true;
        start = i;
        end = i + SHINGLE;
        thereStart = j;
        thereEnd = j + SHINGLE;
      }
      coveredUntil = i + SHINGLE;
    }
    if (open) mergeRun(runs, start, end, thereStart, thereEnd);
    const size = wordsTo - wordsFrom;
    return new Coverage(size, shared, runs, this.mine.paragraphs, this.mine.words, this.theirs.paragraphs, this.theirs.words);
  }
}

/** Passages closer than MERGE_GAP on both sides show as one: a run joins the last one or follows it. */
function mergeRun(runs: number[], start: number, end: number, thereStart: number, thereEnd: number): void {
  const n = runs.length;
  if (n > 0) {
    const lastEnd = runs[n - 3];
    const lastThereEnd = runs[n - 1];
    if (start - lastEnd <= MERGE_GAP && thereStart >= lastThereEnd - SHINGLE && thereStart - lastThereEnd <= MERGE_GAP) {
      runs[n - 3] = end;
      runs[n - 1] = Math.max(lastThereEnd, thereEnd);
      return;
    }
  }
  runs.push(start, end, thereStart, thereEnd);
}

/** How much of one part is shared, and its passages, built only when they are shown. */
export class Coverage {
  readonly similarity: number;

  constructor(
    /** Normalised characters of this year's prose (or part). */
    readonly size: number,
    /** Of which in passages also found in last year's. */
    readonly shared: number,
    private readonly runs: readonly number[],
    private readonly mineParagraphs: readonly ParagraphFact[],
    private readonly a: Words,
    private readonly theirsParagraphs: readonly ParagraphFact[],
    private readonly b: Words,
  ) {
    this.similarity = size === 0 ? 0 : shared / size;
  }

  /** Every shared passage, in text order. */
  passages(): Passage[] {
    const out: Passage[] = [];
    for (let k = 0; k < this.runs.length; k += 4) out.push(this.passage(k));
    return out;
  }

  /**
   * The `count` longest passages, in text order (of equal length, the earlier): only those are
   * mapped back to the sources and given an excerpt.
   */
  longest(count: number): Passage[] {
    const runs = this.runs;
    const order: number[] = [];
    for (let k = 0; k < runs.length; k += 4) order.push(k);
    // Runs are in text order, so the earlier of two equal ones is the one with the lower index.
    order.sort((x, y) => runs[y + 1] - runs[y] - (runs[x + 1] - runs[x]) || x - y);
    return order
      .slice(0, count)
      .sort((x, y) => x - y)
      .map((k) => this.passage(k));
  }

  private passage(k: number): Passage {
    const runs = this.runs;
    const [start, end, thereStart, thereEnd] = [runs[k], runs[k + 1], runs[k + 2], runs[k + 3]];
    return {
      here: sourceSpan(this.mineParagraphs, this.a, start, end),
      there: placeIn(this.theirsParagraphs, this.b, thereStart, thereEnd),
      chars: end - start,
      excerpt: excerptOf(this.theirsParagraphs, this.b, thereStart, thereEnd),
    };
  }
}

/** Whether two texts have the same windows, in the same order. */
function sameHashes(a: Hashes, b: Hashes): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a.high[i] !== b.high[i] || a.low[i] !== b.low[i]) return false;
  return true;
}

/**
 * Last year's windows into the scratch table, each chained (next) to the next start of the same
 * window; `firsts`, when given, gets each window's first start. Returns the table, valid until
 * the next one is built.
 */
function buildTable(hashes: Hashes, next: Int32Array, firsts: Int32Array | null): Table {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  if (scratchSlots.length < size) scratchSlots = new Int32Array(size);
  else scratchSlots.fill(0, 0, size);
  if (scratchLast.length < hashes.length) scratchLast = new Int32Array(hashes.length);
  const mask = size - 1;
  const slots = scratchSlots;
  const last = scratchLast;
  const { high, low } = hashes;
  for (let j = 0; j < hashes.length; j++) {
    const h = high[j];
    const l = low[j];
    let at = l & mask;
    let first = j;
    for (let s = slots[at]; s !== 0; s = slots[at]) {
      if (high[s - 1] === h && low[s - 1] === l) {
        first = s - 1;
        break;
      }
      at = (at + 1) & mask;
    }
    if (first === j) slots[at] = j + 1;
    else next[last[first]] = j;
    last[first] = j;
    if (firsts) firsts[j] = first;
  }
  return { slots, mask, hashes };
}

interface Table {
  slots: Int32Array;
  mask: number;
  /** The hashes the table holds, by start. */
  hashes: Hashes;
}

/** For each of this year's windows, the first start of the same window in the table, or −1. */
function probeTable(table: Table, hashes: Hashes, out: Int32Array): void {
  const { slots, mask } = table;
  const theirHigh = table.hashes.high;
  const theirLow = table.hashes.low;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes.high[i];
    const l = hashes.low[i];
    let found = -1;
    for (let at = l & mask, s = slots[at]; s !== 0; at = (at + 1) & mask, s = slots[at]) {
      if (theirHigh[s - 1] === h && theirLow[s - 1] === l) {
        found = s - 1;
        break;
      }
    }
    out[i] = found;
  }
}

/** This year's prose against last year's. */
export function sharedPassages(mine: Prose, theirs: Prose): Similarity {
  const c = new ProseComparison(mine, theirs).whole();
  return { size: c.size, shared: c.shared, similarity: c.similarity, passages: c.passages() };
}

/** The words of paragraphs, each character with the source offset and paragraph it came from. */
function wordsOf(paragraphs: readonly Pick<ParagraphFact, 'text' | 'start'>[]): Words {
  let total = 0;
  for (const p of paragraphs) total += p.text.length;
  const codes = new Uint16Array(total);
  const offset = new Int32Array(total);
  const paragraph = new Int32Array(total);
  let n = 0;
  for (let k = 0; k < paragraphs.length; k++) {
    const { text, start } = paragraphs[k];
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      if (c < 0) continue;
      codes[n] = c;
      offset[n] = start + i;
      paragraph[n] = k;
      n++;
    }
  }
  return { codes, offset, paragraph, length: n };
}

function filterWords(w: Words, keep: (i: number) => boolean): Words {
  const codes = new Uint16Array(w.length);
  const offset = new Int32Array(w.length);
  const paragraph = new Int32Array(w.length);
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    if (!keep(i)) continue;
    codes[n] = w.codes[i];
    offset[n] = w.offset[i];
    paragraph[n] = w.paragraph[i];
    n++;
  }
  return { codes, offset, paragraph, length: n };
}

/** A character as a word character (folded), or −1 for space, punctuation, symbol or digit. */
function fold(code: number): number {
  // The common case first: a CJK ideograph is a word character as it stands.
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  // Other code units are classified once each (the classifying regex costs more than the rest of
  // the pass); the table holds fold + 2, 0 while not yet known.
  const known = FOLDED[code];
  if (known !== 0) return known - 2;
  const folded = classify(code);
  FOLDED[code] = folded + 2;
  return folded;
}

const FOLDED = new Int32Array(0x10000);

function classify(code: number): number {
  // Full-width ASCII (Ａ, １, ，) folds to ASCII before it is classified.
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  if (c >= 0x30 && c <= 0x39) return -1;
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  if (c >= 0x61 && c <= 0x7a) return c;
  return NOT_A_WORD.test(String.fromCharCode(c)) ? -1 : c;
}

const NOT_A_WORD = /[\s\p{P}\p{S}\p{Nd}\u3000\u00a0\ufeff]/u;

/**
 * The source offsets of words [from, to): a passage that starts a paragraph starts where its text
 * does, and one that ends it ends where the text does, so the digits and brackets the words leave
 * out (「（一）」「2023年」) are shown and linked with it.
 */
function sourceSpan(paragraphs: readonly Pick<ParagraphFact, 'text' | 'start'>[], w: Words, from: number, to: number): { start: number; end: number } {
  let start = w.offset[from];
  let end = w.offset[to - 1] + 1;
  const first = paragraphs[w.paragraph[from]];
  if (from === 0 || w.paragraph[from - 1] !== w.paragraph[from]) start = first.start + (first.text.length - first.text.trimStart().length);
  const last = paragraphs[w.paragraph[to - 1]];
  if (to === w.length || w.paragraph[to] !== w.paragraph[to - 1]) end = last.start + last.text.trimEnd().length;
  return { start, end };
}

/** Last year's passage [from, to) (in words) as a place in its file: paragraphs are single lines. */
function placeIn(paragraphs: readonly ParagraphFact[], w: Words, from: number, to: number): Place {
  const span = sourceSpan(paragraphs, w, from, to);
  const first = paragraphs[w.paragraph[from]];
  const last = paragraphs[w.paragraph[to - 1]];
  return {
    start: span.start,
    end: span.end,
    line: first.line,
    character: first.character + (span.start - first.start),
    endLine: last.line,
    endCharacter: last.character + (span.end - last.start),
  };
}

function excerptOf(paragraphs: readonly ParagraphFact[], w: Words, from: number, to: number): string {
  const p = paragraphs[w.paragraph[from]];
  const span = sourceSpan(paragraphs, w, from, to);
  const endInP = w.paragraph[to - 1] === w.paragraph[from] ? span.end - p.start : p.text.trimEnd().length;
  const text = p.text.slice(span.start - p.start, endInP);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}
