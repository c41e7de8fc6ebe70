// repeated-text (spec X4): prose copied from last year's report of the same body.
//
// The measure (desk/similarity.ts): both years' prose is reduced to its words (no spaces,
// punctuation or digits, the organ's name taken out), and this year's share that lies in
// passages of at least SHINGLE characters also found in last year's is its similarity. Linear in
// the text: one hash set of last year's shingles, one pass over this year's.

import type { Report, Span } from '../model';
import { factsOf, type ParagraphFact } from '../desk/facts';
import { relatedElsewhere, type PeerReport } from '../desk/peers';
import { type Passage, type Prose, ProseComparison, proseOf } from '../desk/similarity';
import { CN_SECTION_NUMERALS, SECTIONS } from '../schema/sections';
import { defineRule } from './types';
import { loc } from './util';

export const DEFAULT_THRESHOLD = 0.5;
/** Fewer words than this (after normalising) are too short to call copied. */
const MIN_CHARS = 60;
/** Shared passages shown per finding (the longest, in text order). */
const MAX_PASSAGES = 5;
/** 「五、存在的主要问题及改进情况」: the section as the template heads it. */
const sectionName = (n: number): string => `${CN_SECTION_NUMERALS[n]}、${SECTIONS.find((s) => s.number === n)?.title ?? ''}`;

export default defineRule({
  id: 'repeated-text',
  defaultSeverity: 'warning',
  spec: ['X4'],
  fixable: false,
  doc: {
    summary: { zh: '正文不与上年报告雷同', en: 'The prose does not repeat last year’s report' },
    details: {
      zh:
        '格式文件要求「不得出现敷衍了事甚至年年雷同现象」，一些省份对与上年相似度超过 50% 的报告扣分。本规则把本报告的文字与同一机关上一年度的报告比较（配对方法见 `cross-year`），全文一次、各部分（一至六，尤其是一、总体情况和五、存在的主要问题及改进情况）各一次，相似度达到阈值（设置 `repeatedTextThreshold`，默认 0.5）时报告：全文的诊断标在标题上，各部分的标在部分标题上；相同的段落（最长的 5 段）作为相关位置给出，本报告和上年报告中的位置各一个。\n\n' +
        '**相似度的算法**：只比较正文文字（不含表格、标题和各部分标题，也不含标题前的说明段落）；先去掉空白、标点和数字（年份、件数每年都变，只改数字也算照抄），去掉机关名称；然后取本报告中所有长度不少于 12 个字、在上年报告中原样出现过的片段，它们覆盖的字数占本报告（或本部分）字数的比例就是相似度。只比较同一部分时，上年报告也取同一部分。计算与文字长度成正比（上年报告的 12 字片段放进一个散列表，本报告扫一遍），一万份报告也能很快算完。少于 60 字的部分不判断。\n\n' +
        '单独检查一份报告或找不到上年报告时，本规则不报告。',
      en:
        'The format requires that reports avoid 「敷衍了事甚至年年雷同」 (perfunctory, year-after-year identical text), and some provinces dock points above 50 % similarity with last year. The rule compares the prose with the same body’s report of the year before (paired as for `cross-year`): the whole report once and each section (一 to 六, above all 一 overview and 五 problems and improvements) once, and reports a similarity at or above the threshold (setting `repeatedTextThreshold`, default 0.5): the whole report on its title, a section on its heading; the shared passages (the 5 longest) are related locations, in this report and in last year’s.\n\n' +
        '**How similarity is measured**: only prose counts (no tables, title, section headings, nor the paragraphs before section 一); spaces, punctuation and digits are removed (years and counts change every year: copying with new numbers is still copying), and so is the organ’s name. The similarity is the share of this report’s (or section’s) characters covered by passages of at least 12 characters that also occur in last year’s report (in the same section, for a section). It takes time proportional to the text (last year’s 12-character shingles in one hash set, one pass over this year’s), so ten thousand reports go through quickly. Sections of fewer than 60 characters are not judged.\n\n' +
        'Checked alone, or without last year’s report, the rule reports nothing.',
    },
    examples: [{ bad: '五、存在的主要问题及改进情况：与上年报告逐字相同', good: '五、存在的主要问题及改进情况：写明本年度新发现的问题和具体的改进措施' }],
  },
  check(report, ctx) {
    const previous = ctx.peers?.previous;
    if (!previous || report.year === null || previous.facts.year !== report.year - 1) return;
    const threshold = validThreshold(ctx.repeatedTextThreshold);
    const own = factsOf(report);
    const names = [own.organ, previous.facts.organ].filter((n): n is string => !!n);
    // Last year's first: it may be the prose remembered from the report checked before this one.
    const theirsAll = previousProse(previous.facts.paragraphs, names);
    const mineAll = ownProse(own.paragraphs, names, theirsAll);
    if (mineAll.paragraphs.length === 0 || theirsAll.paragraphs.length === 0) return;

    // Last year's windows are hashed once for the whole and every section.
    const comparison = new ProseComparison(mineAll, theirsAll);
    const whole = comparison.whole();
    if (whole.size >= MIN_CHARS && whole.similarity >= threshold) {
      const at: Span = report.title ?? report.sections[0].heading;
      const pct = percent(whole.similarity);
      ctx.add({
        ...at,
        message: loc(
          `全文与上年报告（${previous.facts.year}年）雷同：${pct} 的文字与上年相同（阈值 ${percent(threshold)}）`,
          `the report repeats last year’s (${previous.facts.year}): ${pct} of its prose is the same (threshold ${percent(threshold)})`,
        ),
        related: passagesRelated(whole.longest(MAX_PASSAGES), previous),
        data: { similarity: round(whole.similarity), threshold, section: null, previousFile: previous.file, sharedChars: whole.shared, chars: whole.size },
      });
    }
    for (const s of report.sections) {
      const r = comparison.part((p) => p.section === s.number);
      if (r.size < MIN_CHARS || r.similarity < threshold) continue;
      const pct = percent(r.similarity);
      ctx.add({
        ...s.heading,
        message: loc(
          `「${sectionName(s.number)}」与上年报告同一部分雷同：${pct} 的文字相同（阈值 ${percent(threshold)}）`,
          `section ${CN_SECTION_NUMERALS[s.number]} (${sectionName(s.number)}) repeats the same section of last year’s report: ${pct} of its prose is the same (threshold ${percent(threshold)})`,
        ),
        related: passagesRelated(r.longest(MAX_PASSAGES), previous),
        data: { similarity: round(r.similarity), threshold, section: s.number, previousFile: previous.file, sharedChars: r.shared, chars: r.size },
      });
    }
  },
});

