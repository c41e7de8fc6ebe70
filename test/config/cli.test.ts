// The CLI with a sidecar config, end to end on the bundled CLI: ignored findings gone and counted,
// the exit code following what remains, discovery up the tree, --config and --no-config, rule
// severities with --rule on top, an unknown rule id warned about once, a broken config → exit 2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding, fingerprints } from '../../server/src/engine';
import { runCli, tempDir } from '../cli/helpers';
import { REPO_ROOT } from '../support/seeds';

const EXAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
const REPORT = 'city/district/2024.txt';

/** A folder with the example report below it; returns the folder. */
function workspace(): string {
  const root = tempDir('dr-config-cli-');
  fs.mkdirSync(path.join(root, 'city', 'district'), { recursive: true });
  fs.writeFileSync(path.join(root, REPORT), EXAMPLE);
  return root;
}

/** Ignore entries for the findings `pick` chooses, fingerprinted as relative to `configDir`. */
function ignoreEntries(root: string, configDir: string, pick: (f: Finding) => boolean) {
  const { findings } = check(EXAMPLE);
  const file = path.relative(path.join(root, configDir), path.join(root, REPORT)).split(path.sep).join('/');
  const prints = fingerprints(findings, EXAMPLE, file);
  return findings.map((f, i) => ({ f, entry: { fingerprint: prints[i], rule: f.ruleId, file, reason: 'accepted' } })).filter(({ f }) => pick(f));
}

const writeJson = (file: string, value: unknown): void => fs.writeFileSync(file, JSON.stringify(value, null, 2));
const findingLines = (stdout: string): string[] => stdout.split('\n').filter((l) => /^\S+:\d+:\d+ (error|warning|information|hint) /.test(l));

