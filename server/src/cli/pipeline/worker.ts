// A worker thread of the folder pipeline (bundled to server/out/cli-worker.js): identifies and
// checks the files the pool hands it, one at a time, with the settings of the run as workerData.

import { parentPort, workerData } from 'node:worker_threads';
import { FileWork, type WorkSettings } from './work';
import { misbehaveForTests } from './testHooks';
import type { Request } from './wire';

const work = new FileWork(workerData as WorkSettings);

parentPort!.on('message', (request: Request) => {
  void handle(request).then(
    (reply) => parentPort!.postMessage(reply),
    (err) => parentPort!.postMessage({ crashed: String((err as Error)?.stack ?? err) }),
  );
});

async function handle(request: Request): Promise<unknown> {
  misbehaveForTests(request.file, request.op);
  return request.op === 'identify' ? work.identify(request.file) : work.check(request);
}
