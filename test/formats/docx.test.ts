// The .docx adapter on Word files the tests write from our own example reports (numbered headings
// through w:numPr, merged cells through w:vMerge/w:gridSpan), on hand-written WordprocessingML for
// each construct, and on damaged files.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { check, checkDocument } from '../../server/src/engine';
import { docxDocument, readDocx } from '../../server/src/formats/docx';
import { chineseCounting } from '../../server/src/formats/numbering';
import { cellsOf, example, findingsOf } from './shared';
import { writeDocx } from './wordml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal package around a body (and optional numbering), zipped with fflate. */
function packageOf(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(extra)) files[name] = strToU8(xml);
  return zipSync(files);
}

function reportText(bytes: Uint8Array): string {
  const r = readDocx(bytes);
  assert.ok(r.ok, r.ok ? '' : r.reason.en);
  return r.text;
}

describe('docx: our example reports written as Word files read like their text', () => {
  for (const name of ['clean-2024.txt', 'mistakes-2024.txt']) {
    const text = example(name);
    const written = writeDocx(text);
    const document = (() => {
      const r = docxDocument(written.bytes);
      assert.ok(r.ok);
      return r.document;
    })();
    const fromDocx = checkDocument(document);
    const fromText = check(text);

    it(`${name}: the Word file really uses numbering and merged cells`, () => {
      const xml = written.documentXml;
      for (const construct of ['<w:numPr>', '<w:gridSpan', '<w:vMerge w:val="restart"/>', '<w:vMerge/>']) assert.ok(xml.includes(construct), construct);
      // The numeral of 「一、总体情况」 is in no run: it comes from numbering.xml.
      assert.ok(xml.includes('>总体情况<') && !xml.includes('>一、总体情况<'));
    });

    it(`${name}: same six sections, year and format as the text`, () => {
      assert.deepEqual(
        fromDocx.report.sections.map((s) => `${s.number} ${s.title}`),
        fromText.report.sections.map((s) => `${s.number} ${s.title}`),
      );
      if (name.startsWith('clean')) assert.equal(fromDocx.report.sections.length, 6);
      assert.equal(fromDocx.report.year, fromText.report.year);
      assert.equal(fromDocx.report.formatVersion, fromText.report.formatVersion);
    });

    it(`${name}: same cells and the same findings as the text`, () => {
      assert.equal(cellsOf(fromDocx).length, 200);
      assert.deepEqual(cellsOf(fromDocx), cellsOf(fromText));
      assert.deepEqual(findingsOf(fromDocx), findingsOf(fromText));
    });

    it(`${name}: read-only, each finding maps to a paragraph or a table cell`, () => {
      assert.equal(document.editable, false);
      assert.equal(document.form, 'docx');
      for (const f of fromDocx.findings) {
        const o = document.origin!(f.start);
        assert.ok(o && o.kind === 'docx' && (o.paragraph !== undefined || (o.table !== undefined && o.row !== undefined && o.cell !== undefined)));
      }
    });
  }

  it('a mutated total is flagged at the Word table cell that holds it', () => {
    const text = example('clean-2024.txt');
    const line = '一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16';
    const lineNo = text.split('\n').indexOf(line);
    assert.ok(lineNo > 0);
    const written = writeDocx(text.replace(line, line.replace(/16$/, '61')));
    const r = docxDocument(written.bytes);
    assert.ok(r.ok);
    const f = checkDocument(r.document).findings.find((x) => x.ruleId === 'row-total');
    assert.ok(f, 'row-total finding');
    assert.equal(r.document.source.text.slice(f.start, f.end), '61');
    // Where the writer put that cell: the 10th cell of its row.
    assert.deepEqual(r.document.origin!(f.start), { kind: 'docx', ...written.cellPlaces.get(lineNo)![9] });
  });
});

