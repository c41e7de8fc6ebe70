// UI steps of the report's other forms and of the preview seen as a person uses it (run by
// test/ui/run.ts in code-server + chromium):
//   - a .pdf report (our example written as Word and printed by LibreOffice) opens as its report
//     text: the squiggle on the wrong total and a hover that says on which page it is printed;
//   - an .html report is checked in place: the squiggle sits on the number inside its <td>;
//   - the preview of the .html, and of the report texts of a .docx and a .pdf: the tables, the wrong
//     cell marked, a click selects the cell (in the HTML source for the page);
//   - the keyboard: Tab reaches the preview's controls and each table, arrows move between cells,
//     the focus ring shows (on a marked cell too), Enter selects the cell in the editor;
//   - copy as TSV (the clipboard parses back to the report's values) and export as HTML (the saved
//     file opens in the browser on its own, fetches nothing and shows the tables);
//   - the preview in the dark and high-contrast themes (set in the user settings file, then a reload);
//     readme-preview-dark.png is copied to docs/images/ by hand after a look.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { checkDocument, type Document } from '../../server/src/engine';
import type { Finding, Report } from '../../server/src/engine/model';
import { REQUEST_COLUMN_IDS, REQUEST_ROWS } from '../../server/src/engine/schema/tables';
import { documentFromText, readDocumentFile } from '../../server/src/formats';
import { pdfPages } from '../../server/src/formats/pdf';
import { writeDocx } from '../formats/wordml';
import { htmlPageOf } from '../support/pages';
import { printReportsToPdf } from '../support/printPdf';
import { squiggleBox, squiggleOnCursorLine } from './editor';
import { closeAllEditors, expectEqual, markedByEngine, openFirstMatch, openPreview, showExamplePreview, type PreviewStepContext } from './preview';

export interface FormsStepContext extends Pick<PreviewStepContext, 'page' | 'step' | 'shot' | 'goToLine' | 'example'> {
  workspace: string;
  /** The code-server user settings file (the colour theme is set there). */
  settingsFile: string;
}

const HTML_FILE = '网页-2024年度报告.html';
const DOCX_FILE = '预览-2024年报.docx';
const PDF_FILE = '打印-2024年报.pdf';
/** The example's wrong total (一、本年新收 · 总计: 18, should be 16). */
const WRONG = 'requests/R1/c7';

/** The example report in its three other forms, written into the workspace before the workbench opens. */
export async function prepareForms(workspace: string, exampleText: string): Promise<void> {
  fs.writeFileSync(path.join(workspace, HTML_FILE), htmlPageOf(exampleText, '某某市2024年政府信息公开工作年度报告'));
  fs.writeFileSync(path.join(workspace, DOCX_FILE), writeDocx(exampleText).bytes);
  const printing = fs.mkdtempSync(path.join(path.dirname(workspace), 'print-'));
  const pdf = (await printReportsToPdf({ report: exampleText }, printing)).report;
  fs.writeFileSync(path.join(workspace, PDF_FILE), pdf);
}

interface Checked {
  document: Document;
  report: Report;
  findings: readonly Finding[];
  /** 0-based line and character of an offset in the text the editor shows. */
  at(offset: number): { line: number; character: number };
}

async function checkedFile(workspace: string, name: string): Promise<Checked> {
  const bytes = fs.readFileSync(path.join(workspace, name));
  const read = name.endsWith('.html') ? documentFromText(bytes.toString('utf8'), 'html') : await readDocumentFile(new Uint8Array(bytes), name);
  if (!read.ok) throw new Error(`${name} is not read: ${read.reason.en}`);
  const { report, findings } = checkDocument(read.document);
  return { document: read.document, report, findings, at: (o) => report.source.lines.positionAt(o) };
}

