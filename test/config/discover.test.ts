// Finding the config like other linters: from the report's folder up to the root, the nearest wins;
// lookups are cached per folder until clear().
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigFinder, fileInConfig, nodeFileSystem, type ConfigFileSystem } from '../../server/src/config';

function tree(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dr-config-')));
  fs.mkdirSync(path.join(root, 'province', 'city', 'district'), { recursive: true });
  fs.mkdirSync(path.join(root, 'other'), { recursive: true });
  return root;
}

/** The node file system, counting the stats it is asked for. */
function counting(): ConfigFileSystem & { stats: number } {
  const fsys = { stats: 0, isFile: (f: string) => (fsys.stats++, nodeFileSystem.isFile(f)), readText: nodeFileSystem.readText };
  return fsys;
}

describe('config: discovery up the folder tree', () => {
  let root: string;
  beforeEach(() => {
    root = tree();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the nearest config wins; folders above and beside it do not count', () => {
    fs.writeFileSync(path.join(root, '.disclosure-report.json'), '{ "rules": { "title": "off" } }');
    fs.writeFileSync(path.join(root, 'province', 'city', '.disclosure-report.jsonc'), '// city\n{ "rules": { "summary-length": "off" } }');
    const finder = new ConfigFinder();
    const inDistrict = finder.forReport(path.join(root, 'province', 'city', 'district', 'r.txt'));
    assert.equal(inDistrict?.file, path.join(root, 'province', 'city', '.disclosure-report.jsonc'));
    assert.deepEqual(inDistrict?.config.rules, { 'summary-length': 'off' }, 'not merged with the one above');
    assert.equal(finder.forReport(path.join(root, 'province', 'r.txt'))?.file, path.join(root, '.disclosure-report.json'));
    assert.equal(finder.forReport(path.join(root, 'other', 'r.txt'))?.file, path.join(root, '.disclosure-report.json'));
  });

  it('.json before .jsonc in one folder', () => {
    fs.writeFileSync(path.join(root, 'other', '.disclosure-report.jsonc'), '{}');
    fs.writeFileSync(path.join(root, 'other', '.disclosure-report.json'), '{}');
    assert.equal(new ConfigFinder().findFile(path.join(root, 'other')), path.join(root, 'other', '.disclosure-report.json'));
  });

  it('none up to the filesystem root: null (and a folder named like the config is no config)', () => {
    fs.mkdirSync(path.join(root, 'province', '.disclosure-report.json'));
    const finder = new ConfigFinder();
    // Above the temp folder there may be anything; below it, nothing but the decoy folder.
    const found = finder.findFile(path.join(root, 'province', 'city', 'district'));
    assert.ok(found === null || !found.startsWith(root), String(found));
  });

  it('caches per folder: a second report of the folder tree costs no look-up; clear() looks again', () => {
    fs.writeFileSync(path.join(root, '.disclosure-report.json'), '{}');
    const fsys = counting();
    const finder = new ConfigFinder(fsys);
    finder.forReport(path.join(root, 'province', 'city', 'district', 'a.txt'));
    const first = fsys.stats;
    assert.ok(first >= 4, 'each folder up to the config was looked in');
    finder.forReport(path.join(root, 'province', 'city', 'district', 'b.txt'));
    finder.forReport(path.join(root, 'province', 'c.txt'));
    assert.equal(fsys.stats, first, 'folders seen once are not looked in again');
    fs.writeFileSync(path.join(root, 'province', '.disclosure-report.json'), '{ "rules": { "title": "off" } }');
    assert.equal(finder.forReport(path.join(root, 'province', 'c.txt'))?.file, path.join(root, '.disclosure-report.json'), 'cached until cleared');
    finder.clear();
    assert.equal(finder.forReport(path.join(root, 'province', 'c.txt'))?.file, path.join(root, 'province', '.disclosure-report.json'));
  });

  it('an unreadable or missing --config file is an error of the file, not a crash', () => {
    const loaded = new ConfigFinder().load(path.join(root, 'missing.json'));
    assert.equal(loaded.ok, false);
    assert.equal(loaded.problems[0].line, 0);
    assert.match(loaded.problems[0].message.en, /no such config file/);
    const dir = new ConfigFinder().load(path.join(root, 'other'));
    assert.match(dir.problems[0].message.zh, /是目录/);
  });

  it('a BOM is read, columns stay those of the file', () => {
    fs.writeFileSync(path.join(root, '.disclosure-report.json'), '\uFEFF{ "rules": { "title": 1 } }');
    const loaded = new ConfigFinder().load(path.join(root, '.disclosure-report.json'));
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].column, '\uFEFF{ "rules": { "title": '.length + 1);
  });

  it('report paths in the config are relative to its folder, with /', () => {
    assert.equal(fileInConfig({ dir: root }, path.join(root, 'province', 'city', 'r.txt')), 'province/city/r.txt');
    assert.equal(fileInConfig({ dir: path.join(root, 'other') }, path.join(root, 'province', 'r.txt')), '../province/r.txt');
  });
});
