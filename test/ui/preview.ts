// UI steps of the tables preview (run by test/ui/run.ts in code-server + chromium):
//   a report with ONE wrong total → the editor title button opens the preview beside the editor →
//   the grids have the official rows and merged cells → only that cell is marked, its tooltip has
//   the arithmetic → clicking it selects its text in the editor → typing the right number there
//   removes the mark. Then the README picture of our own example (light theme)
//   (test-output/screenshots/readme-preview-*.png; copied to docs/images/ by hand after a look).
// The helpers are shared with test/ui/forms.ts (the preview of .html/.docx/.pdf, keyboard, themes).
import type { FrameLocator, Page } from 'playwright-core';
import { check } from '../../server/src/engine';
import type { Finding, Report } from '../../server/src/engine/model';
import { tablesPreview } from '../../server/src/engine/ide/tableGrid';

export interface PreviewStepContext {
  page: Page;
  step(name: string, fn: () => Promise<void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<void>;
  openFile(page: Page, name: string): Promise<void>;
  goToLine(page: Page, line: number, column?: number): Promise<void>;
  /** The report with one wrong total: the cell's position (0-based), its right and wrong text, the engine's message. */
  mutation: { file: string; text: string; line: number; character: number; was: string; now: string; message: string };
  example: string;
}

export const BUTTON_LABEL = /Preview Report Tables|预览年报表格/;

/** The preview's content document (VS Code nests it: webview iframe → active-frame). */
export const previewFrame = (page: Page): FrameLocator => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');

export async function openPreview(page: Page): Promise<FrameLocator> {
  const button = page.getByRole('button', { name: BUTTON_LABEL }).first();
  await button.waitFor({ state: 'visible' });
  await button.click();
  await page.locator('.tabs-container .tab', { hasText: /表格预览|Tables:/ }).first().waitFor({ state: 'visible' });
  const frame = previewFrame(page);
  await frame.locator('table.grid-requests td.value').first().waitFor({ state: 'visible', timeout: 30_000 });
  return frame;
}

/** View: Close All Editors, from the command palette (every group; the reports are saved). */
export async function closeAllEditors(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>View: Close All Editors');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'View: Close All Editors' }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator('.editor-instance').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/** The cells the engine marks as errors on this text (or checked document): what the preview must mark, no more, no less. */
export function markedByEngine(checked: string | { report: Report; findings: readonly Finding[] }): string[] {
  const { report, findings } = typeof checked === 'string' ? check(checked) : checked;
  const p = tablesPreview(report, findings);
  return Object.values(p.cells)
    .filter((cell) => cell.findings.some((f) => f.severity === 'error'))
    .map((cell) => cell.id)
    .sort();
}

/**
 * Quick Open by name, pressing Enter only once the list's FIRST row is the file: the recently
 * opened list already holds it further down, and Enter on a stale list opens another report.
 */
export async function openFirstMatch(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name.replace(/\.txt$/, '') }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

export const expectEqual = (what: string, actual: unknown, expected: unknown): void => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
};

export async function previewSteps(c: PreviewStepContext): Promise<void> {
  const { page, mutation } = c;
  let frame: FrameLocator | undefined;
  const wrongId = 'requests/R3/c7';

  const opened = await c.step('the preview button opens the tables beside the editor, laid out as the official template', async () => {
    await closeAllEditors(page);
    await openFirstMatch(page, mutation.file);
    frame = await openPreview(page);
    // Beside: two editor groups, the text on the left, the preview on the right.
    expectEqual('editor groups', await page.locator('.editor-group-container').count(), 2);
    const f = frame;
    expectEqual('table 2 header rows', await f.locator('table.grid-requests thead tr').count(), 3);
    expectEqual('table 2 body rows', await f.locator('table.grid-requests tbody tr').count(), 25);
    expectEqual('values per row of table 2', await f.locator('table.grid-requests tbody tr:nth-child(7) td.value').count(), 7);
    const results = f.locator('table.grid-requests th.group', { hasText: '三、本年度办理结果' });
    expectEqual('三 spans its rows', await results.getAttribute('rowspan'), '22');
    expectEqual('（三）不予公开 spans its rows', await f.locator('th.group', { hasText: '（三）不予公开' }).getAttribute('rowspan'), '8');
    expectEqual('申请人情况 spans seven columns', await f.locator('th.header', { hasText: '申请人情况' }).getAttribute('colspan'), '7');
    expectEqual('table 3 values', await f.locator('table.grid-appeals td.value').count(), 15);
    expectEqual('行政诉讼 spans ten columns', await f.locator('table.grid-appeals th.header', { hasText: '行政诉讼' }).getAttribute('colspan'), '10');
    // Numbers are right-aligned.
    expectEqual('alignment', await f.locator(`td[data-cell="${wrongId}"]`).evaluate((el) => getComputedStyle(el).textAlign), 'right');
    // The outline above the tables: six sections.
    expectEqual('sections in the outline', await f.locator('ol.sections li').count(), 6);
  });

  const marked = await c.step('the wrong total is marked (colour and ✗), as the engine decides; its tooltip gives the arithmetic and the implied value', async () => {
    if (!opened || !frame) throw new Error('no preview');
    const errors = frame.locator('td.sev-error');
    const expected = markedByEngine(mutation.text);
    if (!expected.includes(wrongId)) throw new Error(`the engine does not mark ${wrongId}: ${expected.join(', ')}`);
    // Without error localization the (七)总计 that the changed total feeds into is marked too.
    expectEqual('marked cells', (await errors.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell ?? ''))).sort(), expected);
    const cell = frame.locator(`td[data-cell="${wrongId}"]`);
    expectEqual('cell text', (await cell.innerText()).replace(/\s+/g, ''), `✗${mutation.now}`);
    await cell.hover();
    const tip = frame.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    if (!text.includes(mutation.message)) throw new Error(`tooltip: ${text}\nexpected the engine's message: ${mutation.message}`);
    if (!text.includes(`应为 ${mutation.was}`)) throw new Error(`tooltip without the implied value ${mutation.was}: ${text}`);
    // Hovering a total highlights the cells it adds up.
    expectEqual('highlighted parts', await frame.locator('td.part').count(), 6);
    await c.shot(page, 'ui-7-preview-marked.png');
  });

  const selected = await c.step('clicking the marked cell selects its text in the editor', async () => {
    if (!marked || !frame) throw new Error('no marked cell');
    await frame.locator(`td[data-cell="${wrongId}"]`).click();
    const status = page.locator('#status\\.editor\\.selection');
    // The status bar shows where the selection ends (the cursor) and how much it holds.
    const want = `Ln ${mutation.line + 1}, Col ${mutation.character + mutation.now.length + 1} (${mutation.now.length} selected)`;
    await page.locator('#status\\.editor\\.selection', { hasText: want }).waitFor({ state: 'visible' }).catch(() => undefined);
    const shown = (await status.innerText()).trim();
    if (!shown.includes(want)) throw new Error(`status bar selection: ${shown}, expected ${want}`);
    // The cursor is in the cell: the preview highlights it.
    await frame.locator(`td.cursor[data-cell="${wrongId}"]`).waitFor({ state: 'attached' });
  });

  await c.step('typing the right number over the selection removes the mark', async () => {
    if (!selected || !frame) throw new Error('the cell was not selected');
    await page.keyboard.type(mutation.was);
    await frame.locator(`td[data-cell="${wrongId}"]:not(.sev-error)`).waitFor({ state: 'attached', timeout: 15_000 });
    expectEqual('marked cells after the fix', await frame.locator('td.sev-error').count(), 0);
    expectEqual('the cell now', (await frame.locator(`td[data-cell="${wrongId}"]`).innerText()).trim(), mutation.was);
    await c.shot(page, 'ui-8-preview-fixed.png');
    await page.keyboard.press('Control+S'); // so closing the editors asks nothing
  });

  await c.step('README picture: the preview of our own example', async () => {
    await showExamplePreview(c);
    await c.shot(page, 'readme-preview-light.png');
    await page.mouse.move(5, 5);
  });
}

/**
 * The scene of the README pictures: our own example beside its preview in a wide window without
 * the side bar, table 2 at the top, its wrong total hovered so the tooltip shows the arithmetic.
 */
export async function showExamplePreview(c: Pick<PreviewStepContext, 'page' | 'shot' | 'example'>): Promise<FrameLocator> {
  const { page } = c;
  await closeAllEditors(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openFirstMatch(page, c.example).catch(async (err: unknown) => {
    await c.shot(page, 'ui-9-open-example-failed.png');
    throw err;
  });
  if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
  const f = await openPreview(page);
  await f.locator('#table-requests').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await f.locator('td[data-cell="requests/R1/c7"]').hover();
  await f.locator('#tooltip').waitFor({ state: 'visible' });
  return f;
}
