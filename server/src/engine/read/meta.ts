// Title, reporting year, statistics period and signing date.

import type { DateMention, DateValue, Section, Source, StatisticsPeriod, Title } from '../model';
import { chineseNumeral, visibleLength } from '../text/view';
import type { Block as LineInfo } from '../input/document';

/** 「2023 年 1 月 1 日」 in the view (full-width digits already ASCII). Bounded, no nested quantifiers. */
export const DATE_RE = /(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日/g;
const CN_DATE_RE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;
const ISO_DATE_RE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

export function isValidDate(d: DateValue): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= days;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDate(d: DateValue): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

const JUNK_LINE = /当前位置|所在位置|访问量|浏览次数|附件下载|分享到/;

export function findTitle(source: Source, lines: LineInfo[], firstHeadingLine: number): Title | null {
  const { view, text } = source;
  const limit = Math.min(lines.length, firstHeadingLine >= 0 ? firstHeadingLine : 20);
  let previous: LineInfo | null = null;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.blank) continue;
    const content = view.slice(line.contentStart, line.contentEnd);
    if (JUNK_LINE.test(content)) {
      previous = null;
      continue;
    }
    // A line that ends a sentence (「…现将《…年度报告》公布如下。」, a readme's 「本文件夹收有《…》。」)
    // only names the report: a title has no full stop.
    if (visibleLength(content) <= 64 && /年度报告|年报/.test(content) && /信息公开/.test(content) && !/[。.]\s*$/.test(content)) {
      const parts = [{ start: line.contentStart, end: line.contentEnd }];
      // A title split over two lines: the organ on one line, 「2023 年…年度报告」 on the next.
      if (previous && /^\d{4}[ \t]*年/.test(content) && previous.contentEnd - previous.contentStart <= 40) {
        const prev = view.slice(previous.contentStart, previous.contentEnd);
        if (!/[。,;:]/.test(prev)) parts.unshift({ start: previous.contentStart, end: previous.contentEnd });
      }
      const joined = parts.map((p) => text.slice(p.start, p.end)).join('');
      const joinedView = parts.map((p) => view.slice(p.start, p.end)).join('');
      const y = /(\d{4})[ \t]*年/.exec(joinedView);
      return {
        start: parts[0].start,
        end: parts[parts.length - 1].end,
        text: joined,
        year: y ? Number(y[1]) : null,
        parts,
      };
    }
    previous = line;
  }
  return null;
}

const PERIOD_KEY = /统计(?:期限|时限|周期|数据|时间|区间|范围)|数据统计(?:期限|时间)|报告期/g;

/** 「统计期限自2023年1月1日起至2023年12月31日止」 and its variants, in the first part of the text. */
export function findStatisticsPeriod(source: Source, searchEnd: number): StatisticsPeriod | null {
  const { view } = source;
  const region = view.slice(0, searchEnd);
  PERIOD_KEY.lastIndex = 0;
  let key: RegExpExecArray | null;
  while ((key = PERIOD_KEY.exec(region))) {
    const from = key.index + key[0].length;
    const window = region.slice(from, from + 80);
    DATE_RE.lastIndex = 0;
    const first = DATE_RE.exec(window);
    if (!first || first.index > 20) continue;
    const afterFirst = first.index + first[0].length;
    const rest = window.slice(afterFirst);
    const to = /^[ \t]*起?[ \t,]*(?:至|到|-|~)[ \t]*(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日[ \t]*止?/.exec(rest);
    const fromDate = { year: Number(first[1]), month: Number(first[2]), day: Number(first[3]) };
    const toDate = to
      ? { year: to[1] ? Number(to[1]) : fromDate.year, month: Number(to[2]), day: Number(to[3]) }
      : null;
    const start = key.index;
    const end = from + afterFirst + (to ? to[0].length : 0);
    return { start, end, from: fromDate, to: toDate };
  }
  return null;
}

/** The signing or publication date: a date alone on one of the last lines, or 「发布日期：…」. */
export function findSigningDate(source: Source, lines: LineInfo[]): DateMention | null {
  const { view } = source;
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 8; i--) {
    const line = lines[i];
    if (line.blank) continue;
    seen++;
    const content = view.slice(line.contentStart, line.contentEnd);
    const d = dateAlone(content);
    if (d) return { start: line.contentStart, end: line.contentEnd, date: d };
  }
  for (const labelEnd of metaDateLabelEnds(view)) {
    const after = view.slice(labelEnd, labelEnd + 20);
    DATE_RE.lastIndex = 0;
    const d = DATE_RE.exec(after) ?? null;
    const iso = d ? null : ISO_DATE_RE.exec(after);
    const hit = d ?? iso;
    if (hit && hit.index === 0) {
      const start = labelEnd;
      return {
        start,
        end: start + hit[0].length,
        date: { year: Number(hit[1]), month: Number(hit[2]), day: Number(hit[3]) },
      };
    }
  }
  return null;
}

const META_PREFIXES = new Set(['发布', '公开', '成文']);

/**
 * Where each 「发布日期」「公开时间」「成文日期」… label ends (with the spaces and colon after it),
 * in order: what a global search for (?:发布|公开|成文)(?:日期|时间)[ \t]*[:]?[ \t]* matches
 * (matches cannot overlap, so none is missed by searching this way). Found from 「日期」
 * and 「时间」, which are rare, rather than from 「公开」, which a report says hundreds of times.
 */
function* metaDateLabelEnds(view: string): Generator<number> {
  let date = view.indexOf('日期');
  let time = view.indexOf('时间');
  while (date >= 0 || time >= 0) {
    const at = time < 0 || (date >= 0 && date < time) ? date : time;
    if (at === date) date = view.indexOf('日期', date + 1);
    else time = view.indexOf('时间', time + 1);
    if (at < 2 || !META_PREFIXES.has(view.slice(at - 2, at))) continue;
    let end = at + 2;
    while (view.charCodeAt(end) === 32 || view.charCodeAt(end) === 9) end++;
    if (view.charCodeAt(end) === 58 /* : */) end++;
    while (view.charCodeAt(end) === 32 || view.charCodeAt(end) === 9) end++;
    yield end;
  }
}

/** The most units a date alone can have once spaces and tabs are gone (「二〇二三年十二月三十一日」). */
const MAX_DATE_UNITS = 12;

function dateAlone(content: string): DateValue | null {
  // A closing line of prose is no date: say so before building the spaceless copy.
  let units = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c !== 32 && c !== 9 && ++units > MAX_DATE_UNITS) return null;
  }
  const t = content.replace(/[ \t]/g, '');
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = CN_DATE_RE.exec(t);
  if (m) {
    const year = Number([...m[1]].map((c) => (c === '〇' || c === '零' ? 0 : chineseNumeral(c))).join(''));
    const month = chineseNumeral(m[2]);
    const day = chineseNumeral(m[3]);
    if (month !== null && day !== null) return { year, month, day };
  }
  return null;
}

/** The reporting year when the title has none: the statistics period, else the commonest year in section 一. */
export function inferYear(source: Source, title: Title | null, period: StatisticsPeriod | null, sections: Section[]): number | null {
  if (title?.year) return title.year;
  if (period?.from) return period.from.year;
  const s1 = sections.find((s) => s.number === 1);
  const region = s1 ? source.view.slice(s1.body.start, s1.body.end) : source.view.slice(0, 4000);
  const counts = new Map<number, number>();
  for (const m of region.matchAll(/(20\d{2})[ \t]*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0)) best = y;
  return best;
}
