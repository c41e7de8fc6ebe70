// The extension manifest (package.json contributes…) against the code it describes: the settings
// schema generated from the rule registry, command titles in both languages, activation, the
// client's command ids, the files that go into the VSIX.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/engine';
import { Commands, REPORT_TEXT_SCHEME } from '../../server/src/lsp/protocol';
import { ClientCommands, IS_REPORT_CONTEXT, REPORT_FILE_EDITOR, REPORT_FILE_EDITORS, REPORT_PDF_EDITOR } from '../../client/src/ids';
import { configurationContribution, expectedFiles, REGENERATE, RULE_NLS_PREFIX, ruleDescription, SEVERITIES } from '../../scripts/gen-manifest';
import { REPO_ROOT } from '../support/seeds';

type Json = Record<string, any>;
const readJson = (name: string): Json => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, name), 'utf8'));
const pkg = readJson('package.json');
const nlsEn = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const HAN = /[\u4e00-\u9fff]/;

/** Every %key% placeholder used anywhere in the manifest. */
function nlsKeysUsed(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeysUsed(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeysUsed(v, out));
  return out;
}

describe('extension manifest', () => {
  describe('settings generated from the rule registry', () => {
    it(`package.json and package.nls*.json are up to date (run \`${REGENERATE}\` after changing a rule)`, () => {
      for (const [name, content] of expectedFiles(REPO_ROOT)) {
        const actual = fs.readFileSync(path.join(REPO_ROOT, name), 'utf8');
        assert.ok(actual === content, `${name} is stale: run \`${REGENERATE}\``);
      }
    });

    it('disclosureReport.rules has one enum entry per rule, with its default severity and summary', () => {
      const rulesSetting = pkg.contributes.configuration.properties['disclosureReport.rules'];
      assert.equal(rulesSetting.type, 'object');
      assert.equal(rulesSetting.additionalProperties, false);
      assert.deepEqual(Object.keys(rulesSetting.properties), rules.map((r) => r.id));
      for (const r of rules) {
        const p = rulesSetting.properties[r.id];
        assert.deepEqual(p.enum, [...SEVERITIES], r.id);
        assert.equal(p.default, r.defaultSeverity, r.id);
        const key = /^%(.+)%$/.exec(p.description)?.[1];
        assert.ok(key, `${r.id}: description is an nls key`);
        assert.equal(nlsEn[key], ruleDescription(r, 'en'));
        assert.equal(nlsZh[key], ruleDescription(r, 'zh'));
        if (r.doc.summary.en) assert.ok(nlsEn[key].startsWith(r.doc.summary.en) && nlsEn[key].endsWith(`(${r.id})`));
        if (r.doc.summary.zh) assert.ok(nlsZh[key].startsWith(r.doc.summary.zh));
        // An English VS Code shows package.nls.json: a reader of Chinese finds the Chinese summary there too.
        if (r.doc.summary.zh) assert.ok(nlsEn[key].includes(r.doc.summary.zh), `${r.id}: ${nlsEn[key]}`);
        // settings.json completion shows the same words beside the id.
        assert.equal(p.completionDetail, p.description, r.id);
      }
    });

    it('disclosureReport.rules defaults to {} so no rule severity is forced on findings that ask for a milder one', () => {
      assert.deepEqual(pkg.contributes.configuration.properties['disclosureReport.rules'].default, {});
    });

    it('declares every setting the server reads (DisclosureSettings) with the server defaults', () => {
      const props = configurationContribution().properties as Json;
      assert.deepEqual(
        Object.keys(props).sort(),
        [
          'disclosureReport.enable',
          'disclosureReport.language',
          'disclosureReport.plaintext.detect',
          'disclosureReport.rules',
          'disclosureReport.template.fill',
          'disclosureReport.template.layout',
          'disclosureReport.workspaceCheck.exclude',
          'disclosureReport.workspaceCheck.include',
        ],
      );
      assert.equal(props['disclosureReport.enable'].default, true);
      assert.deepEqual(props['disclosureReport.language'].enum, ['auto', 'zh', 'en']);
      assert.deepEqual(props['disclosureReport.template.fill'].enum, ['blank', 'zero']);
      assert.deepEqual(props['disclosureReport.template.layout'].enum, ['auto', 'tab', 'markdown']);
      assert.equal(props['disclosureReport.plaintext.detect'].default, true);
      for (const [id, p] of Object.entries(props)) {
        if (Array.isArray(p.enum) && p.enumDescriptions) assert.equal(p.enumDescriptions.length, p.enum.length, id);
      }
    });
  });

  describe('commands and menus', () => {
    const contributed: Json[] = pkg.contributes.commands;
    const ids = contributed.map((c) => c.command);

    it('contributes exactly the client commands, and never a server command id', () => {
      assert.deepEqual(ids.sort(), Object.values(ClientCommands).sort());
      for (const serverId of Object.values(Commands)) assert.ok(!ids.includes(serverId), `${serverId} belongs to the server`);
    });

    it('the client registers its own commands only (the server ones come from vscode-languageclient)', () => {
      const src = fs
        .readdirSync(path.join(REPO_ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', f), 'utf8'))
        .join('\n');
      const registered = [...src.matchAll(/registerCommand\(\s*ClientCommands\.(\w+)/g)].map((m) => (ClientCommands as Json)[m[1]]);
      assert.deepEqual(registered.sort(), Object.values(ClientCommands).sort());
      assert.doesNotMatch(src, /registerCommand\(\s*(Commands\.|['"]disclosureReport\.(insertTable|newReportSkeleton|showRuleDoc|fixAll)['"])/);
    });

    it('every command has a title in English and in Chinese', () => {
      const zhTitles: Record<string, string> = {
        [ClientCommands.insertStandardTable]: '插入标准表格…',
        [ClientCommands.newReport]: '从模板新建年度报告',
        [ClientCommands.checkWorkspace]: '检查工作区内所有年度报告',
        [ClientCommands.showRuleDocumentation]: '显示规则说明',
        [ClientCommands.toggle]: '开启/关闭检查',
        [ClientCommands.openAsReport]: '以年报方式打开',
        [ClientCommands.saveReportText]: '另存为可编辑文本',
        [ClientCommands.previewTables]: '预览年报表格',
        [ClientCommands.exportTablesHtml]: '导出年报表格为 HTML…',
        [ClientCommands.copyTableTsv]: '复制年报表格为 TSV',
      };
      for (const c of contributed) {
        const key = /^%(.+)%$/.exec(c.title)?.[1];
        assert.ok(key, `${c.command}: title is an nls key`);
        assert.ok(nlsEn[key] && !HAN.test(nlsEn[key]), `${c.command}: English title`);
        assert.equal(nlsZh[key], zhTitles[c.command], `${c.command}: Chinese title`);
        assert.ok(/^%.+%$/.test(c.category) && nlsEn[c.category.slice(1, -1)] && nlsZh[c.category.slice(1, -1)]);
      }
    });

    it('menus name contributed commands, with when clauses on the report-only ones', () => {
      const menus: Record<string, Json[]> = pkg.contributes.menus;
      for (const [menu, entries] of Object.entries(menus)) {
        for (const e of entries) assert.ok(ids.includes(e.command), `${menu}: ${e.command}`);
      }
      const palette = new Map(menus.commandPalette.map((e) => [e.command, e.when as string | undefined]));
      assert.deepEqual([...palette.keys()].sort(), ids.sort(), 'every command is listed in the palette');
      assert.match(palette.get(ClientCommands.insertStandardTable) ?? '', new RegExp(IS_REPORT_CONTEXT.replace('.', '\\.')));
      assert.match(palette.get(ClientCommands.insertStandardTable) ?? '', /editorLangId == disclosure-report/);
      assert.match(palette.get(ClientCommands.checkWorkspace) ?? '', /workspaceFolderCount > 0/);
      const context = menus['editor/context'].map((e) => e.command);
      assert.ok(context.includes(ClientCommands.insertStandardTable) && context.includes(ClientCommands.showRuleDocumentation));
      for (const e of menus['editor/context']) assert.ok(e.when, `${e.command} has a when clause in the context menu`);
    });
  });

  describe('localisation', () => {
    it('every %key% of package.json exists in both languages, and no key is unused', () => {
      const used = nlsKeysUsed(pkg);
      for (const key of used) {
        assert.ok(nlsEn[key], `package.nls.json lacks ${key}`);
        assert.ok(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`);
      }
      assert.deepEqual(Object.keys(nlsEn).sort(), [...used].sort(), 'package.nls.json: keys not used in package.json');
      assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort(), 'same keys in both languages');
    });
    it('the Chinese file is Chinese where it has words (rule summaries are checked by the registry tests)', () => {
      for (const [key, zh] of Object.entries(nlsZh)) {
        if (key.startsWith(RULE_NLS_PREFIX)) continue;
        assert.ok(HAN.test(zh), `${key}: ${zh}`);
      }
    });
  });

  describe('language, activation, capabilities', () => {
    it('the disclosure-report language with its aliases, file patterns, configuration and grammar', () => {
      const lang = pkg.contributes.languages.find((l: Json) => l.id === 'disclosure-report');
      assert.ok(lang);
      assert.deepEqual(lang.aliases.slice(0, 2), ['政府信息公开年度报告', 'Disclosure Report']);
      assert.ok(lang.filenamePatterns.includes('*年度报告*.txt') && lang.filenamePatterns.includes('*年报*.txt'));
      assert.ok(!lang.filenamePatterns.some((p: string) => p.endsWith('.md')), 'markdown stays markdown');
      const conf = readJson(lang.configuration);
      const pairs = conf.brackets.map((b: string[]) => b.join(''));
      for (const p of ['（）', '〔〕', '“”', '《》', '「」']) assert.ok(pairs.includes(p), p);
      for (const p of ['（）', '〔〕', '“”', '《》']) assert.ok(conf.autoClosingPairs.some((a: Json) => a.open + a.close === p), p);
      const grammar = pkg.contributes.grammars.find((g: Json) => g.language === 'disclosure-report');
      assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
    });

    it('activates on plain-text, markdown and HTML documents (they may be reports), on report texts, and nothing broader', () => {
      // onLanguage:disclosure-report, onCommand:… and onCustomEditor:… are implicit since VS Code 1.74.
      assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
      assert.ok(Number(/^\^1\.(\d+)\./.exec(pkg.engines.vscode)![1]) >= 74);
      assert.deepEqual(pkg.activationEvents, [
        'onLanguage:plaintext',
        'onLanguage:markdown',
        'onLanguage:html',
        `onFileSystem:${REPORT_TEXT_SCHEME}`,
      ]);
    });

    it('.docx open in the report-file editor, .pdf on request, and "open as report" is offered on them and on web pages', () => {
      const editors = pkg.contributes.customEditors as Json[];
      assert.deepEqual(editors.map((e) => e.viewType).sort(), [...REPORT_FILE_EDITORS].sort(), 'contributed under the ids the client registers');
      const patterns = (viewType: string): string[] => editors.find((e) => e.viewType === viewType)!.selector.map((s: Json) => s.filenamePattern);
      assert.deepEqual(patterns(REPORT_FILE_EDITOR), ['*.docx']);
      assert.equal(editors.find((e) => e.viewType === REPORT_FILE_EDITOR)!.priority, 'default');
      // A PDF is as often no report: VS Code (or the user's PDF viewer) keeps opening it by default.
      assert.deepEqual(patterns(REPORT_PDF_EDITOR), ['*.pdf']);
      assert.equal(editors.find((e) => e.viewType === REPORT_PDF_EDITOR)!.priority, 'option');
      const when = pkg.contributes.menus['explorer/context'].find((e: Json) => e.command === ClientCommands.openAsReport)?.when ?? '';
      const re = new RegExp(/\/(.+)\/i/.exec(when)![1], 'i');
      for (const ext of ['.docx', '.pdf', '.html', '.htm', '.PDF']) assert.ok(re.test(ext), ext);
      assert.ok(!re.test('.txt') && !re.test('.doc'), 'text files are reports as they are');
    });

    it('declares untrusted and virtual workspace support', () => {
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
      assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
      assert.ok(pkg.capabilities.virtualWorkspaces.description);
    });

    it('main is the bundled client, and the marketplace fields are set', () => {
      assert.equal(pkg.main, './client/out/extension.js');
      assert.ok(fs.existsSync(path.join(REPO_ROOT, pkg.icon)), 'icon exists');
      assert.ok(pkg.categories.includes('Linters'));
      assert.ok(fs.existsSync(path.join(REPO_ROOT, pkg.vsce.readmePath)), 'marketplace readme exists');
    });
  });

  describe('VSIX contents', () => {
    it('only the manifest, bundles, grammar, rule pages, icon, readme, changelog and licence', async function () {
      this.timeout(60_000);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const vsce = require('@vscode/vsce') as { listFiles(o: Json): Promise<string[]> };
      const files = (await vsce.listFiles({ cwd: REPO_ROOT, packageManager: 2 /* None */, readmePath: pkg.vsce.readmePath })).sort();
      const allowed = [
        /^package\.json$/,
        /^package\.nls(\.zh-cn)?\.json$/,
        /^language-configuration\.json$/,
        /^syntaxes\/[\w-]+\.tmLanguage\.json$/,
        /^client\/out\/(extension|preview)\.js$/,
        /^server\/out\/(server|report-reader|unpdf)\.js$/,
        /^docs\/rules\/(en\/)?[\w-]+\.md$/,
        /^docs\/marketplace\/README\.md$/,
        /^client\/media\/icon\.png$/,
        /^schemas\/disclosure-report\.schema\.json$/,
        /^(CHANGELOG\.md|LICENSE)$/,
      ];
      for (const f of files) assert.ok(allowed.some((re) => re.test(f)), `${f} must not be in the VSIX`);
      for (const needed of ['package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/report-reader.js', 'server/out/unpdf.js', 'syntaxes/disclosure-report.tmLanguage.json', 'LICENSE']) {
        assert.ok(files.includes(needed), `${needed} is in the VSIX (bundles come from \`node esbuild.mjs\`)`);
      }
      for (const r of rules) assert.ok(files.includes(`docs/rules/${r.id}.md`), `docs/rules/${r.id}.md`);
    });
  });
});
