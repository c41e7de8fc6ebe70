// Turning the tokens after a row label into exactly the template's number of cells — or saying
// that it cannot be done. Never guesses: an ambiguous row is reported, not read.

import type { Span } from '../model';
import type { Token } from '../input/plain/tokens';

export type ValueKind = 'count' | 'signed' | 'amount';

/**
 * A value slot after assignment: a token itself (possibly empty), or a piece of a run-together
 * token. Tokens are handed over as they are, not copied: a table has hundreds of cells.
 */
export interface Slot extends Span {
  view: string;
}

export type Assignment =
  | { ok: true; slots: Slot[]; runTogether?: Span }
  | { ok: false; kind: 'too-few-cells' | 'too-many-cells'; found: number };

/** Placeholders people type for "nothing": treated as an empty cell, never as a number. */
const EMPTY_LIKE = /^(?:[-—–/\\]+|无|空|&nbsp;)$/;

export function isEmptyLike(view: string): boolean {
  if (view.length === 0) return true;
  const c = view.charCodeAt(0);
  if (c >= 48 && c <= 57) return false; // a digit: the common case, no regex needed
  return EMPTY_LIKE.test(view);
}

/** A token that can stand in a value position (number, empty, dash, or a short bit of text such as 「无」). */
export function isValueToken(t: Token): boolean {
  if (t.empty || t.numeric) return true;
  // Longer than three units: only a placeholder (「——」「&nbsp;」) can be a value. Labels are
  // long, and walk asks this of every label: its first unit rules most out without a regex.
  if (t.view.length > 3) return mayBeEmptyLike(t.view.charCodeAt(0)) && EMPTY_LIKE.test(t.view);
  return EMPTY_LIKE.test(t.view) || !/[\u4e00-\u9fff]{2}/.test(t.view);
}

/** Whether a unit can start what EMPTY_LIKE matches: - — – / \ 无 空 &. */
function mayBeEmptyLike(c: number): boolean {
  return c === 45 || c === 0x2014 || c === 0x2013 || c === 47 || c === 92 || c === 0x65e0 || c === 0x7a7a || c === 38;
}

/**
 * Assign `expected` cells from the value tokens of one row.
 * - exactly `expected` non-empty tokens: empties around them are layout (merged cells, trailing tabs);
 * - all empty: the row is blank (every cell empty);
 * - fewer: read positionally when, after dropping trailing and then leading layout empties, exactly
 *   `expected` tokens remain (an empty cell between numbers is an empty cell); otherwise try digits
 *   that ran together (only when the split is unique under `constraint`, or every digit is a cell);
 * - otherwise the row cannot be read.
 */
export function assignValues(
  tokens: Token[],
  expected: number,
  labelEnd: number,
  constraint?: (values: number[]) => boolean,
  width: RowWidth = null,
): Assignment {
  const filled = tokens.filter((t) => !t.empty);
  if (filled.length === expected) return { ok: true, slots: filled };
  if (filled.length > expected) return { ok: false, kind: 'too-many-cells', found: filled.length };
  if (filled.length === 0) {
    const at = tokens.length > 0 ? tokens[0].start : labelEnd;
    const slots: Slot[] = [];
    for (let i = 0; i < expected; i++) {
      const t = tokens[i];
      slots.push(t ?? { start: at, end: at, view: '' });
    }
    return { ok: true, slots };
  }
  // Cells split by tabs or pipes on one line are slots: when that line holds the row's cells
  // (empty ones included, plus leading merged-cell padding or a trailing separator), read them
  // slot by slot, so an empty last cell is an empty cell and not a missing one.
  const slotted = sameLineSlots(tokens, expected, width);
  if (slotted) return { ok: true, slots: slotted };
  // Fewer values than cells: trailing empties are layout; leading ones are layout only while
  // more than `expected` tokens remain. What is left is read position by position.
  let a = 0;
  let b = tokens.length;
  while (b > a && tokens[b - 1].empty) b--;
  while (b - a > expected && tokens[a].empty) a++;
  if (b - a === expected) return { ok: true, slots: tokens.slice(a, b) };
  const run = splitRunTogether(filled, expected, constraint);
  if (run) return run;
  return { ok: false, kind: 'too-few-cells', found: filled.length };
}

/**
 * How wide a table's value lines are, for telling an empty last cell from a line that simply
 * ends early (or ends with a separator): the width (cells from the line start) shared by every
 * value line that ends with a filled cell; 'any' when no value line ends filled (one line of
 * values); null when they disagree (a broken table: then no trailing empty is read as a cell).
 */
export type RowWidth = number | 'any' | null;

export function valueLineWidth(tokens: Token[]): RowWidth {
  let width: RowWidth = 'any';
  for (let i = 0; i < tokens.length; ) {
    const line = tokens[i].line;
    let j = i;
    let numeric = false;
    while (j < tokens.length && tokens[j].line === line) {
      if (tokens[j].numeric) numeric = true;
      j++;
    }
    const last = tokens[j - 1];
    if (numeric && !last.empty) {
      const w = last.col + 1;
      if (width === 'any') width = w;
      else if (width !== w) return null;
    }
    i = j;
  }
  return width;
}

