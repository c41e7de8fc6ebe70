// The reviewer's desk in the editor, over a real connection: the server indexes the reports of its
// workspace folder and reads an open report against last year's report of the same body, whether
// that one is open or only on disk (.txt, .html, .docx), and checks again when last year's changes.
// Last year's report is made at run time from a seed (year − 1, its 结转下年度 changed).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { check, factsOf } from '../../server/src/engine';
import type { PeerInfo, PeersResult, StatsResult } from '../../server/src/lsp/protocol';
import { reportTextUri } from '../../server/src/lsp/reportText';
import { writeDocx } from '../formats/wordml';
import { lastYearOf } from '../support/lastYear';
import { htmlPageOf } from '../support/pages';
import { readSeed, REPO_ROOT } from '../support/seeds';
import { TestClient } from './harness';

/** The 0-based line of a cell in a text. */
function lineOfCell(text: string, id: string): number {
  const cell = factsOf(check(text).report).cells.find((c) => c.id === id);
  assert.ok(cell, `cell ${id} read`);
  return cell.line;
}

const valueOf = (peer: PeerInfo | null | undefined, id: string): number | null | undefined =>
  peer?.facts.cells.find((c) => c.id === id)?.value;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the next diagnostics refresh after `before` refreshes. */
const refreshedAfter = (c: TestClient, before: number, what: string): Promise<true> =>
  waitFor(what, () => (c.refreshes > before ? true : undefined));

/** A client with the folder as its workspace, watching files and pulling diagnostics on refresh. */
const deskClient = (dir: string): Promise<TestClient> =>
  TestClient.start({
    settings: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'reports' }],
    workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    pullOnRefresh: true,
  });

