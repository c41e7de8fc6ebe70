// `check --format json`: one array, one object per file (the shape is documented in docs/cli.md).
// Lines and characters are 0-based UTF-16 positions, exactly as in LSP.

import type { CheckResult, Finding, Lang, LineIndex, Origin, Peers, Place, Report, Severity, Span, TableId } from '../../engine';

export interface JsonPosition {
  line: number;
  character: number;
}
export interface JsonRange {
  start: JsonPosition;
  end: JsonPosition;
}

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: JsonRange;
  /** .docx/.pdf: where the range's start stands in the original file (the range is in the report text). */
  source?: Origin;
  relatedInformation?: JsonRelated[];
  /** What the finding found (cell ids, expected, actual, relation, rows…): the rule's own data. */
  data?: Record<string, unknown>;
  fix?: { title: string; edits: { range: JsonRange; newText: string }[] };
  /** The key an `ignore` entry of the sidecar config takes to accept this finding. */
  fingerprint?: string;
}

export interface JsonRelated {
  message: string;
  /** Set when the place is in another file (last year's report): the range is in that file. */
  file?: string;
  range: JsonRange;
  source?: Origin;
}

/** The range of a place in another report's text (its line/character were computed there). */
export const placeRange = (p: Place): JsonRange => ({ start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } });

export interface JsonFileResult {
  file: string;
  year: number | null;
  formatVersion: '2021' | '2019' | null;
  sections: { number: number; title: string; line: number }[];
  tables: { id: TableId; line: number; readable: boolean | 'partial' }[];
  diagnostics: JsonDiagnostic[];
  /** The report of the year before this one was read against (a file of the same run), when one was found. */
  previous?: string;
  /** A region's member reports its totals were compared with (config aggregates). */
  members?: string[];
}

export function toRange(lines: LineIndex, span: Span): JsonRange {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** The origin of an offset in a rendered report text, or undefined for text and HTML files. */
export function sourceOf(report: Report | undefined, offset: number): Origin | undefined {
  return report?.document.origin?.(offset) ?? undefined;
}

export function toDiagnostic(lines: LineIndex, f: Finding, lang: Lang, report?: Report): JsonDiagnostic {
  const d: JsonDiagnostic = { code: f.ruleId, severity: f.severity, message: f.message[lang], range: toRange(lines, f) };
  const source = sourceOf(report, f.start);
  if (source) d.source = source;
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => {
      // A place in another report of the run (last year's): its file, and the range in that file.
      if (r.elsewhere) return { message: r.message[lang], file: r.elsewhere.file, range: placeRange(r.elsewhere) };
      const related: JsonRelated = { message: r.message[lang], range: toRange(lines, r) };
      const at = sourceOf(report, r.start);
      if (at) related.source = at;
      return related;
    });
  }
  if (f.data) d.data = f.data;
  // A rendered .docx/.pdf text is not the file: no edits are offered on it.
  if (f.fix && report?.document.editable !== false) {
    d.fix = {
      title: f.fix.title[lang],
      edits: f.fix.edits.map((e) => ({ range: toRange(lines, e), newText: e.newText })),
    };
  }
  return d;
}

export function toJsonResult(file: string, { report, findings }: CheckResult, lang: Lang, peers: Peers = {}, fingerprints?: ReadonlyMap<Finding, string>): JsonFileResult {
  const lines = report.source.lines;
  const result: JsonFileResult = {
    file,
    year: report.year,
    formatVersion: report.formatVersion,
    sections: report.sections.map((s) => ({ number: s.number, title: s.title, line: lines.positionAt(s.heading.start).line })),
    tables: report.tables.map((t) => ({ id: t.id, line: lines.positionAt(t.start).line, readable: t.reading === 'full' ? true : t.reading === 'partial' ? ('partial' as const) : false })),
    diagnostics: findings.map((f) => {
      const d = toDiagnostic(lines, f, lang, report);
      const fingerprint = fingerprints?.get(f);
      if (fingerprint) d.fingerprint = fingerprint;
      return d;
    }),
  };
  if (peers.previous) result.previous = peers.previous.file;
  if (peers.members?.length) result.members = peers.members.map((m) => m.file);
  return result;
}
