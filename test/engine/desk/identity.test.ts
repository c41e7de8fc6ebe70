// A report's identity (organ and year) read from its head alone (readIdentity: no table read) is
// the one its full facts give, so a folder paired before it is checked pairs as after: on the
// seeds, the examples, the sample web page, and variants whose organ comes from the preamble's
// quoted title or from the signature.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsOf, pairReports, readDocument, readHead, readIdentity, textDocument, type Document } from '../../../server/src/engine';
import { htmlDocument } from '../../../server/src/formats/html';
import { readSeed, seedFiles } from '../../support/seeds';

const EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'examples');
const SAMPLES = path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'samples');

function assertSameIdentity(document: Document, what: string): void {
  const facts = factsOf(readDocument(document));
  assert.deepEqual(readIdentity(document), { organ: facts.organ, organKey: facts.organKey, year: facts.year }, what);
}

describe('engine desk: identity from the head', () => {
  it('equals the facts on every seed, example and sample', () => {
    const texts: [string, Document][] = [];
    for (const f of seedFiles()) texts.push([path.basename(f), textDocument(fs.readFileSync(f, 'utf8'))]);
    for (const f of fs.readdirSync(EXAMPLES).filter((x) => /\.(txt|md)$/.test(x))) texts.push([f, textDocument(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'))]);
    if (fs.existsSync(SAMPLES)) for (const f of fs.readdirSync(SAMPLES).filter((x) => /\.html?$/.test(x))) texts.push([f, htmlDocument(fs.readFileSync(path.join(SAMPLES, f), 'utf8'))]);
    assert.ok(texts.length >= 6, 'the seeds and examples are there');
    let named = 0;
    for (const [name, doc] of texts) {
      assertSameIdentity(doc, name);
      if (readIdentity(doc).organKey) named++;
    }
    assert.ok(named >= 5, 'most of them name their body');
  });

  it('equals the facts when the title names no body (the preamble’s quoted title, the signature), and with no title at all', () => {
    const seed = readSeed('002');
    const facts = factsOf(readDocument(textDocument(seed.text)));
    assert.ok(facts.organ, 'seed 002 names its body in the title');
    const untitled = seed.text.split(facts.organ!).join('');
    assertSameIdentity(textDocument(untitled), 'organ only outside the title');
    assertSameIdentity(textDocument(`${facts.organ}\n${untitled}`), 'a line above the title');
    assertSameIdentity(textDocument(untitled.split('\n').slice(3).join('\n')), 'the first lines cut off');
    assertSameIdentity(textDocument(''), 'empty');
  });

  it('a text with no section heading that names a report (a readme, a list of reports) is no body’s report: it pairs with nothing', () => {
    const seed = readSeed('000');
    const facts = factsOf(readDocument(textDocument(seed.text)));
    assert.ok(facts.organ && facts.year, 'seed 000 names its body and year');
    const report = `《${facts.organ}${facts.year}年度政府信息公开工作年度报告》`;
    for (const readme of [
      `# 说明\n\n本文件夹收有${report}的网页版和 PDF 版，供核对。\n`,
      `# 说明\n\n- \`report.html\`：${report}的网页版，由门户网站保存，表格有合并单元格\n- \`report.pdf\`：同一报告的 PDF 版\n`,
      // A list of the reports received, whose first line reads like a title.
      `${report}\n《某县${facts.year}年度政府信息公开工作年度报告》\n`,
    ]) {
      const doc = textDocument(readme);
      assert.equal(readHead(doc).sections.length, 0, `no section heading in ${readme}`);
      assert.deepEqual(readIdentity(doc), { organ: null, organKey: null, year: null }, readme);
      assertSameIdentity(doc, 'the readme');
    }
    const sameYear = textDocument(`# 说明\n\n本文件夹收有${report}的网页版。\n`);
    const yearBefore = textDocument(`# 说明\n\n本文件夹收有《${facts.organ}${facts.year! - 1}年度政府信息公开工作年度报告》的网页版。\n`);
    const peers = pairReports([
      { file: 'report.txt', facts },
      { file: 'README.md', facts: factsOf(readDocument(sameYear)) },
      { file: 'last-year/README.md', facts: factsOf(readDocument(yearBefore)) },
    ]);
    assert.equal(peers.get('report.txt')?.sameYear, undefined, 'the report has no twin');
    assert.equal(peers.get('report.txt')?.previous, undefined, 'nor a readme as last year’s report');
    assert.equal(peers.get('README.md')?.previous, undefined);
  });
});
