// The check plan of a folder (server/src/cli/pipeline/plan.ts): groups of files that read each
// other's facts, peers before the reports that read them, and the facts kept exactly as long as a
// later check of the group reads them.
import * as assert from 'node:assert/strict';
import type { PairingEntry } from '../../server/src/engine';
import { planChecks, type Step } from '../../server/src/cli/pipeline/plan';

const entry = (file: string, organ: string | null, year: number | null): PairingEntry => ({ file, facts: { organ, organKey: organ, year } });

/** Each group as `file(keep; release…)` strings, for one readable comparison. */
const shape = (groups: Step[][]): string[][] =>
  groups.map((g) => g.map((s) => `${s.file}${s.keep ? '+' : ''}${s.release.length ? ` −${s.release.join(',')}` : ''}`));

describe('cli plan: groups, order and the facts kept', () => {
  it('a body’s years form one group, oldest first, each year’s facts kept until next year’s check', () => {
    // Files in name order; the years of body A are not in file order.
    const entries = [entry('a-2023.txt', 'A', 2023), entry('a-2021.txt', 'A', 2021), entry('a-2022.txt', 'A', 2022), entry('b-2023.txt', 'B', 2023), entry('c.txt', null, null)];
    const { groups } = planChecks(entries, {}, true);
    assert.deepEqual(shape(groups), [['a-2021.txt+', 'a-2022.txt+ −a-2021.txt', 'a-2023.txt −a-2022.txt'], ['b-2023.txt'], ['c.txt']]);
    assert.equal(groups[0][2].peers.previous, 'a-2022.txt');
    assert.equal(groups[0][0].peers.previous, undefined);
  });

  it('twins name each other but read no facts of each other: two groups', () => {
    const { groups } = planChecks([entry('x.txt', 'A', 2023), entry('y.txt', 'A', 2023)], {}, true);
    assert.deepEqual(shape(groups), [['x.txt'], ['y.txt']]);
    assert.deepEqual(groups[0][0].peers.sameYear, ['y.txt']);
    assert.deepEqual(groups[1][0].peers.sameYear, ['x.txt']);
  });

  it('an aggregate joins its members (and their last years) into the region’s group, members first', () => {
    const entries = [entry('city.txt', '市', 2023), entry('d1-2022.txt', '甲区', 2022), entry('d1.txt', '甲区', 2023), entry('d2.txt', '乙区', 2023), entry('other.txt', '丙县', 2023)];
    const desk = { aggregates: [{ report: 'city.txt', members: ['d1.txt', 'd2.txt', 'd3.txt'] }] };
    const { groups } = planChecks(entries, desk, true);
    assert.deepEqual(shape(groups), [['d1-2022.txt+', 'd1.txt+ −d1-2022.txt', 'd2.txt+', 'city.txt −d1.txt,d2.txt'], ['other.txt']]);
    const city = groups[0][3].peers;
    assert.deepEqual(city.members, ['d1.txt', 'd2.txt']);
    assert.deepEqual(city.missingMembers, ['d3.txt']);
  });

  it('a cycle a config makes (each region a member of the other) is cut: every file once, the group whole', () => {
    const entries = [entry('p.txt', 'P', 2023), entry('q.txt', 'Q', 2023)];
    const desk = { aggregates: [{ report: 'p.txt', members: ['q.txt'] }, { report: 'q.txt', members: ['p.txt'] }] };
    const { groups } = planChecks(entries, desk, true);
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0].map((s) => s.file).sort(), ['p.txt', 'q.txt']);
  });

  it('without pairing (extract) every file is a group of its own, in file order', () => {
    const entries = [entry('a-2022.txt', 'A', 2022), entry('a-2023.txt', 'A', 2023)];
    assert.deepEqual(shape(planChecks(entries, {}, false).groups), [['a-2022.txt'], ['a-2023.txt']]);
  });
});
