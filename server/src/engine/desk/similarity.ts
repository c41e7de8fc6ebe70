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
  /** Where windows repeat within these words (repeatsOf), once known. */
  repeats?: Repeats;
  /** The buffer the arrays are views of, laid out for `capacity` characters (see layWords); none for a slice. */
  memory?: { buffer: ArrayBuffer; capacity: number };
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

/**
 * Where each window of one text occurs again in that text: `first` is the first start of the
 * same window, `next` the next start after it (−1: none), by start. Last year's chains are what
 * a comparison walks; a copy has the same ones, so they are learnt from the text it copies.
 */
interface Repeats {
  first: Int32Array;
  next: Int32Array;
}

/** How many SHINGLE-character windows the words have. */
const windowCount = (w: Words): number => Math.max(0, w.length - SHINGLE + 1);

/** Paragraphs reduced to their words, ready to compare (computed once per report and side). */
export interface Prose {
  paragraphs: readonly ParagraphFact[];
  words: Words;
}

/**
 * The words of paragraphs; `names` (the organ's, both years') are left out. `reuse` is a prose
 * made here that is no longer needed: its buffer is written over when it is large enough (the
 * rule keeps two, one report's and the one before, instead of allocating for every report), and
 * it and its parts must not be read again.
 */
export function proseOf(paragraphs: readonly ParagraphFact[], names: readonly string[] = [], reuse?: Prose): Prose {
  const removed: number[][] = [];
  for (let k = 0; k < names.length; k++) {
    if (names.indexOf(names[k]) < k) continue; // a repeat
    const name = foldedName(names[k]);
    if (name.length >= 2) removed.push(name);
  }
  const words = wordsOf(paragraphs, reuse?.words.memory);
  // Where the names stand, as [start, end) pairs; the words between are moved up in runs.
  const dropped: number[] = [];
  const codes = words.codes.subarray(0, words.length);
  for (const name of removed) {
    // The name's first character looked for natively: most words are not it.
    for (let at = codes.indexOf(name[0]); at >= 0 && at + name.length <= words.length; at = codes.indexOf(name[0], at + 1)) {
      let k = 1;
      while (k < name.length && codes[at + k] === name[k]) k++;
      if (k === name.length) dropped.push(at, at + name.length);
    }
  }
  if (dropped.length > 0) compact(words, dropped, removed.length > 1);
  return { paragraphs, words };
}

/** A name's word characters, folded as the prose's are. */
function foldedName(name: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = fold(name.charCodeAt(i));
    if (c >= 0) out.push(c);
  }
  return out;
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
  const { paragraphs } = prose;
  let first = -1;
  let last = -1;
  for (let k = 0; k < paragraphs.length; k++) {
    if (!keep(paragraphs[k])) continue;
    if (first < 0) first = k;
    else if (last < k - 1) return null; // a paragraph left out between kept ones
    last = k;
  }
  if (first < 0) return { from: 0, to: 0 };
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
  // A slice has no buffer of its own to hash into: it takes the whole's hashes.
  const hashes = windowHashes(w);
  const end = Math.max(from, Math.min(hashes.length, to - SHINGLE + 1));
  const start = Math.min(from, end);
  part.hashes = { high: hashes.high.subarray(start, end), low: hashes.low.subarray(start, end), length: end - start };
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
  const length = windowCount(w);
  // Room for them was laid out with the words (a slice always has its hashes).
  const { buffer, capacity } = w.memory!;
  const high = new Int32Array(buffer, 8 * capacity, length);
  const low = new Int32Array(buffer, 12 * capacity, length);
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
    const a = mine.words;
    const b = theirs.words;
    if (sameCodes(a, b)) {
      // A copy with only the digits changed has the same windows: each one's first start in last
      // year's text is that text's own first start, and this year's repeats are last year's, so
      // neither side is hashed or put in a table again (a folder of copies hashes its first year only).
      const repeats = repeatsOf(b);
      this.match = repeats.first;
      this.next = repeats.next;
      learnRepeats(a, repeats);
    } else {
      const table = tableOf(b);
      this.next = b.repeats!.next;
      this.match = new Int32Array(windowCount(a));
      probeTable(table, windowHashes(a), this.match);
    }
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
    const start = runs[k];
    const end = runs[k + 1];
    const there = placeIn(this.theirsParagraphs, this.b, runs[k + 2], runs[k + 3]);
    return {
      here: sourceSpan(this.mineParagraphs, this.a, start, end),
      there,
      chars: end - start,
      excerpt: excerptOf(this.theirsParagraphs, this.b, runs[k + 2], runs[k + 3], there),
    };
  }
}

