// Related locations in another report's file (RelatedInfo.elsewhere) as every face shows them:
// CLI text (file:line:col under the excerpt), JSON (relatedInformation[].file), SARIF
// (relatedLocations in that artifact) and LSP (relatedInformation with the other file's URI).
import * as assert from 'node:assert/strict';
import type * as sarif from 'sarif';
import { check, pairReports, type CheckResult } from '../../../server/src/engine';
import { formatFinding } from '../../../server/src/cli/formats/text';
import { toDiagnostic as toJson } from '../../../server/src/cli/formats/json';
import { toSarif } from '../../../server/src/cli/formats/sarif';
import { toDiagnostic as toLsp } from '../../../server/src/lsp/convert';
import { readSeed } from '../../support/seeds';
import { cellSpan, peerOf, setCell, yearEarlier } from './helpers';

describe('faces show related locations in another file', () => {
  const seed000 = readSeed('000').text;
  // Last year's copy whose 结转下年度 · 自然人 is 4: this year's 上年结转 (0) disagrees.
  const last = setCell(yearEarlier(seed000, 2023), 'requests/R25/c1', 4);
  const lastAt = check(last).report.source.lines.positionAt(cellSpan(last, 'requests/R25/c1').start);

  function checked(lastFile: string): CheckResult {
    const peers = pairReports([peerOf('reports/2023.txt', seed000), peerOf(lastFile, last)]).get('reports/2023.txt');
    const result = check(seed000, { peers, rules: { 'repeated-text': 'off' } });
    result.findings = result.findings.filter((f) => f.ruleId === 'cross-year' && f.data?.check === 'X1');
    assert.equal(result.findings.length, 1, 'one X1 finding');
    return result;
  }

  it('CLI text: a line with the other file’s file:line:col and the related message', () => {
    const { report, findings } = checked('reports/2022.txt');
    const out = formatFinding('reports/2023.txt', report, findings[0], 'zh', { color: false }).split('\n');
    assert.match(out[0], /^reports\/2023\.txt:\d+:\d+ error 上年结转应等于上年报告的结转下年度：自然人 0 ≠ 上年 4/);
    assert.equal(out[out.length - 1], `   = reports/2022.txt:${lastAt.line + 1}:${lastAt.character + 1} 上年报告「四、结转下年度继续办理 · 自然人」：4`);
  });

  it('JSON: relatedInformation[].file with the range in that file', () => {
    const { report, findings } = checked('reports/2022.txt');
    const d = toJson(report.source.lines, findings[0], 'en', report);
    assert.deepEqual(d.relatedInformation, [
      { message: 'last year’s carried over to next year, natural persons: 4', file: 'reports/2022.txt', range: { start: lastAt, end: { line: lastAt.line, character: lastAt.character + 1 } } },
    ]);
    assert.equal(d.data?.previousFile, 'reports/2022.txt');
  });

  it('SARIF: relatedLocations in the other artifact, 1-based', () => {
    const { report, findings } = checked('reports/2022.txt');
    const log: sarif.Log = toSarif([{ file: 'reports/2023.txt', report, findings, encoding: 'utf-8' }], [], 'zh', process.cwd());
    const result = log.runs[0].results![0];
    const rel = result.relatedLocations![0].physicalLocation!;
    assert.deepEqual(rel.artifactLocation, { uri: 'reports/2022.txt', uriBaseId: 'SRCROOT' });
    assert.deepEqual(rel.region, { startLine: lastAt.line + 1, startColumn: lastAt.character + 1, endLine: lastAt.line + 1, endColumn: lastAt.character + 2 });
    assert.equal(result.locations![0].physicalLocation!.artifactLocation!.uri, 'reports/2023.txt');
  });

  it('LSP: relatedInformation with the other file’s URI and its own positions', () => {
    const { report, findings } = checked('file:///reports/2022.txt');
    const d = toLsp(findings[0], report.source.lines, 'file:///reports/2023.txt', 'zh', 1);
    assert.deepEqual(d.relatedInformation, [
      {
        location: { uri: 'file:///reports/2022.txt', range: { start: lastAt, end: { line: lastAt.line, character: lastAt.character + 1 } } },
        message: '上年报告「四、结转下年度继续办理 · 自然人」：4',
      },
    ]);
  });

  it('related places in the same file stay in the same file (JSON, SARIF, LSP)', () => {
    const { report, findings } = check(readSeed('004').text);
    const f = findings.find((x) => x.related.length > 0 && x.related.every((r) => !r.elsewhere));
    assert.ok(f, 'a seed finding with related places');
    assert.equal(toJson(report.source.lines, f, 'zh', report).relatedInformation?.some((r) => r.file !== undefined), false);
    assert.ok(toLsp(f, report.source.lines, 'file:///x.txt', 'zh', 1).relatedInformation?.every((r) => r.location.uri === 'file:///x.txt'));
  });
});
