// aggregate: a region's report against the sum of three member reports, built at run time from
// the engine's skeleton with figures of our own.
import * as assert from 'node:assert/strict';
import { pairReports, type Finding, type Peers } from '../../../server/src/engine';
import { cellSpan, findingsOf, peerOf, setCell, skeletonReport } from './helpers';

const RULE = ['aggregate'];
const MEMBERS = ['甲区示例局', '乙区示例局', '丙区示例局'];

/** Figures of our own: member k has k+1 new requests from natural persons, one review in member 2. */
function member(k: number): string {
  let t = skeletonReport(MEMBERS[k], 2023);
  t = setCell(t, 'requests/R1/c1', k + 1);
  t = setCell(t, 'requests/R1/c7', k + 1);
  if (k === 2) {
    t = setCell(t, 'appeals/A1', 1);
    t = setCell(t, 'appeals/A5', 1);
  }
  return t;
}

/** The region's report: the members' sums, and `override` cells as written. */
function region(override: Record<string, number> = {}): string {
  let t = skeletonReport('示例市示例局', 2023);
  const sums: Record<string, number> = { 'requests/R1/c1': 6, 'requests/R1/c7': 6, 'appeals/A1': 1, 'appeals/A5': 1, ...override };
  for (const [id, v] of Object.entries(sums)) t = setCell(t, id, v);
  return t;
}

function regionPeers(regionText: string, config: { members?: string[]; tolerance?: number } = {}): Peers {
  const entries = [peerOf('region/2023.txt', regionText), ...MEMBERS.map((_, k) => peerOf(`members/${k}/2023.txt`, member(k)))];
  const aggregates = [{ report: 'region/2023.txt', members: config.members ?? MEMBERS, tolerance: config.tolerance }];
  return pairReports(entries, { aggregates }).get('region/2023.txt')!;
}

describe('aggregate: a region’s tables equal the sum of its members’', () => {
  it('says nothing without members, and nothing when every cell adds up', () => {
    assert.deepEqual(findingsOf(region(), RULE), []);
    assert.deepEqual(findingsOf(region(), RULE, { peers: regionPeers(region()) }), []);
  });

  it('three members whose sum is off in one cell: one finding, on that cell of the region', () => {
    const text = region({ 'appeals/A1': 2, 'appeals/A5': 1 });
    const got: Finding[] = findingsOf(text, RULE, { peers: regionPeers(text) });
    assert.deepEqual(got.map((f) => (f.data?.cells as string[])[0]), ['appeals/A1']);
    const f = got[0];
    assert.deepEqual({ start: f.start, end: f.end }, cellSpan(text, 'appeals/A1'));
    assert.equal(f.data?.expected, 1);
    assert.equal(f.data?.actual, 2);
    assert.deepEqual(f.data?.memberValues, [0, 0, 1]);
    assert.equal(f.message.zh, '「行政复议 · 结果维持」应等于 3 份成员报告之和：0 + 0 + 1 = 1，实为 2');
    assert.deepEqual(f.related.map((r) => r.elsewhere?.file), ['members/0/2023.txt', 'members/1/2023.txt', 'members/2/2023.txt']);
    const m2 = member(2);
    const at = f.related[2].elsewhere!;
    assert.deepEqual({ start: at.start, end: at.end }, cellSpan(m2, 'appeals/A1'));
    assert.equal(m2.slice(at.start, at.end), '1');
  });

  it('a requests cell off: the finding names the row and column and sums the members', () => {
    const text = region({ 'requests/R1/c1': 7, 'requests/R1/c7': 7 });
    const got = findingsOf(text, RULE, { peers: regionPeers(text) });
    assert.deepEqual(got.map((f) => `${(f.data?.cells as string[])[0]} ${f.data?.actual}≠${f.data?.expected}`), ['requests/R1/c1 7≠6', 'requests/R1/c7 7≠6']);
    assert.match(got[0].message.zh, /自然人」应等于 3 份成员报告之和：1 \+ 2 \+ 3 = 6，实为 7$/);
  });

  it('the tolerance allows a documented difference per cell', () => {
    const text = region({ 'requests/R1/c1': 7, 'requests/R1/c7': 8 });
    const got = findingsOf(text, RULE, { peers: regionPeers(text, { tolerance: 1 }) });
    assert.deepEqual(got.map((f) => (f.data?.cells as string[])[0]), ['requests/R1/c7'], 'c1 is 1 off (allowed), c7 is 2 off');
  });

  it('a member that matches no report: one information on the title, no cell checked', () => {
    const text = region({ 'appeals/A1': 2 });
    const got = findingsOf(text, RULE, { peers: regionPeers(text, { members: [...MEMBERS, '丁区示例局'] }) });
    assert.equal(got.length, 1);
    assert.equal(got[0].severity, 'information');
    assert.deepEqual(got[0].data?.missingMembers, ['丁区示例局']);
  });

  it('a cell a member does not state as a number is not checked (never guessed)', () => {
    const text = region({ 'appeals/A1': 2 });
    const entries = [peerOf('region/2023.txt', text), ...MEMBERS.map((_, k) => peerOf(`m${k}.txt`, k === 0 ? setCell(member(k), 'appeals/A1', '') : member(k)))];
    const peers = pairReports(entries, { aggregates: [{ report: 'region/2023.txt', members: MEMBERS }] }).get('region/2023.txt')!;
    assert.deepEqual(findingsOf(text, RULE, { peers }), []);
  });
});
