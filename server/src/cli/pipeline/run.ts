// The folder pipeline: identify pass → plan → check pass, over worker threads or in the main thread.
//   1. identify pass: each file → its Document → its head → organ and year (no table is read);
//   2. plan (main thread, plan.ts): pairing over the identities → each report's peers by file, and
//      the groups of files that read each other's facts, peers first;
//   3. check pass: group by group, each group's files in one place (a worker, or the main thread),
//      so a report's facts are computed once where it is checked and kept only while its group
//      needs them; the outcomes are emitted in the order of the files whatever the number of
//      workers, so the output is the same with --jobs 1 and N.
// One file, or --jobs 1, runs in the main thread (no worker to start), unless a .docx/.pdf is among
// the inputs: those are the files that can hang or explode a library, so they always run in a
// worker under the per-file limits. By default a folder gets one worker per 2,000 files, up to
// the cores (workerCount). Commands that need no peers (extract) skip passes 1 and 2.

import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { DeskConfig, PairingEntry } from '../../engine';
import { isBinaryKind } from '../../formats';
import { type InputProblem, kindOfFile } from '../input';
import { needsCheck } from './outputs';
import { type PeerPlan, planChecks, type Step } from './plan';
import { type Failure, WorkerPool } from '../../workers/pool';
import type { Progress } from './progress';
import type { Request } from './wire';
import { failedOutcome, type FileOutcome, FileWork, type IdentifyOutcome, type WorkSettings } from './work';

