// Which cell is wrong: one mistyped number is named on its cell and fix-all restores the report;
// where the relations cannot tell which cell it is, nothing is fixed automatically; fix-all never
// leaves more errors than it found. Reports: the seeds and the team's examples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyFixes, check, type Cell, type CheckOptions, type Finding } from '../../server/src/engine';
import { localizeReport } from '../../server/src/engine/fixes/localize';
import { typoWeight } from '../../server/src/engine/fixes/localize';
import { fixText } from '../../server/src/cli/fix';
import { REPO_ROOT, seedFiles } from '../support/seeds';
import { toCellPerLine, toOneLine, toSpaces } from '../support/forms';

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);
const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const reports = [
  ...seedFiles().map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') })),
  ...['clean-2024.txt', 'markdown-2023.md', 'mistakes-2024.txt'].map((name) => ({ name, text: example(name) })),
];

const replaceCell = (text: string, cell: Cell, value: string): string => text.slice(0, cell.start) + value + text.slice(cell.end);
const errors = (findings: Finding[]): number => findings.filter((f) => f.severity === 'error').length;

/**
 * Mistyped values of a cell: +1, and +2, its first two digits swapped, its first digit dropped.
 * PROPERTY_ALL=1 tries all of them on every cell; by default each cell gets +1 and one of the
 * others in turn (the suite stays fast on a shared machine; every kind is still tried on many cells).
 */
function mutations(value: number, turn: number): number[] {
  const s = String(value);
  const others = [value + 2];
  if (s.length >= 2 && s[0] !== s[1]) others.push(Number(s[1] + s[0] + s.slice(2)));
  if (s.length >= 2) others.push(Number(s.slice(1)));
  const out = process.env.PROPERTY_ALL ? [value + 1, ...others] : [value + 1, others[turn % others.length]];
  return [...new Set(out)].filter((v) => v !== value && v >= 0);
}

/** Fix-all as the CLI applies it: every fix, re-checked, until nothing changes. */
function fixAll(text: string, options: CheckOptions = {}): string {
  return fixText(text, options).text;
}

