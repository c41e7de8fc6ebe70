// disclosureReport/summary over stdio: the summary rows of open documents and of files on disk,
// equal to what the CLI's summary computes (summaryRow on the engine's check of the same text).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, ruleById } from '../../server/src/engine';
import type { SummaryResult } from '../../server/src/lsp/protocol';
import { summaryRow } from '../../server/src/summary/row';
import { readSeed, REPO_ROOT } from '../support/seeds';
import { tempDir } from '../cli/helpers';
import { freshUri, TestClient } from './harness';

describe('protocol: disclosureReport/summary', function () {
  let c: TestClient;
  const dir = tempDir('dr-summary-lsp-');
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => {
    await c?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => assert.deepEqual(c.errors, []));

  const summary = async (uris: unknown) => (await c.request<SummaryResult>('disclosureReport/summary', { uris })).rows;

  it('a row per report in the order asked: an open document (its current version), a file on disk; plain text and nonsense left out', async () => {
    const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
    const open = freshUri('summary-open');
    c.open(open, example);
    const seed = readSeed('004');
    const onDisk = pathToFileURL(path.join(dir, '新余-2023.txt')).href;
    fs.writeFileSync(new URL(onDisk), seed.text);
    const notes = freshUri('notes');
    c.open(notes, 'shopping list\nmilk\n', 'plaintext');

    const rows = await summary([onDisk, notes, open, 'file:///nowhere/none.txt', 42]);
    assert.deepEqual(rows.map((r) => r.file), [onDisk, open]);
    assert.deepEqual(rows[0], summaryRow(onDisk, check(seed.text), 'zh'));
    assert.deepEqual(rows[1], summaryRow(open, check(example), 'zh'));
    assert.equal(rows[1].counts.error > 0, true, 'the example has errors');
    // The chart's rule summaries come with the rows: every rule that found something, in both languages.
    const { rules } = await c.request<SummaryResult>('disclosureReport/summary', { uris: [open] });
    assert.deepEqual(Object.keys(rules).sort(), Object.keys(rows[1].byRule).sort());
    assert.deepEqual(rules['row-total'], ruleById('row-total')!.doc.summary);

    // An edit is seen: the row follows the open document's version, not the file.
    const r1 = check(example).report.tables.find((t) => t.id === 'requests')!.cells.find((x) => x.row === 'R1' && x.column === 'c7')!;
    const at = check(example).report.source.lines;
    c.change(open, [{ range: { start: at.positionAt(r1.start), end: at.positionAt(r1.end) }, text: '16' }]);
    const [edited] = await summary([open]);
    assert.equal(edited.figures.received, 16);
    assert.equal(edited.byRule['row-total']?.error ?? 0, check(example.slice(0, r1.start) + '16' + example.slice(r1.end)).findings.filter((f) => f.ruleId === 'row-total').length);

    assert.deepEqual(await c.request('disclosureReport/summary', { nonsense: 1 }), { rows: [], rules: {} });
    c.close(open);
    c.close(notes);
  });
});
