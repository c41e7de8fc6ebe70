// What the form tests compare: the cells the engine reads and the findings it reports, by content
// (ids, values, messages, data), not by offset — offsets belong to each form's own text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CheckResult } from '../../server/src/engine';
import { REPO_ROOT } from '../support/seeds';

export const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

export function cellsOf(r: CheckResult): string[] {
  return r.report.tables.flatMap((t) => t.cells.map((c) => `${c.table}|${c.item ?? ''}|${c.row}|${c.column ?? ''}=${c.state}:${c.value}`));
}

/** Arithmetic and value findings: what must not change with the form a report arrives in. */
export const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'appeals-total', 'invalid-number', 'empty-cell']);

export function findingsOf(r: CheckResult, only?: Set<string>): string[] {
  return r.findings
    .filter((f) => !only || only.has(f.ruleId))
    .map((f) => `${f.ruleId}|${f.severity}|${f.message.zh}|${JSON.stringify(f.data ?? null)}`)
    .sort();
}
