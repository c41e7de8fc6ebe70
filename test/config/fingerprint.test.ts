// Fingerprints of findings, as properties over the seeds, the team's examples and mutations of
// them made here: a fingerprint survives lines inserted above its finding and changes to cells of
// other tables, and dies when the finding is fixed. Equal findings are told apart by their order.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, check, type CheckResult, type Finding, fingerprints, suppressFindings } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';

const FILE = 'province/2023/report.txt';
const PROSE_LINE = '本机关持续做好政府信息公开工作。';

interface Sample {
  name: string;
  text: string;
}

/** Replace the text of a span. */
const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

/** The first number cell of a table, for a mutation. */
function numberCell(r: CheckResult, table: string) {
  return r.report.tables.find((t) => t.id === table)?.cells.find((c) => c.state === 'number' && c.end > c.start);
}

/** Seeds and examples, and each seed with one requests cell raised by 7 (arithmetic findings on cells). */
function samples(): Sample[] {
  const out: Sample[] = [];
  const files = [...seedFiles(), ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(REPO_ROOT, 'examples', f))];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    out.push({ name: path.basename(file), text });
    const r = check(text);
    const cells = r.report.tables.find((t) => t.id === 'requests')?.cells.filter((c) => c.state === 'number' && c.end > c.start) ?? [];
    // A detail cell (not the first, which may be a total): localization points at it.
    const cell = cells[Math.min(3, cells.length - 1)];
    if (cell) out.push({ name: `${path.basename(file)} with ${cell.row}/${cell.column} + 7`, text: splice(text, cell.start, cell.end, String((cell.value ?? 0) + 7)) });
  }
  return out;
}

/** Start of the line holding `offset`. */
const lineStart = (text: string, offset: number): number => Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);

/** Where to insert a line "above" a finding: above its table when it is in one, else above its own line. */
function above(r: CheckResult, f: Finding): number {
  const table = r.report.tables.find((t) => f.start >= t.start && f.start < t.end);
  return lineStart(r.report.source.text, table ? table.start : f.start);
}

function printsOf(text: string): { result: CheckResult; prints: string[] } {
  const result = check(text);
  return { result, prints: fingerprints(result.findings, text, FILE) };
}

describe('fingerprints of findings', () => {
  const all = samples();

  it('the samples have findings of many rules, on cells and on prose', () => {
    const findings = all.flatMap((s) => check(s.text).findings);
    assert.ok(new Set(findings.map((f) => f.ruleId)).size >= 8, [...new Set(findings.map((f) => f.ruleId))].join());
    assert.ok(findings.filter((f) => f.data?.cells?.length).length >= 5, 'findings on cells');
    assert.ok(findings.filter((f) => !f.data?.cells?.length).length >= 10, 'findings on prose');
  });

  for (const s of all) {
    describe(s.name, () => {
      const { result, prints } = printsOf(s.text);

      it('are 16 hex digits, distinct within the file', () => {
        for (const p of prints) assert.match(p, /^[0-9a-f]{16}$/);
        assert.equal(new Set(prints).size, prints.length);
      });

      it('survive lines inserted above the finding', () => {
        result.findings.forEach((f, i) => {
          const at = above(result, f);
          const edited = splice(s.text, at, at, `${PROSE_LINE}\n${PROSE_LINE}\n`);
          assert.ok(printsOf(edited).prints.includes(prints[i]), `${f.ruleId} at ${f.start}: ${f.message.en}`);
        });
      });

      it('survive a change to a cell of another table', () => {
        result.findings.forEach((f, i) => {
          const own = result.report.tables.find((t) => f.start >= t.start && f.start < t.end)?.id;
          const other = (['appeals', 'proactive', 'requests'] as const).find((t) => t !== own && numberCell(result, t));
          if (!other) return;
          const cell = numberCell(result, other)!;
          const edited = splice(s.text, cell.start, cell.end, String((cell.value ?? 0) + 1));
          assert.ok(printsOf(edited).prints.includes(prints[i]), `${f.ruleId} at ${f.start} after ${cell.table}/${cell.row} changed`);
        });
      });

      it('die with the finding: once its fix is applied, nothing carries its fingerprint', () => {
        result.findings.forEach((f, i) => {
          if (!f.fix) return;
          const fixed = applyEdits(s.text, f.fix.edits).text;
          assert.ok(!printsOf(fixed).prints.includes(prints[i]), `${f.ruleId} at ${f.start} is still fingerprinted after its fix`);
        });
      });

      it('name the file: the same finding in another file has another fingerprint', () => {
        const elsewhere = fingerprints(result.findings, s.text, 'province/2024/report.txt');
        elsewhere.forEach((p, i) => assert.notEqual(p, prints[i]));
      });
    });
  }

  it('the mutated cells give arithmetic findings that die when the cell is set back', () => {
    const seed = fs.readFileSync(seedFiles()[0], 'utf8');
    const r = check(seed);
    const cell = r.report.tables.find((t) => t.id === 'requests')!.cells.filter((c) => c.state === 'number')[3];
    const wrong = splice(seed, cell.start, cell.end, String((cell.value ?? 0) + 7));
    const { result, prints } = printsOf(wrong);
    const onCell = result.findings.findIndex((f) => f.start === cell.start && f.data?.cells?.length);
    assert.ok(onCell >= 0, 'localization points at the mutated cell');
    const back = printsOf(seed).prints;
    assert.ok(!back.includes(prints[onCell]));
  });

  it('equal findings are told apart by their order, and suppressing the second leaves the first', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
    const r = check(text);
    const f = r.findings.find((x) => x.ruleId === 'placeholder');
    assert.ok(f, 'the example has an unfilled placeholder');
    // The same line again, further down: the same rule finds the same text in the same context.
    const ls = lineStart(text, f.start);
    const le = text.indexOf('\n', f.start);
    const line = text.slice(ls, le + 1);
    const twice = text.slice(0, le + 1) + line + text.slice(le + 1);
    const { result, prints } = printsOf(twice);
    const both = result.findings.map((x, i) => ({ x, p: prints[i] })).filter(({ x }) => x.ruleId === 'placeholder' && twice.slice(x.start, x.end) === text.slice(f.start, f.end));
    assert.equal(both.length, 2);
    assert.notEqual(both[0].p, both[1].p);
    const { kept, suppressed } = suppressFindings(result.findings, twice, FILE, [{ fingerprint: both[1].p, rule: 'placeholder', file: FILE }]);
    assert.deepEqual(suppressed.map((s) => s.finding), [both[1].x]);
    assert.ok(kept.includes(both[0].x) && !kept.includes(both[1].x));
    assert.equal(kept.length, result.findings.length - 1);
  });
});
