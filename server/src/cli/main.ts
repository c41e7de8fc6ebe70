// The CLI's flow: arguments → files → the folder pipeline (read, pair, check or extract: pipeline/)
// → output in the order of the files → exit code.
// Exit code: 2 when the usage was wrong, a folder held no report file, or any input could not be
// read (or a fix not written), else 1 when any error-severity finding remains, else 0.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DeskConfig, type Lang, ruleById } from '../engine';
import { CliConfigs } from '../config/cli';
import type { LoadedConfig } from '../config/discover';
import { type CheckCommand, type ExtractCommand, langOf, parseCommandLine, type SummaryCommand, type TextCommand, UsageError } from './args';
import type { ExtractedCell } from './formats/extract';
import type { JsonFileResult } from './formats/json';
import type { SarifPart } from './formats/sarif';
import { summary, type Totals } from './formats/text';
import { helpText } from './help';
import { collectFiles, type InputProblem, isProblem } from './input';
import { packageInfo } from './package-info';
import { Progress } from './pipeline/progress';
import { DEFAULT_WORKER_HEAP_MB, KEEP_BYTES, runPipeline } from './pipeline/run';
import { type FileOutcome, PROG, readFile, type WorkSettings } from './pipeline/work';
import type { SummaryRow } from '../summary/row';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  color: boolean;
  cwd: string;
  /** stderr is a terminal: the progress bar is drawn there (never when it is piped). */
  errIsTTY?: boolean;
  /** The environment: LC_ALL, LC_MESSAGES and LANG give the language when --lang is not given. */
  env?: Readonly<Record<string, string | undefined>>;
}

// The SARIF and extract writers are loaded by the commands that use them, so a plain `check`
// does not pay for them at start-up.
const sarifWriter = (): typeof import('./formats/sarif') => require('./formats/sarif');
const extractWriter = (): typeof import('./formats/extract') => require('./formats/extract');
const summaryWriters = (): typeof import('../summary') => require('../summary');

