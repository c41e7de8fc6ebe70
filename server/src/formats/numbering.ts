// Word's automatic numbering (numbering.xml): the text a numbered paragraph shows before its own
// text. A report's headings 「一、总体情况」 are often numbered this way, so the numeral is not in the
// paragraph's runs at all; without it the section headings would be missing from the report text.

export interface NumberingLevel {
  start: number;
  numFmt: string;
  /** e.g. "%1、" or "（%2）"; %n stands for level n's counter. */
  lvlText: string;
  /** What stands between the numeral and the text: tab (default), space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
}

export interface NumberingDefinitions {
  /** numId → levels by ilvl (from the abstract definition, with the instance's overrides). */
  levels: Map<string, NumberingLevel[]>;
  /** numId → ilvl → start override. */
  startOverrides: Map<string, Map<number, number>>;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) out += '零';
      out += DIGITS[d] + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter in one of Word's number formats; unknown formats fall back to decimal. */
export function formatCounter(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and renders each one's numeral text. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The numeral text (with its suffix) of the next paragraph numbered numId/ilvl, or ''. */
  next(numId: string, ilvl: number): string {
    const levels = this.defs.levels.get(numId);
    if (!levels || ilvl < 0 || ilvl >= levels.length || !levels[ilvl]) return '';
    const level = levels[ilvl];
    if (level.numFmt === 'bullet') return '';
    let counts = this.counters.get(numId);
    if (!counts) {
      counts = [];
      this.counters.set(numId, counts);
    }
    const startOf = (l: number): number => this.defs.startOverrides.get(numId)?.get(l) ?? levels[l]?.start ?? 1;
    for (let l = 0; l < ilvl; l++) if (counts[l] === undefined) counts[l] = startOf(l);
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    // A deeper level starts again after its parent moves on.
    counts.length = ilvl + 1;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      if (l > ilvl) return '';
      return formatCounter(counts![l] ?? startOf(l), levels[l]?.numFmt ?? 'decimal');
    });
    if (!text) return '';
    // 「一、」 and 「（一）」 need no space before the text; 「1」 or 「第一章」 would run into it.
    const closed = /[、.．)）\]】〕:：]$/.test(text);
    return level.suffix === 'nothing' || closed ? text : text + ' ';
  }
}
