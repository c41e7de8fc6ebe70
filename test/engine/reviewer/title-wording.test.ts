// Title wording (part of the `title` rule, which owns the title): 「工作报告」「工作总结」「情况报告」
// 「年报」 instead of 「年度报告」, named in the message, with a fix where the wording leaves no doubt.
import * as assert from 'node:assert/strict';
import { check } from '../../../server/src/engine';
import { corpus, findings, mutate, ownReport, applyAndRecheck } from './helpers';

const base = ownReport();
const TITLE = '示例市示例局2023年政府信息公开工作年度报告';

describe('title wording (rule title)', () => {
  it('the seeds and examples have no title finding', () => {
    for (const [name, text] of corpus()) assert.deepEqual(findings(text, 'title'), [], name);
  });

  it('names the document the title calls itself, and the fix writes the annual report’s name', () => {
    const cases: [string, string][] = [
      ['示例市示例局2023年政府信息公开工作总结', '工作总结'],
      ['示例市示例局2023年政府信息公开工作报告', '工作报告'],
      ['示例市示例局2023年政府信息公开工作情况报告', '情况报告'],
      ['示例市示例局2023年度政府信息公开工作报告', '工作报告'],
      ['示例市示例局2023年政府信息公开年度工作总结', '工作总结'],
      ['示例市示例局2023年政府信息公开年报', '年报'],
    ];
    for (const [title, word] of cases) {
      const text = mutate(base, [TITLE, title]);
      const fs1 = findings(text, 'title');
      assert.equal(fs1.length, 1, title);
      const [f] = fs1;
      assert.equal(text.slice(f.start, f.end), title);
      assert.equal(f.severity, 'warning');
      assert.equal(f.data?.word, word, title);
      assert.match(f.message.zh, new RegExp(`写的是「${word}」，不是「年度报告」`), title);
      assert.match(f.message.en, new RegExp(`says 「${word}」 instead of 「年度报告」`), title);
      const fixed = applyAndRecheck(text, f);
      assert.equal(check(fixed).findings.filter((g) => g.ruleId === 'title').length, 0, title);
      assert.ok(fixed.includes('政府信息公开工作年度报告'), title);
    }
  });

  it('「政务公开工作总结」 is named but not rewritten: it may be another document', () => {
    const text = mutate(base, [TITLE, '示例市示例局2023年政务公开工作总结']);
    const [f, ...rest] = findings(text, 'title');
    assert.deepEqual(rest, []);
    assert.equal(f.data?.word, '工作总结');
    assert.equal(f.fix, undefined);
  });

  it('one finding per title: the shorter form without 工作 keeps its own message', () => {
    const text = mutate(base, [TITLE, '示例市示例局2023年政府信息公开年度报告']);
    const [f, ...rest] = findings(text, 'title');
    assert.deepEqual(rest, []);
    assert.equal(f.data?.word, undefined);
    assert.match(f.message.zh, /完整的「政府信息公开工作年度报告」/);
  });
});