/** A PDF opens in VS Code's own viewer: Quick Open it, then "Open as Report" from the palette shows its report text. */
async function openPdfAsReport(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: name });
  await tab.waitFor();
  // The PDF viewer is a webview: a key pressed while its frame has the focus never reaches the
  // workbench, and while it loads it can take the focus back and close the palette just opened.
  // Each attempt clicks the tab (the workbench takes the focus) and runs the whole palette step;
  // a step the viewer interrupted is escaped and tried again.
  const reportText = page.locator('.editor-instance .view-lines .view-line', { hasText: '政府信息公开' }).first();
  for (let attempt = 0; ; attempt++) {
    try {
      await tab.click();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill('>Open as Report', { timeout: 5_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open as Report' }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      await reportText.waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

/** Puts the cursor at a position and gives the box of the error squiggle drawn on its line. */
async function squiggleAt(c: Pick<FormsStepContext, 'page' | 'goToLine'>, pos: { line: number; character: number }) {
  await c.goToLine(c.page, pos.line + 1, pos.character + 1);
  return squiggleBox(squiggleOnCursorLine(c.page));
}

/**
 * The status bar shows the selection of a cell's text in the editor: where the cursor (its end) is
 * and how much is selected. Its column is the visual one: a tab advances to the next stop of 4, as
 * the status bar's "Tab Size: 4".
 */
async function expectCellSelected(page: Page, checked: Checked, cell: { start: number; end: number }): Promise<void> {
  const pos = checked.at(cell.start);
  const length = cell.end - cell.start;
  let column = 0;
  for (const ch of checked.report.source.text.split('\n')[pos.line].slice(0, pos.character + length)) column = ch === '\t' ? column + 4 - (column % 4) : column + 1;
  const want = `Ln ${pos.line + 1}, Col ${column + 1} (${length} selected)`;
  const status = page.locator('#status\\.editor\\.selection');
  await page.locator('#status\\.editor\\.selection', { hasText: want }).waitFor({ state: 'visible' }).catch(() => undefined);
  const shown = (await status.innerText()).trim();
  if (!shown.includes(want)) throw new Error(`status bar selection: ${shown}, expected ${want}`);
}

/** Where the focus is in the preview: its kind and what it names (`body#` when nothing in it has the focus). */
async function focused(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return 'none';
    if (e.dataset.cell) return `cell:${e.dataset.cell}`;
    if (e.dataset.section) return `section:${e.dataset.section}`;
    if (e.dataset.copy) return `copy:${e.dataset.copy}`;
    return `${e.tagName.toLowerCase()}#${e.id}${document.hasFocus() ? '' : ' (page not focused)'}`;
  });
}

/** The focus ring of the focused element: its outline, as drawn. */
async function focusRing(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'no focused element';
    const s = getComputedStyle(el);
    return s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineWidth} ${s.outlineStyle}`;
  });
}

/**
 * Sets the colour theme in the user settings file and reloads the workbench, which reads it as it
 * starts (code-server did not take a change of the file while running, and switching in the
 * palette timed out), then waits for the workbench to wear it.
 */
async function setTheme(page: Page, settingsFile: string, theme: string, workbenchClass: string): Promise<void> {
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  settings['workbench.colorTheme'] = theme;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('.part.editor').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ state: 'attached', timeout: 60_000 });
}

/** The contrast ratio (WCAG) of a cell's text against what is drawn under it: its own and its ancestors' backgrounds, composed. */
function contrastOfText(el: Element): number {
  const rgba = (s: string): number[] => {
    const p = (/rgba?\(([^)]+)\)/.exec(s)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const layers: number[][] = [];
  for (let e: Element | null = el; e; e = e.parentElement) layers.unshift(rgba(getComputedStyle(e).backgroundColor));
  let under = [255, 255, 255];
  for (const [r, g, b, a] of layers) under = [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
  const text = rgba(getComputedStyle(el.querySelector('.v') ?? el).color);
  const lum = (c: number[]): number => {
    const f = (v: number): number => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const [hi, lo] = [lum(text), lum(under)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export async function formsSteps(c: FormsStepContext): Promise<void> {
  const { page } = c;
  // Room for the preview beside the text.
  await page.setViewportSize({ width: 1600, height: 1000 });

  await c.step('a .pdf report opens as its report text: the squiggle, and a hover that says on which page', async () => {
    const pdf = await checkedFile(c.workspace, PDF_FILE);
    const f = pdf.findings.find((x) => x.ruleId === 'row-total');
    if (!f) throw new Error('the .pdf report text has no row-total finding to show');
    // The page that prints the row, from the PDF's own text layer.
    const pages = await pdfPages(new Uint8Array(fs.readFileSync(path.join(c.workspace, PDF_FILE))));
    if (!pages.ok) throw new Error(pages.reason.en);
    const printed = pages.pages.findIndex((p) => p.items.some((i) => i.str.includes('一、本年新收'))) + 1;
    if (printed < 1) throw new Error('the row is not in the text layer');
    await closeAllEditors(page);
    await openPdfAsReport(page, PDF_FILE);
    const box = await squiggleAt(c, pdf.at(f.start));
    await page.mouse.move(box.x + Math.max(1, box.width / 2), box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: `原文位置：第${printed}页` }).first();
    await hover.waitFor({ state: 'visible' });
    const text = (await page.locator('.monaco-hover').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
    if (!text.includes(`（原文：第${printed}页）`)) throw new Error(`the diagnostic in the hover does not name the page: ${text}`);
    if (!text.includes(f.message.zh.replace(/\s+/g, ' '))) throw new Error(`hover: ${text}\nexpected the engine's message: ${f.message.zh}`);
    await c.shot(page, 'ui-forms-1-pdf-report-text.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await c.step('an .html report is checked in place: the squiggle sits on the number inside its <td>', async () => {
    const html = await checkedFile(c.workspace, HTML_FILE);
    const f = html.findings.find((x) => x.ruleId === 'row-total');
    if (!f) throw new Error('the .html report has no row-total finding to show');
    const source = html.report.source.text;
    expectEqual('the flagged text in the page', source.slice(f.start - 4, f.end + 5), '<td>18</td>');
    await closeAllEditors(page);
    await openFirstMatch(page, HTML_FILE);
    const pos = html.at(f.start);
    const box = await squiggleAt(c, pos);
    // Where the editor draws the two digits of that <td>: the squiggle must cover exactly them.
    const lineText = source.split('\n')[pos.line];
    const digits = await page.locator('.editor-instance .view-lines .view-line').evaluateAll(
      (lines, want: { text: string; from: number; to: number; y: number }) => {
        const norm = (s: string): string => s.replace(/\u00a0/g, ' ');
        const line = lines.find((l) => {
          const r = l.getBoundingClientRect();
          return norm(l.textContent ?? '') === want.text && r.top <= want.y && want.y <= r.bottom;
        });
        if (!line) return null;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (seen <= want.from && want.from < seen + len) range.setStart(n, want.from - seen);
          if (seen < want.to && want.to <= seen + len) range.setEnd(n, want.to - seen);
          seen += len;
        }
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      },
      { text: lineText, from: pos.character, to: pos.character + (f.end - f.start), y: box.y + box.height / 2 },
    );
    if (!digits) throw new Error('the line of the wrong total is not drawn in the editor');
    if (Math.abs(digits.left - box.x) > 2 || Math.abs(digits.right - (box.x + box.width)) > 2)
      throw new Error(`the squiggle spans x ${box.x}–${box.x + box.width}, the digits ${digits.left}–${digits.right}`);
    await page.mouse.move(box.x + Math.max(1, box.width / 2), box.y + box.height / 2);
    await page.locator('.monaco-hover', { hasText: f.message.zh }).first().waitFor({ state: 'visible' });
    await c.shot(page, 'ui-forms-2-html-in-place.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  // The preview of each form: the same tables, the wrong cell marked as the engine decides, a click
  // selects the cell's text in the editor (the page's HTML source; the report text of Word and PDF).
  let frame: FrameLocator | undefined;
  for (const [form, file] of [
    ['the .html report', HTML_FILE],
    ['the report text of the .docx', DOCX_FILE],
    ['the report text of the .pdf', PDF_FILE],
  ] as const) {
    await c.step(`the preview of ${form}: the tables, the wrong cell marked, a click selects it in the editor`, async () => {
      const checked = await checkedFile(c.workspace, file);
      await closeAllEditors(page);
      await (file === PDF_FILE ? openPdfAsReport(page, file) : openFirstMatch(page, file));
      frame = await openPreview(page);
      const f = frame;
      expectEqual('table 2 body rows', await f.locator('table.grid-requests tbody tr').count(), 25);
      expectEqual('table 3 values', await f.locator('table.grid-appeals td.value').count(), 15);
      expectEqual('sections in the outline', await f.locator('ol.sections li:not(.missing)').count(), checked.report.sections.length);
      const expected = markedByEngine(checked);
      if (!expected.includes(WRONG)) throw new Error(`the engine does not mark ${WRONG}: ${expected.join(', ')}`);
      await f.locator(`td.sev-error[data-cell="${WRONG}"]`).waitFor({ state: 'attached' });
      expectEqual('marked cells', (await f.locator('td.sev-error').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell ?? ''))).sort(), expected);
      await f.locator(`td[data-cell="${WRONG}"]`).click();
      const cell = checked.report.tables.find((t) => t.id === 'requests')?.cells.find((x) => x.row === 'R1' && x.column === 'c7');
      if (!cell) throw new Error('the wrong total is not read');
      await expectCellSelected(page, checked, cell);
      await f.locator(`td.cursor[data-cell="${WRONG}"]`).waitFor({ state: 'attached' });
      await c.shot(page, `ui-forms-3-preview-${path.extname(file).slice(1)}.png`);
    });
  }

  await c.step('the keyboard: Tab reaches the controls and each table, arrows move between cells, the focus shows, Enter selects the cell', async () => {
    if (!frame) throw new Error('no preview open');
    const f = frame;
    const pdf = await checkedFile(c.workspace, PDF_FILE);
    const sectionLinks = pdf.report.sections.map((s) => `section:${s.number}`);
    // Into the preview with the mouse once (as a person would click into it), then only keys.
    await f.locator('h1.report-title').click();
    const order: string[] = [];
    // The section links, then per table its copy button and its one cell stop (the last stop of the page).
    for (let i = 0; i < sectionLinks.length + 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(f));
    }
    expectEqual('the section links', order.slice(0, sectionLinks.length), sectionLinks);
    // One Tab stop per table (a roving one): its copy button, then one of its cells.
    const stops = order.slice(sectionLinks.length).map((x) => x.replace(/^cell:(\w+)\/.*/, 'cell:$1'));
    expectEqual('after the sections', stops, ['copy:proactive', 'cell:proactive', 'copy:requests', 'cell:requests', 'copy:appeals', 'cell:appeals']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    if (!(await focused(f)).startsWith('cell:requests/')) throw new Error(`Shift+Tab back to table 2: ${await focused(f)}`);
    expectEqual('the focus ring on a cell', await focusRing(f), '3px solid');
    const before = await focused(f);
    await page.keyboard.press('ArrowDown');
    const below = await focused(f);
    if (below === before || !below.startsWith('cell:requests/')) throw new Error(`ArrowDown from ${before}: ${below}`);
    await page.keyboard.press('ArrowUp');
    expectEqual('ArrowUp comes back', await focused(f), before);
    // To the marked total: a marked cell keeps its mark and shows the focus ring as well.
    await f.locator(`td[data-cell="${WRONG}"]`).focus();
    expectEqual('focused', await focused(f), `cell:${WRONG}`);
    expectEqual('the focus ring on the marked cell', await focusRing(f), '3px solid');
    await f.locator('#tooltip').waitFor({ state: 'visible' });
    // The tooltip explains the cell beside it, never over it.
    const overlap = await f.locator('body').evaluate((_, id: string) => {
      const a = document.querySelector(`td[data-cell="${id}"]`)?.getBoundingClientRect();
      const b = document.getElementById('tooltip')?.getBoundingClientRect();
      return !a || !b ? 'missing' : a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom ? 'overlaps' : 'apart';
    }, WRONG);
    expectEqual('the tooltip and its cell', overlap, 'apart');
    await c.shot(page, 'ui-forms-4-keyboard-focus.png');
    // Enter: the editor takes the focus with the cell's text selected.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await f.locator('h1.report-title').click();
    await f.locator(`td[data-cell="${WRONG}"]`).focus();
    await page.keyboard.press('Enter');
    const cell = pdf.report.tables.find((t) => t.id === 'requests')?.cells.find((x) => x.row === 'R1' && x.column === 'c7');
    if (!cell) throw new Error('the wrong total is not read');
    await expectCellSelected(page, pdf, cell);
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'attached' });
    // The export button is the first stop of the page.
    await f.locator('h1.report-title').click();
    await page.keyboard.press('Shift+Tab');
    expectEqual('the toolbar', await focused(f), 'button#export');
    expectEqual('the focus ring on a button', await focusRing(f), '2px solid');
  });

  await c.step('copy as TSV: the clipboard holds table 2, which parses back to the values of the report', async () => {
    if (!frame) throw new Error('no preview open');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await frame.locator('button[data-copy="requests"]').click();
    await page.locator('.statusbar-item', { hasText: '已复制「收到和处理政府信息公开申请情况」为 TSV' }).first().waitFor({ state: 'visible' });
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const rows = tsv.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    if (!rows[0]?.includes('申请人情况')) throw new Error(`the header is not first: ${rows[0]?.join(' | ')}`);
    const specs = REQUEST_ROWS['2021'];
    const body = rows.slice(rows.length - specs.length);
    const pdf = await checkedFile(c.workspace, PDF_FILE);
    const cells = pdf.report.tables.find((t) => t.id === 'requests')?.cells ?? [];
    const raw = (row: string, column: string): string => cells.find((x) => x.row === row && x.column === column)?.raw ?? '';
    specs.forEach((spec, i) => expectEqual(spec.label, body[i]?.slice(-REQUEST_COLUMN_IDS.length), REQUEST_COLUMN_IDS.map((col) => raw(spec.id, col))));
  });

  await c.step('export as HTML: the file saved beside the PDF opens in the browser on its own, fetches nothing and shows the tables', async () => {
    if (!frame) throw new Error('no preview open');
    const target = path.join(c.workspace, PDF_FILE.replace(/\.pdf$/, '.tables.html'));
    fs.rmSync(target, { force: true });
    await frame.locator('#export').click();
    // code-server's own save dialog: the path is filled in beside the original file.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The dialog fills in the folder first, then the file name.
    let offered = await input.inputValue();
    for (let i = 0; i < 50 && !offered.endsWith(path.basename(target)); i++) {
      await page.waitForTimeout(200);
      offered = await input.inputValue();
    }
    if (offered !== target) throw new Error(`the save dialog offers ${offered}, expected ${target}`);
    await c.shot(page, 'ui-forms-5-export-dialog.png');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 100 && !fs.existsSync(target); i++) await page.waitForTimeout(100);
    if (!fs.existsSync(target)) throw new Error(`nothing written at ${target}`);
    const exported = await page.context().newPage();
    const fetched: string[] = [];
    exported.on('request', (r) => {
      if (!r.url().startsWith('file:')) fetched.push(r.url());
    });
    try {
      await exported.goto(`file://${target}`);
      await exported.locator('table.grid-requests').waitFor({ state: 'visible' });
      expectEqual('table 2 body rows', await exported.locator('table.grid-requests tbody tr').count(), 25);
      expectEqual('marked', await exported.locator('td.sev-error').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell ?? '').sort()), markedByEngine(await checkedFile(c.workspace, PDF_FILE)));
      await exported.locator(`td[data-cell="${WRONG}"]`).scrollIntoViewIfNeeded();
      await c.shot(exported, 'ui-forms-6-exported.png');
      expectEqual('requests of the exported page', fetched, []);
    } finally {
      await exported.close();
    }
  });

  // The preview in every theme, on the scene of the README pictures.
  for (const [theme, workbenchClass, webviewClass, picture] of [
    ['Default Dark Modern', 'vs-dark', 'vscode-dark', 'readme-preview-dark.png'],
    ['Default High Contrast', 'hc-black', 'vscode-high-contrast', 'ui-forms-7-preview-high-contrast.png'],
    ['Default Light Modern', 'vs', 'vscode-light', 'ui-forms-8-preview-light-again.png'],
  ] as const) {
    await c.step(`the preview in ${theme}: the webview takes the theme's colours`, async () => {
      await setTheme(page, c.settingsFile, theme, workbenchClass);
      const f = await showExamplePreview({ ...c, page });
      await f.locator(`body.${webviewClass}`).waitFor({ state: 'attached' });
      // The page and the marked cell in the theme's colours: dark on dark themes, light on light.
      const colours = await f.locator(`td[data-cell="${WRONG}"]`).evaluate((el) => {
        const rgb = (s: string): number[] => (s.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (s: string): number => {
          const [r, g, b] = rgb(s);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        return { page: lum(getComputedStyle(document.body).backgroundColor), text: lum(getComputedStyle(document.body).color), outline: getComputedStyle(el).outlineStyle };
      });
      const dark = workbenchClass !== 'vs';
      if (dark ? colours.page > 0.25 || colours.text < 0.6 : colours.page < 0.75 || colours.text > 0.4) throw new Error(`${theme}: page ${colours.page.toFixed(2)}, text ${colours.text.toFixed(2)}`);
      expectEqual('the marked cell keeps its outline', colours.outline, 'solid');
      // Readable (WCAG AA, 4.5:1): the marked total and the parts it highlights, in this theme.
      for (const id of [WRONG, 'requests/R1/c1']) {
        const ratio = await f.locator(`td[data-cell="${id}"]`).evaluate(contrastOfText);
        if (ratio < 4.5) throw new Error(`${theme}: ${id} has a contrast of ${ratio.toFixed(2)}:1`);
      }
      await c.shot(page, picture);
      await page.mouse.move(5, 5);
    });
  }
}
