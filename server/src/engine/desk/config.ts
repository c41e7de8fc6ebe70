// The reviewer's sidecar config (`.disclosure-report.json` / `.jsonc`) as the engine sees it: plain
// data, already parsed and validated by the faces (server/src/config). The engine never reads files.

import type { RuleSettings } from '../model';

export interface OrganAlias {
  /** The name reports of this body are paired under. */
  name: string;
  /** Other names its titles use (short forms, old names). */
  aliases: string[];
}

export interface Aggregate {
  /** The region's report: a file (relative to the config) or an organ name. */
  report: string;
  /** Its member reports, the same way. */
  members: string[];
  /** Allowed difference per cell (documented exclusions); 0 by default. */
  tolerance?: number;
}

export interface IgnoredFinding {
  /** fingerprint.ts: rule + file + what it found. */
  fingerprint: string;
  rule: string;
  file: string;
  /** Why it is ignored (free text, shown in the config only). */
  reason?: string;
}

export interface DeskConfig {
  rules?: RuleSettings;
  organs?: OrganAlias[];
  aggregates?: Aggregate[];
  ignore?: IgnoredFinding[];
  /** repeated-text: share of last year's prose above which a report counts as copied (0..1, default 0.5). */
  repeatedTextThreshold?: number;
}
