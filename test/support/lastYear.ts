// Last year's report of the same body, made at run time from a report text: every year one less,
// and its 结转下年度 (requests R25, first column) set, so that this year's 上年结转 can be compared.
import * as assert from 'node:assert/strict';
import { check, factsOf } from '../../server/src/engine';

export function lastYearOf(text: string, carried: number): string {
  const year = check(text).report.year as number;
  const shifted = text.replaceAll(String(year), String(year - 1)).replaceAll(String(year + 1), String(year));
  const cell = factsOf(check(shifted).report).cells.find((c) => c.id === 'requests/R25/c1');
  assert.ok(cell, 'the report has a 结转下年度 row');
  return shifted.slice(0, cell.start) + String(carried) + shifted.slice(cell.end);
}
