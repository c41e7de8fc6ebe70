// textDocument/completion: the engine's completions (engine/ide/completion.ts) as LSP items.

import { CompletionItemKind, CompletionTriggerKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { completionsAt } from '../engine/ide';
import type { ServerContext } from './context';
import { toRange } from './convert';

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionItem[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  // Completion inserts text: nothing to offer on a read-only report text.
  if (!s || s.readOnly || !params.position) return [];
  const report = s.checked.result.report;
  const lines = report.source.lines;
  const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  return completionsAt(report, lines.offsetAt(params.position), s.lang, trigger).map((e) => ({
    label: e.label,
    kind: e.kind === 'heading' ? CompletionItemKind.Module : CompletionItemKind.Field,
    detail: e.detail,
    sortText: e.sortText,
    filterText: e.label,
    textEdit: { range: toRange(lines, e.span), newText: e.newText },
  }));
}
