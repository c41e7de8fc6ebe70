// The one fix applier (fixes/apply.ts): what it applies, what it skips, and that applying the
// same edits to its own output changes nothing more.
import * as assert from 'node:assert/strict';
import { applyEdits, type TextEdit } from '../../server/src/engine';

/** Apply, then apply the same edits to the result: the second pass must change nothing. */
function twice(text: string, edits: TextEdit[]): { once: string; applied: number } {
  const first = applyEdits(text, edits);
  const second = applyEdits(first.text, edits);
  assert.equal(second.text, first.text, 'applying the edits again changes nothing');
  assert.equal(second.applied, 0, 'nothing applies the second time');
  return { once: first.text, applied: first.applied };
}

describe('fix applier', () => {
  it('a replacement that extends its old text (1 → 12, ## → ###, …情 → …情况) is applied once', () => {
    assert.equal(twice('总计\t1\n', [{ start: 3, end: 4, newText: '12', expected: '1' }]).once, '总计\t12\n');
    assert.equal(twice('## 一、总体情况\n', [{ start: 0, end: 2, newText: '###', expected: '##' }]).once, '### 一、总体情况\n');
    assert.equal(twice('五、存在的主要问题及改进情\n', [{ start: 2, end: 13, newText: '存在的主要问题及改进情况' }]).once, '五、存在的主要问题及改进情况\n');
  });

  it('a replacement that puts text before its old text (主动公开 → 二、主动公开) is applied once', () => {
    assert.equal(twice('主动公开政府信息情况\n', [{ start: 0, end: 10, newText: '二、主动公开政府信息情况' }]).once, '二、主动公开政府信息情况\n');
  });

  it('a replacement whose span no longer holds its expected text is skipped', () => {
    const r = applyEdits('总计\t3\n', [{ start: 3, end: 4, newText: '4', expected: '2' }]);
    assert.deepEqual(r, { text: '总计\t3\n', applied: 0, skipped: 1 });
  });

  it('a deletion with its expected text removes exactly that text, once', () => {
    const text = '一、总体情况\n[bookmark: _GoBack]本局……\n';
    const start = text.indexOf('[');
    const junk = '[bookmark: _GoBack]';
    assert.equal(twice(text, [{ start, end: start + junk.length, newText: '', expected: junk }]).once, '一、总体情况\n本局……\n');
  });

  it('several insertions at one offset all apply, in the order given; an exact duplicate once', () => {
    const text = '一、总体情况\n\n六、其他需要报告的事项\n';
    const at = text.indexOf('六');
    const four = '四、政府信息公开行政复议、行政诉讼情况\n\n';
    const five = '五、存在的主要问题及改进情况\n\n';
    const r = twice(text, [
      { start: at, end: at, newText: four },
      { start: at, end: at, newText: five },
      { start: at, end: at, newText: five },
    ]);
    assert.equal(r.once, `一、总体情况\n\n${four}${five}六、其他需要报告的事项\n`);
    assert.equal(r.applied, 2);
  });

  it('an insertion whose text already stands right before or after the offset is skipped', () => {
    const heading = '五、存在的主要问题及改进情况\n';
    const text = `${heading}六、其他需要报告的事项\n`;
    assert.equal(applyEdits(text, [{ start: 0, end: 0, newText: heading }]).applied, 0);
    assert.equal(applyEdits(text, [{ start: heading.length, end: heading.length, newText: heading }]).applied, 0);
  });

  it('overlapping edits keep the first; edits that only touch (a replacement and an insertion at its end) both apply', () => {
    const text = 'abcdef';
    const overlap = applyEdits(text, [
      { start: 1, end: 4, newText: 'X' },
      { start: 3, end: 5, newText: 'Y' },
    ]);
    assert.deepEqual(overlap, { text: 'aXef', applied: 1, skipped: 1 });
    const touching = applyEdits(text, [
      { start: 1, end: 3, newText: 'X' },
      { start: 3, end: 3, newText: '+' },
    ]);
    assert.deepEqual(touching, { text: 'aX+def', applied: 2, skipped: 0 });
  });

  it('an edit outside the text is skipped, never thrown on', () => {
    const r = applyEdits('abc', [
      { start: 2, end: 9, newText: 'x' },
      { start: -1, end: 0, newText: 'y' },
      { start: 2, end: 1, newText: 'z' },
    ]);
    assert.deepEqual(r, { text: 'abc', applied: 0, skipped: 3 });
  });

  it('offsets are UTF-16 units: an edit after 𠮷 and CRLF lands where it should', () => {
    const text = '𠮷\r\n总计\t1\r\n';
    const at = text.indexOf('1');
    assert.equal(twice(text, [{ start: at, end: at + 1, newText: '7', expected: '1' }]).once, '𠮷\r\n总计\t7\r\n');
  });
});
