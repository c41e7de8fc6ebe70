import type { Report, Section, Span } from '../model';
import { proseSpans } from './prose-util';
import { defineRule, type RuleContext } from './types';
import { loc, textOf } from './util';

// Line-start list markers, read in the view (full-width digits and brackets are ASCII there).
const PLAIN = /^(\d{1,2})([、.])(?!\d)/; // 1、 1. 1．
const PAREN = /^\((\d{1,2})\)/; // （1） (1)
/** 「4及时回复…」: a number straight before the text, the item's 「、」 forgotten. Not a quantity (「4个」「12月」). */
const BARE = /^(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日个件条项次名人家万亿元余多号届期批类部篇份场岁天周时分秒级度倍位台辆套])/;
/** A higher-level heading at the start of a line ends every list. */
const HIGHER = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.])/;
/** 一是 / 二是 …, preceded by the start of the text or by punctuation or a blank. */
const SHI = /(?<![^\s。,;:!?、)(\[\]"'「」])([一二三四五六七八九十]{1,2})是/g;
const CN = '一二三四五六七八九';
/** The first characters PLAIN, PAREN, BARE and HIGHER can match (in the view: ASCII digits and brackets). */
const MARKER_FIRST = new Set([...'0123456789(一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

function cnValue(s: string): number | null {
  if (s.length === 1) return s === '十' ? 10 : CN.indexOf(s) + 1 || null;
  if (s[0] === '十') return 10 + (CN.indexOf(s[1]) + 1 || NaN) || null;
  return null;
}
function cnOf(n: number): string {
  return n <= 9 ? CN[n - 1] : n === 10 ? '十' : `十${CN[n - 11]}`;
}

interface List {
  last: number;
  style: string;
  first: Span;
  /** A bare-number line that may be item last + 1 (confirmed when last + 2 follows). */
  bare: { n: number; span: Span } | null;
}

function render(style: string, n: number): string {
  return style === '()' ? `（${n}）` : `${n}${style}`;
}

function checkLines(report: Report, s: Section, ctx: RuleContext): void {
  const { view, lines } = report.source;
  const subStarts = new Set(s.subsections.map((x) => x.start));
  const lists: Record<'plain' | 'paren', List | null> = { plain: null, paren: null };
  const reset = () => {
    lists.plain = null;
    lists.paren = null;
  };
  for (const p of proseSpans(report, s.body)) {
    const first = lines.lineAt(p.start);
    const last = p.end > p.start ? lines.lineAt(p.end - 1) : first - 1;
    for (let i = first; i <= last; i++) {
      const line = lines.line(i);
      let a = Math.max(line.start, p.start);
      const b = Math.min(line.end, p.end);
      while (a < b && (view[a] === ' ' || view[a] === '\t' || view[a] === '#' || view[a] === '*')) a++;
      if (a >= b) continue;
      if (subStarts.has(a)) {
        reset();
        continue;
      }
      // Every marker (and every higher heading) starts with a digit, a bracket or a Chinese
      // numeral: other lines, most of the prose, need none of the patterns below.
      if (!MARKER_FIRST.has(view.charCodeAt(a))) continue;
      const content = view.slice(a, Math.min(b, a + 8));
      if (HIGHER.test(content)) {
        reset();
        continue;
      }
      let family: 'plain' | 'paren' = 'plain';
      let m = PLAIN.exec(content);
      let style = m ? m[2] : '';
      if (!m) {
        m = PAREN.exec(content);
        family = 'paren';
        style = '()';
      }
      if (!m) {
        const bare = BARE.exec(content);
        const list = lists.plain;
        if (bare && list && Number(bare[1]) === list.last + 1) list.bare = { n: list.last + 1, span: { start: a, end: a + bare[1].length } };
        continue;
      }
      const n = Number(m[1]);
      const span = { start: a, end: a + m[0].length };
      const list = lists[family];
      if (n === 1) {
        lists[family] = { last: 1, style, first: span, bare: null };
        continue;
      }
      if (!list) continue;
      if (list.bare && n === list.bare.n + 1) {
        const want = render(list.style, list.bare.n);
        ctx.add({
          ...list.bare.span,
          message: loc(
            `列举序号「${list.bare.n}」后缺少「${list.style === '()' ? '）' : list.style}」，应为「${want}」`,
            `list number ${list.bare.n} lacks its punctuation; write “${want}”`,
          ),
          // The edit spans the number and the character after it, so it cannot apply twice.
          fix: (() => {
            const e = { start: list.bare.span.start, end: list.bare.span.end + 1 };
            const expected = textOf(report, e);
            return { title: loc(`改为「${want}」`, `Change to “${want}”`), edits: [{ ...e, newText: want + expected.slice(-1), expected }] };
          })(),
        });
        list.last = list.bare.n;
      }
      list.bare = null;
      const found = textOf(report, span);
      if (n === list.last + 1) {
        if (style !== list.style) {
          const want = render(list.style, n);
          ctx.add({
            ...span,
            message: loc(
              `列举序号「${found}」与同一列举的「${textOf(report, list.first)}」格式不一致，应为「${want}」`,
              `list number “${found}” does not match the list’s “${textOf(report, list.first)}”; write “${want}”`,
            ),
            related: [{ ...list.first, message: loc('本列举的第一项', 'first item of the list') }],
            fix: { title: loc(`改为「${want}」`, `Change to “${want}”`), edits: [{ ...span, newText: want, expected: found }] },
          });
        }
      } else {
        ctx.add({
          ...span,
          message:
            n === list.last
              ? loc(`列举序号「${found}」重复，上一项已是 ${n}`, `list number ${n} is repeated`)
              : loc(`列举序号不连续：上一项是 ${list.last}，此处为 ${n}，应为 ${list.last + 1}`, `list numbering skips: ${n} follows ${list.last}; expected ${list.last + 1}`),
          related: [{ ...list.first, message: loc('本列举的第一项', 'first item of the list') }],
        });
      }
      list.last = n;
    }
  }
}

function checkShi(report: Report, s: Section, ctx: RuleContext): void {
  const { view } = report.source;
  const subs = s.subsections.map((x) => x.start).sort((a, b) => a - b);
  let sub = 0;
  let last = 0;
  let first: Span | null = null;
  for (const p of proseSpans(report, s.body)) {
    SHI.lastIndex = 0;
    const region = view.slice(p.start, p.end);
    let m: RegExpExecArray | null;
    while ((m = SHI.exec(region))) {
      const at = p.start + m.index;
      while (sub < subs.length && subs[sub] <= at) {
        sub++;
        last = 0; // a new subsection starts its own list
      }
      const n = cnValue(m[1]);
      if (n === null) continue;
      const span = { start: at, end: at + m[0].length };
      if (n === 1) {
        last = 1;
        first = span;
        continue;
      }
      if (last === 0) continue;
      if (n !== last + 1) {
        ctx.add({
          ...span,
          message:
            n === last
              ? loc(`「${m[0]}」重复：前面已有「${m[0]}」`, `“${m[0]}” is repeated`)
              : loc(`「${m[0]}」前应先有「${cnOf(last + 1)}是」：上一项是「${cnOf(last)}是」`, `“${m[0]}” follows “${cnOf(last)}是”; expected “${cnOf(last + 1)}是”`),
          related: first ? [{ ...first, message: loc('本列举的「一是」', 'the list’s 一是') }] : [],
        });
      }
      last = n;
    }
  }
}

export default defineRule({
  id: 'enumeration',
  defaultSeverity: 'information',
  spec: ['Q4'],
  fixable: true,
  doc: {
    summary: {
      zh: '正文中的列举（一是、二是……；1. 2. 3.）序号连续、格式一致',
      en: 'Enumerations in the prose (一是、二是…; 1. 2. 3.) are consecutive and written alike',
    },
    details: {
      zh:
        '年度报告正文常用「一是……二是……」或行首的「1.」「2.」「（1）」分条叙述。跳号（1、2、4）、重号、同一列举中混用「4、」与「1.」，或序号后漏了「、」（「4及时回复……」），多是复制粘贴或排版转换留下的痕迹，会让读者怀疑内容有遗漏。\n\n' +
        '本规则只看各部分正文（不含表格）：行首的「1.」「1、」「（1）」按行依次检查，遇到小标题（如「（二）」「三、」）重新计数；「一是」「二是」在整段文字中依次检查，遇到新的「一是」或新的小标题重新计数。只有在前后序号都能确认时才报告「序号后缺少标点」。诊断为提示，修复会把序号改成与本列举一致的写法。',
      en:
        'Report prose often enumerates with 一是、二是… or with 1. 2. （1） at the start of lines. A skipped or repeated number, 「4、」 among 「1.」 items, or a number whose 「、」 is missing (「4及时回复…」) is usually a copy-paste or conversion slip and makes readers wonder what is missing.\n\n' +
        'Only the prose of the sections is read (not the tables). Line-start markers 1. / 1、 / （1） are followed line by line and restart at each subsection heading (（二）, 三、 …); 一是/二是 are followed through the text and restart at each 一是 or subsection. A missing 「、」 is reported only when the numbers before and after confirm it. Findings are information; the fix writes the number like the rest of its list.',
    },
    examples: [
      { bad: '1.深化决策公开。\n2.推进预决算公开。\n4、及时发布建议提案。', good: '1.深化决策公开。\n2.推进预决算公开。\n3.及时发布建议提案。' },
      { bad: '3、举办专题会议。\n4及时回复热线工单139条。\n5、及时发布政策解读9条。', good: '3、举办专题会议。\n4、及时回复热线工单139条。\n5、及时发布政策解读9条。' },
    ],
  },
  check(report, ctx) {
    for (const s of report.sections) {
      checkLines(report, s, ctx);
      checkShi(report, s, ctx);
    }
  },
});
