// Command-line arguments: node:util parseArgs (its tokens), then validation per command.
// Everything the user can get wrong ends up as a UsageError (exit code 2) whose message exists
// in both languages, so it is shown in the language of --lang or of the locale.

import { parseArgs } from 'node:util';
import type { Lang, Localized, RuleSettings, Severity } from '../engine';
import { ruleById } from '../engine';
import type { HelpTopic } from './help';

export class UsageError extends Error {
  constructor(
    readonly text: Localized,
    /** The command whose help is shown after the message (null: the general help). */
    readonly topic: HelpTopic = null,
  ) {
    super(text.en);
  }
}

export type CheckFormat = 'text' | 'json' | 'sarif';
export type ExtractFormat = 'json' | 'csv';
export type SummaryFormat = 'csv' | 'json' | 'html';

interface Common {
  lang: Lang;
  maxSize: number;
  paths: string[];
}

/** How a folder is worked through (check, extract, summary): cores, the per-file limit, progress. */
export interface PipelineOptions {
  /** Worker threads; 1 = everything in the main thread; 'auto': as many as the folder pays for (pipeline/run.ts). */
  jobs: number | 'auto';
  /** Wall-clock limit for one file in ms (0 = none). */
  fileTimeoutMs: number;
  /** No progress bar even on a terminal. */
  quiet: boolean;
}

/** The sidecar config options of the commands that check (check, summary). */
interface ConfigChoice {
  /** --config <file>: the sidecar config for every input (else discovered per report). */
  config?: string;
  /** --no-config: no sidecar config at all. */
  noConfig: boolean;
}

export interface CheckCommand extends Common, PipelineOptions, ConfigChoice {
  command: 'check';
  format: CheckFormat;
  fix: boolean;
  rules: RuleSettings;
}

export interface ExtractCommand extends Common, PipelineOptions {
  command: 'extract';
  format: ExtractFormat;
}

/** `summary <folder>`: one row per report with its key figures and findings per rule. */
export interface SummaryCommand extends Common, PipelineOptions, ConfigChoice {
  command: 'summary';
  format: SummaryFormat;
  rules: RuleSettings;
}

/** `text <file>`: print the report text the checker reads (for .docx/.pdf, the rendered text). */
export interface TextCommand extends Common {
  command: 'text';
}

export type Command =
  | CheckCommand
  | ExtractCommand
  | SummaryCommand
  | TextCommand
  | { command: 'help'; lang: Lang; topic: HelpTopic }
  | { command: 'version' };

export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'];

const OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  fix: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'max-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'file-timeout': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The message language when --lang is not given: the first of LC_ALL, LC_MESSAGES and LANG that
 * is set (POSIX order). A Chinese locale, the C/POSIX locale or none gives Chinese, the
 * product's default; any other language gives English, the other one it speaks.
 */
export function localeLang(env: Environment): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    return /^(zh|c|posix)(?=$|[._@-])/i.test(value) ? 'zh' : 'en';
  }
  return 'zh';
}

const quote = JSON.stringify;

function parseSize(s: string, topic: HelpTopic): number {
  const m = /^(\d+)([KMG]?)B?$/i.exec(s.trim());
  if (!m) {
    throw new UsageError(
      { zh: `--max-size：不是大小：${quote(s)}（例如 1048576、500K、50M）`, en: `--max-size: not a size: ${quote(s)} (e.g. 1048576, 500K, 50M)` },
      topic,
    );
  }
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(m[1]) * unit;
}

function parseJobs(s: string | undefined, topic: HelpTopic): number | 'auto' {
  if (s === undefined) return 'auto';
  if (!/^[1-9]\d{0,3}$/.test(s.trim())) {
    throw new UsageError({ zh: `--jobs：应为正整数，实为 ${quote(s)}`, en: `--jobs: must be a positive whole number, got ${quote(s)}` }, topic);
  }
  return Number(s.trim());
}

