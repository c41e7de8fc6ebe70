// pairReports: last year's report of the same body, duplicates, aggregates.
import * as assert from 'node:assert/strict';
import { pairReports, type PeerReport } from '../../../server/src/engine';
import { readSeed } from '../../support/seeds';
import { peerOf, skeletonReport, yearEarlier } from './helpers';

describe('desk: pairing reports', () => {
  const seed000 = readSeed('000').text;
  const entries: PeerReport[] = [
    peerOf('reports/wuzhong-2023.txt', seed000),
    peerOf('reports/wuzhong-2022.txt', yearEarlier(seed000, 2023)),
    peerOf('reports/wuzhong-2021.txt', yearEarlier(yearEarlier(seed000, 2023), 2022)),
    peerOf('reports/beiguan-2023.txt', readSeed('001').text),
    // Last year's 北关区 report under its full name: the short form of 2023 still pairs with it.
    peerOf('reports/beiguan-2022.txt', yearEarlier(readSeed('001').text, 2023).replace('北关区工信局', '北关区工业和信息化局')),
    peerOf('reports/zhongwei-2020.txt', readSeed('003').text),
  ];

  it('pairs each report with the same body’s report of the year before, and no other', () => {
    const peers = pairReports(entries);
    const previous = Object.fromEntries([...peers].map(([file, p]) => [file, p.previous?.file ?? null]));
    assert.deepEqual(previous, {
      'reports/beiguan-2022.txt': null,
      'reports/beiguan-2023.txt': 'reports/beiguan-2022.txt',
      'reports/wuzhong-2021.txt': null,
      'reports/wuzhong-2022.txt': 'reports/wuzhong-2021.txt',
      'reports/wuzhong-2023.txt': 'reports/wuzhong-2022.txt',
      'reports/zhongwei-2020.txt': null,
    });
  });

  it('the result does not depend on the order the files come in', () => {
    const a = pairReports(entries);
    const b = pairReports([...entries].reverse());
    for (const [file, p] of a) assert.equal(b.get(file)?.previous?.file, p.previous?.file, file);
  });

  it('config aliases pair a renamed body (old name → new name)', () => {
    const renamed = peerOf('reports/wuzhong-2022.txt', yearEarlier(seed000, 2023).replace(/吴忠市工业和信息化局/g, '吴忠市经济和信息化委员会'));
    const list = [entries[0], renamed];
    assert.equal(pairReports(list).get('reports/wuzhong-2023.txt')?.previous, undefined, 'without config: different names');
    const config = { organs: [{ name: '吴忠市工业和信息化局', aliases: ['吴忠市经济和信息化委员会'] }] };
    assert.equal(pairReports(list, config).get('reports/wuzhong-2023.txt')?.previous?.file, 'reports/wuzhong-2022.txt');
  });

  it('two reports of one body and year: the file sorting first is last year’s for the next, both list the other', () => {
    const copy = peerOf('reports/wuzhong-2022-final.txt', yearEarlier(seed000, 2023));
    for (const list of [[...entries, copy], [copy, ...entries]]) {
      const peers = pairReports(list);
      assert.equal(peers.get('reports/wuzhong-2023.txt')?.previous?.file, 'reports/wuzhong-2022-final.txt');
      assert.deepEqual(peers.get('reports/wuzhong-2022.txt')?.sameYear?.map((p) => p.file), ['reports/wuzhong-2022-final.txt']);
      assert.deepEqual(peers.get('reports/wuzhong-2022-final.txt')?.sameYear?.map((p) => p.file), ['reports/wuzhong-2022.txt']);
      assert.equal(peers.get('reports/wuzhong-2023.txt')?.sameYear, undefined);
    }
  });

  it('a report without organ or year has no peers (and is not anyone’s)', () => {
    const untitled = peerOf('x.txt', '一、总体情况\n\n本局……\n');
    const peers = pairReports([...entries, untitled]);
    assert.deepEqual(peers.get('x.txt'), {});
  });

  describe('aggregates', () => {
    const members = ['甲区示例局', '乙区示例局', '丙区示例局'].map((o, i) => peerOf(`2023/member-${i}.txt`, skeletonReport(o, 2023)));
    const members2022 = ['甲区示例局', '乙区示例局', '丙区示例局'].map((o, i) => peerOf(`2022/member-${i}.txt`, skeletonReport(o, 2022)));
    const region = peerOf('2023/region.txt', skeletonReport('示例市示例局', 2023));
    const region2022 = peerOf('2022/region.txt', skeletonReport('示例市示例局', 2022));
    const all = [...members, ...members2022, region, region2022];

    it('members named by file (relative paths) are the region’s members, with the tolerance', () => {
      const peers = pairReports(all, { aggregates: [{ report: '2023/region.txt', members: ['./2023/member-0.txt', '2023/member-1.txt', '2023\\member-2.txt'], tolerance: 2 }] });
      const p = peers.get('2023/region.txt')!;
      assert.deepEqual(p.members?.map((m) => m.file), ['2023/member-0.txt', '2023/member-1.txt', '2023/member-2.txt']);
      assert.equal(p.tolerance, 2);
      assert.equal(p.missingMembers, undefined);
      assert.equal(peers.get('2022/region.txt')?.members, undefined);
    });

    it('members named by organ take the report of the region’s year, for every year of the region', () => {
      const peers = pairReports(all, { aggregates: [{ report: '示例市示例局', members: ['甲区示例局', '乙区示例局', '丙区示例局'] }] });
      assert.deepEqual(peers.get('2023/region.txt')?.members?.map((m) => m.file), ['2023/member-0.txt', '2023/member-1.txt', '2023/member-2.txt']);
      assert.deepEqual(peers.get('2022/region.txt')?.members?.map((m) => m.file), ['2022/member-0.txt', '2022/member-1.txt', '2022/member-2.txt']);
      assert.equal(peers.get('2023/region.txt')?.tolerance, 0);
    });

    it('a resolver given by the caller decides what a config path names', () => {
      const resolve = (ref: string): string => `/abs/${ref}`;
      const abs = all.map((e) => ({ ...e, file: `/abs/${e.file}` }));
      const peers = pairReports(abs, { aggregates: [{ report: '2023/region.txt', members: ['2023/member-0.txt', '2023/member-9.txt'] }] }, { resolve });
      const p = peers.get('/abs/2023/region.txt')!;
      assert.deepEqual(p.members?.map((m) => m.file), ['/abs/2023/member-0.txt']);
      assert.deepEqual(p.missingMembers, ['2023/member-9.txt']);
    });
  });
});
