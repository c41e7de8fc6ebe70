// Findings at one place are listed by rule id as localeCompare orders the ids; the engine ranks
// the registry's ids in code-unit order (no ICU collation at start-up), which must agree.
import * as assert from 'node:assert/strict';
import { rules } from '../../server/src/engine';

describe('finding order', () => {
  it('the rule ids sort the same in code-unit order and with localeCompare', () => {
    const ids = rules.map((r) => r.id);
    assert.deepEqual([...ids].sort(), [...ids].sort((a, b) => a.localeCompare(b)));
  });
});
