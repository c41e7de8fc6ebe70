// The engine's public API: text in, report model + findings (+ fixes as data) out.
// PURE: no vscode / vscode-languageserver import anywhere below server/src/engine.

import type { CheckOptions, CheckResult, Finding, Lang, Localized, Report, RuleFailure, Severity } from './model';
import type { Document } from './input/document';
import { textDocument } from './input/text';
import { readDocument } from './read/report';
import { rules } from './rules';
import type { NewFinding, Rule, RuleContext } from './rules/types';
import { quietTemplates } from './templates/quiet';

export * from './model';
export { parseReport, readDocument, readHead } from './read/report';
export type { ReportHead } from './read/report';
export { textDocument } from './input/text';
export { blockAt } from './input/document';
export type { Block, Document, DocumentForm, DocumentOptions, Origin } from './input/document';
export { rules, ruleById } from './rules';
export type { Rule } from './rules/types';
export { applyFixes, applyEdits, chooseEdits } from './fixes/apply';
export { LineIndex } from './text/lines';
export * from './desk';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Parse the text and run every enabled rule. Never throws for any input text. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  return checkDocument(textDocument(text), options);
}

/** Read a Document (from any input adapter) and run every enabled rule. Never throws. */
export function checkDocument(document: Document, options: CheckOptions = {}): CheckResult {
  const report = readDocument(document);
  return { report, ...runRules(report, options) };
}

/**
 * The registry's ids in the order findings at one place are listed: as localeCompare orders them,
 * which for lowercase kebab-case ids is code-unit order (a test holds the registry to that). The
 * first localeCompare of a process loads ICU's collation data: tens of ms in every worker.
 */
const RULE_RANK = new Map([...rules].map((r) => r.id).sort().map((id, i) => [id, i]));

/** Every enabled rule on a report read before; a rule that throws is skipped and listed in ruleFailures. */
export function runRules(report: Report, options: CheckOptions = {}): { findings: Finding[]; ruleFailures: RuleFailure[] } {
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const length = report.source.text.length;
  // One context for every rule: `add` reads the rule being run from these two variables (a
  // closure and a context per rule and report cost more than the rules' own work on small reports).
  let rule: Rule = rules[0];
  let setting: Severity | undefined;
  const ctx: RuleContext = {
    add(f: NewFinding): void {
      // Clamp defensively: a range outside the document would break every client.
      const start = Math.max(0, Math.min(f.start, length));
      // One shape for every finding (the rules' literals come in dozens of shapes): adding fields
      // to the rule's object cost a map transition each, and every reader after the rules (sort,
      // suppression, output) read the findings' fields through megamorphic lookups.
      const finding: Finding = {
        start,
        end: Math.max(start, Math.min(f.end, length)),
        ruleId: rule.id,
        // A user's explicit severity wins; otherwise the rule's default, or the milder one it asks for.
        severity: setting ?? f.severity ?? rule.defaultSeverity,
        message: f.message,
        related: f.related ?? [],
        data: f.data,
        fix: f.fix,
        alternatives: f.alternatives,
      };
      findings.push(finding);
    },
    rules: options.rules,
    peers: options.peers,
    repeatedTextThreshold: options.repeatedTextThreshold,
  };
  for (const r of rules) {
    const s = options.rules?.[r.id];
    if (s === 'off') continue;
    rule = r;
    setting = s;
    try {
      r.check(report, ctx);
    } catch (err) {
      // A rule bug must not take the other rules (or the server) down with it.
      ruleFailures.push({ ruleId: r.id, error: err });
    }
  }
  const shown = options.templateQuiet ? quietTemplates(report, findings) : findings;
  shown.sort(
    (a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareRuleIds(a.ruleId, b.ruleId),
  );
  return { findings: shown, ruleFailures };
}

/** localeCompare of two rule ids, by their precomputed places (ICU collation per comparison is slow). */
function compareRuleIds(a: string, b: string): number {
  const ra = RULE_RANK.get(a);
  const rb = RULE_RANK.get(b);
  return ra !== undefined && rb !== undefined ? ra - rb : a.localeCompare(b);
}

export function localize(message: Localized, lang: Lang): string {
  return message[lang];
}

/** Relative path of a rule's documentation page inside the package (Chinese; English under en/). */
export function ruleDocPath(ruleId: string, lang: Lang = 'zh'): string {
  return lang === 'en' ? `docs/rules/en/${ruleId}.md` : `docs/rules/${ruleId}.md`;
}
