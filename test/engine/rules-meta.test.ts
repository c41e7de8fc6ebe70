// The meta rules: title, statistics-period, signing-date, deadline, format-version,
// conversion-junk, placeholder. Positive and negative cases on our own small reports (built from
// the engine's skeleton with our own prose) and on the seeds mutated at run time; fixes applied
// with applyFixes and re-checked; CRLF, BOM and 𠮷 positions.
import * as assert from 'node:assert/strict';
import { applyFixes, check, type Finding } from '../../server/src/engine';
import { bodyName, classifyBody } from '../../server/src/engine/rules/deadline';
import { renderSkeleton, renderTable } from '../../server/src/engine/templates';
import { readSeed, seedFiles } from '../support/seeds';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const MINE = ['title', 'statistics-period', 'signing-date', 'deadline', 'format-version', 'conversion-junk', 'placeholder'];

/** A clean report of our own: the skeleton with prose instead of its placeholders, and a signature. */
function report(opts: { year?: number; organ?: string; signed?: string | null; eol?: '\n' | '\r\n'; version?: '2021' | '2019' } = {}): string {
  const year = opts.year ?? 2023;
  const organ = opts.organ ?? '示例市示例局';
  const eol = opts.eol ?? '\n';
  let t = renderSkeleton({ organ, year, layout: 'tab', fill: 'zero', eol, version: opts.version });
  t = t.replace(/（文字描述）/g, `${year}年，本局认真落实政府信息公开各项要求，问题是公开深度不够，下一步将改进。`);
  t = t.replace(/（收取信息处理费情况：[^）]*）/, `本局${year}年未收取信息处理费。`);
  const signed = opts.signed === undefined ? `${year + 1}年1月20日` : opts.signed;
  if (signed !== null) t += `${eol}${organ}${eol}${signed}${eol}`;
  return t;
}

function findings(text: string, rule: string): Finding[] {
  return check(text).findings.filter((f) => f.ruleId === rule);
}

function lineOf(text: string, offset: number): number {
  return check(text).report.source.lines.positionAt(offset).line + 1;
}

/** Apply one finding's fix; assert it applied, is idempotent, and the finding is gone. */
function applyAndRecheck(text: string, f: Finding): string {
  assert.ok(f.fix, `${f.ruleId} has a fix`);
  const once = applyFixes(text, [f.fix]);
  assert.equal(once.applied, f.fix.edits.length, 'fix applies');
  assert.equal(applyFixes(once.text, [f.fix]).text, once.text, 'applying twice changes nothing more');
  const again = check(once.text).findings.filter((g) => g.ruleId === f.ruleId && g.message.zh === f.message.zh);
  assert.deepEqual(again, [], 'the fixed problem is gone');
  return once.text;
}

