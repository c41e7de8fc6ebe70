// A small pool of worker threads (node:worker_threads), shared by the CLI's folder pipeline and the
// language server's .docx/.pdf reader, with what a folder of untrusted files needs and general
// pools do not give together:
//  - a hard limit per task: a wall-clock timer, and a heap limit (resourceLimits) per worker; a
//    worker over either is terminated and replaced, its task comes back as a failure, the others go on;
//  - affinity: a task can ask for the worker that holds what it needs (the file it read before,
//    the facts of its group), and goes to another only when that one is busy and the others have
//    nothing else to do;
//  - tasks queued ahead (`depth`): a worker that finishes one task has the next in its own message
//    queue instead of waiting for the main thread to answer; it must handle its messages one at a
//    time, in order (server/src/cli/pipeline/worker.ts). Only the task it is on runs the timer;
//  - batches: a task may hold several items (files), so a folder costs a few hundred messages, not
//    two per file (each wakes the other thread, on a machine whose cores are all busy). The worker
//    counts each item done on a shared counter (./progress.ts): the limit is per item, and a
//    failure says how many items of the task were done before the one that was stopped.

import { Worker } from 'node:worker_threads';
import type { CrashReply, PoolWorkerData } from './progress';

export type Failure = { kind: 'timeout'; ms: number } | { kind: 'memory'; mb: number } | { kind: 'crash'; detail: string };

/** A failed task: `done` items of it were finished before the one that failed (their results are lost). */
export type TaskResult<T> = { ok: true; value: T; slot: number } | { ok: false; failure: Failure; done: number };

export interface PoolOptions {
  size: number;
  script: string;
  workerData: unknown;
  /** Wall-clock limit of one item of a task in ms (0: none). */
  timeoutMs: number;
  /** Old-generation heap limit of each worker. */
  maxHeapMb: number;
  /** Idle workers do not keep the process alive (a running task's timer does). */
  unref?: boolean;
  /** Tasks sent to a worker at once (default 1); the first is the one it runs. */
  depth?: number;
}

interface Task {
  message: unknown;
  transfer: ArrayBuffer[];
  /** Items in the task (the worker counts each one done). */
  items: number;
  affinity: number | null;
  resolve(r: TaskResult<unknown>): void;
  taken?: boolean;
}

