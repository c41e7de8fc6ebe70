// What a rule is: data (id, severity, docs, messages) plus one check function.
// Each rule lives in its own file under rules/ and is listed once in rules/index.ts.

import type { CheckOptions, Finding, Localized, Report, RuleSettings, Severity } from '../model';

/** What a rule hands to ctx.add: a finding without the bookkeeping the engine fills in. */
export type NewFinding = Omit<Finding, 'ruleId' | 'severity' | 'related'> & {
  related?: Finding['related'];
  /** Lower than the rule's default for a milder case (e.g. an open-ended list). */
  severity?: Severity;
};

export interface RuleContext {
  add(finding: NewFinding): void;
  /** The rule settings of this check: rules that share one decision (localization) need to know which are off. */
  rules?: RuleSettings;
  /** The reports this one is read against (absent when checked alone: cross-report rules then say nothing). */
  peers?: CheckOptions['peers'];
  repeatedTextThreshold?: number;
}

export interface RuleDoc {
  /** One line: what the rule checks. */
  summary: Localized;
  /** Longer explanation in Markdown: why, where it comes from, how to fix. */
  details: Localized;
  /** A short wrong example and the right one, in report text. */
  examples?: { bad: string; good: string }[];
}

export interface Rule {
  /** Stable kebab-case id (spec §9.2): diagnostics' code, settings key, doc page name. */
  id: string;
  defaultSeverity: Severity;
  /**
   * The severities the rule gives instead of its default in some cases (a finding's `severity`:
   * a heading numbered in another style, a table row read with a note). The rule pages say
   * "error / warning, by case"; a test holds each rule to these.
   */
  caseSeverities?: readonly Severity[];
  /** Spec rule numbers it implements (S01, T2.1, …). */
  spec: string[];
  fixable: boolean;
  doc: RuleDoc;
  check(report: Report, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