export interface PipelineOptions {
  files: readonly string[];
  settings: WorkSettings;
  /** Worker threads (1: the main thread), or 'auto' (workerCount). */
  jobs: number | 'auto';
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

/**
 * A worker's heap limit. Not lower: V8 lets a heap grow by a factor of 4 between full collections
 * only when its limit is 2 GB or more, and by much less below, where a worker spent three times
 * the main thread's time collecting garbage (bench/folder.ts).
 */
export const DEFAULT_WORKER_HEAP_MB = 2048;

/** What the identify pass read, kept for the check pass: a quarter of the heap limit. */
export const KEEP_BYTES = (heapMb: number): number => Math.floor((heapMb * 1024 * 1024) / 4);

/** A step of the check pass as sent: with the index of its file's config. */
type ConfiguredStep = Step & { config: number | null };

/** An outcome, and the worker that produced it (and holds what it kept; null: the main thread). */
interface Placed<T> {
  outcome: T;
  slot: number | null;
}

/** Where the files are identified and checked: the main thread or a pool of workers. */
interface Checker {
  /**
   * Runs of files identified at once, and groups checked at once: enough for every worker to have
   * its queue full while the main thread answers one of them.
   */
  readonly batchesAtOnce: number;
  /** A run of neighbouring files (often one body's years); `run`: its place among the runs. */
  identify(files: readonly string[], run: number): Promise<Placed<IdentifyOutcome>[]>;
  /**
   * Steps of one group, in order; `slot`: the worker that holds the group's facts (null: any).
   * A file stopped by a limit is added to `stopped`, and no step sent after it reads it.
   */
  check(steps: readonly ConfiguredStep[], slot: number | null, stopped: Set<string>): Promise<Placed<FileOutcome>[]>;
  close(): Promise<void>;
}

/**
 * Files a worker must have to pay for itself: each compiles and warms up the engine on its own
 * (about a second of CPU, what a thousand reports cost a warm one), and with 200, 1,000 and 2,000
 * reports two workers took longer than one; with 4,000 as long; with 10,000 less (bench/folder.ts).
 */
export const FILES_PER_WORKER = 2000;

/**
 * The worker threads of a run (0: the main thread): none for a single file or --jobs 1, --jobs N
 * as given, or by default one per FILES_PER_WORKER files, up to the cores, and at least one: in a
 * worker each file is under the per-file limits.
 */
export function workerCount(jobs: number | 'auto', files: number, cores = availableParallelism()): number {
  if (files <= 1 || jobs === 1) return 0;
  if (jobs !== 'auto') return Math.min(jobs, files);
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
}

export async function runPipeline(o: PipelineOptions): Promise<void> {
  const pair = needsCheck(o.settings.output) && o.files.length > 1;
  // A .docx/.pdf is read in a worker whatever --jobs says: those are the files that can hang or
  // explode a library.
  const binary = o.fileTimeoutMs > 0 && o.files.some((f) => isBinaryKind(kindOfFile(f)));
  const size = Math.max(workerCount(o.jobs, o.files.length), binary ? 1 : 0);
  const checker = size > 0 ? poolChecker(o, pair, size) : mainThreadChecker(o.settings, pair);
  try {
    await drive(o, pair, checker);
  } finally {
    await checker.close();
  }
}

async function drive(o: PipelineOptions, pair: boolean, checker: Checker): Promise<void> {
  const failed = new Map<string, InputProblem>(o.refused ?? []);
  const entries: PairingEntry[] = [];
  /** The worker that kept a file read in the identify pass. */
  const keptBy = new Map<string, number>();
  if (pair) {
    o.progress?.start('read', o.files.length);
    const identified = new Array<IdentifyOutcome | null>(o.files.length).fill(null);
    const todo: number[] = [];
    o.files.forEach((file, i) => (failed.has(file) ? o.progress?.tick() : todo.push(i)));
    await forEachLimited(chunks(todo, BATCH), checker.batchesAtOnce, async (run, r) => {
      const placed = await checker.identify(run.map((i) => o.files[i]), r);
      placed.forEach(({ outcome, slot }, k) => {
        const file = o.files[run[k]];
        identified[run[k]] = outcome;
        if (outcome.ok && outcome.cached && slot !== null) keptBy.set(file, slot);
        o.progress?.tick();
      });
    });
    identified.forEach((r, i) => {
      const file = o.files[i];
      if (r === null) return;
      if (r.ok) entries.push({ file, facts: r.identity });
      else failed.set(file, r.problem);
    });
  } else {
    for (const file of o.files) if (!failed.has(file)) entries.push({ file, facts: { organ: null, organKey: null, year: null } });
  }
  const { groups } = planChecks(entries, o.desk, pair);

  o.progress?.start(needsCheck(o.settings.output) ? 'check' : 'extract', o.files.length);
  const index = new Map(o.files.map((f, i) => [f, i]));
  const ordered = inOrder(o.files.length, o.emit);
  for (const [file, problem] of failed) {
    o.progress?.tick();
    ordered(index.get(file)!, failedOutcome(file, problem));
  }
  /** Files a worker was stopped on: no later check reads them as a peer (they would stop it too). */
  const stopped = new Set<string>();
  await forEachLimited(groups, checker.batchesAtOnce, async (group) => {
    // The group starts where most of its files were kept; a large one goes in several batches.
    let slot: number | null = mostCommon(group.map((s) => keptBy.get(s.file)));
    for (const batch of chunks(group, BATCH)) {
      const steps = batch.map((step) => ({ ...step, config: o.configIndex?.get(step.file) ?? null }));
      const placed = await checker.check(steps, slot, stopped);
      placed.forEach(({ outcome, slot: s }, k) => {
        if (s !== null) slot = s;
        o.progress?.tick();
        ordered(index.get(steps[k].file)!, outcome);
      });
    }
  });
}

/**
 * Files in one message to a worker: a run of neighbours (a body's reports of several years usually
 * sit together), or a group's checks. Each message wakes the other thread: few and full.
 */
const BATCH = 32;

/**
 * Batches sent to a worker at once: with one, a worker that answered waits idle until the main
 * thread (busy writing output, sharing the cores with the workers) sends the next.
 */
const QUEUED_PER_WORKER = 2;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function mostCommon(slots: readonly (number | undefined)[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  for (const s of slots) {
    if (s === undefined) continue;
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (best === null || n > counts.get(best)!) best = s;
  }
  return best;
}

function withoutStopped(peers: PeerPlan, stopped: ReadonlySet<string>): PeerPlan {
  if (stopped.size === 0) return peers;
  const out: PeerPlan = { ...peers };
  if (out.previous !== undefined && stopped.has(out.previous)) delete out.previous;
  if (out.members) out.members = out.members.filter((m) => !stopped.has(m));
  return out;
}

/** Runs `fn` over the items with at most `limit` running at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** The main thread alone: one file at a time, no serialisation. */
function mainThreadChecker(settings: WorkSettings, pair: boolean): Checker {
  const work = new FileWork({ ...settings, keepBytes: pair ? settings.keepBytes : 0 });
  return {
    batchesAtOnce: 1,
    async identify(files) {
      const out: Placed<IdentifyOutcome>[] = [];
      for (const file of files) out.push({ outcome: await work.identify(file), slot: null });
      return out;
    },
    async check(steps) {
      const out: Placed<FileOutcome>[] = [];
      for (const step of steps) out.push({ outcome: await work.check(step), slot: null });
      return out;
    },
    close: async () => undefined,
  };
}

function poolChecker(o: PipelineOptions, pair: boolean, size: number): Checker {
  const maxHeapMb = o.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB;
  const settings: WorkSettings = { ...o.settings, keepBytes: pair ? Math.min(o.settings.keepBytes, KEEP_BYTES(maxHeapMb)) : 0 };
  const pool = new WorkerPool({
    size,
    script: workerScript(),
    workerData: settings,
    timeoutMs: o.fileTimeoutMs,
    maxHeapMb,
    depth: QUEUED_PER_WORKER,
  });
  /**
   * The items of a batch through the pool: when a worker is stopped on one (a limit), that one
   * fails and the others go again (those done before it were lost with the worker).
   */
  async function throughPool<I, T>(
    items: readonly I[],
    affinity: number | null,
    request: (items: I[]) => Request,
    failure: (item: I, f: Failure) => T,
  ): Promise<Placed<T>[]> {
    const out = new Array<Placed<T>>(items.length);
    let rest = items.map((_, k) => k);
    while (rest.length > 0) {
      const r = await pool.run<T[]>(request(rest.map((k) => items[k])), { affinity, items: rest.length });
      if (r.ok) {
        r.value.forEach((outcome, j) => (out[rest[j]] = { outcome, slot: r.slot }));
        break;
      }
      const k = rest[r.done];
      out[k] = { outcome: failure(items[k], r.failure), slot: null };
      rest = rest.filter((x) => x !== k);
    }
    return out;
  }
  return {
    batchesAtOnce: pool.size * (QUEUED_PER_WORKER + 1),
    identify: (files, run) =>
      throughPool<string, IdentifyOutcome>(
        files,
        run % pool.size,
        (batch) => ({ op: 'identify', files: batch }),
        (file, f) => ({ ok: false, problem: limitProblem(file, f) }),
      ),
    check: (steps, slot, stopped) =>
      throughPool<ConfiguredStep, FileOutcome>(
        steps,
        slot,
        // Sent again after a stop, the steps no longer read the file it was stopped on.
        (batch) => ({ op: 'check', steps: batch.map((step) => ({ ...step, peers: withoutStopped(step.peers, stopped) })) }),
        (step, f) => {
          stopped.add(step.file);
          return failedOutcome(step.file, limitProblem(step.file, f));
        },
      ),
    close: () => pool.close(),
  };
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