describe('meta rules: the clean base report and the seeds', () => {
  it('our base report (2023, 2020 old format, CRLF) has no finding from these rules', () => {
    for (const text of [report(), report({ year: 2020 }), report({ eol: '\r\n' }), report({ signed: null })]) {
      const got = check(text).findings.filter((f) => MINE.includes(f.ruleId));
      assert.deepEqual(got.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
    }
  });

  it('each seed yields exactly the audited findings of these rules', () => {
    const want: Record<string, string[]> = {
      '000': [],
      '001': ['3 statistics-period warning'],
      '002': ['5 placeholder error', '19 conversion-junk warning', '422 conversion-junk warning'],
      '003': ['129 signing-date error'],
      '004': ['1 conversion-junk warning', '5 conversion-junk warning'],
    };
    for (const file of seedFiles()) {
      const prefix = path.basename(file).slice(0, 3);
      const text = fs.readFileSync(file, 'utf8');
      const { report: r, findings: all } = check(text);
      const got = all.filter((f) => MINE.includes(f.ruleId)).map((f) => `${r.source.lines.positionAt(f.start).line + 1} ${f.ruleId} ${f.severity}`);
      assert.deepEqual(got.sort(), want[prefix].sort(), prefix);
    }
  });
});

describe('conversion-junk', () => {
  it('seed 002: the bookmark is flagged and its fix removes exactly 「[bookmark: _GoBack]」', () => {
    const { text } = readSeed('002');
    const f = findings(text, 'conversion-junk');
    assert.equal(f.length, 2);
    assert.equal(text.slice(f[0].start, f[0].end), '[bookmark: _GoBack]');
    assert.equal(lineOf(text, f[0].start), 19);
    const fixed = applyAndRecheck(text, f[0]);
    assert.equal(fixed, text.replace('[bookmark: _GoBack]', ''));
  });

  it('seed 002: the chart remnant (title + 类别/系列 line) is one finding; the fix deletes those two lines only', () => {
    const { text } = readSeed('002');
    const f = findings(text, 'conversion-junk')[1];
    const lines = text.split('\n');
    assert.equal(lineOf(text, f.start), 422);
    assert.ok(text.slice(f.start, f.end).startsWith(lines[421]));
    assert.ok(text.slice(f.start, f.end).includes('系列 3'));
    const fixed = applyAndRecheck(text, f);
    assert.equal(fixed, [...lines.slice(0, 421), ...lines.slice(423)].join('\n'));
  });

  it('seed 004: breadcrumb (line 1) and 访问量 (line 5); fixing both leaves the title first', () => {
    const { text } = readSeed('004');
    const f = findings(text, 'conversion-junk');
    assert.deepEqual(f.map((x) => lineOf(text, x.start)), [1, 5]);
    assert.ok(text.slice(f[0].start, f[0].end).startsWith('您当前所在位置'));
    assert.equal(text.slice(f[1].start, f[1].end), '访问量:');
    const fixed = applyFixes(text, f.map((x) => x.fix!)).text;
    assert.deepEqual(findings(fixed, 'conversion-junk'), []);
    assert.equal(check(fixed).report.title?.text, check(text).report.title?.text);
    assert.equal(fixed.length, text.length - (f[0].end - f[0].start + 1) - (f[1].end - f[1].start + 1));
  });

  it('after 𠮷 on a CRLF line: UTF-16 positions, and the fix removes the junk and nothing else', () => {
    const base = report({ eol: '\r\n' });
    const text = base.replace('一、总体情况\r\n\r\n', '一、总体情况\r\n\r\n（一）主动公开情况。𠮷𠮷[bookmark: _GoBack]本局发布信息。\r\n\r\n');
    const { report: r, findings: all } = check(text);
    const f = all.filter((x) => x.ruleId === 'conversion-junk');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '[bookmark: _GoBack]');
    const pos = r.source.lines.positionAt(f[0].start);
    assert.equal(pos.character, '（一）主动公开情况。𠮷𠮷'.length);
    assert.equal('（一）主动公开情况。𠮷𠮷'.length, 14, '𠮷 counts two UTF-16 units');
    assert.equal(applyAndRecheck(text, f[0]), base.replace('一、总体情况\r\n\r\n', '一、总体情况\r\n\r\n（一）主动公开情况。𠮷𠮷本局发布信息。\r\n\r\n'));
  });

  it('a breadcrumb on the first line after a BOM: the fix deletes the line but keeps the BOM', () => {
    const base = report({ eol: '\r\n' });
    const text = '\ufeff当前位置：首页 > 信息公开 > 年度报告\r\n' + base;
    const f = findings(text, 'conversion-junk');
    assert.equal(f.length, 1);
    assert.equal(f[0].start, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '当前位置：首页 > 信息公开 > 年度报告');
    assert.equal(applyAndRecheck(text, f[0]), '\ufeff' + base);
  });

  it('back-to-back copies of the same junk are one finding whose fix removes them all (idempotent)', () => {
    const { text } = readSeed('004');
    const first = text.split('\n')[0];
    const doubled = first + '\n' + text;
    const f = findings(doubled, 'conversion-junk');
    assert.equal(f.length, 2);
    assert.equal(doubled.slice(f[0].start, f[0].end), first + '\n' + first);
    assert.equal(applyAndRecheck(doubled, f[0]), text.slice(first.length + 1));
    const base = report();
    const twice = base.replace('一、总体情况\n\n', '一、总体情况\n\n本局[bookmark: _GoBack][bookmark: _GoBack]发布信息。\n\n');
    const g = findings(twice, 'conversion-junk');
    assert.equal(g.length, 1);
    assert.equal(applyAndRecheck(twice, g[0]), base.replace('一、总体情况\n\n', '一、总体情况\n\n本局发布信息。\n\n'));
  });

  it('page numbers, button text and attachment bars on lines of their own', () => {
    const base = report();
    for (const junk of ['- 3 -', '－３－', '第 2 页 共 9 页', '【打印】【关闭】', '[打印本页] [关闭窗口]', '分享到：', '附件下载：年度报告.docx', '浏览次数：1024', '首页 > 政务公开 > 年报']) {
      const text = base.replace('二、主动公开政府信息情况', `${junk}\n\n二、主动公开政府信息情况`);
      const f = findings(text, 'conversion-junk');
      assert.equal(f.length, 1, junk);
      assert.equal(text.slice(f[0].start, f[0].end), junk);
      assert.equal(applyAndRecheck(text, f[0]), base.replace('二、主动公开政府信息情况', `\n二、主动公开政府信息情况`), junk);
    }
  });

  it('prose that merely mentions such words is not junk', () => {
    const base = report();
    for (const prose of [
      '全年网站访问量达12万次，当前位置信息更新及时。',
      '访问量：全年12万次，同比增长。',
      '按类别1、类别2统计，系列活动3场。',
      '附件：年度统计表。',
      '首页栏目调整为政务公开、政务服务两大类。',
      '本年增/减为-1个。',
    ]) {
      const text = base.replace('一、总体情况\n\n', `一、总体情况\n\n${prose}\n\n`);
      assert.deepEqual(findings(text, 'conversion-junk').map((f) => f.message.zh), [], prose);
    }
  });

  it('long lines of spaces or repeated button words stay linear (no catastrophic backtracking)', () => {
    const pad = ' '.repeat(50_000);
    const text = report().replace('一、总体情况\n\n', `一、总体情况\n\n访问量${pad}x\n打印${pad}关闭${pad}x\n附件下载${pad}x\n${'XX'.repeat(20_000)}a。${'XX'.repeat(20_000)}。\n${'类别 1\t'.repeat(5_000)}\n\n`);
    const f = check(text).findings.filter((x) => MINE.includes(x.ruleId));
    assert.deepEqual(f.map((x) => x.ruleId).sort(), ['conversion-junk', 'placeholder']);
  });

  it('a chart data line without a title line above it is flagged alone', () => {
    const base = report();
    const text = base.replace('二、主动公开政府信息情况', '网站\t类别 1\t12\t系列 2\n\n二、主动公开政府信息情况');
    const f = findings(text, 'conversion-junk');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '网站\t类别 1\t12\t系列 2');
  });
});

