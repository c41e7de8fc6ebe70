// textDocument/hover: the engine's hover (engine/ide/hover.ts) as LSP.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Lang, Report, RuleSettings } from '../engine';
import { hoverAt } from '../engine/ide';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { originLine, originOf } from './origin';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s || !params.position) return null;
  const report = s.checked.result.report;
  const offset = report.source.lines.offsetAt(params.position);
  const h = hoverAt(report, offset, s.lang, s.settings.rules as RuleSettings);
  const hover: Hover | null = h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(report.source.lines, h.span) } : null;
  return withOrigin(hover, report, offset, s.lang);
}
/** On a report text of a .docx/.pdf, the hover also says where the cell is in the original. */
function withOrigin(h: Hover | null, report: Report, offset: number, lang: Lang): Hover | null {
  if (!h || typeof h.contents !== 'object' || !('kind' in h.contents)) return h;
  const place = originOf(report.document, offset, lang);
  if (!place) return h;
  return { ...h, contents: { ...h.contents, value: `${h.contents.value}\n\n${originLine(place, lang)}` } };
}
