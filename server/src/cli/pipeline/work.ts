// One file's work in the two passes, the same in a worker thread and in the main thread:
//   identify pass: file → bytes → Document → its head → ReportIdentity (what pairing reads);
//   check pass:    file + its peers → findings → the command's output piece, ready to print.
// What the identify pass read is kept for the check pass up to a budget: a text file's decoded
// text (a flat string costs the garbage collector nothing to hold; its Document, a tree of blocks,
// is built again), a .docx/.pdf's Document (reading those is the costly part).
// The facts of the reports checked here are kept while a later check of their group reads them
// (plan.ts says which); a peer's facts not at hand (its check ran elsewhere) are read here.

import { type CheckOptions, type CheckResult, type Document, factsOf, type Finding, type Lang, type PeerReport, type Peers, readDocument, readIdentity, type Report, type ReportFacts, type ReportIdentity, type RuleSettings, runRules, type Severity } from '../../engine';
import * as path from 'node:path';
import { ReportConfig } from '../../config/apply';
import type { LoadedConfig } from '../../config/discover';
import { readDocumentFile } from '../../formats';
import { checkText, documentOf, fixText, writeFixed } from '../fix';
import { type InputFile, type InputProblem, isProblem, kindOfFile, type ReadFile, readInput } from '../input';
import { extractPiece, type OutputKind, type Piece, pieceOf } from './outputs';
import type { PeerPlan } from './plan';
import { misbehaveForTests } from '../../workers/testHooks';

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
  /** What the identify pass read, kept for the check pass: a budget in bytes of heap (0: keep none). */
  keepBytes: number;
}

/** One readable input with the Document the engine reads (the report text for .docx/.pdf). */
export type Input = InputFile & { document: Document };

export type IdentifyOutcome = { ok: true; identity: ReportIdentity; cached: boolean } | { ok: false; problem: InputProblem };

/** One check of the plan: the file, its peers by file, what to keep and drop of the facts held. */
export interface CheckStep {
  file: string;
  peers?: PeerPlan;
  config?: number | null;
  keep?: boolean;
  release?: readonly string[];
}

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

