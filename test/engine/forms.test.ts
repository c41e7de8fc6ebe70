// The same report in the forms it arrives in — one line of crawled text, tab rows with empty cells
// instead of zeros, pdftotext -layout output — reads to the same cells and the same arithmetic
// findings, and a mistyped cell is found on that cell in every form. The forms are rendered at run
// time from the team's examples and the seeds (test/support/forms.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check, type CheckResult, textDocument } from '../../server/src/engine';
import { toOneLine, toPdfLayout, toTabEmpties } from '../support/forms';
import { REPO_ROOT, seedFiles } from '../support/seeds';

const EXAMPLES = ['clean-2024.txt', 'mistakes-2024.txt'].map((f) => ({ name: f, text: fs.readFileSync(path.join(REPO_ROOT, 'examples', f), 'utf8') }));
const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total']);

/** Every cell as table/item/row/column = value; an empty cell reads as 0 (spec T2.5), as it counts. */
function cells(r: CheckResult): string[] {
  return r.report.tables.flatMap((t) => t.cells.map((c) => `${t.id}/${c.item ?? ''}/${c.row}/${c.column}=${c.value ?? 0}`));
}

function arithmetic(r: CheckResult): string[] {
  return r.findings.filter((f) => ARITHMETIC.has(f.ruleId)).map((f) => `${f.ruleId} ${(f.data?.cells ?? []).join(',')}`);
}

const FORMS = [
  ['one line, cells separated by a space', (t: string) => toOneLine(t, ' ')],
  ['tab rows with empty cells instead of zeros', toTabEmpties],
  ['pdftotext -layout (group labels in the middle, wrapped labels, page footer)', toPdfLayout],
] as const;

describe('forms: one report in every form reads the same', () => {
  for (const ex of EXAMPLES) {
    const base = check(ex.text);
    for (const [name, render] of FORMS) {
      it(`${ex.name} as ${name}: same cells, same arithmetic findings, same structure`, () => {
        const r = check(render(ex.text));
        assert.deepEqual(cells(r), cells(base));
        assert.deepEqual(arithmetic(r), arithmetic(base));
        assert.deepEqual(r.report.sections.map((s) => s.number), base.report.sections.map((s) => s.number));
        assert.equal(r.report.year, base.report.year);
        assert.equal(r.report.formatVersion, base.report.formatVersion);
        assert.deepEqual(r.report.tables.map((t) => [t.id, t.reading]), base.report.tables.map((t) => [t.id, t.reading]));
      });
    }
  }

  it('the one-line form is read as one-line text, and its title and signing date are found', () => {
    const r = check(toOneLine(EXAMPLES[0].text, ' '));
    const base = check(EXAMPLES[0].text);
    assert.equal(r.report.document.form, 'one-line');
    assert.equal(r.report.title?.text, base.report.title?.text.replace(/\s/g, ''));
    assert.deepEqual(r.report.signingDate?.date, base.report.signingDate?.date);
  });

  for (const file of seedFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const base = check(text);
    if (!base.report.tables.every((t) => t.reading === 'full')) continue; // a seed whose own tables are broken
    it(`seed ${path.basename(file)} on one line: the same six sections, year, format and cells`, () => {
      const r = check(toOneLine(text, ' '));
      assert.deepEqual(r.report.sections.map((s) => s.number), base.report.sections.map((s) => s.number));
      assert.equal(r.report.year, base.report.year);
      assert.equal(r.report.formatVersion, base.report.formatVersion);
      assert.deepEqual(cells(r), cells(base));
    });
  }

  it('cells run together on one line are read only where the template pins the split, never guessed', () => {
    for (const ex of EXAMPLES) {
      const base = new Set(cells(check(ex.text)));
      const r = check(toOneLine(ex.text, ''));
      const read = cells(r);
      assert.ok(read.length > 0, 'pinned cells (000 under three columns, runs whose row total fixes the split) are read');
      for (const c of read) assert.ok(base.has(c), `${ex.name}: ${c} is not in the text form`);
      // What could not be read is said once per table.
      const shape = r.findings.filter((f) => f.ruleId === 'table-shape' && f.severity === 'error');
      assert.ok(shape.length <= r.report.tables.length);
      assert.equal(new Set(shape.map((f) => f.data?.table)).size, shape.length);
      // No arithmetic on unread cells: every arithmetic finding of the run-together form is one of the text form's.
      const known = new Set(arithmetic(check(ex.text)));
      for (const a of arithmetic(r)) assert.ok(known.has(a), `${ex.name}: invented ${a}`);
    }
  });

  describe('a mistyped cell is found on that cell in every form', () => {
    const clean = EXAMPLES[0].text;
    const row = '（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2';
    assert.ok(clean.includes(row), 'the clean example holds the row the test mutates');
    const mutated = clean.replace(row, row.replace('\t2\t0\t0', '\t5\t0\t0'));
    for (const [name, render] of [['text', (t: string) => t], ...FORMS] as const) {
      it(name, () => {
        const text = render(mutated);
        const f = check(text).findings.filter((x) => ARITHMETIC.has(x.ruleId));
        assert.equal(f.length, 1, f.map((x) => x.message.zh).join('\n'));
        assert.deepEqual(f[0].data?.cells, ['requests/R13/c1']);
        assert.equal(text.slice(f[0].start, f[0].end), '5');
        assert.equal(f[0].data?.expected, 2);
      });
    }
  });
});

describe('one-line adapter: robustness', () => {
  const PIECES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '（一）', '第二十条第（一）项', '规章', '申请人情况', '一、本年新收政府信息公开申请数量', '（七）总计', '行政复议', '行政诉讼', '结果维持', '总计', '0', '12', ' ', '　', '𠮷', '\t', '。', '2024年1月20日'];
  it('never throws; blocks are in order, inside the text, and cover every non-blank unit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 60, maxLength: 400 }), (parts) => {
        const text = parts.join('');
        const doc = textDocument(text);
        let at = 0;
        for (const b of doc.blocks) {
          assert.ok(b.start >= at && b.end >= b.start && b.end <= text.length);
          assert.ok(b.contentStart >= b.start && b.contentEnd <= b.end);
          at = b.end;
        }
        const r = check(text);
        for (const f of r.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it('a 5 MB report on one line is read to its end (the timeout only bounds a hang; speed is measured in the benchmark)', function () {
    this.timeout(120_000);
    const one = toOneLine(EXAMPLES[0].text, ' ');
    const big = one.repeat(Math.ceil(5_000_000 / one.length));
    const r = check(big);
    assert.ok(r.report.sections.length >= 6);
    assert.ok(r.report.document.blocks[r.report.document.blocks.length - 1].end === big.length);
  });
});