describe('placeholder', () => {
  it('seed 002: （具体网址） on line 5, error, no fix', () => {
    const { text } = readSeed('002');
    const f = findings(text, 'placeholder');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '（具体网址）');
    assert.equal(lineOf(text, f[0].start), 5);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].fix, undefined);
  });

  it('the usual placeholders are each flagged on exactly their text', () => {
    const base = report();
    for (const [sentence, ph] of [
      ['本报告电子版可在XX区人民政府网站查阅。', 'XX'],
      ['全年共收到申请××件。', '××'],
      ['联系人：〇〇，电话略。', '〇〇'],
      ['本报告由[单位名称]编制。', '[单位名称]'],
      ['本报告由【机关名称】编制。', '【机关名称】'],
      ['全年主动公开信息X条。', 'X'],
      ['本报告电子版可在门户网站（网址）查阅。', '（网址）'],
      ['（文字描述）', '（文字描述）'],
      ['网址：http://www.xxx.gov.cn。', 'xxx'],
    ]) {
      const text = base.replace('一、总体情况\n\n', `一、总体情况\n\n${sentence}\n\n`);
      const f = findings(text, 'placeholder');
      assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), [ph], sentence);
    }
  });

  it('ordinary text is not a placeholder: Chinese-numeral years, Latin words, markdown links, products', () => {
    const base = report();
    for (const sentence of [
      '本局成立于二〇〇九年，二〇〇〇年前为科室。',
      '服装尺码XXL、XL均有。',
      '详见[网址](http://www.example.gov.cn)。',
      '会议室面积3×4米。',
      '本局使用Windows XP系统的电脑已全部更换。',
      '单位名称变更为示例市示例局。',
    ]) {
      const text = base.replace('一、总体情况\n\n', `一、总体情况\n\n${sentence}\n\n`);
      assert.deepEqual(findings(text, 'placeholder').map((x) => text.slice(x.start, x.end)), [], sentence);
    }
  });
});

