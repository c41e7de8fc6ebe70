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
  let drop: Uint8Array | null = null;
  for (const name of removed) {
    const lead = name.codes[0];
    for (let at = 0; at + name.length <= words.length; at++) {
      if (words.codes[at] !== lead) continue;
      let k = 1;
      while (k < name.length && words.codes[at + k] === name.codes[k]) k++;
      if (k === name.length) (drop ??= new Uint8Array(words.length)).fill(1, at, at + name.length);
    }
  }
  if (drop) {
    // Compacted in place: the arrays are this call's own, and the write index never passes the read one.
    let n = 0;
    for (let i = 0; i < words.length; i++) {
      if (drop[i] !== 0) continue;
      words.codes[n] = words.codes[i];
      words.offset[n] = words.offset[i];
      words.paragraph[n] = words.paragraph[i];
      n++;
    }
    words.length = n;
  }
  return { paragraphs, words };
}

/**
 * The part of a prose whose paragraphs pass `keep` (a section), without reading it again. When the
 * kept paragraphs stand together (a section usually does), the part is a view into the whole's
 * arrays, window hashes included: no copy, no second hashing.
 */
export function partOf(prose: Prose, keep: (p: ParagraphFact) => boolean): Prose {
  const kept = prose.paragraphs.map(keep);
  const first = kept.indexOf(true);
  const last = kept.lastIndexOf(true);
  const w = prose.words;
  if (first < 0) return { paragraphs: prose.paragraphs, words: sliceWords(w, 0, 0) };
  const gap = kept.indexOf(false, first);
  if (gap < 0 || gap > last) {
    return { paragraphs: prose.paragraphs, words: sliceWords(w, firstWordOf(w, first), firstWordOf(w, last + 1)) };
  }
  return { paragraphs: prose.paragraphs, words: filterWords(w, (i) => kept[w.paragraph[i]]) };
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
 * Last year's windows: key → first start, open addressing in one typed array (no boxed keys), four
 * ints a slot (stamp, high, low, start) so a probe reads one cache line. The array is a scratch
 * buffer reused by every table (a report is compared seven times: whole and per section); a slot
 * counts only when its stamp is this table's, so no table needs clearing.
 */
// Module variables, not static fields: the bundle lowers static fields to defined properties,
// which made every access slow.
let scratchSlots = new Int32Array(0);
let generation = 0;

class WindowTable {
  private readonly stamp: number;
  private readonly mask: number;
  private readonly slots: Int32Array;

  constructor(hashes: Hashes) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    if (scratchSlots.length < size * 4 || generation === 0x7fffffff) {
      scratchSlots = new Int32Array(size * 4);
      generation = 0;
    }
    const stamp = ++generation;
    const mask = size - 1;
    const slots = scratchSlots;
    this.stamp = stamp;
    this.mask = mask;
    this.slots = slots;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes.high[j];
      const l = hashes.low[j];
      let at = (l & mask) << 2;
      while (slots[at] === stamp && (slots[at + 1] !== h || slots[at + 2] !== l)) at = (at + 4) & (mask << 2 | 3);
      if (slots[at] !== stamp) {
        slots[at] = stamp;
        slots[at + 1] = h;
        slots[at + 2] = l;
        slots[at + 3] = j;
      }
    }
  }

  /** The first start of a window with this key, or −1. Valid until the next table is built. */
  first(h: number, l: number): number {
    const slots = this.slots;
    const wrap = (this.mask << 2) | 3;
    for (let at = (l & this.mask) << 2; slots[at] === this.stamp; at = (at + 4) & wrap) {
      if (slots[at + 1] === h && slots[at + 2] === l) return slots[at + 3];
    }
    return -1;
  }
}

/** This year's prose against last year's. */
export function sharedPassages(mine: Prose, theirs: Prose): Similarity {
  const a = mine.words;
  const b = theirs.words;
  const windows = new WindowTable(windowHashes(b));
  const runs: { start: number; end: number; thereStart: number; thereEnd: number }[] = [];
  let shared = 0;
  let coveredUntil = 0;
  const myHashes = windowHashes(a);
  for (let i = 0; i < myHashes.length; i++) {
    const j = windows.first(myHashes.high[i], myHashes.low[i]);
    if (j < 0) continue;
    shared += i + SHINGLE - Math.max(coveredUntil, i);
    const last = runs[runs.length - 1];
    if (last && i <= last.end) {
      last.end = i + SHINGLE;
      if (j + SHINGLE > last.thereEnd && j >= last.thereStart) last.thereEnd = j + SHINGLE;
    } else {
      runs.push({ start: i, end: i + SHINGLE, thereStart: j, thereEnd: j + SHINGLE });
    }
    coveredUntil = i + SHINGLE;
  }
  const merged: typeof runs = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r.start - last.end <= MERGE_GAP && r.thereStart >= last.thereEnd - SHINGLE && r.thereStart - last.thereEnd <= MERGE_GAP) {
      last.end = r.end;
      last.thereEnd = Math.max(last.thereEnd, r.thereEnd);
    } else {
      merged.push({ ...r });
    }
  }
  const size = a.length;
  return {
    size,
    shared,
    similarity: size === 0 ? 0 : shared / size,
    passages: merged.map((r) => ({
      here: sourceSpan(mine.paragraphs, a, r.start, r.end),
      there: placeIn(theirs.paragraphs, b, r.thereStart, r.thereEnd),
      chars: r.end - r.start,
      excerpt: excerptOf(theirs.paragraphs, b, r.thereStart, r.thereEnd),
    })),
  };
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
