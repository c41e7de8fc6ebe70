// A worker thread of the folder pipeline (bundled to server/out/cli-worker.js): identifies and
// checks the batches of files the pool hands it, with the settings of the run as its data, one
// item at a time and in the order they came: the pool sends the next batch before this one is
// done, times each item by the count of items done, and a check may read facts an earlier one kept.

import { parentPort } from 'node:worker_threads';
import { FileWork, type WorkSettings } from './work';
import { misbehaveForTests } from '../../workers/testHooks';
import { type CrashReply, poolWorker } from '../../workers/progress';
import type { Request } from './wire';

const { data, itemDone } = poolWorker<WorkSettings>();
const work = new FileWork(data);

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: Request) => {
  queue = queue.then(async () => parentPort!.postMessage(await handle(request)));
});

/** The outcomes of a batch, in its order; or, when an item threw past its own error handling, a crash. */
async function handle(request: Request): Promise<unknown[] | CrashReply> {
  const out: unknown[] = [];
  try {
    if (request.op === 'identify') {
      for (const file of request.files) {
        misbehaveForTests(file, 'identify');
        out.push(await work.identify(file));
        itemDone();
      }
    } else {
      for (const step of request.steps) {
        misbehaveForTests(step.file, 'check');
        out.push(await work.check(step));
        itemDone();
      }
    }
    return out;
  } catch (err) {
    return { crashed: String((err as Error)?.stack ?? err), done: out.length };
  }
}
