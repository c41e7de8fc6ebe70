// The rule registry: every rule, in the order their findings are documented.
// Settings schema (package.json), docs/rules/*.md and the CLI all derive from this list.

import type { Rule } from './types';

export const rules: readonly Rule[] = [];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
