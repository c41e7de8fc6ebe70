// Real reports arrive in many layouts. The clean example (tab layout) is rewritten at run time
// into other layouts; each must read to the same cells, and a wrong number must still be found.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { toCellPerLine, toMarkdown, toSpaces } from '../support/forms';
import { REPO_ROOT } from '../support/seeds';

const CLEAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');

function cells(text: string): string[] {
  return check(text).report.tables.flatMap((t) => t.cells.map((c) => `${t.id}:${c.item ?? ''}:${c.row}:${c.column}=${c.value}`));
}

/** A page break in the middle of table 2: a page number line and blank lines between two rows. */
function withPageBreak(text: string): string {
  return text.replace('\n\t\t2.没有现成信息需要另行制作', '\n\n- 3 -\n\n\t\t2.没有现成信息需要另行制作');
}

describe('layouts: the same report in other layouts reads the same', () => {
  const base = cells(CLEAN);
  it('the clean example reads 10 + 175 + 15 cells', () => {
    assert.equal(base.length, 200);
  });
  for (const [name, transform] of [
    ['markdown pipe tables', toMarkdown],
    ['space-aligned columns', toSpaces],
    ['one cell per line', toCellPerLine],
    ['page break inside a table', withPageBreak],
    ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`${name}: same cells, no findings`, () => {
      const text = transform(CLEAN);
      assert.deepEqual(cells(text), base);
      const findings = check(text).findings.filter((f) => f.ruleId !== 'conversion-junk' && f.severity !== 'information');
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
    });
    it(`${name}: a wrong total is still flagged on its cell`, () => {
      const text = transform(CLEAN.replace('一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16', '一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t61'));
      const f = check(text).findings.find((x) => x.ruleId === 'row-total');
      assert.ok(f);
      assert.equal(text.slice(f.start, f.end), '61');
    });
  }

  it('digits run together are split only when the row total pins the split', () => {
    // 「312000116」: the only split into seven cells with c7 = c1 + … + c6 is 3/12/0/0/0/1/16.
    const unique = CLEAN.replace('一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16', '一、本年新收政府信息公开申请数量\t\t\t312000116');
    const r = check(unique);
    const row = r.report.tables.find((t) => t.id === 'requests')!.cells.filter((c) => c.row === 'R1').map((c) => c.value);
    assert.deepEqual(row, [3, 12, 0, 0, 0, 1, 16]);
    assert.ok(r.findings.some((f) => f.ruleId === 'table-shape' && f.severity === 'information'));
    // 「110000011」 splits two ways with c7 = c1 + … + c6 (1/10/…/11 and 11/0/…/11): not read, reported.
    const ambiguous = CLEAN.replace('二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t\t\t110000011');
    const a = check(ambiguous);
    const shape = a.findings.find((f) => f.ruleId === 'table-shape');
    assert.ok(shape, 'ambiguous run is reported');
    assert.equal(shape.severity, 'error');
    assert.equal(a.report.tables.find((t) => t.id === 'requests')!.cells.filter((c) => c.row === 'R2').length, 0);
    assert.ok(!a.findings.some((f) => f.ruleId === 'balance'), 'no arithmetic from an unread row');
  });

  it('all digits single: 「1000001」 for seven cells is read one digit per cell', () => {
    const text = CLEAN.replace('二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t\t\t1000001');
    const row = check(text).report.tables.find((t) => t.id === 'requests')!.cells.filter((c) => c.row === 'R2').map((c) => c.value);
    assert.deepEqual(row, [1, 0, 0, 0, 0, 0, 1]);
  });

  it('one digit per cell that breaks the row total is not read: 「1000002」 is table-shape, not row-total', () => {
    const text = CLEAN.replace('二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t\t\t1000002');
    const r = check(text);
    assert.equal(r.report.tables.find((t) => t.id === 'requests')!.cells.filter((c) => c.row === 'R2').length, 0);
    assert.ok(r.findings.some((f) => f.ruleId === 'table-shape' && f.severity === 'error'));
    assert.ok(!r.findings.some((f) => ['row-total', 'balance'].includes(f.ruleId)), 'no arithmetic from an unread row');
  });
});
