// textDocument/hover: the engine's hover (engine/ide/hover.ts) as LSP.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { RuleSettings } from '../engine';
import { hoverAt } from '../engine/ide';
import type { ServerContext } from './context';
import { toRange } from './convert';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s || !params.position) return null;
  const report = s.checked.result.report;
  const h = hoverAt(report, report.source.lines.offsetAt(params.position), s.lang, s.settings.rules as RuleSettings);
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(report.source.lines, h.span) } : null;
}
