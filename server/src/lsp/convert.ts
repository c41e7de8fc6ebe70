// The ONE place where engine findings become LSP diagnostics (and engine edits LSP text edits).

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { ruleDocPath, type Finding, type Place, type Lang, type LineIndex, type Severity, type Span, type TextEdit as EngineEdit } from '../engine';
import type { DiagnosticData } from './protocol';

export const SOURCE = 'disclosure-report';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** file: URI of a rule's documentation page, resolved from the bundle (server/out → repo root). */
export function ruleDocUri(ruleId: string, lang: Lang = 'zh'): string {
  return pathToFileURL(path.resolve(__dirname, '..', '..', ruleDocPath(ruleId, lang))).href;
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** The range of a place in another file (its positions were computed in that file). */
export function placeRange(p: Place): Range {
  return { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } };
}

export function toTextEdit(lines: LineIndex, edit: EngineEdit): TextEdit {
  return { range: toRange(lines, edit), newText: edit.newText };
}

export function toDiagnostic(f: Finding, lines: LineIndex, uri: string, lang: Lang, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, version };
  if (f.fix) {
    data.fix = {
      title: f.fix.title,
      edits: f.fix.edits.map((e) => ({ ...toTextEdit(lines, e), ...(e.expected !== undefined ? { expected: e.expected } : {}) })),
    };
  }
  const d: Diagnostic = {
    range: toRange(lines, f),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(f.ruleId, lang) },
    source: SOURCE,
    message: f.message[lang] || f.message.zh || f.message.en || f.ruleId,
    data,
  };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({
      // A place in another report (last year's, a member's): the URI its caller gave, and its own line/character.
      location: r.elsewhere ? { uri: r.elsewhere.file, range: placeRange(r.elsewhere) } : { uri, range: toRange(lines, r) },
      message: r.message[lang] || r.message.zh || r.message.en,
    }));
  }
  return d;
}
