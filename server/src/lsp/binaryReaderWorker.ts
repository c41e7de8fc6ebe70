// The worker thread the language server reads .docx/.pdf files in (bundled to
// server/out/report-reader.js): one file at a time, answered as plain data (BinaryReading), so a
// file that makes a format library loop or hoard memory can be stopped from outside.

import { parentPort } from 'node:worker_threads';
import { type BinaryKind, readBinary } from '../formats';
import type { PdfOptions } from '../formats/pdf';

export interface BinaryRequest {
  file: string;
  kind: BinaryKind;
  bytes: Uint8Array;
  options: PdfOptions;
}

// Test hook (the protocol tests only): a file whose name contains the given text hangs here, as a
// PDF library stuck in a loop would.
const hangOn = process.env.DISCLOSURE_REPORT_TEST_HANG;

parentPort!.on('message', (request: BinaryRequest) => {
  if (hangOn && request.file.includes(hangOn)) for (;;);
  void readBinary(request.bytes, request.kind, request.options).then(
    (reading) => parentPort!.postMessage(reading),
    (err) => parentPort!.postMessage({ crashed: String((err as Error)?.stack ?? err) }),
  );
});
