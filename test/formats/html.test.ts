// Reports as web pages: the HTML adapter hands the readers the page's report with every offset in
// the HTML source. Pages are written by the tests from the team's own examples (merged cells,
// styled-<p> headings, split labels, CMS chrome around); the real page is read from ../shared/samples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check, checkDocument, type CheckResult } from '../../server/src/engine';
import { htmlDocument, readHtml } from '../../server/src/formats/html';
import { inputKindOf, REPORT_EXTENSIONS } from '../../server/src/formats';
import { toTabEmpties } from '../support/forms';
import { toHtmlPage } from '../support/html-page';
import { REPO_ROOT } from '../support/seeds';

const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const CLEAN = example('clean-2024.txt');
const MISTAKES = example('mistakes-2024.txt');
const SAMPLE = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'pingtan-2022.html');

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total', 'empty-cell', 'invalid-number']);

function cells(r: CheckResult): string[] {
  return r.report.tables.flatMap((t) => t.cells.map((c) => `${t.id}:${c.item ?? ''}:${c.row}:${c.column}=${c.value}`));
}

function cellTexts(r: CheckResult): string[] {
  return r.report.tables.flatMap((t) => t.cells.map((c) => r.report.source.text.slice(c.start, c.end)));
}

/** Arithmetic findings as data (rule, cells, expected, actual), independent of positions. */
function arithmetic(r: CheckResult): string[] {
  return r.findings
    .filter((f) => ARITHMETIC.has(f.ruleId))
    .map((f) => `${f.ruleId} ${JSON.stringify(f.data?.cells ?? [])} ${f.data?.expected} ${f.data?.actual}`)
    .sort();
}

const checkHtml = (html: string): CheckResult => checkDocument(htmlDocument(html));

