// Web pages and report texts in a real VS Code: an HTML report gets its squiggles in the HTML
// editor; a report text (the read-only document on the disclosure-report-text scheme) gets the
// squiggles, hover, outline and status of its text, offers no edit, and "save report text as .txt"
// writes an editable draft that checks the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check, checkDocument } from '../../../server/src/engine';
import { tablesPreview } from '../../../server/src/engine/ide/tableGrid';
import { REQUEST_COLUMN_IDS, REQUEST_ROWS } from '../../../server/src/engine/schema/tables';
import { documentFromText } from '../../../server/src/formats';
import { pdfPages } from '../../../server/src/formats/pdf';
import { REPORT_TEXT_SCHEME } from '../../../server/src/lsp/protocol';
import { ClientCommands } from '../../../client/src/ids';
import { writeDocx } from '../../formats/wordml';
import { htmlPageOf } from '../../support/pages';
import { printReportsToPdf } from '../../support/printPdf';
import { closeAllEditors, codeOf, extensionApi, hoverText, lastWait, REPO_ROOT, settledDiagnostics, until, workspaceDir } from './helpers';

const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

/**
 * The titles of the actions that would edit a report text or the file behind it (an action may
 * still edit another file, e.g. add an ignore entry to the workspace's .disclosure-report.json).
 */
const editing = (actions: readonly vscode.CodeAction[], reportText: vscode.Uri): string[] => {
  const touched = new Set([reportText.toString(), reportText.with({ scheme: 'file' }).toString()]);
  return actions.filter((a) => a.edit?.entries().some(([uri]) => touched.has(uri.toString()))).map((a) => a.title);
};

