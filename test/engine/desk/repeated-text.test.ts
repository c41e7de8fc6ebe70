// repeated-text (X4): a copy of last year's report with one paragraph changed against an unrelated
// report; the measure itself; shared passages as related locations in both files.
import * as assert from 'node:assert/strict';
import { check, factsOf, type Finding, readDocument, runRules, textDocument } from '../../../server/src/engine';
import { partOf, ProseComparison, proseOf, sharedPassages, SHINGLE } from '../../../server/src/engine/desk/similarity';
import { readSeed } from '../../support/seeds';
import { findingsOf, peerOf, yearEarlier } from './helpers';

const RULE = ['repeated-text'];
const OWN_PARAGRAPH = '本年度我们把重点放在公开目录的梳理上，逐条核对栏目归属，删去了过时的链接，并为每一栏目指定了专门的维护人员。';

/** Section 五's first paragraph of a report, replaced by our own sentence. */
function withOneParagraphChanged(text: string): string {
  const at = text.indexOf('五、存在的主要问题及改进情况');
  const start = text.indexOf('\n\n', at) + 2;
  const end = text.indexOf('\n', start);
  assert.ok(at > 0 && end > start);
  return text.slice(0, start) + OWN_PARAGRAPH + text.slice(end);
}

const bySection = (fs: Finding[]): (number | null)[] => fs.map((f) => f.data?.section as number | null);

