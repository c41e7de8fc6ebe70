// Compiler-style text output:
//   file:line:col severity message [rule-id]
//     12 | 总计	4	0	2	0	0	1	9
//        |                              ^
// Line and column are 1-based UTF-16 (the column an editor's "go to" takes). The excerpt is cut to a
// window around the span, tabs are expanded, and wide (CJK) characters count two terminal columns.

import type { Finding, Lang, Localized, RelatedInfo, Report, Severity } from '../../engine';
import type { Position } from '../../engine/text/lines';
import { describeOrigin } from '../../formats/origin';

export interface Style {
  color: boolean;
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };
const paint = (s: Style, code: string, text: string): string => (s.color ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Terminal columns of one code point: 0 for combining marks and BOM, 2 for East Asian wide, else 1. */
export function codePointWidth(cp: number): number {
  if (cp === 0xfeff || cp === 0x200b || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

const MAX_EXCERPT = 100; // terminal columns of line text shown
const TAB = 4;

/**
 * Render [from, to) of a line as terminal text, with the terminal column where the UTF-16 offsets
 * `a` and `b` (relative to the line, clamped to the rendered range) start: where the underline
 * starts and ends. An offset on the second unit of a pair takes the column after the pair.
 */
function render(line: string, from: number, to: number, a: number, b: number): { text: string; colA: number; colB: number } {
  // Runs of characters shown as they are go out as one slice, not one string per character.
  let text = '';
  let run = from;
  let col = 0;
  // -1: not reached (an offset before the range takes column 0, one past its end the last column).
  let colA = -1;
  let colB = -1;
  let i = from;
  while (i < to) {
    if (i === a) colA = col;
    if (i === b) colB = col;
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    let shown: string | null = null;
    if (cp === 9) {
      const w = TAB - (col % TAB);
      shown = ' '.repeat(w);
      col += w;
    } else if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
      shown = '?'; // control characters and lone surrogates would garble the terminal
      col += 1;
    } else {
      const w = codePointWidth(cp);
      if (w === 0) shown = '';
      col += w;
    }
    if (shown !== null) {
      text += line.slice(run, i) + shown;
      run = i + units;
    }
    if (units === 2) {
      if (i + 1 === a) colA = col;
      if (i + 1 === b) colB = col;
    }
    i += units;
  }
  text += line.slice(run, i);
  const reached = (o: number, c: number): number => (c >= 0 ? c : o < from ? 0 : col);
  return { text, colA: reached(a, colA), colB: reached(b, colB) };
}

/** The excerpt lines (source line + underline) for a span on one line of the document; `start`: the finding's start, placed. */
export function excerpt(report: Report, f: Finding, style: Style, start: Position = report.source.lines.positionAt(f.start)): [string, string] {
  const lines = report.source.lines;
  const end = lines.positionAt(f.end);
  const lineText = lines.lineText(start.line);
  const spanStart = start.character;
  const spanEnd = end.line === start.line ? end.character : lineText.length;
  // Window of at most ~MAX_EXCERPT code units around the span start (cheap on a 1 MB line).
  let from = lineText.length <= MAX_EXCERPT ? 0 : Math.max(0, spanStart - 30);
  let to = Math.min(lineText.length, from + MAX_EXCERPT);
  if (from > 0 && isLowSurrogate(lineText.charCodeAt(from))) from--;
  if (to < lineText.length && isLowSurrogate(lineText.charCodeAt(to))) to++;
  const r = render(lineText, from, to, spanStart, Math.min(spanEnd, to));
  const a = r.colA;
  const b = Math.max(a + 1, r.colB);
  const lead = from > 0 ? '…' : '';
  const tail = to < lineText.length ? '…' : '';
  const pad = lead ? 1 : 0;
  const gutter = String(start.line + 1);
  const blank = ' '.repeat(gutter.length);
  const marks = spanEnd === spanStart ? '^' : '^' + '~'.repeat(Math.max(0, b - a - 1));
  return [
    ` ${gutter} | ${lead}${r.text.trimEnd()}${tail}`,
    ` ${blank} | ${' '.repeat(a + pad)}${paint(style, COLORS[f.severity], marks)}`,
  ];
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Where a person finds the finding: file:line:col for text; for a .docx/.pdf the place in the
 * original (file.pdf:第4页, file.docx:表2 第5行 第8列), since the line numbers are the report text's.
 */
function findingLocation(file: string, report: Report, offset: number, lang: Lang, p: Position): string {
  const origin = report.document.origin?.(offset);
  const where = origin ? describeOrigin(origin, lang) : '';
  if (where) return `${file}:${where}`;
  return `${file}:${p.line + 1}:${p.character + 1}`;
}

export function formatFinding(file: string, report: Report, f: Finding, lang: Lang, style: Style): string {
  // The start's position serves the location and the excerpt; lines are joined as they are made.
  const start = report.source.lines.positionAt(f.start);
  const [source, marks] = excerpt(report, f, style, start);
  let out =
    `${paint(style, '1', findingLocation(file, report, f.start, lang, start))} ` +
    `${paint(style, COLORS[f.severity], f.severity)} ${f.message[lang]} ${paint(style, '2', `[${f.ruleId}]`)}\n${source}\n${marks}`;
  for (const r of f.related) if (r.elsewhere) out += `\n${elsewhereLine(r.elsewhere, r.message, lang, style)}`;
  return out;
}

/**
 * A related place in another report (last year's, a member's), one line under the excerpt:
 * `   = prev/2022.txt:40:12 上年报告「四、结转下年度继续办理 · 自然人」：2`. Places in the same file
 * are in the message already and are not repeated.
 */
function elsewhereLine(e: NonNullable<RelatedInfo['elsewhere']>, message: Localized, lang: Lang, style: Style): string {
  return `   = ${paint(style, '1', `${e.file}:${e.line + 1}:${e.character + 1}`)} ${message[lang]}`;
}

export interface Totals {
  files: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
  fixed: number;
  /** Findings left out because the sidecar config ignores them. */
  suppressed: number;
  unreadable: number;
  /** Folders given on the command line that held no report file. */
  withoutReports: number;
}

export function summary(t: Totals, lang: Lang): string {
  if (lang === 'zh') {
    let s = `已检查 ${t.files} 个文件：${t.error} 个错误，${t.warning} 个警告，${t.information} 个信息，${t.hint} 个提示`;
    if (t.fixed) s += `；已修复 ${t.fixed} 处`;
    if (t.suppressed) s += `；按配置文件忽略 ${t.suppressed} 处`;
    if (t.unreadable) s += `；${t.unreadable} 个输入无法读取`;
    if (t.withoutReports) s += `；${t.withoutReports} 个文件夹中没有年度报告文件`;
    return s + '。';
  }
  const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
  let s =
    `${n(t.files, 'file')} checked: ${n(t.error, 'error')}, ${n(t.warning, 'warning')}, ` +
    `${t.information} information, ${n(t.hint, 'hint')}`;
  if (t.fixed) s += `; ${n(t.fixed, 'fix', 'fixes')} applied`;
  if (t.suppressed) s += `; ${t.suppressed} suppressed by the config`;
  if (t.unreadable) s += `; ${n(t.unreadable, 'input')} could not be read`;
  if (t.withoutReports) s += `; ${n(t.withoutReports, 'folder')} held no report file`;
  return s + '.';
}
