// The record behind the README's reliability section: the hardening suites write what they ran
// into test-output/reliability.json, one section each, and scripts/reliability.ts renders only
// the sections a run recorded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Suite } from 'mocha';
import { REPO_ROOT } from './seeds';

export const RELIABILITY_RECORD = path.join(REPO_ROOT, 'test-output', 'reliability.json');

/** Replace one section of the record, keeping the others. */
export function writeReliability(section: string, value: unknown): void {
  fs.mkdirSync(path.dirname(RELIABILITY_RECORD), { recursive: true });
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(fs.readFileSync(RELIABILITY_RECORD, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first writer */
  }
  data[section] = value;
  fs.writeFileSync(RELIABILITY_RECORD, JSON.stringify(data, null, 2) + '\n');
}

export interface SuiteRecord {
  date: string;
  file: string;
  passed: number;
  failed: number;
  tests: string[];
}

/**
 * For a describe block's `after`: records how its tests ended under `section` → the suite's title,
 * so the record says what ran and whether it passed, not what the suite is meant to cover.
 */
export function recordSuite(section: string): (this: Mocha.Context) => void {
  return function () {
    const suite = this.test?.parent as Suite | undefined;
    if (!suite) return;
    const tests = suite.tests;
    let data: Record<string, unknown> = {};
    try {
      data = (JSON.parse(fs.readFileSync(RELIABILITY_RECORD, 'utf8')) as Record<string, Record<string, unknown>>)[section] ?? {};
    } catch {
      /* first writer */
    }
    const record: SuiteRecord = {
      date: new Date().toISOString(),
      file: path.relative(REPO_ROOT, suite.file ?? tests[0]?.file ?? '').replace(/^out\//, '').replace(/\.js$/, '.ts'),
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: tests.filter((t) => t.state === 'failed').length,
      tests: tests.map((t) => t.title),
    };
    writeReliability(section, { ...data, [suite.title]: record });
  };
}
