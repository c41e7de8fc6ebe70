// Templates are quiet until worked on (CheckOptions.templateQuiet, the editor's view); a check of
// the whole document (CLI, workspace check) still reports everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding } from '../../server/src/engine';
import { planTable } from '../../server/src/engine/ide';
import { renderSkeleton } from '../../server/src/engine/templates';
import { REPO_ROOT } from '../support/seeds';

const loud = (fs: Finding[]): string[] => fs.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.ruleId);
const count = (fs: Finding[], rule: string): number => fs.filter((f) => f.ruleId === rule).length;

describe('templates are quiet until worked on', () => {
  const skeleton = renderSkeleton({ organ: '某市某局', year: 2023, layout: 'tab', fill: 'blank', eol: '\n' });

  it('a fresh skeleton: no error and no warning in the editor; the placeholders are hints; the CLI view reports them', () => {
    const editor = check(skeleton, { templateQuiet: true }).findings;
    assert.deepEqual(loud(editor), []);
    assert.equal(count(editor, 'empty-cell'), 0, 'blank tables nobody has written in are silent');
    assert.ok(editor.filter((f) => f.ruleId === 'placeholder').every((f) => f.severity === 'hint'));
    assert.ok(count(editor, 'placeholder') >= 2);
    const whole = check(skeleton).findings;
    assert.ok(count(whole, 'placeholder') >= 2 && whole.some((f) => f.ruleId === 'placeholder' && f.severity === 'error'));
    assert.ok(count(whole, 'empty-cell') > 30);
  });

  it('writing in a section makes its placeholder an error again; other sections stay quiet', () => {
    const touched = skeleton.replace('一、总体情况\n\n（文字描述）', '一、总体情况\n\n本年度，本局认真贯彻落实《条例》。（文字描述）');
    assert.notEqual(touched, skeleton);
    const editor = check(touched, { templateQuiet: true }).findings.filter((f) => f.ruleId === 'placeholder');
    const sev = editor.map((f) => `${touched.slice(0, f.start).split('\n').length}:${f.severity}`);
    assert.equal(editor.filter((f) => f.severity === 'error').length, 1, sev.join(' '));
    assert.ok(editor.some((f) => f.severity === 'hint'), sev.join(' '));
  });

  it('filling one row of a fresh table: the rows not yet written in are hints in the editor, warnings for the CLI', () => {
    const zero = renderSkeleton({ organ: '某市某局', year: 2023, layout: 'tab', fill: 'zero', eol: '\n' }).split('\n');
    const lines = skeleton.split('\n');
    const i = zero.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    lines[i] = zero[i].replace('\t\t\t0\t0\t0\t0\t0\t0\t0', '\t\t\t3\t0\t0\t0\t0\t0\t3');
    const typed = lines.join('\n');
    const { report } = check(typed);
    const requests = report.tables.find((t) => t.id === 'requests')!;
    assert.deepEqual(requests.cells.filter((c) => c.row === 'R1').map((c) => c.raw), ['3', '0', '0', '0', '0', '0', '3']);
    const inRequests = (f: Finding): boolean => requests.cells.some((c) => c.start === f.start && c.state === 'empty');
    const editor = check(typed, { templateQuiet: true }).findings.filter((f) => f.ruleId === 'empty-cell');
    assert.ok(editor.every(inRequests), 'the two tables nobody has written in stay silent');
    assert.ok(editor.length >= 20, 'the untouched rows of the table being filled are listed');
    assert.ok(editor.every((f) => f.severity === 'hint'));
    const whole = check(typed).findings.filter((f) => f.ruleId === 'empty-cell' && inRequests(f));
    assert.equal(whole.length, editor.length);
    assert.ok(whole.every((f) => f.severity === 'warning'));
  });

  it('a report with a blank cell in a row that has numbers still warns in the editor', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');
    const { report } = check(text);
    const cell = report.tables.find((t) => t.id === 'appeals')!.cells.find((c) => c.row === 'A1')!;
    const blanked = text.slice(0, cell.start) + text.slice(cell.end);
    const empty = check(blanked, { templateQuiet: true }).findings.filter((f) => f.ruleId === 'empty-cell');
    assert.equal(empty.length, 1);
    assert.equal(empty[0].severity, 'warning');
  });

  it('a blank table inserted into a written report adds no error and no warning in the editor', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'protocol', 'empty-sections-2023.txt'), 'utf8');
    const before = loud(check(text, { templateQuiet: true }).findings);
    const plan = planTable(check(text).report, 'requests', { layout: 'auto', fill: 'blank' }, false);
    assert.equal(plan.kind, 'insert');
    const inserted = text.slice(0, plan.edit.start) + plan.edit.newText + text.slice(plan.edit.end);
    const after = check(inserted, { templateQuiet: true }).findings;
    assert.deepEqual(loud(after).filter((r) => r !== 'missing-table'), before.filter((r) => r !== 'missing-table'));
    assert.equal(count(after, 'empty-cell'), 0);
    assert.ok(count(check(inserted).findings, 'empty-cell') > 0, 'the whole-document check still reports the blank cells');
  });
});
