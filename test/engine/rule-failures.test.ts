// A rule that throws is skipped: the other rules' findings still come, and the failure is returned
// with that check's result (never kept by the engine between checks).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, ruleById } from '../../server/src/engine';
import { REPO_ROOT } from '../support/seeds';

const mistakes = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');

describe('rule failures', () => {
  it('a throwing rule is listed in ruleFailures of that check only; the other rules still report', () => {
    const healthy = check(mistakes);
    assert.deepEqual(healthy.ruleFailures, []);
    assert.ok(healthy.findings.some((f) => f.ruleId === 'row-total'));

    const rule = ruleById('row-total')!;
    const original = rule.check;
    const bug = new Error('simulated rule bug');
    rule.check = () => {
      throw bug;
    };
    let broken;
    try {
      broken = check(mistakes);
    } finally {
      rule.check = original;
    }
    assert.deepEqual(broken.ruleFailures, [{ ruleId: 'row-total', error: bug }]);
    assert.deepEqual(
      broken.findings.map((f) => f.ruleId),
      healthy.findings.filter((f) => f.ruleId !== 'row-total').map((f) => f.ruleId),
      'every other rule reported as before',
    );
    assert.deepEqual(check(mistakes).ruleFailures, [], 'the next check starts clean');
  });
});
