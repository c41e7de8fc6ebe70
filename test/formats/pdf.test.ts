// The .pdf adapter on PDFs made at test time: our example reports written as Word files
// (test/formats/wordml.ts) and printed to PDF by LibreOffice (installed by .ci/run), on layouts of
// positioned text built by hand, and on damaged, encrypted and scanned files. The CLI's handling
// of .docx and .pdf inputs is checked here too, on the same files.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, checkDocument, type Document } from '../../server/src/engine';
import { layoutPages, pdfDocument, pdfPages, readPdf, type PdfPage, type TextItem } from '../../server/src/formats/pdf';
import { runCli, tempDir } from '../cli/helpers';
import { cellsOf, example, findingsOf } from './shared';
import { printReportsToPdf } from '../support/printPdf';
import { writeDocx } from './wordml';

const WRONG_TOTAL = ['一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16', '一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t61'];

/** A one-page PDF whose page draws nothing: what a scan looks like to a text reader (no text layer). */
function pdfWithoutText(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('pdf: our example reports printed to PDF read like their text', function () {
  this.timeout(400_000);
  const dir = tempDir('dr-pdf-');
  const docs: Record<string, { text: string; pdf: Buffer; document: Document }> = {};

  before(async () => {
    const sources: Record<string, string> = {
      clean: example('clean-2024.txt'),
      mistakes: example('mistakes-2024.txt'),
      mutated: example('clean-2024.txt').replace(WRONG_TOTAL[0], WRONG_TOTAL[1]),
    };
    const pdfs = await printReportsToPdf(sources, dir);
    for (const [name, text] of Object.entries(sources)) {
      const pdf = pdfs[name];
      const r = await pdfDocument(new Uint8Array(pdf));
      assert.ok(r.ok, r.ok ? '' : r.reason.en);
      docs[name] = { text, pdf, document: r.document };
    }
  });

  for (const name of ['clean', 'mistakes']) {
    it(`${name}: same sections, year, format, cells and findings as the text`, () => {
      const { text, document } = docs[name];
      const fromPdf = checkDocument(document);
      const fromText = check(text);
      assert.deepEqual(fromPdf.report.sections.map((s) => s.number), fromText.report.sections.map((s) => s.number));
      assert.equal(fromPdf.report.year, 2024);
      assert.equal(fromPdf.report.formatVersion, fromText.report.formatVersion);
      assert.equal(cellsOf(fromPdf).length, 200);
      assert.deepEqual(cellsOf(fromPdf), cellsOf(fromText));
      assert.deepEqual(findingsOf(fromPdf), findingsOf(fromText));
    });
  }

  it('the PDF spans pages, and every offset maps to a page of it', async () => {
    const { document, pdf } = docs.clean;
    const pages = await pdfPages(new Uint8Array(pdf));
    assert.ok(pages.ok && pages.pages.length >= 2, 'several pages');
    const seen = new Set<number>();
    for (let o = 0; o < document.source.text.length; o += 50) {
      const origin = document.origin!(o);
      assert.equal(origin?.kind, 'pdf');
      assert.ok(origin!.page! >= 1 && origin!.page! <= pages.pages.length);
      seen.add(origin!.page!);
    }
    assert.equal(seen.size, pages.pages.length);
    assert.equal(document.editable, false);
  });

  it('a mutated total is flagged on the page that prints it', async () => {
    const { document, pdf } = docs.mutated;
    const f = checkDocument(document).findings.find((x) => x.ruleId === 'row-total');
    assert.ok(f, 'row-total finding');
    assert.equal(document.source.text.slice(f.start, f.end), '61');
    // The page whose text layer holds 「61」 after the row label, found from the raw items.
    const pages = await pdfPages(new Uint8Array(pdf));
    assert.ok(pages.ok);
    const page = pages.pages.findIndex((p) => p.items.some((i) => i.str.includes('一、本年新收'))) + 1;
    assert.ok(page >= 1);
    assert.deepEqual(document.origin!(f.start), { kind: 'pdf', page });
  });

  describe('cli: .docx and .pdf inputs', () => {
    it('check finds both in a folder, locates findings by page and table cell, and a bad file gives exit 2 while the others are checked', () => {
      const folder = tempDir('dr-cli-bin-');
      fs.copyFileSync(path.join(dir, 'mutated.pdf'), path.join(folder, 'a.pdf'));
      fs.copyFileSync(path.join(dir, 'mutated.docx'), path.join(folder, 'b.docx'));
      fs.writeFileSync(path.join(folder, 'c-broken.docx'), fs.readFileSync(path.join(dir, 'clean.docx')).subarray(0, 300));
      fs.writeFileSync(path.join(folder, 'd-scan.pdf'), pdfWithoutText());
      const zh = runCli(['check', folder]);
      assert.equal(zh.code, 2, zh.stderr);
      assert.match(zh.stdout, /a\.pdf:第\d+页 error 「一、本年新收政府信息公开申请数量」的总计.*应为 16.*\[row-total\]/);
      assert.match(zh.stdout, /b\.docx:表5 第4行 第10列 error 「一、本年新收政府信息公开申请数量」的总计.*应为 16/);
      assert.match(zh.stderr, /c-broken\.docx: 文件已损坏或不完整/);
      assert.match(zh.stderr, /d-scan\.pdf: PDF 没有文字层（可能是扫描件），请先做 OCR/);
      assert.match(zh.stdout, /已检查 2 个文件/);
      const en = runCli(['check', '--lang', 'en', folder]);
      assert.match(en.stdout, /a\.pdf:page \d+ error /);
      assert.match(en.stdout, /b\.docx:table 5, row 4, cell 10 error /);
      assert.match(en.stderr, /d-scan\.pdf: the PDF has no text layer \(a scan\?\): OCR it first/);
    });

    it('JSON gives the source of each diagnostic beside its range in the report text, and offers no edit', () => {
      const r = runCli(['check', '--format', 'json', path.join(dir, 'mutated.docx'), path.join(dir, 'mutated.pdf')]);
      assert.equal(r.code, 1, r.stderr);
      const [docx, pdf] = JSON.parse(r.stdout);
      const total = (o: { diagnostics: { code: string }[] }) => o.diagnostics.find((d) => d.code === 'row-total') as unknown as { source: unknown; fix?: unknown };
      assert.deepEqual(total(docx).source, { kind: 'docx', table: 5, row: 4, cell: 10 });
      assert.equal((total(pdf).source as { kind: string }).kind, 'pdf');
      assert.equal(total(docx).fix, undefined);
    });

    it('--fix does not touch a .docx or .pdf and says how to get an editable text', () => {
      const folder = tempDir('dr-cli-fix-');
      const file = path.join(folder, 'r.docx');
      fs.copyFileSync(path.join(dir, 'mutated.docx'), file);
      const before = fs.readFileSync(file);
      const r = runCli(['check', '--fix', file]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /未修改：Word\/PDF 文件不会被改写；可运行 disclosure-report text/);
      assert.deepEqual(fs.readFileSync(file), before);
    });

    it('text prints the report text the ranges refer to; extract gives the cells with their source', () => {
      const r = runCli(['text', path.join(dir, 'mutated.pdf')]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, docs.mutated.document.source.text + '\n');
      const x = runCli(['extract', path.join(dir, 'mutated.docx')]);
      const cells = JSON.parse(x.stdout) as { row: string; column: string; value: number; source: unknown }[];
      assert.equal(cells.length, 200);
      assert.deepEqual(cells.find((c) => c.row === 'R1' && c.column === 'c7')?.source, { kind: 'docx', table: 5, row: 4, cell: 10 });
    });
  });

  describe('bad PDFs: a reason each, never a crash or an empty report', () => {
    it('no text layer', async () => {
      const r = await readPdf(new Uint8Array(pdfWithoutText()));
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason.zh, /没有文字层.*OCR/);
    });
    it('encrypted with a password', () => {
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to',
          'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
          '--outdir', path.join(dir, 'encrypted'), path.join(dir, 'clean.docx'),
        ],
        { stdio: 'ignore', timeout: 300_000 },
      );
      const r = runCli(['check', path.join(dir, 'encrypted', 'clean.pdf')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /PDF 已加密/);
    });
    for (const [name, bytes] of [
      ['truncated', () => docs.clean.pdf.subarray(0, Math.floor(docs.clean.pdf.length / 3))],
      ['garbage after a PDF header', () => Buffer.from('%PDF-1.7\n这不是 PDF')],
      ['empty', () => Buffer.alloc(0)],
    ] as const) {
      it(name, async () => {
        const r = await readPdf(new Uint8Array(bytes()));
        assert.equal(r.ok, false);
        if (!r.ok) assert.ok(/损坏|文字层/.test(r.reason.zh) && r.reason.en.length > 0, r.reason.zh);
      });
    }
  });
});

