// `disclosure-report summary`: one row per report, checked against what `extract` and `check` say
// about the same files (the figures are cell values, the counts are the findings), and the HTML
// page: well-formed, self-contained (nothing it could fetch), its script allowed by its own policy.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type DefaultTreeAdapterMap, parse as parseHtml } from 'parse5';
import type { ExtractedCell } from '../../server/src/cli/formats/extract';
import { check, fingerprints } from '../../server/src/engine';
import { renderSummaryHtml } from '../../server/src/summary/html';
import { summaryRow } from '../../server/src/summary/row';
import { readSeed, REPO_ROOT } from '../support/seeds';
import { withRequestTotal, writeSummaryFolder } from '../support/summaryFolder';
import { runCli, tempDir } from './helpers';

/** The fields of extract's JSON this suite reads. */
type Cell = Pick<ExtractedCell, 'file' | 'table' | 'item' | 'row' | 'column' | 'value'>;
interface Diagnostic {
  code: string;
  severity: string;
  range: { start: { line: number; character: number } };
}

/** The folder of seeds, examples and variants, written once for the suite. */
const dir = tempDir('dr-summary-');
const files = writeSummaryFolder(path.join(dir, 'reports'));

/** What `extract` reads in each file, by file and cell id. */
function extractedCells(): Map<string, Map<string, number | null>> {
  const r = runCli(['extract', '--format', 'json', ...files]);
  assert.equal(r.code, 0, r.stderr);
  const byFile = new Map<string, Map<string, number | null>>();
  for (const c of JSON.parse(r.stdout) as Cell[]) {
    const id = c.table === 'proactive' ? `proactive/${c.item}/${c.row}/${c.column}` : c.column ? `${c.table}/${c.row}/${c.column}` : `${c.table}/${c.row}`;
    const cells = byFile.get(c.file) ?? new Map<string, number | null>();
    if (!cells.has(id)) cells.set(id, c.value);
    byFile.set(c.file, cells);
  }
  return byFile;
}

/** What `check --format json` finds in each file. */
function checkedDiagnostics(): Map<string, Diagnostic[]> {
  const r = runCli(['check', '--format', 'json', ...files]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[]).map((f) => [f.file, f.diagnostics]));
}

/** The figures a row must hold, computed here from extract's cells (null where a cell was not read). */
function expectedFigures(cells: Map<string, number | null> | undefined): Record<string, number | null> {
  const v = (id: string): number | null => cells?.get(id) ?? null;
  const sum = (...ids: string[]): number | null => (ids.every((id) => v(id) !== null) ? ids.reduce((n, id) => n + v(id)!, 0) : null);
  const closed = v('requests/R24/c7');
  const disclosed = sum('requests/R3/c7', 'requests/R4/c7');
  return {
    received: v('requests/R1/c7'),
    carriedIn: v('requests/R2/c7'),
    closed,
    carriedOut: v('requests/R25/c7'),
    disclosedShare: disclosed !== null && closed ? disclosed / closed : null,
    reviews: v('appeals/A5'),
    reviewsCorrected: v('appeals/A2'),
    lawsuits: sum('appeals/B5', 'appeals/C5'),
    lawsuitsCorrected: sum('appeals/B2', 'appeals/C2'),
    fees: v('proactive/第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）'),
  };
}

const CSV_FIGURES: Record<string, string> = {
  received: 'received',
  carriedIn: 'carried in',
  closed: 'closed',
  carriedOut: 'carried over',
  disclosedShare: 'disclosed share of closed',
  reviews: 'reviews',
  reviewsCorrected: 'reviews corrected',
  lawsuits: 'lawsuits',
  lawsuitsCorrected: 'lawsuits corrected',
  fees: 'fees (10,000 yuan)',
};