describe('protocol: last year\'s report across the workspace', function () {
  this.timeout(60_000);
  const thisYear = readSeed('001').text;
  const lastYear = lastYearOf(thisYear, 2);
  let dir: string;
  let c: TestClient;
  let thisUri: string;
  let lastFile: string;
  let lastUri: string;
  const peersOf = (uri: string): Promise<PeersResult> => c.request<PeersResult>('disclosureReport/peers', { textDocument: { uri } });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-desk-'));
    const write = (rel: string, data: string | Uint8Array): string => {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      return file;
    };
    lastFile = write('2022/北关区工信局2022年报告.txt', lastYear);
    lastUri = pathToFileURL(lastFile).href;
    thisUri = pathToFileURL(write('2023/北关区工信局2023年报告.txt', thisYear)).href;
    // Not searched: copies in build and dependency folders.
    for (const skipped of ['node_modules/x', '.git', 'out', 'dist']) write(`${skipped}/北关区工信局2021年报告.txt`, lastYearOf(lastYear, 0));
    // Files that cannot be read as reports: none of them may show in the server's log.
    write('broken.docx', 'PK\u0003\u0004 not really a zip');
    write('garbage.pdf', '%PDF-1.7\n garbage');
    write('notes.md', '# 会议记录\n\n下周讨论年报。\n');
    write('binary.txt', Buffer.from([0, 1, 2, 3, 0, 255, 254]));
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    c = await deskClient(dir);
  });
  after(async () => {
    await c?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    assert.deepEqual(c.errors, [], 'no error in the server log');
    assert.deepEqual(c.logs.filter((l) => /\n\s+at |Error\b/.test(l.message)), [], 'no exception in the server log');
  });

  it('asks the client to watch every report file and deleted folders', async () => {
    type Watchers = { watchers: { globPattern: string; kind?: number }[] };
    const reportWatcher = (): Watchers | undefined =>
      c.registrations
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .map((r) => r.registerOptions as Watchers)
        .find((o) => o.watchers.some((w) => w.globPattern.includes('docx')));
    const patterns = (await waitFor('the watcher registration', reportWatcher)).watchers;
    assert.deepEqual(patterns[0], { globPattern: '**/*.{txt,md,html,htm,docx,pdf}' });
    assert.deepEqual(patterns[1], { globPattern: '**/*', kind: 4 });
  });

  it('this year\'s report is read against last year\'s file on disk: checked first, refreshed once the index has it', async () => {
    const before = c.refreshes;
    c.open(thisUri, thisYear);
    await c.diagnostics(thisUri);
    await refreshedAfter(c, before, 'a refresh once the workspace is indexed');
    const peers = await peersOf(thisUri);
    assert.ok(peers?.previous, JSON.stringify(peers));
    assert.equal(peers.previous.file, lastUri);
    assert.equal(peers.previous.facts.year, 2022);
    assert.equal(peers.previous.facts.organKey, factsOf(check(thisYear).report).organKey);
    assert.equal(valueOf(peers.previous, 'requests/R25/c1'), 2, 'the facts of the file as written on disk');
    assert.deepEqual(peers.members, []);
  });

  it('only the workspace\'s readable reports are indexed: not node_modules, .git, out, dist, nor broken, binary or special files', async () => {
    const stats = await waitFor('the index done', async () => {
      const s = await c.request<StatsResult>('disclosureReport/stats', null);
      return s.indexing ? undefined : s;
    });
    // 2022/… and 2023/… (notes.md is read, but is no report).
    assert.equal(stats.workspaceReports, 2);
  });

  it('the cross-year finding sits on this year\'s 上年结转 and links to last year\'s 结转下年度 in its file', async () => {
    const ds = await c.diagnostics(thisUri);
    const found = ds.filter((d) => d.code === 'cross-year');
    const r2 = lineOfCell(thisYear, 'requests/R2/c1');
    const r25 = lineOfCell(lastYear, 'requests/R25/c1');
    const x1 = found.find((d) => d.range.start.line === r2);
    assert.ok(x1, JSON.stringify(found.map((d) => d.range)));
    const related = (x1.relatedInformation ?? []).find((r) => r.location.uri === lastUri);
    assert.ok(related, JSON.stringify(x1.relatedInformation));
    assert.equal(related.location.range.start.line, r25);
  });

  it('last year\'s report edited in the editor: this year\'s is checked again against the new text, and against the file once it closes', async () => {
    let before = c.refreshes;
    c.open(lastUri, lastYear);
    await refreshedAfter(c, before, 'a refresh once the open document stands in for the file');
    assert.equal((await peersOf(thisUri))?.previous?.file, lastUri);
    // 结转下年度 2 → 0: the carried-over requests now match this year's 上年结转.
    const cell = factsOf(check(lastYear).report).cells.find((x) => x.id === 'requests/R25/c1');
    assert.ok(cell);
    before = c.refreshes;
    c.change(lastUri, [{ range: { start: { line: cell.line, character: cell.character }, end: { line: cell.endLine, character: cell.endCharacter } }, text: '0' }]);
    await refreshedAfter(c, before, 'a refresh after last year\'s report changed');
    const edited = await peersOf(thisUri);
    assert.equal(edited?.previous?.file, lastUri);
    assert.equal(valueOf(edited?.previous, 'requests/R25/c1'), 0, 'the live text, not the file');
    const r2 = lineOfCell(thisYear, 'requests/R2/c1');
    assert.deepEqual((await c.diagnostics(thisUri)).filter((d: Diagnostic) => d.code === 'cross-year' && d.range.start.line === r2), []);

    const beforeClose = c.refreshes;
    c.close(lastUri);
    await refreshedAfter(c, beforeClose, 'a refresh after last year\'s report closed unsaved');
    assert.equal(valueOf((await peersOf(thisUri))?.previous, 'requests/R25/c1'), 2, 'the file again');
  });

  it('last year\'s file changed, deleted and created on disk: each file event re-pairs this year\'s report', async () => {
    let before = c.refreshes;
    fs.writeFileSync(lastFile, lastYearOf(thisYear, 15));
    c.fileEvents([{ uri: lastUri, type: 2 }]);
    await refreshedAfter(c, before, 'a refresh after the file changed');
    assert.equal(valueOf((await peersOf(thisUri))?.previous, 'requests/R25/c1'), 15);

    // Deleted with its folder (the editor reports the folder only).
    before = c.refreshes;
    fs.rmSync(path.dirname(lastFile), { recursive: true });
    c.fileEvents([{ uri: pathToFileURL(path.dirname(lastFile)).href, type: 3 }]);
    await refreshedAfter(c, before, 'a refresh after the folder was deleted');
    assert.equal((await peersOf(thisUri))?.previous, null);

    // Last year's report appears as a Word file: its report text is the peer, positions in that text.
    before = c.refreshes;
    const docx = path.join(dir, '北关区工信局2022年报告.docx');
    fs.writeFileSync(docx, writeDocx(lastYearOf(thisYear, 3)).bytes);
    c.fileEvents([{ uri: pathToFileURL(docx).href, type: 1 }]);
    await refreshedAfter(c, before, 'a refresh after the .docx was created');
    const fromWord = await peersOf(thisUri);
    assert.equal(fromWord?.previous?.file, reportTextUri(pathToFileURL(docx).href));
    assert.equal(valueOf(fromWord?.previous, 'requests/R25/c1'), 3);
    fs.rmSync(docx);
    c.fileEvents([{ uri: pathToFileURL(docx).href, type: 3 }]);
    await waitFor('the .docx forgotten', async () => ((await peersOf(thisUri))?.previous === null ? true : undefined));
  });

  it('a web page pairs like a text file; a report of another body or two years back does not pair', async () => {
    const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');
    const current = pathToFileURL(path.join(dir, 'example', 'clean-2024.txt')).href;
    const page = path.join(dir, 'example', '2023.html');
    const twoBack = path.join(dir, 'example', '2022.txt');
    fs.mkdirSync(path.dirname(page), { recursive: true });
    const previousText = lastYearOf(example, 4);
    fs.writeFileSync(page, htmlPageOf(previousText, check(previousText).report.title?.text ?? ''));
    fs.writeFileSync(twoBack, lastYearOf(previousText, 6));
    c.fileEvents([
      { uri: pathToFileURL(page).href, type: 1 },
      { uri: pathToFileURL(twoBack).href, type: 1 },
    ]);
    c.open(current, example);
    const peers = await waitFor('the page as the peer', async () => {
      const p = await peersOf(current);
      return p?.previous ? p : undefined;
    });
    assert.equal(peers?.previous?.file, pathToFileURL(page).href);
    assert.equal(valueOf(peers?.previous, 'requests/R25/c1'), 4);
    // Seed 001's report stays paired with nothing of this other body.
    assert.equal((await peersOf(thisUri))?.previous, null);
    c.close(current);
  });

  it('an open report whose title names no body pairs as its file on disk does (the organ from the rest of the report)', async () => {
    const seed = readSeed('000').text;
    const facts = factsOf(check(seed).report);
    const title = check(seed).report.title!;
    // The title without the organ: the body is named only further down (as in seed 000).
    const untitled = seed.slice(0, title.start) + title.text.split(facts.organ!).join('') + seed.slice(title.end);
    assert.equal(factsOf(check(untitled).report).organ, facts.organ, 'the engine still finds the body');
    const folder = path.join(dir, 'untitled');
    fs.mkdirSync(folder, { recursive: true });
    const last = path.join(folder, 'last-year.txt');
    fs.writeFileSync(last, lastYearOf(seed, 3));
    const current = pathToFileURL(path.join(folder, 'this-year.txt')).href;
    c.fileEvents([{ uri: pathToFileURL(last).href, type: 1 }]);
    c.open(current, untitled);
    const peers = await waitFor('last year\'s file as the peer', async () => {
      const p = await peersOf(current);
      return p?.previous ? p : undefined;
    });
    assert.equal(peers.previous?.file, pathToFileURL(last).href);
    c.close(current);
  });

  it('closing every report leaves nothing of them in the server', async () => {
    c.close(thisUri);
    const stats = await waitFor('the documents closed', async () => {
      const s = await c.request<StatsResult>('disclosureReport/stats', null);
      return s.documents === 0 ? s : undefined;
    });
    assert.equal(stats.checks, 0);
  });
});

