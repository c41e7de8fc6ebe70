// A worker thread of the folder pipeline (bundled to server/out/cli-worker.js): reads and checks
// the files the pool hands it, one at a time, with the settings of the run as workerData.

import { parentPort, workerData } from 'node:worker_threads';
import { FileWork, type WorkSettings } from './work';
import { misbehaveForTests } from './testHooks';
import { encodeFacts, headOf, peersOf, type ReadReply, type Request } from './wire';

const work = new FileWork(workerData as WorkSettings);

parentPort!.on('message', (request: Request) => {
  void handle(request).then(
    ([reply, transfer]) => parentPort!.postMessage(reply, transfer),
    (err) => parentPort!.postMessage({ crashed: String((err as Error)?.stack ?? err) }),
  );
});

async function handle(request: Request): Promise<[unknown, ArrayBuffer[]]> {
  misbehaveForTests(request.file);
  if (request.op === 'read') {
    const r = await work.read(request.file);
    if (!r.ok) return [r, []];
    const facts = encodeFacts(r.facts);
    const reply: ReadReply = { ok: true, head: headOf(r.facts), facts, cached: r.cached };
    return [reply, [facts.buffer as ArrayBuffer]];
  }
  return [await work.check(request.file, peersOf(request.peers), request.config), []];
}
