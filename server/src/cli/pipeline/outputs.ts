// What each command prints for one file, computed where the file was checked (in a worker thread
// or the main thread) and handed back as plain data, so the main thread only writes it out.
// A new command's output (e.g. a summary row per report) is one more kind here and one more case
// in `pieceOf`; the pipeline around it does not change.

import type { CheckResult, Finding, Lang, Peers, Report } from '../../engine';
import type { ExtractedCell } from '../formats/extract';
import { type JsonFileResult, toJsonResult } from '../formats/json';
import type { SarifPart } from '../formats/sarif';
import { formatFinding } from '../formats/text';
import type { SummaryRow } from '../../summary/row';

export type OutputKind = 'text' | 'json' | 'sarif' | 'summary' | 'extract';

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'json'; result: JsonFileResult }
  | { kind: 'sarif'; part: SarifPart }
  | { kind: 'summary'; row: SummaryRow }
  | { kind: 'extract'; cells: ExtractedCell[] };

/** Output kinds that need the rules run (and so the peers); the others need only the Report. */
export const needsCheck = (kind: OutputKind): boolean => kind !== 'extract';

export interface PieceContext {
  lang: Lang;
  color: boolean;
  cwd: string;
  /** How the file was decoded (SARIF artifacts list it). */
  encoding: string;
  /** The reports this one was read against (JSON names them). */
  peers: Peers;
  /** Each finding's fingerprint, for an ignore entry of the sidecar config (JSON, SARIF). */
  fingerprints?: ReadonlyMap<Finding, string>;
}

// The SARIF and extract writers are loaded by the outputs that use them, so a plain `check`
// does not pay for them at start-up.
const sarifWriter = (): typeof import('../formats/sarif') => require('../formats/sarif');
const extractWriter = (): typeof import('../formats/extract') => require('../formats/extract');
const summaryWriter = (): typeof import('../../summary/row') => require('../../summary/row');

/** The piece of a checked file. */
export function pieceOf(kind: Exclude<OutputKind, 'extract'>, file: string, result: CheckResult, ctx: PieceContext): Piece {
  switch (kind) {
    case 'text':
      return { kind, text: result.findings.map((f) => formatFinding(file, result.report, f, ctx.lang, { color: ctx.color }) + '\n').join('') };
    case 'json':
      return { kind, result: toJsonResult(file, result, ctx.lang, ctx.peers, ctx.fingerprints) };
    case 'sarif':
      return { kind, part: sarifWriter().sarifPart({ file, report: result.report, findings: result.findings, encoding: ctx.encoding, fingerprints: ctx.fingerprints }, ctx.lang, ctx.cwd) };
    case 'summary':
      return { kind, row: summaryWriter().summaryRow(file, result, ctx.lang) };
  }
}

/** `extract`: the cells read, and the stderr notes on tables that could not be read. */
export function extractPiece(file: string, report: Report, lang: Lang): { piece: Piece; warnings: string[] } {
  const { cells, skipped } = extractWriter().extractCells(file, report);
  const warnings = skipped.map((t) =>
    lang === 'zh'
      ? `${file}: 表格 ${t} 未能完整读取，其单元格未导出（详情请运行 check）`
      : `${file}: table ${t} could not be read completely; its cells are left out (run check for details)`,
  );
  return { piece: { kind: 'extract', cells }, warnings };
}