describe('signing-date', () => {
  it('seed 003: 2020年1月26日 on line 129 is an error, with the likely year in the message', () => {
    const { text } = readSeed('003');
    const f = findings(text, 'signing-date');
    assert.equal(f.length, 1);
    assert.equal(lineOf(text, f[0].start), 129);
    assert.equal(text.slice(f[0].start, f[0].end), '2020年1月26日');
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message.zh, /2021年1月26日/);
    // Corrected to the next year, the date is fine.
    assert.deepEqual(findings(text.replace('2020年1月26日', '2021年1月26日'), 'signing-date'), []);
  });

  it('a date inside the reporting year, on its last day, or in an earlier year is an error', () => {
    for (const signed of ['2023年1月20日', '2023年12月31日', '二〇二三年十二月三十一日', '2022年1月20日', '2023-06-01']) {
      const text = report({ signed, eol: '\r\n' });
      const f = findings(text, 'signing-date');
      assert.equal(f.length, 1, signed);
      assert.equal(text.slice(f[0].start, f[0].end), signed);
    }
  });

  it('a date after the reporting year, or no date at all, is fine', () => {
    for (const signed of ['2024年1月1日', '2024年1月20日', '二〇二四年一月二十日', '2024-01-20', null]) {
      assert.deepEqual(findings(report({ signed }), 'signing-date'), [], String(signed));
    }
  });

  it('judges only against a stated year (title or statistics period), not one guessed from the prose', () => {
    const text = report({ signed: '2023年5月1日' })
      .replace('示例市示例局2023年政府信息公开工作年度报告', '示例市示例局政府信息公开工作年度报告')
      .replace('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '');
    assert.equal(check(text).report.year, 2023, 'the year is still inferred for other rules');
    assert.deepEqual(findings(text, 'signing-date'), []);
    assert.deepEqual(findings(text, 'deadline'), []);
  });

  it('a date that does not exist is an error', () => {
    const f = findings(report({ signed: '2024年2月30日' }), 'signing-date');
    assert.equal(f.length, 1);
    assert.match(f[0].message.zh, /不是有效日期/);
  });
});

