// textDocument/documentSymbol: the engine's outline (engine/ide/outline.ts) as LSP symbols.

import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { LineIndex } from '../engine';
import { outline, type OutlineKind, type OutlineNode } from '../engine/ide';
import type { ServerContext } from './context';
import { toRange } from './convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  item: SymbolKind.Object,
  row: SymbolKind.Field,
};

function toSymbol(lines: LineIndex, n: OutlineNode): DocumentSymbol {
  return {
    name: n.name,
    detail: n.detail,
    kind: KIND[n.kind],
    range: toRange(lines, n.span),
    selectionRange: toRange(lines, n.selection),
    children: n.children.map((c) => toSymbol(lines, c)),
  };
}

export async function symbols(ctx: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return [];
  const report = s.checked.result.report;
  return outline(report, s.lang).map((n) => toSymbol(report.source.lines, n));
}
