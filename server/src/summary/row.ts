// One row of the folder summary: who reported on which year, the key figures of the three tables
// and what the checker found. Computed per file from that file's CheckResult alone (the folder
// pipeline calls it inside its workers), and plain data, so it crosses threads and the LSP wire.

import { factsOf } from '../engine/desk/facts';
import type { CheckResult, FormatVersion, Lang, Severity } from '../engine/model';

/** The figures a reviewer compares across reports; null when the cell was not read (never guessed). */
export interface SummaryFigures {
  /** 一、本年新收 (requests R1 总计). */
  received: number | null;
  /** 二、上年结转 (R2 总计). */
  carriedIn: number | null;
  /** 三（七）总计: requests closed this year (R24 总计). */
  closed: number | null;
  /** 四、结转下年度继续办理 (R25 总计). */
  carriedOut: number | null;
  /** (予以公开 + 部分公开) / 办结, 0..1; null when a term is missing or nothing was closed. */
  disclosedShare: number | null;
  /** 行政复议 总计 and 结果纠正 (appeals A5, A2). */
  reviews: number | null;
  reviewsCorrected: number | null;
  /** 行政诉讼 总计 and 结果纠正: 未经复议直接起诉 + 复议后起诉 (B5 + C5, B2 + C2). */
  lawsuits: number | null;
  lawsuitsCorrected: number | null;
  /** 第二十条第（八）项 行政事业性收费 本年收费金额（万元）: the 2021 format only (2019 counts items). */
  fees: number | null;
}

export type SeverityCounts = Record<Severity, number>;

/** One finding, located for a link: 0-based line and UTF-16 character, as in LSP and `check --format json`. */
export interface SummaryFinding {
  ruleId: string;
  severity: Severity;
  line: number;
  character: number;
  message: string;
}

export interface SummaryRow {
  /** The file as the caller named it (a path for the CLI, a URI for the language server). */
  file: string;
  organ: string | null;
  /** The organ normalised for pairing: rows of one body over the years share it. */
  organKey: string | null;
  year: number | null;
  formatVersion: FormatVersion | null;
  figures: SummaryFigures;
  counts: SeverityCounts;
  /** Findings per rule id and severity (only the rules that found something). */
  byRule: Record<string, SeverityCounts>;
  findings: SummaryFinding[];
}

/** Spec §9.1 ids of the cells the figures come from. */
export const FIGURE_CELLS = {
  received: 'requests/R1/c7',
  carriedIn: 'requests/R2/c7',
  disclosed: 'requests/R3/c7',
  partlyDisclosed: 'requests/R4/c7',
  closed: 'requests/R24/c7',
  carriedOut: 'requests/R25/c7',
  reviews: 'appeals/A5',
  reviewsCorrected: 'appeals/A2',
  directLawsuits: 'appeals/B5',
  directLawsuitsCorrected: 'appeals/B2',
  reviewedLawsuits: 'appeals/C5',
  reviewedLawsuitsCorrected: 'appeals/C2',
  fees: 'proactive/第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）',
} as const;

export const zeroCounts = (): SeverityCounts => ({ error: 0, warning: 0, information: 0, hint: 0 });

export function summaryRow(file: string, result: CheckResult, lang: Lang): SummaryRow {
  const { report, findings } = result;
  const facts = factsOf(report);
  const values = new Map<string, number | null>();
  // A cell read twice (a table pasted twice) counts as the report's first one, as the rules read it.
  for (const c of facts.cells) if (!values.has(c.id)) values.set(c.id, c.value);
  const value = (id: string): number | null => values.get(id) ?? null;
  const sum = (...ids: string[]): number | null => {
    const terms = ids.map(value);
    return terms.every((t): t is number => t !== null) ? terms.reduce((a, b) => a + b, 0) : null;
  };

  const closed = value(FIGURE_CELLS.closed);
  const disclosed = sum(FIGURE_CELLS.disclosed, FIGURE_CELLS.partlyDisclosed);
  const figures: SummaryFigures = {
    received: value(FIGURE_CELLS.received),
    carriedIn: value(FIGURE_CELLS.carriedIn),
    closed,
    carriedOut: value(FIGURE_CELLS.carriedOut),
    disclosedShare: disclosed !== null && closed !== null && closed > 0 ? disclosed / closed : null,
    reviews: value(FIGURE_CELLS.reviews),
    reviewsCorrected: value(FIGURE_CELLS.reviewsCorrected),
    lawsuits: sum(FIGURE_CELLS.directLawsuits, FIGURE_CELLS.reviewedLawsuits),
    lawsuitsCorrected: sum(FIGURE_CELLS.directLawsuitsCorrected, FIGURE_CELLS.reviewedLawsuitsCorrected),
    fees: value(FIGURE_CELLS.fees),
  };

  const counts = zeroCounts();
  const byRule: Record<string, SeverityCounts> = {};
  const located: SummaryFinding[] = [];
  for (const f of findings) {
    counts[f.severity]++;
    (byRule[f.ruleId] ??= zeroCounts())[f.severity]++;
    const at = report.source.lines.positionAt(f.start);
    located.push({ ruleId: f.ruleId, severity: f.severity, line: at.line, character: at.character, message: f.message[lang] });
  }
  return {
    file,
    organ: facts.organ,
    organKey: facts.organKey,
    year: facts.year,
    formatVersion: facts.formatVersion,
    figures,
    counts,
    byRule,
    findings: located,
  };
}
