// The CLI's flow: arguments → files → read/decode → check (and fix) or extract → output → exit code.
// Exit code: 2 when the usage was wrong, a folder held no report file, or any input could not be
// read (or a fix not written), else 1 when any error-severity finding remains, else 0.

import { checkDocument, type CheckOptions, type CheckResult, type Document, type Lang, readDocument } from '../engine';
import { CliConfigs } from '../config/cli';
import type { ReportConfig } from '../config/apply';
import { readDocumentFile } from '../formats';
import { type CheckCommand, type ExtractCommand, langOf, parseCommandLine, type TextCommand, UsageError } from './args';
import { checkText, documentOf, fixText, writeFixed } from './fix';
import type { ExtractedCell } from './formats/extract';
import { type JsonFileResult, toJsonResult } from './formats/json';
import type { SarifFile } from './formats/sarif';
import { formatFinding, summary, type Totals } from './formats/text';
import { helpText } from './help';
import { collectFiles, type InputFile, type InputProblem, isProblem, kindOfFile, type ReadFile, readInput } from './input';
import { packageInfo } from './package-info';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  color: boolean;
  cwd: string;
  /** The environment: LC_ALL, LC_MESSAGES and LANG give the language when --lang is not given. */
  env?: Readonly<Record<string, string | undefined>>;
}

const PROG = 'disclosure-report';

// The SARIF and extract writers are loaded by the commands that use them, so a plain `check`
// does not pay for them at start-up.
const sarifWriter = (): typeof import('./formats/sarif') => require('./formats/sarif');
const extractWriter = (): typeof import('./formats/extract') => require('./formats/extract');

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
    case 'text':
      return runText(cmd, io);
  }
}

/** One readable input with the Document the engine reads (the report text for .docx/.pdf). */
type Input = InputFile & { document: Document };

/** Every readable input, in order; problems are reported on stderr as they happen. */
async function* inputs(paths: string[], maxSize: number, lang: Lang, io: Io, problems: InputProblem[]): AsyncGenerator<Input> {
  const { files, problems: walkProblems } = collectFiles(paths);
  const report = (p: InputProblem): void => reportProblem(p, lang, io, problems);
  walkProblems.forEach(report);
  for (const file of files) {
    const r = readInput(file, maxSize, kindOfFile(file));
    if (isProblem(r)) {
      report(r);
      continue;
    }
    if (!r.binary) {
      yield { ...r, document: documentOf(r.text, r.kind) };
      continue;
    }
    let read;
    try {
      read = await readDocumentFile(r.bytes, r.file);
    } catch (err) {
      report(internalError(r.file, err));
      continue;
    }
    if (read.ok) yield { ...r, document: read.document };
    else report({ file: r.file, reason: read.reason });
  }
}

function reportProblem(p: InputProblem, lang: Lang, io: Io, problems: InputProblem[]): void {
  problems.push(p);
  io.err(`${PROG}: ${p.file}: ${p.reason[lang]}\n`);
}

/** An engine bug met on one file: reported like an unreadable input, the other files go on. */
function internalError(file: string, err: unknown): InputProblem {
  const detail = (err as Error)?.stack ?? String(err);
  return { file, reason: { zh: `内部错误：${detail}`, en: `internal error: ${detail}` } };
}

async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  const totals: Totals = { files: 0, error: 0, warning: 0, information: 0, hint: 0, fixed: 0, suppressed: 0, unreadable: 0, withoutReports: 0 };
  // The sidecar config (server/src/config): severities and ignored findings, per report.
  const configs = new CliConfigs({ configFile: cmd.config, noConfig: cmd.noConfig, cwd: io.cwd, lang: cmd.lang, err: io.err });
  if (!configs.start()) return 2;
  const json: JsonFileResult[] = [];
  const sarifFiles: SarifFile[] = [];
  const style = { color: io.color };
  // Text goes to stdout; with machine formats, the notes about fixes go to stderr.
  const note = cmd.format === 'text' ? io.out : io.err;

  for await (const input of inputs(cmd.paths, cmd.maxSize, cmd.lang, io, problems)) {
    const desk = configs.forReport(input.file);
    if (!desk.ok) {
      reportProblem({ file: input.file, reason: desk.reason }, cmd.lang, io, problems);
      continue;
    }
    const options = desk.config.options({ rules: cmd.rules });
    let result: CheckResult;
    try {
      if (cmd.fix && input.binary) note(notEditedNote(input.file, cmd.lang));
      result = cmd.fix && !input.binary ? fixAndWrite(input, cmd, io, note, problems, totals, options, desk.config) : checkDocument(input.document, options);
      const shown = desk.config.suppress(result);
      totals.suppressed += shown.suppressed;
      result = { ...result, findings: shown.findings };
    } catch (err) {
      reportProblem(internalError(input.file, err), cmd.lang, io, problems);
      continue;
    }
    // A rule that crashed was skipped by the engine: the findings of this file may be incomplete.
    for (const e of result.ruleFailures) {
      const detail = (e.error as Error)?.message ?? String(e.error);
      io.err(
        cmd.lang === 'zh'
          ? `${PROG}: ${input.file}: 警告：规则 ${e.ruleId} 运行出错，已跳过（${detail}）\n`
          : `${PROG}: ${input.file}: warning: rule ${e.ruleId} failed and was skipped (${detail})\n`,
      );
    }
    totals.files++;
    for (const f of result.findings) totals[f.severity]++;
    if (cmd.format === 'text') {
      for (const f of result.findings) io.out(formatFinding(input.file, result.report, f, cmd.lang, style) + '\n');
    } else if (cmd.format === 'json') {
      json.push(toJsonResult(input.file, result, cmd.lang));
    } else {
      sarifFiles.push({ file: input.file, report: result.report, findings: result.findings, encoding: input.binary ? 'binary' : input.encoding });
    }
  }
  totals.withoutReports = problems.filter((p) => p.noReportFile).length;
  totals.unreadable = problems.length - totals.withoutReports;

  if (cmd.format === 'text') io.out(summary(totals, cmd.lang) + '\n');
  else if (cmd.format === 'json') io.out(JSON.stringify(json, null, 2) + '\n');
  else io.out(JSON.stringify(sarifWriter().toSarif(sarifFiles, problems, cmd.lang, io.cwd), null, 2) + '\n');

  if (problems.length > 0) return 2;
  return totals.error > 0 ? 1 : 0;
}

