// The sidecar config in the language server, over a real connection: the server watches config
// files, 「在配置中忽略此项」 returns a WorkspaceEdit on the config only (created in the workspace
// folder when there is none), and once the edit is on disk and the change notified, the diagnostic
// is gone — and the CLI, reading the same file, leaves it out too. Undoing the edit brings it back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from '../../server/src/config';
import { runCli, tempDir } from '../cli/helpers';
import { TestClient } from '../protocol/harness';
import { REPO_ROOT } from '../support/seeds';

const EXAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
const IGNORE = '在配置中忽略此项';

const ignoreAction = (actions: CodeAction[]): CodeAction | undefined => actions.find((a) => a.title === IGNORE);
const same = (a: Diagnostic, b: Diagnostic): boolean => a.code === b.code && JSON.stringify(a.range) === JSON.stringify(b.range);

describe('config: the language server', function () {
  this.timeout(60_000);
  let c: TestClient;
  let root: string;
  let configFile: string;
  let reportUri: string;

  before(async () => {
    root = fs.realpathSync(tempDir('dr-config-lsp-'));
    fs.mkdirSync(path.join(root, 'sub'));
    fs.writeFileSync(path.join(root, 'sub', 'r.txt'), EXAMPLE);
    configFile = path.join(root, '.disclosure-report.json');
    reportUri = pathToFileURL(path.join(root, 'sub', 'r.txt')).href;
    c = await TestClient.start({
      locale: 'zh-CN',
      settings: {},
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'reports' }],
      workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
    });
    c.open(reportUri, EXAMPLE);
  });
  after(async () => {
    await c?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => assert.deepEqual(c.errors, []));

  /** Apply the config part of a WorkspaceEdit to the disk, as an editor saving it would, and notify the server. */
  async function applyToDisk(action: CodeAction): Promise<void> {
    const changes = action.edit?.documentChanges ?? [];
    for (const change of changes) {
      if ('kind' in change) {
        assert.equal(change.kind, 'create');
        if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '');
        continue;
      }
      const { textDocument, edits } = change as TextDocumentEdit;
      assert.equal(textDocument.uri, pathToFileURL(configFile).href, 'only the config is edited');
      const before = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : '';
      fs.writeFileSync(configFile, TextDocument.applyEdits(TextDocument.create(textDocument.uri, 'jsonc', 0, before), edits as TextEdit[]));
    }
    await notifyConfigChanged(1);
  }

  async function notifyConfigChanged(type: 1 | 2 | 3): Promise<void> {
    const refreshed = c.waitForRefresh();
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type }] });
    await refreshed;
  }

  it('asks the client to watch both config file names', async () => {
    await c.diagnostics(reportUri); // initialized has been handled by now
    const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, JSON.stringify(c.registrations));
    const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs.sort(), ['**/.disclosure-report.json', '**/.disclosure-report.jsonc']);
  });

  it('creates the config in the workspace folder; the diagnostic is gone once the change is notified', async () => {
    const before = await c.diagnostics(reportUri);
    const d = before.find((x) => x.code === 'placeholder');
    assert.ok(d);
    const action = ignoreAction(await c.codeActions(reportUri, d.range, [d]));
    assert.ok(action, 'the quick fix is offered');
    assert.equal(action.kind, 'quickfix');
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, pathToFileURL(configFile).href);
    assert.equal(edit.textDocument.version, null);
    assert.ok(!JSON.stringify(action.edit).includes(reportUri), 'the report is never edited');

    await applyToDisk(action);
    const written = parseConfig(fs.readFileSync(configFile, 'utf8'));
    assert.deepEqual(written.problems, []);
    assert.deepEqual(
      written.config.ignore?.map((e) => ({ rule: e.rule, file: e.file, reason: e.reason })),
      [{ rule: 'placeholder', file: 'sub/r.txt', reason: '（请填写忽略的理由）' }],
    );
    const after = await c.diagnostics(reportUri);
    assert.ok(!after.some((x) => same(x, d)), 'the ignored diagnostic is gone');
    assert.equal(after.length, before.length - 1, 'the others stay');
    assert.equal(c.text(reportUri), EXAMPLE, 'the report text is untouched');
  });

  it('adds to the existing config; undoing the edit brings the diagnostic back', async () => {
    const before = await c.diagnostics(reportUri);
    const d = before.find((x) => x.code === 'signing-date');
    assert.ok(d);
    const action = ignoreAction(await c.codeActions(reportUri, d.range, [d]));
    assert.ok(action);
    assert.equal(action.edit!.documentChanges!.length, 1, 'no file to create now');
    const original = fs.readFileSync(configFile, 'utf8');
    await applyToDisk(action);
    const ignore = parseConfig(fs.readFileSync(configFile, 'utf8')).config.ignore ?? [];
    assert.deepEqual(ignore.map((e) => e.rule), ['placeholder', 'signing-date']);
    assert.ok(!(await c.diagnostics(reportUri)).some((x) => same(x, d)));

    // The CLI reads the same file the editor wrote: both findings are left out there too.
    const cli = runCli(['check', '--lang', 'en', 'sub'], { cwd: root });
    assert.match(cli.stdout, /; 2 suppressed by the config\./);
    assert.doesNotMatch(cli.stdout, /\[placeholder\]|\[signing-date\]/);

    fs.writeFileSync(configFile, original);
    await notifyConfigChanged(2);
    assert.ok((await c.diagnostics(reportUri)).some((x) => same(x, d)), 'back after the undo');
  });

  it('rule severities of the config apply in the editor; a deleted config applies no more', async () => {
    fs.writeFileSync(configFile, '// severities\n{ "rules": { "heading-numbering": "off", "placeholder": "hint" } }\n');
    await notifyConfigChanged(2);
    const ds = await c.diagnostics(reportUri);
    assert.ok(!ds.some((d) => d.code === 'heading-numbering'));
    assert.equal(ds.find((d) => d.code === 'placeholder')?.severity, 4);
    fs.rmSync(configFile);
    await notifyConfigChanged(3);
    const again = await c.diagnostics(reportUri);
    assert.ok(again.some((d) => d.code === 'heading-numbering'));
    assert.equal(again.find((d) => d.code === 'placeholder')?.severity, 1);
  });

  it('a broken config is not used (and not crashed on); the quick fix does not edit a file it cannot parse', async () => {
    fs.writeFileSync(configFile, '{ "rules": { "placeholder": "of" ');
    await notifyConfigChanged(2);
    const ds = await c.diagnostics(reportUri);
    const d = ds.find((x) => x.code === 'placeholder');
    assert.ok(d, 'the config with errors changes nothing');
    assert.equal(ignoreAction(await c.codeActions(reportUri, d.range, [d])), undefined);
    fs.rmSync(configFile);
    await notifyConfigChanged(3);
  });

  it('an untitled document gets no config and no "ignore in config"', async () => {
    const uri = 'untitled:Untitled-1';
    c.open(uri, EXAMPLE);
    const d = (await c.diagnostics(uri)).find((x) => x.code === 'placeholder')!;
    assert.equal(ignoreAction(await c.codeActions(uri, d.range, [d])), undefined);
    c.close(uri);
  });
});
