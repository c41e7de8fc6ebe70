// cross-year (X1–X3) on pairs built at run time: last year's copy of a seed with one figure
// changed, a 2020 report in the 2019 format against a 2021 one, and back.
import * as assert from 'node:assert/strict';
import { check, pairReports, type Finding, type PeerReport } from '../../../server/src/engine';
import { readSeed, seedFiles } from '../../support/seeds';
import * as fs from 'node:fs';
import { cellSpan, findingsOf, peerOf, setCell, skeletonReport, yearEarlier } from './helpers';

const RULE = ['cross-year'];

/** This year's findings of cross-year, read beside last year's report as the pipeline pairs it. */
function againstLastYear(text: string, lastYear: string, options: { lastFile?: string } = {}): Finding[] {
  const previous = peerOf(options.lastFile ?? 'last.txt', lastYear);
  const peers = pairReports([peerOf('this.txt', text), previous]).get('this.txt');
  assert.equal(peers?.previous?.file, previous.file, 'the two reports pair');
  return findingsOf(text, RULE, { peers });
}

const brief = (fs: Finding[]): string[] => fs.map((f) => `${f.data?.check} ${(f.data?.cells as string[])[0]} ${f.data?.actual}≠${f.data?.expected}`);

/**
 * Last year's copy of a 2021-format report whose documents in force roll forward to this year's:
 * its 现行有效件数 set to this year's − 制发 + 废止 (the copy alone would not, once 废止 > 0).
 */
function rolledBack(text: string, year: number): string {
  const now = check(text).report.tables.find((t) => t.id === 'proactive')!.cells;
  const value = (row: string, column: string): number => now.find((c) => c.row === row && c.column === column)!.value!;
  let last = yearEarlier(text, year);
  for (const row of ['规章', '行政规范性文件']) {
    const stock = value(row, '现行有效件数') - value(row, '本年制发件数') + value(row, '本年废止件数');
    last = setCell(last, `proactive/第二十条第（一）项/${row}/现行有效件数`, stock);
  }
  return last;
}