describe('deadline', () => {
  it('classifies bodies by the end of their name', () => {
    const kind = (n: string) => `${classifyBody(n).month}-${classifyBody(n).day}`;
    assert.equal(kind('示例市示例局'), '1-31');
    assert.equal(kind('吴忠市工业和信息化局'), '1-31');
    assert.equal(kind('示例县人民政府办公室'), '1-31');
    assert.equal(kind('示例省发展和改革委员会'), '1-31');
    assert.equal(kind('示例县城关镇人民政府'), '1-31');
    assert.equal(kind('示例区东城街道办事处'), '1-31');
    assert.equal(kind('示例市人民政府'), '3-31');
    assert.equal(kind('国家税务总局示例市税务局'), '3-31');
    assert.equal(kind('示例市档案馆'), '3-31');
  });

  it('reads the body from the title, from a title split over two lines, or from the signature', () => {
    assert.equal(bodyName(check(report({ organ: '示例市示例局' })).report)?.name, '示例市示例局');
    assert.equal(bodyName(check(readSeed('000').text).report)?.name, '吴忠市工业和信息化局');
    const noOrganInTitle = report().replace('示例市示例局2023年政府信息公开', '2023年政府信息公开');
    assert.equal(bodyName(check(noOrganInTitle).report)?.name, '示例市示例局');
  });

  it('a department signing after 31 January of the next year: warning on the date', () => {
    const text = report({ signed: '2024年2月5日', eol: '\r\n' });
    const f = findings(text, 'deadline');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(text.slice(f[0].start, f[0].end), '2024年2月5日');
    assert.match(f[0].message.zh, /2024年1月31日/);
    assert.deepEqual(findings(report({ signed: '2024年1月31日' }), 'deadline'), []);
  });

  it('a township is held to 31 January, a people’s government and unknown bodies only to 31 March', () => {
    assert.equal(findings(report({ organ: '示例县城关镇人民政府', signed: '2024年2月1日' }), 'deadline').length, 1);
    assert.deepEqual(findings(report({ organ: '示例市人民政府', signed: '2024年3月20日' }), 'deadline'), []);
    assert.equal(findings(report({ organ: '示例市人民政府', signed: '2024年4月1日' }), 'deadline').length, 1);
    assert.deepEqual(findings(report({ organ: '国家税务总局示例市税务局', signed: '2024年3月1日' }), 'deadline'), []);
    assert.equal(findings(report({ organ: '示例市档案馆', signed: '2024年5月8日' }), 'deadline').length, 1);
  });

  it('says nothing about dates inside the reporting year (signing-date’s case) or without a date', () => {
    assert.deepEqual(findings(report({ signed: '2023年2月5日' }), 'deadline'), []);
    assert.deepEqual(findings(report({ signed: null }), 'deadline'), []);
  });
});

describe('statistics-period', () => {
  it('seed 001 has no preamble: one warning on the title line', () => {
    const { text } = readSeed('001');
    const f = findings(text, 'statistics-period');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(lineOf(text, f[0].start), 3);
  });

  it('a period of the wrong year: both dates are errors; the fixes change the year digits only', () => {
    const base = report();
    const text = base.replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2022年12月31日止');
    const f = findings(text, 'statistics-period');
    assert.equal(f.length, 2);
    assert.deepEqual(f.map((x) => [x.severity, text.slice(x.start, x.end)]), [['error', '2022年1月1日'], ['error', '2022年12月31日']]);
    assert.deepEqual(f.map((x) => x.fix!.edits.map((e) => [text.slice(e.start, e.end), e.newText])), [[['2022', '2023']], [['2022', '2023']]]);
    const one = applyAndRecheck(text, f[0]);
    applyAndRecheck(one, findings(one, 'statistics-period')[0]);
    assert.equal(applyFixes(text, f.map((x) => x.fix!)).text, base);
  });

  it('a period that ends before 31 December: error on the end date, fix writes 12月31日', () => {
    const base = report({ eol: '\r\n' });
    const text = base.replace('至2023年12月31日止', '至2023年11月30日止');
    const f = findings(text, 'statistics-period');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '2023年11月30日');
    assert.equal(applyAndRecheck(text, f[0]), base);
  });

  it('seed 000’s 「从 2023 年 1 月 1 日至 12 月 31 日」 is fine; under a 2024 title only the start year is wrong', () => {
    const { text } = readSeed('000');
    assert.deepEqual(findings(text, 'statistics-period'), []);
    const mutated = text.replace('2023 年政府信息公开工作年度报告', '2024 年政府信息公开工作年度报告');
    const f = findings(mutated, 'statistics-period');
    assert.equal(f.length, 1);
    assert.equal(mutated.slice(f[0].start, f[0].end), '2023 年 1 月 1 日');
    const fixed = applyAndRecheck(mutated, f[0]);
    assert.ok(fixed.includes('从 2024 年 1 月 1 日至 12 月 31 日'));
  });

  it('a period given by its year only: fine when it is the reporting year, an error otherwise', () => {
    const base = report();
    const ok = base.replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限为2023年度');
    assert.deepEqual(findings(ok, 'statistics-period'), []);
    const wrong = base.replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限为2022年度');
    const f = findings(wrong, 'statistics-period');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(wrong.slice(f[0].start, f[0].end), '2022');
    assert.equal(applyAndRecheck(wrong, f[0]), ok);
  });

  it('a BOM and CRLF do not shift the positions', () => {
    const text = '\ufeff' + report({ eol: '\r\n' }).replace('至2023年12月31日止', '至2023年6月30日止');
    const { report: r, findings: all } = check(text);
    const f = all.filter((x) => x.ruleId === 'statistics-period');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '2023年6月30日');
    const pos = r.source.lines.positionAt(f[0].start);
    assert.equal(pos.line, 2);
    assert.equal(text.split('\r\n')[2].slice(pos.character, pos.character + 10), '2023年6月30日');
  });
});

