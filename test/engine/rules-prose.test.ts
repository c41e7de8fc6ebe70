// The prose rules: fee-statement, fee-consistency, prose-sum, text-table-mismatch, summary-length,
// problems-and-measures, enumeration. Fixtures are the repo's own clean example and the seeds,
// mutated at run time (never copied), plus small inline texts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding } from '../../server/src/engine';
import { readSeed, REPO_ROOT } from '../support/seeds';

const MINE = ['fee-statement', 'fee-consistency', 'prose-sum', 'text-table-mismatch', 'summary-length', 'problems-and-measures', 'enumeration'];
const CLEAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');

/** Replace each `from` (which must occur) by `to`. */
function mutate(text: string, ...pairs: [string, string][]): string {
  for (const [from, to] of pairs) {
    assert.ok(text.includes(from), `fixture holds ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function findings(text: string, rule: string): Finding[] {
  return check(text).findings.filter((f) => f.ruleId === rule);
}

function lineOf(text: string, offset: number): number {
  return check(text).report.source.lines.positionAt(offset).line + 1;
}

/** The finding's text and 1-based line. */
function where(text: string, f: Finding): string {
  return `${lineOf(text, f.start)}:${text.slice(f.start, f.end)}`;
}

function seedMutated(prefix: string, ...pairs: [string, string][]): string {
  return mutate(readSeed(prefix).text, ...pairs);
}

describe('prose rules', () => {
  it('the clean example and its CRLF/BOM variant have no finding from these rules', () => {
    for (const text of [CLEAN, '\ufeff' + CLEAN.replace(/\n/g, '\r\n')]) {
      assert.deepEqual(check(text).findings.filter((f) => MINE.includes(f.ruleId)).map((f) => f.message.zh), []);
    }
  });

  describe('text-table-mismatch', () => {
    it('flags the number received when it differs from R1 and points at the table cell', () => {
      const text = mutate(CLEAN, ['共收到政府信息公开申请16件', '共收到政府信息公开申请19件']);
      const fs1 = findings(text, 'text-table-mismatch');
      assert.deepEqual(fs1.map((f) => where(text, f)), ['14:19']);
      assert.equal(fs1[0].severity, 'warning');
      assert.match(fs1[0].message.zh, /为 16/);
      const r1 = check(text).report.tables.find((t) => t.id === 'requests')!.cells.find((c) => c.row === 'R1' && c.column === 'c7')!;
      assert.deepEqual(fs1[0].related.map((r) => r.start), [r1.start]);
    });

    it('explains when the prose gives new + carried-over instead of new requests', () => {
      const text = mutate(CLEAN, ['共收到政府信息公开申请16件', '共收到政府信息公开申请17件']);
      const [f] = findings(text, 'text-table-mismatch');
      assert.match(f.message.zh, /本年新收与上年结转之和/);
    });

    it('reads carried over, handled, carried forward, review and litigation figures', () => {
      const text = mutate(
        CLEAN,
        ['上年结转1件', '上年结转3件'],
        ['办结15件', '办结14件'],
        ['结转下年度继续办理2件', '结转下年度继续办理4件'],
        ['被申请行政复议1件', '被申请行政复议2件'],
        ['被提起行政诉讼1件', '被提起行政诉讼0件'],
      );
      assert.deepEqual(findings(text, 'text-table-mismatch').map((f) => where(text, f)), ['14:3', '14:14', '14:4', '14:2', '14:0']);
    });

    it('reads full-width digits and Chinese numerals', () => {
      const a = mutate(CLEAN, ['共收到政府信息公开申请16件', '共收到政府信息公开申请１８件']);
      assert.deepEqual(findings(a, 'text-table-mismatch').map((f) => where(a, f)), ['14:１８']);
      const b = mutate(CLEAN, ['共收到政府信息公开申请16件', '共收到政府信息公开申请十五件']);
      assert.deepEqual(findings(b, 'text-table-mismatch').map((f) => where(b, f)), ['14:十五']);
      const c = mutate(CLEAN, ['共收到政府信息公开申请16件', '共收到政府信息公开申请十六件']);
      assert.deepEqual(findings(c, 'text-table-mismatch'), []);
    });

    it('keeps positions right with BOM, CRLF and an astral character before the number', () => {
      const text = '\ufeff' + mutate(CLEAN, ['青川县示例', '𠮷川县示例'], ['2024年，本局共收到政府信息公开申请16件', '2024年，𠮷本局共收到政府信息公开申请21件']).replace(/\n/g, '\r\n');
      const [f] = findings(text, 'text-table-mismatch');
      assert.equal(text.slice(f.start, f.end), '21');
      const pos = check(text).report.source.lines.positionAt(f.start);
      assert.equal(pos.line, 13);
      const lineStart = text.split('\r\n').slice(0, 13).join('\r\n').length + 2;
      assert.equal(pos.character, f.start - lineStart);
    });

    it('says nothing when the table total is wrong and the prose states the right sum (the arithmetic rule speaks)', () => {
      const text = mutate(CLEAN, ['一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16', '一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t18']);
      assert.deepEqual(findings(text, 'text-table-mismatch'), []);
      assert.equal(findings(text, 'row-total').length, 1);
    });

    it('flags 「未收到…申请」 and 「未发生…行政复议和行政诉讼」 against non-zero tables', () => {
      const text = mutate(CLEAN, ['2024年，本局共收到政府信息公开申请16件，', '2024年，本局未收到政府信息公开申请，未发生因政府信息公开引起的行政复议和行政诉讼。']);
      const got = findings(text, 'text-table-mismatch');
      assert.deepEqual(got.map((f) => text.slice(f.start, f.end)), ['未收到政府信息公开申请', '未发生因政府信息公开引起的行政复议和行政诉讼']);
      assert.equal(got[1].related.length, 3);
    });

    it('reads seed 004 「依申请公开4条」 and seed 001 「数量为 0」 (no finding unmutated, one when changed)', () => {
      const a = seedMutated('004', ['依申请公开4条', '依申请公开6条']);
      assert.deepEqual(findings(a, 'text-table-mismatch').map((f) => where(a, f)), ['19:6']);
      const b = seedMutated('001', ['新收到的政府信息公开申请数量为 0', '新收到的政府信息公开申请数量为 2'], ['转下一年办理数量为 0', '转下一年办理数量为 一']);
      assert.deepEqual(findings(b, 'text-table-mismatch').map((f) => where(b, f)), ['9:2', '9:一']);
    });

    it('compares 行政许可 in the prose with table 1 (seed 000) and a paragraph year with the report year', () => {
      const a = seedMutated('000', ['行政许可信息 33 条', '行政许可信息 35 条']);
      assert.deepEqual(findings(a, 'text-table-mismatch').map((f) => where(a, f)), ['13:35']);
      const b = mutate(CLEAN, ['2024年，本局共收到', '2023年，本局共收到']);
      assert.deepEqual(findings(b, 'text-table-mismatch').map((f) => where(b, f)), ['14:2023']);
    });

    it('TX3: a share 「占X%」 after a result count is checked against N ÷ (七)总计, one unit of the last digit tolerated', () => {
      // Our example: 15 results in (七)总计, 8 disclosed.
      const at = '办结15件，';
      const ok = ['予以公开8件，占53.3%', '予以公开8件，占53%', '予以公开8件（占比为53.33%）', '予以公开8件，占50%'];
      // 50% is 8 ÷ 16 (the requests received): a base reports also use.
      for (const phrase of ok) {
        const text = mutate(CLEAN, [at, `${at}其中${phrase}，`]);
        assert.deepEqual(findings(text, 'text-table-mismatch').map((f) => f.message.zh), [], phrase);
      }
      const text = mutate(CLEAN, [at, `${at}其中予以公开8件，占６０％，`]);
      const [f, ...rest] = findings(text, 'text-table-mismatch');
      assert.equal(rest.length, 0);
      assert.equal(text.slice(f.start, f.end), '６０');
      assert.match(f.message.zh, /8 ÷ 15（表格「（七）总计 · 总计」）= 53\.3%/);
      const r24 = check(text).report.tables.find((t) => t.id === 'requests')!.cells.find((c) => c.row === 'R24' && c.column === 'c7')!;
      assert.deepEqual(f.related.map((r) => r.start), [r24.start]);
    });

    it('TX5: 「均获维持」「均已结案」「未被纠错」 against the 纠正 and 尚未审结 cells of the groups the sentence names', () => {
      // Our example's appeals row: 复议 1 0 0 0 1 | 直接起诉 0 0 0 1 1 | 复议后起诉 0 0 0 0 0 (one lawsuit pending).
      const row = '1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0';
      const at = '被提起行政诉讼1件。';
      const said = (sentence: string, table = row) => {
        const text = mutate(CLEAN, [at, `${at}${sentence}`], [row, table]);
        return findings(text, 'text-table-mismatch').map((f) => `${text.slice(f.start, f.end)}: ${f.message.zh}`);
      };
      assert.deepEqual(said('行政复议案件均获维持。'), []);
      assert.deepEqual(said('行政复议和行政诉讼案件均已结案。'), ['均已结案: 正文称均已结案，但表格中「行政诉讼 · 未经复议直接起诉 · 尚未审结」为 1']);
      assert.deepEqual(said('行政复议案件均已审结。'), [], 'only the review group is named, and it has nothing pending');
      const corrected = '0\t1\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0';
      assert.deepEqual(said('行政复议案件均获维持，未被纠错。', corrected), [
        '均获维持: 正文称均获维持，但表格中「行政复议 · 结果纠正」为 1',
        '未被纠错: 正文称未被纠错，但表格中「行政复议 · 结果纠正」为 1',
      ]);
    });

    it('「未有被行政复议纠错」 denies a correction, not the review itself', () => {
      const text = mutate(CLEAN, ['被提起行政诉讼1件。', '被提起行政诉讼1件。本局未有被行政复议纠错的情况。']);
      assert.deepEqual(findings(text, 'text-table-mismatch').map((f) => f.message.zh), []);
    });

    it('does not read other 办结 figures (letters, hotlines) as requests', () => {
      const text = mutate(CLEAN, ['全年组织业务培训2次。', '全年组织业务培训2次。办结市长信箱来信7件，行政许可事项清单共40项。']);
      assert.deepEqual(findings(text, 'text-table-mismatch'), []);
    });
  });

  describe('prose-sum', () => {
    it('flags a total whose listed parts do not add up, on the total, parts related', () => {
      const text = mutate(CLEAN, ['抽查检查结果39条', '抽查检查结果38条']);
      const [f, ...rest] = findings(text, 'prose-sum');
      assert.equal(rest.length, 0);
      assert.equal(where(text, f), '11:215');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.related.map((r) => text.slice(r.start, r.end)), ['12', '156', '8', '38']);
    });

    it('gives only information for an open-ended list (等) that falls short — seed 004 line 15', () => {
      const text = readSeed('004').text;
      const got = findings(text, 'prose-sum');
      assert.deepEqual(got.map((f) => `${where(text, f)} ${f.severity}`), ['15:233 information']);
    });

    it('checks nested 包括 lists on their own (seed 000) and comma lists after 其中： (seeds 002, 003)', () => {
      assert.deepEqual(findings(readSeed('000').text, 'prose-sum'), []);
      const a = seedMutated('000', ['公示公告 13 份', '公示公告 14 份']);
      assert.deepEqual(findings(a, 'prose-sum').map((f) => where(a, f)), ['13:49']);
      const b = seedMutated('002', ['县政协委员提案10件', '县政协委员提案１１件']);
      assert.deepEqual(findings(b, 'prose-sum').map((f) => where(b, f)), ['417:14']);
      const c = seedMutated('003', ['不公开发布 85 份', '不公开发布 86 份']);
      assert.deepEqual(findings(c, 'prose-sum').map((f) => where(c, f)), ['15:122']);
    });

    it('reads Chinese numerals and ignores a single part or a following clause', () => {
      const base = (s: string) => mutate(CLEAN, ['全年组织业务培训2次。', `全年组织业务培训2次。${s}`]);
      const bad = base('共收到群众来信五件，其中实名三件、匿名三件。');
      assert.deepEqual(findings(bad, 'prose-sum').map((f) => where(bad, f)), ['23:五']);
      for (const ok of [
        '共收到群众来信五件，其中实名三件、匿名两件。',
        '共收到群众来信5件，其中实名3件，已全部办结5件。',
        '共收到群众来信5件，其中实名3件，匿名2件，办结4件。',
        '共发布信息30条，其中政策文件12条，占40%。',
      ]) {
        assert.deepEqual(findings(base(ok), 'prose-sum'), [], ok);
      }
    });
  });

  describe('enumeration', () => {
    it('seed 003 line 33: 「4、」 among 1. 2. 3. 5. (fix writes 4.)', () => {
      const text = readSeed('003').text;
      const got = findings(text, 'enumeration');
      assert.deepEqual(got.map((f) => `${where(text, f)} ${f.severity}`), ['33:4、 information']);
      assert.equal(got[0].fix?.edits[0].newText, '4.');
    });

    it('seed 004 line 647: 「4及时回复」 lacks its 、', () => {
      const text = readSeed('004').text;
      assert.deepEqual(findings(text, 'enumeration').map((f) => where(text, f)), ['647:4']);
    });

    it('no finding on seeds 000–002', () => {
      for (const p of ['000', '001', '002']) assert.deepEqual(findings(readSeed(p).text, 'enumeration'), [], p);
    });

    it('flags skipped and repeated numbers and 一是/三是 without 二是; restarts at subsections', () => {
      const text = mutate(
        CLEAN,
        [
          '本局政府信息公开工作仍存在不足：一是政策解读形式较为单一；二是基层执法信息公开的时效性有待提高。',
          '本局政府信息公开工作仍存在不足：一是政策解读形式较为单一；三是基层执法信息公开的时效性有待提高。',
        ],
        [
          '优化门户网站“政府信息公开”专栏，及时更新政策解读栏目。',
          '优化门户网站“政府信息公开”专栏。\n1.更新栏目。按月检查链接。\n2.加强解读。采用图解形式。\n2.建立台账。按周更新。\n4.定期培训。每季度一次。',
        ],
        ['将政务公开纳入年度绩效考核，全年组织业务培训2次。', '3.另一小标题下的列举，不与上面的连续。\n将政务公开纳入年度绩效考核，全年组织业务培训2次。'],
      );
      const got = findings(text, 'enumeration').map((f) => where(text, f));
      assert.deepEqual(got, ['23:2.', '24:4.', '87:三是']);
    });

    it('does not take quantities at line start for list numbers', () => {
      const text = mutate(CLEAN, ['2025年，本局将加强', '1、加强解读。\n2个工作组负责落实。\n3、2025年，本局将加强']);
      assert.deepEqual(findings(text, 'enumeration'), []);
    });
  });

  describe('fee-statement', () => {
    it('errors when section 六 of a 2021-format report has no fee statement, pointing at a mention elsewhere', () => {
      const text = mutate(CLEAN, ['本局2024年未收取信息处理费。', '本年度无其他需要报告的事项。'], ['全年组织业务培训2次。', '全年组织业务培训2次，未收取信息处理费。']);
      const [f] = findings(text, 'fee-statement');
      assert.equal(f.severity, 'error');
      assert.equal(text.slice(f.start, f.end), '六、其他需要报告的事项');
      assert.equal(text.slice(f.related[0].start, f.related[0].end), '信息处理费');
    });

    it('accepts the seeds’ wordings, and an empty section 六 of a 2020 report is only a warning', () => {
      for (const p of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(readSeed(p).text, 'fee-statement'), [], p);
      const text = readSeed('003').text;
      const s6 = text.indexOf('六、其他需要报告的事项');
      const sig = text.indexOf('中卫市工业和信息化局', s6);
      const emptied = text.slice(0, s6) + '六、其他需要报告的事项\n\n' + text.slice(sig);
      const got = findings(emptied, 'fee-statement');
      assert.deepEqual(got.map((f) => f.severity), ['warning']);
      const none = text.slice(0, s6) + '六、其他需要报告的事项\n\n无。\n\n' + text.slice(sig);
      assert.deepEqual(findings(none, 'fee-statement'), []);
    });
  });

  describe('fee-consistency', () => {
    const withR22 = (s: string) =>
      mutate(
        CLEAN,
        ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1'],
        ['1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2', '1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1'],
        ['本局2024年未收取信息处理费。', s],
      );

    it('flags 「未发出收费通知」 and 「…件数…均为0」 when R22 > 0, with the R22 cell related', () => {
      for (const s of ['本局未发出收费通知，未收取信息处理费。', '发出收费通知的件数和总金额，以及实际收取的总金额均为０。']) {
        const text = withR22(s);
        assert.deepEqual(check(text).findings.filter((f) => f.ruleId !== 'fee-consistency').map((f) => f.ruleId), []);
        const got = findings(text, 'fee-consistency');
        assert.equal(got.length, 1, s);
        assert.equal(lineOf(text, got[0].start), 86);
        assert.equal(text.slice(got[0].related[0].start, got[0].related[0].end), '1');
      }
    });

    it('accepts a statement that gives the notices, and flags a collected amount without them', () => {
      assert.deepEqual(findings(withR22('本局发出收费通知1件，申请人逾期未缴纳，未收取信息处理费。'), 'fee-consistency'), []);
      const text = mutate(CLEAN, ['本局2024年未收取信息处理费。', '本局2024年收取信息处理费200元。']);
      assert.deepEqual(findings(text, 'fee-consistency').map((f) => where(text, f)), ['86:200']);
      for (const p of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(readSeed(p).text, 'fee-consistency'), [], p);
    });
  });

  describe('summary-length', () => {
    it('informs when section 一 exceeds 1000 汉字 (astral 𠮷 counts once), not at 1000, not in the 2019 format', () => {
      const add = (n: number, ch = '字') => mutate(CLEAN, ['全年组织业务培训2次。', '全年组织业务培训2次。' + ch.repeat(n)]);
      const base = check(CLEAN).report;
      const s1 = base.sections.find((s) => s.number === 1)!;
      const have = [...CLEAN.slice(s1.body.start, s1.body.end)].filter((c) => /\p{Script=Han}/u.test(c)).length;
      assert.deepEqual(findings(add(1000 - have), 'summary-length'), []);
      const over = add(1001 - have, '𠮷');
      const [f] = findings(over, 'summary-length');
      assert.equal(f.severity, 'information');
      assert.equal(over.slice(f.start, f.end), '一、总体情况');
      assert.equal(over.slice(f.related[0].start, f.related[0].end), '𠮷');
      assert.match(f.message.zh, /1001 个汉字/);
      assert.deepEqual(findings(readSeed('003').text, 'summary-length'), [], '2019 format: no limit');
      assert.deepEqual(findings(readSeed('001').text, 'summary-length'), [], '894 汉字');
    });
  });

  describe('problems-and-measures', () => {
    const s5 = '本局政府信息公开工作仍存在不足：一是政策解读形式较为单一；二是基层执法信息公开的时效性有待提高。2025年，本局将加强图解、视频等多种形式的政策解读，建立执法信息公开台账，按周更新。';
    it('warns on an empty section 五, a bare 「无」, no problem, or no measure', () => {
      const cases: [string, RegExp][] = [
        ['', /没有内容/],
        ['无。', /既未写明/],
        ['2025年，本局将加强政策解读。', /未写明存在的问题/],
        ['本局政策解读形式较为单一，存在不足。', /未写明改进措施/],
      ];
      for (const [body, re] of cases) {
        const text = mutate(CLEAN, [s5, body]);
        const got = findings(text, 'problems-and-measures');
        assert.equal(got.length, 1, body);
        assert.equal(got[0].severity, 'warning');
        assert.equal(text.slice(got[0].start, got[0].end), '五、存在的主要问题及改进情况');
        assert.match(got[0].message.zh, re);
      }
      for (const p of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(readSeed(p).text, 'problems-and-measures'), [], p);
    });
  });

  // How fast this runs is measured by `npm run bench`; here, that a long text is read to its end.
  it('a 1 MB section of prose is read to its end: the one sum that does not add up, in its last sentence, is found', () => {
    const para = '2024年，本局共收到政府信息公开申请16件，其中自然人12件、法人或其他组织4件，办结15件。一是加强解读；二是建立台账。\n1.加强解读\n';
    const wrong = '2024年，本局共收到政府信息公开申请16件，其中自然人12件、法人或其他组织5件。';
    const big = mutate(CLEAN, ['全年组织业务培训2次。', '全年组织业务培训2次。\n' + para.repeat(Math.ceil(1_000_000 / para.length)) + wrong]);
    assert.ok(big.length > 1_000_000);
    const sums = findings(big, 'prose-sum');
    assert.equal(sums.length, 1, 'the thousands of sums that add up give nothing');
    const at = big.lastIndexOf(wrong);
    assert.ok(sums[0].start >= at && sums[0].end <= at + wrong.length, 'the finding is in the last sentence');
    assert.match(sums[0].message.zh, /总数为 16件，但其中所列各项之和为 17（12 \+ 5）/);
  });

  it('a 200,000-character sentence with a 50-digit total and no parts: no sum is made up', () => {
    const long = mutate(CLEAN, ['全年组织业务培训2次。', '共' + '1'.repeat(50) + '件，其中' + '甲'.repeat(200_000) + '、'.repeat(1000)]);
    const ids = check(long).findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('prose-sum') && !ids.includes('text-table-mismatch'), ids.join(' '));
  });
});
