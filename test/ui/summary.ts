// UI steps of `summary --format html` (run by test/ui/run.ts, or alone: node out/test/ui/summary.js):
// the bundled CLI writes the summary of a folder of seeds, examples and variants; headless chromium
// opens the file with the network cut off and checks that nothing is fetched and the policy blocks
// nothing, that the table, the small multiples and the error bars are drawn, that a header click
// (and Enter on a focused header) sorts the rows, and takes screenshots
// (test-output/screenshots/summary-*.png).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/vscode/code-server';
import { REPO_ROOT } from '../support/seeds';
import { writeSummaryFolder } from '../support/summaryFolder';

export interface SummaryStepContext {
  browser: Browser;
  step(name: string, fn: () => Promise<void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<void>;
}

/** The sort keys of one column, top to bottom, as the page holds them now. */
async function columnKeys(page: Page, header: string): Promise<string[]> {
  return page.evaluate((name) => {
    const table = document.getElementById('summary-table') as HTMLTableElement;
    const index = Array.from(table.tHead!.rows[0].cells).findIndex((th) => th.textContent!.replace(/[▲▼]/g, '').trim() === name);
    if (index < 0) throw new Error(`no column ${name}`);
    return Array.from(table.tBodies[0].rows).map((r) => r.cells[index].getAttribute('data-sort') ?? '');
  }, header);
}

function assertSorted(keys: string[], direction: 'ascending' | 'descending', what: string): void {
  const filled = keys.filter((k) => k !== '').map(Number);
  const firstEmpty = keys.indexOf('');
  if (firstEmpty >= 0 && keys.slice(firstEmpty).some((k) => k !== '')) throw new Error(`${what}: empty cells are not last: ${keys.join(',')}`);
  for (let i = 1; i < filled.length; i++) {
    const ok = direction === 'ascending' ? filled[i - 1] <= filled[i] : filled[i - 1] >= filled[i];
    if (!ok) throw new Error(`${what}: not ${direction}: ${keys.join(',')}`);
  }
  if (new Set(filled).size < 2) throw new Error(`${what}: the column has fewer than two distinct values, the sort shows nothing: ${keys.join(',')}`);
}

export async function summarySteps(ctx: SummaryStepContext): Promise<void> {
  const { browser, step, shot } = ctx;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-summary-'));
  const folder = path.join(tmp, 'reports');
  const files = writeSummaryFolder(folder);
  const htmlFile = path.join(tmp, 'summary.html');
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'disclosure-report.js'), 'summary', '--format', 'html', folder], { encoding: 'utf8' });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const requests: string[] = [];
  const problems: string[] = [];
  try {
    await step('summary --format html: one file, opened in chromium with nothing fetched and nothing blocked', async () => {
      if (run.status !== 0) throw new Error(`summary exited ${run.status}: ${run.stderr}`);
      fs.writeFileSync(htmlFile, run.stdout);
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      // Anything that is not the file itself would go through here: refuse it and remember it.
      await page.route((url) => url.protocol !== 'file:', (route) => route.abort());
      await page.goto(`file://${htmlFile}`);
      await page.locator('#summary-table tbody tr').first().waitFor();
      const others = requests.filter((u) => u !== `file://${htmlFile}`);
      if (others.length > 0) throw new Error(`the page fetched ${others.join(', ')}`);
      if (problems.length > 0) throw new Error(`console errors (a blocked script or style?): ${problems.join(' | ')}`);
    });

    await step('the table has one row per report, the charts one figure per body with a year, the errors their bars', async () => {
      const rows = await page.locator('#summary-table tbody tr').count();
      if (rows !== files.length) throw new Error(`${rows} rows for ${files.length} files`);
      const figures = await page.locator('figure.multiple').count();
      // 新余市 (seed 004 and its two variants) is one body over three years.
      const xinyu = page.locator('figure.multiple', { hasText: '新余市工业和信息化局' });
      if ((await xinyu.count()) !== 1) throw new Error(`新余市工业和信息化局: ${await xinyu.count()} figures`);
      const years = await xinyu.locator('text.year').allTextContents();
      if (years.join(',') !== '2021,2022,2023') throw new Error(`新余市 years: ${years.join(',')}`);
      if ((await xinyu.locator('rect.received').count()) !== 3) throw new Error('新余市: not three 新收 bars');
      if (figures < 6) throw new Error(`${figures} small multiples`);
      const bars = await page.locator('#top-errors tr').count();
      if (bars === 0) throw new Error('no bar in the most frequent errors');
      const firstRule = await page.locator('#top-errors tr').first().textContent();
      if (!firstRule || !/[\u4e00-\u9fff]/.test(firstRule)) throw new Error(`the first error bar has no Chinese summary: ${firstRule}`);
      await shot(page, 'summary-1-table.png');
    });

    await step('a click on 本年新收 sorts the rows ascending, a second click descending (empty cells last)', async () => {
      const button = page.locator('#summary-table thead th button', { hasText: /^本年新收$/ });
      await button.click();
      assertSorted(await columnKeys(page, '本年新收'), 'ascending', 'after one click');
      if ((await page.locator('#summary-table thead th[aria-sort="ascending"]').count()) !== 1) throw new Error('aria-sort is not ascending on one header');
      await button.click();
      assertSorted(await columnKeys(page, '本年新收'), 'descending', 'after two clicks');
      await shot(page, 'summary-2-sorted.png');
    });

    await step('the keyboard sorts too: Tab to the 错误 header, Enter', async () => {
      const button = page.locator('#summary-table thead th button', { hasText: /^错误$/ });
      await button.focus();
      await page.keyboard.press('Enter');
      assertSorted(await columnKeys(page, '错误'), 'ascending', 'after Enter');
    });

    await step('the charts and the findings below the table (full page)', async () => {
      await page.locator('figure.multiple').first().scrollIntoViewIfNeeded();
      await shot(page, 'summary-3-charts.png');
      const links = await page.locator('a.finding-link').count();
      const href = await page.locator('a.finding-link').first().getAttribute('href');
      if (links === 0 || !href?.startsWith('file:///')) throw new Error(`finding links: ${links}, first ${href}`);
      await page.screenshot({ path: path.join(process.env.DISCLOSURE_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-output', 'screenshots'), 'summary-4-page.png'), fullPage: true });
    });
  } finally {
    await page.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface SummaryPanelContext {
  page: Page;
  step(name: string, fn: () => Promise<void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<void>;
  /** The palette title of the workspace check (category: title, from package.nls.json). */
  checkWorkspaceTitle: string;
}

/**
 * In code-server: the workspace check opens the summary panel; its nonce'd script runs under the
 * webview's policy (a header sorts) and a finding's link opens the file in an editor.
 */
export async function summaryPanelSteps(ctx: SummaryPanelContext): Promise<void> {
  const { page, step, shot } = ctx;
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const opened = await step('“Check All Reports in the Workspace” opens the summary panel with its rows', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${ctx.checkWorkspaceTitle}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: ctx.checkWorkspaceTitle.split(': ').pop()! }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: /年度报告汇总|Reports summary/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('#summary-table tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await frame.locator('#summary-table tbody tr').count();
    if (rows < 2) throw new Error(`${rows} rows in the summary panel`);
  });
  if (!opened) return;
  await step('in the panel, a header click sorts (the script runs under the webview policy)', async () => {
    await frame.locator('#summary-table thead th button', { hasText: /^错误$/ }).click();
    await frame.locator('#summary-table thead th[aria-sort="ascending"]').waitFor({ state: 'attached', timeout: 5_000 });
    await shot(page, 'summary-panel.png');
  });
  await step('a finding’s link in the panel opens its file in an editor', async () => {
    const link = frame.locator('details[open] a.finding-link').first();
    const where = (await link.textContent()) ?? '';
    const name = path.basename(where.replace(/:\d+:\d+$/, ''));
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });
}

/** Alone: chromium only, no code-server. */
async function main(): Promise<number> {
  const results: boolean[] = [];
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const shotsDir = process.env.DISCLOSURE_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-output', 'screenshots');
  try {
    await summarySteps({
      browser,
      async step(name, fn) {
        try {
          await fn();
          process.stdout.write(`  ✔ ${name}\n`);
          results.push(true);
          return true;
        } catch (err) {
          process.stdout.write(`  ✗ ${name}\n      ${err instanceof Error ? err.message : String(err)}\n`);
          results.push(false);
          return false;
        }
      },
      async shot(page, name) {
        fs.mkdirSync(shotsDir, { recursive: true });
        await page.screenshot({ path: path.join(shotsDir, name) });
        process.stdout.write(`    screenshot ${path.relative(REPO_ROOT, path.join(shotsDir, name))}\n`);
      },
    });
  } finally {
    await browser.close();
  }
  const failed = results.filter((ok) => !ok).length;
  process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`summary UI test: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