describe('pdf layout: positioned text to lines and tab rows', () => {
  const item = (str: string, x: number, y: number, fontSize = 9): TextItem => ({ str, x, y, width: [...str].length * fontSize * (/^[0-9]+$/.test(str) ? 0.55 : 1), fontSize });
  const page = (items: TextItem[]): PdfPage => ({ width: 595, height: 842, items });

  it('page numbers in the margins are dropped: 「- 3 -」「— 3 —」「第3页」「3/10」', () => {
    for (const footer of ['- 3 -', '— 3 —', '第3页', '第 3 页 共 10 页', '3/10', '3']) {
      const { text } = layoutPages([page([item('正文一行。', 60, 700, 10.5), item(footer, 290, 40, 9)])]);
      assert.equal(text, '正文一行。', footer);
    }
    // A number in the body is text.
    assert.equal(layoutPages([page([item('3', 60, 400)])]).text, '3');
  });

  it('a row label wrapped in its cell and carried over a page break joins its row', () => {
    const header = [item('信息内容', 60, 700), item('本年处理决定数量', 200, 700)];
    const first = page([...header, item('行政许', 60, 680), item('156', 200, 680), item('可', 60, 668)]);
    const second = page([item('行政处', 60, 780), item('8', 200, 780), item('罚', 60, 768)]);
    const { text, origins } = layoutPages([first, second]);
    assert.equal(text, '信息内容\t本年处理决定数量\n行政许可\t156\n行政处罚\t8');
    assert.deepEqual(origins.origins.map((o) => o.page), [1, 1, 2]);
  });

  it('a group label printed one character per line becomes the label of its first row', () => {
    const rows = [
      ['三', '（一）予以公开', '6'],
      ['、', '（二）部分公开', '1'],
      ['本', '（三）不予公开', '0'],
      ['年', '（四）无法提供', '2'],
    ];
    const items = rows.flatMap(([g, label, n], i) => [item(g, 60, 700 - 13 * i), item(label, 100, 700 - 13 * i), item(n, 300, 700 - 13 * i)]);
    assert.equal(layoutPages([page(items)]).text, '三、本年\t（一）予以公开\t6\n\t（二）部分公开\t1\n\t（三）不予公开\t0\n\t（四）无法提供\t2');
  });

  it('an empty cell keeps its slot: the column starts come from the rows that hold numbers', () => {
    const items = [
      item('一、本年新收', 60, 700), item('12', 200, 700), item('3', 240, 700), item('15', 280, 700),
      item('二、上年结转', 60, 687), item('1', 200, 687), item('1', 280, 687),
    ];
    assert.equal(layoutPages([page(items)]).text, '一、本年新收\t12\t3\t15\n二、上年结转\t1\t\t1');
  });

  it('a paragraph that runs to the right margin goes on on the next line; a heading starts anew', () => {
    const items = [
      item('本报告所列数据的统计期限自2024年1月1日起至', 60, 700, 10.5),
      item('2024年12月31日止。', 60, 685, 10.5),
      item('一、总体情况', 60, 660, 10.5),
    ];
    // The first line is the widest line of the page: it reaches the margin.
    assert.equal(layoutPages([page(items)]).text, '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n一、总体情况');
  });

  it('any positioned text lays out without throwing, each origin inside the text and in order', () => {
    const itemArb = fc.record({
      str: fc.constantFrom('三', '、', '（一）予以公开', '12', '0', '- 3 -', '第二十条第（一）项', '行政许', '可', ' ', ''),
      x: fc.double({ min: -50, max: 700, noNaN: true }),
      y: fc.double({ min: -50, max: 900, noNaN: true }),
      width: fc.double({ min: 0, max: 300, noNaN: true }),
      fontSize: fc.double({ min: 0.5, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(itemArb, { maxLength: 60 }), { minLength: 1, maxLength: 3 }), (pages) => {
        const { text, origins } = layoutPages(pages.map((items) => page(items.filter((i) => i.str.trim() !== ''))));
        for (let k = 0; k < origins.starts.length; k++) {
          assert.ok(origins.starts[k] >= 0 && origins.starts[k] <= text.length);
          if (k > 0) assert.ok(origins.starts[k] > origins.starts[k - 1]);
          assert.ok(origins.origins[k].page! >= 1 && origins.origins[k].page! <= pages.length);
        }
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
