// A length-preserving normalised view of the text. Every UTF-16 unit maps to exactly one
// unit, so an index into the view is an index into the original: matchers read the view,
// diagnostics and fixes use the same offsets on the original text. NFKC is NOT used: it
// changes lengths (㈠ becomes three characters) and would shift every later offset.

// One slot per UTF-16 unit (128 KB): 0 = unchanged, else the unit it reads as. A typed array
// lookup is several times faster than a Map on the per-character path of every check.
const MAP = new Uint16Array(0x10000);
function map(from: string, to: string): void {
  for (let i = 0; i < from.length; i++) MAP[from.charCodeAt(i)] = to.charCodeAt(i);
}
// Full-width ASCII block U+FF01..U+FF5E -> U+0021..U+007E (digits, letters, punctuation).
for (let c = 0xff01; c <= 0xff5e; c++) MAP[c] = c - 0xfee0;
map('\u3000\u00a0\ufeff\u2002\u2003\u2009\u200b', '       ');
map('〔〕【】［］', '[][][]');
map('“”‘’', '""\'\'');
map('，：；！？', ',:;!?');
map('．', '.');
map('－—–−', '----');

/**
 * Node's Buffer copies a string's units into memory and back natively, much cheaper than a loop
 * of charCodeAt and a TextDecoder; the same buffer serves every call (one report after another),
 * so only the view string is allocated. Where there is no Buffer (a browser) or the machine is
 * big-endian, the portable way is taken. Both give the same string.
 */
const NODE_BUFFER: typeof Buffer | undefined =
  typeof Buffer === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? Buffer : undefined;
const UTF16 = new TextDecoder('utf-16le');
/** A text longer than this gets a buffer of its own rather than one kept for good. */
const MAX_SHARED_UNITS = 1 << 20;
let shared: { bytes: Buffer; units: Uint16Array } | undefined;

function bufferOf(n: number, NodeBuffer: typeof Buffer): { bytes: Buffer; units: Uint16Array } {
  if (shared && shared.units.length >= n) return shared;
  const bytes = NodeBuffer.allocUnsafeSlow(2 * Math.max(n, 1 << 14));
  const b = { bytes, units: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2) };
  if (n <= MAX_SHARED_UNITS) shared = b;
  return b;
}

/** The view of a whole text (same length as text). */
export function normalisedView(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && MAP[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  // Chinese prose maps often (，：；（）), so build the view as code units rather than
  // concatenating a piece per mapped character.
  if (NODE_BUFFER) {
    const { bytes, units } = bufferOf(n, NODE_BUFFER);
    bytes.write(text, 0, 'utf16le');
    mapUnits(units, n);
    return bytes.toString('utf16le', 0, 2 * n);
  }
  const units = new Uint16Array(n);
  for (let k = 0; k < n; k++) units[k] = text.charCodeAt(k);
  mapUnits(units, n);
  return UTF16.decode(units);
}

/** units[0, n) in place to what they read as; a lone surrogate becomes U+FFFD (as a UTF-16 decoder has it). */
function mapUnits(units: Uint16Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const c = units[k];
    const m = MAP[c];
    if (m !== 0) units[k] = m;
    else if ((c & 0xf800) === 0xd800) k = surrogate(units, k, n);
  }
}

/**
 * A surrogate at k: a pair is kept (returns the index of its second half); a lone one becomes
 * U+FFFD, still one unit, so offsets hold (as a UTF-16 decoder does it).
 */
function surrogate(units: Uint16Array, k: number, n: number): number {
  if (units[k] < 0xdc00 && k + 1 < n && (units[k + 1] & 0xfc00) === 0xdc00) return k + 1;
  units[k] = 0xfffd;
  return k;
}

/** A label key for comparisons (spec §4.11): view, then drop whitespace and markdown/quote noise. */
export function labelKey(s: string): string {
  return viewKey(normalisedView(s));
}

const KEY_CACHE = new Map<string, string>();

/** labelKey of text that is already in the view. Labels repeat a lot, so keys are cached. */
export function viewKey(v: string): string {
  // Most labels are their own key (no blank, mark or 「1、」): one scan says so, cheaper than
  // hashing the string for the cache.
  if (isOwnKey(v)) return v;
  // Text longer than any label (a paragraph read as a cell) is seldom seen twice: caching it
  // would only push the labels out.
  if (v.length > MAX_CACHED_KEY) return keyOf(v);
  let k = KEY_CACHE.get(v);
  if (k === undefined) {
    k = keyOf(v);
    if (KEY_CACHE.size > 5000) KEY_CACHE.clear();
    KEY_CACHE.set(v, k);
  }
  return k;
}

/** The longest template label is about 40 units; a little more leaves room for noise. */
const MAX_CACHED_KEY = 80;

function keyOf(v: string): string {
  return v.replace(/[\s|*#"'`]/g, '').replace(/(\d)[、.]/g, '$1.');
}

/** Whether viewKey would leave v as it is: no unit its regexes drop or change. */
function isOwnKey(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isLabelNoiseUnit(c)) return false;
    // A digit before 、 becomes 「1.」.
    if (c >= 48 && c <= 57 && v.charCodeAt(i + 1) === 0x3001) return false;
  }
  return true;
}

/** A unit labelKey drops: white space (as /\s/ has it) and | * # " ' `. */
export function isLabelNoiseUnit(c: number): boolean {
  return c === 124 || c === 42 || c === 35 || c === 34 || c === 39 || c === 96 || isWhitespaceUnit(c);
}

/** What /\s/ matches, by code unit (for loops that run on every unit of a text). */
export function isWhitespaceUnit(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isBlank(s: string): boolean {
  return /^[\s\u3000\u00a0\ufeff]*$/.test(s);
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一..九十九 → number; null when not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  if (s.length === 1) {
    if (s === '十') return 10;
    return CN_DIGITS[s] ?? null;
  }
  const ten = s.indexOf('十');
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const unitText = s.slice(ten + 1);
  const units = unitText === '' ? 0 : CN_DIGITS[unitText];
  if (tens === undefined || units === undefined) return null;
  return tens * 10 + units;
}

export const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Half-width digits of a (view) string, or null if it is not a plain number. */
export function parseNumber(viewText: string): number | null {
  const t = viewText.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Length without white space: how long a piece of text reads. An HTML page's view blanks its
 * markup to spaces, so a heading or a cell can be much longer in units than in what it says.
 */
export function visibleLength(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (!isAsciiSpace(v.charCodeAt(i))) n++;
  return n;
}

/** visibleLength(view.slice(start, end)) > limit, counting no further than needed (a paragraph is long). */
export function visibleLengthExceeds(view: string, start: number, end: number, limit: number): boolean {
  if (end - start <= limit) return false;
  let n = 0;
  for (let i = start; i < end; i++) if (!isAsciiSpace(view.charCodeAt(i)) && ++n > limit) return true;
  return false;
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
