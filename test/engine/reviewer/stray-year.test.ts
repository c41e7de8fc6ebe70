// stray-year: a year in the body that is not the reporting year where the sentence means the
// reporting year. Positives on our report and on seeds mutated at run time (last year's copy
// with only the title's year changed); negatives on comparisons, plans, documents cited; the
// seeds and examples have none.
import * as assert from 'node:assert/strict';
import { readSeed } from '../../support/seeds';
import { corpus, findings, mutate, OPENING, ownReport, PLAN, where } from './helpers';

const RULE = 'stray-year';
const base = ownReport();
const withOpening = (sentence: string) => mutate(base, [OPENING(2023), sentence]);

describe('stray-year', () => {
  it('the seeds and examples have no stray year (every year mention in them was read: titles, periods, plans, documents)', () => {
    for (const [name, text] of corpus()) assert.deepEqual(where(text, findings(text, RULE)), [], name);
    assert.deepEqual(findings(base, RULE), []);
  });

  it('flags the opening year, the year of the figures and the as-of date, on 「2022年」 itself', () => {
    const cases: [string, string, string][] = [
      ['2022年，本局坚持以公开为常态、不公开为例外。', '2022年', 'opening'],
      ['2022年本局共主动公开政府信息120条。', '2022年', 'opening'],
      ['（一）2022年度，本局共主动公开政府信息120条。', '2022年度', 'opening'],
      ['本局坚持以公开为常态，2022年共收到政府信息公开申请3件。', '2022年', 'statistic'],
      ['本局各项数据截至2022年12月31日。', '2022年', 'as-of'],
      ['截至２０２２年底，本局现行有效规范性文件4件。', '２０２２年', 'as-of'],
      ['2019年，本局坚持以公开为常态。', '2019年', 'opening'],
    ];
    for (const [sentence, written, context] of cases) {
      const text = withOpening(sentence);
      const fs1 = findings(text, RULE);
      assert.deepEqual(fs1.map((f) => text.slice(f.start, f.end)), [written], sentence);
      assert.equal(fs1[0].severity, 'warning');
      assert.deepEqual(fs1[0].data, { expected: 2023, actual: Number(written.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).slice(0, 4)), context }, sentence);
      assert.match(fs1[0].message.zh, /2023年度报告/);
      assert.equal(fs1[0].fix, undefined);
    }
  });

  it('comparisons, spans of time, documents, laws, dates of acts and plans are not stray', () => {
    for (const sentence of [
      '2023年，本局主动公开政府信息120条，与2022年相比增加10条，较2022年增长9%，比2022年多10条。',
      '2023年，本局主动公开信息数量与2022年同期持平。',
      '2019年以来，本局持续推进政务公开；自2022年起，本局每月更新目录。',
      '2023年，本局落实《2022年政务公开工作要点》和《中华人民共和国政府信息公开条例》（2019年修订），执行国办公开办函〔2021〕30号。',
      '2023年，本局执行于2021年印发的公开指南，上年（2022年）结转申请1件。',
      '2023年，本局在“2022年度优秀政务新媒体”评选中获奖。',
      '2022年度市政府信息公开工作年度报告已于2023年1月发布。',
      '2022年度部门决算已按时公开。',
      '2023年共收到政府信息公开申请3件，2022年共收到2件。',
      '2023年，本局办结2022年受理的申请1件，2022年结转的申请已全部办结。',
    ]) {
      assert.deepEqual(where(withOpening(sentence), findings(withOpening(sentence), RULE)), [], sentence);
    }
    // Next year in the plans of section 五, with or without a plan word; and next year with 将 elsewhere.
    assert.deepEqual(findings(mutate(base, [PLAN(2023), '2024年，本局丰富解读形式。']), RULE), []);
    assert.deepEqual(findings(withOpening('2024年，本局将继续推进政务公开。'), RULE), []);
    // …but next year reported as done, outside the plans, is stray.
    const done = withOpening('2024年，本局主动公开政府信息120条。');
    assert.deepEqual(where(done, findings(done, RULE)), [`${where(done, findings(done, RULE))[0].split(':')[0]}:2024年`]);
  });

  it('without a stated year (no year in the title or the period) it says nothing', () => {
    const text = mutate(withOpening('2022年，本局坚持公开。'), ['示例市示例局2023年政府信息公开', '示例市示例局政府信息公开'], ['统计期限自2023年1月1日起至2023年12月31日止。', '']);
    assert.deepEqual(findings(text, RULE), []);
  });

  it('seed 000 copied to 2024 with only the title changed: the two sentences that open with 2023', () => {
    const text = mutate(readSeed('000').text, ['2023 年政府信息公开工作年度报告', '2024 年政府信息公开工作年度报告']);
    // L13 「2023 年通过…」 and L100 「本机关 2023 年未收取…」 are missed on purpose (the context does not
    // pin the reporting year); L7 (《…2023 年…》) and L98 (《…2023 年政务公开工作要点》) are titles of documents.
    assert.deepEqual(where(text, findings(text, RULE)), ['17:2023 年', '88:2023年']);
  });

  it('seed mutations: 002 「2022年共收到」 and 004 「2022年,我局」 and an as-of date added to 004', () => {
    const a = mutate(readSeed('002').text, ['2023年共收到政府信息公开申请0件', '2022年共收到政府信息公开申请0件']);
    assert.deepEqual(where(a, findings(a, RULE)), ['13:2022年']);
    const b = mutate(readSeed('004').text, ['2023年,我局根据《条例》要求', '2022年,我局根据《条例》要求']);
    assert.deepEqual(where(b, findings(b, RULE)), ['11:2022年']);
    const c = mutate(readSeed('004').text, ['2023年依申请公开4条', '截至2022年12月31日,依申请公开4条']);
    assert.deepEqual(where(c, findings(c, RULE)), ['19:2022年']);
  });

  it('a report crawled onto one line: the heading before the year is its own block, so 「2022年，」 still opens the sentence', () => {
    const text = withOpening('2022年，本局坚持以公开为常态、不公开为例外。').replace(/\n+/g, ' ');
    const fs1 = findings(text, RULE);
    assert.deepEqual(fs1.map((f) => text.slice(f.start, f.end)), ['2022年']);
    assert.equal(text.slice(fs1[0].start - 7, fs1[0].start), '一、总体情况 '.slice(-7));
    assert.deepEqual(findings(base.replace(/\n+/g, ' '), RULE), []);
  });
});
