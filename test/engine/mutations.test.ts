// Change one number in a seed's tables: the checker must name that cell, once, with the relations
// it breaks — and nothing else. The relations are written out per kind of cell from the table
// design (spec §4.3–4.4), not computed by the engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, type Cell } from '../../server/src/engine';
import { seedFiles } from '../support/seeds';

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);
const DETAIL_ROWS = ['R3', 'R4', 'R5', 'R8', 'R12', 'R13', 'R15', 'R16', 'R20', 'R21', 'R22', 'R23'];

/** The relations (ids row-total/R…, results-total/c…, balance/c…) a change to a requests cell breaks. */
function relationsBrokenBy(row: string, column: string): string[] {
  const out = [`row-total/${row}`];
  if (DETAIL_ROWS.includes(row)) out.push(`results-total/${column}`);
  if (row === 'R24') out.push(`results-total/${column}`, `balance/${column}`);
  if (row === 'R1' || row === 'R2' || row === 'R25') out.push(`balance/${column}`);
  // Changing a total cell c7 breaks the same relations as any other cell of its row.
  return [...new Set(out)].sort();
}

function expectedForAppeals(id: string): string[] {
  return [`appeals-total@${id[0]}5/`];
}

function mutate(text: string, cell: Cell, delta: number): string {
  return text.slice(0, cell.start) + String((cell.value ?? 0) + delta) + text.slice(cell.end);
}

function arithmeticKeys(text: string): string[] {
  const { report, findings } = check(text);
  const cells = report.tables.flatMap((t) => t.cells);
  return findings
    .filter((f) => ARITHMETIC.has(f.ruleId))
    .map((f) => {
      const at = cells.find((c) => c.start === f.start && c.end === f.end);
      assert.ok(at, `finding ${f.ruleId} does not sit on a table cell`);
      return `${f.ruleId}@${at.row}/${at.column ?? ''}`;
    })
    .sort();
}

describe('mutations: one changed number is named on its cell with exactly the relations it breaks', () => {
  for (const file of seedFiles()) {
    const name = path.basename(file);
    const text = fs.readFileSync(file, 'utf8');
    const { report } = check(text);
    const requests = report.tables.find((t) => t.id === 'requests');
    if (requests?.readable) {
      for (const row of ['R1', 'R2', 'R3', 'R4', 'R8', 'R15', 'R20', 'R22', 'R23', 'R24', 'R25']) {
        for (const column of ['c1', 'c4', 'c7']) {
          it(`${name}: requests ${row}/${column} + 3 is named on that cell with the relations it breaks`, () => {
            const cell = requests.cells.find((c) => c.row === row && c.column === column)!;
            const changed = mutate(text, cell, 3);
            // Every relation it breaks runs through it, so it is the one explanation: one finding, on it.
            assert.deepEqual(arithmeticKeys(changed), [`row-total@${row}/${column}`]);
            const f = check(changed).findings.find((x) => ARITHMETIC.has(x.ruleId))!;
            assert.deepEqual([...(f.data?.relations as string[])].sort(), relationsBrokenBy(row, column));
            assert.equal(f.data?.expected, cell.value ?? 0);
            assert.equal(f.data?.actual, (cell.value ?? 0) + 3);
            assert.deepEqual(f.data?.cells, [`requests/${row}/${column}`]);
            assert.equal(applyFixes(changed, [f.fix!]).text, text, 'its fix restores the seed');
          });
        }
      }
    }
    const appeals = report.tables.find((t) => t.id === 'appeals');
    if (appeals) {
      for (const id of ['A1', 'A4', 'A5', 'B2', 'B5', 'C3', 'C5']) {
        const cell = appeals.cells.find((c) => c.row === id)!;
        if (cell.state !== 'number') continue;
        it(`${name}: appeals ${id} + 2`, () => {
          const changed = mutate(text, cell, 2);
          assert.deepEqual(arithmeticKeys(changed), expectedForAppeals(id));
          // One relation per group, and the other parts are 0 (they cannot go below 0): a raised
          // part ties with the total raised to the new sum, a raised total with each part raised.
          // No automatic fix; each candidate is offered and one of them restores the seed.
          const others = appeals.cells.filter((c) => c.row[0] === id[0] && c.row !== id && !c.row.endsWith('5'));
          if (!others.every((c) => c.value === 0)) return;
          const f = check(changed).findings.find((x) => ARITHMETIC.has(x.ruleId))!;
          assert.equal(f.fix, undefined, 'a tie is never fixed automatically');
          assert.equal(f.alternatives?.length, id.endsWith('5') ? 5 : 2);
          assert.equal(f.alternatives!.filter((a) => applyFixes(changed, [a]).text === text).length, 1, 'one candidate restores the seed');
        });
      }
    }
  }

  it('the message names the cell, its written and implied value, and the related locations spell each broken relation', () => {
    const file = seedFiles().find((f) => path.basename(f).startsWith('004'))!;
    const text = fs.readFileSync(file, 'utf8');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const total = requests.cells.find((c) => c.row === 'R1' && c.column === 'c7')!;
    const changed = mutate(text, total, 5); // 4 → 9
    const { findings, report } = check(changed);
    const f = findings.find((x) => x.ruleId === 'row-total')!;
    assert.equal(
      f.message.zh,
      '「一、本年新收政府信息公开申请数量」的总计很可能填错：写的是 9，按本行六列之和、本列「一 + 二 = 三（七）+ 四」应为 4；改为 4 后这 2 个关系都成立',
    );
    assert.match(f.message.en, /\(R1 c7\) is probably mistyped: it says 9, .* imply 4/);
    assert.equal(report.source.text.slice(f.start, f.end), '9');
    assert.deepEqual(
      f.related.map((r) => r.message.zh),
      ['一、本年新收政府信息公开申请数量 · 总计：9 ≠ 4 + 0 + 0 + 0 + 0 + 0', '一 + 二 = 三（七）+ 四 · 总计：9 + 0 ≠ 4 + 0'],
    );
    // The row's relation is shown at its first part (the total is the finding itself), the balance at 四.
    const r25 = requests.cells.find((c) => c.row === 'R25' && c.column === 'c7')!;
    assert.deepEqual(f.related.map((r) => r.start), [requests.cells.find((c) => c.row === 'R1' && c.column === 'c1')!.start, r25.start]);
  });

  it('the total fix restores the seed exactly, and a second application changes nothing', () => {
    for (const file of seedFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const requests = check(text).report.tables.find((t) => t.id === 'requests');
      if (!requests?.readable) continue;
      const total = requests.cells.find((c) => c.row === 'R13' && c.column === 'c7')!;
      const broken = mutate(text, total, 7);
      const fixes = check(broken).findings.filter((f) => f.ruleId === 'row-total' && f.fix).map((f) => f.fix!);
      const once = applyFixes(broken, fixes).text;
      assert.equal(once, text, path.basename(file));
      assert.equal(applyFixes(once, fixes).text, once);
    }
  });
});
