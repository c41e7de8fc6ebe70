// Folding ranges: one per section (heading to the end of its body) and one per table.

import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { Report } from '../engine';
import type { ServerContext } from './context';

export function foldingRangesOf(report: Report): FoldingRange[] {
  const lines = report.source.lines;
  const text = report.source.text;
  const out: FoldingRange[] = [];
  const add = (start: number, end: number): void => {
    // Do not fold trailing line breaks / blank lines into the range.
    let e = end;
    while (e > start && /[\s\u3000]/.test(text[e - 1])) e--;
    const a = lines.lineAt(start);
    const b = lines.lineAt(e);
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  };
  for (const s of report.sections) add(s.lineStart, s.body.end);
  for (const t of report.tables) add(t.start, t.end);
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

export async function foldingRanges(ctx: ServerContext, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return [];
  return foldingRangesOf(s.checked.result.report);
}
