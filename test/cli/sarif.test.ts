// `check --format sarif`: SARIF 2.1.0 structure, rules from the registry, results equal the engine's findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as sarif from 'sarif';
import { check, LineIndex, rules } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';
import { fixture, runCli, tempDir } from './helpers';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

describe('cli check --format sarif', () => {
  const files = [...seedFiles(), fixture('wrong-total.txt')];
  let log: sarif.Log;
  let code: number;
  before(() => {
    const r = runCli(['check', '--format', 'sarif', '--lang', 'en', ...files], { cwd: REPO_ROOT });
    code = r.code;
    log = JSON.parse(r.stdout);
  });

  it('is a SARIF 2.1.0 log with one run and the tool described', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema!, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'disclosure-report');
    assert.equal(driver.version, pkg.version);
    assert.match(driver.informationUri!, /^[a-z]+:/, 'informationUri is an absolute URI');
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  });

  it('lists every registry rule with its summary, default level and doc page', () => {
    const driverRules = log.runs[0].tool.driver.rules!;
    assert.deepEqual(driverRules.map((r) => r.id), rules.map((r) => r.id));
    assert.ok(driverRules.length > 0);
    driverRules.forEach((d, i) => {
      const rule = rules[i];
      assert.equal(d.shortDescription!.text, rule.doc.summary.en);
      assert.equal(d.defaultConfiguration!.level, LEVEL[rule.defaultSeverity]);
      assert.ok(d.helpUri!.startsWith('file:'));
      assert.equal(path.relative(REPO_ROOT, fileURLToPath(d.helpUri!)), path.join('docs', 'rules', `${rule.id}.md`));
    });
  });

  it("has exactly the engine's findings as results, with 1-based UTF-16 regions and relative artifact URIs", () => {
    const run = log.runs[0];
    const expected: { uri: string; ruleId: string; level: string; text: string; region: sarif.Region }[] = [];
    let errors = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const lines = new LineIndex(text);
      for (const f of check(text).findings) {
        const s = lines.positionAt(f.start);
        const e = lines.positionAt(f.end);
        if (f.severity === 'error') errors++;
        expected.push({
          uri: file,
          ruleId: f.ruleId,
          level: LEVEL[f.severity],
          text: f.message.en,
          region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
        });
      }
    }
    const base = run.originalUriBaseIds!.SRCROOT.uri!;
    const resolve = (loc: sarif.ArtifactLocation): string =>
      fileURLToPath(loc.uriBaseId ? new URL(loc.uri!, base) : new URL(loc.uri!));
    const actual = run.results!.map((r) => {
      const loc = r.locations![0].physicalLocation!;
      assert.equal(rules[r.ruleIndex!].id, r.ruleId);
      return { uri: resolve(loc.artifactLocation!), ruleId: r.ruleId!, level: r.level!, text: r.message.text!, region: loc.region! };
    });
    assert.deepEqual(actual, expected);
    assert.ok(actual.length > 0, 'there are results to compare (wrong-total.txt)');
    assert.equal(code, errors > 0 ? 1 : 0);
    // Artifacts: one per file, relative to the working directory, percent-encoded.
    assert.deepEqual(run.artifacts!.map((a) => resolve(a.location!)), files);
  });

  it('carries related locations and fixes (artifactChanges / replacements)', () => {
    const results = log.runs[0].results!;
    const withFix = results.filter((r) => r.fixes);
    assert.ok(withFix.length > 0, 'the wrong total has a fix');
    for (const r of withFix) {
      const change = r.fixes![0].artifactChanges[0];
      assert.ok(change.replacements.length > 0);
      for (const rep of change.replacements) {
        assert.ok(rep.deletedRegion.startLine! >= 1 && rep.deletedRegion.startColumn! >= 1);
        assert.equal(typeof rep.insertedContent!.text, 'string');
      }
    }
    for (const r of results.filter((x) => x.relatedLocations)) {
      for (const rl of r.relatedLocations!) assert.ok(rl.physicalLocation!.region!.startLine! >= 1 && rl.message!.text);
    }
  });

  it('reports a severity changed by --rule as the result level, the rule keeps its default level', () => {
    const r = runCli(['check', '--format', 'sarif', '--rule', 'row-total=hint', fixture('wrong-total.txt')]);
    const run = (JSON.parse(r.stdout) as sarif.Log).runs[0];
    const rowTotal = run.results!.filter((x) => x.ruleId === 'row-total');
    assert.ok(rowTotal.length > 0);
    for (const x of rowTotal) assert.equal(x.level, 'note');
    const rule = run.tool.driver.rules!.find((x) => x.id === 'row-total')!;
    assert.equal(rule.defaultConfiguration!.level, LEVEL[rules.find((x) => x.id === 'row-total')!.defaultSeverity]);
  });

  it('names a file with spaces and Chinese with a percent-encoded URI, and records unreadable inputs', () => {
    const dir = tempDir();
    const f = path.join(dir, '年度 报告.txt');
    fs.writeFileSync(f, fs.readFileSync(fixture('clean.txt')));
    const r = runCli(['check', '--format', 'sarif', '--lang', 'en', '年度 报告.txt', 'missing.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    const run = (JSON.parse(r.stdout) as sarif.Log).runs[0];
    assert.equal(run.artifacts![0].location!.uri, encodeURIComponent('年度 报告.txt'));
    assert.equal(run.invocations![0].executionSuccessful, false);
    assert.match(run.invocations![0].toolExecutionNotifications![0].message.text!, /missing\.txt: no such file/);
  });
});
