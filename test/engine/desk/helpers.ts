// Building blocks for the desk tests: reports of several years made at run time from the seeds,
// the examples and the engine's own skeleton, and the facts a folder pipeline would hand over.
import * as assert from 'node:assert/strict';
import { check, factsOf, type CheckOptions, type Finding, type PeerReport } from '../../../server/src/engine';
import { cellId } from '../../../server/src/engine/desk/facts';
import { renderSkeleton } from '../../../server/src/engine/templates';

/** What the folder pipeline computes for each file. */
export function peerOf(file: string, text: string): PeerReport {
  return { file, facts: factsOf(check(text).report) };
}

/** A report's findings of some rules, read beside its peers. */
export function findingsOf(text: string, ruleIds: readonly string[], options: CheckOptions = {}): Finding[] {
  return check(text, options).findings.filter((f) => ruleIds.includes(f.ruleId));
}

/** The text with one cell (spec §9.1 id) rewritten, found where the engine reads it. */
export function setCell(text: string, id: string, value: number | string): string {
  const cell = check(text).report.tables.flatMap((t) => t.cells).find((c) => cellId(c) === id);
  assert.ok(cell, `cell ${id} is read`);
  return text.slice(0, cell.start) + String(value) + text.slice(cell.end);
}

/** The span of a cell, to compare with a finding's. */
export function cellSpan(text: string, id: string): { start: number; end: number } {
  const cell = check(text).report.tables.flatMap((t) => t.cells).find((c) => cellId(c) === id);
  assert.ok(cell, `cell ${id} is read`);
  return { start: cell.start, end: cell.end };
}

/** The same report a year earlier: every year named moves back by one (the notices' years stay). */
export function yearEarlier(text: string, year: number): string {
  return text
    .replace(/〔20(19|21)〕|\[20(19|21)\]/g, (m) => m.replace('20', '\u0000'))
    .replace(new RegExp(String(year), 'g'), String(year - 1))
    .replace(new RegExp(String(year + 1), 'g'), String(year))
    .replace(/\u0000/g, '20');
}

/** A whole report of our own: the skeleton (zeros in every cell) with our own sentences as prose. */
export function skeletonReport(organ: string, year: number, version?: '2021' | '2019'): string {
  let t = renderSkeleton({ organ, year, layout: 'tab', fill: 'zero', eol: '\n', version });
  t = t.replace(/（文字描述）/g, `${year}年，本机关按照条例要求推进主动公开和依申请公开，问题是公开的深度还不够，下一步将逐项改进。`);
  t = t.replace(/（收取信息处理费情况：[^）]*）/, `本机关${year}年未收取信息处理费。`);
  return t;
}