/**
 * This year's prose of the report checked last. In a folder listed in year order that report is
 * last year's of the next one checked, and its words and hashes are reused instead of read again.
 * One entry, so the memory held stays that of one report however many are checked.
 */
let lastChecked: { paragraphs: readonly ParagraphFact[]; names: string; prose: Prose } | null = null;
/**
 * A prose no longer read, whose buffer the next one made is written into (proseOf's `reuse`): with
 * lastChecked's, two buffers serve every report checked.
 */
let spare: Prose | undefined;

/** The prose of the body (no headings, nothing before section 一) without the organ's names. */
function bodyProse(paragraphs: readonly ParagraphFact[], names: readonly string[], reuse: Prose | undefined): Prose {
  return proseOf(
    paragraphs.filter((p) => !p.heading && p.section > 0),
    names,
    reuse,
  );
}

/** Last year's prose: the one remembered when that report was checked just before, else read now. */
function previousProse(paragraphs: readonly ParagraphFact[], names: readonly string[]): Prose {
  const hit = lastChecked !== null && lastChecked.paragraphs === paragraphs && lastChecked.names === namesKey(names);
  if (hit) return lastChecked!.prose;
  const prose = bodyProse(paragraphs, names, spare);
  spare = undefined;
  return prose;
}

/** This year's prose (last year's is `theirs`), remembered for the next report checked. */
function ownProse(paragraphs: readonly ParagraphFact[], names: readonly string[], theirs: Prose): Prose {
  // The prose remembered is replaced now; unless it is last year's, its buffer is free.
  const free = lastChecked !== null && lastChecked.prose !== theirs ? lastChecked.prose : spare;
  const prose = bodyProse(paragraphs, names, free);
  // Last year's is read no more once this report is checked.
  spare = theirs;
  lastChecked = { paragraphs, names: namesKey(names), prose };
  return prose;
}

/** The names taken out, as a set: their order and repeats do not change the prose. */
const namesKey = (names: readonly string[]): string => [...new Set(names)].sort().join('\n');

function validThreshold(t: number | undefined): number {
  return typeof t === 'number' && Number.isFinite(t) && t > 0 && t <= 1 ? t : DEFAULT_THRESHOLD;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The passages shown (the longest), each as this report's place and last year's. */
function passagesRelated(shown: readonly Passage[], previous: PeerReport): { start: number; end: number; message: { zh: string; en: string } }[] {
  return shown.flatMap((p) => [
    {
      start: p.here.start,
      end: p.here.end,
      message: loc(`与上年报告第 ${p.there.line + 1} 行起相同（${p.chars} 字）`, `the same as last year’s report from line ${p.there.line + 1} (${p.chars} characters)`),
    },
    relatedElsewhere(previous, p.there, loc(`上年报告中的相同文字：“${p.excerpt}”`, `the same text in last year’s report: “${p.excerpt}”`)),
  ]);
}
