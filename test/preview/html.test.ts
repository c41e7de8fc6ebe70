// The preview's HTML: the webview page's Content-Security-Policy, the exported file, the marks on
// wrong and unread cells, escaping of report text, and a table as TSV.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webviewHtml } from '../../client/src/preview/html';
import { check } from '../../server/src/engine';
import { tablesPreview } from '../../server/src/engine/ide/tableGrid';
import { renderPreviewBody, renderStandaloneHtml, tableTsv } from '../../server/src/preview/tablesHtml';
import { REPO_ROOT } from '../support/seeds';

const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes-2024.txt'), 'utf8');
const previewOf = (text: string) => {
  const { report, findings } = check(text);
  return tablesPreview(report, findings);
};

/** Every URL the page would load: src/href attributes, CSS url() and @import. */
function resources(html: string): string[] {
  return [
    ...[...html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]),
    ...[...html.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]),
    ...[...html.matchAll(/@import\s+["']?([^"';]+)/gi)].map((m) => m[1]),
  ];
}
const remote = (html: string): string[] => resources(html).filter((u) => /^(https?:)?\/\//i.test(u.trim()));

/** The td of a cell id, as rendered. */
const cellHtml = (html: string, id: string): string => {
  const m = new RegExp(`<td [^>]*data-cell="${id.replace(/\//g, '\\/')}"[^>]*>.*?</td>`).exec(html);
  assert.ok(m, `cell ${id} rendered`);
  return m[0];
};

describe('preview html', () => {
  const shell = (body: string) =>
    webviewHtml({ cspSource: 'vscode-webview://abc', nonce: 'N0nce123', scriptUri: 'vscode-webview://abc/client/out/preview.js', lang: 'zh', body, version: 3 });

  it('the webview page carries a strict CSP: nothing by default, our nonce for script and style, no remote resource', () => {
    const html = shell(renderPreviewBody(previewOf(example), 'zh', { interactive: true }));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.ok(csp, 'a CSP meta element');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-N0nce123'"]);
    assert.deepEqual(directives.get('style-src'), ['vscode-webview://abc', "'nonce-N0nce123'"]);
    for (const [k, v] of directives) assert.ok(!v.some((x) => /^https?:|\*|unsafe/.test(x)), `${k}: ${v.join(' ')}`);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="N0nce123" src="vscode-webview://abc/client/out/preview.js">']);
    assert.deepEqual([...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0]), ['<style nonce="N0nce123">']);
    assert.deepEqual(remote(html), []);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler (the CSP would block it)');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline style attribute (the CSP would block it)');
  });

  it('the check for remote resources does find one (so the test above can fail)', () => {
    assert.deepEqual(remote('<link href="https://cdn.example/x.css"><img src="//x/y.png"><style>@import "http://a/b.css"; p{background:url(https://c/d.png)}</style>'), [
      'https://cdn.example/x.css',
      '//x/y.png',
      'https://c/d.png',
      'http://a/b.css',
    ]);
  });

  it('the exported file is self-contained: inline style, no script, no remote resource, the same tables', () => {
    const html = renderStandaloneHtml(previewOf(example), 'zh', 'mistakes-2024.txt');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(remote(html), []);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; style-src 'unsafe-inline'");
    // The wrong total keeps its mark and its explanation as a title tooltip.
    const td = cellHtml(html, 'requests/R1/c7');
    assert.match(td, /class="value state-number sev-error"/);
    assert.match(td, /title="[^"]*写的是 18，[^"]*应为 16[^"]*\n  [^"]*18 ≠ 12 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0/);
  });

  it('a wrong cell has the error class, an icon and a tooltip with the arithmetic and the implied value (zh and en)', () => {
    const p = previewOf(example);
    const zh = cellHtml(renderPreviewBody(p, 'zh', { interactive: true }), 'requests/R1/c7');
    assert.match(zh, /sev-error/);
    assert.match(zh, /<span class="mark" aria-hidden="true">✗<\/span><span class="v">18<\/span>/);
    assert.match(zh, /data-tip="一、本年新收政府信息公开申请数量 · 总计\n值: 18\n✗ 错误 \[row-total\] [^"\n]*写的是 18[^"\n]* — 应为 16\n  [^"\n]*18 ≠ 12 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0\n/);
    // One mistyped number, one marked cell per changed cell: the engine's decision, not every total it breaks.
    const body = renderPreviewBody(p, 'zh', { interactive: true });
    assert.deepEqual([...body.matchAll(/data-cell="([^"]+)"[^>]*sev-error|class="[^"]*sev-error[^"]*" data-cell="([^"]+)"/g)].map((m) => m[1] ?? m[2]).sort(), ['appeals/A5', 'requests/R1/c7', 'requests/R17/c2', 'requests/R25/c1']);
    assert.match(zh, /data-parts="requests\/R1\/c1 requests\/R1\/c2 requests\/R1\/c3 requests\/R1\/c4 requests\/R1\/c5 requests\/R1\/c6"/);
    const en = cellHtml(renderPreviewBody(p, 'en', { interactive: true }), 'requests/R1/c7');
    assert.match(en, /\[row-total\] [^"\n]*it says 18[^"\n]* — should be 16\n  R1 total: 18 ≠ 12 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0\n/);
    // A right cell: no mark, no severity class.
    const ok = cellHtml(renderPreviewBody(p, 'zh', { interactive: true }), 'requests/R1/c1');
    assert.doesNotMatch(ok, /sev-|class="mark"/);
  });

  it('an unread cell is marked as such; report text is escaped, never markup', () => {
    const text = example
      .replace('2024年，本局坚持', '<img src="https://evil.example/x.png" onerror="alert(1)">2024年，本局坚持')
      .split('\n')
      .filter((l) => !l.includes('（二）部分公开'))
      .join('\n');
    const html = shell(renderPreviewBody(previewOf(text), 'zh', { interactive: true }));
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=&quot;https:\/\/evil\.example\/x\.png&quot;/);
    assert.deepEqual(remote(html), []);
    const missing = cellHtml(html, 'requests/R4/c1');
    assert.match(missing, /state-missing/);
    assert.match(missing, /？/);
    assert.match(missing, /未能读出此格/);
    assert.match(html, /此表有单元格未能按模板读出/);
  });

  it('the outline: title, year, format, the six sections with their first line, a missing one said so', () => {
    const html = renderPreviewBody(previewOf(example), 'zh', { interactive: true });
    assert.match(html, /<h1 class="report-title">青川县示例市场监督管理局2024年政府信息公开工作年度报告<\/h1>/);
    assert.match(html, /<dt>报告年度<\/dt><dd>2024<\/dd>/);
    assert.match(html, /2021 年格式/);
    const sections = [...html.matchAll(/<li class="section[^"]*">(.*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, '|'));
    assert.equal(sections.length, 6);
    assert.match(sections[0], /一、总体情况\|\|2024年，本局坚持以公开为常态/);
    assert.match(sections[4], /五、.*未找到此部分/);
  });

  it('a table as TSV: the grid expanded, merged cells once, values as written', () => {
    const tsv = tableTsv(previewOf(example), 'requests').split('\n');
    assert.equal(tsv.length, 3 + 25 + 1);
    assert.equal(tsv.at(-1), '');
    for (const line of tsv.slice(0, -1)) assert.equal(line.split('\t').length, 10, line);
    assert.equal(tsv[0], '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t');
    assert.equal(tsv[1], '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
    assert.equal(tsv[3], '一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t18');
    assert.equal(tsv[5], '\t（一）予以公开\t\t6\t2\t0\t0\t0\t0\t8'.replace(/^/, '三、本年度办理结果'));
    const appeals = tableTsv(previewOf(example), 'appeals').split('\n');
    assert.equal(appeals[3], '1\t0\t0\t0\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0');
  });
});
