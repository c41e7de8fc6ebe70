// Helpers of the extension-host suite: the extension's API, documents of the test workspace, and
// waiting for diagnostics through vscode.languages.onDidChangeDiagnostics (never a sleep).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DisclosureReportApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'disclosure-report.disclosure-report';
export const SOURCE = 'disclosure-report';
/** out/test/vscode/suite → repository root. */
export const REPO_ROOT = process.env.DISCLOSURE_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..', '..');
export const EXPECTED_DIR = path.join(REPO_ROOT, 'test', 'engine', 'expected');

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITY_NAME: Record<vscode.DiagnosticSeverity, SeverityName> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return folder.uri.fsPath;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), relative));
}

/** The seed copies in the workspace (scripts/vscode/run-tests.ts puts them there; none is a failure). */
export function seedUris(): vscode.Uri[] {
  const dir = path.join(workspaceDir(), 'seeds');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  assert.ok(files.length > 0, `no seed copies in ${dir}: the run needs ../shared/seeds`);
  return files.map((f) => vscode.Uri.file(path.join(dir, f)));
}

export function seedUri(prefix: string): vscode.Uri {
  const u = seedUris().find((x) => path.basename(x.fsPath).startsWith(prefix));
  assert.ok(u, `seed ${prefix} copied into the workspace`);
  return u;
}

let api: Promise<DisclosureReportApi> | undefined;
/** Activates the extension under test and waits until its language server answered `initialize`. */
export function extensionApi(): Promise<DisclosureReportApi> {
  api ??= (async () => {
    const ext = vscode.extensions.getExtension<DisclosureReportApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    const exported = await ext.activate();
    assert.ok(exported?.client && exported.ready, 'activate() returns { client, ready }');
    await exported.ready;
    return exported;
  })();
  return api;
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
}

/** Our diagnostics of a document (other extensions' are ignored). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** "line rule severity" with a 1-based line, as in test/engine/expected/*.json. */
export function key(d: vscode.Diagnostic): string {
  return `${d.range.start.line + 1} ${codeOf(d)} ${SEVERITY_NAME[d.severity]}`;
}

/** What the last unfinished wait saw (printed when a test times out). */
export let lastWait: { what: string; seen: string } | undefined;

/** Resolves with probe()'s value as soon as it is defined: probed now and on every event. */
export function until<T>(what: string, events: vscode.Event<unknown>[], probe: () => T | undefined, describe?: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    let done = false;
    const attempt = (): void => {
      if (done) return;
      try {
        const v = probe();
        if (v !== undefined) {
          done = true;
          subs.forEach((s) => s.dispose());
          if (lastWait?.what === what) lastWait = undefined;
          resolve(v);
        } else {
          lastWait = { what, seen: describe ? describe() : '' };
        }
      } catch (err) {
        done = true;
        subs.forEach((s) => s.dispose());
        reject(err);
      }
    };
    for (const e of events) subs.push(e(() => attempt()));
    attempt();
  });
}

/** Waits until our diagnostics of `uri` satisfy `pred` (checked now and on every change for that uri). */
export function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  const s = uri.toString();
  const forUri: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === s)) listener(e);
    });
  return until(
    `${what} of ${path.basename(uri.path)}`,
    [forUri],
    () => {
      const ds = ours(uri);
      return pred(ds) ? ds : undefined;
    },
    () => ours(uri).map(key).join('; '),
  );
}

/** Waits for the server's check of the document's current version, then for the client to hold
 *  exactly as many diagnostics as that check found. */
export async function settledDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const a = await extensionApi();
  const status = await until(
    `status of ${path.basename(doc.uri.path)} v${doc.version}`,
    [a.onStatus],
    () => {
      const s = a.statusOf(doc.uri);
      return s && s.version === doc.version ? s : undefined;
    },
  );
  const c = status.counts;
  const total = c.error + c.warning + c.information + c.hint;
  return waitForDiagnostics(doc.uri, (ds) => ds.length === total, `${total} diagnostics`);
}

/** Opens (and shows: diagnostics are pulled for visible documents) a file or an untitled text. */
export async function openShown(target: vscode.Uri | { content: string; language: string }): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  await extensionApi();
  const doc = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

export async function openAndSettle(target: vscode.Uri | { content: string; language: string }): Promise<{
  doc: vscode.TextDocument;
  editor: vscode.TextEditor;
  diagnostics: vscode.Diagnostic[];
}> {
  const { doc, editor } = await openShown(target);
  return { doc, editor, diagnostics: await settledDiagnostics(doc) };
}

/** Closes every editor without saving (untitled documents and edits are reverted first). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function readExpected(prefix: string): { line: number; rule: string; severity: string }[] {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, `${prefix}.json`), 'utf8'));
}

export function toPosition(p: { line: number; character: number }): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** The text of a hover, all its parts. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
