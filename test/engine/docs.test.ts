// Rule docs are derived from the registry: every rule has a committed, up-to-date page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, ruleDocPath, rules } from '../../server/src/engine';
import { renderAll } from '../../scripts/rule-docs';
import { REPO_ROOT, seedFiles } from '../support/seeds';

describe('rule registry and docs', () => {
  it('every rule id is kebab-case, unique, documented in both languages', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.doc.summary.zh && r.doc.summary.en && r.doc.details.zh && r.doc.details.en, `${r.id} documented`);
    }
  });
  it('covers every rule id of spec §9.2, and adds only not-a-report, aggregate and the reviewers’ rules', () => {
    const spec = fs.readFileSync(path.resolve(REPO_ROOT, '..', 'shared', 'spec', 'format.md'), 'utf8');
    const section = spec.slice(spec.indexOf('### 9.2'));
    const specIds = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    // Whether there is a report at all is the product's question, not a rule of the format; a
    // region's report against its members' (config `aggregates`) is the reviewer's, not the format's.
    const beyondSpec = ['not-a-report', 'aggregate'];
    // What reviewers' notices find (issue 14); §9.2 does not list them yet. duplicated-phrase is spec Q5.
    const reviewers: Record<string, string[]> = { 'cover-letter': [], 'stray-year': [], 'duplicated-phrase': ['Q5'] };
    assert.deepEqual(rules.map((r) => r.id).sort(), [...specIds, ...beyondSpec, ...Object.keys(reviewers)].sort());
    for (const id of beyondSpec) assert.deepEqual(rules.find((r) => r.id === id)?.spec, [], `${id} cites no spec rule`);
    for (const [id, cites] of Object.entries(reviewers)) assert.deepEqual(rules.find((r) => r.id === id)?.spec, cites, `${id} cites ${cites.join(', ') || 'no spec rule'}`);
  });
  it('a rule gives only its default severity or one it lists by case, and the index says which', () => {
    const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((n) => path.join(REPO_ROOT, 'examples', n));
    const texts = [...seedFiles(), ...examples].map((f) => fs.readFileSync(f, 'utf8'));
    let milder = 0;
    for (const text of texts) {
      for (const f of check(text).findings) {
        const rule = rules.find((r) => r.id === f.ruleId)!;
        assert.ok([rule.defaultSeverity, ...(rule.caseSeverities ?? [])].includes(f.severity), `${f.ruleId} gave ${f.severity}`);
        if (f.severity !== rule.defaultSeverity) milder++;
      }
    }
    assert.ok(milder > 0, 'the seeds and examples hold findings of a milder case (statistics-period, format-version)');
    const index = renderAll().get('en/README.md')!;
    assert.ok(index.includes('| [statistics-period](statistics-period.md) | error / warning, by case |'));
    assert.ok(index.includes('| [row-total](row-total.md) | error |'));
    const indexZh = renderAll().get('README.md')!;
    assert.ok(indexZh.includes('| [statistics-period](statistics-period.md) | 错误 / 警告，视情况 |'));
    assert.ok(indexZh.includes('| [row-total](row-total.md) | 错误 |'));
  });
  it('docs/rules pages are up to date (run `node out/scripts/rule-docs.js` after changing a rule)', () => {
    for (const [name, content] of renderAll()) {
      const file = path.join(REPO_ROOT, 'docs', 'rules', name);
      assert.ok(fs.existsSync(file), `${name} exists`);
      assert.equal(fs.readFileSync(file, 'utf8'), content, `${name} is stale`);
    }
    for (const r of rules) assert.ok(fs.existsSync(path.join(REPO_ROOT, ruleDocPath(r.id))));
  });
});