function fixAndWrite(
  input: ReadFile,
  cmd: CheckCommand,
  io: Io,
  note: (s: string) => void,
  problems: InputProblem[],
  totals: Totals,
  options: CheckOptions,
  config: ReportConfig,
): CheckResult {
  // A finding the config ignores is accepted as written: its fix is not applied either.
  const outcome = fixText(input.text, options, input.kind, (r) => config.suppress(r).findings);
  if (outcome.text === input.text) return outcome.result;
  const failure = writeFixed(input, outcome.text);
  if (failure) {
    reportProblem({ file: input.file, reason: failure }, cmd.lang, io, problems);
    // The file on disk is unchanged: report what it still holds.
    return checkText(input.text, input.kind, options);
  }
  for (const { finding, result } of outcome.applied) {
    const p = result.report.source.lines.positionAt(finding.start);
    note(`${input.file}:${p.line + 1}:${p.character + 1} ${fixedWord(cmd.lang)} ${finding.fix!.title[cmd.lang]} [${finding.ruleId}]\n`);
  }
  totals.fixed += outcome.applied.length;
  return outcome.result;
}

const fixedWord = (lang: Lang): string => (lang === 'zh' ? '已修复' : 'fixed');

/** --fix on a .docx/.pdf: the checker read a rendered text, so there is no file text to edit. */
function notEditedNote(file: string, lang: Lang): string {
  return lang === 'zh'
    ? `${file}: 未修改：Word/PDF 文件不会被改写；可运行 ${PROG} text "${file}" > 草稿.txt 得到可编辑的文本，修改后再检查\n`
    : `${file}: not edited: Word and PDF files are never rewritten; run ${PROG} text "${file}" > draft.txt for an editable text, fix it and check that\n`;
}

/** `text <file>`: the report text the checker reads (what every range refers to). */
async function runText(cmd: TextCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  for await (const input of inputs(cmd.paths, cmd.maxSize, cmd.lang, io, problems)) {
    const text = input.document.source.text;
    io.out(text.endsWith('\n') || text === '' ? text : text + '\n');
  }
  return problems.length > 0 ? 2 : 0;
}

async function runExtract(cmd: ExtractCommand, io: Io): Promise<number> {
  const problems: InputProblem[] = [];
  const cells: ExtractedCell[] = [];
  const { extractCells, toCsv } = extractWriter();
  for await (const input of inputs(cmd.paths, cmd.maxSize, cmd.lang, io, problems)) {
    let extracted: ReturnType<typeof extractCells>;
    try {
      extracted = extractCells(input.file, readDocument(input.document));
    } catch (err) {
      reportProblem(internalError(input.file, err), cmd.lang, io, problems);
      continue;
    }
    const { cells: found, skipped } = extracted;
    cells.push(...found);
    for (const t of skipped) {
      io.err(
        cmd.lang === 'zh'
          ? `${PROG}: ${input.file}: 表格 ${t} 未能完整读取，其单元格未导出（详情请运行 check）\n`
          : `${PROG}: ${input.file}: table ${t} could not be read completely; its cells are left out (run check for details)\n`,
      );
    }
  }
  io.out(cmd.format === 'csv' ? toCsv(cells) : JSON.stringify(cells, null, 2) + '\n');
  return problems.length > 0 ? 2 : 0;
}
