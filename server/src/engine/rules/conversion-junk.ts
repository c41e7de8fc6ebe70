import type { Report, Span } from '../model';
import { defineRule } from './types';
import { loc, textOf, wholeLineSpan } from './util';

// What conversion and web copying leave behind (spec S13). Placeholders (（具体网址）, XX…) are
// the `placeholder` rule's (Q3). Every pattern is specific enough that report prose never
// matches it; whole-line patterns must cover the line's whole content.

interface Kind {
  zh: string;
  en: string;
}

const BOOKMARK: Kind = { zh: 'Word 书签标记', en: 'a Word bookmark marker' };
const BREADCRUMB: Kind = { zh: '网页导航路径（面包屑）', en: 'a web page breadcrumb' };
const COUNTER: Kind = { zh: '网页访问量计数', en: 'a web page visit counter' };
const BUTTONS: Kind = { zh: '网页按钮文字', en: 'web page button text' };
const ATTACHMENT: Kind = { zh: '网页附件下载栏', en: 'a web page attachment bar' };
const PAGE_NUMBER: Kind = { zh: '页码', en: 'a page number' };
const CHART: Kind = { zh: '图表转换残留（类别/系列标签）', en: 'a chart remnant (category/series labels)' };
const WATERMARK: Kind = { zh: '转换软件水印', en: 'a conversion tool watermark' };

