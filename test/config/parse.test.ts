// Reading a sidecar config: JSONC accepted, every problem located (line and column of the value
// at fault) and worded in both languages; an unknown rule id is a warning, never a failure.
import * as assert from 'node:assert/strict';
import { formatProblem, parseConfig, type ConfigProblem } from '../../server/src/config';
import { rules } from '../../server/src/engine';

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const only = (problems: ConfigProblem[], severity: ConfigProblem['severity']) => problems.filter((p) => p.severity === severity);

describe('config: reading and validation', () => {
  it('reads every field, with comments and trailing commas', () => {
    const text = `// the reviewer's settings
{
  "rules": { "summary-length": "off", "row-total": "warning", },
  /* pairings */
  "organs": [{ "name": "某市工业和信息化局", "aliases": ["某市工信局"] }],
  "aggregates": [{ "report": "市本级.txt", "members": ["甲区.txt", "乙区.txt"], "tolerance": 2 }],
  "ignore": [{ "fingerprint": "0123456789abcdef", "rule": "placeholder", "file": "a/b.txt", "reason": "网址另行公布" }],
  "repeatedTextThreshold": 0.6,
}`;
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'summary-length': 'off', 'row-total': 'warning' },
      organs: [{ name: '某市工业和信息化局', aliases: ['某市工信局'] }],
      aggregates: [{ report: '市本级.txt', members: ['甲区.txt', '乙区.txt'], tolerance: 2 }],
      ignore: [{ fingerprint: '0123456789abcdef', rule: 'placeholder', file: 'a/b.txt', reason: '网址另行公布' }],
      repeatedTextThreshold: 0.6,
    });
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(parseConfig(''), { config: {}, problems: [] });
    assert.deepEqual(parseConfig('  // nothing yet\n'), { config: {}, problems: [] });
  });

  it('a syntax error names its line and column', () => {
    const text = '{\n  "rules": {\n    "title": "off"\n    "placeholder": "off"\n  }\n}\n';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config, {}, 'a file with errors sets nothing');
    assert.equal(problems.length, 1);
    assert.deepEqual({ line: problems[0].line, column: problems[0].column }, placeOf(text, '"placeholder"'));
    assert.match(problems[0].message.en, /comma/);
    assert.match(problems[0].message.zh, /逗号/);
    assert.equal(formatProblem('r/.disclosure-report.json', problems[0], 'en'), `r/.disclosure-report.json:4:5: error: ${problems[0].message.en}`);
    assert.equal(formatProblem('r/.disclosure-report.json', problems[0], 'zh'), `r/.disclosure-report.json:4:5: 错误：${problems[0].message.zh}`);
  });

  const cases: { name: string; text: string; at: string; en: RegExp; zh: RegExp }[] = [
    { name: 'a severity that is none', text: '{ "rules": { "row-total": "eror" } }', at: '"eror"', en: /rules\.row-total must be one of error, warning, information, hint, off, got "eror"/, zh: /rules\.row-total 应为 error、warning、information、hint、off 之一，实为 "eror"/ },
    { name: 'rules that are not an object', text: '{\n  "rules": ["row-total"]\n}', at: '["row-total"]', en: /rules must be an object/, zh: /rules 应为对象/ },
    { name: 'an unknown top-level property', text: '{\n  "rule": {}\n}', at: '"rule"', en: /unknown property "rule" \(expected one of \$schema, rules, organs/, zh: /未知字段 "rule"/ },
    { name: 'an organ without a name', text: '{ "organs": [ { "aliases": ["甲"] } ] }', at: '{ "aliases"', en: /organs\[0\] lacks the property "name"/, zh: /organs\[0\] 缺少字段 "name"/ },
    { name: 'an alias that is a number', text: '{ "organs": [ { "name": "甲局", "aliases": [3] } ] }', at: '3', en: /organs\[0\]\.aliases\[0\] must be a string, got 3/, zh: /organs\[0\]\.aliases\[0\] 应为字符串，实为 3/ },
    { name: 'an aggregate without members', text: '{ "aggregates": [ { "report": "市.txt", "members": [] } ] }', at: '[]', en: /aggregates\[0\]\.members needs at least 1 item/, zh: /至少应有 1 项/ },
    { name: 'a negative tolerance', text: '{ "aggregates": [ { "report": "市.txt", "members": ["区.txt"], "tolerance": -1 } ] }', at: '-1', en: /tolerance must be at least 0, got -1/, zh: /tolerance 应不小于 0，实为 -1/ },
    { name: 'a threshold above 1', text: '{\n\n  "repeatedTextThreshold": 50\n}', at: '50', en: /repeatedTextThreshold must be between 0 and 1, got 50/, zh: /应在 0 到 1 之间/ },
    { name: 'a fingerprint in the wrong form', text: '{ "ignore": [ { "fingerprint": "abc", "rule": "title", "file": "a.txt" } ] }', at: '"abc"', en: /ignore\[0\]\.fingerprint must be 16 hex digits/, zh: /16 位十六进制数/ },
    { name: 'an ignore entry without its file', text: '{ "ignore": [ { "fingerprint": "0123456789abcdef", "rule": "title" } ] }', at: '{ "fingerprint"', en: /ignore\[0\] lacks the property "file"/, zh: /缺少字段 "file"/ },
    { name: 'a config that is an array', text: '[1, 2]', at: '[1, 2]', en: /the config must be an object/, zh: /配置文件应为一个对象/ },
  ];
  for (const c of cases) {
    it(`${c.name}: an error on the value, in both languages`, () => {
      const { config, problems } = parseConfig(c.text);
      const errors = only(problems, 'error');
      assert.equal(errors.length, 1, JSON.stringify(problems));
      assert.deepEqual({ line: errors[0].line, column: errors[0].column }, placeOf(c.text, c.at));
      assert.match(errors[0].message.en, c.en);
      assert.match(errors[0].message.zh, c.zh);
      assert.deepEqual(config, {});
    });
  }

  it('an unknown rule id is a warning on the id; the rest of the file is in force', () => {
    const text = '{\n  "rules": {\n    "row-totals": "off",\n    "title": "off"\n  },\n  "ignore": [{ "fingerprint": "0123456789abcdef", "rule": "no-such-rule", "file": "a.txt" }]\n}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(only(problems, 'error'), []);
    const warnings = only(problems, 'warning');
    assert.equal(warnings.length, 2);
    assert.deepEqual({ line: warnings[0].line, column: warnings[0].column }, placeOf(text, '"row-totals"'));
    assert.match(warnings[0].message.en, /rules\.row-totals: unknown rule id "row-totals", ignored/);
    assert.match(warnings[0].message.zh, /未知规则 "row-totals"，已忽略/);
    assert.match(warnings[1].message.en, /ignore\[0\]\.rule: unknown rule id "no-such-rule"/);
    assert.deepEqual(config.rules, { title: 'off' });
    assert.equal(config.ignore?.length, 1);
    assert.equal(formatProblem('x.json', warnings[0], 'zh'), `x.json:3:5: 警告：${warnings[0].message.zh}`);
  });

  it('every rule id of the registry and every level is accepted', () => {
    for (const level of ['error', 'warning', 'information', 'hint', 'off']) {
      const text = JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r.id, level])) });
      const { config, problems } = parseConfig(text);
      assert.deepEqual(problems, []);
      assert.equal(Object.keys(config.rules ?? {}).length, rules.length);
    }
  });

  it('never throws on junk', () => {
    for (const junk of ['{', '}', '{"rules":', '{"ignore":[{]}', '\u0000\u0001', '{"organs":[null, true, "x"]}', '{"rules":{"":1}}', '/* open']) {
      const { problems } = parseConfig(junk);
      assert.ok(problems.some((p) => p.severity === 'error'), junk);
      for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1 && p.message.zh && p.message.en, junk);
    }
  });
});
