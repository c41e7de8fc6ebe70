// textDocument/diagnostic (pull): the check of the document's newest version, converted.

import {
  DocumentDiagnosticReportKind,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine';
import type { Served, ServerContext } from './context';
import { toDiagnostic } from './convert';
import { WHOLE_DOCUMENT_DIAGNOSTICS } from './protocol';
import { originOf, originSuffix } from './origin';
import type { DiagnosticData } from './protocol';

export const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export async function diagnostics(ctx: ServerContext, params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
  const s = await ctx.served(params?.textDocument?.uri, params?.identifier === WHOLE_DOCUMENT_DIAGNOSTICS);
  if (!s) return EMPTY_REPORT;
  const { checked, lang, doc } = s;
  // Same version, settings and peers: the client's diagnostics are still right.
  const resultId = `${checked.version}:${lang}:${checked.key}:${hash(checked.peersStamp)}`;
  ctx.store.delivered(checked);
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  const lines = checked.result.report.source.lines;
  return {
    kind: DocumentDiagnosticReportKind.Full,
    resultId,
    items: checked.result.findings.map((f) => onReadOnly(s, f, toDiagnostic(f, lines, doc.uri, lang, checked.version))),
  };
}

/** A short digest of a string (FNV-1a), to keep result ids small. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * On a read-only report text: no fix travels with the diagnostic, and its message (and those of
 * its related cells) says where the place is in the original file (「（原文：表2 第5行 第8列）」).
 */
function onReadOnly(s: Served, f: Finding, d: Diagnostic): Diagnostic {
  if (!s.readOnly) return d;
  const data = { ...(d.data as DiagnosticData) };
  delete data.fix;
  d.data = data;
  const document = s.checked.result.report.document;
  const place = originOf(document, f.start, s.lang);
  if (place) d.message += originSuffix(place, s.lang);
  f.related.forEach((r, i) => {
    const related = d.relatedInformation?.[i];
    const relatedPlace = related ? originOf(document, r.start, s.lang) : null;
    if (related && relatedPlace) related.message += originSuffix(relatedPlace, s.lang);
  });
  return d;
}