/** Junk that may sit anywhere in a line (matched in the view). */
const INLINE: [RegExp, Kind][] = [
  [/\[bookmark:[^\]\r\n]{0,80}\]/g, BOOKMARK],
  [/\[\]\{#_[A-Za-z0-9_]{1,40}(?: \.anchor)?\}/g, BOOKMARK],
  [/Evaluation Warning ?: ?The document was created with Spire\.[A-Za-z]+ for \.NET\.?/g, WATERMARK],
  [/Created with an evaluation copy of Aspose\.[A-Za-z]+\.?(?: To discover the full versions of our APIs please visit: https:\/\/products\.aspose\.com\/[a-z]+\/?)?/g, WATERMARK],
];

/** Junk that is a whole line (matched against the line's trimmed content in the view). */
const WHOLE_LINE: [RegExp, Kind][] = [
  [/^(?:您)?(?:当前|现在)(?:所在)?(?:的)?位置[ \t]*[:>][^\r\n]{0,120}$/, BREADCRUMB],
  [/^您(?:的)?(?:当前)?所在(?:的)?位置[ \t]*[:>]?[^\r\n]{0,120}$/, BREADCRUMB],
  [/^首页[ \t]*(?:>|›|»|→)[^\r\n]{0,120}$/, BREADCRUMB],
  [/^(?:访问量|访问次数|浏览量|浏览次数|阅读量|阅读次数|点击量|点击数|点击次数)(?:[ \t]*:)?[ \t]*(?:\d{1,9}[ \t]*次?)?$/, COUNTER],
  [/^附件下载(?::|[ \t]*$)[^\r\n]{0,100}$/, ATTACHMENT],
  [/^-[ \t]*\d{1,3}[ \t]*-$/, PAGE_NUMBER],
  [/^第[ \t]*\d{1,3}[ \t]*页(?:[ \t,]*共[ \t]*\d{1,3}[ \t]*页)?$/, PAGE_NUMBER],
];

const WHOLE_LINE_FIRST = new Set([...'您当现首访浏阅点附-第'].map((c) => c.charCodeAt(0)));
/** Every inline pattern contains one of these. */
const INLINE_HINTS = ['[', 'Evaluation', 'Aspose'];
const INLINE_HINT = /\[|Evaluation|Aspose/g;
/** A button line holds one of these. */
const BUTTON_HINT = /打印|关闭|收藏|返回顶部|分享|字体|字号/;
/** A chart line holds one of these. */
const CHART_HINT = /类别|系列/;

/**
 * Where a (global) hint pattern next matches in the view, asked with ascending offsets: one
 * pass over the view per pattern, instead of a test of every line against every pattern.
 */
function nextMatch(view: string, pattern: RegExp): (from: number) => number {
  const re = new RegExp(pattern.source, 'g');
  let found = -1;
  return (from) => {
    if (found >= from) return found;
    re.lastIndex = from;
    const m = re.exec(view);
    found = m ? m.index : Infinity;
    return found;
  };
}

/** A cell of an exported chart's data: 「类别 1」「系列 3」. */
const CHART_TOKEN = /(?:^|[\t ])(?:类别|系列)[ \t]?\d{1,2}(?=$|[\t ])/g;

interface Hit extends Span {
  kind: Kind;
  /** What the fix deletes (the junk, or its whole lines when nothing else is on them). */
  remove: Span;
  /** The text of one copy, when back-to-back copies are merged. */
  copy?: string;
}

export default defineRule({
  id: 'conversion-junk',
  defaultSeverity: 'warning',
  spec: ['S13'],
  fixable: true,
  doc: {
    summary: {
      zh: '没有文档转换或网页复制留下的杂项：书签标记、图表残留、导航路径、访问量、按钮文字、页码',
      en: 'No leftovers of conversion or web copying: bookmarks, chart remnants, breadcrumbs, visit counters, button text, page numbers',
    },
    details: {
      zh: '报告从 Word、PDF 或政府网站复制成文本时，常会夹带不属于正文的内容：Word 书签「[bookmark: _GoBack]」，图表导出的「类别 1」「系列 3」数据行及其图表标题，网页上的「您当前所在位置：首页 > 政务公开」「访问量:」「【打印】【关闭】」「附件下载」，以及「- 3 -」「第 3 页」之类的页码。这些内容不是报告的一部分，发布前应删除。\n\n规则只认这些特征明确的写法，不会把正文当作杂项。修复会删除杂项本身；整行都是杂项时连同该行一起删除，同一行的其他文字保持不变。\n\n（具体网址）、XX 等未填写的占位符由 `placeholder` 规则检查。',
      en: 'Text copied from Word, PDF or a government website often carries things that are not part of the report: Word bookmarks 「[bookmark: _GoBack]」, exported chart data such as 「类别 1」「系列 3」 with the chart title, web page furniture such as 「您当前所在位置：首页 > 政务公开」, 「访问量:」, 「【打印】【关闭】」, 「附件下载」, and page numbers 「- 3 -」 or 「第 3 页」. They should be removed before publishing.\n\nOnly these unmistakable forms are recognised, so report prose is never taken for junk. The fix deletes the junk itself, and the whole line when nothing else is on it; other text on the same line is left as it is.\n\nUnfilled placeholders such as （具体网址） or XX are the `placeholder` rule’s job.',
    },
    examples: [
      { bad: '（三）政府信息管理情况。[bookmark: _GoBack]本局修订了信息发布审核制度。', good: '（三）政府信息管理情况。本局修订了信息发布审核制度。' },
      { bad: '当前位置：首页 > 信息公开 > 年度报告\n\n某市某局2023年政府信息公开工作年度报告', good: '某市某局2023年政府信息公开工作年度报告' },
    ],
  },
  check(report, ctx) {
    for (const hit of findJunk(report)) {
      const found = textOf(report, hit);
      const firstLine = found.split(/\r\n|\r|\n/)[0];
      const shown = firstLine.length > 40 ? firstLine.slice(0, 40) + '…' : firstLine + (firstLine.length < found.length ? ' …' : '');
      const removed = textOf(report, hit.remove);
      ctx.add({
        start: hit.start,
        end: hit.end,
        message: loc(`「${shown}」是${hit.kind.zh}，不属于报告正文，应删除`, `“${shown}” is ${hit.kind.en}, not part of the report; remove it`),
        fix: {
          title: loc(`删除「${shown}」`, `Remove “${shown}”`),
          edits: [{ start: hit.remove.start, end: hit.remove.end, newText: '', expected: removed }],
        },
      });
    }
  },
});

function findJunk(report: Report): Hit[] {
  const { view, lines } = report.source;
  const hits: Hit[] = [];
  const nextButton = nextMatch(view, BUTTON_HINT);
  const nextChart = nextMatch(view, CHART_HINT);
  const nextInline = nextMatch(view, INLINE_HINT);
  for (let i = 0; i < lines.count; i++) {
    const line = lines.line(i);
    let s = line.start;
    let e = line.end;
    while (s < e && isSpace(view[s])) s++;
    while (e > s && isSpace(view[e - 1])) e--;
    // Most lines can be no junk at all: no pattern's first character, no hint word (hints hold no
    // blanks, so one starting before e lies inside the line).
    if (!WHOLE_LINE_FIRST.has(view.charCodeAt(s)) && nextButton(s) >= e && nextChart(s) >= e && nextInline(s) >= e) continue;
    const trimmed = view.slice(s, e);
    if (trimmed.trim() === '') continue;

    // Every whole-line pattern starts with one of a few characters: test those lines only.
    const whole = WHOLE_LINE_FIRST.has(trimmed.charCodeAt(0)) ? WHOLE_LINE.find(([re]) => re.test(trimmed)) : undefined;
    if (whole || isButtonLine(trimmed)) {
      hits.push({ start: s, end: e, kind: whole ? whole[1] : BUTTONS, remove: lineRemoval(report, s, s) });
      continue;
    }
    const chart = chartLine(trimmed);
    if (chart) {
      const titleLine = chartTitle(report, i);
      const start = titleLine ?? s;
      const remove = lineRemoval(report, start, s);
      hits.push({ start, end: e, kind: CHART, remove });
      continue;
    }
    if (!INLINE_HINTS.some((h) => trimmed.includes(h))) continue;
    const content = view.slice(line.start, line.end);
    for (const [re, kind] of INLINE) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(content))) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        const alone = start === s && end === e;
        hits.push({ start, end, kind, remove: alone ? lineRemoval(report, start, start) : { start, end } });
      }
    }
  }
  return mergeRepeats(report, hits.sort((a, b) => a.start - b.start));
}