describe('protocol: a region and its member reports in the workspace (the sidecar config\'s aggregates)', function () {
  this.timeout(60_000);
  const seed = readSeed('001').text;
  const organ = factsOf(check(seed).report).organ!;
  let dir: string;
  let c: TestClient;
  const uriOf = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-desk-aggregate-'));
    // Three bodies of one year: the region and two districts, named as a folder of reports names them.
    fs.mkdirSync(path.join(dir, '区县'));
    fs.writeFileSync(path.join(dir, '市本级 2023.txt'), seed.split(organ).join('某市人民政府'));
    fs.writeFileSync(path.join(dir, '区县', '甲区 2023.txt'), seed.split(organ).join('某市甲区人民政府'));
    fs.writeFileSync(path.join(dir, '区县', '乙区 2023.txt'), seed.split(organ).join('某市乙区人民政府'));
    const config = { aggregates: [{ report: '市本级 2023.txt', members: ['区县/甲区 2023.txt', '区县/乙区 2023.txt', '区县/丙区 2023.txt'] }] };
    fs.writeFileSync(path.join(dir, '.disclosure-report.json'), JSON.stringify(config, null, 2));
    c = await deskClient(dir);
  });
  after(async () => {
    await c?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the region\'s report is read against the member files the config names (paths with spaces and Chinese), and is told which one is missing', async () => {
    const region = uriOf('市本级 2023.txt');
    c.open(region, fs.readFileSync(path.join(dir, '市本级 2023.txt'), 'utf8'));
    // The workspace index reads the files one by one: wait for both members on disk.
    const peers = await waitFor('the members from the index', async () => {
      await c.diagnostics(region);
      const p = await c.request<PeersResult>('disclosureReport/peers', { textDocument: { uri: region } });
      return p && p.members.length >= 2 ? p : undefined;
    });
    assert.deepEqual(peers!.members.map((m) => m.file), [uriOf('区县/甲区 2023.txt'), uriOf('区县/乙区 2023.txt')]);
    const ds = await waitFor('the aggregate findings', async () => {
      const d = await c.diagnostics(region);
      return d.some((x) => x.code === 'aggregate') ? d : undefined;
    });
    // With a member missing the sums are not compared (aggregate.ts); the notice names the one not found.
    const aggregate = ds.filter((d) => d.code === 'aggregate');
    assert.deepEqual(aggregate.map((d) => d.message), ['汇总核对未进行：配置中的成员 区县/丙区 2023.txt 没有找到对应的报告']);
    assert.deepEqual(c.errors, [], 'no error in the server log');
  });
});
