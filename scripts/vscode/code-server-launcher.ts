// Stands in for the VS Code executable that @vscode/test-electron's runTests starts, on machines that
// cannot download desktop VS Code. It accepts the desktop flags runTests passes
//   --extensionDevelopmentPath=DIR --extensionTestsPath=FILE --user-data-dir=DIR --extensions-dir=DIR
//   [--locale=xx] [folder | file.code-workspace] (and ignores --no-sandbox, --disable-updates, …)
// and does the equivalent with code-server (real VS Code server + web workbench, Node extension host):
//   1. starts code-server on a free port (own process group, temporary XDG folders),
//   2. opens headless Debian chromium (playwright-core) at the workbench URL with a `payload` that makes
//      the window an Extension Development Host running the tests,
//   3. forwards the extension host's console (window.codeAutomationLog) to stdout/stderr,
//   4. exits with the code the workbench reports (window.codeAutomationExit),
//   5. always kills code-server's process group and the browser, also on a hard overall timeout
//      (DISCLOSURE_VSCODE_TIMEOUT_MS, default 15 minutes) and on SIGINT/SIGTERM.
// Run through scripts/vscode/code-server-launcher (a shell wrapper: test-electron needs an executable).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, startCodeServer, type CodeServer } from './code-server';

interface LaunchArgs {
  extensionDevelopmentPath: string[];
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  locale?: string;
  targets: string[];
  ignored: string[];
}

const VALUE_FLAGS: Record<string, keyof LaunchArgs> = {
  extensionDevelopmentPath: 'extensionDevelopmentPath',
  extensionTestsPath: 'extensionTestsPath',
  'user-data-dir': 'userDataDir',
  'extensions-dir': 'extensionsDir',
  locale: 'locale',
};

export function parseArgs(argv: string[]): LaunchArgs {
  const out: LaunchArgs = { extensionDevelopmentPath: [], targets: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=([\s\S]*))?$/.exec(a);
    if (!m) {
      out.targets.push(a);
      continue;
    }
    const key = VALUE_FLAGS[m[1]];
    if (!key) {
      out.ignored.push(a);
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
    }
    if (key === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(path.resolve(value));
    else if (key === 'locale') out.locale = value;
    else (out as unknown as Record<string, string>)[key] = path.resolve(value);
  }
  return out;
}

