// The folder pipeline (identify pass → plan → check pass, over worker threads): the same output
// whatever the number of workers (twins, an aggregate with a missing member included), last year's
// report paired with this year's, a file that hangs or explodes stopped and reported while the
// others are checked (and not read as another's peer), the progress bar on a terminal only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsOf, parseReport } from '../../server/src/engine';
import { main } from '../../server/src/cli/main';
import { Progress } from '../../server/src/cli/pipeline/progress';
import { FILES_PER_WORKER, workerCount } from '../../server/src/cli/pipeline/run';
import { readSeed, seedFiles } from '../support/seeds';
import { runCli, tempDir } from './helpers';

/** Every year of the text moved by `shift` (2023 → 2022 …), as last year's copy of a report would read. */
function shiftYears(text: string, shift: number): string {
  return text.replace(/(?<!\d)(20[12]\d)(?!\d)/g, (y) => String(Number(y) + shift));
}

/** The text with one cell (spec §9.1 id) written as `value`. */
function withCell(text: string, id: string, value: string): string {
  const cell = factsOf(parseReport(text)).cells.find((c) => c.id === id);
  assert.ok(cell, `the report has cell ${id}`);
  return text.slice(0, cell.start) + value + text.slice(cell.end);
}

/** A folder of the seeds and variants made from them: last year's copies, a renamed organ, mutated cells. */
function seedFolder(): { dir: string; thisYear: string; lastYear: string } {
  const dir = tempDir('dr-pipeline-');
  for (const f of seedFiles()) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  const seed = readSeed('002');
  const facts = factsOf(parseReport(seed.text));
  assert.equal(facts.year, 2023, 'seed 002 is a 2023 report');
  // Last year's copy: every year one earlier, and its 结转下年度 (R25) changed, so this year's
  // 上年结转 (R2) no longer carries it over.
  const r25 = facts.cells.find((c) => c.id === 'requests/R25/c1')!;
  const lastYearText = withCell(shiftYears(seed.text, -1), 'requests/R25/c1', String((r25.value ?? 0) + 7));
  fs.writeFileSync(path.join(dir, 'a-last-year.txt'), lastYearText);
  // Another body (renamed organ) with a mutated cell, and a copy two years back (no pair for it).
  const renamed = seed.text.split(facts.organ!).join('某市某区工业和信息化局');
  fs.writeFileSync(path.join(dir, 'b-renamed.txt'), withCell(renamed, 'requests/R1/c1', '9'));
  fs.writeFileSync(path.join(dir, 'c-two-years-back.txt'), shiftYears(seed.text, -2));
  // A second copy of this year's report (a draft beside the final text): the two are twins.
  fs.writeFileSync(path.join(dir, 'd-twin.txt'), seed.text);
  // The renamed body as a member of this year's report, with a member no report matches.
  const config = { aggregates: [{ report: path.basename(seed.file), members: ['b-renamed.txt', 'e-missing-district.txt'] }] };
  fs.writeFileSync(path.join(dir, '.disclosure-report.json'), JSON.stringify(config, null, 2));
  return { dir, thisYear: path.join(dir, path.basename(seed.file)), lastYear: path.join(dir, 'a-last-year.txt') };
}

