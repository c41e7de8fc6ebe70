// Outline, folding, hover and completion through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { check } from '../../../server/src/engine';
import { closeAllEditors, hoverText, openAndSettle, seedUri, toPosition, wsUri } from './helpers';

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

describe('vscode: outline, folding, hover, completion', function () {
  afterEach(() => closeAllEditors());

  it('vscode.executeDocumentSymbolProvider: title, the six sections in order, a table in sections 二 三 四 (seed 000)', async () => {
    const { doc } = await openAndSettle(seedUri('000'));
    const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(syms && syms.length >= 7);
    assert.match(syms[0].name, /2023\s*年政府信息公开工作年度报告/);
    const sections = syms.slice(1);
    assert.deepEqual(sections.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    for (const i of [1, 2, 3]) {
      assert.equal(sections[i].children.filter((c) => c.kind === vscode.SymbolKind.Struct).length, 1, `one table in ${sections[i].name}`);
    }
    const inside = (p: vscode.DocumentSymbol): void => {
      for (const c of p.children) {
        assert.ok(p.range.contains(c.range), `${c.name} inside ${p.name}`);
        inside(c);
      }
    };
    syms.forEach(inside);
  });

  it('vscode.executeFoldingRangeProvider: a range per section and per table (seed 002)', async () => {
    const { doc } = await openAndSettle(seedUri('002'));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const { report } = check(doc.getText());
    for (const s of report.sections) assert.ok(ranges.some((r) => r.start === doc.positionAt(s.lineStart).line), `section ${s.number}`);
    for (const t of report.tables) {
      const line = doc.positionAt(t.start).line;
      assert.ok(ranges.some((r) => r.start === line && r.end > r.start), `table ${t.id}`);
    }
  });

  it('vscode.executeHoverProvider on a table cell shows its labels and the arithmetic (seed 004 and the own fixture)', async () => {
    const { doc } = await openAndSettle(seedUri('004'));
    const { report } = check(doc.getText());
    const cell = report.tables.find((t) => t.id === 'requests')!.cells.find((c) => c.row === 'R24' && c.column === 'c1')!;
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(cell.start)));
    assert.match(text, /（七）总计/);
    assert.match(text, /自然人/);
    assert.match(text, /（七）总计 · 自然人\*\* · 申请情况表/);
    assert.match(text, /（七）总计 = 各项办理结果之和：\*\*4\*\* = 4（其余 20 项为 0） ✓/);
    assert.match(text, /一 \+ 二 = 三（七）\+ 四：4 \+ 0 = \*\*4\*\* \+ 0 ✓/);
    assert.deepEqual(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 0)), []);

    const own = await openAndSettle(wsUri('fixtures/crlf-2023年度报告.txt'));
    const wrong = own.diagnostics[0];
    const ownText = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', own.doc.uri, wrong.range.start));
    assert.match(ownText, /行政复议/);
    assert.match(ownText, /总计 = 维持 \+ 纠正 \+ 其他 \+ 尚未审结：\*\*3\*\* = 1 \+ 1 \+ 0 \+ 0 ✗/);
  });

  it('vscode.executeCompletionItemProvider: section headings at a line start, row labels in section 三', async () => {
    const { doc } = await openAndSettle(wsUri('fixtures/small-2023年度报告.txt'));
    const top = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 0));
    const headings = top.items.filter((i) => i.kind === vscode.CompletionItemKind.Module).map(labelOf);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      assert.ok(headings.includes(h), `${h} offered (got ${headings.join(' | ')})`);
    }
    const lines = fs.readFileSync(doc.uri.fsPath, 'utf8').split('\n');
    const inThree = lines.indexOf('三、收到和处理政府信息公开申请情况') + 1;
    const inside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, toPosition({ line: inThree, character: 0 }));
    const labels = inside.items.map(labelOf);
    assert.ok(labels.includes('（七）总计'), 'row label offered');
    assert.ok(!labels.includes('行政规范性文件'), 'no labels of other tables');
  });
});
