// The language server over a real JSON-RPC connection: the bundled server process
// (node server/out/server.js --stdio), driven by the protocol tests' client (test/protocol/harness).
import * as fs from 'node:fs';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { freshUri, TestClient } from '../test/protocol/harness';
import type { Figure } from './figures';
import { rng } from '../test/support/random';
import { percentile, summarize } from './stats';

interface DiagReport {
  kind: string;
  resultId?: string;
  items?: unknown[];
}

/** VmRSS of a process in bytes (Linux), or null. */
export function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Pull diagnostics and make sure they are for the given version (the resultId starts with it). */
async function pull(c: TestClient, uri: string, version: number): Promise<DiagReport> {
  const r = await c.request<DiagReport>('textDocument/diagnostic', { textDocument: { uri } });
  if (r.kind !== 'full' || !r.resultId?.startsWith(`${version}:`)) {
    throw new Error(`diagnostics for ${uri}: expected a full report of version ${version}, got ${r.kind} ${r.resultId}`);
  }
  return r;
}

/** A one-character edit: insert a digit at a random offset, or remove the digit inserted last. */
function oneCharEdit(c: TestClient, uri: string, r: () => number, state: { at: number | null }): TextDocumentContentChangeEvent {
  const doc = c.docs.get(uri)!;
  if (state.at !== null) {
    const at = state.at;
    state.at = null;
    return { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '' };
  }
  const text = doc.getText();
  let at = Math.floor(r() * text.length);
  const prev = text.charCodeAt(at - 1);
  if (prev >= 0xd800 && prev <= 0xdbff) at++; // never between the halves of a surrogate pair
  state.at = at;
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: String(Math.floor(r() * 10)) };
}

/** RSS of a bare node process that has done nothing: the floor under the server's figure. */
export async function nodeBaselineRss(): Promise<Figure | null> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'] });
  await new Promise((r) => setTimeout(r, 300)); // let it finish starting (a reading, not a wait for an event under test)
  const rss = rssOf(child.pid);
  child.kill();
  return rss === null ? null : { group: 'lsp', name: 'bare node process RSS (for comparison)', value: rss / 1e6, unit: 'MB', note: 'node -e "process.stdin.resume()"' };
}

export async function coldStart(seedText: string, runs: number): Promise<Figure> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c = await TestClient.start({ locale: 'zh-CN', settings: {} });
    const uri = freshUri('cold');
    c.open(uri, seedText);
    await pull(c, uri, 1);
    xs.push(performance.now() - t0);
    await c.stop();
  }
  const s = summarize(xs);
  return { group: 'lsp', name: 'cold start to first diagnostics (seed 000)', value: s.median, unit: 'ms', min: s.min, max: s.max, runs: s.runs, note: 'spawn + initialize + didOpen + textDocument/diagnostic' };
}

export async function editLatency(c: TestClient, text: string, label: string, edits: number, warmup: number, target?: { ms: number; text: string }): Promise<Figure[]> {
  const uri = freshUri('edit');
  const doc = c.open(uri, text);
  await pull(c, uri, 1);
  const r = rng(11);
  const state = { at: null as number | null };
  const xs: number[] = [];
  for (let i = 0; i < warmup + edits; i++) {
    const change = oneCharEdit(c, uri, r, state);
    const t0 = performance.now();
    c.change(uri, [change]);
    await pull(c, uri, doc.version);
    if (i >= warmup) xs.push(performance.now() - t0);
  }
  c.close(uri);
  const s = summarize(xs);
  const p95 = percentile(xs, 95);
  return [
    { group: 'lsp', name: `edit → fresh diagnostics p50, ${label}`, value: percentile(xs, 50), unit: 'ms', min: s.min, max: s.max, runs: s.runs },
    { group: 'lsp', name: `edit → fresh diagnostics p95, ${label}`, value: p95, unit: 'ms', min: s.min, max: s.max, runs: s.runs, ...(target ? { target: target.text, meets: p95 < target.ms } : {}) },
  ];
}

export async function memory(texts: string[], docs: number, edits: number): Promise<Figure[]> {
  const c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  const out: Figure[] = [];
  const pid = c.proc.pid;
  const stats = (): Promise<{ heapUsed: number; documents: number }> => c.request('disclosureReport/stats', null);
  try {
    const idle = rssOf(pid);
    if (idle !== null) out.push({ group: 'lsp', name: 'server RSS, idle after initialize', value: idle / 1e6, unit: 'MB', note: 'VmRSS' });
    const st0 = await stats();
    out.push({ group: 'lsp', name: 'server JS heap used, idle after initialize', value: st0.heapUsed / 1e6, unit: 'MB', note: 'disclosureReport/stats' });
    const uris: string[] = [];
    let one: number | null = null;
    for (let i = 0; i < docs; i++) {
      const uri = freshUri(`mem${i}`);
      // Each document distinct: a base text with its own number at the end.
      c.open(uri, `${texts[i % texts.length]}\n（文档 ${i}）\n`);
      uris.push(uri);
      await pull(c, uri, 1);
      // After the first report: what running the engine at all costs (compiled code, regexes),
      // apart from what each further report holds.
      if (i === 0) one = rssOf(pid);
    }
    if (one !== null && idle !== null) out.push({ group: 'lsp', name: 'server RSS growth, 1 report open − idle', value: (one - idle) / 1e6, unit: 'MB', note: 'VmRSS difference: the engine warmed up once' });
    const open = rssOf(pid);
    const st1 = await stats();
    if (st1.documents !== docs) throw new Error(`server holds ${st1.documents} documents, expected ${docs}`);
    if (open !== null) out.push({ group: 'lsp', name: `server RSS, ${docs} reports open and checked`, value: open / 1e6, unit: 'MB', note: 'VmRSS' });
    if (open !== null && idle !== null) {
      const grew = (open - idle) / 1e6;
      out.push({ group: 'lsp', name: `server RSS growth, ${docs} reports open − idle`, value: grew, unit: 'MB', target: '≤ 8 MB', meets: grew <= 8, note: 'VmRSS difference' });
    }
    out.push({ group: 'lsp', name: `server JS heap used, ${docs} reports open`, value: st1.heapUsed / 1e6, unit: 'MB', note: 'disclosureReport/stats' });
    const r = rng(5);
    const states = uris.map(() => ({ at: null as number | null }));
    for (let i = 0; i < edits; i++) {
      const k = Math.floor(r() * uris.length);
      c.change(uris[k], [oneCharEdit(c, uris[k], r, states[k])]);
      if (i % 10 === 9) await pull(c, uris[k], c.docs.get(uris[k])!.version);
    }
    for (const uri of uris) await pull(c, uri, c.docs.get(uri)!.version);
    const after = rssOf(pid);
    const st2 = await stats();
    if (after !== null) out.push({ group: 'lsp', name: `server RSS, after ${edits} edits (every 10th pulled)`, value: after / 1e6, unit: 'MB', note: 'VmRSS' });
    out.push({ group: 'lsp', name: `server JS heap used, after ${edits} edits`, value: st2.heapUsed / 1e6, unit: 'MB', note: 'disclosureReport/stats' });
  } finally {
    await c.stop();
  }
  return out;
}