describe('error localization: which cell is wrong', () => {
  it('typo shapes: a digit changed, swapped, dropped or doubled weighs less than another change', () => {
    assert.equal(typoWeight(40, 38), 1);
    assert.equal(typoWeight(18, 16), 0.5);
    assert.equal(typoWeight(12, 21), 0.5);
    assert.equal(typoWeight(120, 12), 0.5);
    assert.equal(typoWeight(3, 33), 0.5);
    assert.equal(typoWeight(19, 21), 1);
    assert.equal(typoWeight(null, 5), 1);
  });

  it('every numeric cell of tables 2 and 3, mistyped: fix-all restores the report where the explanation is unique, and fixes nothing where it is not', function () {
    this.timeout(600000);
    let unique = 0;
    let restored = 0;
    let tied = 0;
    const failures: string[] = [];
    let turn = 0;
    for (const { name, text } of reports) {
      const base = check(text);
      const expected = fixAll(text);
      for (const t of base.report.tables) {
        if (t.id === 'proactive') continue;
        for (const cell of t.cells) {
          if (cell.state !== 'number' || cell.value === null) continue;
          for (const v of mutations(cell.value, turn++)) {
            const changed = replaceCell(text, cell, String(v));
            const result = check(changed);
            const mutated = result.report.tables.find((x) => x.id === t.id)?.cells.find((c) => c.row === cell.row && c.column === cell.column);
            if (!mutated || mutated.value !== v) continue; // the change made the row unreadable: table-shape speaks
            const decision = localizeReport(result.report).decisions.find((d) => d.explanations.some((e) => e.changes.some((ch) => ch.cell === mutated)));
            const where = `${name} ${cell.row}${cell.column ? ' ' + cell.column : ''} ${cell.value} → ${v}`;
            if (decision?.kind === 'unique') {
              unique++;
              // One round is fix-all most of the time; the CLI's rounds settle the rest.
              const once = applyFixes(changed, result.findings.filter((f) => f.fix).map((f) => f.fix!)).text;
              if (once === expected || fixAll(changed) === expected) restored++;
              else failures.push(`not restored: ${where}`);
            } else {
              tied++;
              // No automatic fix may touch the mistyped cell: which one is wrong is not known.
              const touching = result.findings.filter((f) => f.fix?.edits.some((e) => e.start < mutated.end && mutated.start < e.end));
              if (touching.length > 0) failures.push(`fixed without a unique explanation: ${where}`);
            }
          }
        }
      }
    }
    console.log(`      restored ${restored} of ${unique} mistyped cells with a unique explanation (${((100 * restored) / Math.max(1, unique)).toFixed(1)} %); ${tied} left to the author (tied or not explained)`);
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(unique > 1000, `enough cases (${unique})`);
  });

  for (const [form, render] of [['space-aligned', toSpaces], ['one cell per line', toCellPerLine], ['one line', toOneLine]] as const) {
    it(`the clean example as ${form}: every cell of tables 2 and 3 plus 1 is named and fix-all restores it where the explanation is unique`, function () {
      this.timeout(300000);
      const text = render(example('clean-2024.txt'));
      const base = check(text);
      let unique = 0;
      const failures: string[] = [];
      for (const t of base.report.tables) {
        if (t.id === 'proactive') continue;
        for (const cell of t.cells) {
          if (cell.state !== 'number' || cell.value === null) continue;
          const changed = replaceCell(text, cell, String(cell.value + 1));
          const result = check(changed);
          const mutated = result.report.tables.find((x) => x.id === t.id)?.cells.find((c) => c.row === cell.row && c.column === cell.column);
          if (!mutated || mutated.value !== cell.value + 1) continue;
          const decision = localizeReport(result.report).decisions.find((d) => d.explanations.some((e) => e.changes.some((ch) => ch.cell === mutated)));
          if (decision?.kind !== 'unique') continue;
          unique++;
          if (applyFixes(changed, result.findings.filter((f) => f.fix).map((f) => f.fix!)).text !== text) failures.push(`${cell.row} ${cell.column ?? ''}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(unique >= 150, `cells with a unique explanation: ${unique}`);
    });
  }

  it('two mistyped cells in different rows and columns: both named, and fix-all restores the report', () => {
    const text = example('clean-2024.txt');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const a = requests.cells.find((c) => c.row === 'R3' && c.column === 'c1')!; // 6
    const b = requests.cells.find((c) => c.row === 'R13' && c.column === 'c5')!; // 0
    const changed = replaceCell(replaceCell(text, b, '2'), a, '8');
    const { findings, report } = check(changed);
    const arithmetic = findings.filter((f) => ARITHMETIC.has(f.ruleId));
    assert.deepEqual(
      arithmetic.map((f) => [report.source.text.slice(f.start, f.end), f.data?.cells, f.data?.expected]),
      [
        ['8', ['requests/R3/c1'], 6],
        ['2', ['requests/R13/c5'], 0],
      ],
    );
    assert.match(arithmetic[0].message.zh, /^「（一）予以公开」的自然人很可能填错：写的是 8，按所在行的总计、所在列的（七）总计应为 6/);
    assert.match(arithmetic[1].message.zh, /^「（四）无法提供 · 1.本机关不掌握相关政府信息」的法律服务机构很可能填错/);
    assert.equal(fixAll(changed), text);
  });

  it('two errors whose rows and columns form a rectangle tie with the other diagonal: both offered, neither applied', () => {
    const text = example('clean-2024.txt');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    // （一） c1 6 → 8 and （四）1 c2 0 → 2: lowering （一） c2 and （四）1 c1 by 2 explains the same four relations.
    const a = requests.cells.find((c) => c.row === 'R3' && c.column === 'c1')!;
    const b = requests.cells.find((c) => c.row === 'R13' && c.column === 'c2')!;
    const changed = replaceCell(replaceCell(text, b, '2'), a, '8');
    const { findings } = check(changed);
    const arithmetic = findings.filter((f) => ARITHMETIC.has(f.ruleId));
    assert.deepEqual(arithmetic.map((f) => f.data?.relation).sort(), ['results-total/c1', 'results-total/c2', 'row-total/R13', 'row-total/R3']);
    assert.ok(arithmetic.every((f) => f.fix === undefined && f.alternatives?.length === 2));
    const restoring = arithmetic[0].alternatives!.filter((alt) => applyFixes(changed, [alt]).text === text);
    assert.equal(restoring.length, 1);
    assert.equal(fixAll(changed), changed);
  });

  it('two errors in one row that cancel in its total are found through the two columns they break', () => {
    const text = example('clean-2024.txt');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const c1 = requests.cells.find((c) => c.row === 'R3' && c.column === 'c1')!; // 6
    const c2 = requests.cells.find((c) => c.row === 'R3' && c.column === 'c2')!; // 2
    const changed = replaceCell(replaceCell(text, c2, '3'), c1, '5');
    const decision = localizeReport(check(changed).report).decisions[0];
    assert.equal(decision.kind, 'unique');
    assert.deepEqual(decision.explanations[0].changes.map((ch) => [ch.cell.row, ch.cell.column, ch.from, ch.to]), [
      ['R3', 'c1', 5, 6],
      ['R3', 'c2', 3, 2],
    ]);
    assert.equal(fixAll(changed), text);
  });

  it('the example with mistakes: --fix leaves no arithmetic error it can explain, and adds no finding', () => {
    const text = example('mistakes-2024.txt');
    const before = check(text);
    const after = check(fixAll(text));
    const left = after.findings.filter((f) => ARITHMETIC.has(f.ruleId));
    assert.deepEqual(left.map((f) => f.message.zh), []);
    const count = (fs: Finding[]) => fs.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
    const was = count(before.findings);
    for (const [rule, n] of count(after.findings)) assert.ok(n <= (was.get(rule) ?? 0) || rule === 'problems-and-measures', `${rule}: ${n} after, ${was.get(rule) ?? 0} before`);
    assert.ok(errors(after.findings) < errors(before.findings));
  });

  it('fix-all never leaves more errors than it found, and re-checking finds none of the cells it fixed (random mistypes, several cells)', function () {
    this.timeout(600000);
    const corpus = reports.filter((r) => check(r.text).report.tables.some((t) => t.id === 'requests' && t.readable));
    const cellsOf = corpus.map((r) => check(r.text).report.tables.filter((t) => t.id !== 'proactive').flatMap((t) => t.cells.filter((c) => c.state === 'number')));
    fc.assert(
      fc.property(
        fc.nat(corpus.length - 1),
        fc.array(fc.record({ at: fc.nat(), delta: fc.integer({ min: -3, max: 12 }) }), { minLength: 1, maxLength: 4 }),
        (which, changes) => {
          const cells = cellsOf[which];
          const picked = new Map<Cell, number>();
          for (const ch of changes) {
            const c = cells[ch.at % cells.length];
            picked.set(c, Math.max(0, (c.value ?? 0) + ch.delta));
          }
          let text = corpus[which].text;
          for (const [c, v] of [...picked].sort((x, y) => y[0].start - x[0].start)) text = replaceCell(text, c, String(v));
          const before = check(text);
          const outcome = fixText(text, {});
          assert.ok(errors(outcome.result.findings) <= errors(before.findings), `errors ${errors(before.findings)} → ${errors(outcome.result.findings)}`);
          // A cell a fix wrote is not flagged again.
          const fixed = new Set(outcome.applied.filter((a) => ARITHMETIC.has(a.finding.ruleId)).flatMap((a) => (a.finding.data?.cells as string[]) ?? []));
          const again = outcome.result.findings.filter((f) => ARITHMETIC.has(f.ruleId) && f.data?.localized === 'unique').flatMap((f) => (f.data?.cells as string[]) ?? []);
          assert.deepEqual(again.filter((c) => fixed.has(c)), []);
        },
      ),
      { seed: 20261201, numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it('a relation whose rule is off takes no part: without the balance, a mistyped 一 ties across its row and nothing is fixed', () => {
    const text = example('clean-2024.txt');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const cell = requests.cells.find((c) => c.row === 'R1' && c.column === 'c1')!; // 12
    const changed = replaceCell(text, cell, '14');
    const on = check(changed).findings.filter((f) => ARITHMETIC.has(f.ruleId));
    assert.deepEqual(on.map((f) => [f.ruleId, f.data?.cells]), [['row-total', ['requests/R1/c1']]]);
    const options: CheckOptions = { rules: { balance: 'off' } };
    const off = check(changed, options).findings.filter((f) => ARITHMETIC.has(f.ruleId));
    assert.deepEqual(off.map((f) => [f.ruleId, f.data?.cells, f.fix]), [['row-total', ['requests/R1/c7'], undefined]]);
    assert.match(off[0].message.zh, /无法确定是哪一格填错/);
    assert.ok((off[0].alternatives?.length ?? 0) >= 2, 'each candidate is a quick fix');
    assert.equal(fixAll(changed, options), changed, 'fix-all leaves a tie alone');
  });

  it('an empty total whose parts are not all 0 is a missing total with its value, reported once', () => {
    const text = example('clean-2024.txt');
    const changed = text.replace('（一）予以公开\t\t6\t2\t0\t0\t0\t0\t8', '（一）予以公开\t\t6\t2\t0\t0\t0\t0\t-');
    const { findings } = check(changed);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message.zh]), [
      ['row-total', '「（一）予以公开」的总计未填写，按本行六列之和、所在列的（七）总计应为 8；填入 8 后这 2 个关系都成立'],
    ]);
    assert.equal(fixAll(changed), text);
    // With the arithmetic off, the empty cell is still reported as empty.
    const off = check(changed, { rules: { 'row-total': 'off' } }).findings.map((f) => f.ruleId);
    assert.ok(off.includes('empty-cell'));
  });

  it('an empty part counts as 0: a total over 26, empty, empty … is still checked and explained', () => {
    const text = example('clean-2024.txt');
    // 一、本年新收: 12 3 0 0 1 0 | 16 → 12 3 — — 1 0 | 16 still holds; 12 — — — 1 0 | 16 names the emptied 3.
    const holds = text.replace('\t\t\t12\t3\t0\t0\t1\t0\t16', '\t\t\t12\t3\t-\t-\t1\t0\t16');
    assert.deepEqual(check(holds).findings.filter((f) => ARITHMETIC.has(f.ruleId)), []);
    const missing = text.replace('\t\t\t12\t3\t0\t0\t1\t0\t16', '\t\t\t12\t-\t-\t-\t1\t0\t16');
    const f = check(missing).findings.filter((x) => ARITHMETIC.has(x.ruleId));
    assert.deepEqual(f.map((x) => [x.data?.cells, x.data?.expected]), [[['requests/R1/c2'], 3]]);
  });

  it('the prose as a witness: with the table consistent, a disagreeing 收到申请N件 is the error and its fix edits the prose', () => {
    const text = example('clean-2024.txt');
    const changed = text.replace('共收到政府信息公开申请16件', '共收到政府信息公开申请61件');
    const f = check(changed).findings.filter((x) => x.fix);
    assert.deepEqual(f.map((x) => [x.ruleId, changed.slice(x.start, x.end), x.fix!.edits.map((e) => e.newText)]), [['text-table-mismatch', '61', ['16']]]);
    assert.equal(fixAll(changed), text);
  });

  it('the prose as a witness chooses among tied explanations: 被申请行政复议1件 says the total is right', () => {
    const text = example('clean-2024.txt');
    const appeals = check(text).report.tables.find((t) => t.id === 'appeals')!;
    const a1 = appeals.cells.find((c) => c.row === 'A1')!; // 1 of 1 0 0 0 | 1
    const changed = replaceCell(text, a1, '2');
    const f = check(changed).findings.filter((x) => ARITHMETIC.has(x.ruleId));
    assert.deepEqual(f.map((x) => [x.data?.cells, x.data?.expected]), [[['appeals/A1'], 1]]);
    assert.equal(fixAll(changed), text);
    // Without the prose figure the part and the total tie.
    const noProse = changed.replace('被申请行政复议1件', '被申请行政复议');
    const g = check(noProse).findings.filter((x) => ARITHMETIC.has(x.ruleId));
    assert.deepEqual(g.map((x) => [x.data?.cells, x.fix, x.alternatives?.length]), [[['appeals/A5'], undefined, 2]]);
  });
});
