// What a config means for one report: the check options it sets (rule severities merged under the
// face's own overrides, the repeated-text threshold) and the findings it ignores. Shared by the CLI
// and the language server so both read the same file the same way.

import {
  type CheckOptions,
  type CheckResult,
  type Finding,
  fingerprints,
  type IgnoredFinding,
  type RuleSettings,
  suppressFindings,
} from '../engine';
import * as path from 'node:path';
import { fileInConfig, type LoadedConfig } from './discover';

/** The config's rule severities with the face's overrides on top (CLI --rule wins over the file). */
export function mergeRules(fromConfig: RuleSettings | undefined, overrides: RuleSettings | undefined): RuleSettings {
  return { ...(fromConfig ?? {}), ...(overrides ?? {}) };
}

export class ReportConfig {
  /** The report's path relative to the config's folder (the `file` of its ignore entries). */
  readonly file: string | null;
  private readonly ignore: IgnoredFinding[];

  constructor(
    /** The config in force (null: none, or --no-config). */
    readonly loaded: LoadedConfig | null,
    private readonly reportFile: string,
  ) {
    this.file = loaded ? fileInConfig(loaded, reportFile) : null;
    this.ignore = loaded?.config.ignore?.filter((e) => e.file === this.file) ?? [];
  }

  /** The check options for this report: `base` with the config's settings under its own rules. */
  options(base: CheckOptions = {}): CheckOptions {
    const config = this.loaded?.config;
    if (!config) return base;
    const out: CheckOptions = { ...base, rules: mergeRules(config.rules, base.rules) };
    if (config.repeatedTextThreshold !== undefined && base.repeatedTextThreshold === undefined) out.repeatedTextThreshold = config.repeatedTextThreshold;
    return out;
  }

  /** The findings to show and how many the config's ignore entries took out. */
  suppress(result: Pick<CheckResult, 'findings' | 'report'>): { findings: Finding[]; suppressed: number } {
    if (this.ignore.length === 0 || this.file === null) return { findings: result.findings, suppressed: 0 };
    const { kept, suppressed } = suppressFindings(result.findings, result.report.source.text, this.file, this.ignore);
    return { findings: kept, suppressed: suppressed.length };
  }

  /**
   * The fingerprint of every finding of the check (same order, before any is suppressed), as an
   * ignore entry of the config in force would name it; without one, as a config beside the report
   * would (the first one discovery finds).
   */
  fingerprints(result: Pick<CheckResult, 'findings' | 'report'>): string[] {
    return ReportConfig.fingerprintsIn(this.loaded?.dir ?? path.dirname(this.reportFile), this.reportFile, result);
  }

  /** Fingerprints of every finding of the check (same order), relative to `dir`'s config. */
  static fingerprintsIn(dirOfConfig: string, reportFile: string, result: Pick<CheckResult, 'findings' | 'report'>): string[] {
    return fingerprints(result.findings, result.report.source.text, fileInConfig({ dir: dirOfConfig }, reportFile));
  }
}