describe('config: the CLI', function () {
  this.timeout(60_000);
  const errors = check(EXAMPLE).findings.filter((f) => f.severity === 'error');

  it('without a config: every finding, exit 1 (the baseline the other cases differ from)', () => {
    const root = workspace();
    const r = runCli(['check', '--lang', 'en', REPORT], { cwd: root });
    assert.equal(r.code, 1);
    assert.equal(findingLines(r.stdout).length, check(EXAMPLE).findings.length);
    assert.doesNotMatch(r.stdout, /suppressed/);
  });

  it('a config found up the tree ignores its findings, counts them, and the exit code follows the rest', () => {
    const root = workspace();
    const placeholder = ignoreEntries(root, '.', (f) => f.ruleId === 'placeholder');
    assert.equal(placeholder.length, 1);
    writeJson(path.join(root, '.disclosure-report.json'), { ignore: placeholder.map((x) => x.entry) });
    const one = runCli(['check', '--lang', 'en', REPORT], { cwd: root });
    assert.equal(one.code, 1, 'other errors remain');
    assert.equal(findingLines(one.stdout).length, check(EXAMPLE).findings.length - 1);
    assert.doesNotMatch(one.stdout, /\[placeholder\]/);
    assert.match(one.stdout, new RegExp(`${errors.length - 1} errors, .*; 1 suppressed by the config\\.`));
    const zh = runCli(['check', '--lang', 'zh', REPORT], { cwd: root });
    assert.match(zh.stdout, /；按配置文件忽略 1 处。/);

    // Ignore every error: exit 0, the warnings still shown.
    writeJson(path.join(root, '.disclosure-report.json'), { ignore: ignoreEntries(root, '.', (f) => f.severity === 'error').map((x) => x.entry) });
    const none = runCli(['check', '--lang', 'en', REPORT], { cwd: root });
    assert.equal(none.code, 0, none.stdout);
    assert.match(none.stdout, new RegExp(`0 errors, .*; ${errors.length} suppressed by the config`));
    assert.ok(findingLines(none.stdout).length > 0 && findingLines(none.stdout).every((l) => / warning /.test(l)));

    // --no-config: the file is not read.
    const ignored = runCli(['check', '--lang', 'en', '--no-config', REPORT], { cwd: root });
    assert.equal(ignored.code, 1);
    assert.equal(findingLines(ignored.stdout).length, check(EXAMPLE).findings.length);
  });

  it('a reviewer on the CLI alone: the fingerprint --format json prints (and SARIF’s partialFingerprints) is the one an ignore entry takes', () => {
    const root = workspace();
    const json = runCli(['check', '--lang', 'en', '--format', 'json', REPORT], { cwd: root });
    const diagnostics = (JSON.parse(json.stdout) as { diagnostics: { code: string; fingerprint?: string }[] }[])[0].diagnostics;
    assert.ok(diagnostics.length > 1 && diagnostics.every((d) => typeof d.fingerprint === 'string' && d.fingerprint.length > 0), 'every diagnostic has one');
    assert.equal(new Set(diagnostics.map((d) => d.fingerprint)).size, diagnostics.length, 'told apart');
    // Without a config they name the report as a config beside it would: the engine's own, relative to its folder.
    assert.deepEqual(diagnostics.map((d) => d.fingerprint), ignoreEntries(root, 'city/district', () => true).map((x) => x.entry.fingerprint));
    const sarif = runCli(['check', '--lang', 'en', '--format', 'sarif', REPORT], { cwd: root });
    const results = JSON.parse(sarif.stdout).runs[0].results as { partialFingerprints?: Record<string, string> }[];
    assert.deepEqual(results.map((r) => r.partialFingerprints?.['disclosureReportFinding/v1']), diagnostics.map((d) => d.fingerprint));

    // The placeholder's fingerprint, copied into a config beside the report, takes that finding out.
    const placeholder = diagnostics.find((d) => d.code === 'placeholder')!;
    writeJson(path.join(root, 'city', 'district', '.disclosure-report.json'), { ignore: [{ fingerprint: placeholder.fingerprint, rule: 'placeholder', file: '2024.txt', reason: 'accepted' }] });
    const after = runCli(['check', '--lang', 'en', '--format', 'json', REPORT], { cwd: root });
    const left = (JSON.parse(after.stdout) as { diagnostics: { code: string; fingerprint?: string }[] }[])[0].diagnostics;
    assert.deepEqual(left.map((d) => d.fingerprint), diagnostics.filter((d) => d !== placeholder).map((d) => d.fingerprint), 'the others keep theirs');
  });

  it('the nearest config wins over one further up; --config names one for every input', () => {
    const root = workspace();
    writeJson(path.join(root, '.disclosure-report.json'), { rules: { 'signing-date': 'off' } });
    writeJson(path.join(root, 'city', '.disclosure-report.jsonc'), { rules: { 'missing-section': 'off' } });
    const near = runCli(['check', '--lang', 'en', REPORT], { cwd: root });
    assert.doesNotMatch(near.stdout, /\[missing-section\]/);
    assert.match(near.stdout, /\[signing-date\]/, 'configs are not merged: the nearest one alone');
    const given = runCli(['check', '--lang', 'en', '--config', '.disclosure-report.json', REPORT], { cwd: root });
    assert.match(given.stdout, /\[missing-section\]/);
    assert.doesNotMatch(given.stdout, /\[signing-date\]/);
  });

  it('rule severities come from the config, and --rule wins over it', () => {
    const root = workspace();
    writeJson(path.join(root, '.disclosure-report.json'), { rules: { placeholder: 'hint', 'heading-numbering': 'off' } });
    const r = runCli(['check', '--lang', 'en', REPORT], { cwd: root });
    assert.match(r.stdout, / hint .*\[placeholder\]/);
    assert.doesNotMatch(r.stdout, /\[heading-numbering\]/);
    const over = runCli(['check', '--lang', 'en', '--rule', 'placeholder=error', REPORT], { cwd: root });
    assert.match(over.stdout, / error .*\[placeholder\]/);
  });

  it('ignore entries name their file: the same finding in a copy of the report is still shown', () => {
    const root = workspace();
    fs.writeFileSync(path.join(root, 'city', 'district', 'copy.txt'), EXAMPLE);
    writeJson(path.join(root, '.disclosure-report.json'), { ignore: ignoreEntries(root, '.', (f) => f.ruleId === 'placeholder').map((x) => x.entry) });
    const r = runCli(['check', '--lang', 'en', 'city'], { cwd: root });
    const placeholders = findingLines(r.stdout).filter((l) => l.includes('[placeholder]'));
    assert.deepEqual(placeholders.map((l) => l.split(':')[0]), ['city/district/copy.txt']);
  });

  it('an unknown rule id is a warning printed once, and the config is used', () => {
    const root = workspace();
    fs.writeFileSync(path.join(root, 'city', 'district', 'copy.txt'), EXAMPLE);
    fs.writeFileSync(path.join(root, '.disclosure-report.json'), '{\n  "rules": {\n    "no-such-rule": "off",\n    "placeholder": "off"\n  }\n}\n');
    const r = runCli(['check', '--lang', 'en', 'city'], { cwd: root });
    assert.equal(r.code, 1);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('no-such-rule'));
    assert.deepEqual(warnings, ['disclosure-report: .disclosure-report.json:3:5: warning: rules.no-such-rule: unknown rule id "no-such-rule", ignored']);
    assert.doesNotMatch(r.stdout, /\[placeholder\]/);
  });

  it('a config with errors: the message with file, line and column, the reports under it unchecked, exit 2', () => {
    const root = workspace();
    fs.writeFileSync(path.join(root, 'city', '.disclosure-report.json'), '{\n  "rules": { "placeholder": "of" }\n}\n');
    const r = runCli(['check', '--lang', 'zh', REPORT], { cwd: root });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /city\/\.disclosure-report\.json:2:29: 错误：rules\.placeholder 应为 error、warning、information、hint、off 之一，实为 "of"/);
    assert.match(r.stderr, /city\/district\/2024\.txt: 未检查：配置文件 city\/\.disclosure-report\.json 有错误/);
    assert.equal(findingLines(r.stdout).length, 0);
    // --config with a missing file stops before anything is checked.
    const missing = runCli(['check', '--lang', 'en', '--config', 'nope.json', REPORT], { cwd: root });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: error: no such config file/);
    assert.equal(missing.stdout, '');
  });

  it('--config and --no-config together, or on another command, are usage errors', () => {
    const both = runCli(['check', '--config', 'a.json', '--no-config', 'x.txt']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--config 与 --no-config 不能同时使用/);
    assert.equal(runCli(['extract', '--config', 'a.json', 'x.txt']).code, 2);
    assert.match(runCli(['check', '--help', '--lang', 'en']).stdout, /--config <file>[\s\S]*--no-config/);
  });

  it('--fix leaves an ignored finding as written (a reviewer accepted it) and fixes the others', () => {
    const root = workspace();
    const fixable = check(EXAMPLE).findings.filter((f) => f.fix);
    assert.ok(fixable.length >= 2);
    const kept = fixable[0];
    // The same finding by rule and position (ignoreEntries checks the text again).
    const entries = ignoreEntries(root, '.', (f) => f.start === kept.start && f.ruleId === kept.ruleId).map((x) => x.entry);
    assert.equal(entries.length, 1);
    writeJson(path.join(root, '.disclosure-report.json'), { ignore: entries });
    const r = runCli(['check', '--lang', 'en', '--fix', REPORT], { cwd: root });
    const after = fs.readFileSync(path.join(root, REPORT), 'utf8');
    assert.notEqual(after, EXAMPLE, 'other fixes were applied');
    const original = EXAMPLE.slice(kept.fix!.edits[0].start, kept.fix!.edits[0].end);
    const count = (t: string): number => t.split(original).length - 1;
    assert.equal(count(after), count(EXAMPLE), `the ignored finding's text is still there: ${original}`);
    assert.doesNotMatch(r.stdout, new RegExp(`fixed ${escape(kept.fix!.title.en)} \\[${kept.ruleId}\\]`));
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
