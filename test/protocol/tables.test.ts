// disclosureReport/tables over stdio: the preview model of the document's current version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TablesResult } from '../../server/src/lsp/protocol';
import { REPO_ROOT } from '../support/seeds';
import { freshUri, TestClient } from './harness';

const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');

describe('protocol: disclosureReport/tables', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => c?.stop());
  afterEach(() => assert.deepEqual(c.errors, []));

  const tables = (uri: string) => c.request<TablesResult | null>('disclosureReport/tables', { textDocument: { uri } });

  it('answers with the grids, the wrong total and its range; after the fix is typed the cell has no finding', async () => {
    const uri = freshUri('tables');
    c.open(uri, example);
    const first = (await tables(uri))!;
    assert.equal(first.uri, uri);
    assert.equal(first.version, 1);
    assert.deepEqual(first.tables.map((t) => [t.table, t.grid.version, t.grid.body.length]), [
      ['proactive', '2021', 14],
      ['requests', '2021', 25],
      ['appeals', '2021', 1],
    ]);
    const total = first.cells['requests/R1/c7'];
    assert.deepEqual(total.range, { start: { line: 46, character: 32 }, end: { line: 46, character: 34 } });
    assert.deepEqual(total.findings.map((f) => [f.ruleId, f.expected]), [['row-total', 16]]);

    c.change(uri, [{ range: total.range!, text: '16' }]);
    const second = (await tables(uri))!;
    assert.equal(second.version, 2);
    assert.equal(second.cells['requests/R1/c7'].raw, '16');
    assert.deepEqual(second.cells['requests/R1/c7'].findings, []);
    c.close(uri);
  });

  it('null for a document that is not open, and for plain text that is no report', async () => {
    assert.equal(await tables('file:///nowhere/none.txt'), null);
    const uri = freshUri('notes');
    c.open(uri, 'shopping list\nmilk\n', 'plaintext');
    assert.equal(await tables(uri), null);
    assert.equal(await c.request('disclosureReport/tables', { nonsense: 1 }), null);
    c.close(uri);
  });
});
