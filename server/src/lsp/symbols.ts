// Document symbols (outline, breadcrumbs): the title; sections 一…六 with their subsections;
// each table with its item blocks / rows.

import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from 'vscode-languageserver';
import type { Report, Span } from '../engine';
import { TABLE_NAMES } from '../engine/templates';
import type { ServerContext } from './context';
import { toRange } from './convert';

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function symbol(report: Report, name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string): DocumentSymbol {
  const lines = report.source.lines;
  // The selection range must lie inside the range.
  const sel = contains(span, selection) ? selection : { start: span.start, end: span.start };
  const range: Range = toRange(lines, span);
  return { name: name.trim() || '·', detail, kind, range, selectionRange: toRange(lines, sel), children: [] };
}

export function documentSymbols(report: Report, lang: 'zh' | 'en'): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const text = report.source.text;
  if (report.title) {
    out.push(symbol(report, report.title.text, SymbolKind.File, report.title, report.title, report.year ? String(report.year) : undefined));
  }
  const tableSymbols = report.tables.map((t) => {
    const sym = symbol(report, TABLE_NAMES[t.id][lang], SymbolKind.Struct, t, { start: t.start, end: t.start }, `${t.version} · ${t.layout}`);
    const blocks = [...t.rowSpans.entries()].filter(([, sp]) => contains(t, sp)).sort((a, b) => a[1].start - b[1].start);
    for (const [key, sp] of blocks) sym.children!.push(symbol(report, key, SymbolKind.Field, sp, sp));
    return { t, sym };
  });
  const placed = new Set<DocumentSymbol>();
  for (const sec of report.sections) {
    const span = { start: sec.lineStart, end: Math.max(sec.body.end, sec.heading.end) };
    const sym = symbol(report, text.slice(sec.heading.start, sec.heading.end), SymbolKind.Namespace, span, sec.heading);
    const subs = sec.subsections.filter((x) => contains(span, x));
    const tables = tableSymbols.filter(({ t }) => contains(span, t));
    const children: { at: number; s: DocumentSymbol }[] = [];
    for (const sub of subs) {
      const sp = { start: sub.start, end: sub.end };
      children.push({ at: sub.start, s: symbol(report, text.slice(sub.start, Math.min(sub.end, sub.start + 60)).split(/\r|\n/)[0], SymbolKind.Key, sp, sp) });
    }
    for (const { t, sym: ts } of tables) {
      children.push({ at: t.start, s: ts });
      placed.add(ts);
    }
    sym.children = children.sort((a, b) => a.at - b.at).map((c) => c.s);
    out.push(sym);
  }
  for (const { sym } of tableSymbols) if (!placed.has(sym)) out.push(sym);
  return out;
}

export async function symbols(ctx: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return [];
  return documentSymbols(s.checked.result.report, s.lang);
}