describe('title', () => {
  it('a short form of 「政府信息公开工作年度报告」 is a warning with a fix', () => {
    const base = report();
    for (const short of ['政府信息公开年报', '政府信息公开年度报告', '政府信息公开工作年报']) {
      const text = base.replace('政府信息公开工作年度报告', short);
      const f = findings(text, 'title');
      assert.equal(f.length, 1, short);
      assert.equal(f[0].severity, 'warning');
      assert.equal(applyAndRecheck(text, f[0]), base);
    }
  });

  it('a title that is not recognised as one (政务公开…) is flagged as the title line', () => {
    const text = report().replace('示例市示例局2023年政府信息公开工作年度报告', '示例市示例局2023年政务公开工作年度报告');
    const f = findings(text, 'title');
    assert.equal(f.length, 1);
    assert.equal(lineOf(text, f[0].start), 1);
    assert.equal(applyAndRecheck(text, f[0]), report());
  });

  it('a title without the year: warning on the title, no fix', () => {
    const text = report().replace('示例市示例局2023年政府信息公开工作年度报告', '示例市示例局政府信息公开工作年度报告');
    const f = findings(text, 'title');
    assert.equal(f.length, 1);
    assert.match(f[0].message.zh, /报告年度/);
    assert.equal(f[0].fix, undefined);
  });

  it('no title at all: one warning where the title belongs', () => {
    const text = report().replace('示例市示例局2023年政府信息公开工作年度报告\n\n', '');
    const f = findings(text, 'title');
    assert.equal(f.length, 1);
    assert.match(f[0].message.zh, /缺少标题/);
  });

  it('the seeds’ titles (split, spaced, markdown, 年度) are all accepted', () => {
    for (const file of seedFiles()) assert.deepEqual(findings(fs.readFileSync(file, 'utf8'), 'title'), [], file);
  });

  it('an empty or blank text gets nothing from these rules', () => {
    assert.deepEqual(check('').findings.filter((f) => MINE.includes(f.ruleId)), []);
    assert.deepEqual(check('\r\n  \r\n').findings.filter((f) => MINE.includes(f.ruleId)), []);
  });
});

