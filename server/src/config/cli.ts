// The command line's use of the config: `--config <file>` for every input, `--no-config` for
// none, else discovery from each report's folder. Each config's problems are printed once, the
// first time a report needs it; a config with errors is not used, and the reports under it are not
// checked (the run ends with exit code 2), since their suppressions and severities are unknown.

import * as path from 'node:path';
import type { Lang, Localized } from '../engine';
import { ReportConfig } from './apply';
import { ConfigFinder, type LoadedConfig } from './discover';
import { formatProblem } from './parse';

export interface CliConfigOptions {
  /** --config <file>: this file for every report, no discovery. */
  configFile?: string;
  /** --no-config: neither a given nor a discovered config. */
  noConfig?: boolean;
  cwd: string;
  lang: Lang;
  /** Where problems are printed (stderr). */
  err(s: string): void;
}

export type ConfigForReport = { ok: true; config: ReportConfig } | { ok: false; reason: Localized };

export class CliConfigs {
  private readonly finder = new ConfigFinder();
  private readonly announced = new Set<string>();

  constructor(private readonly opts: CliConfigOptions) {}

  /** Read the --config file before anything is checked; false when it cannot be used. */
  start(): boolean {
    if (this.opts.noConfig || this.opts.configFile === undefined) return true;
    return this.announce(this.finder.load(path.resolve(this.opts.cwd, this.opts.configFile))).ok;
  }

  /** The config of one report (as the user named the file). */
  forReport(file: string): ConfigForReport {
    const absolute = path.resolve(this.opts.cwd, file);
    if (this.opts.noConfig) return { ok: true, config: new ReportConfig(null, absolute) };
    const loaded =
      this.opts.configFile !== undefined ? this.finder.load(path.resolve(this.opts.cwd, this.opts.configFile)) : this.finder.forReport(absolute);
    if (loaded && !this.announce(loaded).ok) {
      const shown = this.shown(loaded.file);
      return { ok: false, reason: { zh: `未检查：配置文件 ${shown} 有错误`, en: `not checked: the config ${shown} has errors` } };
    }
    return { ok: true, config: new ReportConfig(loaded, absolute) };
  }

  /** Print a config's problems the first time it is used. */
  private announce(loaded: LoadedConfig): LoadedConfig {
    if (!this.announced.has(loaded.file)) {
      this.announced.add(loaded.file);
      for (const p of loaded.problems) this.opts.err(`disclosure-report: ${formatProblem(this.shown(loaded.file), p, this.opts.lang)}\n`);
    }
    return loaded;
  }

  private shown(file: string): string {
    const rel = path.relative(this.opts.cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  }
}
