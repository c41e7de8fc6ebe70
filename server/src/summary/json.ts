// `summary --format json`: the rows as they are computed (row.ts documents every field).

import type { SummaryRow } from './row';

export function summaryJson(rows: readonly SummaryRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}
