// The worker pool with tasks queued ahead (depth 2) and batches: answers in order, the timer runs
// for the item a worker is on (not for the task waiting behind it, nor for the batch as a whole),
// a task queued behind one that hangs is run by the fresh worker that replaces the stopped one, and
// a batch stopped on an item says how many were done before it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TaskResult, WorkerPool } from '../../server/src/workers/pool';
import { tempDir } from './helpers';

// A worker that runs its messages one at a time, in order, as the pipeline's does: each item of
// a message sleeps `ms`, hangs, or crashes (answered as such), and is counted done; then it
// answers with the message's id and the thread it ran on.
const WORKER = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    let done = 0;
    for (const item of m.items ?? [m]) {
      if (item.crash) return parentPort.postMessage({ crashed: 'boom', done });
      if (item.hang) for (;;);
      await new Promise((r) => setTimeout(r, item.ms ?? 0));
      Atomics.add(workerData.progress, 0, 1);
      done++;
    }
    parentPort.postMessage({ id: m.id, thread: threadId });
  });
});
`;

interface Reply {
  id: number;
  thread: number;
}

describe('worker pool: tasks queued ahead', function () {
  this.timeout(60_000);
  let script: string;
  before(() => {
    script = path.join(tempDir('dr-pool-'), 'worker.js');
    fs.writeFileSync(script, WORKER);
  });

  const pool = (timeoutMs: number): WorkerPool => new WorkerPool({ size: 1, script, workerData: null, timeoutMs, maxHeapMb: 256, depth: 2 });

  it('answers every task with its own reply, in the order sent', async () => {
    const p = pool(0);
    try {
      const results = await Promise.all([0, 1, 2, 3, 4].map((id) => p.run<Reply>({ id, ms: 5 })));
      assert.deepEqual(
        results.map((r) => (r.ok ? r.value.id : -1)),
        [0, 1, 2, 3, 4],
      );
    } finally {
      await p.close();
    }
  });

  it('times the task being run: a second task of 1 s under a 1.5 s limit is not stopped for the first one’s second', async () => {
    const p = pool(1500);
    try {
      const [a, b] = await Promise.all([p.run<Reply>({ id: 0, ms: 1000 }), p.run<Reply>({ id: 1, ms: 1000 })]);
      assert.ok(a.ok && b.ok, `both done: ${JSON.stringify([a, b])}`);
    } finally {
      await p.close();
    }
  });

  it('a task queued behind one that hangs runs on the fresh worker; the hanging one fails with a timeout', async () => {
    const p = pool(800);
    try {
      const [hung, next, last] = await Promise.all([p.run<Reply>({ id: 0, hang: true }), p.run<Reply>({ id: 1 }), p.run<Reply>({ id: 2 })]);
      assert.deepEqual(hung, { ok: false, failure: { kind: 'timeout', ms: 800 }, done: 0 } satisfies TaskResult<Reply>);
      assert.ok(next.ok && last.ok, `the others done: ${JSON.stringify([next, last])}`);
      assert.equal(next.value.id, 1);
      assert.equal(last.value.id, 2);
      assert.equal(next.value.thread, last.value.thread, 'both on the replacement worker');
    } finally {
      await p.close();
    }
  });

  it('times each item of a batch: three items of 1 s under a 1.5 s limit are done', async () => {
    const p = pool(1500);
    try {
      const r = await p.run<Reply>({ id: 0, items: [{ ms: 1000 }, { ms: 1000 }, { ms: 1000 }] }, { items: 3 });
      assert.ok(r.ok, JSON.stringify(r));
    } finally {
      await p.close();
    }
  });

  it('a batch stopped on its third item fails with the two before it counted done', async () => {
    const p = pool(800);
    try {
      const r = await p.run<Reply>({ id: 0, items: [{ ms: 10 }, { ms: 10 }, { hang: true }, { ms: 10 }] }, { items: 4 });
      assert.deepEqual(r, { ok: false, failure: { kind: 'timeout', ms: 800 }, done: 2 } satisfies TaskResult<Reply>);
    } finally {
      await p.close();
    }
  });

  it('a batch answered with a crash fails with the items the worker said it finished; the next task runs on a fresh worker', async () => {
    const p = pool(0);
    try {
      const before = await p.run<Reply>({ id: 0 });
      const [crashed, after] = await Promise.all([p.run<Reply>({ id: 1, items: [{ ms: 1 }, { crash: true }, { ms: 1 }] }, { items: 3 }), p.run<Reply>({ id: 2 })]);
      assert.deepEqual(crashed, { ok: false, failure: { kind: 'crash', detail: 'boom' }, done: 1 } satisfies TaskResult<Reply>);
      assert.ok(before.ok && after.ok, JSON.stringify([before, after]));
      assert.notEqual(after.value.thread, before.value.thread, 'a fresh worker');
    } finally {
      await p.close();
    }
  });
});
