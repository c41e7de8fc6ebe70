// The preview's grids: the official layout of the three tables in both formats (merged headers,
// group labels over their rows), stated here cell by cell, and the report's cells and findings
// placed on them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding } from '../../server/src/engine';
import { officialGrid, previewCellAt, tablesPreview, type GridCell, type TableGrid } from '../../server/src/engine/ide/tableGrid';
import { readSeed, REPO_ROOT } from '../support/seeds';

/** Where each grid cell starts and how far it reaches: `row,col rowSpan×colSpan text-or-id`. */
function placed(rows: GridCell[][]): string[] {
  const taken: boolean[][] = [];
  const out: string[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken[r]?.[col]) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
      out.push(`${r},${col} ${cell.rowSpan}×${cell.colSpan} ${cell.kind === 'value' ? cell.id : cell.text}`);
      col += cell.colSpan;
    }
  });
  return out;
}

/** Every row of the grid is filled exactly to its width (no hole, no overhang). */
function assertRectangular(grid: TableGrid): void {
  for (const part of [grid.header, grid.body]) {
    const width: number[] = [];
    part.forEach((row, r) => {
      for (const cell of row) for (let dr = 0; dr < cell.rowSpan; dr++) width[r + dr] = (width[r + dr] ?? 0) + cell.colSpan;
    });
    assert.deepEqual(width, part.map(() => grid.columns), `${grid.table} ${grid.version}: row widths`);
  }
}

const starting = (rows: GridCell[][], text: string): string[] => placed(rows).filter((p) => p.endsWith(` ${text}`));

