// textDocument/diagnostic (pull): the check of the document's newest version, converted.

import {
  DocumentDiagnosticReportKind,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';
import { WHOLE_DOCUMENT_DIAGNOSTICS } from './protocol';

export const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export async function diagnostics(ctx: ServerContext, params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
  const s = await ctx.served(params?.textDocument?.uri, params?.identifier === WHOLE_DOCUMENT_DIAGNOSTICS);
  if (!s) return EMPTY_REPORT;
  const { checked, lang, doc } = s;
  const resultId = `${checked.version}:${lang}:${checked.key}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  const lines = checked.result.report.source.lines;
  return {
    kind: DocumentDiagnosticReportKind.Full,
    resultId,
    items: checked.result.findings.map((f) => toDiagnostic(f, lines, doc.uri, lang, checked.version)),
  };
}
