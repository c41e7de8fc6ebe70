// One file's work in the two passes, the same in a worker thread and in the main thread:
//   read pass:  file → bytes → Document → Report → ReportFacts (what pairing and the peers need);
//   check pass: file + its peers → findings → the command's output piece, ready to print.
// The Reports of the read pass are kept up to a budget, so the check pass runs the rules on them
// instead of reading the file again (bench/folder.ts measures both ways).

import { type CheckOptions, type CheckResult, checkDocument, type Document, factsOf, type Lang, type Peers, readDocument, type Report, type ReportFacts, type RuleSettings, runRules, type Severity } from '../../engine';
import * as path from 'node:path';
import { ReportConfig } from '../../config/apply';
import type { LoadedConfig } from '../../config/discover';
import { readDocumentFile } from '../../formats';
import { checkText, documentOf, fixText, writeFixed } from '../fix';
import { type InputFile, type InputProblem, isProblem, kindOfFile, type ReadFile, readInput } from '../input';
import { extractPiece, type OutputKind, type Piece, pieceOf } from './outputs';

export const PROG = 'disclosure-report';

export interface WorkSettings {
  output: OutputKind;
  /** The sidecar configs in force in this run (server/src/config); a check names its own by index. */
  configs: LoadedConfig[];
  lang: Lang;
  rules: RuleSettings;
  fix: boolean;
  maxSize: number;
  color: boolean;
  cwd: string;
  /** Reports kept between the passes, in UTF-16 code units of their text (0: keep none). */
  cacheChars: number;
}

/** One readable input with the Document the engine reads (the report text for .docx/.pdf). */
export type Input = InputFile & { document: Document };

export type ReadOutcome = { ok: true; facts: ReportFacts; cached: boolean } | { ok: false; problem: InputProblem };

/** Everything the main thread prints for one file, in plain data. */
export interface FileOutcome {
  file: string;
  /** Null when the file could not be read or checked (then `problems` says why). */
  piece: Piece | null;
  counts: Record<Severity, number>;
  fixed: number;
  /** Findings the config's ignore entries took out. */
  suppressed: number;
  /** Notes on the fixes applied (stdout for text output, stderr otherwise), one per line. */
  notes: string[];
  /** Lines for stderr: a rule that failed, a table extract left out. */
  warnings: string[];
  /** Inputs that could not be read, fixes that could not be written. */
  problems: InputProblem[];
}

const noCounts = (): Record<Severity, number> => ({ error: 0, warning: 0, information: 0, hint: 0 });

export function failedOutcome(file: string, problem: InputProblem): FileOutcome {
  return { file, piece: null, counts: noCounts(), fixed: 0, suppressed: 0, notes: [], warnings: [], problems: [problem] };
}

/** An engine bug met on one file: reported like an unreadable input, the other files go on. */
export function internalError(file: string, err: unknown): InputProblem {
  const detail = (err as Error)?.stack ?? String(err);
  return { file, reason: { zh: `内部错误：${detail}`, en: `internal error: ${detail}` } };
}

/** Read and decode one file into the Document the engine reads; never throws. */
export async function readFile(file: string, maxSize: number): Promise<Input | InputProblem> {
  const r = readInput(file, maxSize, kindOfFile(file));
  if (isProblem(r)) return r;
  if (!r.binary) return { ...r, document: documentOf(r.text, r.kind) };
  try {
    const read = await readDocumentFile(r.bytes, r.file);
    return read.ok ? { ...r, document: read.document } : { file: r.file, reason: read.reason };
  } catch (err) {
    return internalError(r.file, err);
  }
}

interface Kept {
  input: Input;
  report: Report;
}

export class FileWork {
  private readonly kept = new Map<string, Kept>();
  private keptChars = 0;

  constructor(readonly settings: WorkSettings) {}

  /** Read pass: the facts of one file (kept for the check pass when the budget allows). */
  async read(file: string): Promise<ReadOutcome> {
    const input = await readFile(file, this.settings.maxSize);
    if (isProblem(input)) return { ok: false, problem: input };
    try {
      const report = readDocument(input.document);
      const facts = factsOf(report);
      // The first reports read are kept, the later ones not: the check pass runs in the same order,
      // so a first-come budget serves it better than evicting the oldest.
      const size = report.source.text.length;
      const cached = this.keptChars + size <= this.settings.cacheChars;
      if (cached) {
        this.kept.set(file, { input, report });
        this.keptChars += size;
      }
      return { ok: true, facts, cached };
    } catch (err) {
      return { ok: false, problem: internalError(file, err) };
    }
  }

