// The templates are a contract with the parser: every rendered table, in every layout and both
// format versions, reads back as the standard table with no shape, missing-table or arithmetic
// findings when zero-filled, and with exactly the template's labels.
import * as assert from 'node:assert/strict';
import { check, type FormatVersion, type TableId } from '../../server/src/engine';
import { renderSkeleton, renderTable, sectionHeading, versionForYear, type TemplateLayout } from '../../server/src/engine/templates';
import { PROACTIVE, REQUEST_ROWS } from '../../server/src/engine/schema/tables';

const LAYOUTS: TemplateLayout[] = ['tab', 'markdown', 'cell-per-line'];
const VERSIONS: { version: FormatVersion; year: number }[] = [
  { version: '2021', year: 2023 },
  { version: '2019', year: 2020 },
];
const TABLES: TableId[] = ['proactive', 'requests', 'appeals'];
const ARITHMETIC = new Set(['balance', 'results-total', 'row-total', 'appeals-total']);
const SHAPE = new Set(['missing-table', 'table-shape', 'label-mismatch', 'invalid-number']);

/** A report with all six headings where only `id`'s section holds a table. */
function reportWith(id: TableId, year: number, layout: TemplateLayout, eol: '\n' | '\r\n'): string {
  const table = renderTable(id, versionForYear(year), { layout, fill: 'zero', eol });
  const section = { proactive: 2, requests: 3, appeals: 4 }[id];
  const md = layout === 'markdown' ? '## ' : '';
  const parts = [`某市某局${year}年政府信息公开工作年度报告`];
  for (const n of [1, 2, 3, 4, 5, 6] as const) {
    parts.push(md + sectionHeading(n));
    if (n === section) parts.push(table);
    else parts.push('本节内容。');
  }
  return parts.join(eol + eol) + eol;
}

