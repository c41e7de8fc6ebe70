// Web pages and report texts over a real JSON-RPC connection to the bundled server: an HTML page
// is checked in place through the HTML adapter; a file's report text is asked for with
// disclosureReport/reportText, opened under its own scheme and checked read-only (no edit offered,
// diagnostics and hovers say where the place is in the original).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { checkDocument, LineIndex } from '../../server/src/engine';
import { documentFromText } from '../../server/src/formats';
import { describeOrigin } from '../../server/src/formats/origin';
import { REPORT_TEXT_SCHEME, ReportTextRequest, type ReportTextResult } from '../../server/src/lsp/protocol';
import { writeDocx } from '../formats/wordml';
import { htmlPageOf } from '../support/pages';
import { REPO_ROOT } from '../support/seeds';
import { comparable, expectedDiagnostics, freshUri, TestClient } from './harness';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const example = (name: string): string => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

/** The findings the HTML adapter's reading of a page gives, as diagnostics (converted here, not by the server). */
function expectedHtmlDiagnostics(html: string): ReturnType<typeof expectedDiagnostics> {
  const read = documentFromText(html, 'html');
  assert.ok(read.ok);
  const lines = new LineIndex(html);
  const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  return checkDocument(read.document).findings.map((f) => ({
    code: f.ruleId,
    severity: SEVERITY[f.severity],
    message: f.message.zh,
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
  }));
}

function edits(actions: CodeAction[]): CodeAction[] {
  return actions.filter((a) => a.edit !== undefined);
}

