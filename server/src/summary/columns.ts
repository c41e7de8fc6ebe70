// The summary's columns, once for every renderer: CSV headers and HTML table headers in both
// languages, and how each value is taken from a row.

import type { Lang, Localized, Severity } from '../engine/model';
import type { SummaryFigures, SummaryRow } from './row';

export interface Column {
  key: string;
  label: Localized;
  /** Numbers sort as numbers and are right-aligned; text sorts by locale. */
  type: 'text' | 'number';
  value(row: SummaryRow): string | number | null;
}

const figure = (key: keyof SummaryFigures, zh: string, en: string): Column => ({
  key,
  label: { zh, en },
  type: 'number',
  value: (r) => r.figures[key],
});

const SEVERITY_WORDS: Record<Severity, Localized> = {
  error: { zh: '错误', en: 'errors' },
  warning: { zh: '警告', en: 'warnings' },
  information: { zh: '提示', en: 'information' },
  hint: { zh: '建议', en: 'hints' },
};
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export const severityWord = (s: Severity, lang: Lang): string => SEVERITY_WORDS[s][lang];

export const IDENTITY_COLUMNS: readonly Column[] = [
  { key: 'file', label: { zh: '文件', en: 'file' }, type: 'text', value: (r) => r.file },
  { key: 'organ', label: { zh: '机关', en: 'body' }, type: 'text', value: (r) => r.organ },
  { key: 'year', label: { zh: '年度', en: 'year' }, type: 'number', value: (r) => r.year },
  { key: 'format', label: { zh: '格式', en: 'format' }, type: 'text', value: (r) => r.formatVersion },
];

export const FIGURE_COLUMNS: readonly Column[] = [
  figure('received', '本年新收', 'received'),
  figure('carriedIn', '上年结转', 'carried in'),
  figure('closed', '办结', 'closed'),
  figure('carriedOut', '结转下年度', 'carried over'),
  figure('disclosedShare', '予以公开+部分公开占办结比例', 'disclosed share of closed'),
  figure('reviews', '行政复议', 'reviews'),
  figure('reviewsCorrected', '复议纠正', 'reviews corrected'),
  figure('lawsuits', '行政诉讼', 'lawsuits'),
  figure('lawsuitsCorrected', '诉讼纠正', 'lawsuits corrected'),
  figure('fees', '行政事业性收费（万元）', 'fees (10,000 yuan)'),
];

export const COUNT_COLUMNS: readonly Column[] = SEVERITIES.map((s) => ({
  key: s,
  label: SEVERITY_WORDS[s],
  type: 'number' as const,
  value: (r: SummaryRow) => r.counts[s],
}));

/** One column per rule and severity that occurs in any row: `row-total 错误`, ordered by rule id. */
export function ruleColumns(rows: readonly SummaryRow[]): Column[] {
  const seen = new Map<string, Set<Severity>>();
  for (const r of rows) {
    for (const [id, counts] of Object.entries(r.byRule)) {
      const severities = seen.get(id) ?? new Set<Severity>();
      for (const s of SEVERITIES) if (counts[s] > 0) severities.add(s);
      seen.set(id, severities);
    }
  }
  const out: Column[] = [];
  for (const id of [...seen.keys()].sort()) {
    for (const s of SEVERITIES) {
      if (!seen.get(id)!.has(s)) continue;
      out.push({
        key: `${id}:${s}`,
        label: { zh: `${id} ${SEVERITY_WORDS[s].zh}`, en: `${id} ${SEVERITY_WORDS[s].en}` },
        type: 'number',
        value: (r) => r.byRule[id]?.[s] ?? 0,
      });
    }
  }
  return out;
}
