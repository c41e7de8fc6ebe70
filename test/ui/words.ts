// UI steps of the editor's words (run by test/ui/run.ts in code-server + chromium, VS Code in
// English, disclosureReport.language = zh):
//   - the rules setting in the Settings editor: the dropdown of rule ids says what each rule checks
//     in Chinese below the list; settings.json completion says it beside the id;
//   - the rule picker of "show rule documentation": Chinese title, each rule by its Chinese summary;
//   - a report opened as Plain Text is offered the report language once: accepted, its headings
//     are coloured; opened again, it is in the report language at once and not asked again;
//   - toggling checking off and on writes the workspace setting, says so, and the status then
//     shows a fresh check (a later time), not the one from before.
// Screenshots: test-output/screenshots/ui-words-*.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { rules } from '../../server/src/engine';

export interface WordsStepContext {
  page: Page;
  step(name: string, fn: () => Promise<void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<void>;
  openFile(page: Page, name: string): Promise<void>;
  waitStatus(page: Page, expected: string): Promise<void>;
  /** The workspace folder on disk (its .vscode/settings.json is the workspace setting). */
  workspace: string;
  /** package.nls.json: the English titles the command palette shows. */
  nls: Record<string, string>;
}

/** A report under a name the report language does not claim (*年度报告*.txt / *年报*.txt): it opens as Plain Text. */
export const PLAIN_REPORT_FILE = 'plain-copy-2024.txt';

const summaryZh = (id: string): string => rules.find((r) => r.id === id)?.doc.summary.zh ?? `(no rule ${id})`;

async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${command}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The status summary's tooltip (the time of the check): hover the item and read the hover. */
async function statusTooltip(page: Page, summary: string): Promise<string> {
  const item = page.locator('.statusbar-item', { hasText: summary }).first();
  await page.mouse.move(5, 5);
  await item.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover', { hasText: '检查（用时' }).first();
  await hover.waitFor({ state: 'visible' });
  const text = (await hover.innerText()).trim();
  await page.mouse.move(5, 5);
  return text;
}

export async function wordsSteps(ctx: WordsStepContext): Promise<void> {
  const { page, step, shot, openFile, nls } = ctx;
  const command = (key: string) => `${nls['command.category']}: ${nls[`command.${key}.title`]}`;

  await step('the rules setting in the Settings editor says what each rule id checks, in Chinese', async () => {
    await palette(page, 'Preferences: Open Settings (UI)');
    const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea, .settings-editor .settings-header .monaco-editor textarea').first();
    await search.waitFor({ state: 'attached' });
    await search.focus();
    await page.keyboard.type('disclosureReport.rules');
    const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Rules' }).first();
    await setting.waitFor({ state: 'visible' });
    await setting.locator('.setting-list-addButton').first().click();
    // The new row's key is a dropdown of the rule ids; its details pane describes the focused one.
    const keySelect = setting.locator('.setting-list-object-key .monaco-select-box, .setting-list-object-input-key .monaco-select-box').first();
    await keySelect.waitFor({ state: 'visible' });
    await keySelect.click();
    const dropdown = page.locator('.monaco-select-box-dropdown-container').first();
    await dropdown.waitFor({ state: 'visible' });
    const first = rules[0].id;
    await dropdown.locator('.monaco-list-row', { hasText: first }).first().waitFor({ state: 'visible' });
    const details = dropdown.locator('.select-box-details-pane').first();
    await details.waitFor({ state: 'visible' });
    const text = (await details.innerText()).trim();
    if (!text.includes(summaryZh(first))) throw new Error(`the details of ${first} read: ${text}`);
    await shot(page, 'ui-words-1-settings-rules.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  await step('the rule picker of “show rule documentation” has a Chinese title and names each rule by its Chinese summary', async () => {
    await palette(page, command('showRuleDocumentation'));
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: '选择规则' }).waitFor({ state: 'visible' });
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    const shown = (await rows.allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (shown.length < 5) throw new Error(`only ${shown.length} rules in the picker: ${shown.join(' | ')}`);
    for (const item of shown) {
      const id = rules.map((r) => r.id).find((x) => item.endsWith(x));
      if (!id) throw new Error(`a picker item without its rule id beside it: ${item}`);
      if (!item.startsWith(summaryZh(id))) throw new Error(`the picker item of ${id} is not its Chinese summary: ${item}`);
    }
    await shot(page, 'ui-words-3-rule-picker.png');
    await page.keyboard.press('Escape');
  });

  await step('a report opened as Plain Text is offered the report language once; accepted, its headings are coloured; reopened, it is not asked again', async () => {
    await openFile(page, PLAIN_REPORT_FILE);
    const mode = page.locator('#status\\.editor\\.mode');
    await mode.filter({ hasText: 'Plain Text' }).waitFor({ state: 'visible' });
    const toast = page.locator('.notification-toast', { hasText: `「${PLAIN_REPORT_FILE}」像一份政府信息公开年度报告` }).first();
    await toast.waitFor({ state: 'visible' });
    await shot(page, 'ui-words-4-plaintext-offer.png');
    await toast.locator('.monaco-button', { hasText: /^切换$/ }).first().click();
    await mode.filter({ hasText: '政府信息公开年度报告' }).waitFor({ state: 'visible' });
    // The heading is coloured by the report grammar: another token colour than the prose beside it.
    const heading = page.locator('.editor-instance .view-lines .view-line', { hasText: '一、总体情况' }).first();
    await heading.waitFor({ state: 'visible' });
    const prose = page.locator('.editor-instance .view-lines .view-line', { hasText: '本局坚持以公开为常态' }).first();
    const colour = (l: typeof heading) => l.locator('span[class^="mtk"], span[class*=" mtk"]').first().evaluate((el) => getComputedStyle(el).color);
    const [h, p] = [await colour(heading), await colour(prose)];
    if (h === p) throw new Error(`the heading has the prose colour (${h})`);
    await shot(page, 'ui-words-5-plaintext-switched.png');
    await page.keyboard.press('Control+W');
    await page.locator('.tabs-container .tab', { hasText: PLAIN_REPORT_FILE }).waitFor({ state: 'detached' });
    // Reopened from Quick Open, by its row (Enter would take whichever row is first).
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(PLAIN_REPORT_FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PLAIN_REPORT_FILE.replace(/\.txt$/, '') }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: PLAIN_REPORT_FILE }).waitFor({ state: 'visible' });
    await mode.filter({ hasText: '政府信息公开年度报告' }).waitFor({ state: 'visible' });
    await page.waitForTimeout(2000);
    const again = await page.locator('.notification-toast', { hasText: '像一份政府信息公开年度报告' }).count();
    if (again !== 0) throw new Error('the offer came a second time');
  });

  await step('toggling checking off and on writes the workspace setting, says so, and the status shows the fresh check', async () => {
    const summary = '2024年度 · 2021格式 · 无问题';
    await ctx.waitStatus(page, summary);
    const before = await statusTooltip(page, summary);
    // The tooltip's time has seconds: the fresh check must show another one.
    await page.waitForTimeout(1500);
    const settingsFile = path.join(ctx.workspace, '.vscode', 'settings.json');
    await palette(page, command('toggle'));
    await page.locator('.notification-toast', { hasText: '已为此工作区关闭年度报告检查' }).first().waitFor({ state: 'visible' });
    const off = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : '';
    if (!/"disclosureReport\.enable"\s*:\s*false/.test(off)) throw new Error(`the workspace settings after turning off: ${off || '(none)'}`);
    await page.locator('.statusbar-item', { hasText: summary }).first().waitFor({ state: 'hidden' });
    await shot(page, 'ui-words-6-toggled-off.png');
    // Turned on again, for the workspace as it was turned off (not "for the folder": in a single-folder workspace they are one).
    await palette(page, command('toggle'));
    await page.locator('.notification-toast', { hasText: '已为此工作区开启年度报告检查' }).first().waitFor({ state: 'visible' }).catch(async (err: unknown) => {
      await shot(page, 'ui-words-7-toggle-failed.png');
      const toasts = await page.locator('.notification-toast').allInnerTexts();
      throw new Error(`${err instanceof Error ? err.message.split('\n')[0] : String(err)}; notifications: ${toasts.join(' | ')}`);
    });
    const on = fs.readFileSync(settingsFile, 'utf8');
    if (!/"disclosureReport\.enable"\s*:\s*true/.test(on)) throw new Error(`the workspace settings after turning on: ${on}`);
    await ctx.waitStatus(page, summary);
    const after = await statusTooltip(page, summary);
    const time = (s: string) => /(\d\d:\d\d:\d\d)/.exec(s)?.[1] ?? '';
    if (!time(before) || !time(after) || time(after) === time(before)) throw new Error(`status before: ${before}\nafter: ${after}`);
    await shot(page, 'ui-words-7-toggled-on.png');
  });
}