interface Slot {
  index: number;
  worker: Worker;
  /** Items the worker has done since it started (it adds one per item; shared memory). */
  progress: Int32Array;
  /** Items of the tasks it answered: what `progress` stood at when the running task began. */
  answered: number;
  /** Sent to the worker, in the order it runs them: the first is running, under the timer. */
  tasks: Task[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** A FIFO of tasks with O(1) take; tasks taken from elsewhere (stolen) are skipped. */
class Queue {
  private items: Task[] = [];
  private head = 0;
  push(t: Task): void {
    this.items.push(t);
  }
  take(): Task | null {
    while (this.head < this.items.length) {
      const t = this.items[this.head++];
      if (!t.taken) {
        if (this.head > 1024 && this.head * 2 > this.items.length) {
          this.items = this.items.slice(this.head);
          this.head = 0;
        }
        return t;
      }
    }
    return null;
  }
  get length(): number {
    return this.items.length - this.head;
  }
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly shared = new Queue();
  private readonly own: Queue[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) {
      this.own.push(new Queue());
      this.slots.push({ index: i, ...this.spawn(i), answered: 0, tasks: [], timer: null });
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** `items`: how many items the task holds (default 1), each under the time limit. */
  run<T>(message: unknown, options: { affinity?: number | null; transfer?: ArrayBuffer[]; items?: number } = {}): Promise<TaskResult<T>> {
    return new Promise((resolve) => {
      const affinity = options.affinity ?? null;
      const task: Task = { message, transfer: options.transfer ?? [], items: Math.max(1, options.items ?? 1), affinity, resolve: resolve as Task['resolve'] };
      if (affinity !== null && affinity < this.slots.length) this.own[affinity].push(task);
      else this.shared.push(task);
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still queued are left unresolved (call it once all are done). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** A fresh worker for slot `index`, with its own progress counter. */
  private spawn(index: number): { worker: Worker; progress: Int32Array } {
    const progress = new Int32Array(new SharedArrayBuffer(4));
    const data: PoolWorkerData = { data: this.options.workerData, progress };
    const worker = new Worker(this.options.script, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
      // The workers' output is the tasks' results; their stdout/stderr are the process's.
      stdout: false,
      stderr: false,
    });
    if (this.options.unref) worker.unref();
    worker.on('message', (reply: unknown) => {
      const slot = this.slots[index];
      if (slot?.worker !== worker || slot.tasks.length === 0) return;
      const crash = reply as Partial<CrashReply> | null;
      // A worker that threw outside its items' own error handling is not trusted with more.
      if (typeof crash?.crashed === 'string') this.lose(index, worker, { kind: 'crash', detail: crash.crashed }, crash.done);
      else this.finish(slot, { ok: true, value: reply, slot: index });
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      const failure: Failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', mb: this.options.maxHeapMb } : { kind: 'crash', detail: String(err.stack ?? err) };
      this.lose(index, worker, failure);
    });
    worker.on('exit', (code) => this.lose(index, worker, { kind: 'crash', detail: `worker exited with code ${code}` }));
    return { worker, progress };
  }

  /** Items of the running task done so far. */
  private done(slot: Slot): number {
    const running = slot.tasks[0];
    return Math.max(0, Math.min(Atomics.load(slot.progress, 0) - slot.answered, (running?.items ?? 1) - 1));
  }

  /**
   * A worker died, had to be stopped or answered with a crash: the task it was running fails
   * (`done`: its items finished, when the worker said so), a fresh worker takes the slot and the
   * tasks queued behind it (never started) are sent to that one.
   */
  private lose(index: number, worker: Worker, failure: Failure, done = this.done(this.slots[index])): void {
    const slot = this.slots[index];
    if (this.closed || slot.worker !== worker) return;
    void worker.terminate();
    Object.assign(slot, this.spawn(index), { answered: 0 });
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [running, ...waiting] = slot.tasks;
    slot.tasks = [];
    for (const task of waiting) this.send(slot, task);
    running?.resolve({ ok: false, failure, done });
    this.dispatch();
  }

  private finish(slot: Slot, result: TaskResult<unknown>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const task = slot.tasks.shift()!;
    slot.answered += task.items;
    // The worker went on with the next task the moment it answered this one.
    if (slot.tasks.length > 0) this.startTimer(slot);
    task.resolve(result);
    this.dispatch();
  }

  private dispatch(): void {
    const depth = Math.max(1, this.options.depth ?? 1);
    for (const slot of this.slots) {
      while (slot.tasks.length < depth) {
        // An idle worker may take another worker's task; one that is busy only queues its own or anyone's.
        const task = this.next(slot.index, slot.tasks.length === 0);
        if (!task) break;
        task.taken = true;
        this.send(slot, task);
      }
    }
  }

  private send(slot: Slot, task: Task): void {
    slot.tasks.push(task);
    if (slot.tasks.length === 1) this.startTimer(slot);
    slot.worker.postMessage(task.message, task.transfer);
  }

  /** The running task's clock: it stops the worker when no item was done for the limit. */
  private startTimer(slot: Slot): void {
    const { timeoutMs } = this.options;
    if (timeoutMs <= 0) return;
    let seen = Atomics.load(slot.progress, 0);
    let movedAt = performance.now();
    // Looked at four times per limit: an item that ends is seen within a quarter of it.
    const look = (): void => {
      const now = performance.now();
      const progress = Atomics.load(slot.progress, 0);
      if (progress !== seen) {
        seen = progress;
        movedAt = now;
      }
      const left = movedAt + timeoutMs - now;
      if (left <= 0) this.lose(slot.index, slot.worker, { kind: 'timeout', ms: timeoutMs });
      else slot.timer = setTimeout(look, Math.min(left, timeoutMs / 4));
    };
    slot.timer = setTimeout(look, timeoutMs / 4);
  }

  /** Its own tasks first, then anyone's, then (`steal`) another worker's (which re-reads the file). */
  private next(index: number, steal: boolean): Task | null {
    const mine = this.own[index].take() ?? this.shared.take();
    if (mine || !steal) return mine;
    let longest: Queue | null = null;
    for (const q of this.own) if (q.length > 0 && (!longest || q.length > longest.length)) longest = q;
    return longest?.take() ?? null;
  }
}