/**
 * Identical junk repeated back to back (a breadcrumb copied twice, 「[bookmark: _GoBack]」 twice)
 * is one finding whose fix removes the whole run: a fix for one copy would otherwise find the
 * next copy in its place and apply again.
 */
function mergeRepeats(report: Report, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === h.kind && prev.remove.end === h.remove.start && lastCopy(report, prev) === textOf(report, h)) {
      prev.end = h.end;
      prev.remove = { start: prev.remove.start, end: h.remove.end };
      prev.copy = textOf(report, h);
      continue;
    }
    out.push({ ...h, copy: textOf(report, h) });
  }
  return out;
}

function lastCopy(report: Report, h: Hit): string {
  return h.copy ?? textOf(report, h);
}

/** The whole lines from the one holding `first` to the one holding `last`, with the line break; a BOM stays. */
function lineRemoval(report: Report, first: number, last: number): Span {
  let start = wholeLineSpan(report, first).start;
  if (start === 0 && report.source.text.charCodeAt(0) === 0xfeff) start = 1;
  return { start, end: wholeLineSpan(report, last).end };
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

const BUTTON_WORD = /^(?:\[?(?:打印本页|打印|关闭窗口|关闭本页|关闭|收藏|返回顶部|分享到|分享|字体|字号|大|中|小):?\]?)+$/;

/** 「【打印】【关闭】」「[字体：大 中 小]」「分享到：」: a line of nothing but web page buttons. */
function isButtonLine(trimmed: string): boolean {
  if (trimmed.length > 60 || !BUTTON_HINT.test(trimmed)) return false;
  const tokens = trimmed.split(/[ \t]+/);
  return tokens.every((t) => BUTTON_WORD.test(t));
}

/** A line of exported chart data: at least two 「类别 N」/「系列 N」 cells. */
function chartLine(trimmed: string): boolean {
  if (!CHART_HINT.test(trimmed)) return false;
  const n = [...trimmed.matchAll(CHART_TOKEN)].length;
  return n >= 2;
}

/** The chart's title: the line right above the data, short and without sentence punctuation. */
function chartTitle(report: Report, dataLine: number): number | null {
  if (dataLine === 0) return null;
  const { view, lines } = report.source;
  const prev = lines.line(dataLine - 1);
  const t = view.slice(prev.start, prev.end).trim();
  if (t.length === 0 || t.length > 30) return null;
  if (/[。,;:!?、()\t]/.test(t)) return null;
  if (/^(?:[一二三四五六七八九十]+[、.]|\(|\d+[、.])/.test(t)) return null;
  if (report.sections.some((sec) => sec.heading.start >= prev.start && sec.heading.start < prev.end)) return null;
  if (report.tables.some((tb) => tb.start < prev.end && tb.end > prev.start)) return null;
  let s = prev.start;
  while (isSpace(view[s])) s++;
  return s;
}
