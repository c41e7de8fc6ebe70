// A worker thread of the folder pipeline (bundled to server/out/cli-worker.js): identifies and
// checks the files the pool hands it with the settings of the run as workerData, one at a time
// and in the order they came: the pool sends the next before this one is done (its timer runs
// for the first task it has not answered), and a check may read facts an earlier one kept.

import { parentPort, workerData } from 'node:worker_threads';
import { FileWork, type WorkSettings } from './work';
import { misbehaveForTests } from '../../workers/testHooks';
import type { Request } from './wire';

const work = new FileWork(workerData as WorkSettings);

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: Request) => {
  queue = queue.then(() =>
    handle(request).then(
      (reply) => parentPort!.postMessage(reply),
      (err) => parentPort!.postMessage({ crashed: String((err as Error)?.stack ?? err) }),
    ),
  );
});

async function handle(request: Request): Promise<unknown> {
  misbehaveForTests(request.file, request.op);
  return request.op === 'identify' ? work.identify(request.file) : work.check(request);
}
