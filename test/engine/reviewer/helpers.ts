// Shared by the reviewer-rule suites: a clean report of our own writing (the engine's skeleton
// with our prose), the seeds and examples, and the fix round trip.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, type Finding } from '../../../server/src/engine';
import { renderSkeleton } from '../../../server/src/engine/templates';
import { REPO_ROOT, seedFiles } from '../../support/seeds';

export const OPENING = (year: number) => `${year}年，本局坚持以公开为常态、不公开为例外，全年主动公开政府信息120条，其中政策解读12条。`;
export const PLAN = (year: number) => `本局政府信息公开工作存在的主要问题是政策解读形式单一。${year + 1}年，本局将丰富解读形式，提高解读质量。`;

/** Our own clean report: the skeleton, our prose for sections 一, 五 and 六, a signature. */
export function ownReport(opts: { year?: number; eol?: '\n' | '\r\n' } = {}): string {
  const year = opts.year ?? 2023;
  const eol = opts.eol ?? '\n';
  let t = renderSkeleton({ organ: '示例市示例局', year, layout: 'tab', fill: 'zero', eol });
  t = t.replace('（文字描述）', OPENING(year)).replace('（文字描述）', PLAN(year));
  t = t.replace(/（收取信息处理费情况：[^）]*）/, `本局${year}年未收取信息处理费。`);
  return t + `${eol}示例市示例局${eol}${year + 1}年1月20日${eol}`;
}

/** Replace each `from` (which must occur) by `to`. */
export function mutate(text: string, ...pairs: [string, string][]): string {
  for (const [from, to] of pairs) {
    assert.ok(text.includes(from), `fixture holds ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

export function findings(text: string, rule: string): Finding[] {
  return check(text).findings.filter((f) => f.ruleId === rule);
}

/** `line:text` of each finding (1-based line, the finding's span as written). */
export function where(text: string, fs1: Finding[]): string[] {
  const lines = check(text).report.source.lines;
  return fs1.map((f) => `${lines.positionAt(f.start).line + 1}:${text.slice(f.start, f.end)}`);
}

/** The seeds and the team's examples, each as [name, text]. */
export function corpus(): [string, string][] {
  const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((n) => path.join(REPO_ROOT, 'examples', n));
  return [...seedFiles(), ...examples].map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]);
}

/** Apply one finding's fix; assert it applies, is idempotent, and the finding is gone. */
export function applyAndRecheck(text: string, f: Finding): string {
  assert.ok(f.fix, `${f.ruleId} has a fix`);
  const once = applyFixes(text, [f.fix]);
  assert.equal(once.applied, f.fix.edits.length, 'fix applies');
  assert.equal(applyFixes(once.text, [f.fix]).text, once.text, 'applying twice changes nothing more');
  const again = check(once.text).findings.filter((g) => g.ruleId === f.ruleId && g.start === f.start && g.message.zh === f.message.zh);
  assert.deepEqual(again, [], 'the fixed problem is gone');
  return once.text;
}
