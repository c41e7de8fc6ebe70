// npm run test:vscode — the extension-host suite (test/vscode/suite) inside a real VS Code, with
// @vscode/test-electron's runTests.
//   - default: VS Code cannot be downloaded on these machines, so vscodeExecutablePath is the project's
//     launcher (scripts/vscode/code-server-launcher: code-server + headless chromium);
//   - DISCLOSURE_VSCODE=desktop: runTests downloads the desktop build and runs the same suite unchanged.
// The workspace is a temporary folder holding copies of the five seeds (../shared/seeds, required) and
// of our own fixtures; user settings and extensions live in temporary folders too.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { encodeGb18030ForTest } from '../../test/cli/helpers';
import { seedFiles } from '../../test/support/seeds';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const LAUNCHER = path.join(REPO_ROOT, 'scripts', 'vscode', 'code-server-launcher');

/** Our own fixtures copied into the workspace, under names that make them `disclosure-report` documents
 *  (package.json filenamePatterns *年度报告*.txt); the seeds keep their names (plain text, detected). */
const FIXTURES: [string, string][] = [
  ['test/fixtures/protocol/small-2023.txt', 'fixtures/small-2023年度报告.txt'],
  ['test/fixtures/protocol/empty-sections-2023.txt', 'fixtures/empty-sections-2023年度报告.txt'],
  ['test/vscode/fixtures/crlf-2023.txt', 'fixtures/crlf-2023年度报告.txt'],
];

export function prepareWorkspace(root: string): { workspace: string; userDataDir: string; extensionsDir: string; resultFile: string } {
  const workspace = path.join(root, 'workspace');
  const seedsDir = path.join(workspace, 'seeds');
  fs.mkdirSync(seedsDir, { recursive: true });
  // seedFiles() throws when ../shared/seeds is missing: the run fails, it never skips.
  for (const f of seedFiles()) fs.copyFileSync(f, path.join(seedsDir, path.basename(f)));
  for (const [from, to] of FIXTURES) {
    const dest = path.join(workspace, to);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    let text = fs.readFileSync(path.join(REPO_ROOT, from), 'utf8');
    if (to.startsWith('fixtures/crlf-')) text = text.replace(/\r?\n/g, '\r\n');
    fs.writeFileSync(dest, text);
  }
  // A report saved in GB18030 (as many are): the workspace check must read it as such.
  fs.writeFileSync(path.join(workspace, 'fixtures', 'gb18030-2024年度报告.txt'), encodeGb18030ForTest(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8')));
  // Chinese messages whatever the editor's display language (code-server's is English).
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'disclosureReport.language': 'zh' }, null, 2));

  const userDataDir = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'files.eol': '\n',
      },
      null,
      2,
    ),
  );
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  return { workspace, userDataDir, extensionsDir, resultFile: path.join(root, 'result.json') };
}

async function main(): Promise<number> {
  const desktop = process.env.DISCLOSURE_VSCODE === 'desktop';
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
  for (const f of [extensionTestsPath, path.join(REPO_ROOT, 'client', 'out', 'extension.js'), path.join(REPO_ROOT, 'server', 'out', 'server.js')]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(REPO_ROOT, f)} is missing: run \`node esbuild.mjs && npx tsc -p .\` first`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-vscode-tests-'));
  let code = 1;
  try {
    const ws = prepareWorkspace(root);
    process.stdout.write(`[test:vscode] ${desktop ? 'desktop VS Code (downloaded by @vscode/test-electron)' : 'code-server through scripts/vscode/code-server-launcher'}; workspace ${ws.workspace}\n`);
    code = await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: LAUNCHER }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [ws.workspace, `--user-data-dir=${ws.userDataDir}`, `--extensions-dir=${ws.extensionsDir}`],
      extensionTestsEnv: {
        DISCLOSURE_TEST_WORKSPACE: ws.workspace,
        DISCLOSURE_TEST_RESULT: ws.resultFile,
        DISCLOSURE_REPO_ROOT: REPO_ROOT,
      },
    });
  } catch (err) {
    process.stderr.write(`[test:vscode] ${err instanceof Error ? err.message : String(err)}\n`);
    code = typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code || 1) : 1;
  } finally {
    // The suite writes its counts; when it never ran (VS Code did not start, the suite did not load),
    // say so with the closing line CI reads.
    const resultFile = path.join(root, 'result.json');
    if (!fs.existsSync(resultFile)) {
      process.stdout.write('[test:vscode] the extension-host suite did not report: counted as one failure\n0 passed, 1 failed\n');
      code = code || 1;
    }
    if (!process.env.DISCLOSURE_VSCODE_KEEP) fs.rmSync(root, { recursive: true, force: true });
  }
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`[test:vscode] ${err instanceof Error ? err.stack : String(err)}\n0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
