// The client's commands. Each one also takes its inputs as arguments, so tests (and keybindings)
// can run it without the QuickPick / InputBox. The work is done by the server's commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, type InsertTableResult, type SkeletonArgs } from '../../server/src/lsp/protocol';
import { ClientCommands, DOCUMENT_SELECTOR, LANGUAGE_ID, TABLE_IDS, tableChoices, type TableId } from './ids';
import { isChinese, t } from './l10n';
import type { StatusTracker } from './status';
import type { WorkspaceChecker } from './workspaceCheck';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  ready: Promise<void>;
  status: StatusTracker;
  workspace: WorkspaceChecker;
}

/** disclosureReport.insertStandardTable [tableId]: the chosen blank table at the cursor. */
export async function insertStandardTable(ctx: CommandContext, tableIdArg?: unknown): Promise<InsertTableResult> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || vscode.languages.match(DOCUMENT_SELECTOR, editor.document) === 0) {
    void vscode.window.showWarningMessage(t('openReportFirst'));
    return { applied: false, reason: 'no report in the active editor' };
  }
  let tableId: TableId | undefined =
    typeof tableIdArg === 'string' && (TABLE_IDS as readonly string[]).includes(tableIdArg) ? (tableIdArg as TableId) : undefined;
  if (!tableId) {
    const status = ctx.status.get(editor.document.uri);
    const version = status?.formatVersion === '2019' ? '2019' : status?.formatVersion === '2021' ? '2021' : status?.year != null && status.year <= 2020 ? '2019' : '2021';
    const items = tableChoices(version).map((c) => ({
      label: isChinese() ? c.zh : c.en,
      description: isChinese() ? c.en : c.zh,
      detail: isChinese() ? c.detailZh : c.detailEn,
      id: c.id,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: t('pickTable', version), matchOnDescription: true, matchOnDetail: true });
    if (!picked) return { applied: false, reason: 'cancelled' };
    tableId = picked.id;
  }
  await ctx.ready;
  const pos = editor.selection.active;
  const result = await vscode.commands.executeCommand<InsertTableResult | null>(Commands.insertTable, {
    uri: editor.document.uri.toString(),
    tableId,
    position: { line: pos.line, character: pos.character },
  });
  const r: InsertTableResult = result ?? { applied: false, reason: 'no answer from the server' };
  if (r.exists) {
    // Never a second copy: say where the table is and offer to go there or start it afresh.
    const choice = tableChoices('2021').find((c) => c.id === tableId)!;
    const where = r.exists.range.start;
    const shown = vscode.window.showInformationMessage(t('tableExists', isChinese() ? choice.zh : choice.en, where.line + 1), t('goToTable'), t('replaceTable'));
    void shown.then(async (answer) => {
      if (answer === t('goToTable')) {
        const range = new vscode.Range(where.line, where.character, where.line, where.character);
        editor.selection = new vscode.Selection(range.start, range.start);
        editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
      } else if (answer === t('replaceTable')) {
        await vscode.commands.executeCommand(Commands.insertTable, { uri: editor.document.uri.toString(), tableId, replace: true });
      }
    });
    return r;
  }
  if (!r.applied) void vscode.window.showWarningMessage(t('insertRefused', r.reason ?? ''));
  return r;
}

function validYear(value: string): boolean {
  const y = Number(value.trim());
  return /^\s*\d{4}\s*$/.test(value) && y >= 2008 && y <= 2100;
}