/** `60`, `60s`, `500ms`, `2m`; 0 turns the limit off. */
function parseDuration(s: string | undefined, topic: HelpTopic): number {
  if (s === undefined) return DEFAULT_FILE_TIMEOUT_MS;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/i.exec(s.trim());
  if (!m) {
    throw new UsageError(
      { zh: `--file-timeout：不是时长：${quote(s)}（例如 60、60s、500ms、2m；0 为不限）`, en: `--file-timeout: not a duration: ${quote(s)} (e.g. 60, 60s, 500ms, 2m; 0 for none)` },
      topic,
    );
  }
  const unit = { ms: 1, s: 1000, m: 60_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm'];
  return Math.round(Number(m[1]) * unit);
}

function parseRule(spec: string, into: RuleSettings, topic: HelpTopic): void {
  const eq = spec.indexOf('=');
  if (eq <= 0) {
    throw new UsageError({ zh: `--rule：应为 <规则>=<级别|off>，实为 ${quote(spec)}`, en: `--rule: expected <id>=<severity|off>, got ${quote(spec)}` }, topic);
  }
  const id = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  if (!ruleById(id)) throw new UsageError({ zh: `--rule：未知规则 ${quote(id)}`, en: `--rule: unknown rule id ${quote(id)}` }, topic);
  if (value !== 'off' && !SEVERITIES.includes(value)) {
    throw new UsageError(
      {
        zh: `--rule ${id}：级别应为 ${SEVERITIES.join('、')} 或 off，实为 ${quote(value)}`,
        en: `--rule ${id}: severity must be one of ${SEVERITIES.join(', ')} or off, got ${quote(value)}`,
      },
      topic,
    );
  }
  into[id] = value as Severity | 'off';
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T, topic: HelpTopic): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(
      {
        zh: `${option}：应为 ${allowed.join('、')} 之一，实为 ${quote(value)}`,
        en: `${option}: must be one of ${allowed.join(', ')}, got ${quote(value)}`,
      },
      topic,
    );
  }
  return value as T;
}

interface Parsed {
  values: {
    format?: string;
    lang?: string;
    fix?: boolean;
    rule?: string[];
    'max-size'?: string;
    jobs?: string;
    'file-timeout'?: string;
    quiet?: boolean;
    config?: string;
    'no-config'?: boolean;
    help?: boolean;
    version?: boolean;
  };
  positionals: string[];
  /** Problems with the options themselves (unknown, missing value), reported once the language is known. */
  problems: Localized[];
}

/**
 * parseArgs in its lenient mode, with tokens: the problems its strict mode would throw (in
 * English) are found here from the tokens and worded in both languages.
 */
