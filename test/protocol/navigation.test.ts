// Outline, folding, hover and completion on real seeds and our own fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type CompletionItem, type DocumentSymbol, type FoldingRange, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { check } from '../../server/src/engine';
import { readSeed, REPO_ROOT } from '../support/seeds';
import { freshUri, TestClient } from './harness';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('protocol: navigation', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  });
  after(async () => c?.stop());
  afterEach(() => assert.deepEqual(c.errors, []));

  it('document symbols: title, six sections in order, tables inside sections 二/三/四 (seed 000)', async () => {
    const { text } = readSeed('000');
    const uri = freshUri('sym');
    c.open(uri, text);
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.match(syms[0].name, /吴忠市工业和信息化局\s*2023 年政府信息公开工作年度报告/);
    const sections = syms.slice(1);
    assert.deepEqual(sections.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.ok(sections[0].children!.some((x) => x.name.startsWith('（一）主动公开情况')), 'subsections under 一');
    const tableIn = (i: number): string[] => sections[i].children!.filter((x) => x.kind === 23).map((x) => x.detail ?? '');
    assert.equal(tableIn(1).length, 1);
    assert.equal(tableIn(2).length, 1);
    assert.equal(tableIn(3).length, 1);
    // Every child range inside its parent's range.
    const inside = (p: DocumentSymbol): void => {
      for (const ch of p.children ?? []) {
        assert.ok(ch.range.start.line >= p.range.start.line && ch.range.end.line <= p.range.end.line, `${ch.name} inside ${p.name}`);
        inside(ch);
      }
    };
    syms.forEach(inside);
    c.close(uri);
  });

  it('folding ranges: one per section and per table (seed 002)', async () => {
    const { text } = readSeed('002');
    const uri = freshUri('fold');
    c.open(uri, text);
    const ranges = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const { report } = check(text);
    const lineOf = (o: number): number => text.slice(0, o).split(/\r\n|\r|\n/).length - 1;
    for (const s of report.sections) assert.ok(ranges.some((r) => r.startLine === lineOf(s.lineStart)), `section ${s.number}`);
    for (const t of report.tables) assert.ok(ranges.some((r) => r.startLine === lineOf(t.start) && r.endLine > r.startLine), `table ${t.id}`);
    c.close(uri);
  });

  it('hover on a table cell: the labels the report prints, relations as sentences in the order of their label (seed 004)', async () => {
    const { text } = readSeed('004');
    const uri = freshUri('hover');
    c.open(uri, text);
    const { report } = check(text);
    const requests = report.tables.find((t) => t.id === 'requests')!;
    const at = (row: string, column: string) => requests.cells.find((x) => x.row === row && x.column === column)!;
    const pos = (o: number): { line: number; character: number } => report.source.lines.positionAt(o);
    const hoverOf = async (row: string, column: string): Promise<string> => {
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos(at(row, column).start) });
      assert.ok(h, `hover on ${row} ${column}`);
      return (h.contents as MarkupContent).value;
    };
    const md = await hoverOf('R24', 'c1');
    const [head, , ...relations] = md.split('\n');
    assert.equal(head, '**（七）总计 · 自然人** · 申请情况表');
    assert.deepEqual(relations, [
      '- 总计 = 各类申请人之和：4 = **4** + 0 + 0 + 0 + 0 + 0 ✓',
      '- （七）总计 = 各项办理结果之和：**4** = 4（其余 20 项为 0） ✓',
      '- 一 + 二 = 三（七）+ 四：4 + 0 = **4** + 0 ✓',
    ]);
    assert.doesNotMatch(md, /R\d|c\d|requests/, 'no internal ids');
    // A detail row is named with its group; the carried-over row stands last in the balance, as in its label.
    assert.match(await hoverOf('R5', 'c2'), /^\*\*（三）1\.属于国家秘密 · 商业企业\*\*/);
    assert.match(await hoverOf('R25', 'c1'), /一 \+ 二 = 三（七）\+ 四：4 \+ 0 = 4 \+ \*\*0\*\* ✓/);
    const title = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(title, null);
    c.close(uri);
  });

  it('hover shows ✗ on a total that does not add up (own fixture)', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('hover2');
    c.open(uri, text);
    const { report } = check(text);
    const cell = report.tables.find((t) => t.id === 'requests')!.cells.find((x) => x.row === 'R3' && x.column === 'c7')!;
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: report.source.lines.positionAt(cell.start) });
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /^\*\*（一）予以公开 · 总计\*\*/);
    assert.match(md, /总计 = 各类申请人之和：\*\*2\*\* = 2 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 ✗/);
    c.close(uri);
  });

  it('outline: request rows by their labels, table detail in words, symbol kinds by role (seed 004)', async () => {
    const { text } = readSeed('004');
    const uri = freshUri('outline');
    c.open(uri, text);
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = syms.filter((s) => s.kind === SymbolKind.Module);
    assert.equal(sections.length, 6);
    const requests = sections[2].children!.find((x) => x.kind === SymbolKind.Struct)!;
    assert.equal(requests.name, '收到和处理政府信息公开申请情况');
    assert.equal(requests.detail, '2021格式 · 每格一行');
    const rows = requests.children!.map((r) => r.name);
    assert.equal(rows.length, 25);
    assert.equal(rows[0], '一、本年新收政府信息公开申请数量');
    assert.ok(rows.includes('（三）1.属于国家秘密'));
    assert.equal(rows[23], '（七）总计');
    assert.ok(!rows.some((r) => /^R\d/.test(r)), 'no row ids');
    assert.ok(requests.children!.every((r) => r.kind === SymbolKind.Field));
    const proactive = sections[1].children!.find((x) => x.kind === SymbolKind.Struct)!;
    assert.deepEqual(proactive.children!.map((i) => i.name), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepEqual(proactive.children![0].children!.map((r) => r.name), ['规章', '行政规范性文件']);
    const subs = sections[0].children!;
    assert.ok(subs.length > 0 && subs.every((x) => x.kind === SymbolKind.Namespace), 'subsections are not strings');
    c.close(uri);
  });

  it('completion: section headings at line start, row labels inside section 三', async () => {
    const text = fixture('small-2023.txt');
    const uri = freshUri('compl');
    c.open(uri, text);
    const lines = text.split('\n');
    const top = await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.deepEqual(top.filter((i) => i.kind === 9).map((i) => i.label), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const inThree = lines.indexOf('三、收到和处理政府信息公开申请情况') + 1;
    const items = await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: inThree, character: 0 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('（七）总计'));
    assert.ok(labels.includes('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
    assert.ok(!labels.includes('行政规范性文件'));
    assert.equal(items.find((i) => i.label === '（七）总计')?.detail, '申请情况表 · 行标签');
    assert.equal(top.find((i) => i.label === '三、收到和处理政府信息公开申请情况')?.detail, '第三部分标题');
    c.close(uri);
  });

  it('completion while typing: 「（」 in a table cell and a section numeral at line start; nothing mid-sentence', async () => {
    const base = fixture('small-2023.txt');
    const lines = base.split('\n');
    const inThree = lines.indexOf('三、收到和处理政府信息公开申请情况') + 1;
    const typed = (line: number, prefix: string): string => [...lines.slice(0, line), prefix, ...lines.slice(line)].join('\n');
    const ask = async (text: string, line: number, character: number, ch: string): Promise<CompletionItem[]> => {
      const uri = freshUri('trigger');
      c.open(uri, text);
      const items = await c.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
        context: { triggerKind: 2, triggerCharacter: ch },
      });
      c.close(uri);
      return items;
    };
    const paren = await ask(typed(inThree, '（'), inThree, 1, '（');
    assert.ok(paren.length > 0 && paren.every((i) => i.label.startsWith('（')), paren.map((i) => i.label).join(' '));
    assert.ok(paren.some((i) => i.label === '（七）总计'));
    const numeral = await ask(typed(inThree, '四'), inThree, 1, '四');
    assert.deepEqual(numeral.map((i) => i.label), ['四、政府信息公开行政复议、行政诉讼情况', '四、结转下年度继续办理']);
    assert.deepEqual(await ask(typed(inThree, '本年共收到（'), inThree, 6, '（'), []);
    assert.deepEqual(await ask(typed(inThree, '第三'), inThree, 2, '三'), []);
  });
});
