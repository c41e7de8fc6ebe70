// workspace/executeCommand: insert a standard table, make a whole report skeleton, show a rule's page.

import type { ExecuteCommandParams } from 'vscode-languageserver';
import type { TableId } from '../engine';
import { renderSkeleton } from '../engine/templates';
import type { ServerContext } from './context';
import { ruleDocUri, toRange, toTextEdit } from './convert';
import { planTable } from '../engine/ide';
import { Commands, type InsertTableArgs, type InsertTableResult } from './protocol';

const TABLE_IDS = new Set<TableId>(['proactive', 'requests', 'appeals']);

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0;
}

function insertArgs(args: unknown[]): InsertTableArgs | null {
  const first = args[0];
  const obj = (first && typeof first === 'object' ? first : { uri: args[0], tableId: args[1], position: args[2] }) as Record<string, unknown>;
  if (typeof obj.uri !== 'string' || !TABLE_IDS.has(obj.tableId as TableId)) return null;
  return {
    uri: obj.uri,
    tableId: obj.tableId as TableId,
    position: isPosition(obj.position) ? obj.position : undefined,
    replace: obj.replace === true,
  };
}

async function insertTable(ctx: ServerContext, args: unknown[]): Promise<InsertTableResult> {
  const a = insertArgs(args);
  if (!a) return { applied: false, reason: 'bad arguments: expected (uri, tableId, position?)' };
  const s = await ctx.served(a.uri);
  if (!s) return { applied: false, reason: 'not an open report document' };
  if (s.readOnly) return { applied: false, reason: 'the document is read-only (the report text of a .docx or .pdf)' };
  const report = s.checked.result.report;
  const lines = report.source.lines;
  const at = a.position ? lines.offsetAt(a.position) : undefined;
  const plan = planTable(report, a.tableId, s.settings.template, s.doc.languageId === 'markdown', at);
  // A table the report has is never inserted twice: say where it is (the client offers to go there or replace it).
  if (plan.kind === 'exists' && !a.replace) return { applied: false, reason: 'table already present', exists: { range: toRange(lines, plan.table) } };
  const res = await ctx.connection.workspace.applyEdit({
    label: plan.kind === 'exists' ? 'Replace standard table' : 'Insert standard table',
    edit: { documentChanges: [{ textDocument: { uri: s.doc.uri, version: s.doc.version }, edits: [toTextEdit(lines, plan.edit)] }] },
  });
  return res.applied ? { applied: true } : { applied: false, reason: res.failureReason ?? 'client did not apply the edit' };
}

function skeleton(args: unknown[]): string | null {
  const a = (args[0] && typeof args[0] === 'object' ? args[0] : { organ: args[0], year: args[1] }) as Record<string, unknown>;
  const year = typeof a.year === 'string' ? Number.parseInt(a.year, 10) : a.year;
  if (typeof a.organ !== 'string' || typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 9999) return null;
  return renderSkeleton({
    organ: a.organ,
    year,
    layout: a.layout === 'markdown' || a.layout === 'cell-per-line' ? a.layout : 'tab',
    fill: a.fill === 'zero' ? 'zero' : 'blank',
    eol: a.eol === '\r\n' ? '\r\n' : '\n',
  });
}

async function showRuleDoc(ctx: ServerContext, args: unknown[]): Promise<string | null> {
  const first = args[0] as unknown;
  const id = typeof first === 'string' ? first : (first as { ruleId?: unknown } | null)?.ruleId;
  if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) return null;
  const uri = ruleDocUri(id);
  if (ctx.supportsShowDocument) {
    await ctx.connection.window.showDocument({ uri, external: false }).catch(() => undefined);
  }
  return uri;
}

export const COMMANDS = [Commands.insertTable, Commands.newReportSkeleton, Commands.showRuleDoc];

export async function executeCommand(ctx: ServerContext, params: ExecuteCommandParams): Promise<unknown> {
  const args = Array.isArray(params?.arguments) ? params.arguments : [];
  switch (params?.command) {
    case Commands.insertTable:
      return insertTable(ctx, args);
    case Commands.newReportSkeleton:
      return skeleton(args);
    case Commands.showRuleDoc:
      return showRuleDoc(ctx, args);
    default:
      return null;
  }
}
