// The excerpt under a text-output finding: the caret sits under the span in terminal columns
// (tabs expanded to 4, CJK two columns wide, astral characters one character), long lines are cut.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine';
import { parseReport } from '../../server/src/engine';
import { excerpt, formatFinding } from '../../server/src/cli/formats/text';

function finding(start: number, end: number): Finding {
  return { start, end, ruleId: 'row-total', severity: 'error', message: { zh: '总计不对', en: 'wrong total' }, related: [] };
}

function render(text: string, start: number, end: number): { source: string; marks: string } {
  const [source, marks] = excerpt(parseReport(text), finding(start, end), { color: false });
  return { source, marks };
}

/** Column (0-based) where the marks start, after the gutter " N | ". */
function caretColumn(marks: string): number {
  return marks.slice(marks.indexOf('|') + 2).indexOf('^');
}

describe('cli text output: excerpt', () => {
  it('places the caret under an ASCII span after a tab', () => {
    const { source, marks } = render('a\tbcd\n', 2, 4); // "bc"
    assert.equal(source, ' 1 | a   bcd');
    assert.equal(caretColumn(marks), 4);
    assert.match(marks, /\^~$/);
  });

  it('counts CJK as two columns and an astral character as one character of two columns', () => {
    const text = '总计𠮷\t9\n';
    const at = text.indexOf('9');
    assert.equal(at, 5, '总 计 + surrogate pair + tab');
    const { source, marks } = render(text, at, at + 1);
    assert.equal(source, ' 1 | 总计𠮷  9');
    assert.equal(caretColumn(marks), 8);
  });

  it('underlines to the end of the line when the span goes on, and marks an empty span with one caret', () => {
    const two = render('abc\ndef\n', 1, 6);
    assert.equal(two.source, ' 1 | abc');
    assert.match(two.marks, /\| {2}\^~$/);
    const empty = render('abc\n', 3, 3);
    assert.equal(caretColumn(empty.marks), 3);
    assert.match(empty.marks, /\^$/);
  });

  it('cuts a 1 MB line to a short window around the span, with the line number of the span', () => {
    const text = 'x\n' + '0'.repeat(500_000) + '99' + '0'.repeat(500_000);
    const at = text.indexOf('99');
    const { source, marks } = render(text, at, at + 2);
    assert.ok(source.length < 200, `excerpt is short (${source.length})`);
    assert.match(source, /^ 2 \| …0+990+…$/);
    const col = caretColumn(marks);
    assert.equal(source.slice(source.indexOf('|') + 2).slice(col, col + 2), '99');
  });

  it('replaces control characters and keeps CRLF out of the excerpt', () => {
    const { source } = render('a\u0007b\r\nc', 2, 3);
    assert.equal(source, ' 1 | a?b');
  });

  it('formats the head like a compiler and colours only when asked', () => {
    const report = parseReport('第一行\n总计\t9\n');
    const f = finding(7, 8); // the 9
    const plain = formatFinding('r.txt', report, f, 'zh', { color: false });
    assert.equal(plain.split('\n')[0], 'r.txt:2:4 error 总计不对 [row-total]');
    assert.doesNotMatch(plain, /\x1b/);
    assert.match(formatFinding('r.txt', report, f, 'en', { color: true }), /\x1b\[31merror\x1b\[0m wrong total/);
  });
});