/** The workbench URL: the folder (or workspace file) plus the payload that starts the tests. */
export function workbenchUrl(base: string, authority: string, a: LaunchArgs): string {
  const remote = (p: string): string => `vscode-remote://${authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload: [string, string][] = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  // The web workbench keeps one development path (the last one of the payload).
  for (const dev of a.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(dev)]);
  if (a.extensionTestsPath) payload.push(['extensionTestsPath', remote(a.extensionTestsPath)]);
  const params = new URLSearchParams();
  const target = a.targets[0];
  if (target) {
    const abs = path.resolve(target);
    if (abs.endsWith('.code-workspace')) params.set('workspace', abs);
    else if (fs.existsSync(abs) && fs.statSync(abs).isFile()) params.set('folder', path.dirname(abs));
    else params.set('folder', abs);
  } else {
    params.set('ew', 'true'); // an empty window
  }
  params.set('payload', JSON.stringify(payload));
  return `${base}/?${params.toString()}`;
}

function artifactsDir(): string {
  return process.env.DISCLOSURE_VSCODE_ARTIFACTS ?? path.join(process.cwd(), 'test-output', 'screenshots');
}

// The workbench's own start-up lines arrive through the same channel as the extension host's console.
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:)/;
const NOISE = /open-vsx\.org|Failed to fetch|ERR_NAME_NOT_RESOLVED|marketplace|extensionGallery|net::ERR_/i;

/** Extension host log entries arrive as console arguments (printf-style: mocha logs "%s) %s:", the
 *  workbench adds %c styling): format them as console.log would. */
function formatLogArgs(args: unknown[]): string {
  if (!Array.isArray(args)) return String(args);
  return util.format(...args).replace(/^\s*\[Extension Host\]\s?/, '');
}

async function main(): Promise<number> {
  const started = Date.now();
  const a = parseArgs(process.argv.slice(2));
  const verbose = !!process.env.DISCLOSURE_VSCODE_VERBOSE;
  const say = (s: string): void => void process.stderr.write(`[launcher] ${s}\n`);
  if (!a.extensionTestsPath) {
    say('only test runs are supported: pass --extensionTestsPath=… (and --extensionDevelopmentPath=…)');
    return 2;
  }
  if (a.extensionDevelopmentPath.length > 1) say('the web workbench loads one development extension: using the last --extensionDevelopmentPath');
  if (verbose && a.ignored.length) say(`ignored desktop flags: ${a.ignored.join(' ')}`);

  const timeoutMs = Number(process.env.DISCLOSURE_VSCODE_TIMEOUT_MS ?? 15 * 60_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-vscode-launcher-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let finished = false;

  const cleanup = async (): Promise<void> => {
    if (browser) {
      const b = browser;
      browser = undefined;
      await Promise.race([b.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    }
    server?.kill();
    if (!process.env.DISCLOSURE_VSCODE_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const screenshot = async (name: string): Promise<void> => {
    if (!page) return;
    try {
      fs.mkdirSync(artifactsDir(), { recursive: true });
      const file = path.join(artifactsDir(), name);
      await page.screenshot({ path: file, timeout: 10_000 });
      say(`screenshot: ${file}`);
    } catch {
      /* best effort */
    }
  };

  const onSignal = (sig: NodeJS.Signals): void => {
    say(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let hardTimer: NodeJS.Timeout | undefined;
  const hardTimeout = new Promise<number>((resolve) => {
    hardTimer = setTimeout(() => {
      say(`hard timeout after ${timeoutMs} ms: killing VS Code`);
      void screenshot('launcher-timeout.png').finally(() => resolve(124));
    }, timeoutMs);
  });

  const run = async (): Promise<number> => {
    server = await startCodeServer({
      userDataDir: a.userDataDir ?? path.join(tmp, 'user-data'),
      extensionsDir: a.extensionsDir ?? path.join(tmp, 'extensions'),
      xdgRoot: path.join(tmp, 'xdg'),
      locale: a.locale,
      echo: verbose ? (s) => process.stderr.write(s.replace(/^/gm, '[code-server] ')) : undefined,
    });
    const authority = `127.0.0.1:${server.port}`;
    if (verbose) say(`code-server ready at ${server.url} after ${Date.now() - started} ms`);
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    const exitCode = new Promise<number>((resolve) => {
      void page!.exposeFunction('codeAutomationExit', (code: number) => {
        finished = true;
        resolve(typeof code === 'number' ? code : 1);
      });
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = formatLogArgs(args).replace(/\r?\n$/, '');
      if (!verbose && (NOISE.test(text) || WORKBENCH_CHATTER.test(text))) return;
      if (type === 'error' || type === 'warn') process.stderr.write(text + '\n');
      else process.stdout.write(text + '\n');
    });
    if (verbose) {
      page.on('console', (m) => say(`page ${m.type()}: ${m.text()}`));
    }
    page.on('crash', () => say('the workbench page crashed'));
    const url = workbenchUrl(server.url, authority, a);
    if (verbose) say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const code = await exitCode;
    if (verbose) say(`workbench reported exit code ${code} after ${Date.now() - started} ms`);
    return code;
  };

  let code: number;
  try {
    code = await Promise.race([run(), hardTimeout]);
    if (!finished && code !== 0 && code !== 124) await screenshot('launcher-failure.png');
  } catch (err) {
    say(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    await screenshot('launcher-failure.png');
    code = 1;
  } finally {
    if (hardTimer) clearTimeout(hardTimer);
    await cleanup();
  }
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`[launcher] ${String(err)}\n`);
      process.exit(1);
    },
  );
}
