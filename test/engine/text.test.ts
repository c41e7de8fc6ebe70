// The length-preserving view and UTF-16 positions: CRLF, BOM, U+3000, full-width digits, 𠮷.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, LineIndex } from '../../server/src/engine';
import { normalisedView } from '../../server/src/engine/text/view';
import { REPO_ROOT } from '../support/seeds';

const CLEAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');
const MISTAKES = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');

function summary(text: string): string[] {
  const { report, findings } = check(text);
  return findings.map((f) => {
    const s = report.source.lines.positionAt(f.start);
    return `${s.line}:${f.ruleId}:${text.slice(f.start, f.end)}`;
  });
}

describe('text view and positions', () => {
  it('the view has the same length and maps full-width digits, brackets and U+3000', () => {
    const s = '\ufeff（一）１２３〔2021〕\u3000𠮷，';
    const v = normalisedView(s);
    assert.equal(v.length, s.length);
    assert.equal(v, ' (一)123[2021] 𠮷,');
  });

  it('LineIndex counts UTF-16 units and treats \\r\\n, \\r and \\n as line breaks', () => {
    const idx = new LineIndex('a𠮷b\r\ncd\re\nf');
    assert.deepEqual(idx.positionAt(4), { line: 0, character: 4 });
    assert.deepEqual(idx.positionAt(6), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(9), { line: 2, character: 0 });
    assert.equal(idx.offsetAt({ line: 3, character: 1 }), 12);
    assert.deepEqual(idx.positionAt(5), { line: 0, character: 4 }, 'inside \\r\\n is the end of the line');
  });

  it('CRLF, a BOM and U+3000 indents give the same findings on the same text', () => {
    const base = summary(MISTAKES);
    assert.ok(base.length >= 8);
    assert.deepEqual(summary(MISTAKES.replace(/\n/g, '\r\n')), base);
    const bom = summary('\ufeff' + MISTAKES);
    assert.deepEqual(bom, base.map((s) => s.replace(/^0:/, '0:')));
    const indented = MISTAKES.replace(/^(二、|三、|四、|六、)/gm, '\u3000\u3000$1');
    assert.deepEqual(summary(indented).map((s) => s.split(':')[1]), base.map((s) => s.split(':')[1]));
  });

  it('full-width digits are read as numbers, and the fix writes full-width digits back', () => {
    const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const full = MISTAKES.replace(/^(一、本年新收政府信息公开申请数量.*)$/m, (line) => toFull(line));
    const f = check(full).findings.find((x) => x.ruleId === 'row-total' && full.slice(x.start, x.end) === '１８');
    assert.ok(f, 'the wrong total １８ is flagged');
    assert.equal(f.fix?.edits[0].newText, '１６');
  });

  it('an astral character before a cell shifts its character offset by two UTF-16 units', () => {
    // 𠮷 typed into the row label, before the wrong total on the same line.
    const withAstral = MISTAKES.replace('一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量𠮷');
    const a = check(MISTAKES);
    const b = check(withAstral);
    const pos = (r: typeof a, pred: (t: string) => boolean) => {
      const f = r.findings.find((x) => x.ruleId === 'row-total' && pred(r.report.source.text.slice(x.start, x.end)))!;
      return r.report.source.lines.positionAt(f.start);
    };
    const pa = pos(a, (t) => t === '18');
    const pb = pos(b, (t) => t === '18');
    assert.equal(pb.line, pa.line);
    assert.equal(pb.character, pa.character + 2);
  });

  it('the clean example has no findings at all', () => {
    assert.deepEqual(summary(CLEAN), []);
  });
});
