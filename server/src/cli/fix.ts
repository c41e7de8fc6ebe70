// --fix: apply the engine's fixes (re-checking between rounds), then write the file atomically in
// its own encoding. Nothing is written unless the text changed and the encoding round-trips exactly.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, checkDocument, type CheckOptions, type CheckResult, type Document, type Finding, type Localized, textDocument } from '../engine';
import { documentFromText, type InputKind } from '../formats';
import { encode } from './encoding';
import type { ReadFile } from './input';

const MAX_ROUNDS = 5;

export interface FixOutcome {
  /** The final text and its check result (the original ones when nothing was applied). */
  text: string;
  result: CheckResult;
  /** The findings whose fix was applied, each with the text it applied to (for positions). */
  applied: { finding: Finding; result: CheckResult }[];
}

/** The Document of a decoded file: its text as a report text, or as an HTML page (offsets in the page). */
export function documentOf(text: string, kind: InputKind): Document {
  const read = documentFromText(text, kind);
  // Text kinds always read; should one ever be refused, the text itself is still checked.
  return read.ok ? read.document : textDocument(text);
}

/** Check a decoded file in its kind. */
export function checkText(text: string, kind: InputKind, options: CheckOptions): CheckResult {
  return checkDocument(documentOf(text, kind), options);
}

/**
 * Apply fixes until none applies any more (at most MAX_ROUNDS rounds). `shown` picks the findings
 * whose fixes may apply (default: all; the sidecar config leaves out the ones it ignores).
 */
export function fixText(
  text: string,
  options: CheckOptions,
  kind: InputKind = 'text',
  shown: (result: CheckResult) => Finding[] = (r) => r.findings,
): FixOutcome {
  let result = checkText(text, kind, options);
  const applied: FixOutcome['applied'] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixable = shown(result).filter((f) => f.fix);
    if (fixable.length === 0) break;
    const next = applyFixes(text, fixable.map((f) => f.fix!));
    if (next.applied === 0 || next.text === text) break;
    for (const f of fixable) if (applyFixes(text, [f.fix!]).applied > 0) applied.push({ finding: f, result });
    text = next.text;
    result = checkText(text, kind, options);
  }
  return { text, result, applied };
}

/**
 * Write `text` over the file in the encoding it was read in: temp file in the same folder, fsync,
 * rename. A crash leaves either the old file or the new one, never a truncated one.
 * Returns why the file was not written, or null on success.
 */
export function writeFixed(input: ReadFile, text: string): Localized | null {
  const meta = { encoding: input.encoding, bom: input.bom };
  // Only write when the original decodes and re-encodes to the very same bytes.
  const again = encode(input.text, meta);
  if (!again || !again.equals(input.bytes)) {
    return {
      zh: `未写入：无法按原样逐字节重现其 ${input.encoding} 编码`,
      en: `not written: its ${input.encoding} encoding cannot be reproduced byte for byte`,
    };
  }
  const bytes = encode(text, meta);
  if (!bytes) {
    return {
      zh: `未写入：修复后的文字无法用 ${input.encoding} 编码`,
      en: `not written: the fixed text cannot be encoded in ${input.encoding}`,
    };
  }
  let target: string;
  let tmp: string | null = null;
  try {
    target = fs.realpathSync(input.file); // write through a symlink, do not replace it
    const st = fs.statSync(target);
    if (st.mtimeMs !== input.mtimeMs || st.size !== input.size) {
      return { zh: '未写入：检查期间文件已被修改', en: 'not written: the file changed while it was being checked' };
    }
    tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    const fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    tmp = null;
    syncDir(path.dirname(target));
    return null;
  } catch (err) {
    return { zh: `未写入：${(err as Error).message}`, en: `not written: ${(err as Error).message}` };
  } finally {
    if (tmp) fs.rmSync(tmp, { force: true });
  }
}

function syncDir(dir: string): void {
  // Makes the rename durable; not possible on every platform (Windows), so best effort.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
