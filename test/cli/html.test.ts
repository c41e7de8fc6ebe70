// The CLI on web pages: check, extract and --fix read .html/.htm as pages (positions in the HTML
// file), folders are searched for them, and the page's declared charset is honoured.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument, LineIndex } from '../../server/src/engine';
import { declaredCharset, decode } from '../../server/src/cli/encoding';
import { htmlDocument } from '../../server/src/formats/html';
import { toHtmlPage } from '../support/html-page';
import { REPO_ROOT } from '../support/seeds';
import { runCli, tempDir } from './helpers';

const CLEAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'clean-2024.txt'), 'utf8');
const PAGE = toHtmlPage(CLEAN);
const ROW = PAGE.indexOf('一、本年新收');
const TOTAL = PAGE.indexOf('>16<', ROW) + 1;
/** The clean page with one wrong total (61 for 16) inside its <td>. */
const MUTATED = PAGE.slice(0, TOTAL) + '61' + PAGE.slice(TOTAL + 2);

interface JsonFile {
  file: string;
  year: number | null;
  sections: { number: number }[];
  tables: { id: string; readable: boolean | string }[];
  diagnostics: { code: string; range: { start: { line: number; character: number } } }[];
}

describe('cli on HTML pages', () => {
  it('check: a finding at line:column of the HTML file, on the number inside its <td>', () => {
    const dir = tempDir();
    const file = path.join(dir, '年报.html');
    fs.writeFileSync(file, MUTATED);
    const r = runCli(['check', file]);
    assert.equal(r.code, 1, r.stderr);
    const at = new LineIndex(MUTATED).positionAt(TOTAL);
    assert.match(r.stdout, new RegExp(`年报\\.html:${at.line + 1}:${at.character + 1} error .*\\[row-total\\]`));
    const json = JSON.parse(runCli(['check', '--format', 'json', file]).stdout) as JsonFile[];
    assert.equal(json[0].year, 2024);
    assert.deepEqual(json[0].sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(json[0].tables.map((t) => `${t.id}:${t.readable}`), ['proactive:true', 'requests:true', 'appeals:true']);
    const d = json[0].diagnostics.find((x) => x.code === 'row-total');
    assert.deepEqual(d?.range.start, at);
  });

  it('--fix on .html edits only the number in the HTML, and the page then checks clean of it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.htm');
    fs.writeFileSync(file, MUTATED);
    const r = runCli(['check', '--fix', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), PAGE, r.stdout + r.stderr);
    assert.match(r.stdout, /report\.htm:\d+:\d+ 已修复/);
    assert.ok(!checkDocument(htmlDocument(PAGE)).findings.some((f) => f.ruleId === 'row-total'));
  });

  it('extract: the cells of the page, with ranges in the HTML file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, PAGE);
    const r = runCli(['extract', file]);
    assert.equal(r.code, 0, r.stderr);
    const cells = JSON.parse(r.stdout) as { table: string; row: string; column: string | null; value: number; range: { start: { line: number; character: number } } }[];
    assert.equal(cells.length, 200);
    const total = cells.find((c) => c.table === 'requests' && c.row === 'R1' && c.column === 'c7');
    assert.equal(total?.value, 16);
    assert.deepEqual(total?.range.start, new LineIndex(PAGE).positionAt(TOTAL));
  });

  it('folders are searched for .html and .htm beside .txt and .md', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.html'), PAGE);
    fs.writeFileSync(path.join(dir, 'b.HTM'), PAGE);
    fs.writeFileSync(path.join(dir, 'c.txt'), CLEAN);
    fs.writeFileSync(path.join(dir, 'd.css'), 'p { margin: 0 }');
    const r = runCli(['check', '--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as JsonFile[]).map((o) => path.basename(o.file));
    assert.deepEqual(files, ['a.html', 'b.HTM', 'c.txt']);
    assert.equal(r.code, 0, r.stdout);
  });

  it('a page that declares GBK is read as GB18030, and --fix writes it back in GB18030', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gbk.html');
    const gbkPage = MUTATED.replace('charset=utf-8', 'charset=gb2312');
    fs.writeFileSync(file, encodeGb18030(gbkPage));
    const json = JSON.parse(runCli(['check', '--format', 'json', file]).stdout) as JsonFile[];
    assert.ok(json[0].diagnostics.some((d) => d.code === 'row-total'));
    assert.deepEqual(json[0].sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    runCli(['check', '--fix', file]);
    assert.deepEqual(fs.readFileSync(file), encodeGb18030(PAGE.replace('charset=utf-8', 'charset=gb2312')));
  });

  it('the declared charset decides bytes that are valid both ways (「职全小」 in GBK is also valid UTF-8)', () => {
    const bytes = (meta: string): Buffer => Buffer.concat([Buffer.from(`<html><head>${meta}</head><body><p>`), Buffer.from([0xd6, 0xb0, 0xc8, 0xab, 0xd0, 0xa1]), Buffer.from('</p></body></html>')]);
    const gbk = decode(bytes('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'html');
    assert.equal(gbk.encoding, 'gb18030');
    assert.match(gbk.text, /<p>职全小<\/p>/);
    assert.equal(decode(bytes('<meta charset="utf-8">'), 'html').encoding, 'utf-8');
    assert.equal(decode(bytes('<meta charset=gb2312>'), 'text').encoding, 'utf-8', 'a text file is not read by its markup');
    assert.equal(declaredCharset(Buffer.from('<meta charset="big5">')), null);
    assert.equal(declaredCharset(Buffer.from('<META CHARSET=GB18030>')), 'gb18030');
  });

  it('binary junk named .html: a clear message and exit 2, the other page still checked', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'junk.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    fs.writeFileSync(path.join(dir, 'ok.html'), PAGE);
    const r = runCli(['check', '--lang', 'en', '--format', 'json', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /junk\.html: not a text file/);
    assert.deepEqual((JSON.parse(r.stdout) as JsonFile[]).map((o) => path.basename(o.file)), ['ok.html']);
  });
});

/** GB18030 bytes of a text, through the CLI's own encoder's counterpart: Node decodes GB18030, so invert it for the characters used. */
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const s = dec.decode(Uint8Array.from([b1, b2]));
      if (s.length === 1 && !table.has(s)) table.set(s, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch} (U+${c.toString(16)})`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