  /** Check pass: one file against its peers, to the command's output piece. */
  async check(file: string, peers: Peers = {}, config: number | null = null): Promise<FileOutcome> {
    const kept = this.kept.get(file);
    if (kept) {
      this.kept.delete(file);
      this.keptChars -= kept.report.source.text.length;
    }
    const input = kept?.input ?? (await readFile(file, this.settings.maxSize));
    if (isProblem(input)) return failedOutcome(file, input);
    try {
      return this.outcome(input, kept?.report, peers, config === null ? null : (this.settings.configs[config] ?? null));
    } catch (err) {
      return failedOutcome(file, internalError(file, err));
    }
  }

  private outcome(input: Input, report: Report | undefined, peers: Peers, loaded: LoadedConfig | null): FileOutcome {
    const { settings } = this;
    const out: FileOutcome = { file: input.file, piece: null, counts: noCounts(), fixed: 0, suppressed: 0, notes: [], warnings: [], problems: [] };
    if (settings.output === 'extract') {
      const { piece, warnings } = extractPiece(input.file, report ?? readDocument(input.document), settings.lang);
      out.piece = piece;
      out.warnings = warnings.map((w) => `${PROG}: ${w}`);
      return out;
    }
    // The config's severities under --rule, and its ignored findings taken out (fixes included).
    const config = new ReportConfig(loaded, path.resolve(settings.cwd, input.file));
    const options: CheckOptions = config.options({ rules: settings.rules, peers });
    let result: CheckResult;
    if (settings.fix && input.binary) {
      out.notes.push(notEditedNote(input.file, settings.lang));
      result = report ? { report, ...runRules(report, options) } : checkDocument(input.document, options);
    } else if (settings.fix && !input.binary) result = fixAndWrite(input, options, config, settings.lang, out);
    else result = report ? { report, ...runRules(report, options) } : checkDocument(input.document, options);
    const shown = config.suppress(result);
    out.suppressed = shown.suppressed;
    result = { ...result, findings: shown.findings };

    // A rule that crashed was skipped by the engine: the findings of this file may be incomplete.
    for (const e of result.ruleFailures) {
      const detail = (e.error as Error)?.message ?? String(e.error);
      out.warnings.push(
        settings.lang === 'zh'
          ? `${PROG}: ${input.file}: 警告：规则 ${e.ruleId} 运行出错，已跳过（${detail}）`
          : `${PROG}: ${input.file}: warning: rule ${e.ruleId} failed and was skipped (${detail})`,
      );
    }
    for (const f of result.findings) out.counts[f.severity]++;
    const encoding = input.binary ? 'binary' : input.encoding;
    out.piece = pieceOf(settings.output, input.file, result, { lang: settings.lang, color: settings.color, cwd: settings.cwd, encoding, peers });
    return out;
  }
}

/** --fix on a text file: fixes applied until none applies, the file written when its text changed. */
function fixAndWrite(input: ReadFile, options: CheckOptions, config: ReportConfig, lang: Lang, out: FileOutcome): CheckResult {
  // A finding the config ignores is accepted as written: its fix is not applied either.
  const outcome = fixText(input.text, options, input.kind, (r) => config.suppress(r).findings);
  if (outcome.text === input.text) return outcome.result;
  const failure = writeFixed(input, outcome.text);
  if (failure) {
    out.problems.push({ file: input.file, reason: failure });
    // The file on disk is unchanged: report what it still holds.
    return checkText(input.text, input.kind, options);
  }
  for (const { finding, result } of outcome.applied) {
    const p = result.report.source.lines.positionAt(finding.start);
    out.notes.push(`${input.file}:${p.line + 1}:${p.character + 1} ${lang === 'zh' ? '已修复' : 'fixed'} ${finding.fix!.title[lang]} [${finding.ruleId}]`);
  }
  out.fixed += outcome.applied.length;
  return outcome.result;
}

/** --fix on a .docx/.pdf: the checker read a rendered text, so there is no file text to edit. */
function notEditedNote(file: string, lang: Lang): string {
  return lang === 'zh'
    ? `${file}: 未修改：Word/PDF 文件不会被改写；可运行 ${PROG} text "${file}" > 草稿.txt 得到可编辑的文本，修改后再检查`
    : `${file}: not edited: Word and PDF files are never rewritten; run ${PROG} text "${file}" > draft.txt for an editable text, fix it and check that`;
}
