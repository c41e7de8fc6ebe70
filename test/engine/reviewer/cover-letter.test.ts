// cover-letter: the letter that submitted the report (报送函、请示) published as the report, or
// its addressee and closing left on the report. Letters are our own writing; reports are ours
// and the seeds, mutated at run time. 「特此报告」 at the end of a real report is no finding.
import * as assert from 'node:assert/strict';
import { check } from '../../../server/src/engine';
import { readSeed } from '../../support/seeds';
import { corpus, findings, mutate, ownReport, where } from './helpers';

const RULE = 'cover-letter';
const base = ownReport();

const LETTER = [
  '关于报送示例市示例局2023年政府信息公开工作年度报告的函',
  '',
  '示例市人民政府办公室：',
  '',
  '根据《中华人民共和国政府信息公开条例》规定，现将我局2023年政府信息公开工作年度报告报送如下，请审阅。',
  '',
  '特此报告。',
  '',
  '示例市示例局',
  '2024年1月20日',
  '',
].join('\n');

describe('cover-letter', () => {
  it('the seeds and examples are reports, not letters, and carry no letter wording', () => {
    for (const [name, text] of corpus()) assert.deepEqual(where(text, findings(text, RULE)), [], name);
    assert.deepEqual(findings(base, RULE), []);
  });

  it('a submission letter published as the report: one error on the addressee, the other marks related', () => {
    const fs1 = findings(LETTER, RULE);
    assert.deepEqual(where(LETTER, fs1), ['3:示例市人民政府办公室：']);
    const [f] = fs1;
    assert.equal(f.severity, 'error');
    assert.equal(f.data?.kind, 'letter');
    assert.equal(f.data?.sections, 0);
    assert.equal(f.data?.tables, 0);
    assert.deepEqual(f.related.map((r) => LETTER.slice(r.start, r.end)), ['报送如下', '请审阅', '特此报告']);
    assert.match(f.message.zh, /不是年度报告/);
    assert.match(f.message.en, /not the annual report/);
  });

  it('a letter is not also a report missing its six sections and its period: those rules stand down, and speak once the letter wording is gone', () => {
    assert.deepEqual(check(LETTER).findings.map((f) => f.ruleId), [RULE], 'the one finding is the letter');
    // The same title and prose without the letter's marks: a report that lacks its sections.
    const plain = mutate(LETTER, ['示例市人民政府办公室：\n\n', ''], ['报送如下，请审阅。', '编制完成。'], ['特此报告。\n\n', '']);
    assert.deepEqual(findings(plain, RULE), []);
    assert.equal(findings(plain, 'missing-section').length, 6);
    assert.equal(findings(plain, 'statistics-period').length, 1);
  });

  it('a 请示 without an addressee line is a letter by its request alone; 「妥否，请批示」 is read with either comma', () => {
    for (const closing of ['妥否，请批示。', '妥否,请批示。', '当否，请审示。']) {
      const text = mutate(LETTER, ['示例市人民政府办公室：\n\n', ''], ['请审阅。', '。'], ['特此报告。', closing]);
      const fs1 = findings(text, RULE);
      assert.equal(fs1.length, 1, closing);
      assert.equal(fs1[0].severity, 'error');
      assert.equal(text.slice(fs1[0].start, fs1[0].end), closing.replace(/。$/, ''));
    }
  });

  it('a report with a few sections and no tables under an addressee is still a letter', () => {
    const text = mutate(LETTER, ['特此报告。', '一、总体情况\n\n本局全年主动公开信息120条。\n\n二、主动公开政府信息情况\n\n略。\n\n特此报告。']);
    const [f] = findings(text, RULE);
    assert.equal(f.severity, 'error');
    assert.equal(f.data?.sections, 2);
  });

  it('a full report with the letter’s addressee and closing left in: a warning on each, 「特此报告」 not among them', () => {
    const text = mutate(
      base,
      ['示例市示例局2023年政府信息公开工作年度报告\n', '示例市示例局2023年政府信息公开工作年度报告\n\n市政府办公室、市政务公开办：\n'],
      ['\n示例市示例局\n2024年1月20日', '\n以上报告，请审示。特此报告。\n示例市示例局\n2024年1月20日'],
    );
    const fs1 = findings(text, RULE);
    assert.deepEqual(
      fs1.map((f) => `${text.slice(f.start, f.end)} ${f.severity} ${f.data?.signal}`),
      ['市政府办公室、市政务公开办： warning addressee', '请审示 warning request'],
    );
  });

  it('「特此报告」 at the end of a real report is no finding (seeds 000 and 004 with it added)', () => {
    for (const prefix of ['000', '004']) {
      const { text } = readSeed(prefix);
      assert.deepEqual(findings(text + '\n特此报告。\n', RULE), [], prefix);
    }
    assert.deepEqual(findings(mutate(base, ['\n示例市示例局\n2024年1月20日', '\n特此报告。\n示例市示例局\n2024年1月20日']), RULE), []);
  });

  it('「特此报告」 in a text with neither a section nor a table is a letter', () => {
    const text = '示例市示例局关于2023年政府信息公开工作的报告\n\n2023年，我局认真落实政府信息公开工作，现将有关情况报告如下。全年主动公开信息120条。\n\n特此报告。\n';
    const [f, ...rest] = findings(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.start, f.end), '特此报告');
  });

  it('lines ending in 「：」 that are no addressee, and 「提请审议」, are no marks', () => {
    const text = mutate(
      base,
      ['示例市示例局2023年政府信息公开工作年度报告\n', '示例市示例局2023年政府信息公开工作年度报告\n\n发布机构：示例市示例局\n联系电话：\n'],
      ['本局将丰富解读形式', '本局将提请审议公开目录，丰富解读形式'],
    );
    assert.deepEqual(findings(text, RULE), []);
  });
});