describe('HTML: the structural view', () => {
  it('has the length of the HTML, tags blanked, entities decoded at their first unit', () => {
    const html = '<p class="x">一、总体情况&nbsp;&amp;<b>甲</b></p><!-- 注释 --><script>var a = "二、";</script>';
    const view = htmlDocument(html).source.view;
    assert.equal(view.length, html.length);
    const at = (s: string): string => view.slice(html.indexOf(s), html.indexOf(s) + s.length);
    assert.equal(at('一、总体情况'), '一、总体情况');
    assert.equal(at('&nbsp;'), '      ', 'NBSP at the first unit (a space in the view), spaces after');
    assert.equal(at('&amp;'), '&    ');
    assert.equal(at('<b>'), '   ');
    assert.equal(at('<!-- 注释 -->').trim(), '');
    assert.equal(at('var a = "二、";').trim(), '', 'script text is not report text');
  });

  it('an astral character from an entity keeps both its units; a literal 𠮷 stays where it is', () => {
    const html = '<p>&#x20BB7;与𠮷</p>';
    const doc = htmlDocument(html);
    assert.equal(doc.source.view.slice(3, 5), '𠮷');
    assert.equal(doc.source.view.slice(3, html.indexOf('</p>')).replace(/ /g, ''), '𠮷与𠮷');
    assert.equal(doc.source.view.length, html.length);
  });

  it('blocks are lines, cells are tabs; no break inside a <p>, <br> in a cell is a space', () => {
    const html = '<div><p><span>一、</span>&nbsp;<span>总体</span><span>情况</span></p><p>正文</p><table><tr><td>结果<br>维持</td><td><p>1</p><p>2</p></td></tr></table></div>';
    const lines = htmlDocument(html)
      .source.view.split('\n')
      .map((l) => l.split('\t').map((c) => c.replace(/ +/g, ' ').trim()).join('\t'))
      .filter((l) => l !== '');
    // Spans inside one block join with spaces (label keys ignore them).
    assert.deepEqual(lines, ['一、 总体 情况', '正文', '结果 维持\t1 2']);
  });

  it('CRLF and tabs inside the text are spaces: only markup makes lines and cells', () => {
    const html = '<p>一、\r\n总体\t情况</p>\r\n<p>正文</p>';
    const lines = htmlDocument(html)
      .source.view.split(/\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    assert.deepEqual(lines.map((l) => l.replace(/ +/g, ' ')), ['一、 总体 情况', '正文']);
  });

  it('merged cells: colspan=k is followed by k−1 empty slots, a rowspan covers the slots below it', () => {
    const html =
      '<table><tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>6</td></tr>' +
      '<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>' +
      '<tr><td>2.其他法律行政法规禁止公开</td><td>0</td></tr></table>';
    const rows = htmlDocument(html)
      .source.view.split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t').map((c) => c.trim()));
    // (The view shows full-width brackets as ASCII.)
    assert.deepEqual(rows, [
      ['三、本年度办理结果', '(一)予以公开', '', '6'],
      ['', '(三)不予公开', '1.属于国家秘密', '0'],
      ['', '', '2.其他法律行政法规禁止公开', '0'],
    ]);
  });

  it('minimal markup (no end tags) still has room for every slot', () => {
    const html = '<table><tr><td rowspan=2 colspan=3>本列<td>1<tr><td>2<td>3</table>';
    const reading = readHtml(html);
    const rows = reading.document.source.view
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t').map((c) => c.trim()));
    assert.deepEqual(rows, [['本列', '', '', '1'], ['', '', '', '2', '3']]);
    assert.deepEqual(reading.slotShortfalls, []);
  });

  it('a row without markup room for its covered slots is recorded, and its own cells stay apart', () => {
    // Nine slots covered from above, seven free units of markup (「<tr><td>」 less the row's line break) before the row's first text.
    const html = '<table><tr><td rowspan=2 colspan=9 style="width: 90pt">甲</td><td>1</td></tr><tr><td>2<td>3</table>';
    const reading = readHtml(html);
    assert.deepEqual(reading.slotShortfalls, [{ row: html.lastIndexOf('<tr>'), missing: 2 }]);
    const first = reading.document.source.view.split('\n').filter((l) => l.trim() !== '')[0];
    assert.equal(first.split('\t').length, 10, 'the first row has room for its nine slots and the next cell');
    const second = reading.document.source.view.split('\n').filter((l) => l.trim() !== '')[1];
    assert.deepEqual(second.split('\t').map((c) => c.trim()).slice(-2), ['2', '3']);
  });

  it('a layout table around the whole article is read as blocks, its inner data table as tab rows', () => {
    const html = '<table><tr><td><p>一、总体情况</p><p>正文</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>';
    const lines = htmlDocument(html)
      .source.view.split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    assert.deepEqual(lines.map((l) => l.replace(/ +/g, ' ').replace(/ ?\t ?/g, '\t')), ['一、总体情况', '正文', '规章\t0']);
  });
});

describe('HTML: our examples as CMS pages read as their text does', () => {
  for (const [name, text] of [
    ['clean-2024', CLEAN],
    ['mistakes-2024', MISTAKES],
  ] as const) {
    const fromText = check(text);
    for (const [variant, html, expected] of [
      ['page', toHtmlPage(text), fromText],
      ['CRLF page', toHtmlPage(text, { eol: '\r\n' }), fromText],
      ['page with &nbsp; for every 0', toHtmlPage(text, { emptyZeros: true }), check(toTabEmpties(text))],
      ['page with minimal markup', toHtmlPage(text, { minimal: true }), fromText],
    ] as const) {
      it(`${name}, ${variant}: same cells, sections, year and arithmetic findings`, () => {
        const r = checkHtml(html);
        assert.ok(expected.report.tables.length === 3 && cells(expected).length > 0);
        assert.deepEqual(cells(r), cells(expected));
        assert.deepEqual(cellTexts(r), cellTexts(expected), 'each cell span holds the cell text in the HTML');
        assert.deepEqual(arithmetic(r), arithmetic(expected));
        assert.deepEqual(r.report.sections.map((s) => `${s.number} ${s.title}`), expected.report.sections.map((s) => `${s.number} ${s.title}`));
        assert.equal(r.report.year, expected.report.year);
        assert.equal(r.report.formatVersion, expected.report.formatVersion);
        assert.equal(r.report.title?.year, expected.report.title?.year);
        const shapes = (x: CheckResult): string[] => x.findings.filter((f) => f.ruleId === 'table-shape').map((f) => `${f.severity} ${f.message.zh}`);
        assert.deepEqual(shapes(r), shapes(expected));
      });
    }
  }

  it('the clean page has no finding beyond what its text has (chrome is not read)', () => {
    const page = toHtmlPage(CLEAN);
    const r = checkHtml(page);
    const rules = (x: CheckResult): string[] => x.findings.filter((f) => f.severity !== 'information').map((f) => f.ruleId);
    assert.deepEqual(rules(r), rules(check(CLEAN)));
    // The chrome's own text (breadcrumb, related reports of other years, footer counter) is blank in the view.
    const view = r.report.source.view;
    for (const chrome of ['当前位置', '某某市示例局2023年政府信息公开工作年度报告', '访问量', '备案号', 'document.write']) {
      const at = page.indexOf(chrome);
      assert.ok(at >= 0, chrome);
      assert.equal(view.slice(at, at + chrome.length).trim(), '', `${chrome} is blanked`);
    }
  });

  it('the title comes from the page <title> when no title element stands before the content', () => {
    const r = checkHtml(toHtmlPage(CLEAN, { titleInHeadOnly: true }));
    assert.equal(r.report.title?.text.replace(/\s/g, ''), '青川县示例市场监督管理局2024年政府信息公开工作年度报告');
    assert.ok(!r.findings.some((f) => f.ruleId === 'title'));
  });

  it('a mutated cell is flagged on the number inside its <td>', () => {
    const page = toHtmlPage(CLEAN);
    const row = page.indexOf('一、本年新收');
    const total = page.indexOf('>16<', row) + 1;
    const mutated = page.slice(0, total) + '61' + page.slice(total + 2);
    const f = checkHtml(mutated).findings.find((x) => x.ruleId === 'row-total');
    assert.ok(f, 'row-total found');
    assert.equal(f.start, total);
    assert.equal(mutated.slice(f.start, f.end), '61');
    assert.match(mutated.slice(0, f.start), /<td[^>]*><p[^>]*><span[^>]*>$/);
  });

  it('a fix edits only the number in the HTML', () => {
    const page = toHtmlPage(CLEAN);
    const row = page.indexOf('一、本年新收');
    const total = page.indexOf('>16<', row) + 1;
    const mutated = page.slice(0, total) + '61' + page.slice(total + 2);
    const f = checkHtml(mutated).findings.find((x) => x.ruleId === 'row-total');
    assert.ok(f?.fix, 'row-total offers a fix');
    let fixed = mutated;
    for (const e of [...f.fix.edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    assert.equal(fixed, page);
  });
});

describe('HTML: the real page of a government portal', () => {
  const html = fs.readFileSync(SAMPLE, 'utf8');
  const reading = readHtml(html);
  const r = checkDocument(reading.document);
  const cell = (table: string, row: string, column: string | null, item?: string): number | null | undefined =>
    r.report.tables
      .find((t) => t.id === table)
      ?.cells.find((c) => c.row === row && c.column === column && (item === undefined || c.item === item))?.value;

  it('title, year 2022, format 2021 and the six sections', () => {
    assert.equal(r.report.title?.text.trim(), '平潭综合实验区2022年度政府信息公开工作年度报告');
    assert.equal(r.report.year, 2022);
    assert.equal(r.report.formatVersion, '2021');
    assert.deepEqual(r.report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(reading.content);
    assert.match(html.slice(reading.content.start, reading.content.end), /^<div class=TRS_Editor>/, 'the content element, not the page');
  });

  it('every cell the template pins in tables 1 and 2', () => {
    const proactive = r.report.tables.find((t) => t.id === 'proactive')!;
    assert.equal(proactive.cells.length, 10);
    assert.equal(cell('proactive', '行政规范性文件', '本年制发件数'), 88);
    assert.equal(cell('proactive', '行政规范性文件', '本年废止件数'), 55);
    assert.equal(cell('proactive', '行政规范性文件', '现行有效件数'), 698);
    assert.equal(cell('proactive', '行政许可', '本年处理决定数量'), 10690);
    assert.equal(cell('proactive', '行政处罚', '本年处理决定数量'), 2113);
    assert.equal(cell('proactive', '行政事业性收费', '本年收费金额（单位：万元）'), 9116.36);
    const requests = r.report.tables.find((t) => t.id === 'requests')!;
    assert.equal(requests.readable, true);
    assert.equal(requests.cells.length, 175);
    const row = (id: string): (number | null)[] => requests.cells.filter((c) => c.row === id).map((c) => c.value);
    assert.deepEqual(row('R1'), [71, 3, 0, 0, 0, 0, 74]);
    assert.deepEqual(row('R2'), [1, 0, 0, 0, 0, 0, 1]);
    // Each cell's span is its number inside its <td> in the HTML source.
    for (const c of requests.cells) assert.equal(html.slice(c.start, c.end), String(c.value));
  });

  it('real findings only: the prose counts 本年新收 + 上年结转, the heading has 行政法复议, 「统一的的网站界面」; no table-shape', () => {
    const found = r.findings.filter((f) => f.ruleId !== 'missing-table').map((f) => `${f.ruleId}:${html.slice(f.start, f.end)}`);
    assert.deepEqual(found.sort(), [
      'duplicated-phrase:的',
      'label-mismatch:政府信息公开行政法复议、行政诉讼情况',
      'summary-length:一、总体情况',
      'text-table-mismatch:72',
      'text-table-mismatch:75',
    ]);
    assert.ok(!r.findings.some((f) => f.ruleId === 'table-shape'));
  });
});

describe('HTML: bad pages never crash', () => {
  it('unclosed tags, stray end tags, broken entities', () => {
    for (const html of [
      '<div><p>一、总体情况<table><tr><td>规章<td>0',
      '</p></td></tr></table>一、总体情况',
      '<p>&#xFFFFFFFF; &#0; &notit; &amp &; &#; &#x;</p>',
      '<table><tr><td colspan="99999999" rowspan="-3">甲</td></tr><tr><td rowspan="0">乙</td></tr></table>',
      '<',
      '',
      '<!--',
      '<script>',
    ]) {
      const doc = htmlDocument(html);
      assert.equal(doc.source.view.length, html.length);
      checkDocument(doc);
    }
  });

  it('binary junk and a 5 MB page', function () {
    this.timeout(180000); // a 5 MB page takes seconds on a shared machine; speed is measured in the benchmark
    const junk = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.equal(htmlDocument(junk).source.view.length, junk.length);
    const big = toHtmlPage(CLEAN).replace('<div class="TRS_Editor">', '<div class="TRS_Editor">' + '<p>正文<span>段落</span>&nbsp;</p>\n'.repeat(170000));
    assert.ok(big.length > 5_000_000);
    const r = checkHtml(big);
    assert.equal(r.report.tables.length, 3);
  });

  it('a page nested too deep for a tree is read flat: blocks and text still there', () => {
    const html = '<div>'.repeat(100000) + '<p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>' + '</div>'.repeat(100000);
    const reading = readHtml(html);
    assert.equal(reading.flat, true);
    assert.equal(reading.document.source.view.length, html.length);
    const lines = reading.document.source.view.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    assert.deepEqual(lines.map((l) => l.replace(/ *\t */g, '\t')), ['一、总体情况', '规章\t0']);
    assert.equal(readHtml(toHtmlPage(CLEAN)).flat, false, 'real pages get the tree');
  });

  it('a million tag openers without a closing bracket', () => {
    const html = '<a'.repeat(500000);
    assert.equal(htmlDocument(html).source.view.length, html.length);
  });

  it('fuzz: never throws, view as long as the text, every span inside it (fixed seed)', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<td>', '</td>', '<tr>', '</tr>', '<table>', '</table>', '<td colspan="3">', '<td rowspan=4>', '<br>',
      '<span style="x">', '</span>', '&nbsp;', '&amp;', '&#x20BB7;', '&#12;', '&notit;', '<!--', '-->', '<script>', '</script>',
      '一、总体情况', '三、收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量', '行政复议', '12', '0', '\r\n', '\t', '𠮷', '\u3000',
      '<div class="TRS_Editor">', '</div>', '<title>', '</title>', '2024年政府信息公开工作年度报告',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 80 }), (parts) => {
        const html = parts.join('');
        const r = checkHtml(html);
        assert.equal(r.report.source.view.length, html.length);
        for (const f of r.findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= html.length);
        for (const t of r.report.tables) for (const c of t.cells) assert.ok(c.start >= 0 && c.end <= html.length);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});

describe('HTML: file kinds', () => {
  it('.html and .htm are report files, read as HTML', () => {
    assert.equal(inputKindOf('a/报告.HTML'), 'html');
    assert.equal(inputKindOf('b.htm'), 'html');
    assert.ok(REPORT_EXTENSIONS.includes('.html') && REPORT_EXTENSIONS.includes('.htm'));
  });
});
