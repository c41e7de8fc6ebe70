// The engine's public API: text in, report model + findings (+ fixes as data) out.
// PURE: no vscode / vscode-languageserver import anywhere below server/src/engine.

import type { CheckOptions, CheckResult, Finding, Lang, Localized, Report, RuleFailure, Severity } from './model';
import type { Document } from './input/document';
import { textDocument } from './input/text';
import { readDocument } from './read/report';
import { rules } from './rules';
import type { NewFinding } from './rules/types';
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

/** Every enabled rule on a report read before; a rule that throws is skipped and listed in ruleFailures. */
export function runRules(report: Report, options: CheckOptions = {}): { findings: Finding[]; ruleFailures: RuleFailure[] } {
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const length = report.source.text.length;
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const add = (f: NewFinding): void => {
      // Clamp defensively: a range outside the document would break every client.
      const start = Math.max(0, Math.min(f.start, length));
      const end = Math.max(start, Math.min(f.end, length));
      findings.push({
        ...f,
        start,
        end,
        ruleId: rule.id,
        // A user's explicit severity wins; otherwise the rule's default, or the milder one it asks for.
        severity: setting ?? f.severity ?? rule.defaultSeverity,
        related: f.related ?? [],
      });
    };
    try {
      rule.check(report, { add, rules: options.rules, peers: options.peers, repeatedTextThreshold: options.repeatedTextThreshold });
    } catch (err) {
      // A rule bug must not take the other rules (or the server) down with it.
      ruleFailures.push({ ruleId: rule.id, error: err });
    }
  }
  const shown = options.templateQuiet ? quietTemplates(report, findings) : findings;
  shown.sort(
    (a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
  return { findings: shown, ruleFailures };
}

export function localize(message: Localized, lang: Lang): string {
  return message[lang];
}

/** Relative path of a rule's documentation page inside the package (Chinese; English under en/). */
export function ruleDocPath(ruleId: string, lang: Lang = 'zh'): string {
  return lang === 'en' ? `docs/rules/en/${ruleId}.md` : `docs/rules/${ruleId}.md`;
}
