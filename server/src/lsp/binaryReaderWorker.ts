// The worker thread the language server reads .docx/.pdf files in (bundled to
// server/out/report-reader.js): one file at a time, answered as plain data (BinaryReading), so a
// file that makes a format library loop or hoard memory can be stopped from outside.

import { parentPort } from 'node:worker_threads';
import { type BinaryKind, readBinary } from '../formats';
import type { PdfOptions } from '../formats/pdf';
import { misbehaveForTests } from '../workers/testHooks';

export interface BinaryRequest {
  file: string;
  kind: BinaryKind;
  bytes: Uint8Array;
  options: PdfOptions;
}

parentPort!.on('message', (request: BinaryRequest) => {
  misbehaveForTests(request.file);
  void readBinary(request.bytes, request.kind, request.options).then(
    (reading) => parentPort!.postMessage(reading),
    (err) => parentPort!.postMessage({ crashed: String((err as Error)?.stack ?? err) }),
  );
});