/** disclosureReport.newReport [{organ, year}]: a whole report skeleton in a new untitled document. */
export async function newReport(ctx: CommandContext, arg?: unknown): Promise<{ uri: string } | undefined> {
  const given = (arg && typeof arg === 'object' ? arg : {}) as { organ?: unknown; year?: unknown };
  let organ = typeof given.organ === 'string' && given.organ.trim() ? given.organ.trim() : undefined;
  let year = typeof given.year === 'number' ? given.year : typeof given.year === 'string' && validYear(given.year) ? Number(given.year) : undefined;
  if (!organ) {
    organ = (
      await vscode.window.showInputBox({
        title: t('organPrompt'),
        prompt: t('organPrompt'),
        placeHolder: t('organPlaceholder'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : t('organEmpty')),
      })
    )?.trim();
    if (!organ) return undefined;
  }
  if (year === undefined) {
    const lastYear = String(new Date().getFullYear() - 1);
    const input = await vscode.window.showInputBox({
      title: t('yearPrompt'),
      prompt: t('yearPrompt'),
      value: lastYear,
      ignoreFocusOut: true,
      validateInput: (v) => (validYear(v) ? undefined : t('yearInvalid', lastYear)),
    });
    if (input === undefined) return undefined;
    year = Number(input.trim());
  }
  await ctx.ready;
  const cfg = vscode.workspace.getConfiguration('disclosureReport');
  const eolSetting = vscode.workspace.getConfiguration('files').get<string>('eol', 'auto');
  const args: SkeletonArgs = {
    organ,
    year,
    layout: cfg.get<string>('template.layout') === 'markdown' ? 'markdown' : 'tab',
    fill: cfg.get<string>('template.fill') === 'zero' ? 'zero' : 'blank',
    eol: eolSetting === '\r\n' || (eolSetting === 'auto' && process.platform === 'win32') ? '\r\n' : '\n',
  };
  const text = await vscode.commands.executeCommand<string | null>(Commands.newReportSkeleton, args);
  if (typeof text !== 'string') {
    void vscode.window.showErrorMessage(t('skeletonFailed'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(doc);
  return { uri: doc.uri.toString() };
}

/** Rule ids and their one-line descriptions in the client's language (the generated nls entries:
 *  VS Code has already put the display language's text into packageJSON, so the keys are rebuilt). */
function ruleList(ctx: CommandContext): { id: string; description: string }[] {
  const pkg = ctx.extension.extension.packageJSON as {
    contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, { description?: string }> }> } };
  };
  const props = pkg.contributes?.configuration?.properties?.['disclosureReport.rules']?.properties ?? {};
  let nls: Record<string, string> = {};
  try {
    const file = ctx.extension.asAbsolutePath(isChinese() ? 'package.nls.zh-cn.json' : 'package.nls.json');
    nls = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* descriptions stay as they are */
  }
  return Object.entries(props).map(([id, p]) => {
    // The generated description ends in 「(rule-id)」: the picker shows the id beside it instead.
    const d = (nls[`config.rules.${id}`] ?? p.description ?? '').replace(new RegExp(`\\s*\\(${id}\\)$`), '');
    return { id, description: d };
  });
}

/** The rule under the cursor: a diagnostic of ours that covers it. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== 'disclosure-report' || !d.range.contains(pos)) continue;
    const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Open a rule's page (docs/rules/<id>.md, shipped in the extension) in the markdown preview. */
export async function openRuleDoc(ctx: CommandContext, ruleId: string): Promise<{ uri: string } | undefined> {
  const file = ctx.extension.asAbsolutePath(path.join('docs', 'rules', ...(isChinese() ? [] : ['en']), `${ruleId}.md`));
  const uri = vscode.Uri.file(file);
  try {
    if (!/^[a-z0-9-]+$/.test(ruleId)) throw new Error('bad id');
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(t('ruleDocMissing', ruleId));
    return undefined;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return { uri: uri.toString() };
}

/** disclosureReport.showRuleDocumentation [ruleId | {ruleId}]: the rule under the cursor, or a pick. */
export async function showRuleDocumentation(ctx: CommandContext, arg?: unknown): Promise<{ uri: string } | undefined> {
  let id = typeof arg === 'string' ? arg : typeof (arg as { ruleId?: unknown })?.ruleId === 'string' ? (arg as { ruleId: string }).ruleId : undefined;
  if (!id) id = ruleAtCursor();
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      ruleList(ctx).map((r) => ({ label: r.description || r.id, description: r.id, id: r.id })),
      { title: t('pickRule'), matchOnDescription: true },
    );
    if (!picked) return undefined;
    id = picked.id;
  }
  return openRuleDoc(ctx, id);
}

/** disclosureReport.toggle: flip disclosureReport.enable where it is set (a folder of a multi-root
 *  workspace, the workspace); otherwise for this workspace when one is open (user settings only
 *  without one), and say which. A single-folder workspace reports its settings as the folder's too:
 *  there they are the workspace's. */
export async function toggle(): Promise<boolean> {
  const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const cfg = vscode.workspace.getConfiguration('disclosureReport', resource);
  const info = cfg.inspect<boolean>('enable');
  const now = cfg.get<boolean>('enable', true);
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  const target =
    multiRoot && info?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : info?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await cfg.update('enable', !now, target);
  const said =
    target === vscode.ConfigurationTarget.WorkspaceFolder
      ? t(!now ? 'enabledFolder' : 'disabledFolder', folder?.name ?? '')
      : target === vscode.ConfigurationTarget.Workspace
        ? t(!now ? 'enabledWorkspace' : 'disabledWorkspace')
        : t(!now ? 'enabledUser' : 'disabledUser');
  void vscode.window.showInformationMessage(said);
  return !now;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.insertStandardTable, (tableId?: unknown) => insertStandardTable(ctx, tableId)),
    vscode.commands.registerCommand(ClientCommands.newReport, (arg?: unknown) => newReport(ctx, arg)),
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, async () => {
      await ctx.ready;
      return ctx.workspace.run();
    }),
    vscode.commands.registerCommand(ClientCommands.showRuleDocumentation, (arg?: unknown) => showRuleDocumentation(ctx, arg)),
    vscode.commands.registerCommand(ClientCommands.toggle, () => toggle()),
  ];
}

