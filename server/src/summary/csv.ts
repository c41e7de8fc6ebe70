// `summary --format csv`: one row per report, the columns of columns.ts, then one column per rule
// and severity found anywhere. RFC 4180 like `extract` (UTF-8 BOM, CRLF, formula-safe text).

import type { Lang } from '../engine/model';
import { csvField } from '../cli/formats/extract';
import { type Column, COUNT_COLUMNS, FIGURE_COLUMNS, IDENTITY_COLUMNS, ruleColumns } from './columns';
import type { SummaryRow } from './row';

export function summaryCsv(rows: readonly SummaryRow[], lang: Lang): string {
  const columns: Column[] = [...IDENTITY_COLUMNS, ...FIGURE_COLUMNS, ...COUNT_COLUMNS, ...ruleColumns(rows)];
  const header = columns.map((c) => csvField(c.label[lang])).join(',');
  const lines = rows.map((r) => columns.map((c) => csvField(c.value(r), c.type === 'text')).join(','));
  return '\ufeff' + [header, ...lines].map((l) => l + '\r\n').join('');
}
