// Schema-guided reading: walk the token stream looking for the template's labels in order;
// the tokens between one row label and the next label are that row's values. Missing rows,
// unknown text and labels that differ from the template are recorded, not guessed around.

import { distance } from 'fastest-levenshtein';
import type { LabelProblem, Source, Span } from '../model';
import { labelKey } from '../text/view';
import type { Token } from '../input/plain/tokens';
import { isValueToken } from './values';

export interface Slot {
  /** 'row': a label followed by values; 'label': a label only (item, group, column header). */
  kind: 'row' | 'label';
  label: string;
  key: string;
  id?: string;
  /** Labels that may be absent without a finding (group labels, headers). */
  optional?: boolean;
}

export function slotOf(kind: Slot['kind'], label: string, id?: string, optional = false): Slot {
  return { kind, label, key: labelKey(label), id, optional };
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export function matchKey(tokenKey: string, slotKey: string): MatchKind | null {
  if (tokenKey === slotKey) return 'exact';
  if (tokenKey.length >= 4 && slotKey.length > tokenKey.length && slotKey.startsWith(tokenKey)) return 'prefix';
  if (tokenKey.length >= 3 && isFuzzyMatch(tokenKey, slotKey)) return 'fuzzy';
  return null;
}

/** A few edits apart (about a third of the slot's length), for keys of similar length. */
function isFuzzyMatch(tokenKey: string, slotKey: string): boolean {
  if (Math.abs(tokenKey.length - slotKey.length) > 4) return false;
  return distance(tokenKey, slotKey) <= Math.max(1, Math.floor(slotKey.length * 0.34));
}

export interface WalkedRow {
  slot: Slot;
  label: Token;
  /** Span of the whole label, including a continuation on a later line. */
  labelSpan: Span;
  values: Token[];
}

export interface WalkResult {
  rows: WalkedRow[];
  labels: Map<string, Token>;
  missing: Slot[];
  unknown: Token[];
  mismatches: LabelProblem[];
  /** Index of the first token not consumed. */
  end: number;
}

const WINDOW = 8;

/**
 * Walk tokens[from..] against slots. `onMatch` may replace the remaining slots (used when the
 * 2019 table shows its single-row （六）其他处理).
 */
export function walk(
  source: Source,
  tokens: Token[],
  from: number,
  initialSlots: Slot[],
  onMatch?: (slot: Slot, tokenIndex: number) => Slot[] | void,
): WalkResult {
  let slots = initialSlots;
  const res: WalkResult = { rows: [], labels: new Map(), missing: [], unknown: [], mismatches: [], end: from };
  let k = 0;
  let current: WalkedRow | null = null;
  let remainder = '';
  let i = from;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.empty || t.numeric || (current && isValueToken(t) && !matchesAhead(t, slots, k))) {
      if (current) current.values.push(t);
      continue;
    }
    if (remainder && remainder.startsWith(t.key)) {
      // A label broken over two lines (「3.补正后申请内」⏎「容仍不明确」).
      remainder = remainder.slice(t.key.length);
      if (current) current.labelSpan = { start: current.labelSpan.start, end: t.end };
      continue;
    }
    if (k >= slots.length) break;
    const hit = findSlot(t, slots, k);
    if (!hit) {
      if (t.key.length > 30 || /[。;]/.test(t.view)) break; // prose: the table is over
      // A group label printed out of order or in pieces (PDF text centres a merged cell
      // vertically: 「三、本年」…「度办理」…「结果」, 「（三）不予公开」 between its rows) is layout.
      if (isGroupLabelPiece(t.key, slots)) continue;
      res.unknown.push(t);
      continue;
    }
    const [j, how] = hit;
    for (let s = k; s < j; s++) if (!slots[s].optional) res.missing.push(slots[s]);
    const slot = slots[j];
    remainder = how === 'prefix' ? slot.key.slice(t.key.length) : '';
    if (how === 'fuzzy' || (how === 'prefix' && !remainderCompletes(tokens, i + 1, remainder))) {
      res.mismatches.push({ start: t.start, end: t.end, expected: slot.label, found: source.text.slice(t.start, t.end) });
    }
    res.labels.set(slot.id ?? slot.label, t);
    current = null;
    if (slot.kind === 'row') {
      current = { slot, label: t, labelSpan: { start: t.start, end: t.end }, values: [] };
      res.rows.push(current);
    }
    k = j + 1;
    const replaced = onMatch?.(slot, i);
    if (replaced) {
      slots = [...slots.slice(0, k), ...replaced];
    }
  }
  for (let s = k; s < slots.length; s++) if (!slots[s].optional) res.missing.push(slots[s]);
  // The last row's trailing empties belong to the layout, not to the table.
  res.end = i;
  return res;
}

/** The key is an optional label of the template, or a piece (≥ 2 units) of one. */
function isGroupLabelPiece(key: string, slots: Slot[]): boolean {
  if (key.length < 2) return false;
  for (const s of slots) if (s.optional && s.kind === 'label' && s.key.includes(key)) return true;
  return false;
}

function remainderCompletes(tokens: Token[], from: number, remainder: string): boolean {
  for (let i = from; i < tokens.length && i < from + 12; i++) {
    const t = tokens[i];
    if (t.empty || t.numeric) continue;
    return remainder.startsWith(t.key) && t.key.length > 0;
  }
  return false;
}

function matchesAhead(t: Token, slots: Slot[], k: number): boolean {
  return findSlot(t, slots, k) !== null;
}

/**
 * The first slot of the window the token matches exactly, else by prefix, else (among the next
 * three) fuzzily: matchKey's three tests one kind at a time, so the edit distance is only
 * computed when no slot of the window matches exactly or by prefix.
 */
function findSlot(t: Token, slots: Slot[], k: number): [number, MatchKind] | null {
  const key = t.key;
  const last = Math.min(slots.length, k + WINDOW);
  for (let j = k; j < last; j++) if (slots[j].key === key) return [j, 'exact'];
  if (key.length >= 4) {
    for (let j = k; j < last; j++) {
      const slotKey = slots[j].key;
      if (slotKey.length > key.length && slotKey.startsWith(key)) return [j, 'prefix'];
    }
  }
  if (key.length >= 3) {
    const stop = Math.min(last, k + 3);
    for (let j = k; j < stop; j++) if (isFuzzyMatch(key, slots[j].key)) return [j, 'fuzzy'];
  }
  return null;
}
