// Reading the forms a report arrives in, through the adapters and the engine: a Word file, a
// 10-page PDF (printed by LibreOffice from that Word file, as a drafter's PDF is) and a ~100 KB
// government web page (CMS chrome around the report). Each figure is read + check of one file,
// warm, in this process; the PDF figure is skipped when soffice is not installed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDocument } from '../server/src/engine';
import { readDocumentFile } from '../server/src/formats';
import { writeDocx } from '../test/formats/wordml';
import { toHtmlPage } from '../test/support/html-page';
import { printReportsToPdf } from '../test/support/printPdf';
import type { Figure } from './figures';
import { consume, summarize } from './stats';

/** The report with its section 一 prose repeated until the text is about `chars` long (10 pages ≈ 9,000 characters). */
function lengthened(text: string, chars: number): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、'));
  const prose = lines.slice(at + 1).find((l) => l.trim().length > 20) ?? '本局持续推进政务公开工作。';
  const extra: string[] = [];
  let length = text.length;
  while (length < chars) {
    extra.push(prose, '');
    length += prose.length + 1;
  }
  return [...lines.slice(0, at + 1), '', ...extra, ...lines.slice(at + 1)].join('\n');
}

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<{ median: number; min: number; max: number; runs: number }> {
  for (let i = 0; i < warmup; i++) consume(await fn());
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    consume(await fn());
    xs.push(performance.now() - t);
  }
  return summarize(xs);
}

const hasSoffice = (): boolean => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
};

export async function benchFormats(repoRoot: string, log: (s: string) => void, quick: boolean): Promise<Figure[]> {
  const example = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2024.txt'), 'utf8');
  const long = lengthened(example, 9_000);
  const runs = quick ? 3 : 15;
  const figures: Figure[] = [];
  const figure = (name: string, s: { median: number; min: number; max: number; runs: number }, note: string): Figure => ({
    group: 'format',
    name,
    value: s.median,
    min: s.min,
    max: s.max,
    runs: s.runs,
    unit: 'ms',
    note,
  });

  const docx = writeDocx(long).bytes;
  log(`format: .docx (${(docx.length / 1000).toFixed(0)} kB)`);
  const docxTime = await timeAsync(async () => {
    const r = await readDocumentFile(docx, 'report.docx');
    return r.ok ? checkDocument(r.document) : r;
  }, runs);
  figures.push(figure(`read + check .docx (${(docx.length / 1000).toFixed(0)} kB)`, docxTime, 'Word file written from the example, lengthened to ~10 pages'));

  let html = toHtmlPage(long);
  while (html.length < 100_000) html = html.replace('</body>', `<div class="nav">${'<a href="/x">栏目导航</a>'.repeat(200)}</div></body>`);
  log(`format: .html (${(Buffer.byteLength(html) / 1000).toFixed(0)} kB)`);
  const htmlBytes = Buffer.from(html, 'utf8');
  const htmlTime = await timeAsync(async () => {
    const r = await readDocumentFile(htmlBytes, 'page.html');
    return r.ok ? checkDocument(r.document) : r;
  }, runs);
  figures.push(figure(`read + check .html (${(Buffer.byteLength(html) / 1000).toFixed(0)} kB)`, htmlTime, 'CMS page: chrome, styled-<p> headings, merged cells'));

  if (!hasSoffice()) {
    log('format: no soffice, the PDF figure is skipped');
    return figures;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-pdf-'));
  try {
    const { report: pdf } = await printReportsToPdf({ report: long }, dir);
    const first = await readDocumentFile(pdf, 'report.pdf');
    const pages = first.ok ? (first.document.origin?.(first.document.source.text.length - 1)?.page ?? null) : null;
    log(`format: .pdf (${(pdf.length / 1000).toFixed(0)} kB, ${pages ?? '?'} pages)`);
    const pdfTime = await timeAsync(async () => {
      const r = await readDocumentFile(pdf, 'report.pdf');
      return r.ok ? checkDocument(r.document) : r;
    }, quick ? 2 : 7, 1);
    figures.push(figure(`read + check .pdf (${pages ?? '?'} pages, ${(pdf.length / 1000).toFixed(0)} kB)`, pdfTime, 'printed by LibreOffice from the .docx above'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
