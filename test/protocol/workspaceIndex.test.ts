// The language server's index of the workspace's reports, on a real folder: bounded in files and
// bytes, each file read once until its mtime or size changes, and kept to the workspace folders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportFacts } from '../../server/src/engine';
import { DEFAULT_INDEX_LIMITS, readFacts, WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { REPO_ROOT } from '../support/seeds';

const example = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

describe('workspace index', () => {
  let dir: string;
  let reads: string[];
  const counting = async (file: string, bytes: Uint8Array): Promise<ReportFacts | null> => {
    reads.push(path.basename(file));
    return readFacts(file, bytes);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-index-'));
    reads = [];
    fs.writeFileSync(path.join(dir, 'a-2024.txt'), example('clean-2024.txt'));
    fs.writeFileSync(path.join(dir, 'b-2023.md'), example('markdown-2023.md'));
    fs.writeFileSync(path.join(dir, 'c-2024.txt'), example('mistakes-2024.txt'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every report once, and again only when its size or mtime changed', async () => {
    const index = new WorkspaceIndex(DEFAULT_INDEX_LIMITS, counting);
    index.setFolders([pathToFileURL(dir).href]);
    await index.ensureBuilt();
    assert.deepEqual(reads, ['a-2024.txt', 'b-2023.md', 'c-2024.txt']);
    assert.deepEqual(index.reports().map((f) => [path.basename(f.path), f.facts?.year]), [
      ['a-2024.txt', 2024],
      ['b-2023.md', 2023],
      ['c-2024.txt', 2024],
    ]);
    const a = pathToFileURL(path.join(dir, 'a-2024.txt')).href;
    await index.fileEvents([{ uri: a, type: 2 }]);
    assert.deepEqual(reads.length, 3, 'an unchanged file is not read again');
    fs.appendFileSync(path.join(dir, 'a-2024.txt'), '\n');
    await index.fileEvents([{ uri: a, type: 2 }]);
    assert.deepEqual(reads.slice(3), ['a-2024.txt']);
    await index.fileEvents([{ uri: a, type: 3 }]);
    assert.deepEqual(index.reports().map((f) => path.basename(f.path)), ['b-2023.md', 'c-2024.txt']);
  });

  it('holds at most maxFiles files and skips files over maxFileBytes', async () => {
    const few = new WorkspaceIndex({ ...DEFAULT_INDEX_LIMITS, maxFiles: 2 }, counting);
    few.setFolders([pathToFileURL(dir).href]);
    await few.ensureBuilt();
    assert.equal(few.size, 2);
    assert.equal(few.truncated, true);
    // A file created later does not push the index over its bound either.
    fs.writeFileSync(path.join(dir, 'd-2024.txt'), example('clean-2024.txt'));
    await few.fileEvents([{ uri: pathToFileURL(path.join(dir, 'd-2024.txt')).href, type: 1 }]);
    assert.equal(few.size, 2);

    reads = [];
    const sizes = ['a-2024.txt', 'b-2023.md', 'c-2024.txt'].map((name) => ({ name, size: fs.statSync(path.join(dir, name)).size }));
    const smallest = sizes.reduce((a, b) => (b.size < a.size ? b : a));
    assert.ok(sizes.filter((s) => s.size === smallest.size).length === 1, 'the examples differ in size');
    const bounded = new WorkspaceIndex({ ...DEFAULT_INDEX_LIMITS, maxFileBytes: smallest.size }, counting);
    bounded.setFolders([pathToFileURL(dir).href]);
    await bounded.ensureBuilt();
    assert.deepEqual(reads, [smallest.name], 'larger files are not even read');
  });

  it('keeps to the workspace folders: skipped folders, other extensions and files outside are not indexed', async () => {
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'r-2024.txt'), example('clean-2024.txt'));
    fs.writeFileSync(path.join(dir, 'r-2024.rtf'), example('clean-2024.txt'));
    const index = new WorkspaceIndex(DEFAULT_INDEX_LIMITS, counting);
    index.setFolders([pathToFileURL(path.join(dir, 'sub')).href, 'untitled:Untitled-1']);
    await index.ensureBuilt();
    assert.equal(index.size, 0, 'a folder that does not exist holds nothing');
    assert.equal(index.isIndexable(path.join(dir, 'a-2024.txt')), false);
    index.setFolders([pathToFileURL(dir).href]);
    await index.ensureBuilt();
    assert.deepEqual(index.reports().map((f) => path.basename(f.path)), ['a-2024.txt', 'b-2023.md', 'c-2024.txt']);
    assert.equal(index.isIndexable(path.join(dir, 'node_modules', 'pkg', 'r-2024.txt')), false);
    await index.fileEvents([{ uri: pathToFileURL(path.join(dir, 'node_modules', 'pkg', 'r-2024.txt')).href, type: 1 }]);
    assert.equal(index.size, 3);
    // Folders removed from the workspace take their reports with them.
    index.setFolders([]);
    assert.equal(index.size, 0);
  });
});
