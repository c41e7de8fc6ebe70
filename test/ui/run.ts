// npm run test:ui — what a person sees: the packaged disclosure-report.vsix installed into code-server
// (the real VS Code workbench), driven in headless Debian chromium with playwright-core.
//   1. a copy of seed 004 with ONE total made wrong here (R3 总计 4 → 5) shows a red squiggle on that cell,
//   2. the hover on it explains the arithmetic in Chinese (disclosureReport.language = zh in user settings),
//   3. the Problems panel lists it with its rule id,
//   4. "Insert Standard Table…" run from the command palette puts the table into the editor,
//   5. the status bar, the outline (go to symbol), quiet templates, a duplicate insertion and completion while typing,
//   6. examples/mistakes-2024.txt with its hover and the Problems panel: the README's picture,
//   7. a .docx report opened from Ctrl+P shows its report text, squiggled, with a hover that says where in Word,
//   8. the tables preview (preview.ts), the words steps (words.ts: settings, rule picker, plain-text offer, toggle),
//      the other forms, the keyboard, export and themes (forms.ts), and the folder summary as one HTML file,
//      sorted by its headers (summary.ts).
// Screenshots: test-output/screenshots/ (git-ignored); readme-example.png is copied by hand to
// docs/images/ for the README.
// Prints "N passed, N failed"; exit code 1 when anything failed. Needs `bash .ci/vscode-setup.sh` first.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, installExtension, killAll, startCodeServer, type CodeServer } from '../../scripts/vscode/code-server';
import { execFileSync } from 'node:child_process';
import { check, checkDocument } from '../../server/src/engine';
import { renderSkeleton } from '../../server/src/engine/templates';
import { readDocumentFile } from '../../server/src/formats';
import { writeDocx } from '../formats/wordml';
import { readSeed } from '../support/seeds';
import { squiggleBox, squiggleOnCursorLine } from './editor';
import { formsSteps, prepareForms } from './forms';
import { previewSteps } from './preview';
import { summaryPanelSteps, summarySteps } from './summary';
import { PLAIN_REPORT_FILE, wordsSteps } from './words';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VSIX = path.join(REPO_ROOT, 'disclosure-report.vsix');
const SHOTS = process.env.DISCLOSURE_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-output', 'screenshots');
const HARD_TIMEOUT_MS = Number(process.env.DISCLOSURE_UI_TIMEOUT_MS ?? 20 * 60_000);
const STEP_TIMEOUT_MS = 30_000;

const REPORT_FILE = 'seed-004-年度报告.txt';
const BLANK_FILE = 'blank-2023年度报告.txt';
/** Our own example with typical mistakes: the README's pictures are taken on it (not on a seed). */
const EXAMPLE_FILE = '示例-2024年度报告.txt';
/** The same example as a Word file (written here from the text, as a drafter's .docx looks). */
const DOCX_FILE = '示例-2024年报.docx';

interface Mutation {
  text: string;
  line: number; // 0-based
  character: number;
  was: string;
  now: string;
  message: string;
}

/** Seed 004 with the total of （一）予以公开 (R3, column 总计) raised by one; the engine says what it
 *  should then report there. */
function mutateSeed(): Mutation {
  const { text } = readSeed('004');
  const { report } = check(text);
  const cell = report.tables.find((t) => t.id === 'requests')?.cells.find((c) => c.row === 'R3' && c.column === 'c7');
  if (!cell || cell.value === null) throw new Error('seed 004: the total cell of （一）予以公开 is not read');
  const was = text.slice(cell.start, cell.end);
  const now = String(Number(cell.value) + 1);
  const mutated = text.slice(0, cell.start) + now + text.slice(cell.end);
  const pos = report.source.lines.positionAt(cell.start);
  const after = check(mutated);
  const f = after.findings.find((x) => x.ruleId === 'row-total' && x.start === cell.start);
  if (!f) throw new Error(`the engine reports no row-total at the changed cell (${after.findings.map((x) => x.ruleId).join(', ')})`);
  return { text: mutated, line: pos.line, character: pos.character, was, now, message: f.message.zh };
}

function nls(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
}

const results: { name: string; ok: boolean; error?: string }[] = [];
/** The workbench page once it is open: a failed step leaves a picture of it. */
let workbench: Page | null = null;