describe('templates: tab layout is exactly spec §2.6', () => {
  it('table 1 (2021), blank', () => {
    assert.equal(
      renderTable('proactive', '2021', { layout: 'tab', fill: 'blank', eol: '\n' }),
      [
        '第二十条第（一）项',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '规章\t\t\t',
        '行政规范性文件\t\t\t',
        '第二十条第（五）项',
        '信息内容\t本年处理决定数量',
        '行政许可\t',
        '第二十条第（六）项',
        '信息内容\t本年处理决定数量',
        '行政处罚\t',
        '行政强制\t',
        '第二十条第（八）项',
        '信息内容\t本年收费金额（单位：万元）',
        '行政事业性收费\t',
      ].join('\n'),
    );
  });

  it('table 2 header and rows (2021), blank and zero', () => {
    const blank = renderTable('requests', '2021', { layout: 'tab', fill: 'blank', eol: '\n' }).split('\n');
    assert.equal(blank.length, 3 + 25);
    assert.equal(blank[0], '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况');
    assert.equal(blank[1], '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
    assert.equal(blank[2], '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
    assert.equal(blank[3], '一、本年新收政府信息公开申请数量\t\t\t' + '\t'.repeat(6));
    const zero = renderTable('requests', '2021', { layout: 'tab', fill: 'zero', eol: '\n' }).split('\n');
    const seven = '\t0'.repeat(7);
    assert.equal(zero[3], '一、本年新收政府信息公开申请数量\t\t' + seven);
    assert.equal(zero[5], '三、本年度办理结果\t（一）予以公开\t' + seven);
    assert.equal(zero[6], '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t' + seven);
    assert.equal(zero[7], '\t（三）不予公开\t1.属于国家秘密' + seven);
    assert.equal(zero[8], '\t\t2.其他法律行政法规禁止公开' + seven);
    assert.equal(zero[15], '\t（四）无法提供\t1.本机关不掌握相关政府信息' + seven);
    assert.equal(zero[18], '\t（五）不予处理\t1.信访举报投诉类申请' + seven);
    assert.equal(zero[23], '\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' + seven);
    assert.equal(zero[26], '\t（七）总计\t' + seven);
    assert.equal(zero[27], '四、结转下年度继续办理\t\t' + seven);
  });

  it('table 2 (2019) has the single （六）其他处理 row and 23 data rows', () => {
    const lines = renderTable('requests', '2019', { layout: 'tab', fill: 'zero', eol: '\n' }).split('\n');
    assert.equal(lines.length, 3 + 23);
    assert.ok(lines.includes('\t（六）其他处理\t' + '\t0'.repeat(7)));
  });

  it('table 3', () => {
    assert.deepEqual(renderTable('appeals', '2021', { layout: 'tab', fill: 'zero', eol: '\r\n' }).split('\r\n'), [
      '行政复议\t\t\t\t\t行政诉讼',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
      '\t\t\t\t\t' + Array(2).fill('结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t'),
      Array(15).fill('0').join('\t'),
    ]);
  });

  it('labels are the template labels of spec §2.3–2.5 / §3.1–3.2', () => {
    for (const v of ['2021', '2019'] as FormatVersion[]) {
      const t1 = renderTable('proactive', v, { layout: 'tab', fill: 'blank', eol: '\n' });
      for (const item of PROACTIVE[v]) {
        assert.ok(t1.includes(`${item.item}\n信息内容\t${item.columns.join('\t')}\n`), `${v} ${item.item}`);
        for (const r of item.rows) assert.ok(t1.includes(`\n${r}\t`), `${v} ${r}`);
      }
      const t2 = renderTable('requests', v, { layout: 'tab', fill: 'blank', eol: '\n' });
      for (const r of REQUEST_ROWS[v]) assert.ok(t2.includes(r.label), `${v} ${r.id}`);
    }
    assert.ok(!renderTable('proactive', '2021', { layout: 'tab', fill: 'blank', eol: '\n' }).includes('第二十条第（九）项'));
    assert.ok(renderTable('proactive', '2019', { layout: 'tab', fill: 'blank', eol: '\n' }).includes('第二十条第（九）项'));
  });

  it('eol is used for every line break, nothing else', () => {
    for (const layout of LAYOUTS) {
      const t = renderTable('requests', '2021', { layout, fill: 'zero', eol: '\r\n' });
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(t), layout);
      assert.ok(!t.endsWith('\r\n'));
    }
  });
});

describe('templates read back by the engine', () => {
  for (const { version, year } of VERSIONS) {
    for (const layout of LAYOUTS) {
      for (const id of TABLES) {
        it(`${id} ${version} ${layout}: read as the standard table, zero-filled → no shape/arithmetic findings`, () => {
          for (const eol of ['\n', '\r\n'] as const) {
            const text = reportWith(id, year, layout, eol);
            const { report, findings } = check(text);
            const table = report.tables.find((t) => t.id === id);
            assert.ok(table, `table ${id} found (${JSON.stringify(eol)})`);
            assert.equal(table.readable, true);
            if (id !== 'appeals') assert.equal(table.version, version);
            assert.deepEqual(table.shapeProblems.map((p) => p.kind), []);
            assert.deepEqual(table.labelProblems.map((p) => p.found), []);
            assert.ok(table.cells.length > 0 && table.cells.every((c) => c.state === 'number' && c.value === 0));
            const inTable = findings.filter((f) => f.start >= table.start && f.end <= table.end);
            assert.deepEqual(
              inTable.filter((f) => SHAPE.has(f.ruleId) || ARITHMETIC.has(f.ruleId) || f.ruleId === 'empty-cell').map((f) => f.ruleId),
              [],
            );
            // The other two sections have no table: any missing-table finding is about them, not this one.
            const missing = findings.filter((f) => f.ruleId === 'missing-table');
            assert.ok(missing.length <= 2);
          }
        });
      }
    }
  }
});

describe('skeleton', () => {
  for (const { version, year } of VERSIONS) {
    for (const layout of LAYOUTS) {
      it(`${year} ${layout}: title, period, six sections, three tables; zero-filled checks clean of table findings`, () => {
        const text = renderSkeleton({ organ: '某市某局', year, layout, fill: 'zero', eol: '\n' });
        assert.ok(text.startsWith(`${layout === 'markdown' ? '# ' : ''}某市某局${year}年政府信息公开工作年度报告\n`));
        assert.ok(text.includes(`统计期限自${year}年1月1日起至${year}年12月31日止`));
        assert.equal(text.includes('〔2021〕30号'), year >= 2021);
        assert.equal(text.includes('〔2019〕60号'), year < 2021);
        assert.equal(text.includes('信息处理费'), year >= 2021);
        const { report, findings } = check(text);
        assert.equal(report.year, year);
        assert.equal(report.formatVersion, version);
        assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
        assert.deepEqual(report.tables.map((t) => t.id), TABLES);
        for (const t of report.tables) {
          const sec = report.sections.find((s) => s.number === { proactive: 2, requests: 3, appeals: 4 }[t.id])!;
          assert.ok(t.start >= sec.body.start && t.end <= sec.body.end, `${t.id} inside its section`);
        }
        const bad = findings.filter(
          (f) =>
            SHAPE.has(f.ruleId) ||
            ARITHMETIC.has(f.ruleId) ||
            ['missing-section', 'section-order', 'heading-numbering', 'format-version', 'statistics-period', 'title', 'empty-cell'].includes(f.ruleId),
        );
        assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message.en}`), []);
      });
    }
  }

  it('a fresh zero-filled skeleton lists only the writing still to do: each 「（文字描述）」 and section 五', () => {
    // Deliberate: the skeleton's prose markers are placeholders, so the checker keeps them
    // on the to-do list until the drafter writes the text (a published 「（文字描述）」 is an error).
    const text = renderSkeleton({ organ: '某市某局', year: 2024, layout: 'tab', fill: 'zero', eol: '\n' });
    const got = check(text).findings.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);
    assert.deepEqual(got, ['placeholder （文字描述）', 'problems-and-measures 五、存在的主要问题及改进情况', 'placeholder （文字描述）']);
  });

  it('CRLF skeleton uses CRLF only', () => {
    const text = renderSkeleton({ organ: '某市某局', year: 2023, layout: 'tab', fill: 'blank', eol: '\r\n' });
    assert.ok(!/(?<!\r)\n/.test(text));
    assert.equal(check(text).report.source.eol, '\r\n');
  });
});