describe('preview grid: the official layout', () => {
  it('table 2 (2021): three header rows with 申请人情况 over seven columns and 法人或其他组织 over five', () => {
    const g = officialGrid('requests', '2021');
    assertRectangular(g);
    assert.deepEqual(placed(g.header), [
      '0,0 3×3 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '0,3 1×7 申请人情况',
      '1,3 2×1 自然人',
      '1,4 1×5 法人或其他组织',
      '1,9 2×1 总计',
      '2,4 1×1 商业企业',
      '2,5 1×1 科研机构',
      '2,6 1×1 社会公益组织',
      '2,7 1×1 法律服务机构',
      '2,8 1×1 其他',
    ]);
  });

  it('table 2 (2021): 25 rows, 三 over 22 of them, each （三）…（六） group over its numbered rows', () => {
    const g = officialGrid('requests', '2021');
    assert.equal(g.body.length, 25);
    assert.deepEqual(starting(g.body, '一、本年新收政府信息公开申请数量'), ['0,0 1×3 一、本年新收政府信息公开申请数量']);
    assert.deepEqual(starting(g.body, '三、本年度办理结果'), ['2,0 22×1 三、本年度办理结果']);
    assert.deepEqual(starting(g.body, '（一）予以公开'), ['2,1 1×2 （一）予以公开']);
    assert.deepEqual(starting(g.body, '（三）不予公开'), ['4,1 8×1 （三）不予公开']);
    assert.deepEqual(starting(g.body, '1.属于国家秘密'), ['4,2 1×1 1.属于国家秘密']);
    assert.deepEqual(starting(g.body, '2.其他法律行政法规禁止公开'), ['5,2 1×1 2.其他法律行政法规禁止公开']);
    assert.deepEqual(starting(g.body, '（四）无法提供'), ['12,1 3×1 （四）无法提供']);
    assert.deepEqual(starting(g.body, '（五）不予处理'), ['15,1 5×1 （五）不予处理']);
    assert.deepEqual(starting(g.body, '（六）其他处理'), ['20,1 3×1 （六）其他处理']);
    assert.deepEqual(starting(g.body, '3.其他'), ['22,2 1×1 3.其他']);
    assert.deepEqual(starting(g.body, '（七）总计'), ['23,1 1×2 （七）总计']);
    assert.deepEqual(starting(g.body, '四、结转下年度继续办理'), ['24,0 1×3 四、结转下年度继续办理']);
    // The seven numbers of a row sit in columns 3..9 in the order c1..c7.
    assert.deepEqual(
      placed(g.body).filter((p) => p.includes('requests/R13/')),
      [3, 4, 5, 6, 7, 8, 9].map((col, i) => `12,${col} 1×1 requests/R13/c${i + 1}`),
    );
    assertRectangular(g);
  });

  it('table 2 (2019): 23 rows, 三 over 20, （六）其他处理 one row of its own', () => {
    const g = officialGrid('requests', '2019');
    assertRectangular(g);
    assert.equal(g.body.length, 23);
    assert.deepEqual(starting(g.body, '三、本年度办理结果'), ['2,0 20×1 三、本年度办理结果']);
    assert.deepEqual(starting(g.body, '（五）不予处理'), ['15,1 5×1 （五）不予处理']);
    assert.deepEqual(starting(g.body, '（六）其他处理'), ['20,1 1×2 （六）其他处理']);
    assert.deepEqual(starting(g.body, '（七）总计'), ['21,1 1×2 （七）总计']);
    assert.deepEqual(starting(g.body, '四、结转下年度继续办理'), ['22,0 1×3 四、结转下年度继续办理']);
    assert.ok(!placed(g.body).some((p) => p.includes('R22') || p.includes('R23')));
  });

  it('table 3: 行政复议 over five columns, 行政诉讼 over ten, then one row of fifteen numbers A1…C5', () => {
    for (const version of ['2021', '2019'] as const) {
      const g = officialGrid('appeals', version);
      assertRectangular(g);
      const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      assert.deepEqual(placed(g.header), [
        '0,0 1×5 行政复议',
        '0,5 1×10 行政诉讼',
        ...results.map((r, i) => `1,${i} 2×1 ${r}`),
        '1,5 1×5 未经复议直接起诉',
        '1,10 1×5 复议后起诉',
        ...[...results, ...results].map((r, i) => `2,${i + 5} 1×1 ${r}`),
      ]);
      assert.deepEqual(
        placed(g.body),
        ['A', 'B', 'C'].flatMap((p, gi) => [1, 2, 3, 4, 5].map((n) => `0,${gi * 5 + n - 1} 1×1 appeals/${p}${n}`)),
      );
    }
  });

  it('table 1 (2021): four items, one-column items spread over the three value columns', () => {
    const g = officialGrid('proactive', '2021');
    assertRectangular(g);
    assert.deepEqual(placed(g.body), [
      '0,0 1×4 第二十条第（一）项',
      '1,0 1×1 信息内容', '1,1 1×1 本年制发件数', '1,2 1×1 本年废止件数', '1,3 1×1 现行有效件数',
      '2,0 1×1 规章',
      '2,1 1×1 proactive/第二十条第（一）项/规章/本年制发件数',
      '2,2 1×1 proactive/第二十条第（一）项/规章/本年废止件数',
      '2,3 1×1 proactive/第二十条第（一）项/规章/现行有效件数',
      '3,0 1×1 行政规范性文件',
      '3,1 1×1 proactive/第二十条第（一）项/行政规范性文件/本年制发件数',
      '3,2 1×1 proactive/第二十条第（一）项/行政规范性文件/本年废止件数',
      '3,3 1×1 proactive/第二十条第（一）项/行政规范性文件/现行有效件数',
      '4,0 1×4 第二十条第（五）项',
      '5,0 1×1 信息内容', '5,1 1×3 本年处理决定数量',
      '6,0 1×1 行政许可', '6,1 1×3 proactive/第二十条第（五）项/行政许可/本年处理决定数量',
      '7,0 1×4 第二十条第（六）项',
      '8,0 1×1 信息内容', '8,1 1×3 本年处理决定数量',
      '9,0 1×1 行政处罚', '9,1 1×3 proactive/第二十条第（六）项/行政处罚/本年处理决定数量',
      '10,0 1×1 行政强制', '10,1 1×3 proactive/第二十条第（六）项/行政强制/本年处理决定数量',
      '11,0 1×4 第二十条第（八）项',
      '12,0 1×1 信息内容', '12,1 1×3 本年收费金额（单位：万元）',
      '13,0 1×1 行政事业性收费', '13,1 1×3 proactive/第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）',
    ]);
  });

  it('table 1 (2019): five items; the two-column items (八)(九) stretch their last column', () => {
    const g = officialGrid('proactive', '2019');
    assertRectangular(g);
    const items = placed(g.body).filter((p) => / 1×4 第二十条/.test(p)).map((p) => p.replace(/^\d+,0 1×4 /, ''));
    assert.deepEqual(items, ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    assert.deepEqual(starting(g.body, '采购项目数量'), ['16,1 1×1 采购项目数量']);
    assert.deepEqual(starting(g.body, '采购总金额'), ['16,2 1×2 采购总金额']);
    assert.deepEqual(starting(g.body, '其他对外管理服务事项'), ['7,0 1×1 其他对外管理服务事项']);
  });
});

describe('preview model: the report on the grid', () => {
  const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');

  it('the wrong total of 一 carries its finding, the value it should hold, its position and its parts', () => {
    const { report, findings } = check(example);
    const p = tablesPreview(report, findings);
    const total = p.cells['requests/R1/c7'];
    assert.equal(total.raw, '18');
    assert.equal(total.state, 'number');
    // examples/mistakes-2024.txt:47:33 (README): 0-based line 46, character 32.
    assert.deepEqual(total.range, { start: { line: 46, character: 32 }, end: { line: 46, character: 34 } });
    assert.deepEqual(total.findings.map((f) => [f.ruleId, f.severity, f.expected]), [['row-total', 'error', 16]]);
    // One finding, on this cell alone: the engine's localization names it and its implied value.
    assert.match(total.findings[0].message.zh, /很可能填错：写的是 18，[^；]*应为 16/);
    // Its details are the arithmetic of the relations it breaks.
    assert.ok(total.findings[0].details?.some((d) => d.zh.includes('18 ≠ 12 + 3 + 0 + 0 + 1 + 0')), JSON.stringify(total.findings[0].details));
    assert.equal(total.findings[0].alternatives, undefined);
    assert.deepEqual(total.parts, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((c) => `requests/R1/${c}`));
    // A correct cell has no finding; the first part is the 12 of 自然人.
    assert.deepEqual([p.cells['requests/R1/c1'].raw, p.cells['requests/R1/c1'].findings], ['12', []]);
    assert.equal(previewCellAt(p, total.span!.start)?.id, 'requests/R1/c7');
  });

  it('the balance row names 一, 二 and （七） as the parts of 四; the outline lists six sections, 五 missing', () => {
    const { report, findings } = check(example);
    const p = tablesPreview(report, findings);
    assert.deepEqual(p.cells['requests/R25/c3'].parts, ['requests/R1/c3', 'requests/R2/c3', 'requests/R24/c3']);
    // The total of 四 is the total of its row and, by the balance, of 一 + 二 − （七）.
    assert.deepEqual(p.cells['requests/R25/c7'].parts, [
      ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((c) => `requests/R25/${c}`),
      'requests/R1/c7', 'requests/R2/c7', 'requests/R24/c7',
    ]);
    assert.deepEqual(p.sections.map((s) => [s.number, s.found]), [[1, true], [2, true], [3, true], [4, true], [5, false], [6, true]]);
    assert.equal(p.sections[0].firstLine, '2024年，本局坚持以公开为常态、不公开为例外，围绕市场监管重点工作推进政务公开。');
    assert.equal(p.year, 2024);
    assert.equal(p.formatVersion, '2021');
  });

  it('a finding that names its cells in data.cells is put on those cells, not on its span', () => {
    const { report } = check(example);
    const far: Finding = {
      ruleId: 'row-total',
      severity: 'error',
      start: 0,
      end: 1,
      message: { zh: '甲', en: 'a' },
      related: [],
      data: { cells: ['requests/R3/c1'], expected: 5 },
    };
    const p = tablesPreview(report, [far]);
    assert.deepEqual(p.cells['requests/R3/c1'].findings.map((f) => f.expected), [5]);
    assert.equal(Object.values(p.cells).filter((c) => c.findings.length > 0).length, 1);
    assert.equal(p.otherFindings.error, 0);
  });

  it('a tie stays on its total with each equally likely fix listed and no one implied value', () => {
    const { report } = check(example);
    const fix = (zh: string, en: string) => ({ title: { zh, en }, edits: [] });
    const tie: Finding = {
      ruleId: 'row-total',
      severity: 'error',
      start: 0,
      end: 1,
      message: { zh: '乙', en: 'b' },
      related: [],
      data: { cells: ['requests/R3/c7'], expected: 5, localized: 'tie' },
      alternatives: [fix('将甲改为 1', 'Set a to 1'), fix('将乙改为 2', 'Set b to 2')],
    };
    const c = tablesPreview(report, [tie]).cells['requests/R3/c7'];
    assert.deepEqual(c.findings.map((f) => [f.expected, f.alternatives?.map((a) => a.en)]), [[undefined, ['Set a to 1', 'Set b to 2']]]);
  });

  it('cells the report does not give are `missing`; the rows it gives are still placed', () => {
    // Drop the line of （二）部分公开 from the requests table.
    const text = example.split('\n').filter((l) => !l.includes('（二）部分公开')).join('\n');
    const { report, findings } = check(text);
    const p = tablesPreview(report, findings);
    assert.equal(p.tables[1].readable, false);
    assert.equal(p.cells['requests/R4/c1'].state, 'missing');
    assert.equal(p.cells['requests/R4/c1'].range, undefined);
    assert.equal(p.cells['requests/R3/c1'].raw, '6');
  });

  it('a 2019-format report (seed 003) is laid out on the 2019 grids', () => {
    const { report, findings } = check(readSeed('003').text);
    const p = tablesPreview(report, findings);
    assert.equal(p.formatVersion, '2019');
    assert.deepEqual(p.tables.map((t) => [t.table, t.grid.version, t.found]), [['proactive', '2019', true], ['requests', '2019', true], ['appeals', '2019', true]]);
    assert.ok(p.cells['proactive/第二十条第（九）项/政府集中采购/采购总金额'].range, 'the 采购总金额 cell is read');
    assert.equal(p.cells['requests/R22/c1'], undefined);
  });
});