export async function main(argv: string[], io: Io): Promise<number> {
  let cmd;
  const env = io.env ?? {};
  try {
    cmd = parseCommandLine(argv, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const lang = langOf(argv, env);
    io.err(`${PROG}: ${err.text[lang]}\n\n${helpText(err.topic, lang)}\n`);
    return 2;
  }
  switch (cmd.command) {
    case 'help':
      io.out(`${helpText(cmd.topic, cmd.lang)}\n`);
      return 0;
    case 'version':
      io.out(`${packageInfo.version}\n`);
      return 0;
    case 'check':
      return runCheck(cmd, io);
    case 'extract':
      return runExtract(cmd, io);
    case 'summary':
      return runSummary(cmd, io);
    case 'text':
      return runText(cmd, io);
  }
}

/** The progress bar on stderr: on a terminal only, and not with --quiet. */
function progressOf(quiet: boolean, lang: Lang, io: Io): Progress | null {
  return io.errIsTTY && !quiet ? new Progress(io.err, lang) : null;
}

function reportProblem(p: InputProblem, lang: Lang, io: Io, problems: InputProblem[]): void {
  problems.push(p);
  io.err(`${PROG}: ${p.file}: ${p.reason[lang]}\n`);
}

/** The commands that work through a folder in the pipeline. */
type PipelineCommand = CheckCommand | ExtractCommand | SummaryCommand;

/** The settings every worker gets for a run. */
function workSettings(cmd: PipelineCommand, io: Io, configs: LoadedConfig[]): WorkSettings {
  return {
    configs,
    output: cmd.command === 'check' ? cmd.format : cmd.command,
    lang: cmd.lang,
    rules: cmd.command === 'extract' ? {} : cmd.rules,
    fix: cmd.command === 'check' && cmd.fix,
    maxSize: cmd.maxSize,
    color: io.color,
    cwd: io.cwd,
    // DISCLOSURE_REPORT_KEEP=0 reads every file again in the check pass (bench/folder.ts compares).
    // The main thread keeps as much as one worker would (a quarter of its heap limit).
    keepBytes: io.env?.DISCLOSURE_REPORT_KEEP === '0' ? 0 : KEEP_BYTES(DEFAULT_WORKER_HEAP_MB),
  };
}

/**
 * The files of the command line through the pipeline; `onFile` gets each file's outcome in the
 * order of the files, after its notes, warnings and problems went to their streams.
 */
async function throughPipeline(
  cmd: PipelineCommand,
  io: Io,
  problems: InputProblem[],
  onFile: (o: FileOutcome, out: (s: string) => void) => void,
  configs: CliConfigs | null = null,
): Promise<void> {
  const { files, problems: walkProblems } = collectFiles(cmd.paths);
  for (const p of walkProblems) reportProblem(p, cmd.lang, io, problems);
  const desk = configs ? configsOf(files, configs) : { list: [], index: new Map<string, number>(), refused: new Map<string, InputProblem>(), pairing: {} };
  // A single file is no long run: no bar (its output stays exactly as before).
  const progress = files.length > 1 ? progressOf(cmd.quiet, cmd.lang, io) : null;
  // Anything written to the terminal wipes the bar first; the next tick draws it again.
  const out = (s: string): void => {
    progress?.clear();
    io.out(s);
  };
  const err = (s: string): void => {
    progress?.clear();
    io.err(s);
  };
  // Text goes to stdout; with machine formats, the notes about fixes go to stderr.
  const note = cmd.command === 'check' && cmd.format === 'text' ? out : err;
  try {
    await runPipeline({
      files,
      settings: workSettings(cmd, io, desk.list),
      configIndex: desk.index,
      refused: desk.refused,
      desk: desk.pairing,
      jobs: cmd.jobs,
      fileTimeoutMs: cmd.fileTimeoutMs,
      progress,
      emit: (o) => {
        for (const n of o.notes) note(n + '\n');
        for (const w of o.warnings) err(w + '\n');
        for (const p of o.problems) {
          progress?.clear();
          reportProblem(p, cmd.lang, io, problems);
        }
        onFile(o, out);
      },
    });
  } finally {
    progress?.clear();
  }
}

/**
 * The config of every file, found in the main thread before any is read (their problems printed
 * once, in order): the distinct configs go to every worker, each file names its own by index; a
 * file whose config has errors is not checked. Pairing reads the organ names and aggregates of
 * every config in force.
 */
function configsOf(files: readonly string[], configs: CliConfigs): { list: LoadedConfig[]; index: Map<string, number>; refused: Map<string, InputProblem>; pairing: DeskConfig } {
  const list: LoadedConfig[] = [];
  const index = new Map<string, number>();
  const refused = new Map<string, InputProblem>();
  const byFile = new Map<string, number>();
  for (const file of files) {
    const found = configs.forReport(file);
    if (!found.ok) {
      refused.set(file, { file, reason: found.reason });
      continue;
    }
    const loaded = found.config.loaded;
    if (!loaded) continue;
    let i = byFile.get(loaded.file);
    if (i === undefined) {
      i = list.push(loaded) - 1;
      byFile.set(loaded.file, i);
    }
    index.set(file, i);
  }
  const pairing: DeskConfig = {
    organs: list.flatMap((l) => l.config.organs ?? []),
    aggregates: list.flatMap((l) => l.config.aggregates ?? []),
  };
  return { list, index, refused, pairing };
}

async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  const totals: Totals = { files: 0, error: 0, warning: 0, information: 0, hint: 0, fixed: 0, suppressed: 0, unreadable: 0, withoutReports: 0 };
  // The sidecar config (server/src/config): severities and ignored findings, per report.
  const configs = new CliConfigs({ configFile: cmd.config, noConfig: cmd.noConfig, cwd: io.cwd, lang: cmd.lang, err: io.err });
  if (!configs.start()) return 2;
  const json: JsonFileResult[] = [];
  const sarifParts: SarifPart[] = [];
  await throughPipeline(
    cmd,
    io,
    problems,
    (o, out) => {
      totals.fixed += o.fixed;
      totals.suppressed += o.suppressed;
      if (!o.piece) return;
      totals.files++;
      for (const k of SEVERITIES) totals[k] += o.counts[k];
      if (o.piece.kind === 'text') out(o.piece.text);
      else if (o.piece.kind === 'json') json.push(o.piece.result);
      else if (o.piece.kind === 'sarif') sarifParts.push(o.piece.part);
    },
    configs,
  );
  totals.withoutReports = problems.filter((p) => p.noReportFile).length;
  totals.unreadable = problems.length - totals.withoutReports;

  if (cmd.format === 'text') io.out(summary(totals, cmd.lang) + '\n');
  else if (cmd.format === 'json') io.out(JSON.stringify(json, null, 2) + '\n');
  else io.out(JSON.stringify(sarifWriter().sarifLog(sarifParts, problems, cmd.lang, io.cwd), null, 2) + '\n');

  if (problems.length > 0) return 2;
  return totals.error > 0 ? 1 : 0;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** `text <file>`: the report text the checker reads (what every range refers to). */
async function runText(cmd: TextCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  const { files, problems: walkProblems } = collectFiles(cmd.paths);
  for (const p of walkProblems) reportProblem(p, cmd.lang, io, problems);
  for (const file of files) {
    const input = await readFile(file, cmd.maxSize);
    if (isProblem(input)) {
      reportProblem(input, cmd.lang, io, problems);
      continue;
    }
    const text = input.document.source.text;
    io.out(text.endsWith('\n') || text === '' ? text : text + '\n');
  }
  return problems.length > 0 ? 2 : 0;
}

async function runExtract(cmd: ExtractCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  const cells: ExtractedCell[] = [];
  await throughPipeline(cmd, io, problems, (o) => {
    if (o.piece?.kind === 'extract') for (const c of o.piece.cells) cells.push(c);
  });
  const { toCsv } = extractWriter();
  io.out(cmd.format === 'csv' ? toCsv(cells) : JSON.stringify(cells, null, 2) + '\n');
  return problems.length > 0 ? 2 : 0;
}

/** `summary`: one row per report (figures, counts per rule), as CSV, JSON or one HTML page. */
async function runSummary(cmd: SummaryCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  // The sidecar config applies as for check: its severities, and its ignored findings are not counted.
  const configs = new CliConfigs({ configFile: cmd.config, noConfig: cmd.noConfig, cwd: io.cwd, lang: cmd.lang, err: io.err });
  if (!configs.start()) return 2;
  const rows: SummaryRow[] = [];
  await throughPipeline(
    cmd,
    io,
    problems,
    (o) => {
      if (o.piece?.kind === 'summary') rows.push(o.piece.row);
    },
    configs,
  );
  const { summaryCsv, summaryJson, renderSummaryHtml } = summaryWriters();
  if (cmd.format === 'csv') io.out(summaryCsv(rows, cmd.lang));
  else if (cmd.format === 'json') io.out(summaryJson(rows));
  else {
    io.out(
      renderSummaryHtml(rows, cmd.lang, {
        href: (file) => pathToFileURL(path.resolve(io.cwd, file)).href,
        ruleSummary: (id) => ruleById(id)?.doc.summary[cmd.lang] ?? null,
      }),
    );
  }
  return problems.length > 0 ? 2 : 0;
}