describe('cli pipeline: on a folder of seeds and variants', function () {
  this.timeout(120_000);
  let folder: ReturnType<typeof seedFolder>;
  before(() => {
    folder = seedFolder();
  });
  after(() => fs.rmSync(folder.dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}: byte for byte`, () => {
      const one = runCli(['check', '--format', format, '--jobs', '1', folder.dir]);
      const two = runCli(['check', '--format', format, '--jobs', '2', folder.dir]);
      assert.equal(one.code, 1, one.stderr);
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      // Every file of the folder is in it, in the order of the files.
      const files = fs.readdirSync(folder.dir).filter((f) => !f.startsWith('.')).sort();
      if (format === 'json') assert.deepEqual(JSON.parse(one.stdout).map((r: { file: string }) => path.basename(r.file)), files);
      if (format === 'text') assert.match(one.stdout, new RegExp(`已检查 ${files.length} 个文件`));
    });
  }

  it('extract: the same cells with 1 and 2 workers', () => {
    const one = runCli(['extract', '--format', 'csv', '--jobs', '1', folder.dir]);
    const two = runCli(['extract', '--format', 'csv', '--jobs', '2', folder.dir]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.ok(one.stdout.split('\r\n').length > 1000, 'every cell of every report');
  });

  for (const jobs of ['1', '2']) {
    it(`pairs this year's report with last year's copy (--jobs ${jobs})`, () => {
      const r = runCli(['check', '--format', 'json', '--jobs', jobs, folder.dir]);
      const results = JSON.parse(r.stdout) as { file: string; year: number; previous?: string; diagnostics: { code: string; relatedInformation?: { file?: string }[] }[] }[];
      const byFile = new Map(results.map((x) => [x.file, x]));
      const thisYear = byFile.get(folder.thisYear)!;
      assert.equal(thisYear.year, 2023);
      assert.equal(thisYear.previous, folder.lastYear, 'the 2023 report is read against the 2022 copy');
      // The 2022 copy is read against the 2021 one (two years back from 2023), which has none.
      assert.equal(byFile.get(folder.lastYear)!.previous, path.join(folder.dir, 'c-two-years-back.txt'));
      assert.equal(byFile.get(path.join(folder.dir, 'c-two-years-back.txt'))!.previous, undefined);
      // Other bodies are not paired with it.
      assert.equal(byFile.get(path.join(folder.dir, 'b-renamed.txt'))!.previous, undefined);
      for (const x of results) if (x.previous) assert.notEqual(x.previous, x.file);

      // The cross-year finding on this year's 上年结转 points at last year's file.
      const found = thisYear.diagnostics.filter((d) => d.code === 'cross-year');
      assert.ok(found.length > 0, 'a cross-year finding on the changed 结转');
      assert.ok(found.some((d) => d.relatedInformation?.some((rel) => rel.file === folder.lastYear)));

      // The twins name each other on their titles; the aggregate says which member it did not find.
      const twin = path.join(folder.dir, 'd-twin.txt');
      const sameYear = (x: (typeof results)[number]) => x.diagnostics.filter((d) => d.code === 'cross-year' && (d as { data?: { check?: string } }).data?.check === 'same-year');
      assert.deepEqual(sameYear(thisYear).map((d) => (d as { data?: { sameYearFiles?: string[] } }).data?.sameYearFiles), [[twin]]);
      assert.deepEqual(sameYear(byFile.get(twin)!).map((d) => (d as { data?: { sameYearFiles?: string[] } }).data?.sameYearFiles), [[folder.thisYear]]);
      const missing = thisYear.diagnostics.filter((d) => d.code === 'aggregate' && (d as { data?: { missingMembers?: string[] } }).data?.missingMembers);
      assert.deepEqual(missing.map((d) => (d as { data?: { missingMembers?: string[] } }).data?.missingMembers), [['e-missing-district.txt']]);
    });
  }
});

describe('cli pipeline: the per-file limit', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tempDir('dr-limit-');
    for (const f of seedFiles()) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    fs.copyFileSync(seedFiles()[1], path.join(dir, 'stuck.txt'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The output of a run without the misbehaving file: what the others must still give. */
  function withoutStuck(): string {
    const other = tempDir('dr-limit-ok-');
    try {
      for (const f of seedFiles()) fs.copyFileSync(f, path.join(other, path.basename(f)));
      const r = runCli(['check', '--format', 'json', '--jobs', '1', '--lang', 'en', other]);
      return JSON.stringify(JSON.parse(r.stdout).map((x: { file: string }) => ({ ...x, file: path.basename(x.file) })));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }

  // With --jobs 2, and by default (a small folder gets one worker, so the limit holds there too).
  for (const { jobs, limit } of [{ jobs: ['--jobs', '2'], limit: 8 }, { jobs: [], limit: 3 }]) {
    it(`a file that hangs is stopped after --file-timeout, reported, and the others are checked (${jobs.join(' ') || 'default --jobs'})`, () => {
      const started = Date.now();
      const r = runCli(['check', '--format', 'json', ...jobs, '--file-timeout', `${limit}s`, '--lang', 'en', dir], { env: { DISCLOSURE_REPORT_TEST_HANG: 'stuck' } });
      assert.equal(r.code, 2, 'an input that could not be checked makes the exit code 2');
      assert.match(r.stderr, new RegExp(`stuck\\.txt: reading and checking took longer than ${limit} s and was stopped \\(change the limit with --file-timeout\\)`));
      assert.equal(r.stderr.trim().split('\n').length, 1, `one message, for that file only: ${r.stderr}`);
      const others = JSON.parse(r.stdout).map((x: { file: string }) => ({ ...x, file: path.basename(x.file) }));
      assert.equal(JSON.stringify(others), withoutStuck(), 'the other files are checked as without it');
      assert.ok(Date.now() - started < 60_000, 'the run did not wait for the default limit');
    });
  }

  it('a report stopped in its check is not read again as next year’s peer (which would stop that one too)', () => {
    const pair = tempDir('dr-limit-peer-');
    try {
      const seed = readSeed('002');
      const thisYear = path.join(pair, path.basename(seed.file));
      fs.writeFileSync(thisYear, seed.text);
      fs.writeFileSync(path.join(pair, 'stuck-last-year.txt'), shiftYears(seed.text, -1));
      const r = runCli(['check', '--format', 'json', '--jobs', '2', '--file-timeout', '5s', '--lang', 'en', pair], { env: { DISCLOSURE_REPORT_TEST_HANG: 'stuck', DISCLOSURE_REPORT_TEST_HANG_IN: 'check' } });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one message, for the stopped file only: ${r.stderr}`);
      assert.match(r.stderr, /stuck-last-year\.txt: reading and checking took longer than 5 s/);
      const results = JSON.parse(r.stdout) as { file: string; previous?: string; diagnostics: unknown[] }[];
      const checked = results.find((x) => x.file === thisYear)!;
      assert.equal(checked.previous, undefined, 'checked without the stopped report as last year’s');
      assert.ok(checked.diagnostics.length > 0, 'and checked');
    } finally {
      fs.rmSync(pair, { recursive: true, force: true });
    }
  });

  it('a file that exhausts memory is stopped by the worker heap limit, and the others are checked', () => {
    const r = runCli(['check', '--format', 'sarif', '--jobs', '2', '--lang', 'en', dir], { env: { DISCLOSURE_REPORT_TEST_EXPLODE: 'stuck' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /stuck\.txt: ran out of memory \(the limit is \d+ MB\) and was stopped/);
    const log = JSON.parse(r.stdout);
    assert.equal(log.runs[0].artifacts.length, seedFiles().length);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /stuck\.txt/);
  });
});