async function step(name: string, fn: () => Promise<void>): Promise<boolean> {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    process.stdout.write(`  ✔ ${name} (${Date.now() - t0} ms)\n`);
    return true;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    results.push({ name, ok: false, error: msg });
    process.stdout.write(`  ✗ ${name}\n      ${msg.split('\n').join('\n      ')}\n`);
    // What the screen showed when it failed (a timing flake is told from a real failure by it).
    if (workbench) await shot(workbench, `failed-${results.length}.png`).catch(() => undefined);
    return false;
  }
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  process.stdout.write(`    screenshot ${path.relative(REPO_ROOT, file)}\n`);
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name.replace(/\.txt$/, '') }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active`, { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Ctrl+G line:column (1-based); the cursor lands there and the line scrolls into view. */
async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** The report's summary in the status bar (「2023年度 · 2021格式 · 2 个错误」). */
async function waitStatus(page: Page, expected: string): Promise<void> {
  const item = page.locator('.statusbar-item', { hasText: expected }).first();
  await item.waitFor({ state: 'visible' }).catch(async () => {
    const all = await page.locator('.statusbar-item').allInnerTexts();
    throw new Error(`status bar has no 「${expected}」: ${all.map((x) => x.trim()).filter(Boolean).join(' | ')}`);
  });
}

/** How the status bar should sum up a text: the editor's view (templates quiet). */
function statusOf(text: string): string {
  const { report, findings } = check(text, { templateQuiet: true });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const count = errors > 0 ? `${errors} 个错误` : warnings > 0 ? `${warnings} 个警告` : '无问题';
  return `${report.year}年度 · ${report.formatVersion}格式 · ${count}`;
}

/** The CLI on a text: exit code and output (the whole-document check, templates not quiet). */
function cli(text: string, dir: string, name: string): { code: number; out: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    return { code: 0, out: execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'disclosure-report.js'), 'check', file], { encoding: 'utf8' }) };
  } catch (err) {
    const e = err as { status?: number; stdout?: string };
    return { code: e.status ?? -1, out: String(e.stdout ?? '') };
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first (npm run test:ui does)`);
  const mutation = mutateSeed();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-ui-'));
  const workspace = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, REPORT_FILE), mutation.text);
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'protocol', 'empty-sections-2023.txt'), path.join(workspace, BLANK_FILE));
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), path.join(workspace, EXAMPLE_FILE));
  const docxBytes = writeDocx(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8')).bytes;
  fs.writeFileSync(path.join(workspace, DOCX_FILE), docxBytes);
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), path.join(workspace, PLAIN_REPORT_FILE));
  await prepareForms(workspace, fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'disclosureReport.language': 'zh',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
      },
      null,
      2,
    ),
  );

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const hard = setTimeout(() => {
    process.stdout.write(`UI test: hard timeout after ${HARD_TIMEOUT_MS} ms\n${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed\n`);
    killAll();
    process.exit(124);
  }, HARD_TIMEOUT_MS);
  try {
    process.stdout.write('UI test: disclosure-report.vsix in code-server, headless chromium\n');
    let page!: Page;
    const ready = await step('installs the VSIX into code-server and opens the workbench', async () => {
      installExtension(VSIX, extensionsDir, userDataDir, path.join(tmp, 'xdg'));
      const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('disclosure-report.disclosure-report-'));
      if (installed.length !== 1) throw new Error(`extension folder not found in ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
      server = await startCodeServer({ userDataDir, extensionsDir, xdgRoot: path.join(tmp, 'xdg') });
      browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      workbench = page;
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 60_000 });
      await page.locator('.part.editor').waitFor({ state: 'visible', timeout: 60_000 });
    });
    if (!ready) return finish();

    const line = mutation.line + 1;
    const opened = await step(`a red squiggle on the wrong total (line ${line}: ${mutation.was} → ${mutation.now})`, async () => {
      await openFile(page, REPORT_FILE);
      await goToLine(page, line, mutation.character + 1);
      await squiggleOnCursorLine(page).waitFor({ state: 'attached' });
      // The squiggle covers the changed number: it starts where the cell does.
      const lineEl = page.locator('.editor-instance .view-lines .view-line', { hasText: new RegExp(`^\\s*${mutation.now}\\s*$`) });
      if ((await lineEl.count()) === 0) throw new Error(`the changed line (${mutation.now}) is not in view`);
      await shot(page, 'ui-1-squiggle.png');
    });

    await step('the hover on the squiggle explains the arithmetic in Chinese', async () => {
      if (!opened) throw new Error('no squiggle to hover');
      const box = await squiggleBox(squiggleOnCursorLine(page));
      await page.mouse.move(box.x + Math.max(1, box.width / 2), box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:has(.marker.hover-contents)').first();
      await hover.locator('.marker.hover-contents').first().waitFor({ state: 'visible' });
      // The hover fills in (diagnostic, then the cell's relations from the server): wait for the message.
      const expected = mutation.message.replace(/\s+/g, ' ');
      await page.locator('.monaco-hover', { hasText: expected }).first().waitFor({ state: 'visible' }).catch(() => undefined);
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      if (!text.includes(expected)) throw new Error(`hover text: ${text}\nexpected to contain: ${expected}`);
      // Error localization names the wrong cell and what it should be; the sums it breaks stand beside it.
      if (!/应为\s*\d+/.test(text) || !/\d+ ≠ \d+( \+ \d+)+/.test(text)) throw new Error(`no arithmetic in: ${text}`);
      if (!text.includes('row-total')) throw new Error(`no rule id in: ${text}`);
      // The cell's own hover: labels the report prints, the relation as a sentence, no internal ids.
      await page.locator('.monaco-hover', { hasText: '总计 = 各类申请人之和：' }).first().waitFor({ state: 'visible' });
      const all = (await page.locator('.monaco-hover').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      if (!/（一）予以公开 · 总计/.test(all)) throw new Error(`the hover does not name the cell by its labels: ${all}`);
      if (/\bR\d+ c\d\b|requests R/.test(all)) throw new Error(`internal ids in the hover: ${all}`);
      await shot(page, 'ui-2-hover.png');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('the Problems panel lists the error with its rule id', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total' }).first();
      await row.waitFor({ state: 'visible' });
      const label = (await row.getAttribute('aria-label')) ?? '';
      const text = await row.innerText();
      if (!label.includes(mutation.message) && !text.includes(mutation.message)) throw new Error(`row: ${text} / ${label}`);
      if (!new RegExp(`\\b${line}\\b`).test(label + text)) throw new Error(`line ${line} not in the row: ${label}`);
      const count = await page.locator('#status\\.problems').innerText();
      if (!/[1-9]/.test(count)) throw new Error(`status bar problems: ${count}`);
      await shot(page, 'ui-3-problems.png');
      await page.keyboard.press('Control+Shift+M'); // closes the panel again
    });

    await step('the status bar sums the report up: year · format · errors', async () => {
      await openFile(page, REPORT_FILE);
      await waitStatus(page, statusOf(mutation.text));
      await shot(page, 'ui-3b-status.png');
    });

    await step('the outline names the request rows by their labels (go to symbol)', async () => {
      await page.keyboard.press('Control+Shift+O');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('@（七）总计');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '（七）总计' }).first().waitFor({ state: 'visible' });
      await input.fill('@（三）1.属于国家秘密');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '（三）1.属于国家秘密' }).first().waitFor({ state: 'visible' });
      await shot(page, 'ui-3c-outline.png');
      // No symbol is named by an internal row id any more.
      await input.fill('@R24');
      await page.waitForTimeout(1000);
      const ids = await page.locator('.quick-input-list .monaco-list-row', { hasText: 'R24' }).count();
      if (ids !== 0) throw new Error(`${ids} outline entries named R24`);
      await page.keyboard.press('Escape');
    });

    await step('“Insert Standard Table…” from the command palette puts the table into the editor', async () => {
      const n = nls();
      const title = `${n['command.category']}: ${n['command.insertStandardTable.title']}`;
      await openFile(page, BLANK_FILE);
      const headingLine = fs.readFileSync(path.join(workspace, BLANK_FILE), 'utf8').split('\n').indexOf('二、主动公开政府信息情况') + 1;
      if (headingLine < 1) throw new Error('heading 二 not found in the blank fixture');
      await goToLine(page, headingLine + 1);
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title.replace(/…$/, '')}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: n['command.insertStandardTable.title'].replace(/…$/, '') }).first().waitFor();
      await shot(page, 'ui-4-palette.png');
      await page.keyboard.press('Enter');
      const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: '主动公开政府信息情况' }).first();
      await choice.waitFor({ state: 'visible' });
      await shot(page, 'ui-5-table-pick.png');
      await choice.click();
      await page.locator('.editor-instance .view-lines .view-line', { hasText: '第二十条第（一）项' }).first().waitFor({ state: 'visible' });
      await page.locator('.editor-instance .view-lines .view-line', { hasText: '行政规范性文件' }).first().waitFor({ state: 'visible' });
      await shot(page, 'ui-6-table-inserted.png');
    });

    await step('the freshly inserted blank table adds no error and no empty-cell squiggle; the CLI still reports its blank cells', async () => {
      // Before: three missing tables (3 errors); after: two, and nothing about the blank cells.
      await waitStatus(page, '2023年度 · 2021格式 · 2 个错误');
      await page.keyboard.press('Control+S');
      // Saved when the file on disk holds the inserted table.
      let saved = '';
      for (let i = 0; i < 100 && !saved.includes('第二十条第（一）项'); i++) {
        await page.waitForTimeout(100);
        saved = fs.readFileSync(path.join(workspace, BLANK_FILE), 'utf8');
      }
      if (statusOf(saved) !== '2023年度 · 2021格式 · 2 个错误') throw new Error(`the engine's editor view of the saved text: ${statusOf(saved)}`);
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-table' }).first().waitFor({ state: 'visible' });
      const rows = await page.locator('.markers-panel .monaco-list-row', { hasText: 'empty-cell' }).count();
      if (rows !== 0) throw new Error(`${rows} empty-cell rows in the Problems panel`);
      await shot(page, 'ui-7-inserted-quiet.png');
      await page.keyboard.press('Control+Shift+M');
      const run = cli(saved, tmp, 'cli-inserted.txt');
      if (run.code !== 1 || !run.out.includes('empty-cell')) throw new Error(`the CLI on the same text: exit ${run.code}\n${run.out.slice(0, 500)}`);
    });

    await step('inserting the table again says it exists, offers to go to it, and inserts nothing', async () => {
      const before = fs.readFileSync(path.join(workspace, BLANK_FILE), 'utf8');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      const n = nls();
      await input.fill(`>${n['command.category']}: ${n['command.insertStandardTable.title'].replace(/…$/, '')}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: n['command.insertStandardTable.title'].replace(/…$/, '') }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '主动公开政府信息情况' }).first().click();
      const toast = page.locator('.notification-toast', { hasText: '本报告已有「主动公开政府信息情况」表' }).first();
      await toast.waitFor({ state: 'visible' });
      await toast.locator('.monaco-button', { hasText: '转到该表' }).first().waitFor({ state: 'visible' });
      await shot(page, 'ui-8-table-exists.png');
      if ((await page.locator('.tabs-container .tab.active.dirty').count()) > 0) throw new Error('the document changed');
      await toast.locator('.monaco-button', { hasText: '转到该表' }).first().click();
      if (fs.readFileSync(path.join(workspace, BLANK_FILE), 'utf8') !== before) throw new Error('the file changed');
    });

    await step('typing 「（」 under heading 三 offers the row labels of the requests table', async () => {
      const text = fs.readFileSync(path.join(workspace, BLANK_FILE), 'utf8');
      const line = text.split('\n').indexOf('三、收到和处理政府信息公开申请情况') + 2; // the blank line under it (1-based)
      await goToLine(page, line);
      await page.keyboard.type('（');
      const suggest = page.locator('.editor-widget.suggest-widget');
      await suggest.locator('.monaco-list-row', { hasText: '（七）总计' }).first().waitFor({ state: 'visible' });
      await shot(page, 'ui-9-completion.png');
      await page.keyboard.press('Escape');
      // Take the typed 「（）」 out again and save, so closing the editors later asks nothing.
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+S');
      await page.waitForTimeout(500);
    });

    await step('README pictures: our own example with its squiggles, hover and Problems panel', async () => {
      const text = fs.readFileSync(path.join(workspace, EXAMPLE_FILE), 'utf8');
      const f = check(text).findings.find((x) => x.ruleId === 'row-total');
      if (!f) throw new Error('examples/mistakes-2024.txt: no row-total finding to show');
      const pos = check(text).report.source.lines.positionAt(f.start);
      await page.keyboard.press('Escape');
      // Close the other reports so the Problems panel lists only the example's findings.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('W');
      await page.locator('.editor-instance').waitFor({ state: 'detached' }).catch(() => undefined);
      await openFile(page, EXAMPLE_FILE);
      await goToLine(page, pos.line + 1, pos.character + 1);
      const sq = squiggleOnCursorLine(page);
      await sq.waitFor({ state: 'attached' });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total' }).first().waitFor({ state: 'visible' });
      // Opening the panel re-lays the editor out: wait until the squiggle has its place again.
      const box = await squiggleBox(sq);
      await page.mouse.move(box.x + Math.max(1, box.width / 2), box.y + box.height / 2);
      await page.locator('.monaco-hover', { hasText: f.message.zh }).first().waitFor({ state: 'visible' });
      await shot(page, 'readme-example.png');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });
    await step('a .docx report opens as its report text: the squiggle, and a hover that says where in Word', async () => {
      const read = await readDocumentFile(docxBytes, DOCX_FILE);
      if (!read.ok) throw new Error(`the .docx is not read: ${read.reason.en}`);
      const { report, findings } = checkDocument(read.document);
      const f = findings.find((x) => x.ruleId === 'row-total');
      if (!f) throw new Error('the .docx report text has no row-total finding to show');
      const pos = report.source.lines.positionAt(f.start);
      const place = read.document.origin?.(f.start);
      if (!place?.table) throw new Error(`no table cell for the finding: ${JSON.stringify(place)}`);
      // The Problems panel the README step opened stays open for the picture.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('W');
      await page.locator('.editor-instance').waitFor({ state: 'detached' }).catch(() => undefined);
      await openFile(page, DOCX_FILE);
      // The report text (not the placeholder the .docx opened in) is the active editor.
      await page.locator('.editor-instance .view-lines .view-line', { hasText: '政府信息公开' }).first().waitFor({ state: 'visible' });
      await goToLine(page, pos.line + 1, pos.character + 1);
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total' }).first().waitFor({ state: 'visible' });
      const box = await squiggleBox(squiggleOnCursorLine(page));
      await page.mouse.move(box.x + Math.max(1, box.width / 2), box.y + box.height / 2);
      const where = `表${place.table} 第${place.row}行 第${place.cell}列`;
      const hoverBox = page.locator('.monaco-hover', { hasText: `原文位置：${where}` }).first();
      await hoverBox.waitFor({ state: 'visible' });
      await shot(page, 'ui-7-docx-report-text.png');
      const hover = (await hoverBox.innerText()).replace(/\s+/g, ' ');
      if (!hover.includes(`（原文：${where}）`)) throw new Error(`the diagnostic in the hover does not say where in Word: ${hover}`);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('a new report from the template is quiet (no error, no warning) while the CLI reports its placeholders and blank cells', async () => {
      const n = nls();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${n['command.category']}: ${n['command.newReport.title']}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: n['command.newReport.title'] }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('某市某局');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      await page.locator('.quick-input-widget input').fill('2023');
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .view-lines .view-line', { hasText: '某市某局2023年政府信息公开工作年度报告' }).first().waitFor({ state: 'visible' });
      await waitStatus(page, '2023年度 · 2021格式 · 无问题');
      const squiggles = await page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning').count();
      if (squiggles !== 0) throw new Error(`${squiggles} error/warning squiggles on the fresh skeleton`);
      await shot(page, 'ui-10-skeleton-quiet.png');
      const skeleton = renderSkeleton({ organ: '某市某局', year: 2023, layout: 'tab', fill: 'blank', eol: '\n' });
      const run = cli(skeleton, tmp, 'cli-skeleton.txt');
      if (run.code !== 1 || !run.out.includes('placeholder') || !run.out.includes('empty-cell')) throw new Error(`the CLI on the skeleton: exit ${run.code}\n${run.out.slice(0, 500)}`);
      // Empty the untitled skeleton so that closing editors later asks nothing.
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    });

    await previewSteps({
      page, step, shot, openFile, goToLine,
      mutation: { ...mutation, file: REPORT_FILE },
      example: EXAMPLE_FILE,
    });
    const n = nls();
    await summaryPanelSteps({ page, step, shot, checkWorkspaceTitle: `${n['command.category']}: ${n['command.checkWorkspace.title']}` });
    await wordsSteps({ page, step, shot, openFile, waitStatus, workspace, nls: n });
    // Last in the workbench: the theme steps reload it.
    await formsSteps({ page, step, shot, goToLine, example: EXAMPLE_FILE, workspace, settingsFile: path.join(userDataDir, 'User', 'settings.json') });
    // The folder summary as one HTML file, in a page of its own (no workbench needed).
    if (browser) await summarySteps({ browser, step, shot });
    return finish();
  } finally {
    clearTimeout(hard);
    if (browser) await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    server?.kill();
    killAll();
    if (!process.env.DISCLOSURE_VSCODE_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function finish(): number {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`UI test: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.stdout.write(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed\n`);
      process.exit(1);
    },
  );
}