describe('cli summary', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('CSV: one row per report; every figure is the cell extract reads, every count what check finds', () => {
    const r = runCli(['summary', '--lang', 'en', ...files]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeff'), 'UTF-8 BOM so Excel reads Chinese');
    const records = parseCsv(r.stdout, { bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record<string, string>[];
    assert.equal(records.length, files.length);
    const cells = extractedCells();
    const diagnostics = checkedDiagnostics();
    let figuresSeen = 0;
    for (const rec of records) {
      const file = rec.file;
      assert.ok(files.includes(file), `unknown file ${file}`);
      const want = expectedFigures(cells.get(file));
      for (const [key, header] of Object.entries(CSV_FIGURES)) {
        assert.ok(header in rec, `column ${header}`);
        const expected = want[key];
        if (expected === null) assert.equal(rec[header], '', `${file} ${header}: not read, left empty`);
        else {
          assert.equal(Number(rec[header]), expected, `${file} ${header}`);
          figuresSeen++;
        }
      }
      const found = diagnostics.get(file) ?? [];
      for (const s of ['error', 'warning', 'information']) {
        assert.equal(Number(rec[s === 'error' ? 'errors' : s === 'warning' ? 'warnings' : 'information']), found.filter((d) => d.severity === s).length, `${file} ${s}`);
      }
      for (const [header, value] of Object.entries(rec)) {
        const m = /^([a-z0-9-]+) (errors|warnings|information|hints)$/.exec(header);
        if (!m) continue;
        const severity = { errors: 'error', warnings: 'warning', information: 'information', hints: 'hint' }[m[2]];
        assert.equal(Number(value), found.filter((d) => d.code === m[1] && d.severity === severity).length, `${file} ${header}`);
      }
    }
    assert.ok(figuresSeen > 40, `only ${figuresSeen} figures were read: the comparison would prove little`);
    // The rule columns are those that found something: each has a non-zero cell somewhere.
    const ruleHeaders = Object.keys(records[0]).filter((h) => /^[a-z0-9-]+ (errors|warnings|information|hints)$/.test(h));
    assert.ok(ruleHeaders.includes('row-total errors'), ruleHeaders.join(', '));
    for (const h of ruleHeaders) assert.ok(records.some((rec) => Number(rec[h]) > 0), `${h} is all zero`);
  });

  it('CSV in Chinese by default: the headers of the figures', () => {
    const r = runCli(['summary', files[0]]);
    assert.equal(r.code, 0, r.stderr);
    const [header] = parseCsv(r.stdout, { bom: true, to_line: 1 }) as string[][];
    assert.deepEqual(header.slice(0, 8), ['文件', '机关', '年度', '格式', '本年新收', '上年结转', '办结', '结转下年度']);
  });

  it('JSON: the same figures, organ and year as the engine reads them, every finding at its place', () => {
    const r = runCli(['summary', '--format', 'json', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as ReturnType<typeof summaryRow>[];
    assert.deepEqual(rows.map((x) => x.file), files);
    const cells = extractedCells();
    const diagnostics = checkedDiagnostics();
    for (const row of rows) {
      assert.deepEqual(row.figures, expectedFigures(cells.get(row.file)), row.file);
      const { report } = check(fs.readFileSync(row.file, 'utf8'));
      assert.equal(row.year, report.year, row.file);
      assert.equal(row.formatVersion, report.formatVersion, row.file);
      assert.ok(row.organ && report.title?.text.startsWith(row.organ), `${row.file}: organ ${row.organ} is not where the title starts`);
      const found = diagnostics.get(row.file) ?? [];
      assert.deepEqual(
        row.findings.map((f) => [f.ruleId, f.severity, f.line, f.character]),
        found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
        row.file,
      );
    }
    const byName = (name: string) => rows.find((x) => path.basename(x.file) === name)!;
    // The variant's 新收 is the seed's plus 7: the row follows the cell.
    assert.equal(byName('variant-004-last-year.txt').figures.received, byName(path.basename(readSeed('004').file)).figures.received! + 7);
    assert.equal(byName('variant-004-last-year.txt').year, 2022);
    assert.equal(byName('variant-000-short-name.txt').organ, '吴忠市工信局');
  });

  it('summaryRow: the share of 予以公开 + 部分公开 in 办结, and null (not a guess) when 办结 is 0 or a term is not read', () => {
    const { text } = readSeed('004');
    const base = summaryRow('a.txt', check(text), 'zh');
    assert.ok(base.figures.closed !== null && base.figures.closed > 0, 'seed 004 closes requests');
    const closedZero = summaryRow('b.txt', check(withRequestTotal(text, 'R24', 0)), 'zh');
    assert.equal(closedZero.figures.closed, 0);
    assert.equal(closedZero.figures.disclosedShare, null);
    const cell = check(text).report.tables.find((t) => t.id === 'requests')!.cells.find((c) => c.row === 'R3' && c.column === 'c7')!;
    const unread = summaryRow('c.txt', check(text.slice(0, cell.start) + 'x' + text.slice(cell.end)), 'en');
    assert.equal(unread.figures.disclosedShare, null);
    assert.ok(unread.counts.error > 0 && unread.findings.every((f) => /[a-z]/i.test(f.message)), 'English messages');
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(base))), JSON.stringify(base), 'plain data: survives a JSON round trip');
  });

  it('HTML: well-formed, nothing it could fetch, its script allowed by its own policy, one table row per report', () => {
    const r = runCli(['summary', '--format', 'html', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const errors: string[] = [];
    const doc = parseHtml(r.stdout, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    assert.deepEqual(errors, []);
    type Node = DefaultTreeAdapterMap['node'];
    const elements: DefaultTreeAdapterMap['element'][] = [];
    const walk = (n: Node): void => {
      if ('tagName' in n) elements.push(n);
      const children = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
      for (const c of children) walk(c);
    };
    walk(doc);
    const text = (e: DefaultTreeAdapterMap['element']): string => e.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
    for (const e of elements) {
      assert.ok(!['link', 'img', 'iframe', 'object', 'embed', 'base'].includes(e.tagName), `<${e.tagName}>`);
      for (const a of e.attrs) {
        assert.notEqual(a.name, 'src', `<${e.tagName} src>`);
        assert.ok(!/https?:|\/\//i.test(a.value) || (a.name === 'href' && a.value.startsWith('file:///')), `<${e.tagName} ${a.name}="${a.value}">`);
        assert.ok(!a.name.startsWith('on'), `inline handler ${a.name}`);
      }
    }
    const styles = elements.filter((e) => e.tagName === 'style');
    const scripts = elements.filter((e) => e.tagName === 'script');
    assert.equal(styles.length, 1);
    assert.equal(scripts.length, 1);
    for (const code of [text(styles[0]), text(scripts[0])]) assert.ok(!/https?:|@import|url\(|fetch\(|XMLHttpRequest/i.test(code), code.slice(0, 200));
    const csp = elements.find((e) => e.tagName === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'))!;
    const policy = csp.attrs.find((a) => a.name === 'content')!.value;
    assert.match(policy, /default-src 'none'/);
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    assert.ok(policy.includes(`script-src ${hash(text(scripts[0]))}`), `the policy allows the page's own script: ${policy}`);
    assert.ok(policy.includes(`style-src ${hash(text(styles[0]))}`), `the policy allows the page's own style: ${policy}`);
    const tbody = elements.find((e) => e.tagName === 'table' && e.attrs.some((a) => a.value === 'summary-table'))!;
    const rows: DefaultTreeAdapterMap['element'][] = [];
    (function collect(n: Node): void {
      if ('tagName' in n && n.tagName === 'tr' && n.parentNode && 'tagName' in n.parentNode && n.parentNode.tagName === 'tbody') rows.push(n);
      if ('childNodes' in n) n.childNodes.forEach(collect);
    })(tbody);
    assert.equal(rows.length, files.length);
    // Every finding link opens an existing file.
    const links = elements.filter((e) => e.attrs.some((a) => a.name === 'class' && a.value === 'finding-link'));
    assert.ok(links.length > 10, `${links.length} finding links`);
    for (const l of links) assert.ok(fs.existsSync(new URL(l.attrs.find((a) => a.name === 'href')!.value)), 'the link is a file on disk');
  });

  it('HTML for a webview: the policy allows only the nonce, and both the style and the script carry it', () => {
    const rows = [summaryRow('file:///r/a.txt', check(readSeed('004').text), 'zh')];
    const html = renderSummaryHtml(rows, 'zh', { nonce: 'abc123', href: (f) => f, ruleSummary: () => null });
    assert.ok(html.includes(`content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;"`), 'the policy');
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /<script nonce="abc123">/);
    assert.doesNotMatch(html, /sha256-|unsafe-inline| style="/, 'no hash, no inline style attribute (a nonce policy would block it)');
  });

  it('HTML --lang en: English headings; the bar chart names each rule with its English summary', () => {
    const r = runCli(['summary', '--format', 'html', '--lang', 'en', ...files]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<h2>Most frequent errors<\/h2>/);
    assert.match(r.stdout, /<code>row-total<\/code><br><span class="rule-summary">[A-Z][^<]+<\/span>/);
  });

  it('usage: no folder, an unknown format and --fix are refused (exit 2); an unreadable input gives exit 2 and the other rows', () => {
    assert.equal(runCli(['summary']).code, 2);
    const bad = runCli(['summary', '--format', 'xml', '--lang', 'en', files[0]]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format: must be one of csv, json, html/);
    assert.equal(runCli(['summary', '--fix', files[0]]).code, 2);
    const missing = path.join(dir, 'no-such-report.txt');
    const partly = runCli(['summary', '--format', 'json', files[0], missing]);
    assert.equal(partly.code, 2);
    assert.deepEqual((JSON.parse(partly.stdout) as { file: string }[]).map((x) => x.file), [files[0]]);
    assert.match(runCli(['summary', '--help', '--lang', 'en']).stdout, /Usage: disclosure-report summary/);
  });

  it('the sidecar config applies as in check: an ignored finding is not counted, a rule it turns off has no column', () => {
    const root = tempDir('dr-summary-config-');
    try {
      const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
      fs.writeFileSync(path.join(root, 'r.txt'), example);
      const { findings } = check(example);
      const prints = fingerprints(findings, example, 'r.txt');
      const ignored = findings.map((f, i) => ({ f, print: prints[i] })).filter(({ f }) => f.ruleId === 'placeholder');
      assert.ok(ignored.length > 0, 'the example has a placeholder finding');
      fs.writeFileSync(
        path.join(root, '.disclosure-report.json'),
        JSON.stringify({ rules: { 'signing-date': 'off' }, ignore: ignored.map(({ f, print }) => ({ fingerprint: print, rule: f.ruleId, file: 'r.txt', reason: 'accepted' })) }),
      );
      const [row] = JSON.parse(runCli(['summary', '--format', 'json', 'r.txt'], { cwd: root }).stdout) as ReturnType<typeof summaryRow>[];
      assert.equal(row.byRule.placeholder, undefined, 'ignored: not counted');
      assert.equal(row.byRule['signing-date'], undefined, 'off in the config');
      const others = findings.filter((f) => f.ruleId !== 'placeholder' && f.ruleId !== 'signing-date');
      assert.equal(row.findings.length, others.length);
      const [without] = JSON.parse(runCli(['summary', '--format', 'json', '--no-config', 'r.txt'], { cwd: root }).stdout) as ReturnType<typeof summaryRow>[];
      assert.equal(without.findings.length, findings.length, '--no-config counts everything');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('--rule applies as in check: a rule turned off has no column and no count', () => {
    const r = runCli(['summary', '--lang', 'en', '--rule', 'row-total=off', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const [header] = parseCsv(r.stdout, { bom: true, to_line: 1 }) as string[][];
    assert.ok(!header.some((h) => h.startsWith('row-total ')), header.join(', '));
  });
});
