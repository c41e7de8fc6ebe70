// The worker's side of the pool (./pool.ts): its workerData is the pool user's data with a
// counter in shared memory, to which the worker adds one for each item of a task it finished.
// That is how the pool times each item of a batch without a message per item. A worker that
// cannot answer a task answers a CrashReply instead (and is replaced).

import { workerData } from 'node:worker_threads';

export interface PoolWorkerData<T = unknown> {
  data: T;
  progress: Int32Array;
}

/** The answer to a task the worker failed on: what went wrong, and its items finished before (if known). */
export interface CrashReply {
  crashed: string;
  done?: number;
}

/** In a pool's worker: the data its pool was given, and the call that counts an item done. */
export function poolWorker<T>(): { data: T; itemDone(): void } {
  const { data, progress } = workerData as PoolWorkerData<T>;
  return { data, itemDone: () => void Atomics.add(progress, 0, 1) };
}
