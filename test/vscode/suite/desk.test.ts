// The reviewer's desk in a real VS Code: the workspace check reads every form a report comes in
// (a web page in place, a Word file through its report text), and an open report is paired with
// last year's report of its body as soon as that file appears on disk (the editor's file watcher
// tells the server, which the server asked for).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkDocument } from '../../../server/src/engine';
import { documentFromText } from '../../../server/src/formats';
import { docxDocument } from '../../../server/src/formats/docx';
import { PeersRequest, REPORT_TEXT_SCHEME, type PeersResult } from '../../../server/src/lsp/protocol';
import { writeDocx } from '../../formats/wordml';
import { lastYearOf } from '../../support/lastYear';
import { htmlPageOf } from '../../support/pages';
import { closeAllEditors, extensionApi, openAndSettle, ours, REPO_ROOT, workspaceDir } from './helpers';

const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

describe('vscode: reports across the workspace', function () {
  let dir: string;
  before(async () => {
    await extensionApi();
    // A folder of this suite's own, removed afterwards (other suites count the workspace's reports).
    dir = path.join(workspaceDir(), 'desk');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => closeAllEditors());

  it('the workspace check finds a web page and a Word report (not a Word file that is no report)', async () => {
    const text = example('mistakes-2024.txt');
    const html = htmlPageOf(text, '青川县示例市场监督管理局2024年政府信息公开工作年度报告');
    const page = path.join(dir, 'web-2024.html');
    fs.writeFileSync(page, html);
    const word = path.join(dir, 'word-2024.docx');
    const docx = writeDocx(text).bytes;
    fs.writeFileSync(word, docx);
    const memo = path.join(dir, 'memo.docx');
    fs.writeFileSync(memo, writeDocx('会议纪要\n\n下周讨论信息公开工作。\n').bytes);

    const result = await vscode.commands.executeCommand<{ checked: { uri: string; diagnostics: number }[] }>('disclosureReport.checkWorkspace');
    const checked = new Map(result.checked.map((c) => [c.uri, c.diagnostics]));
    // A whole-document check, as the CLI's: the engine's findings on what the adapters read.
    const readHtml = documentFromText(html, 'html');
    assert.ok(readHtml.ok);
    const pageUri = vscode.Uri.file(page);
    const pageFindings = checkDocument(readHtml.document).findings.length;
    assert.ok(pageFindings > 0);
    assert.equal(checked.get(pageUri.toString()), pageFindings, 'the web page is checked in place');
    assert.equal(ours(pageUri).length, pageFindings);

    const readDocx = docxDocument(docx);
    assert.ok(readDocx.ok);
    const wordText = vscode.Uri.file(word).with({ scheme: REPORT_TEXT_SCHEME });
    const wordFindings = checkDocument(readDocx.document).findings.length;
    assert.equal(checked.get(vscode.Uri.file(word).toString()), wordFindings, 'the Word file is checked');
    assert.equal(ours(wordText).length, wordFindings, 'its findings are listed on its report text, where their positions are');
    assert.ok(ours(wordText).some((d) => /（原文：表\d+ 第\d+行 第\d+列）$/.test(d.message)), 'findings say where they are in the Word file');

    assert.ok(![...checked.keys()].some((u) => u.includes('memo.docx')), 'a Word file that is no report is not listed');
  });

  it('an open report is paired with last year\'s report as soon as that file is written', async () => {
    const thisYear = example('clean-2024.txt');
    const current = path.join(dir, 'clean-2024.txt');
    fs.writeFileSync(current, thisYear);
    const { doc } = await openAndSettle(vscode.Uri.file(current));
    const a = await extensionApi();
    const peersOf = (): Promise<PeersResult> =>
      a.client.sendRequest<PeersResult>(PeersRequest.method, { textDocument: { uri: a.client.code2ProtocolConverter.asUri(doc.uri) } });

    const previous = path.join(dir, 'clean-2023.txt');
    fs.writeFileSync(previous, lastYearOf(thisYear, 7));
    // The server hears of the file from VS Code's watcher and asks for the diagnostics again:
    // ask for the peers after each check, until they hold the new file.
    let peers: PeersResult = null;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      peers = await peersOf();
      if (peers?.previous && vscode.Uri.parse(peers.previous.file).fsPath === previous) break;
      await new Promise<void>((resolve) => {
        const sub = a.onStatus(() => {
          sub.dispose();
          resolve();
        });
        setTimeout(() => {
          sub.dispose();
          resolve();
        }, 500);
      });
    }
    assert.ok(peers?.previous, 'paired with last year\'s report');
    assert.equal(vscode.Uri.parse(peers.previous.file).fsPath, previous);
    assert.equal(peers.previous.facts.year, 2023);
    assert.equal(peers.previous.facts.cells.find((c) => c.id === 'requests/R25/c1')?.value, 7);
  });
});