/**
 * The tokens on the first value line, when they are separated cells and trim to exactly
 * `expected`. An empty token at the end of the line is a cell only when the line is as wide as
 * the table's value lines (see valueLineWidth).
 */
function sameLineSlots(tokens: Token[], expected: number, width: RowWidth): Token[] | null {
  if (tokens.length < expected) return null;
  const line = tokens[0].line;
  let b = 0;
  let separated = false;
  while (b < tokens.length && tokens[b].line === line) {
    if (tokens[b].col > 0) separated = true;
    b++;
  }
  if (!separated || b < expected) return null;
  const endsEmpty = tokens[b - 1].empty;
  if (endsEmpty && width !== 'any' && width !== tokens[b - 1].col + 1) return null;
  let a = 0;
  while (b - a > expected && tokens[a].empty) a++;
  while (b - a > expected && tokens[b - 1].empty) b--;
  return b - a === expected ? tokens.slice(a, b) : null;
}

const MAX_RUN_DIGITS = 20;

/** Digits run together with no separator (「4000004」 for seven cells): split only when unambiguous. */
function splitRunTogether(filled: Token[], expected: number, constraint?: (v: number[]) => boolean): Assignment | null {
  if (!filled.every((t) => /^\d+$/.test(t.view))) return null;
  const digits = filled.reduce((n, t) => n + t.view.length, 0);
  if (digits < expected || digits > MAX_RUN_DIGITS) return null;
  // Candidate splits: each token splits into ≥1 parts; parts have no leading zero unless "0".
  const solutions: Slot[][] = [];
  const acc: Slot[] = [];
  const explore = (ti: number, pos: number): void => {
    if (solutions.length > 1) return;
    if (ti === filled.length) {
      if (acc.length !== expected) return;
      const values = acc.map((s) => Number(s.view));
      if (digits === expected || !constraint || constraint(values)) solutions.push(acc.slice());
      return;
    }
    const t = filled[ti];
    const remainingTokens = filled.length - ti - 1;
    for (let len = 1; pos + len <= t.view.length; len++) {
      const piece = t.view.slice(pos, pos + len);
      if (piece.length > 1 && piece[0] === '0') break;
      if (acc.length + 1 + remainingTokens > expected) break;
      acc.push({ start: t.start + pos, end: t.start + pos + len, view: piece });
      if (pos + len === t.view.length) explore(ti + 1, 0);
      else explore(ti, pos + len);
      acc.pop();
    }
  };
  if (digits === expected) {
    const slots = filled.flatMap((t) =>
      [...t.view].map((d, i) => ({ start: t.start + i, end: t.start + i + 1, view: d })),
    );
    // One digit per cell is the only split, but when the row's own total then fails it is more
    // likely a misread (a cell missing, not run together) than a typo: do not read it.
    if (constraint && !constraint(slots.map((x) => Number(x.view)))) return null;
    return { ok: true, slots, runTogether: { start: filled[0].start, end: filled[filled.length - 1].end } };
  }
  if (!constraint) return null;
  explore(0, 0);
  if (solutions.length !== 1) return null;
  return { ok: true, slots: solutions[0], runTogether: { start: filled[0].start, end: filled[filled.length - 1].end } };
}

export interface ParsedValue {
  state: 'number' | 'empty' | 'invalid';
  value: number | null;
}

/** The answers for 0–99, shared (callers only read them). */
const SMALL_COUNTS: ParsedValue[] = Array.from({ length: 100 }, (_, n) => Object.freeze({ state: 'number' as const, value: n }));

/** Read one cell's text as the column's kind of number. */
export function parseValue(view: string, kind: ValueKind): ParsedValue {
  const t = view.trim();
  // Most cells are a small count: answer those without regexes or allocation.
  if (t.length <= 2 && t.length > 0) {
    const a = t.charCodeAt(0) - 48;
    const b = t.length === 2 ? t.charCodeAt(1) - 48 : 0;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && (t.length === 1 || a > 0)) return SMALL_COUNTS[t.length === 1 ? a : a * 10 + b];
  }
  if (isEmptyLike(t)) return { state: 'empty', value: null };
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[+-]?\d+(\.\d+)?$/.test(plain)) return { state: 'invalid', value: null };
  const value = Number(plain);
  if (kind === 'count' && (value < 0 || !Number.isInteger(value) || plain.startsWith('+'))) return { state: 'invalid', value: null };
  if (kind === 'signed' && !Number.isInteger(value)) return { state: 'invalid', value: null };
  if (kind === 'amount' && value < 0) return { state: 'invalid', value: null };
  return { state: 'number', value };
}
