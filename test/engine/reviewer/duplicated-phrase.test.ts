// duplicated-phrase: a word or clause written twice back to back. Positives on our own report
// and on seeds mutated at run time; negatives on reduplicated words, lists of different items,
// the tables; the seeds and examples hold exactly the one duplicate the audit found (003 L121).
import * as assert from 'node:assert/strict';
import { applyFixes, check } from '../../../server/src/engine';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument } from '../../../server/src/engine';
import { htmlDocument } from '../../../server/src/formats/html';
import { readSeed, REPO_ROOT } from '../../support/seeds';
import { applyAndRecheck, corpus, findings, mutate, OPENING, ownReport, where } from './helpers';

const RULE = 'duplicated-phrase';
const base = ownReport();

/** Our report with the opening sentence of section 一 replaced. */
function withOpening(sentence: string): string {
  return mutate(base, [OPENING(2023), sentence]);
}

describe('duplicated-phrase', () => {
  it('the seeds and examples: exactly the audited duplicate of seed 003 line 121', () => {
    const got = corpus().flatMap(([name, text]) => where(text, findings(text, RULE)).map((w) => `${name.slice(0, 3)} ${w}`));
    assert.deepEqual(got, ['003 121:能源利用状况报告审查']);
  });

  it('the real HTML sample (pingtan-2022): exactly its 「统一的的网站界面」, and the fix removes one 的 from the page', () => {
    const html = fs.readFileSync(path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'pingtan-2022.html'), 'utf8');
    const fs1 = checkDocument(htmlDocument(html)).findings.filter((f) => f.ruleId === RULE);
    assert.deepEqual(fs1.map((f) => html.slice(f.start - 3, f.end + 2)), ['统一的的网站']);
    const fixed = applyFixes(html, [fs1[0].fix!]).text;
    assert.equal(fixed, html.replace('统一的的网站', '统一的网站'));
    assert.deepEqual(checkDocument(htmlDocument(fixed)).findings.filter((f) => f.ruleId === RULE), []);
  });

  it('seed 003: the finding is the second copy, the first is related, and the fix deletes 「、」 and the copy only', () => {
    const { text } = readSeed('003');
    const [f] = findings(text, RULE);
    assert.equal(f.severity, 'warning');
    const first = f.related[0];
    assert.equal(text.slice(first.start, first.end), '能源利用状况报告审查');
    assert.equal(text.slice(first.end, f.start), '、');
    assert.deepEqual(f.data, { phrase: '能源利用状况报告审查', separator: '、', first: { start: first.start, end: first.end }, second: { start: f.start, end: f.end } });
    assert.match(f.message.zh, /「能源利用状况报告审查」重复写了两遍/);
    const fixed = applyAndRecheck(text, f);
    assert.equal(fixed, text.replace('能源利用状况报告审查、能源利用状况报告审查', '能源利用状况报告审查'));
    assert.deepEqual(findings(fixed, RULE), []);
  });

  it('finds a clause repeated after 「，」, a phrase written twice together, and 「的的」', () => {
    const cases: [string, string, string][] = [
      ['2023年，本局加强政务公开，加强政务公开，全年主动公开政府信息120条。', '加强政务公开', '2023年，本局加强政务公开，全年主动公开政府信息120条。'],
      ['2023年，本局全年主动公开政府信息政府信息120条。', '政府信息', '2023年，本局全年主动公开政府信息120条。'],
      ['2023年，本局提高了政务公开的的质量。', '的', '2023年，本局提高了政务公开的质量。'],
      ['2023年，本局推进政务公开标准化、规范化、规范化。', '规范化', '2023年，本局推进政务公开标准化、规范化。'],
      ['2023年，本局完善“三审三校”“三审三校”制度。', '“三审三校”', '2023年，本局完善“三审三校”制度。'],
    ];
    for (const [sentence, phrase, repaired] of cases) {
      const text = withOpening(sentence);
      const fs1 = findings(text, RULE);
      assert.deepEqual(where(text, fs1).map((w) => w.split(':').slice(1).join(':')), [phrase], sentence);
      assert.equal(applyAndRecheck(text, fs1[0]), withOpening(repaired), sentence);
    }
  });

  it('three copies give two findings whose fixes together leave one', () => {
    const text = withOpening('2023年，本局开展了政策解读、政策解读、政策解读等工作。');
    const fs1 = findings(text, RULE);
    assert.equal(fs1.length, 2);
    assert.equal(applyFixes(text, fs1.map((f) => f.fix!)).text, withOpening('2023年，本局开展了政策解读等工作。'));
  });

  it('reduplicated words, 一 + measure word, two characters said twice, lists of different items are not duplicates', () => {
    for (const sentence of [
      '2023年，本局天天更新、人人参与，层层把关，实实在在推进公开，的的确确取得实效。',
      '2023年，本局把各项任务一件一件落实，一步一步推进，等等。',
      '2023年，本局对公开目录研究研究再发布。',
      '2023年，本局加强信息公开、信息公开平台建设，加强管理、加强管理制度建设。',
      // The same shape, so a miss by design: the second copy runs on into the next word.
      '2023年，本局逐步、逐步完善公开目录。',
      '2023年，本局做到早发现、早研判、早处理，一是规范制度，二是规范属性。',
    ]) {
      assert.deepEqual(findings(withOpening(sentence), RULE), [], sentence);
    }
  });

  it('does not read across a line break or into the tables', () => {
    // A heading and a paragraph that starts with the heading's words.
    const text = mutate(base, ['一、总体情况\n\n', '一、总体情况\n\n主动公开情况\n主动公开情况良好。\n\n']);
    assert.deepEqual(findings(text, RULE), []);
    // Our report's tables repeat 0 and labels (结果维持 … 结果维持) by design.
    assert.deepEqual(findings(base, RULE), []);
  });

  it('positions are UTF-16 offsets after 𠮷 and on CRLF lines', () => {
    const crlf = ownReport({ eol: '\r\n' });
    const text = mutate(crlf, [OPENING(2023), '𠮷𠮷2023年，本局公开了决策信息、决策信息和执行信息。']);
    const [f] = findings(text, RULE);
    assert.equal(text.slice(f.start, f.end), '决策信息');
    const pos = check(text).report.source.lines.positionAt(f.start);
    const line = text.split('\r\n')[pos.line];
    assert.equal(line.slice(pos.character, pos.character + 4), '决策信息');
    assert.equal(line.indexOf('决策信息、决策信息') + 5, pos.character);
    assert.equal(applyAndRecheck(text, f), mutate(crlf, [OPENING(2023), '𠮷𠮷2023年，本局公开了决策信息和执行信息。']));
  });
});
