// Pull diagnostics from the bundled server, over a real JSON-RPC connection, against the engine's
// own check() of the same text (converted here with LineIndex, not with the server's code).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine';
import { renderSkeleton } from '../../server/src/engine/templates';
import { REPO_ROOT, seedFiles } from '../support/seeds';
import { comparable, expectedDiagnostics, freshUri, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('protocol: pull diagnostics', function () {
  let zh: TestClient;
  let en: TestClient;
  before(async () => {
    zh = await TestClient.start({ locale: 'zh-cn', settings: {} });
    en = await TestClient.start({ locale: 'en-US', settings: {} });
  });
  after(async () => {
    await zh?.stop();
    await en?.stop();
  });
  afterEach(() => {
    assert.deepEqual(zh.errors, [], 'no handler failed in the zh server');
    assert.deepEqual(en.errors, [], 'no handler failed in the en server');
  });

  for (const file of seedFiles()) {
    const name = path.basename(file);
    it(`seed ${name}: diagnostics equal the engine's findings (zh and en)`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const uri = freshUri(name.slice(0, 3));
      zh.open(uri, text);
      en.open(uri, text);
      assert.deepEqual(comparable(await zh.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
      assert.deepEqual(comparable(await en.diagnostics(uri)), expectedDiagnostics(text, 'en'));
      zh.close(uri);
      en.close(uri);
    });

    it(`seed ${name}: diagnostics are exactly test/engine/expected/${name.slice(0, 3)}.json (line, rule, severity)`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected: { line: number; rule: string; severity: string }[] = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, 'test', 'engine', 'expected', `${name.slice(0, 3)}.json`), 'utf8'),
      );
      const uri = freshUri(`exp-${name.slice(0, 3)}`);
      zh.open(uri, text);
      const SEV = ['', 'error', 'warning', 'information', 'hint'];
      const actual = (await zh.diagnostics(uri)).map((d) => `${d.range.start.line + 1} ${String(d.code)} ${SEV[d.severity ?? 0]}`);
      // The editor keeps untouched template content quiet: a blank cell in a row with no number at
      // all is a hint there (the CLI reports it as the file says).
      const { report } = check(text);
      const blankRowLines = new Set(
        report.tables.flatMap((t) => {
          const rows = new Map<string, { line: number; blank: boolean }[]>();
          for (const c of t.cells) {
            const key = c.table === 'appeals' ? c.row[0] : `${c.item ?? ''}/${c.row}`;
            rows.set(key, [...(rows.get(key) ?? []), { line: report.source.lines.positionAt(c.start).line + 1, blank: c.state === 'empty' }]);
          }
          const anyFilled = [...rows.values()].some((cs) => cs.some((x) => !x.blank));
          return [...rows.values()].filter((cs) => anyFilled && cs.every((x) => x.blank)).map((cs) => cs[0].line);
        }),
      );
      const inEditor = (e: { line: number; rule: string; severity: string }): string =>
        `${e.line} ${e.rule} ${e.rule === 'empty-cell' && blankRowLines.has(e.line) ? 'hint' : e.severity}`;
      assert.deepEqual(actual.sort(), expected.map(inEditor).sort());
      zh.close(uri);
    });
  }

  it('a fresh skeleton is quiet in the editor; a whole-document check (the workspace check) reports its placeholders and blank cells', async () => {
    const text = renderSkeleton({ organ: '某市某局', year: 2023, layout: 'tab', fill: 'blank', eol: '\n' });
    const uri = freshUri('skeleton');
    zh.open(uri, text);
    const editor = await zh.diagnostics(uri);
    assert.deepEqual(editor.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.code), []);
    assert.ok(editor.some((d) => d.code === 'placeholder' && d.severity === 4), 'placeholders are hints');
    const whole = await zh.request<{ items: { code?: unknown; severity?: number }[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      identifier: 'disclosure-report/whole-document',
    });
    assert.ok(whole.items.some((d) => d.code === 'placeholder' && d.severity === 1));
    assert.ok(whole.items.filter((d) => d.code === 'empty-cell' && d.severity === 2).length > 30);
    zh.close(uri);
  });

  it('each diagnostic has source, code, a doc link, related information and fix data', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('small');
    zh.open(uri, text);
    const ds = await zh.diagnostics(uri);
    const { findings } = check(text);
    assert.equal(ds.length, findings.length);
    assert.ok(ds.length > 0, 'the fixture has findings');
    ds.forEach((d, i) => {
      const f = findings[i];
      assert.equal(d.source, 'disclosure-report');
      assert.equal(d.code, f.ruleId);
      assert.equal(d.codeDescription?.href, pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules', `${f.ruleId}.md`)).href);
      assert.equal(d.relatedInformation?.length ?? 0, f.related.length);
      for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, uri);
      const data = d.data as { ruleId: string; fix?: { edits: unknown[] } };
      assert.equal(data.ruleId, f.ruleId);
      assert.equal(data.fix?.edits.length ?? 0, f.fix?.edits.length ?? 0);
    });
    zh.close(uri);
  });

  it('the same text with CRLF and 𠮷 gives UTF-16 ranges on the right lines', async () => {
    const text = fixture('small-2023.txt').replace(/\n/g, '\r\n');
    const uri = freshUri('crlf');
    zh.open(uri, text);
    assert.deepEqual(comparable(await zh.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
    zh.close(uri);
  });

  it('status notification: year, format version and duration after a check', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('status');
    zh.open(uri, text);
    await zh.diagnostics(uri);
    // The notification is sent before the diagnostic response, so it has arrived by now.
    const st = zh.statuses.filter((s) => s.uri === uri);
    assert.equal(st.length, 1);
    assert.equal(st[0].year, 2023);
    assert.equal(st[0].formatVersion, '2021');
    assert.equal(st[0].version, 1);
    assert.ok(typeof st[0].durationMs === 'number' && st[0].durationMs >= 0);
    // A second request on the same version reuses the check: no second status.
    await zh.diagnostics(uri);
    assert.equal(zh.statuses.filter((s) => s.uri === uri).length, 1);
    zh.close(uri);
  });

  it('plain text and markdown are served when they look like a report, not otherwise', async () => {
    const text = fixture('small-2023.txt');
    const a = freshUri('plain');
    const b = freshUri('md', 'md');
    const c = freshUri('other');
    zh.open(a, text, 'plaintext');
    zh.open(b, text, 'markdown');
    zh.open(c, '会议纪要\n\n今天讨论了三件事。', 'plaintext');
    assert.deepEqual(comparable(await zh.diagnostics(a)), expectedDiagnostics(text, 'zh'));
    assert.deepEqual(comparable(await zh.diagnostics(b)), expectedDiagnostics(text, 'zh'));
    assert.deepEqual(await zh.diagnostics(c), []);
    // Other languages are never served.
    const d = freshUri('js', 'js');
    zh.open(d, text, 'javascript');
    assert.deepEqual(await zh.diagnostics(d), []);
    for (const u of [a, b, c, d]) zh.close(u);
    // Every real report is recognised when opened as plain text (2023年报.txt) or markdown.
    for (const file of seedFiles()) {
      const t = fs.readFileSync(file, 'utf8');
      for (const lang of ['plaintext', 'markdown']) {
        const u = freshUri('seed-plain');
        zh.open(u, t, lang);
        assert.deepEqual(comparable(await zh.diagnostics(u)), expectedDiagnostics(t, 'zh'), `${path.basename(file)} as ${lang}`);
        zh.close(u);
      }
    }
  });

  it('settings: per-rule severity and off, enable, plaintext.detect, language; change refreshes', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('settings');
    const plain = freshUri('settings-plain');
    const c = await TestClient.start({ locale: 'zh-CN', settings: {} });
    try {
      c.open(uri, text);
      c.open(plain, text, 'plaintext');
      const before = await c.diagnostics(uri);
      const rule = String(before[0].code);
      c.settings = { rules: { [rule]: 'off', 'row-total': 'hint' }, language: 'en' };
      const refreshed = c.waitForRefresh();
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      const rules = { [rule]: 'off' as const, 'row-total': 'hint' as const };
      assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(text, 'en', rules));
      c.settings = { enable: false };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await c.diagnostics(uri), []);
      c.settings = { plaintext: { detect: false } };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await c.diagnostics(plain), []);
      assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
      assert.ok(c.refreshes >= 3);
      assert.deepEqual(c.errors, []);
    } finally {
      await c.stop();
    }
  });

  it('a client without workspace/configuration gets the defaults; no locale means Chinese', async () => {
    const c = await TestClient.start({});
    try {
      const text = fixture('small-2023.txt');
      const uri = freshUri('nocfg');
      c.open(uri, text);
      assert.deepEqual(comparable(await c.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
    } finally {
      await c.stop();
    }
  });

  it('closing a document drops it: later requests get empty results, not errors', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('close');
    zh.open(uri, text);
    assert.ok((await zh.diagnostics(uri)).length > 0);
    zh.close(uri);
    assert.deepEqual(await zh.diagnostics(uri), []);
    assert.deepEqual(await zh.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });
});
