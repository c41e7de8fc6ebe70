// Where the engine spends its time: CPU-profile repeated checks of a generated input (node:inspector,
// the same profiler as `node --cpu-prof`) and list self time per function.
//   node esbuild.mjs && npx tsc -p . && node out/bench/profile.js [bytes] [iterations] [mixed|prose|concatenated|seed]
// (seed: the first seed report as it is, whatever bytes says)
// Writes out/bench/engine.cpuprofile (open it in Chrome DevTools or VS Code).
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { check } from '../server/src/engine';
import { seedTexts, wholeReports } from './engine';
import { concatenatedReports, generateProse, generateReport } from './generate';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SEEDS_DIR = process.env.DISCLOSURE_SEEDS ?? path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(s: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function main(): Promise<void> {
  const bytes = Number(process.argv[2] ?? 1_000_000);
  const iterations = Number(process.argv[3] ?? 20);
  const kind = process.argv[4] ?? 'mixed';
  const text =
    kind === 'seed' ? seedTexts(SEEDS_DIR)[0].text
    : kind === 'prose' ? generateProse(REPO_ROOT, bytes)
    : kind === 'concatenated' ? concatenatedReports(wholeReports(REPO_ROOT, SEEDS_DIR), bytes)
    : generateReport(REPO_ROOT, bytes);
  for (let i = 0; i < 5; i++) check(text); // warm-up: profile optimised code
  const s = new inspector.Session();
  s.connect();
  await post(s, 'Profiler.enable');
  await post(s, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(s, 'Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) check(text);
  const ms = (performance.now() - t0) / iterations;
  const { profile } = await post<{ profile: Profile }>(s, 'Profiler.stop');
  fs.mkdirSync(path.join(REPO_ROOT, 'out', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(REPO_ROOT, 'out', 'bench', 'engine.cpuprofile'), JSON.stringify(profile));

  // Self time per node from the samples and their time deltas.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const t = self.get(n.id) ?? 0;
    total += t;
    const file = n.callFrame.url ? path.relative(REPO_ROOT, n.callFrame.url.replace(/^file:\/\//, '')) : `(${n.callFrame.functionName || 'native'})`;
    const key = `${file}:${n.callFrame.lineNumber + 1} ${n.callFrame.functionName || '(anonymous)'}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byFile.set(file, (byFile.get(file) ?? 0) + t);
  }
  const top = (m: Map<string, number>, k: number): string =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  process.stdout.write(`check of ${bytes} bytes (${kind}): ${ms.toFixed(1)} ms per check over ${iterations} checks\n\n`);
  process.stdout.write(`self time by function (line numbers are of the compiled out/ files):\n${top(byFn, 25)}\n\n`);
  process.stdout.write(`self time by file:\n${top(byFile, 15)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