describe('protocol: web pages and report texts', function () {
  let zh: TestClient;
  let dir: string;
  before(async () => {
    zh = await TestClient.start({ locale: 'zh-cn', settings: {} });
    // A folder name with Chinese and a space: URIs of report texts carry escapes.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), '年报 forms-'));
  });
  after(async () => {
    await zh?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => assert.deepEqual(zh.errors, [], 'no handler failed in the server'));

  describe('HTML pages in the HTML editor', () => {
    it('a page that reads like a report is checked in place: the diagnostics are those of the HTML adapter, in HTML positions', async () => {
      const html = htmlPageOf(example('mistakes-2024.txt'), '某某市2024年政府信息公开工作年度报告');
      const uri = freshUri('page', 'html');
      zh.open(uri, html, 'html');
      const ds = await zh.diagnostics(uri);
      assert.ok(ds.length > 0, 'the page has the example mistakes');
      assert.deepEqual(comparable(ds), expectedHtmlDiagnostics(html));
      zh.close(uri);
    });

    it('an HTML page that is not a report, or any page with plaintext.detect off, gets nothing', async () => {
      const other = freshUri('other', 'html');
      zh.open(other, '<!DOCTYPE html><html><head><title>通知公告</title></head><body><p>关于开展安全检查的通知</p></body></html>', 'html');
      assert.deepEqual(await zh.diagnostics(other), []);
      zh.close(other);
      const c = await TestClient.start({ locale: 'zh-cn', settings: { plaintext: { detect: false } } });
      try {
        const page = freshUri('nodetect', 'html');
        c.open(page, htmlPageOf(example('mistakes-2024.txt'), '某某市2024年政府信息公开工作年度报告'), 'html');
        assert.deepEqual(await c.diagnostics(page), []);
      } finally {
        await c.stop();
      }
    });
  });

  describe('report texts (disclosureReport/reportText)', () => {
    const write = (name: string, content: string | Buffer): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };
    const reportText = (uri: string): Promise<ReportTextResult> => zh.request<ReportTextResult>(ReportTextRequest.method, { uri });

    it('answers the text read from the file and the URI to open it under; that document is checked like the text', async () => {
      const text = example('mistakes-2024.txt');
      const file = write('mistakes 2024.txt', text);
      const r = await reportText(pathToFileURL(file).href);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.kind, 'text');
      assert.equal(r.text, text);
      assert.ok(r.uri.startsWith(`${REPORT_TEXT_SCHEME}:/`), r.uri);
      assert.equal(decodeURIComponent(r.uri.slice(REPORT_TEXT_SCHEME.length + 1)), file.split(path.sep).join('/'));
      // Asked again with its own URI, it answers the same.
      assert.deepEqual(await reportText(r.uri), r);
      zh.open(r.uri, r.text);
      assert.deepEqual(comparable(await zh.diagnostics(r.uri)), expectedDiagnostics(text, 'zh'));
      zh.close(r.uri);
    });

    it('a report text offers no edit: no fix data, no quick fix, fix-all, table insertion or completion', async () => {
      const text = example('mistakes-2024.txt').replace(/^二、.*\n(?:.*\n)*?(?=三、)/m, '二、主动公开政府信息情况\n\n');
      const file = write('no-edits.txt', text);
      const r = await reportText(pathToFileURL(file).href);
      assert.ok(r.ok);
      // The same text as an ordinary file: fixes, a table insertion and completions are offered there.
      const plain = freshUri('editable');
      zh.open(plain, text);
      const plainDs = await zh.diagnostics(plain);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const plainActions = await zh.codeActions(plain, whole, plainDs);
      assert.ok(edits(plainActions).length > 0, 'the editable text has fixes');
      assert.ok(plainDs.some((d) => (d.data as { fix?: unknown }).fix), 'and fix data');
      assert.ok(plainDs.some((d) => d.code === 'missing-table'), 'the fixture lacks the proactive table');

      zh.open(r.uri, r.text);
      const ds = await zh.diagnostics(r.uri);
      assert.deepEqual(ds.map((d) => [d.code, d.range]), plainDs.map((d) => [d.code, d.range]), 'the same findings');
      for (const d of ds) assert.equal((d.data as { fix?: unknown }).fix, undefined, `${String(d.code)} carries no fix`);
      const actions = await zh.codeActions(r.uri, whole, ds);
      assert.deepEqual(edits(actions), [], 'no action edits the report text');
      assert.ok(actions.length > 0 && actions.every((a) => a.command?.command === 'disclosureReport.showRuleDoc'), 'rule pages only');
      const empty = (await zh.request('textDocument/completion', { textDocument: { uri: r.uri }, position: { line: 0, character: 0 } })) as unknown[];
      assert.deepEqual(empty, []);
      const plainCompletion = (await zh.request('textDocument/completion', { textDocument: { uri: plain }, position: { line: 0, character: 0 } })) as unknown[];
      assert.ok(plainCompletion.length > 0, 'completion is offered on the editable text');
      const insert = (await zh.request('workspace/executeCommand', {
        command: 'disclosureReport.insertTable',
        arguments: [{ uri: r.uri, tableId: 'proactive' }],
      })) as { applied: boolean; reason?: string };
      assert.equal(insert.applied, false);
      assert.match(insert.reason ?? '', /read-only/);
      zh.close(r.uri);
      zh.close(plain);
    });

    it('a .docx report: its report text checked with the findings of the text, each saying where it is in Word', async () => {
      const text = example('mistakes-2024.txt');
      const written = writeDocx(text);
      const file = write('报告 2024.docx', Buffer.from(written.bytes));
      const r = await reportText(pathToFileURL(file).href);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.kind, 'docx');
      zh.open(r.uri, r.text);
      const ds = await zh.diagnostics(r.uri);
      // The arithmetic of the text form, found in the report text.
      const codes = (xs: { code?: unknown }[]) => xs.map((d) => String(d.code)).filter((c) => /total|balance/.test(c)).sort();
      assert.deepEqual(codes(ds), codes(expectedDiagnostics(text, 'zh')));
      // The wrong 总计 of 「一、本年新收…」 (line 47 of the text, its last cell) says its Word table cell.
      const lineOfRow = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
      const places = written.cellPlaces.get(lineOfRow);
      assert.ok(places, 'the writer placed that row in a table');
      const place = places[places.length - 1];
      const total = ds.find((d) => d.code === 'row-total' && String(d.message).includes('本年新收'));
      assert.ok(total, ds.map((d) => String(d.message)).join('\n'));
      const message = String(total.message);
      assert.ok(message.endsWith(`（原文：表${place.table} 第${place.row}行 第${place.cell}列）`), message);
      assert.equal((total.data as { fix?: unknown }).fix, undefined, 'no fix on a report text');
      const hover = (await zh.request('textDocument/hover', { textDocument: { uri: r.uri }, position: total.range.start })) as {
        contents: { value: string };
      } | null;
      assert.ok(hover, 'a hover on the cell');
      assert.ok(hover.contents.value.includes(`原文位置：表${place.table} 第${place.row}行 第${place.cell}列`), hover.contents.value);
      const en = await TestClient.start({ locale: 'en', settings: {} });
      try {
        await en.request(ReportTextRequest.method, { uri: pathToFileURL(file).href });
        en.open(r.uri, r.text);
        const enTotal = (await en.diagnostics(r.uri)).find((d) => d.code === 'row-total' && d.range.start.line === total.range.start.line);
        const enMessage = String(enTotal?.message);
        assert.ok(enMessage.endsWith(` (in the original: table ${place.table}, row ${place.row}, cell ${place.cell})`), enMessage);
      } finally {
        await en.stop();
      }
      zh.close(r.uri);
    });

    it('a document on the report-text scheme whose text the server did not read is not checked', async () => {
      const file = write('shown.txt', example('clean-2024.txt'));
      const r = await reportText(pathToFileURL(file).href);
      assert.ok(r.ok);
      zh.open(r.uri, '无法读取文件：ENOENT');
      assert.deepEqual(await zh.diagnostics(r.uri), []);
      zh.close(r.uri);
      // Opened before the server read the file (a restart): read on demand and checked.
      const late = write('late.txt', example('mistakes-2024.txt'));
      const lateUri = `${REPORT_TEXT_SCHEME}:${pathToFileURL(late).pathname}`;
      zh.open(lateUri, example('mistakes-2024.txt'));
      assert.deepEqual(comparable(await zh.diagnostics(lateUri)), expectedDiagnostics(example('mistakes-2024.txt'), 'zh'));
      zh.close(lateUri);
    });

    it('files it cannot read get a reason in both languages, never an error response', async () => {
      const cases: [string, RegExp][] = [
        [pathToFileURL(path.join(dir, 'missing.docx')).href, /ENOENT/],
        ['http://example.org/report.pdf', /file:/],
        [pathToFileURL(write('table.xlsx', 'PK\u0003\u0004')).href, /\.docx/],
        [pathToFileURL(write('binary.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]))).href, /./],
        [pathToFileURL(dir).href + '.txt', /ENOENT/],
      ];
      for (const [uri, pattern] of cases) {
        const r = await reportText(uri);
        assert.equal(r.ok, false, uri);
        if (r.ok) continue;
        assert.ok(/[\u4e00-\u9fff]/.test(r.reason.zh), `${uri}: Chinese reason ${r.reason.zh}`);
        assert.ok(r.reason.en.length > 0 && !/[\u4e00-\u9fff]/.test(r.reason.en.replace(/[「」]/g, '')), `${uri}: English reason ${r.reason.en}`);
        assert.match(r.reason.en, pattern, uri);
      }
      const bad = (await zh.request(ReportTextRequest.method, { uri: 42 })) as ReportTextResult;
      assert.equal(bad.ok, false);
    });
  });

  describe('places in the original, in words', () => {
    it('page, table/row/cell and paragraph in Chinese and English', () => {
      assert.equal(describeOrigin({ kind: 'pdf', page: 4 }, 'zh'), '第4页');
      assert.equal(describeOrigin({ kind: 'pdf', page: 4 }, 'en'), 'page 4');
      assert.equal(describeOrigin({ kind: 'docx', table: 2, row: 5, cell: 8 }, 'zh'), '表2 第5行 第8列');
      assert.equal(describeOrigin({ kind: 'docx', table: 2, row: 5, cell: 8 }, 'en'), 'table 2, row 5, cell 8');
      assert.equal(describeOrigin({ kind: 'docx', paragraph: 12 }, 'zh'), '第12段');
      assert.equal(describeOrigin({ kind: 'docx', paragraph: 12 }, 'en'), 'paragraph 12');
      assert.equal(describeOrigin({ kind: 'pdf', page: 3, table: 1, row: 2 }, 'zh'), '第3页 表1 第2行');
      assert.equal(describeOrigin({ kind: 'text' }, 'zh'), '');
    });
  });
});