/** "line:character rule" of each diagnostic, in order. */
const places = (ds: readonly vscode.Diagnostic[]): string[] =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${codeOf(d)}`).sort();

describe('vscode: web pages and report texts', function () {
  let dir: string;
  before(async () => {
    await extensionApi();
    // A folder of this suite's own, removed afterwards (other suites count the workspace's reports).
    dir = path.join(workspaceDir(), 'forms');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && lastWait) console.log(`  last wait: ${lastWait.what}; seen: ${lastWait.seen}`);
    await closeAllEditors();
  });

  it('an HTML report: squiggles in the HTML editor where the HTML adapter reads the findings', async () => {
    const html = htmlPageOf(example('mistakes-2024.txt'), '某某市2024年政府信息公开工作年度报告');
    const file = path.join(dir, 'report-2024.html');
    fs.writeFileSync(file, html);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(doc.languageId, 'html', 'the page stays an HTML document');
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await settledDiagnostics(doc);
    const read = documentFromText(html, 'html');
    assert.ok(read.ok);
    const expected = checkDocument(read.document).findings.map((f) => {
      const r = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
      return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${f.ruleId}`;
    });
    assert.ok(ds.length > 0, 'the example mistakes are found');
    assert.deepEqual(places(ds), expected.sort());
    // The wrong 总计 is squiggled on the number inside its <td>, in the HTML file itself.
    const total = ds.find((d) => codeOf(d) === 'row-total' && d.message.includes('本年新收'));
    assert.ok(total, 'the wrong 总计 of 本年新收 is flagged');
    assert.equal(doc.getText(total.range), '18');
    const line = doc.lineAt(total.range.start.line).text;
    assert.equal(line.slice(total.range.start.character - 4, total.range.end.character + 5), '<td>18</td>');
  });

  /** Opens a file the way a user does (explorer, Ctrl+P): VS Code picks the editor. */
  async function openLikeUser(file: string): Promise<vscode.TextDocument> {
    const expected = vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME }).toString();
    const shown = until('the report text in the active editor', [vscode.window.onDidChangeActiveTextEditor], () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.toString() === expected ? doc : undefined;
    });
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    return shown;
  }

  /** A PDF opens in VS Code's own viewer; the report text comes from "open as report" (explorer, palette). */
  async function openPdfAsReport(file: string): Promise<vscode.TextDocument> {
    const expected = vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME }).toString();
    const shown = until('the report text in the active editor', [vscode.window.onDidChangeActiveTextEditor], () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.toString() === expected ? doc : undefined;
    });
    const r = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>(ClientCommands.openAsReport, vscode.Uri.file(file));
    assert.ok(r?.ok, JSON.stringify(r));
    return shown;
  }

  it('a .docx report opened like any file shows its report text, with squiggles and hovers that say where in Word, and no edit', async () => {
    const text = example('mistakes-2024.txt');
    const written = writeDocx(text);
    const file = path.join(dir, '某某市2024年报.docx');
    fs.writeFileSync(file, written.bytes);
    const doc = await openLikeUser(file);
    assert.equal(doc.languageId, 'disclosure-report');
    const ds = await settledDiagnostics(doc);
    const rowOf = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    const cells = written.cellPlaces.get(rowOf);
    assert.ok(cells);
    const place = cells[cells.length - 1];
    const total = ds.find((d) => codeOf(d) === 'row-total' && d.message.includes('本年新收'));
    assert.ok(total, ds.map((d) => d.message).join('\n'));
    assert.equal(doc.getText(total.range), '18');
    assert.ok(total.message.endsWith(`（原文：表${place.table} 第${place.row}行 第${place.cell}列）`), total.message);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, total.range.start);
    assert.match(hoverText(hovers), new RegExp(`原文位置：表${place.table} 第${place.row}行 第${place.cell}列`));
    const a = await extensionApi();
    assert.equal(a.statusOf(doc.uri)?.year, 2024, 'the status item has the report text');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok((symbols ?? []).length >= 5, 'the outline has the sections');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole)) ?? [];
    assert.deepEqual(editing(actions, doc.uri), [], 'no action edits the report text or its file');
    // The placeholder editor the file opened in has made way for the report text.
    const custom = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputCustom);
    assert.deepEqual(custom.map((t) => t.label), []);

    // 「另存为可编辑文本」: report.txt beside the .docx, an ordinary text that checks the same.
    const saved = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(ClientCommands.saveReportText, doc.uri);
    assert.ok(saved?.ok && saved.uri, JSON.stringify(saved));
    const target = vscode.Uri.parse(saved.uri);
    assert.equal(target.fsPath, file.replace(/\.docx$/, '.txt'));
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), doc.getText());
    const draft = vscode.window.activeTextEditor?.document;
    assert.equal(draft?.uri.toString(), target.toString());
    const draftDs = await settledDiagnostics(draft);
    assert.deepEqual(places(draftDs), places(ds));
    const withoutPlace = (m: string): string => m.replace(/（原文：[^）]*）$/, '');
    assert.deepEqual(draftDs.map((d) => d.message).sort(), ds.map((d) => withoutPlace(d.message)).sort());
  });

  it('"open as report" on a .docx from the explorer gives the same report text; a file it cannot read says why', async () => {
    const written = writeDocx(example('clean-2024.txt'));
    const file = path.join(dir, 'clean.docx');
    fs.writeFileSync(file, written.bytes);
    const r = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(ClientCommands.openAsReport, vscode.Uri.file(file));
    assert.ok(r?.ok, JSON.stringify(r));
    assert.equal(r.uri, vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME }).toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), r.uri);
    const broken = path.join(dir, 'broken.docx');
    fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    const bad = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>(ClientCommands.openAsReport, vscode.Uri.file(broken));
    assert.equal(bad?.ok, false);
    assert.ok(/[\u4e00-\u9fff]/.test(bad.reason ?? ''), `a reason in Chinese: ${bad.reason}`);
  });

  it('a report text: the squiggles, hover and status of its text, and no edit offered', async () => {
    const text = example('mistakes-2024.txt');
    const file = path.join(dir, 'mistakes-2024.txt');
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME });
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(), text, 'the provider shows the text the server read');
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await settledDiagnostics(doc);

    // The same text opened as the file itself: the same findings in the same places.
    const plain = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(plain, { preview: false });
    const plainDs = await settledDiagnostics(plain);
    assert.ok(ds.length > 0);
    assert.deepEqual(places(ds), places(plainDs));

    const a = await extensionApi();
    assert.equal(a.statusOf(doc.uri)?.year, 2024, 'the status item has the report text');

    const total = ds.find((d) => codeOf(d) === 'row-total');
    assert.ok(total, 'the wrong 总计 is flagged');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, total.range.start);
    assert.match(hoverText(hovers), /总计/);

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok((symbols ?? []).length >= 5, 'the outline has the sections');

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole)) ?? [];
    assert.deepEqual(editing(actions, doc.uri), [], 'no action edits the report text or its file');
    const plainActions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plain.uri, whole)) ?? [];
    assert.ok(plainActions.some((x) => x.edit), 'the file itself does get fixes');
  });

  it('opening a report text again after its file changed shows and checks the new text', async () => {
    const text = example('mistakes-2024.txt');
    const file = path.join(dir, 'changing.txt');
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const before = await settledDiagnostics(doc);
    assert.ok(before.some((d) => codeOf(d) === 'row-total' && d.message.includes('本年新收')));
    // The drafter corrects the wrong 总计 (18 → 16) and saves the file again.
    const corrected = text.replace(/^(一、本年新收政府信息公开申请数量.*\t)18$/m, '$116');
    assert.notEqual(corrected, text);
    fs.writeFileSync(file, corrected);
    const r = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(ClientCommands.openAsReport, uri);
    assert.ok(r?.ok, JSON.stringify(r));
    await until('the new text in the report text', [vscode.workspace.onDidChangeTextDocument], () => (doc.getText() === corrected ? true : undefined));
    const after = await settledDiagnostics(doc);
    assert.ok(!after.some((d) => codeOf(d) === 'row-total' && d.message.includes('本年新收')), 'the corrected total is no longer flagged');
    assert.ok(after.length > 0, 'the other mistakes still are');
  });

  it('save report text as .txt: an editable file beside the original, never over one, that checks the same', async () => {
    const text = example('mistakes-2024.txt');
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file).with({ scheme: REPORT_TEXT_SCHEME });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await settledDiagnostics(doc);
    const saved = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(ClientCommands.saveReportText, uri);
    assert.ok(saved?.ok && saved.uri, JSON.stringify(saved));
    const target = vscode.Uri.parse(saved.uri);
    assert.equal(path.dirname(target.fsPath), dir, 'beside the original');
    assert.equal(path.basename(target.fsPath), 'draft-1.txt', 'draft.txt itself is not overwritten');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), text);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    const written = vscode.window.activeTextEditor?.document;
    assert.equal(written?.uri.toString(), target.toString(), 'the draft is opened');
    assert.deepEqual(places(await settledDiagnostics(written)), places(ds));
  });

  describe('a .pdf report, and the tables preview of every form', function () {
    // LibreOffice prints the Word file (about 10 s, far more on a loaded machine).
    this.timeout(400_000);
    const text = example('mistakes-2024.txt');
    let pdfFile: string;
    let pdf: Buffer;
    before(async () => {
      pdf = (await printReportsToPdf({ 'printed-2024': text }, dir))['printed-2024'];
      pdfFile = path.join(dir, '某某市2024年报.pdf');
      fs.writeFileSync(pdfFile, pdf);
    });

    it('a .pdf report opened as report shows its report text, with the squiggle and a hover that says the page, and no edit', async () => {
      const doc = await openPdfAsReport(pdfFile);
      assert.equal(doc.languageId, 'disclosure-report');
      const ds = await settledDiagnostics(doc);
      const total = ds.find((d) => codeOf(d) === 'row-total' && d.message.includes('本年新收'));
      assert.ok(total, ds.map((d) => d.message).join('\n'));
      assert.equal(doc.getText(total.range), '18');
      // The page that prints the row, from the PDF's own text layer (not from the adapter's map).
      const pages = await pdfPages(new Uint8Array(pdf));
      assert.ok(pages.ok && pages.pages.length >= 2, 'several pages');
      const page = pages.pages.findIndex((p) => p.items.some((i) => i.str.includes('一、本年新收'))) + 1;
      assert.ok(page >= 1, 'the row is printed');
      assert.ok(total.message.endsWith(`（原文：第${page}页）`), total.message);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, total.range.start);
      assert.match(hoverText(hovers), new RegExp(`原文位置：第${page}页`));
      // The same findings as the text it was printed from.
      const withoutPlace = (m: string): string => m.replace(/（原文：[^）]*）$/, '');
      assert.deepEqual(ds.map((d) => `${codeOf(d)} ${withoutPlace(d.message)}`).sort(), check(text).findings.map((f) => `${f.ruleId} ${f.message.zh}`).sort());
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole)) ?? [];
      assert.deepEqual(editing(actions, doc.uri), [], 'no action edits the report text or its file');
    });

    /** The cells the engine marks as errors on the text itself: what every form's preview must mark. */
    const markedInText = (): string[] => {
      const { report, findings } = check(text);
      return Object.values(tablesPreview(report, findings).cells)
        .filter((c) => c.findings.some((f) => f.severity === 'error'))
        .map((c) => c.id)
        .sort();
    };

    const forms: [string, () => Promise<vscode.TextDocument>][] = [
      [
        'an .html report',
        async () => {
          const file = path.join(dir, 'preview-2024.html');
          fs.writeFileSync(file, htmlPageOf(text, '某某市2024年政府信息公开工作年度报告'));
          return (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)), { preview: false })).document;
        },
      ],
      [
        'the report text of a .docx',
        async () => {
          const file = path.join(dir, 'preview-2024.docx');
          fs.writeFileSync(file, writeDocx(text).bytes);
          return openLikeUser(file);
        },
      ],
      ['the report text of a .pdf', () => openPdfAsReport(pdfFile)],
    ];
    for (const [form, open] of forms) {
      it(`the preview of ${form}: exported as one self-contained HTML file with the three tables and the wrong cells marked as in the text`, async () => {
        const doc = await open();
        await settledDiagnostics(doc);
        const key = await vscode.commands.executeCommand<string>(ClientCommands.previewTables, doc.uri);
        assert.equal(key, doc.uri.toString());
        const target = vscode.Uri.file(path.join(dir, `exported-${path.extname(doc.uri.path).slice(1)}.html`));
        const written = await vscode.commands.executeCommand<string | undefined>(ClientCommands.exportTablesHtml, { uri: doc.uri, target });
        assert.equal(written, target.toString());
        const html = fs.readFileSync(target.fsPath, 'utf8');
        assert.doesNotMatch(html, /\b(?:src|href)\s*=|url\(|@import|<script/i, 'nothing to load');
        assert.doesNotMatch(html, /https?:\/\//i, 'no http(s) anywhere');
        assert.deepEqual([...html.matchAll(/<table class="grid grid-(\w+)"/g)].map((m) => m[1]), ['proactive', 'requests', 'appeals']);
        const marked = [...html.matchAll(/<td class="[^"]*\bsev-error\b[^"]*" data-cell="([^"]+)"/g)].map((m) => m[1]).sort();
        assert.ok(marked.includes('requests/R1/c7'), `the wrong 总计 of 本年新收 is marked: ${marked.join(', ')}`);
        assert.deepEqual(marked, markedInText());
      });
    }

    it('copy as TSV puts the table on the clipboard; it parses back to the values of the report', async () => {
      const doc = await openPdfAsReport(pdfFile);
      await settledDiagnostics(doc);
      await vscode.commands.executeCommand(ClientCommands.previewTables, doc.uri);
      const returned = await vscode.commands.executeCommand<string | undefined>(ClientCommands.copyTableTsv, { uri: doc.uri, table: 'requests' });
      const tsv = await vscode.env.clipboard.readText();
      assert.equal(tsv, returned);
      const rows = tsv.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
      assert.ok(rows[0].includes('申请人情况'), `the header first: ${rows[0].join(' | ')}`);
      const specs = REQUEST_ROWS['2021'];
      const body = rows.slice(rows.length - specs.length);
      const { report } = check(text);
      const cells = report.tables.find((t) => t.id === 'requests')?.cells ?? [];
      const raw = (row: string, column: string): string => cells.find((c) => c.row === row && c.column === column)?.raw ?? '';
      specs.forEach((spec, i) => assert.deepEqual(body[i].slice(-REQUEST_COLUMN_IDS.length), REQUEST_COLUMN_IDS.map((c) => raw(spec.id, c)), spec.label));
    });
  });
});