describe('cross-year: figures carried over from last year', () => {
  const seed000 = readSeed('000').text;
  const lastYear000 = rolledBack(seed000, 2023);

  it('says nothing without peers, and nothing on a seed beside a consistent copy of itself', () => {
    for (const file of seedFiles()) assert.deepEqual(findingsOf(fs.readFileSync(file, 'utf8'), RULE), [], file);
    assert.deepEqual(againstLastYear(seed000, lastYear000), []);
    // The plain copy: seed 000 repealed 3 行政规范性文件 this year, so last year's 4 in force cannot stay 4.
    const x2 = againstLastYear(seed000, yearEarlier(seed000, 2023));
    assert.deepEqual(brief(x2), ['X2 proactive/第二十条第（一）项/行政规范性文件/现行有效件数 4≠1']);
    assert.equal(x2[0].severity, 'warning', 'X2 is a warning (spec §4.5)');
  });

  it('X1: last year’s 结转下年度 changed in one column fires on exactly that column of 上年结转', () => {
    const last = setCell(lastYear000, 'requests/R25/c2', 3);
    const got = againstLastYear(seed000, last, { lastFile: 'wuzhong-2022.txt' });
    assert.deepEqual(brief(got), ['X1 requests/R2/c2 0≠3']);
    const f = got[0];
    assert.deepEqual({ start: f.start, end: f.end }, cellSpan(seed000, 'requests/R2/c2'), 'on this year’s cell');
    assert.equal(f.severity, 'error', 'X1 is an error (spec §4.5)');
    assert.equal(f.message.zh, '上年结转应等于上年报告的结转下年度：商业企业 0 ≠ 上年 3（2022年报告「四、结转下年度继续办理」）');
    assert.equal(f.data?.previousFile, 'wuzhong-2022.txt');
    assert.deepEqual(f.data?.previousCells, ['requests/R25/c2']);
    assert.equal(f.fix, undefined, 'no fix: which year is wrong is unknown');
    // Last year's cell as a related location in last year's file, at the cell's own line and column.
    const [rel] = f.related;
    const lastReport = check(last).report;
    const lastCell = cellSpan(last, 'requests/R25/c2');
    assert.equal(rel.elsewhere?.file, 'wuzhong-2022.txt');
    assert.deepEqual({ start: rel.elsewhere?.start, end: rel.elsewhere?.end }, lastCell);
    assert.deepEqual({ line: rel.elsewhere?.line, character: rel.elsewhere?.character }, lastReport.source.lines.positionAt(lastCell.start));
    assert.equal(last.slice(lastCell.start, lastCell.end), '3');
  });

  it('X1: this year’s 上年结转 changed fires there; both changed alike, nothing', () => {
    const mutated = setCell(setCell(seed000, 'requests/R2/c1', 2), 'requests/R2/c7', 2);
    assert.deepEqual(brief(againstLastYear(mutated, lastYear000)), ['X1 requests/R2/c1 2≠0', 'X1 requests/R2/c7 2≠0']);
    const last = setCell(setCell(lastYear000, 'requests/R25/c1', 2), 'requests/R25/c7', 2);
    assert.deepEqual(againstLastYear(mutated, last), []);
  });

  it('X1 pairs a renamed organ in short form: 「工信局」 this year, the full name last year', () => {
    const short = seed000.replace(/吴忠市工业和信息化局/g, '吴忠市工信局');
    const last = setCell(lastYear000, 'requests/R25/c7', 5);
    assert.deepEqual(brief(againstLastYear(short, last)), ['X1 requests/R2/c7 0≠5']);
  });

  it('X1 and X2 between a 2020 report in the 2019 format (seed 003) and a 2021 report in the 2021 format', () => {
    const seed003 = readSeed('003').text;
    // Seed 003 has 0 规范性文件 · 对外公开总数量 and 0 in every 结转 cell.
    let y2021 = skeletonReport('中卫市工业和信息化局', 2021);
    y2021 = setCell(y2021, 'proactive/第二十条第（一）项/行政规范性文件/本年制发件数', 4);
    y2021 = setCell(y2021, 'proactive/第二十条第（一）项/行政规范性文件/本年废止件数', 1);
    y2021 = setCell(y2021, 'proactive/第二十条第（一）项/行政规范性文件/现行有效件数', 3);
    assert.deepEqual(againstLastYear(y2021, seed003), [], '0 + 4 − 1 = 3');
    const wrong = setCell(y2021, 'proactive/第二十条第（一）项/行政规范性文件/现行有效件数', 7);
    const got = againstLastYear(wrong, seed003);
    assert.deepEqual(brief(got), ['X2 proactive/第二十条第（一）项/行政规范性文件/现行有效件数 7≠3']);
    assert.equal(got[0].message.zh, '「行政规范性文件」现行有效件数应为2020年报告（2019年格式）的「规范性文件 · 对外公开总数量」 + 本年制发件数 − 本年废止件数：0 + 4 − 1 = 3，实为 7');
    assert.deepEqual(got[0].data?.previousCells, ['proactive/第二十条第（一）项/规范性文件/对外公开总数量']);
    assert.deepEqual(got[0].related.map((r) => !!r.elsewhere), [true, false, false], 'last year’s stock elsewhere; this year’s 制发 and 废止 here');
    // Seed 003's row 四 has more numbers than columns (table-shape): unread, so X1 has nothing to compare with.
    const carried = setCell(y2021, 'requests/R2/c1', 1);
    assert.deepEqual(againstLastYear(carried, seed003), [], 'no number is guessed');
  });

  it('X2 the other way: a 2020 report in the 2019 format after a 2019 report in the 2021 format', () => {
    const seed003 = readSeed('003').text;
    let y2019 = skeletonReport('中卫市工业和信息化局', 2019, '2021');
    y2019 = setCell(y2019, 'proactive/第二十条第（一）项/行政规范性文件/现行有效件数', 5);
    const got = againstLastYear(seed003, y2019);
    assert.deepEqual(brief(got), ['X2 proactive/第二十条第（一）项/规范性文件/对外公开总数量 0≠5']);
    assert.match(got[0].message.zh, /对外公开总数量应为2019年报告（2021年格式）的「行政规范性文件 · 现行有效件数」 \+ 本年新公开数量：5 \+ 0 = 5，实为 0/);
    const fixed = setCell(seed003, 'proactive/第二十条第（一）项/规范性文件/对外公开总数量', 5);
    assert.deepEqual(againstLastYear(fixed, y2019), []);
    // X1 across the format change: seed 003's 上年结转 (all 0) against 2019's 结转下年度.
    const carried = setCell(y2019, 'requests/R25/c6', 2);
    assert.deepEqual(brief(againstLastYear(fixed, carried)), ['X1 requests/R2/c6 0≠2']);
  });

  it('X2 within the 2021 format: last year’s stock + 制发 − 废止, 规章 and 行政规范性文件', () => {
    let last = setCell(lastYear000, 'proactive/第二十条第（一）项/规章/现行有效件数', 2);
    last = setCell(last, 'proactive/第二十条第（一）项/行政规范性文件/现行有效件数', 6);
    const got = againstLastYear(seed000, last);
    const now = check(seed000).report.tables.find((t) => t.id === 'proactive')!.cells;
    const value = (row: string, column: string): number => now.find((c) => c.row === row && c.column === column)!.value!;
    const want = ['规章', '行政规范性文件']
      .map((row) => ({ row, expected: (row === '规章' ? 2 : 6) + value(row, '本年制发件数') - value(row, '本年废止件数'), actual: value(row, '现行有效件数') }))
      .filter((x) => x.expected !== x.actual)
      .map((x) => `X2 proactive/第二十条第（一）项/${x.row}/现行有效件数 ${x.actual}≠${x.expected}`);
    assert.ok(want.length > 0, 'the mutation breaks the roll-forward');
    assert.deepEqual(brief(got), want);
  });

  it('X3: both years in the 2019 format, 上一年项目数量 = last year’s count + its 本年增/减', () => {
    const seed003 = readSeed('003').text;
    const y2019 = yearEarlier(seed003, 2020);
    // Seed 003: 其他对外管理服务事项 4, −1 → this year's 4 should be 3; the other rows change by 0.
    const got = againstLastYear(seed003, y2019);
    assert.deepEqual(brief(got), ['X3 proactive/第二十条第（五）项/其他对外管理服务事项/上一年项目数量 4≠3']);
    assert.match(got[0].message.zh, /4 − 1 = 3，实为 4/);
    assert.equal(got[0].related.length, 2);
    assert.ok(got[0].related.every((r) => r.elsewhere?.file === 'last.txt'));
    const settled = setCell(y2019, 'proactive/第二十条第（五）项/其他对外管理服务事项/本年增/减', 0);
    assert.deepEqual(againstLastYear(seed003, settled), []);
  });

  it('X3 does not apply when this year uses the 2021 format (the counts no longer carry over)', () => {
    const y2021 = skeletonReport('中卫市工业和信息化局', 2021);
    assert.deepEqual(againstLastYear(y2021, readSeed('003').text), []);
  });

  it('a report paired with a report of another year than the one before gets nothing', () => {
    const previous = peerOf('old.txt', yearEarlier(lastYear000, 2022));
    assert.deepEqual(findingsOf(seed000, RULE, { peers: { previous } }), []);
  });

  it('two reports of one body and year: an information on the title of each', () => {
    const entries: PeerReport[] = [peerOf('a.txt', seed000), peerOf('b.txt', seed000)];
    const peers = pairReports(entries);
    const got = findingsOf(seed000, RULE, { peers: peers.get('b.txt') });
    assert.equal(got.length, 1);
    assert.equal(got[0].severity, 'information');
    assert.deepEqual(got[0].data?.sameYearFiles, ['a.txt']);
    const title = check(seed000).report.title!;
    assert.deepEqual({ start: got[0].start, end: got[0].end }, { start: title.start, end: title.end });
  });
});