describe('cli pipeline: options and progress', function () {
  this.timeout(120_000);

  for (const args of [['--jobs', '0'], ['--jobs', 'x'], ['--jobs', '-2'], ['--file-timeout', 'soon'], ['--file-timeout', '5h']]) {
    it(`refuses ${args.join(' ')} (exit 2)`, () => {
      const r = runCli(['check', ...args, '--lang', 'en', seedFiles()[0]]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(args[0]));
    });
  }

  it('starts by default one worker per 2,000 files, at least one, at most the cores; --jobs as given', () => {
    // The help says how many files a worker takes, in both languages, as the code has it.
    assert.match(runCli(['check', '--help', '--lang', 'en']).stdout, new RegExp(`one per ${FILES_PER_WORKER.toLocaleString('en')} files`));
    assert.match(runCli(['check', '--help', '--lang', 'zh']).stdout, new RegExp(`每 ${FILES_PER_WORKER} 个文件一个`));
    assert.equal(workerCount('auto', 1, 8), 0, 'a single file: the main thread');
    assert.equal(workerCount(4, 1, 8), 0);
    assert.equal(workerCount('auto', 2, 8), 1, 'a small folder: one worker, so the per-file limit holds');
    assert.equal(workerCount('auto', 3999, 8), 1);
    assert.equal(workerCount('auto', 4000, 8), 2);
    assert.equal(workerCount('auto', 10_000, 2), 2, 'no more than the cores');
    assert.equal(workerCount('auto', 10_000, 1), 1);
    assert.equal(workerCount(1, 10_000, 8), 0, '--jobs 1: the main thread');
    assert.equal(workerCount(4, 10_000, 2), 4, '--jobs N: N workers, whatever the cores');
    assert.equal(workerCount(4, 3, 8), 3, 'never more workers than files');
  });

  it('draws the progress bar on a terminal only, and not with --quiet', async () => {
    const dir = tempDir('dr-progress-');
    try {
      for (const f of seedFiles()) fs.copyFileSync(f, path.join(dir, path.basename(f)));
      const run = async (errIsTTY: boolean, extra: string[]): Promise<{ out: string; err: string }> => {
        let out = '';
        let err = '';
        const code = await main(['check', '--lang', 'en', ...extra, dir], { out: (s) => (out += s), err: (s) => (err += s), color: false, cwd: dir, errIsTTY, env: {} });
        assert.equal(code, 1);
        return { out, err };
      };
      for (const jobs of ['1', '2']) {
        const tty = await run(true, ['--jobs', jobs]);
        assert.match(tty.err, /\r\x1b\[K(reading|checking) \[[#.]{24}\] \d+\/5 · [\d.]+ reports\/s/, 'the bar, redrawn in place');
        assert.match(tty.err, /checking \[#{24}\] 5\/5/, 'the bar reaches the end');
        assert.ok(tty.err.endsWith('\r\x1b[K'), 'and is wiped at the end');
        assert.doesNotMatch(tty.out, /\r|\x1b/, 'stdout holds no trace of it');
        const piped = await run(false, ['--jobs', jobs]);
        assert.equal(piped.err, '');
        assert.equal(piped.out, tty.out);
        assert.equal((await run(true, ['--jobs', jobs, '--quiet'])).err, '');
      }
      // The bundled CLI with stderr piped: no bar.
      assert.equal(runCli(['check', dir]).stderr, '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the bar reads files done/total, reports per second and the time left', () => {
    let t = 0;
    let written = '';
    const p = new Progress((s) => (written += s), 'en', () => t);
    p.start('check', 100);
    t = 2000;
    for (let i = 0; i < 50; i++) p.tick();
    assert.equal(p.line(), 'checking [############............] 50/100 · 25 reports/s · ETA 2 s');
    assert.ok(written.startsWith('\r\x1b[K'));
    const zh = new Progress(() => undefined, 'zh', () => t);
    zh.start('read', 10);
    t = 4000;
    zh.tick();
    assert.equal(zh.line(), '读取 [##......................] 1/10 · 0.5 份/秒 · 剩余约 18 秒');
  });
});