function keptInput(k: Kept): Input {
  if (k.document) return { ...k.input, document: k.document };
  const text = k.input as ReadFile;
  return { ...text, document: documentOf(text.text, text.kind) };
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

/** The bytes of a kept input when no fix will be written. */
const NO_BYTES = Buffer.alloc(0);

/** Heap per character of what is kept: a string's two bytes; a .docx/.pdf Document's blocks and maps (measured). */
const KEPT_BYTES_PER_CHAR = { text: 2, binary: 32 };

interface Kept {
  input: InputFile;
  /** A .docx/.pdf's Document; a text's is built again from its text. */
  document: Document | null;
  bytes: number;
}

export class FileWork {
  /**
   * Inputs read in the identify pass, for their check. One whose check runs on another worker
   * stays until the run ends; the budget bounds what that wastes.
   */
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;
  /** Facts of reports checked (or read as a peer) here that a later check reads. */
  private readonly facts = new Map<string, ReportFacts>();

  constructor(readonly settings: WorkSettings) {}

  /** Identify pass: which body's report of which year a file is. */
  async identify(file: string): Promise<IdentifyOutcome> {
    const input = await readFile(file, this.settings.maxSize);
    if (isProblem(input)) return { ok: false, problem: input };
    try {
      const identity = readIdentity(input.document);
      // The first inputs read are kept, the later ones not: the check pass runs in about the same
      // order, so a first-come budget serves it better than evicting the oldest.
      // Only --fix reads a file's bytes again (it compares them before writing): otherwise they
      // are let go, and ten thousand buffers held to the end cost every collection on the way.
      const fileBytes = this.settings.fix ? input.bytes : NO_BYTES;
      const bytes = input.document.source.text.length * (input.binary ? KEPT_BYTES_PER_CHAR.binary : KEPT_BYTES_PER_CHAR.text) + fileBytes.length;
      const cached = this.keptBytes + bytes <= this.settings.keepBytes;
      if (cached) {
        const { document, ...read } = input;
        this.kept.set(file, { input: { ...read, bytes: fileBytes }, document: input.binary ? document : null, bytes });
        this.keptBytes += bytes;
      }
      return { ok: true, identity, cached };
    } catch (err) {
      return { ok: false, problem: internalError(file, err) };
    }
  }

  /** Check pass: one file against its peers, to the command's output piece. */
  async check(step: CheckStep): Promise<FileOutcome> {
    const { file } = step;
    const kept = this.kept.get(file);
    if (kept) {
      this.kept.delete(file);
      this.keptBytes -= kept.bytes;
    }
    try {
      const input = kept ? keptInput(kept) : await readFile(file, this.settings.maxSize);
      if (isProblem(input)) return failedOutcome(file, input);
      const peers = step.peers ? await this.peersOf(step.peers) : {};
      const config = step.config === null || step.config === undefined ? null : (this.settings.configs[step.config] ?? null);
      // --fix on a text file reads and checks the text itself, as many times as its fixes need.
      const read = this.settings.fix && !input.binary ? null : readDocument(input.document);
      const { outcome, report } = this.outcome(input, read, peers, config);
      if (step.keep && report) this.facts.set(file, factsOf(report));
      return outcome;
    } catch (err) {
      return failedOutcome(file, internalError(file, err));
    } finally {
      for (const f of step.release ?? []) this.facts.delete(f);
    }
  }

  /** The peers of a check with their facts: held here, else read now (and held for the group). */
  private async peersOf(plan: PeerPlan): Promise<Peers> {
    const peer = async (file: string): Promise<PeerReport | null> => {
      let facts = this.facts.get(file);
      if (!facts) {
        misbehaveForTests(file, 'check');
        const input = await readFile(file, this.settings.maxSize);
        if (isProblem(input)) return null;
        facts = factsOf(readDocument(input.document));
        this.facts.set(file, facts);
      }
      return { file, facts };
    };
    const out: Peers = {};
    if (plan.previous !== undefined) {
      const previous = await peer(plan.previous);
      if (previous) out.previous = previous;
    }
    if (plan.sameYear) out.sameYear = plan.sameYear.map((file) => ({ file }));
    if (plan.members) {
      out.members = [];
      for (const m of plan.members) {
        const member = await peer(m);
        if (member) out.members.push(member);
      }
    }
    if (plan.tolerance !== undefined) out.tolerance = plan.tolerance;
    if (plan.missingMembers) out.missingMembers = plan.missingMembers;
    return out;
  }

  /** The outcome, and the Report its findings are of (the fixed text's with --fix). */
  private outcome(input: Input, read: Report | null, peers: Peers, loaded: LoadedConfig | null): { outcome: FileOutcome; report: Report | null } {
    const { settings } = this;
    const out: FileOutcome = { file: input.file, piece: null, counts: noCounts(), fixed: 0, suppressed: 0, notes: [], warnings: [], problems: [] };
    const report = (): Report => read ?? readDocument(input.document);
    if (settings.output === 'extract') {
      const { piece, warnings } = extractPiece(input.file, report(), settings.lang);
      out.piece = piece;
      out.warnings = warnings.map((w) => `${PROG}: ${w}`);
      return { outcome: out, report: null };
    }
    // The config's severities under --rule, and its ignored findings taken out (fixes included).
    const config = new ReportConfig(loaded, path.resolve(settings.cwd, input.file));
    const options: CheckOptions = config.options({ rules: settings.rules, peers });
    let result: CheckResult;
    if (settings.fix && !input.binary) result = fixAndWrite(input, options, config, settings.lang, out);
    else {
      if (settings.fix) out.notes.push(notEditedNote(input.file, settings.lang));
      const checked = report();
      result = { report: checked, ...runRules(checked, options) };
    }
    // Fingerprints of every finding, before the config takes any out (JSON and SARIF carry them).
    let fingerprints: Map<Finding, string> | undefined;
    if (settings.output === 'json' || settings.output === 'sarif') {
      const all = config.fingerprints(result);
      fingerprints = new Map(result.findings.map((f, i) => [f, all[i]]));
    }
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
    out.piece = pieceOf(settings.output, input.file, result, { lang: settings.lang, color: settings.color, cwd: settings.cwd, encoding, peers, fingerprints });
    return { outcome: out, report: result.report };
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
