// Command-line arguments: node:util parseArgs, then validation per command.
// Everything the user can get wrong ends up as a UsageError (exit code 2).

import { parseArgs } from 'node:util';
import type { Lang, RuleSettings, Severity } from '../engine';
import { ruleById } from '../engine';

export class UsageError extends Error {}

export type CheckFormat = 'text' | 'json' | 'sarif';
export type ExtractFormat = 'json' | 'csv';

interface Common {
  lang: Lang;
  maxSize: number;
  paths: string[];
}

export interface CheckCommand extends Common {
  command: 'check';
  format: CheckFormat;
  fix: boolean;
  rules: RuleSettings;
}

export interface ExtractCommand extends Common {
  command: 'extract';
  format: ExtractFormat;
}

export type Command =
  | CheckCommand
  | ExtractCommand
  | { command: 'help'; lang: Lang }
  | { command: 'version' };

export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'];

export const USAGE = `Usage:
  disclosure-report check [options] <files or folders...>
  disclosure-report extract [--format json|csv] <files or folders...>
  disclosure-report --help | --version

check options:
  --format text|json|sarif   output format (default text)
  --lang zh|en               message language (default zh)
  --fix                      apply the fixes the rules offer and write the changed files
  --rule <id>=<severity|off> override a rule's severity (error, warning, information, hint) or
                             turn it off; may be repeated
  --max-size <bytes[K|M|G]>  skip files larger than this (default 50M)

Folders are searched recursively for .txt and .md files (node_modules and .git are skipped).
Exit code: 0 no error found, 1 errors found, 2 bad usage or an input that could not be read/written.
See docs/cli.md for the JSON, SARIF and CSV formats.`;

export const USAGE_ZH = `用法：
  disclosure-report check [选项] <文件或文件夹...>
  disclosure-report extract [--format json|csv] <文件或文件夹...>
  disclosure-report --help | --version

check 的选项：
  --format text|json|sarif   输出格式（默认 text）
  --lang zh|en               提示语言（默认 zh 中文）
  --fix                      应用规则给出的修复，并写回有改动的文件
  --rule <规则>=<级别|off>    调整某条规则的级别（error、warning、information、hint）或关闭（off），可重复
  --max-size <字节数[K|M|G]>  跳过大于此大小的文件（默认 50M）

文件夹会递归查找 .txt 和 .md 文件（跳过 node_modules 和 .git）。
退出码：0 未发现错误；1 发现错误；2 用法错误，或有输入无法读取/写入。
JSON、SARIF、CSV 格式见 docs/cli.md。`;

export function usage(lang: Lang): string {
  return lang === 'zh' ? USAGE_ZH : USAGE;
}

function parseSize(s: string): number {
  const m = /^(\d+)([KMG]?)B?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-size: not a size: ${JSON.stringify(s)} (e.g. 1048576, 500K, 50M)`);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(m[1]) * unit;
}

function parseRule(spec: string, into: RuleSettings): void {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule: expected <id>=<severity|off>, got ${JSON.stringify(spec)}`);
  const id = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  if (!ruleById(id)) throw new UsageError(`--rule: unknown rule id ${JSON.stringify(id)}`);
  if (value !== 'off' && !SEVERITIES.includes(value)) {
    throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')} or off, got ${JSON.stringify(value)}`);
  }
  into[id] = value as Severity | 'off';
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option}: must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Parse argv (without node and script). Throws UsageError. */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        lang: { type: 'string' },
        fix: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        'max-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const lang = oneOf('--lang', values.lang, ['zh', 'en'] as const, 'zh');
  if (values.help) return { command: 'help', lang };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: check or extract');
  if (command === 'help') return { command: 'help', lang };
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(values['max-size']);
  if (command === 'check') {
    if (paths.length === 0) throw new UsageError('check: no files or folders given');
    const rules: RuleSettings = {};
    for (const r of values.rule ?? []) parseRule(r, rules);
    return {
      command,
      lang,
      maxSize,
      paths,
      format: oneOf('--format', values.format, ['text', 'json', 'sarif'] as const, 'text'),
      fix: values.fix === true,
      rules,
    };
  }
  if (command === 'extract') {
    if (paths.length === 0) throw new UsageError('extract: no files or folders given');
    if (values.fix) throw new UsageError('extract: --fix is only for check');
    if (values.rule) throw new UsageError('extract: --rule is only for check');
    return { command, lang, maxSize, paths, format: oneOf('--format', values.format, ['json', 'csv'] as const, 'json') };
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}: expected check or extract`);
}