/** Whether two texts have the same words (then the same windows, in the same order). */
function sameCodes(a: Words, b: Words): boolean {
  if (a.length !== b.length) return false;
  const x = a.codes;
  const y = b.codes;
  for (let i = 0; i < a.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The repeats of the words' windows: known, or found by putting them in a table. */
function repeatsOf(w: Words): Repeats {
  if (!w.repeats) tableOf(w);
  return w.repeats!;
}

/** Repeats found in a text with the same words, kept as these words' own (copied: that text's buffer is reused). */
function learnRepeats(w: Words, repeats: Repeats): void {
  if (w.repeats || !w.memory) return; // known already (the same words), or a slice, which has no room
  const own = repeatsRoom(w);
  own.first.set(repeats.first);
  own.next.set(repeats.next);
  w.repeats = own;
}

/** Room for the repeats of the words' windows: in their buffer, or new for a slice. */
function repeatsRoom(w: Words): Repeats {
  const length = windowCount(w);
  if (!w.memory) return { first: new Int32Array(length), next: new Int32Array(length) };
  const { buffer, capacity } = w.memory;
  return { first: new Int32Array(buffer, 16 * capacity, length), next: new Int32Array(buffer, 20 * capacity, length) };
}

/**
 * The words' windows in the scratch table (valid until the next one is built), their repeats
 * found on the way when not known yet.
 */
function tableOf(w: Words): Table {
  const hashes = windowHashes(w);
  if (w.repeats) return buildTable(hashes, null);
  const repeats = repeatsRoom(w);
  const table = buildTable(hashes, repeats);
  w.repeats = repeats;
  return table;
}

/**
 * Windows into the scratch table; `repeats`, when given, gets each window's first start and its
 * chain to the next start of the same window. Returns the table, valid until the next one is built.
 */
function buildTable(hashes: Hashes, repeats: Repeats | null): Table {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  if (scratchSlots.length < size) scratchSlots = new Int32Array(size);
  else scratchSlots.fill(0, 0, size);
  if (scratchLast.length < hashes.length) scratchLast = new Int32Array(hashes.length);
  const mask = size - 1;
  const slots = scratchSlots;
  const { high, low } = hashes;
  if (!repeats) {
    for (let j = 0; j < hashes.length; j++) {
      let at = low[j] & mask;
      // A window seen before keeps the slot of its first start.
      for (let s = slots[at]; s !== 0 && (high[s - 1] !== high[j] || low[s - 1] !== low[j]); s = slots[at]) at = (at + 1) & mask;
      if (slots[at] === 0) slots[at] = j + 1;
    }
    return { slots, mask, hashes };
  }
  const last = scratchLast;
  const { first: firsts, next } = repeats;
  next.fill(-1);
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
    firsts[j] = first;
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

/**
 * Bytes a character takes in a Words' buffer: its offset, paragraph, the two hashes of the window
 * it starts and that window's repeats (4 each), then its code (2). One buffer instead of seven
 * arrays: allocating a typed array cost more than filling it.
 */
const BYTES_PER_CHAR = 26;

/** Words with room for `capacity` characters, as views of `memory` when it is large enough (its old views are then stale). */
function layWords(capacity: number, memory?: Words['memory']): Words {
  // Room to grow: next year's report is often a little longer.
  const buffer = memory && memory.buffer.byteLength >= capacity * BYTES_PER_CHAR ? memory.buffer : new ArrayBuffer(Math.ceil(capacity * 1.25) * BYTES_PER_CHAR);
  return {
    offset: new Int32Array(buffer, 0, capacity),
    paragraph: new Int32Array(buffer, 4 * capacity, capacity),
    codes: new Uint16Array(buffer, 24 * capacity, capacity),
    length: 0,
    memory: { buffer, capacity },
  };
}

/** The words of paragraphs, each character with the source offset and paragraph it came from. */
function wordsOf(paragraphs: readonly Pick<ParagraphFact, 'text' | 'start'>[], memory?: Words['memory']): Words {
  let total = 0;
  for (const p of paragraphs) total += p.text.length;
  const words = layWords(total, memory);
  const { codes, offset, paragraph } = words;
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
  words.length = n;
  return words;
}

function filterWords(w: Words, keep: (i: number) => boolean): Words {
  const words = layWords(w.length);
  const { codes, offset, paragraph } = words;
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    if (!keep(i)) continue;
    codes[n] = w.codes[i];
    offset[n] = w.offset[i];
    paragraph[n] = w.paragraph[i];
    n++;
  }
  words.length = n;
  return words;
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

/** The start of words [from, to) as written; `span` is their sourceSpan. */
function excerptOf(paragraphs: readonly ParagraphFact[], w: Words, from: number, to: number, span: Span): string {
  const p = paragraphs[w.paragraph[from]];
  const endInP = w.paragraph[to - 1] === w.paragraph[from] ? span.end - p.start : p.text.trimEnd().length;
  const text = p.text.slice(span.start - p.start, endInP);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}
