// The words of the arithmetic findings and of the hover: a Chinese message names rows and cells as
// the report prints them (「（五）不予处理 · 2.重复申请」, 「（七）总计 · 自然人」), never by an internal id,
// and the hover and the related locations call one relation by one name. English names the appeal
// groups with the same words everywhere. Variants are made here from the seeds and our example.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Cell, type Finding } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/ide/hover';
import { rowTitle } from '../../server/src/engine/schema/labels';
import { REQUEST_ROWS } from '../../server/src/engine/schema/tables';
import { readSeed, seedFiles, REPO_ROOT } from '../support/seeds';

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);

function mutate(text: string, changes: { cell: Cell; delta: number }[]): string {
  let out = text;
  for (const { cell, delta } of [...changes].sort((a, b) => b.cell.start - a.cell.start)) {
    out = out.slice(0, cell.start) + String((cell.value ?? 0) + delta) + out.slice(cell.end);
  }
  return out;
}

/** Reports to vary: every seed with readable tables, and our own example without mistakes. */
function reports(): { name: string; text: string }[] {
  const clean = path.join(REPO_ROOT, 'examples', 'clean-2024.txt');
  return [...seedFiles(), clean].map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}

/** Arithmetic findings of one- and two-cell changes, a fixed sample of each report's cells. */
function arithmeticFindings(): { name: string; finding: Finding }[] {
  const out: { name: string; finding: Finding }[] = [];
  for (const { name, text } of reports()) {
    const cells = check(text).report.tables.filter((t) => t.id !== 'proactive').flatMap((t) => t.cells).filter((c) => c.value !== null);
    for (let i = 0; i < cells.length; i += 7) {
      const variants = [[{ cell: cells[i], delta: 2 }], [{ cell: cells[i], delta: 2 }, { cell: cells[(i * 5 + 3) % cells.length], delta: 1 }]];
      for (const changes of variants) {
        if (changes.length === 2 && changes[0].cell === changes[1].cell) continue;
        for (const finding of check(mutate(text, changes)).findings) if (ARITHMETIC.has(finding.ruleId)) out.push({ name, finding });
      }
    }
  }
  return out;
}

describe('the words of arithmetic findings and hovers', () => {
  let sample: { name: string; finding: Finding }[];
  before(() => {
    sample = arithmeticFindings();
  });

  it('a Chinese message and its related locations carry no internal id, no English and no unshortened label', () => {
    assert.ok(sample.length > 100, `only ${sample.length} findings in the sample`);
    assert.ok(sample.some(({ finding }) => finding.data?.localized === 'tie'), 'the sample holds ties (findings on the relation)');
    for (const { name, finding } of sample) {
      for (const zh of [finding.message.zh, ...finding.related.map((r) => r.message.zh)]) {
        assert.doesNotMatch(zh, /[A-Za-z]/, `${name} ${finding.ruleId}: ${zh}`);
        assert.doesNotMatch(zh, /（区分处理的/, `${name} ${finding.ruleId}: ${zh}`);
      }
    }
  });

  it('a broken row total is named by the row as printed, its group numeral included', () => {
    const ties = sample.filter(({ finding }) => finding.ruleId === 'row-total' && finding.data?.localized !== 'unique');
    assert.ok(ties.length > 0, 'no row total reported on its relation in the sample');
    for (const { name, finding } of ties) {
      const printed = finding.data!.rows![0];
      assert.ok(finding.message.zh.startsWith(`「${printed}」的总计应为`), `${name}: ${finding.message.zh}`);
    }
    // The numbered rows of a group are named with it: 「（五）不予处理 · 2.重复申请」, never 「2.重复申请」 alone.
    const { text } = readSeed('004');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const r17 = requests.cells.find((c) => c.row === 'R17' && c.column === 'c1')!;
    const r17total = requests.cells.find((c) => c.row === 'R17' && c.column === 'c7')!;
    // Both the part and the total raised: the row still adds up, its column totals do not.
    const f = check(mutate(text, [{ cell: r17, delta: 1 }, { cell: r17total, delta: 1 }])).findings.filter((x) => ARITHMETIC.has(x.ruleId));
    assert.ok(f.length > 0);
    for (const x of f) {
      for (const zh of [x.message.zh, ...x.related.map((r) => r.message.zh)]) {
        // Each mention of the row comes with its group: 「（五）2.重复申请」 or 「（五）不予处理 · 2.重复申请」.
        assert.doesNotMatch(zh, /(?<!（五）|不予处理 · )2\.重复申请/, zh);
      }
    }
    assert.ok(f.some((x) => x.message.zh.includes('2.重复申请')), f.map((x) => x.message.zh).join('\n'));
  });

  it('the related locations name each relation as the hover does: the total cell, the balance in the order of its label', () => {
    const { text } = readSeed('004');
    const requests = check(text).report.tables.find((t) => t.id === 'requests')!;
    const total = requests.cells.find((c) => c.row === 'R1' && c.column === 'c7')!;
    const changed = mutate(text, [{ cell: total, delta: 5 }]);
    const { report, findings } = check(changed);
    const f = findings.find((x) => x.ruleId === 'row-total')!;
    const row = rowTitle(requests, total, 'zh');
    assert.equal(row, REQUEST_ROWS[requests.version].find((r) => r.id === 'R1')!.label, 'row 一 fits unshortened');
    const [rowLine, balanceLine] = f.related.map((r) => r.message.zh);
    assert.ok(rowLine.startsWith(`${row} · 总计：`), rowLine);
    assert.ok(balanceLine.startsWith('一 + 二 = 三（七）+ 四 · 总计：'), balanceLine);
    // The hover on the same cell says the balance with the same words.
    const cell = report.tables.find((t) => t.id === 'requests')!.cells.find((c) => c.row === 'R1' && c.column === 'c7')!;
    const hover = hoverAt(report, cell.start, 'zh')!.markdown;
    assert.match(hover, /一 \+ 二 = 三（七）\+ 四：/, hover);
    assert.doesNotMatch(hover, /\bR\d+\b|\bc\d\b/, hover);
  });

  it('English names an appeal group with the same words in the message and in the labels', () => {
    const groups = sample.filter(({ finding }) => finding.ruleId === 'appeals-total');
    assert.ok(groups.length > 0, 'no appeals-total finding in the sample');
    for (const { name, finding } of groups) {
      const row = finding.data!.cells![0].replace(/^appeals\//, '');
      const words = rowTitle({ id: 'appeals', version: '2021' }, { row, rowLabel: '' }, 'en');
      assert.ok(finding.message.en.includes(words), `${name}: “${words}” not in ${finding.message.en}`);
    }
  });
});
