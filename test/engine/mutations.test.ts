// Change one number in a seed's tables: the checker must flag exactly the relations that number
// takes part in, on their total cells — and nothing else. The expectations are written out per
// kind of cell from the table design (spec §4.3–4.4), not computed by the engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, type Cell } from '../../server/src/engine';
import { seedFiles } from '../support/seeds';

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);
const DETAIL_ROWS = ['R3', 'R4', 'R5', 'R8', 'R12', 'R13', 'R15', 'R16', 'R20', 'R21', 'R22', 'R23'];

/** Which findings (rule @ row/column of the flagged total) a change to a requests cell must raise. */
function expectedForRequests(row: string, column: string): string[] {
  const out = [`row-total@${row}/c7`];
  if (DETAIL_ROWS.includes(row)) out.push(`results-total@R24/${column}`);
  if (row === 'R24') out.push(`results-total@R24/${column}`, `balance@R25/${column}`);
  if (row === 'R1' || row === 'R2' || row === 'R25') out.push(`balance@R25/${column}`);
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

describe('mutations: one changed number flags exactly the relations it breaks', () => {
  for (const file of seedFiles()) {
    const name = path.basename(file);
    const text = fs.readFileSync(file, 'utf8');
    const { report } = check(text);
    const requests = report.tables.find((t) => t.id === 'requests');
    if (requests?.readable) {
      for (const row of ['R1', 'R2', 'R3', 'R4', 'R8', 'R15', 'R20', 'R22', 'R23', 'R24', 'R25']) {
        for (const column of ['c1', 'c4', 'c7']) {
          it(`${name}: requests ${row}/${column} + 3`, () => {
            const cell = requests.cells.find((c) => c.row === row && c.column === column)!;
            assert.deepEqual(arithmeticKeys(mutate(text, cell, 3)), expectedForRequests(row, column));
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
          assert.deepEqual(arithmeticKeys(mutate(text, cell, 2)), expectedForAppeals(id));
        });
      }
    }
  }

  it('the message spells the arithmetic and the related cells are the summed ones', () => {
    const file = seedFiles().find((f) => path.basename(f).startsWith('004'))!;
    const text = fs.readFileSync(file, 'utf8');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const total = requests.cells.find((c) => c.row === 'R1' && c.column === 'c7')!;
    const changed = mutate(text, total, 5); // 4 → 9
    const { findings, report } = check(changed);
    const f = findings.find((x) => x.ruleId === 'row-total')!;
    assert.equal(f.message.zh, '「一、本年新收政府信息公开申请数量」的总计应为 4（4 + 0 + 0 + 0 + 0 + 0），实为 9');
    assert.equal(report.source.text.slice(f.start, f.end), '9');
    assert.deepEqual(
      f.related.map((r) => report.source.text.slice(r.start, r.end)),
      ['4', '0', '0', '0', '0', '0'],
    );
    assert.equal(new Set(f.related.map((r) => report.source.lines.positionAt(r.start).line)).size, 6, 'six different lines in the one-cell-per-line layout');
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
