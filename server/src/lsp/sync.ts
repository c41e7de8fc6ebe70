// Text synchronisation that survives malformed notifications. TextDocuments trusts its params
// (a null textDocument or a change without text throws inside the handler, and the typed
// notification logs an error for positional params), so the server hands it this adapter:
// it registers the same notifications by method name and passes on only well-formed ones.
// A malformed notification is dropped; the document keeps the text it had.

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';

/** What TextDocuments.listen needs from a connection (the type is not exported by name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown): boolean => isObject(v) && isCount(v.line) && isCount(v.character);
const isRange = (v: unknown): boolean => isObject(v) && isPosition(v.start) && isPosition(v.end);
const hasUri = (v: unknown): boolean => isObject(v) && isObject(v.textDocument) && typeof v.textDocument.uri === 'string';

export function isDidOpen(p: unknown): p is DidOpenTextDocumentParams {
  if (!hasUri(p)) return false;
  const td = (p as { textDocument: Record<string, unknown> }).textDocument;
  return typeof td.languageId === 'string' && typeof td.version === 'number' && typeof td.text === 'string';
}

export function isDidChange(p: unknown): p is DidChangeTextDocumentParams {
  if (!hasUri(p)) return false;
  const { textDocument, contentChanges } = p as { textDocument: Record<string, unknown>; contentChanges: unknown };
  if (typeof textDocument.version !== 'number' || !Array.isArray(contentChanges)) return false;
  return contentChanges.every((c) => isObject(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range)));
}

export function isDidClose(p: unknown): p is DidCloseTextDocumentParams {
  return hasUri(p);
}

/** The connection as TextDocuments.listen sees it, with malformed open/change/close notifications dropped. */
export function guardedSync(connection: Connection): TextDocumentConnection {
  const guard =
    <T>(valid: (p: unknown) => p is T, handler: (p: T) => void) =>
    (...args: unknown[]) => {
      // Positional params arrive spread; a well-formed notification has exactly one object.
      const p = args.length === 1 ? args[0] : undefined;
      if (valid(p)) handler(p);
    };
  return {
    onDidOpenTextDocument: (h) => connection.onNotification('textDocument/didOpen', guard(isDidOpen, h)),
    onDidChangeTextDocument: (h) => connection.onNotification('textDocument/didChange', guard(isDidChange, h)),
    onDidCloseTextDocument: (h) => connection.onNotification('textDocument/didClose', guard(isDidClose, h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(h),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onWillSaveTextDocumentWaitUntil(h),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(h),
  };
}
