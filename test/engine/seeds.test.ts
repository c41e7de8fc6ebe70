// Acceptance: each seed yields exactly the findings of the hand-written expected files (spec §6).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';

interface Expected {
  line: number;
  rule: string;
  severity: string;
}

const EXPECTED_DIR = path.join(REPO_ROOT, 'test', 'engine', 'expected');
const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);

describe('seeds: exact expected findings', () => {
  for (const file of seedFiles()) {
    const prefix = path.basename(file).slice(0, 3);
    it(`${path.basename(file)} yields exactly test/engine/expected/${prefix}.json`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const { report, findings, ruleFailures } = check(text);
      const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, `${prefix}.json`), 'utf8'));
      const actual = findings.map((f) => ({
        line: report.source.lines.positionAt(f.start).line + 1,
        rule: f.ruleId,
        severity: f.severity,
      }));
      const key = (e: Expected) => `${e.line} ${e.rule} ${e.severity}`;
      assert.deepEqual(actual.map(key).sort(), expected.map(key).sort(), findings.map((f) => `${f.ruleId}: ${f.message.zh}`).join('\n'));
      assert.deepEqual(ruleFailures, [], 'no rule threw');
    });
  }

  it('no seed has an arithmetic finding (their tables add up)', () => {
    for (const file of seedFiles()) {
      const { findings } = check(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(findings.filter((f) => ARITHMETIC.has(f.ruleId)), [], path.basename(file));
    }
  });

  it('reads every seed’s structure: six sections in order and three tables', () => {
    for (const file of seedFiles()) {
      const { report } = check(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], path.basename(file));
      assert.deepEqual(report.tables.map((t) => t.id), ['proactive', 'requests', 'appeals'], path.basename(file));
    }
  });

  it('detects year and format version of every seed', () => {
    const got = seedFiles().map((f) => {
      const { report } = check(fs.readFileSync(f, 'utf8'));
      return `${path.basename(f).slice(0, 3)} ${report.year} ${report.formatVersion}`;
    });
    assert.deepEqual(got, ['000 2023 2021', '001 2023 2021', '002 2023 2021', '003 2020 2019', '004 2023 2021']);
  });

  it('reads the figures of seed 004 (web copy, one cell per line) as printed', () => {
    const file = seedFiles().find((f) => path.basename(f).startsWith('004'))!;
    const { report } = check(fs.readFileSync(file, 'utf8'));
    const requests = report.tables.find((t) => t.id === 'requests')!;
    assert.equal(requests.cells.length, 175);
    const row = (id: string) => requests.cells.filter((c) => c.row === id).map((c) => c.value);
    assert.deepEqual(row('R1'), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(row('R3'), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(row('R24'), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(row('R25'), [0, 0, 0, 0, 0, 0, 0]);
    const proactive = report.tables.find((t) => t.id === 'proactive')!;
    const v = (row: string, col: string) => proactive.cells.find((c) => c.row === row && c.column === col)?.value;
    assert.equal(v('行政规范性文件', '本年制发件数'), 1);
    assert.equal(v('行政规范性文件', '现行有效件数'), 2);
    assert.equal(v('行政许可', '本年处理决定数量'), 92);
    // Each cell's range holds exactly its digits in the original text.
    for (const c of [...requests.cells, ...proactive.cells]) assert.equal(report.source.text.slice(c.start, c.end), String(c.value));
  });

  it('reads seed 003’s old-format table 1 including the signed 本年增/减 and leaves its broken rows unread', () => {
    const file = seedFiles().find((f) => path.basename(f).startsWith('003'))!;
    const { report } = check(fs.readFileSync(file, 'utf8'));
    const t1 = report.tables.find((t) => t.id === 'proactive')!;
    assert.equal(t1.version, '2019');
    const v = (row: string, col: string) => t1.cells.find((c) => c.row === row && c.column === col)?.value;
    assert.equal(v('其他对外管理服务事项', '本年增/减'), -1);
    assert.equal(v('行政许可', '处理决定数量'), 4);
    assert.equal(v('行政处罚', '上一年项目数量'), 8);
    const t2 = report.tables.find((t) => t.id === 'requests')!;
    assert.equal(t2.readable, false);
    assert.deepEqual([...new Set(t2.cells.map((c) => c.row))], ['R1', 'R2']);
    const t3 = report.tables.find((t) => t.id === 'appeals')!;
    assert.deepEqual(t3.cells.map((c) => c.state === 'empty'), [true, true, true, true, true, ...Array(10).fill(false)]);
  });
});