describe('format-version', () => {
  it('seed 003 (2020 report, 2019 format) is fine; under a 2021 title its old tables are errors', () => {
    const { text } = readSeed('003');
    assert.deepEqual(findings(text, 'format-version'), []);
    const as2021 = text.replace('2020 年政府信息公开工作年度报告', '2021 年政府信息公开工作年度报告');
    const f = findings(as2021, 'format-version');
    assert.deepEqual(f.map((x) => x.severity), ['error', 'error']);
    assert.equal(as2021.slice(f[0].start, f[0].end), '本年新制作数量');
    assert.equal(as2021.slice(f[1].start, f[1].end).replace(/\s/g, ''), '(六)其他处理'); // as written in the seed
  });

  it('a 2023 report in the 2019 format: table 1 and table 2 are errors', () => {
    const text = report({ version: '2019' });
    const f = findings(text, 'format-version');
    assert.equal(f.length, 2);
    assert.ok(f.every((x) => x.severity === 'error'));
    assert.equal(text.slice(f[0].start, f[0].end), '本年新制作数量');
    assert.equal(text.slice(f[1].start, f[1].end), '（六）其他处理');
  });

  it('mixed: a 2020 report with a 2021 table 1 and the old single-row （六）其他处理 is an error on that row', () => {
    const base = report({ year: 2020, version: '2021' });
    const text = base.replace(renderTable('requests', '2021', { layout: 'tab', fill: 'zero', eol: '\n' }), renderTable('requests', '2019', { layout: 'tab', fill: 'zero', eol: '\n' }));
    assert.notEqual(text, base);
    const f = findings(text, 'format-version');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(text.slice(f[0].start, f[0].end), '（六）其他处理');
    assert.match(f[0].message.zh, /混用/);
  });

  it('a 2020 report wholly in the 2021 format is only information (tolerated)', () => {
    const f = findings(report({ year: 2020, version: '2021' }), 'format-version');
    assert.deepEqual(f.map((x) => x.severity), ['information']);
  });

  it('D4: a 2023 report citing 〔2019〕60号 is a warning on the citation; citing both is fine', () => {
    const base = report();
    const text = base.replace('国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号');
    const f = findings(text, 'format-version');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(text.slice(f[0].start, f[0].end), '国办公开办函〔2019〕60号');
    const both = base.replace('国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号、国办公开办函〔2019〕60号');
    assert.deepEqual(findings(both, 'format-version'), []);
    // ASCII brackets as in seed 000 are read the same way.
    assert.equal(findings(base.replace('国办公开办函〔2021〕30号', '国办公开办函[2019]60号'), 'format-version').length, 1);
  });
});

describe('meta rules under random edits of the seeds', () => {
  // A bounded run over line-level edits (duplicate, delete, swap, join, insert): the fixes of these
  // rules apply, are idempotent and do not leave their finding at the fixed spot.
  const corpus = seedFiles().map((f) => fs.readFileSync(f, 'utf8'));
  const INSERTS = ['\r\n', '\ufeff', '𠮷', '\u3000', '[bookmark: _GoBack]', '访问量:', '- 2 -', 'XX', '2023年1月1日', '政府信息公开年报'];
  type Edit = { kind: number; a: number; b: number; s: string };
  const edit = fc.record({ kind: fc.integer({ min: 0, max: 4 }), a: fc.nat(), b: fc.nat(), s: fc.constantFrom(...INSERTS) });
  function apply(text: string, e: Edit): string {
    const lines = text.split('\n');
    const i = e.a % lines.length;
    const j = e.b % lines.length;
    if (e.kind === 0) lines.splice(i, 0, lines[i]);
    else if (e.kind === 1) lines.splice(i, 1);
    else if (e.kind === 2) [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (e.kind === 3 && i + 1 < lines.length) lines.splice(i, 2, lines[i] + lines[i + 1]);
    else {
      const at = e.b % (text.length + 1);
      return text.slice(0, at) + e.s + text.slice(at);
    }
    return lines.join('\n');
  }
  it('fixes apply once, are idempotent and remove their finding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 5 }), (seed, edits) => {
        const text = edits.reduce(apply, seed);
        for (const f of check(text).findings.filter((x) => MINE.includes(x.ruleId) && x.fix)) {
          const once = applyFixes(text, [f.fix!]);
          assert.equal(once.applied, f.fix!.edits.length, `${f.ruleId} fix applies`);
          assert.equal(applyFixes(once.text, [f.fix!]).text, once.text, `${f.ruleId} fix is idempotent`);
          let mapped = f.start;
          for (const e of f.fix!.edits) if (e.end <= f.start && !(e.start === e.end && e.start === f.start)) mapped += e.newText.length - (e.end - e.start);
          const again = check(once.text).findings.filter((g) => g.ruleId === f.ruleId && g.start === mapped && g.message.zh === f.message.zh);
          assert.deepEqual(again, [], `${f.ruleId} gone after its fix`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
