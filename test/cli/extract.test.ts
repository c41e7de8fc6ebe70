// `disclosure-report extract`: every cell of every readable table, as JSON or as CSV (RFC 4180, UTF-8 BOM).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, parseReport } from '../../server/src/engine';
import { seedFiles } from '../support/seeds';
import { fixture, readFixture, runCli, tempDir } from './helpers';

interface Cell {
  file: string;
  table: string;
  item?: string;
  row: string;
  column: string | null;
  rowLabel: string;
  columnLabel: string | null;
  value: number | null;
  raw: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A small RFC 4180 reader written for the test (quoted fields, doubled quotes, CRLF). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  assert.equal(field, '', 'the CSV ends with CRLF');
  return rows;
}

describe('cli extract', () => {
  it('JSON: every cell read in every seed table (partly read tables included), equal to the engine model, positions inside the text', () => {
    const files = seedFiles();
    const r = runCli(['extract', '--lang', 'en', ...files]);
    const cells = JSON.parse(r.stdout) as Cell[];
    let expectedCount = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const report = parseReport(text);
      const lines = new LineIndex(text);
      const mine = cells.filter((c) => c.file === file);
      // A partly read table still gives the cells it read.
      const expected = report.tables.filter((t) => t.reading !== 'none').flatMap((t) => t.cells);
      expectedCount += expected.length;
      assert.equal(mine.length, expected.length, file);
      mine.forEach((c, i) => {
        const e = expected[i];
        assert.deepEqual(
          { table: c.table, row: c.row, column: c.column, rowLabel: c.rowLabel, columnLabel: c.columnLabel, value: c.value, item: c.item },
          { table: e.table, row: e.row, column: e.column, rowLabel: e.rowLabel, columnLabel: e.columnLabel, value: e.value, item: e.item },
        );
        assert.deepEqual(c.range, { start: lines.positionAt(e.start), end: lines.positionAt(e.end) });
        // The range covers the cell's text in the file.
        assert.equal(c.range.start.line, c.range.end.line);
        const lineText = lines.lineText(c.range.start.line);
        assert.equal(lineText.slice(c.range.start.character, c.range.end.character), c.raw);
      });
      for (const t of report.tables.filter((x) => x.reading === 'none')) assert.match(r.stderr, new RegExp(`${path.basename(file)}: table ${t.id} could not be read`));
    }
    assert.equal(cells.length, expectedCount);
    assert.equal(r.code, 0);
  });

  it('JSON: reads our own fixture\'s numbers (175 cells of table 2, the 15 appeals cells, the proactive items)', () => {
    const cells = JSON.parse(runCli(['extract', fixture('clean.txt')]).stdout) as Cell[];
    const requests = cells.filter((c) => c.table === 'requests');
    assert.equal(requests.length, 175);
    const get = (row: string, column: string | null) => cells.find((c) => c.row === row && c.column === column);
    assert.equal(get('R1', 'c1')!.value, 3);
    assert.equal(get('R1', 'c6')!.value, 1);
    assert.equal(get('R1', 'c7')!.value, 4);
    assert.equal(get('R13', 'c1')!.value, 1);
    assert.equal(get('R24', 'c7')!.value, 4);
    const appeals = cells.filter((c) => c.table === 'appeals');
    assert.deepEqual(appeals.map((c) => c.row), ['A', 'B', 'C'].flatMap((g) => [1, 2, 3, 4, 5].map((n) => `${g}${n}`)));
    assert.ok(appeals.every((c) => c.column === null));
    assert.deepEqual(appeals.map((c) => c.value), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const norm = cells.find((c) => c.table === 'proactive' && c.row === '行政规范性文件' && c.column === '现行有效件数')!;
    assert.equal(norm.item, '第二十条第（一）项');
    assert.equal(norm.value, 2);
  });

  it('CSV: BOM, header, RFC 4180 quoting, the same cells as JSON; formula-like text is neutralised', () => {
    const dir = tempDir();
    const names = ['a,"b".txt', '=1+1.txt'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), readFixture('clean.txt'));
    const csv = runCli(['extract', '--format', 'csv', ...names], { cwd: dir });
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('\ufeff'), 'UTF-8 BOM so Excel reads Chinese');
    assert.ok(csv.stdout.includes('"a,""b"".txt"'), 'a field with a comma and quotes is quoted, quotes doubled');
    const rows = parseCsv(csv.stdout.slice(1));
    const header = rows[0];
    assert.deepEqual(header, ['file', 'table', 'item', 'row', 'column', 'rowLabel', 'columnLabel', 'value', 'raw', 'startLine', 'startCharacter', 'endLine', 'endCharacter']);
    const json = JSON.parse(runCli(['extract', ...names], { cwd: dir }).stdout) as Cell[];
    assert.equal(rows.length - 1, json.length);
    json.forEach((c, i) => {
      const rec = Object.fromEntries(header.map((h, k) => [h, rows[i + 1][k]]));
      assert.equal(rec.file, c.file === '=1+1.txt' ? "'=1+1.txt" : c.file);
      assert.equal(rec.table, c.table);
      assert.equal(rec.item, c.item ?? '');
      assert.equal(rec.row, c.row);
      assert.equal(rec.column, c.column ?? '');
      assert.equal(rec.rowLabel, c.rowLabel);
      assert.equal(rec.value, c.value === null ? '' : String(c.value));
      assert.equal(Number(rec.startLine), c.range.start.line);
      assert.equal(Number(rec.endCharacter), c.range.end.character);
    });
  });

  it('an unreadable input: message, exit 2, the other files still extracted', () => {
    const r = runCli(['extract', '--lang', 'en', 'no-such.txt', fixture('clean.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such\.txt: no such file/);
    assert.ok((JSON.parse(r.stdout) as Cell[]).length > 0);
  });
});
