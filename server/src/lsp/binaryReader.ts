// .docx/.pdf files are read off the server's thread, in a worker (node:worker_threads) with a heap
// limit and a wall-clock limit: a file that makes pdf.js loop, or a zip bomb, costs one worker
// (terminated and replaced), not the language server. The worker is kept while it is healthy
// (starting one costs about half a second) and stopped after a while without reads; it never keeps
// the process alive.
// What crosses the thread is plain data (formats/BinaryReading); the Document, whose origin lookup
// is a function, is made here. Text files (.txt/.md/.html) are fast and bounded: read in place.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../engine';
import { type Failure, WorkerPool } from '../workers/pool';
import { type BinaryKind, type BinaryReading, binaryDocument, type ReadResult } from '../formats';
import type { PdfOptions } from '../formats/pdf';
import type { BinaryRequest } from './binaryReaderWorker';

export interface BinaryReaderLimits {
  /** Wall-clock limit of one read. */
  timeoutMs: number;
  /** Old-generation heap limit of the worker. */
  maxHeapMb: number;
  /** The worker is stopped after this long without a read. */
  idleMs: number;
}

export const DEFAULT_READER_LIMITS: BinaryReaderLimits = { timeoutMs: 60_000, maxHeapMb: 512, idleMs: 5 * 60_000 };

/** Test hooks: a shorter wall-clock limit (ms) and a smaller heap (MB), so the protocol tests see them hit quickly. */
const TEST_LIMITS: Partial<BinaryReaderLimits> = {
  ...(Number(process.env.DISCLOSURE_REPORT_TEST_READ_TIMEOUT_MS) > 0 ? { timeoutMs: Number(process.env.DISCLOSURE_REPORT_TEST_READ_TIMEOUT_MS) } : {}),
  ...(Number(process.env.DISCLOSURE_REPORT_TEST_READ_HEAP_MB) > 0 ? { maxHeapMb: Number(process.env.DISCLOSURE_REPORT_TEST_READ_HEAP_MB) } : {}),
};

/** Why a read in the worker gave up, in the words shown for any file that cannot be read. */
export function failureReason(failure: Failure): Localized {
  switch (failure.kind) {
    case 'timeout': {
      const s = Math.round(failure.ms / 100) / 10;
      return { zh: `读取超时（超过 ${s} 秒），已放弃`, en: `reading took too long (over ${s} s) and was given up` };
    }
    case 'memory':
      return { zh: `读取时内存超过 ${failure.mb} MB，已放弃`, en: `reading needed more than ${failure.mb} MB of memory and was given up` };
    case 'crash':
      return { zh: '读取文件时出错，已放弃', en: 'reading the file failed and was given up' };
  }
}

/** The worker entry: bundled beside the server (server/out/report-reader.js), or compiled beside this file (tests). */
function workerScript(): string {
  const bundled = path.join(__dirname, 'report-reader.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, 'binaryReaderWorker.js');
}

export class BinaryReader {
  private pool: WorkerPool | null = null;
  private running = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly limits: BinaryReaderLimits;

  constructor(limits: Partial<BinaryReaderLimits> = {}) {
    this.limits = { ...DEFAULT_READER_LIMITS, ...limits, ...TEST_LIMITS };
  }

  /** The Document of a .docx/.pdf file's bytes, or a reason (a timeout or memory limit included). Never throws. */
  async read(bytes: Uint8Array, file: string, kind: BinaryKind, options: PdfOptions = {}): Promise<ReadResult> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.running++;
    try {
      // A copy of the bytes is handed over (transferred, not cloned): the caller keeps its buffer.
      const copy = new Uint8Array(bytes);
      const request: BinaryRequest = { file, kind, bytes: copy, options };
      const result = await this.workers().run<BinaryReading>(request, { transfer: [copy.buffer] });
      return binaryDocument(result.ok ? result.value : { ok: false, kind, reason: failureReason(result.failure) });
    } catch {
      return { ok: false, kind, reason: failureReason({ kind: 'crash', detail: '' }) };
    } finally {
      if (--this.running === 0) this.idleTimer = setTimeout(() => void this.close(), this.limits.idleMs).unref();
    }
  }

  /** Stops the worker (a later read starts another). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private workers(): WorkerPool {
    this.pool ??= new WorkerPool({ size: 1, script: workerScript(), workerData: null, timeoutMs: this.limits.timeoutMs, maxHeapMb: this.limits.maxHeapMb, unref: true });
    return this.pool;
  }
}
