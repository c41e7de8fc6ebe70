// A reviewer's folder for the summary tests, made at run time: the five seeds, the team's examples,
// and variants of the seeds — last year's report of a body (the year moved back, 本年新收 changed),
// the same body under its short name, and a copy with a total made wrong.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { REPO_ROOT, readSeed, seedFiles } from './seeds';

/** The text with the request table's cell (row, 总计) set to `value` (the cell must have been read). */
export function withRequestTotal(text: string, row: string, value: number): string {
  const cell = check(text).report.tables.find((t) => t.id === 'requests')?.cells.find((c) => c.row === row && c.column === 'c7');
  if (!cell || cell.value === null) throw new Error(`cell ${row}/c7 is not read`);
  return text.slice(0, cell.start) + String(value) + text.slice(cell.end);
}

/** The report moved to another year: every 「2023年」 and the statistics period's years. */
function movedYear(text: string, from: number, to: number): string {
  return text.split(`${from}年`).join(`${to}年`).split(`${from + 1}年`).join(`${to + 1}年`);
}

/** Writes the folder; returns the files written, sorted as the CLI walks them. */
export function writeSummaryFolder(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of seedFiles()) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  for (const f of ['clean-2024.txt', 'markdown-2023.md', 'mistakes-2024.txt']) fs.copyFileSync(path.join(REPO_ROOT, 'examples', f), path.join(dir, f));

  const seed004 = readSeed('004').text;
  const received = check(seed004).report.tables.find((t) => t.id === 'requests')?.cells.find((c) => c.row === 'R1' && c.column === 'c7')?.value;
  if (typeof received !== 'number') throw new Error('seed 004: 本年新收 总计 is not read');
  // Last year's report of the same body: the year moved back, 新收 raised (a row-total error too).
  fs.writeFileSync(path.join(dir, 'variant-004-last-year.txt'), withRequestTotal(movedYear(seed004, 2023, 2022), 'R1', received + 7));
  // The same body two years back, unchanged figures.
  fs.writeFileSync(path.join(dir, 'variant-004-two-years-back.txt'), movedYear(seed004, 2023, 2021));
  // Seed 000 under its short name.
  const seed000 = readSeed('000').text;
  if (!seed000.includes('吴忠市工业和信息化局')) throw new Error('seed 000: the organ name is not where the variant expects it');
  fs.writeFileSync(path.join(dir, 'variant-000-short-name.txt'), seed000.split('吴忠市工业和信息化局').join('吴忠市工信局'));
  return fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
}
