// Shared by the launcher (scripts/vscode/code-server-launcher.ts) and the UI test (test/ui/run.ts):
// find code-server and Debian chromium, start code-server on a free port in its own process group with
// temporary XDG folders, and always kill that group. See docs/dev/vscode-tests.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const CACHE_DIR = process.env.DISCLOSURE_VSCODE_CACHE ?? path.join(os.homedir(), '.cache', 'disclosure-report-vscode');

/** The code-server entry script (run with this Node), or an explanation of how to install it. */
export function findCodeServer(): string {
  const explicit = process.env.DISCLOSURE_CODE_SERVER;
  const candidates = [
    ...(explicit ? [explicit] : []),
    path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(
    `code-server ${CODE_SERVER_VERSION} not found (looked at ${candidates.join(', ')}). ` +
      'Install it with `bash .ci/vscode-setup.sh` (or set DISCLOSURE_CODE_SERVER to its out/node/entry.js).',
  );
}

export function findChromium(): string {
  const candidates = [process.env.DISCLOSURE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((x): x is string => !!x);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`chromium not found (looked at ${candidates.join(', ')}). Install it with \`bash .ci/vscode-setup.sh\` (Debian package chromium).`);
}

/**
 * Flags for headless Debian chromium run as root in a container with no network beyond package
 * mirrors: no sandbox (root), no GPU, no QUIC, nothing fetched in the background (component
 * updates, sync, first-run pages) that would wait on the network, and no /dev/shm (small in
 * containers).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  port: number;
  url: string;
  proc: ChildProcess;
  /** Everything code-server printed (for error reports). */
  output: () => string;
  /** Kill the whole process group (idempotent, synchronous: usable from process 'exit'). */
  kill: () => void;
}

/** Temporary XDG folders so code-server writes nothing into the home directory. */
export function tempXdgEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, sub] of [
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_DATA_HOME', 'data'],
    ['XDG_CACHE_HOME', 'cache'],
    ['XDG_STATE_HOME', 'state'],
  ] as const) {
    const dir = path.join(root, sub);
    fs.mkdirSync(dir, { recursive: true });
    env[k] = dir;
  }
  return env;
}

/** Install a VSIX into an extensions folder with code-server's CLI. */
export function installExtension(vsix: string, extensionsDir: string, userDataDir: string, xdgRoot: string): void {
  const entry = findCodeServer();
  const r = spawnSync(
    process.execPath,
    [entry, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    { env: { ...process.env, ...tempXdgEnv(xdgRoot) }, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
}

export interface StartOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Root of the temporary XDG folders. */
  xdgRoot: string;
  /** Extra environment for code-server (and so for its extension host). */
  env?: NodeJS.ProcessEnv;
  locale?: string;
  /** Give up when code-server has not said it listens within this time. */
  startTimeoutMs?: number;
  /** Echo code-server's output as it comes. */
  echo?: (chunk: string) => void;
}

const groups = new Set<number>();
let exitHookInstalled = false;
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone already */
  }
  groups.delete(pid);
}

/** Start code-server in its own process group; resolves when it listens. */
export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const entry = findCodeServer();
  const port = await freePort();
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  const args = [
    entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    opts.userDataDir,
    '--extensions-dir',
    opts.extensionsDir,
    ...(opts.locale ? ['--locale', opts.locale] : []),
  ];
  const proc = spawn(process.execPath, args, {
    detached: true, // own process group: killed as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env, ...tempXdgEnv(opts.xdgRoot) },
  });
  const pid = proc.pid!;
  groups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => [...groups].forEach(killGroup));
  }
  let out = '';
  const kill = (): void => killGroup(pid);
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`code-server did not start listening within ${opts.startTimeoutMs ?? 60_000} ms:\n${out}`));
    }, opts.startTimeoutMs ?? 60_000);
    const onData = (b: Buffer): void => {
      const s = b.toString('utf8');
      out += s;
      opts.echo?.(s);
      if (/HTTP server listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      groups.delete(pid);
      reject(new Error(`code-server exited early (${code ?? signal}):\n${out}`));
    });
  });
  return { port, url, proc, output: () => out, kill };
}

/** Kill every code-server group this process started (also done on process exit). */
export function killAll(): void {
  [...groups].forEach(killGroup);
}