function readArgs(argv: string[]): Parsed {
  const { values, positionals, tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const problems: Localized[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const known = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[t.name];
    if (!known) problems.push({ zh: `未知选项 ${t.rawName}`, en: `unknown option ${t.rawName}` });
    // `--format --lang en`: like parseArgs's strict mode, a value that looks like an option is a missing value.
    else if (known.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) problems.push({ zh: `${t.rawName} 需要一个值`, en: `${t.rawName} needs a value` });
    else if (known.type === 'boolean' && t.inlineValue) problems.push({ zh: `${t.rawName} 不带值`, en: `${t.rawName} takes no value` });
  }
  return { values: values as Parsed['values'], positionals, problems };
}

/**
 * Parse argv (without node and script); `env` gives the default language. Throws UsageError;
 * its `text` is in both languages and `langOf(argv, env)` says which one to show.
 */
export function parseCommandLine(argv: string[], env: Environment = {}): Command {
  const { values, positionals, problems } = readArgs(argv);
  const [command, ...paths] = positionals;
  const topic = helpTopicOf(command);
  const lang = oneOf('--lang', typeof values.lang === 'string' ? values.lang : undefined, ['zh', 'en'] as const, localeLang(env), topic);
  if (problems.length > 0) throw new UsageError(problems[0], topic);
  if (values.help) return { command: 'help', lang, topic };
  if (values.version) return { command: 'version' };
  if (command === undefined) throw new UsageError({ zh: '缺少命令：check 或 extract', en: 'missing command: check or extract' });
  if (command === 'help') {
    const [about] = paths;
    return { command: 'help', lang, topic: helpTopicOf(about) };
  }
  if (topic === null) {
    throw new UsageError({
      zh: `未知命令 ${quote(command)}：应为 check、extract、summary 或 text`,
      en: `unknown command ${quote(command)}: expected check, extract, summary or text`,
    });
  }
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(values['max-size'], topic);
  if (paths.length === 0 && topic !== 'text') throw new UsageError({ zh: `${command}：没有给出文件或文件夹`, en: `${command}: no files or folders given` }, topic);
  const pipeline = (): PipelineOptions => ({
    jobs: parseJobs(values.jobs, topic),
    fileTimeoutMs: parseDuration(values['file-timeout'], topic),
    quiet: values.quiet === true,
  });
  const ruleSettings = (): RuleSettings => {
    const rules: RuleSettings = {};
    for (const r of values.rule ?? []) parseRule(r, rules, topic);
    return rules;
  };
  if (topic === 'check') {
    return {
      command: topic,
      lang,
      maxSize,
      paths,
      format: oneOf('--format', values.format, ['text', 'json', 'sarif'] as const, 'text', topic),
      fix: values.fix === true,
      rules: ruleSettings(),
      ...pipeline(),
      ...configChoice(values, topic),
    };
  }
  if (topic === 'extract') {
    if (values.fix) throw new UsageError({ zh: 'extract：--fix 只用于 check', en: 'extract: --fix is only for check' }, topic);
    if (values.rule) throw new UsageError({ zh: 'extract：--rule 只用于 check', en: 'extract: --rule is only for check' }, topic);
    if (values.config !== undefined || values['no-config']) {
      throw new UsageError({ zh: 'extract：--config、--no-config 只用于 check', en: 'extract: --config and --no-config are only for check' }, topic);
    }
    return { command: topic, lang, maxSize, paths, format: oneOf('--format', values.format, ['json', 'csv'] as const, 'json', topic), ...pipeline() };
  }
  if (topic === 'summary') {
    if (values.fix) throw new UsageError({ zh: 'summary：--fix 只用于 check', en: 'summary: --fix is only for check' }, topic);
    return {
      command: topic,
      lang,
      maxSize,
      paths,
      rules: ruleSettings(),
      format: oneOf('--format', values.format, ['csv', 'json', 'html'] as const, 'csv', topic),
      ...pipeline(),
      ...configChoice(values, topic),
    };
  }
  if (paths.length !== 1) throw new UsageError({ zh: 'text：只能给出一个文件', en: 'text: give exactly one file' }, topic);
  if (values.fix || values.rule || values.format || values.config !== undefined || values['no-config'] || values.jobs || values['file-timeout']) {
    throw new UsageError(
      { zh: 'text：不接受 --fix、--rule、--format、--config、--jobs 或 --file-timeout', en: 'text: takes no --fix, --rule, --format, --config, --jobs or --file-timeout' },
      topic,
    );
  }
  return { command: topic, lang, maxSize, paths };
}

function configChoice(values: Parsed['values'], topic: HelpTopic): ConfigChoice {
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError({ zh: '--config 与 --no-config 不能同时使用', en: '--config and --no-config cannot be used together' }, topic);
  }
  return { ...(values.config !== undefined ? { config: values.config } : {}), noConfig: values['no-config'] === true };
}

function helpTopicOf(command: string | undefined): HelpTopic {
  return command === 'check' || command === 'extract' || command === 'summary' || command === 'text' ? command : null;
}

/**
 * The language to show a usage error in: --lang when it names one, else the locale's. (When the
 * error is in --lang itself, the locale's.)
 */
export function langOf(argv: string[], env: Environment = {}): Lang {
  const { values } = readArgs(argv);
  return values.lang === 'zh' || values.lang === 'en' ? values.lang : localeLang(env);
}
