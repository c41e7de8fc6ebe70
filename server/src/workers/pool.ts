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
//    time, in order (server/src/cli/pipeline/worker.ts). Only the task it is on runs the timer.

import { Worker } from 'node:worker_threads';

export type Failure = { kind: 'timeout'; ms: number } | { kind: 'memory'; mb: number } | { kind: 'crash'; detail: string };

export type TaskResult<T> = { ok: true; value: T; slot: number } | { ok: false; failure: Failure };

export interface PoolOptions {
  size: number;
  script: string;
  workerData: unknown;
  /** Wall-clock limit of one task in ms (0: none). */
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
  affinity: number | null;
  resolve(r: TaskResult<unknown>): void;
  taken?: boolean;
}

interface Slot {
  index: number;
  worker: Worker;
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
      this.slots.push({ index: i, worker: this.spawn(i), tasks: [], timer: null });
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run<T>(message: unknown, options: { affinity?: number | null; transfer?: ArrayBuffer[] } = {}): Promise<TaskResult<T>> {
    return new Promise((resolve) => {
      const affinity = options.affinity ?? null;
      const task: Task = { message, transfer: options.transfer ?? [], affinity, resolve: resolve as Task['resolve'] };
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

  private spawn(index: number): Worker {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
      // The workers' output is the tasks' results; their stdout/stderr are the process's.
      stdout: false,
      stderr: false,
    });
    if (this.options.unref) worker.unref();
    worker.on('message', (reply: unknown) => {
      const slot = this.slots[index];
      if (slot?.worker !== worker || slot.tasks.length === 0) return;
      const crashed = (reply as { crashed?: string })?.crashed;
      this.finish(slot, crashed === undefined ? { ok: true, value: reply, slot: index } : { ok: false, failure: { kind: 'crash', detail: crashed } });
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      const failure: Failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', mb: this.options.maxHeapMb } : { kind: 'crash', detail: String(err.stack ?? err) };
      this.lose(index, worker, failure);
    });
    worker.on('exit', (code) => this.lose(index, worker, { kind: 'crash', detail: `worker exited with code ${code}` }));
    return worker;
  }

  /**
   * A worker died or had to be stopped: the task it was running fails, a fresh worker takes the
   * slot and the tasks queued behind it (never started) are sent to that one.
   */
  private lose(index: number, worker: Worker, failure: Failure): void {
    const slot = this.slots[index];
    if (this.closed || slot.worker !== worker) return;
    void worker.terminate();
    slot.worker = this.spawn(index);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [running, ...waiting] = slot.tasks;
    slot.tasks = [];
    for (const task of waiting) this.send(slot, task);
    running?.resolve({ ok: false, failure });
    this.dispatch();
  }

  private finish(slot: Slot, result: TaskResult<unknown>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const task = slot.tasks.shift()!;
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

  private startTimer(slot: Slot): void {
    const { timeoutMs } = this.options;
    if (timeoutMs > 0) slot.timer = setTimeout(() => this.lose(slot.index, slot.worker, { kind: 'timeout', ms: timeoutMs }), timeoutMs);
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