describe('docx: WordprocessingML constructs', () => {
  it('gridBefore, gridSpan and vMerge expand into the tab row; continuation cells are empty', () => {
    const cell = (text: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const body =
      `<w:tbl>` +
      `<w:tr>${cell('组', '<w:vMerge w:val="restart"/>')}${cell('标题', '<w:gridSpan w:val="2"/>')}${cell('合计')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('1')}${cell('2')}${cell('3')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${cell('4')}${cell('5')}</w:tr>` +
      `</w:tbl>`;
    const bytes = packageOf(body);
    assert.equal(reportText(bytes), '组\t标题\t\t合计\n\t1\t2\t3\n\t\t4\t5');
    const r = docxDocument(bytes);
    assert.ok(r.ok);
    const text = r.document.source.text;
    assert.deepEqual(r.document.origin!(text.indexOf('合计')), { kind: 'docx', table: 1, row: 1, cell: 4 });
    assert.deepEqual(r.document.origin!(text.indexOf('4')), { kind: 'docx', table: 1, row: 3, cell: 3 });
    assert.deepEqual(r.document.origin!(text.indexOf('3')), { kind: 'docx', table: 1, row: 2, cell: 4 });
  });

  it('numbering: 「一、」 and 「（一）」 from numbering.xml, restarting under each heading, also through a heading style', () => {
    const numbering =
      `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="7">` +
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
      `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
      `</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const styles =
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const p = (text: string, pPr: string): string => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const num = (ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`;
    const body = [
      p('总体情况', '<w:pStyle w:val="H1"/>'),
      p('主动公开', num(1)),
      p('依申请公开', num(1)),
      p('属于国家秘密', num(2)),
      p('主动公开政府信息情况', '<w:pStyle w:val="H1b"/>'),
      p('规章', num(1)),
      p('不编号', '<w:numPr><w:numId w:val="0"/></w:numPr>'),
    ].join('');
    assert.equal(
      reportText(packageOf(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles })),
      '一、总体情况\n（一）主动公开\n（二）依申请公开\n1.属于国家秘密\n二、主动公开政府信息情况\n（一）规章\n不编号',
    );
  });

  it('what Word does not print is not read: deleted revisions, hidden text, field codes, text boxes, notes, comments', () => {
    const body =
      `<w:p><w:r><w:t>收到申请</w:t></w:r>` +
      `<w:del w:id="1"><w:r><w:delText>99</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>12</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>件</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
      `<w:r><w:drawing><wp:inline xmlns:wp="urn:wp"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r>` +
      `<w:hyperlink><w:r><w:t>。</w:t></w:r></w:hyperlink></w:p>`;
    assert.equal(reportText(packageOf(body)), '收到申请12件。');
  });

  it('a cell of several paragraphs reads as one line: CJK joins tight, numbers never fuse', () => {
    const body =
      `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>` +
      `<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    assert.equal(reportText(packageOf(body)), '三、本年度办理结果\t12 3');
  });

  it('Chinese counting as Word writes it', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting), ['一', '九', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });
});

describe('docx: damaged, encrypted and hostile files give a reason, never a crash', () => {
  const good = writeDocx(example('clean-2024.txt')).bytes;
  // One bomb for both bomb cases: 40 MB of zeros (past the 32 MB a part may hold) in ~40 KB.
  let bombCache: Uint8Array | null = null;
  const bomb = (): Uint8Array => (bombCache ??= zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }));

  const cases: [string, () => Uint8Array, RegExp][] = [
    ['truncated', () => good.subarray(0, Math.floor(good.length / 2)), /damaged|truncated/],
    ['not a zip at all', () => strToU8('这不是 Word 文件'), /damaged|truncated/],
    ['an empty file', () => new Uint8Array(0), /damaged|truncated/],
    ['encrypted (an OLE container, as Word writes password-protected files)', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /encrypted/],
    ['a zip without word/document.xml', () => zipSync({ 'hello.txt': strToU8('hi') }), /document\.xml is missing/],
    ['document.xml that is not XML', () => zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') }), /not valid XML/],
    ['a zip bomb: 40 MB of zeros in document.xml', () => bomb(), /zip bomb/],
    [
      'a zip bomb that lies about its size in the directory',
      () => {
        const z = bomb().slice();
        const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
        // Patch the uncompressed size of the central directory entry to 1 KB.
        for (let o = z.length - 22; o >= 0; o--) {
          if (view.getUint32(o, true) === 0x02014b50) {
            view.setUint32(o + 24, 1024, true);
            break;
          }
        }
        return z;
      },
      /zip bomb/,
    ],
    [
      'an entry flagged as encrypted',
      () => {
        const z = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"/>`) });
        const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
        for (let o = z.length - 22; o >= 0; o--) if (view.getUint32(o, true) === 0x02014b50) view.setUint16(o + 8, 1, true);
        return z;
      },
      /encrypted/,
    ],
  ];
  for (const [name, make, reason] of cases) {
    it(name, () => {
      const r = readDocx(make());
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.reason.en, reason);
        assert.ok(/[\u4e00-\u9fff]/.test(r.reason.zh), 'a Chinese message too');
      }
    });
  }

  it('random bytes, and a real file with random bytes overwritten, give a result or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(), (noise, at) => {
        readDocx(noise);
        const damaged = good.slice();
        damaged.set(noise.subarray(0, Math.min(noise.length, 64)), at % Math.max(1, damaged.length - 64));
        readDocx(damaged);
      }),
      { numRuns: 40, seed: 10 },
    );
  });
});