describe('repeated-text: prose repeated from last year’s report', () => {
  const seed000 = readSeed('000').text;
  const copy = withOneParagraphChanged(yearEarlier(seed000, 2023));

  it('says nothing without last year’s report', () => {
    assert.deepEqual(findingsOf(seed000, RULE), []);
  });

  it('a copy with one paragraph changed: the whole report on its title, and the copied sections', () => {
    const previous = peerOf('wuzhong-2022.txt', copy);
    const got = findingsOf(seed000, RULE, { peers: { previous } });
    const report = check(seed000).report;
    const whole = got.find((f) => f.data?.section === null)!;
    assert.ok(whole, 'the whole report');
    assert.deepEqual({ start: whole.start, end: whole.end }, { start: report.title!.start, end: report.title!.end });
    assert.ok((whole.data!.similarity as number) > 0.8 && (whole.data!.similarity as number) < 1, `high, not total: ${whole.data!.similarity}`);
    assert.match(whole.message.zh, /^全文与上年报告（2022年）雷同：\d+% 的文字与上年相同（阈值 50%）$/);
    // Section 一 is copied word for word; 五 lost one paragraph of four and still counts as copied.
    const sections = bySection(got).filter((s) => s !== null);
    assert.ok(sections.includes(1) && sections.includes(5), String(sections));
    const five = got.find((f) => f.data?.section === 5)!;
    const one = got.find((f) => f.data?.section === 1)!;
    assert.ok((five.data!.similarity as number) < (one.data!.similarity as number), 'the changed section is less similar');
    assert.equal(one.data!.similarity, 1);
    const heading5 = report.sections.find((s) => s.number === 5)!.heading;
    assert.deepEqual({ start: five.start, end: five.end }, heading5);
  });

  it('shared passages are related locations in both files, capped, the same words in each', () => {
    const previous = peerOf('wuzhong-2022.txt', copy);
    const got = findingsOf(seed000, RULE, { peers: { previous } });
    const lastText = check(copy).report.source;
    const words = (s: string): string => s.replace(/[\s\p{P}\p{S}\p{N}]/gu, '');
    for (const f of got) {
      assert.ok(f.related.length > 0 && f.related.length <= 10, `${f.related.length} related`);
      for (let i = 0; i < f.related.length; i += 2) {
        const here = f.related[i];
        const there = f.related[i + 1].elsewhere!;
        assert.equal(here.elsewhere, undefined);
        assert.equal(there.file, 'wuzhong-2022.txt');
        const hereText = words(seed000.slice(here.start, here.end));
        const thereText = words(copy.slice(there.start, there.end));
        assert.ok(hereText.length >= SHINGLE, hereText);
        assert.equal(hereText, thereText, 'the passage reads the same in both reports');
        assert.deepEqual({ line: there.line, character: there.character }, lastText.lines.positionAt(there.start));
      }
    }
  });

  it('an unrelated report of the same kind (another 工信局, the same year’s boilerplate) is low and silent', () => {
    const other = readSeed('002').text.replace(/汶上县工业和信息化局/g, '吴忠市工业和信息化局');
    const previous = peerOf('other-2022.txt', yearEarlier(other, 2023));
    assert.deepEqual(findingsOf(seed000, RULE, { peers: { previous } }), []);
    const mine = factsOf(check(seed000).report).paragraphs.filter((p) => !p.heading && p.section > 0);
    const theirs = previous.facts.paragraphs.filter((p) => !p.heading && p.section > 0);
    const s = sharedPassages(proseOf(mine, ['吴忠市工业和信息化局']), proseOf(theirs, ['吴忠市工业和信息化局']));
    assert.ok(s.similarity < 0.1, `low: ${s.similarity}`);
    const near = sharedPassages(proseOf(mine), proseOf(factsOf(check(yearEarlier(seed000, 2023)).report).paragraphs.filter((p) => !p.heading && p.section > 0)));
    assert.equal(near.similarity, 1, 'a copy with only the years changed is 100 %');
  });

  it('a copied section 五 in an otherwise new report: the section fires, the whole does not', () => {
    const other = readSeed('002').text;
    const five = (t: string): [number, number] => [t.indexOf('五、存在的主要问题及改进情况'), t.indexOf('六、其他需要报告的事项')];
    const [a, b] = five(seed000);
    const [c, d] = five(other);
    // Last year's report: seed 002's text as 吴忠市's 2022 report, with this year's section 五 in it.
    const last = (other.slice(0, c) + seed000.slice(a, b) + other.slice(d)).replace(/汶上县工业和信息化局/g, '吴忠市工业和信息化局');
    const previous = peerOf('last.txt', yearEarlier(last, 2023));
    assert.deepEqual(bySection(findingsOf(seed000, RULE, { peers: { previous } })), [5]);
  });

  it('the threshold is a setting: above the copy’s similarity, only the verbatim sections remain', () => {
    const previous = peerOf('wuzhong-2022.txt', copy);
    const loose = findingsOf(seed000, RULE, { peers: { previous }, repeatedTextThreshold: 0.999 });
    assert.ok(!bySection(loose).includes(null), 'the whole report is below 99.9 %');
    assert.ok(bySection(loose).includes(1), 'section 一 is 100 %');
    // A nonsense threshold falls back to the default.
    assert.deepEqual(bySection(findingsOf(seed000, RULE, { peers: { previous }, repeatedTextThreshold: -3 })), bySection(findingsOf(seed000, RULE, { peers: { previous } })));
  });

  it('a part of the prose compares as the prose of its paragraphs alone, whether they stand together or not', () => {
    const body = (text: string) => factsOf(check(text).report).paragraphs.filter((p) => !p.heading && p.section > 0);
    const mine = body(seed000);
    const theirs = body(copy);
    const mineAll = proseOf(mine);
    const theirsAll = proseOf(theirs);
    // The whole first (its window hashes are what a part standing together reuses), then parts of
    // both kinds: one section (paragraphs together) and sections 一 and 六 (apart: 五 has prose between).
    sharedPassages(mineAll, theirsAll);
    const keeps: [string, (p: { section: number }) => boolean][] = [
      ...[1, 2, 3, 5, 6].map((n): [string, (p: { section: number }) => boolean] => [`section ${n}`, (p) => p.section === n]),
      ['sections 1 and 6', (p) => p.section === 1 || p.section === 6],
      ['no paragraph', () => false],
    ];
    for (const [name, keep] of keeps) {
      const part = sharedPassages(partOf(mineAll, keep), partOf(theirsAll, keep));
      const alone = sharedPassages(proseOf(mine.filter(keep)), proseOf(theirs.filter(keep)));
      assert.deepEqual(part, alone, name);
    }
    assert.ok(mine.some((p) => p.section === 5) && mine.some((p) => p.section === 6), 'sections 五 and 六 have prose');
  });

  it('one comparison of the whole reads every part as sharedPassages of the parts does, with a sentence repeated across sections', () => {
    const body = (text: string) => factsOf(check(text).report).paragraphs.filter((p) => !p.heading && p.section > 0);
    const plain = body(seed000);
    // A sentence of section 一 said again in section 五: its windows' first start is in 一, and 五 must find its own.
    const firstOfOne = plain.find((p) => p.section === 1 && p.text.length > 60)!.text;
    const echoed = plain.map((p, k) => (k === plain.findIndex((q) => q.section === 5) ? { ...p, text: p.text + firstOfOne } : p));
    const pairs: [string, typeof plain, typeof plain][] = [
      ['a copy with one paragraph changed', plain, body(copy)],
      ['the same prose', plain, plain],
      ['a sentence repeated in this year’s', echoed, body(copy)],
      ['a sentence repeated in last year’s', plain, echoed],
      ['a sentence repeated in both', echoed, echoed],
    ];
    const keeps: [string, (p: { section: number }) => boolean][] = [
      ...[1, 2, 3, 4, 5, 6].map((n): [string, (p: { section: number }) => boolean] => [`section ${n}`, (p) => p.section === n]),
      ['sections 1 and 6', (p) => p.section === 1 || p.section === 6],
      ['no paragraph', () => false],
    ];
    for (const [pair, mine, theirs] of pairs) {
      const mineAll = proseOf(mine, ['吴忠市工业和信息化局']);
      const theirsAll = proseOf(theirs, ['吴忠市工业和信息化局']);
      const comparison = new ProseComparison(mineAll, theirsAll);
      const whole = comparison.whole();
      assert.deepEqual({ size: whole.size, shared: whole.shared, similarity: whole.similarity, passages: whole.passages() }, sharedPassages(mineAll, theirsAll), pair);
      for (const [name, keep] of keeps) {
        const part = comparison.part(keep);
        const alone = sharedPassages(partOf(mineAll, keep), partOf(theirsAll, keep));
        assert.deepEqual({ size: part.size, shared: part.shared, similarity: part.similarity, passages: part.passages() }, alone, `${pair}, ${name}`);
        // The longest, in text order, as the rule shows them.
        const longest = [...alone.passages].sort((a, b) => b.chars - a.chars || a.here.start - b.here.start).slice(0, 2).sort((a, b) => a.here.start - b.here.start);
        assert.deepEqual(part.longest(2), longest, `${pair}, ${name}, the longest`);
      }
    }
  });

  it('a body’s years checked in order (last year’s prose remembered, buffers reused) read as each year checked on its own', () => {
    // 2020, 2021 and 2022 have the same words (each copy learns last year's repeats); 2023 has many
    // paragraphs more (last year's windows are hashed and probed, and its buffer grows).
    const y2022 = copy;
    const y2021 = yearEarlier(y2022, 2022);
    const y2020 = yearEarlier(y2021, 2021);
    const at = seed000.indexOf('六、其他需要报告的事项');
    const y2023 = seed000.slice(0, at) + `${OWN_PARAGRAPH}\n\n`.repeat(40) + seed000.slice(at);
    const years: [string, string][] = [['2020.txt', y2020], ['2021.txt', y2021], ['2022.txt', y2022], ['2023.txt', y2023]];
    const inOrder: Finding[][] = [];
    let previous: { file: string; facts: ReturnType<typeof factsOf> } | undefined;
    for (const [file, text] of years) {
      const report = readDocument(textDocument(text));
      inOrder.push(runRules(report, { peers: previous ? { previous } : {} }).findings.filter((f) => RULE.includes(f.ruleId)));
      previous = { file, facts: factsOf(report) };
    }
    for (let k = 1; k < years.length; k++) {
      // Another report checked between: last year's prose is not the one remembered.
      findingsOf(readSeed('002').text, RULE, { peers: { previous: peerOf('other.txt', yearEarlier(readSeed('002').text, 2023)) } });
      const alone = findingsOf(years[k][1], RULE, { peers: { previous: peerOf(years[k - 1][0], years[k - 1][1]) } });
      assert.deepEqual(inOrder[k], alone, years[k][0]);
      assert.ok(alone.length > 0, years[k][0]);
    }
  });

  it('a long report (about 60,000 words) against itself: 100 %, in milliseconds (a pairwise comparison would take minutes)', () => {
    const paragraphs = factsOf(check(seed000).report).paragraphs.filter((p) => !p.heading && p.section > 0);
    // 40 copies, each made distinct by its own two-character mark, so no window repeats across copies by accident.
    const marks = '甲乙丙丁戊己庚辛壬癸';
    const long = Array.from({ length: 40 }, (_, k) => paragraphs.map((p) => ({ ...p, text: `${marks[k % 10]}${marks[Math.floor(k / 10)]}${p.text}` }))).flat();
    const prose = proseOf(long);
    assert.ok(prose.words.length > 50_000, String(prose.words.length));
    const t0 = Date.now();
    const s = sharedPassages(prose, prose);
    // A pairwise comparison would take minutes here; the hash table takes milliseconds (the bound allows a loaded machine).
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
    assert.equal(s.similarity, 1);
  });
});
