// .docx/.pdf are read in the server's worker thread, with a wall-clock limit: a file that makes
// the reader hang (the test hook DISCLOSURE_REPORT_TEST_HANG loops inside the worker, as pdf.js
// stuck on a crafted PDF would) is answered with a timeout reason, the server answers other
// requests meanwhile, and the next read gets a fresh worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocumentFile } from '../../server/src/formats';
import { ReportTextRequest, type ReportTextResult } from '../../server/src/lsp/protocol';
import { writeDocx } from '../formats/wordml';
import { REPO_ROOT } from '../support/seeds';
import { expectedDiagnostics, comparable, freshUri, TestClient } from './harness';

const LIMIT_MS = 2000;
const HANG = 'hangs-the-reader';
const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

/** A server started with these test hooks in its environment (the harness passes ours on). */
async function startWith(env: Record<string, string>): Promise<TestClient> {
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return await TestClient.start({ locale: 'zh-cn', settings: {} });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('protocol: .docx/.pdf read with a time and memory limit', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  let stderr = '';

  before(async () => {
    client = await startWith({ DISCLOSURE_REPORT_TEST_HANG: HANG, DISCLOSURE_REPORT_TEST_READ_TIMEOUT_MS: String(LIMIT_MS) });
    client.proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-reader-'));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const reportText = (file: string): Promise<ReportTextResult> => client.request<ReportTextResult>(ReportTextRequest.method, { uri: pathToFileURL(file).href });
  const docxFile = (name: string, text: string): { file: string; bytes: Buffer } => {
    const bytes = Buffer.from(writeDocx(text).bytes);
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return { file, bytes };
  };

  it('a read that hangs is answered with the timeout reason within the limit; the server answers meanwhile; the next read works', async () => {
    const text = example('mistakes-2024.txt');
    const hanging = docxFile(`${HANG}.docx`, text);
    const fine = docxFile('fine 2024.docx', text);

    const started = Date.now();
    let hungAnswered = 0;
    const hung = reportText(hanging.file).then((r) => ((hungAnswered = Date.now()), r));

    // While the worker spins, the server's own thread answers: diagnostics of a text document.
    const uri = freshUri('meanwhile');
    client.open(uri, text);
    assert.deepEqual(comparable(await client.diagnostics(uri)), expectedDiagnostics(text, 'zh'));
    const answeredMeanwhile = Date.now();
    client.close(uri);

    const r = await hung;
    const elapsed = hungAnswered - started;
    assert.ok(answeredMeanwhile < hungAnswered, 'the diagnostics were answered before the hanging read gave up');
    assert.equal(r.ok, false, 'the file was read in full');
    if (r.ok) return;
    assert.equal(r.kind, 'docx');
    assert.equal(r.reason.zh, `读取超时（超过 ${LIMIT_MS / 1000} 秒），已放弃`);
    assert.match(r.reason.en, new RegExp(`over ${LIMIT_MS / 1000} s`));
    assert.ok(elapsed >= LIMIT_MS - 50 && elapsed < LIMIT_MS + 5000, `gave up after ${elapsed} ms`);

    // The worker was replaced: the next file reads, the same as in the server's own thread.
    const next = await reportText(fine.file);
    assert.ok(next.ok, JSON.stringify(next));
    const inPlace = await readDocumentFile(fine.bytes, fine.file);
    assert.ok(inPlace.ok);
    assert.equal(next.text, inPlace.document.source.text);
    assert.equal(next.kind, 'docx');

    // A failed read is not kept: asked again, it is read again (and hangs again).
    const again = await reportText(hanging.file);
    assert.equal(again.ok, false);

    assert.deepEqual(client.errors, [], 'no handler failed in the server');
    assert.doesNotMatch(stderr, /Error|exception/i, stderr);
  });

  it('a read that exhausts the worker\'s heap is answered with the memory reason, and the next read works', async () => {
    const EXPLODE = 'explodes-the-reader';
    const small = await startWith({ DISCLOSURE_REPORT_TEST_EXPLODE: EXPLODE, DISCLOSURE_REPORT_TEST_READ_HEAP_MB: '128' });
    try {
      const text = example('clean-2024.txt');
      const bomb = docxFile(`${EXPLODE}.docx`, text);
      const r = await small.request<ReportTextResult>(ReportTextRequest.method, { uri: pathToFileURL(bomb.file).href });
      assert.equal(r.ok, false, 'the file was read in full');
      if (r.ok) return;
      assert.equal(r.reason.zh, '读取时内存超过 128 MB，已放弃');
      const fine = docxFile('after the bomb.docx', text);
      const next = await small.request<ReportTextResult>(ReportTextRequest.method, { uri: pathToFileURL(fine.file).href });
      assert.ok(next.ok, JSON.stringify(next));
      assert.deepEqual(small.errors, []);
    } finally {
      await small.stop();
    }
  });

  it('a damaged PDF read in the worker gets the adapter\'s own reason', async () => {
    const file = path.join(dir, 'garbage.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n garbage');
    const r = await reportText(file);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.kind, 'pdf');
    const inPlace = await readDocumentFile(fs.readFileSync(file), file);
    assert.ok(!inPlace.ok);
    assert.deepEqual(r.reason, inPlace.reason);
  });
});
