// The rule registry: every rule, in the order of spec §9.2 (after not-a-report, which decides
// whether there is a report to check at all), then the reviewers' rules that §9.2 does not list yet.
// Settings schema (package.json), docs/rules/*.md and the CLI's SARIF rules all derive from this list.

import notAReport from './not-a-report';
import missingSection from './missing-section';
import sectionOrder from './section-order';
import headingNumbering from './heading-numbering';
import missingTable from './missing-table';
import tableShape from './table-shape';
import formatVersion from './format-version';
import labelMismatch from './label-mismatch';
import title from './title';
import statisticsPeriod from './statistics-period';
import conversionJunk from './conversion-junk';
import placeholder from './placeholder';
import invalidNumber from './invalid-number';
import emptyCell from './empty-cell';
import balance from './balance';
import resultsTotal from './results-total';
import rowTotal from './row-total';
import appealsTotal from './appeals-total';
import proactivePlausibility from './proactive-plausibility';
import textTableMismatch from './text-table-mismatch';
import proseSum from './prose-sum';
import signingDate from './signing-date';
import deadline from './deadline';
import feeStatement from './fee-statement';
import feeConsistency from './fee-consistency';
import otherHandlingShare from './other-handling-share';
import crossYear from './cross-year';
import repeatedText from './repeated-text';
import aggregate from './aggregate';
import summaryLength from './summary-length';
import problemsAndMeasures from './problems-and-measures';
import enumeration from './enumeration';
import coverLetter from './cover-letter';
import strayYear from './stray-year';
import duplicatedPhrase from './duplicated-phrase';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  notAReport,
  missingSection,
  sectionOrder,
  headingNumbering,
  missingTable,
  tableShape,
  formatVersion,
  labelMismatch,
  title,
  statisticsPeriod,
  conversionJunk,
  placeholder,
  invalidNumber,
  emptyCell,
  balance,
  resultsTotal,
  rowTotal,
  appealsTotal,
  proactivePlausibility,
  textTableMismatch,
  proseSum,
  signingDate,
  deadline,
  feeStatement,
  feeConsistency,
  otherHandlingShare,
  crossYear,
  repeatedText,
  aggregate,
  summaryLength,
  problemsAndMeasures,
  enumeration,
  // Reviewers' rules (issue 14): what provincial 政务公开办 notices and evaluators find.
  coverLetter,
  strayYear,
  duplicatedPhrase,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
