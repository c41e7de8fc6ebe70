// The folder pipeline: read pass → pairing → check pass, over worker threads or in the main thread.
//   1. read pass (workers): each file → Document → Report → ReportFacts;
//   2. pairing (main thread): pairReports over every report's facts → the peers of each report;
//   3. check pass (workers): each file with its peers → its output piece, emitted in the order of
//      the files whatever the number of workers, so the output is the same with --jobs 1 and N.
// One file, or --jobs 1, runs in the main thread (no worker to start), unless a .docx/.pdf is among
// the inputs: those are the files that can hang or explode a library, so they always run in a
// worker under the per-file limits. Commands that need no peers (extract) skip passes 1 and 2.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DeskConfig, pairReports, type PeerReport, type Peers, type ReportFacts } from '../../engine';
import { isBinaryKind } from '../../formats';
import { type InputProblem, kindOfFile } from '../input';
import { needsCheck } from './outputs';
import { type Failure, type TaskResult, WorkerPool } from './pool';
import type { Progress } from './progress';
import { type CheckReply, type ReadReply, wirePeers } from './wire';
import { failedOutcome, type FileOutcome, FileWork, type WorkSettings } from './work';

export interface PipelineOptions {
  files: readonly string[];
  settings: WorkSettings;
  jobs: number;
  fileTimeoutMs: number;
  /** Heap limit of each worker (MB). */
  maxHeapMb?: number;
  desk?: DeskConfig;
  /** Each file's config, an index into settings.configs (none: no config). */
  configIndex?: ReadonlyMap<string, number>;
  /** Files not to check at all (their config has errors), with the reason. */
  refused?: ReadonlyMap<string, InputProblem>;
  progress: Progress | null;
  /** Called once per file, in the order of `files`. */
  emit(outcome: FileOutcome): void;
}

export const DEFAULT_WORKER_HEAP_MB = 1024;

/** Reports kept between the passes: about 32 bytes of heap per character of report text were measured. */
export const CACHE_CHARS = (heapMb: number): number => Math.floor((heapMb * 1024 * 1024) / 3 / 32);

export async function runPipeline(o: PipelineOptions): Promise<void> {
  const pair = needsCheck(o.settings.output) && o.files.length > 1;
  const inWorkers = (o.jobs > 1 && o.files.length > 1) || (o.fileTimeoutMs > 0 && o.files.some((f) => isBinaryKind(kindOfFile(f))));
  if (inWorkers) await inPool(o, pair);
  else await inMainThread(o, pair);
}

/** The main thread alone: no serialisation; Reports kept between the passes as in a worker. */
async function inMainThread(o: PipelineOptions, pair: boolean): Promise<void> {
  const work = new FileWork(o.settings);
  let peers = new Map<string, Peers>();
  const problems = new Map<string, InputProblem>(o.refused ?? []);
  if (pair) {
    o.progress?.start('read', o.files.length);
    const entries: PeerReport[] = [];
    for (const file of o.files) {
      if (problems.has(file)) {
        o.progress?.tick();
        continue;
      }
      const r = await work.read(file);
      if (r.ok) entries.push({ file, facts: r.facts });
      else problems.set(file, r.problem);
      o.progress?.tick();
    }
    peers = pairReports(entries, o.desk);
  }
  o.progress?.start(needsCheck(o.settings.output) ? 'check' : 'extract', o.files.length);
  for (const file of o.files) {
    const problem = problems.get(file);
    const outcome = problem ? failedOutcome(file, problem) : await work.check(file, peers.get(file), o.configIndex?.get(file) ?? null);
    o.progress?.tick();
    o.emit(outcome);
  }
}

async function inPool(o: PipelineOptions, pair: boolean): Promise<void> {
  const maxHeapMb = o.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB;
  const settings: WorkSettings = { ...o.settings, cacheChars: pair ? Math.min(o.settings.cacheChars, CACHE_CHARS(maxHeapMb)) : 0 };
  const pool = new WorkerPool({
    size: Math.min(o.jobs, o.files.length),
    script: workerScript(),
    workerData: settings,
    timeoutMs: o.fileTimeoutMs,
    maxHeapMb,
  });
  try {
    const failed = new Map<string, InputProblem>(o.refused ?? []);
    const affinity = new Map<string, number>();
    const facts = new Map<string, Uint8Array>();
    let peers = new Map<string, Peers>();
    if (pair) {
      o.progress?.start('read', o.files.length);
      const entries: PeerReport[] = [];
      const reads = await Promise.all(
        o.files.map(async (file) => {
          const r = failed.has(file) ? null : await pool.run<ReadReply>({ op: 'read', file });
          o.progress?.tick();
          return r;
        }),
      );
      reads.forEach((r, i) => {
        const file = o.files[i];
        if (r === null) return;
        if (!r.ok) failed.set(file, limitProblem(file, r.failure));
        else if (!r.value.ok) failed.set(file, r.value.problem);
        else {
          entries.push({ file, facts: r.value.head as ReportFacts });
          facts.set(file, r.value.facts);
          if (r.value.cached) affinity.set(file, r.slot);
        }
      });
      peers = pairReports(entries, o.desk);
    }

    o.progress?.start(needsCheck(o.settings.output) ? 'check' : 'extract', o.files.length);
    const ordered = inOrder(o.files.length, o.emit);
    await Promise.all(
      o.files.map(async (file, i) => {
        const problem = failed.get(file);
        let outcome: FileOutcome;
        if (problem) outcome = failedOutcome(file, problem);
        else {
          const message = { op: 'check', file, peers: wirePeers(peers.get(file), (f) => facts.get(f)), config: o.configIndex?.get(file) ?? null };
          const r: TaskResult<CheckReply> = await pool.run<CheckReply>(message, { affinity: affinity.get(file) });
          outcome = r.ok ? r.value : failedOutcome(file, limitProblem(file, r.failure));
        }
        o.progress?.tick();
        ordered(i, outcome);
      }),
    );
  } finally {
    await pool.close();
  }
}

/** Emits outcomes in index order as they arrive out of order. */
function inOrder(count: number, emit: (o: FileOutcome) => void): (index: number, o: FileOutcome) => void {
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  return (index, outcome) => {
    waiting.set(index, outcome);
    while (next < count && waiting.has(next)) {
      emit(waiting.get(next)!);
      waiting.delete(next++);
    }
  };
}

/** A file stopped by the per-file limits, worded for the reviewer. */
export function limitProblem(file: string, f: Failure): InputProblem {
  switch (f.kind) {
    case 'timeout': {
      const s = Math.round(f.ms / 100) / 10;
      return {
        file,
        reason: {
          zh: `读取和检查超过 ${s} 秒，已停止（可用 --file-timeout 调整上限）`,
          en: `reading and checking took longer than ${s} s and was stopped (change the limit with --file-timeout)`,
        },
      };
    }
    case 'memory':
      return { file, reason: { zh: `读取时内存超过上限（${f.mb} MB），已停止`, en: `ran out of memory (the limit is ${f.mb} MB) and was stopped` } };
    case 'crash':
      return { file, reason: { zh: `内部错误：${f.detail}`, en: `internal error: ${f.detail}` } };
  }
}

/** The worker entry: bundled beside the CLI (server/out/cli-worker.js), or compiled beside this file (tests). */
function workerScript(): string {
  const bundled = path.join(__dirname, 'cli-worker.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, 'worker.js');
}
