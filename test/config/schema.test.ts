// The config's JSON schema against the code it describes: generated from the rule registry and
// schema.ts (stale → fail), contributed to VS Code for both file names, which open as JSON with
// comments; and the validator and the schema agree on the examples here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, configSchema, parseConfig, RULE_LEVELS, SCHEMA_PATH } from '../../server/src/config';
import { rules } from '../../server/src/engine';
import { REGENERATE_SCHEMA, schemaFile } from '../../scripts/gen-config-schema';
import { REPO_ROOT } from '../support/seeds';

type Json = Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Json;

describe('config: JSON schema', () => {
  it(`${SCHEMA_PATH} is up to date (run \`${REGENERATE_SCHEMA}\` after changing a rule)`, () => {
    const actual = fs.readFileSync(path.join(REPO_ROOT, SCHEMA_PATH), 'utf8');
    assert.ok(actual === schemaFile(), `${SCHEMA_PATH} is stale: run \`${REGENERATE_SCHEMA}\``);
  });

  it('lists every rule id with its levels and summary, and rejects other ids', () => {
    const schema = configSchema() as Json;
    const ruleProps = schema.properties.rules.properties;
    assert.deepEqual(Object.keys(ruleProps), rules.map((r) => r.id));
    for (const r of rules) {
      assert.deepEqual(ruleProps[r.id].enum, [...RULE_LEVELS]);
      assert.ok(ruleProps[r.id].description.includes(r.doc.summary.en) && ruleProps[r.id].description.includes(r.defaultSeverity), r.id);
    }
    assert.equal(schema.properties.rules.additionalProperties, false);
    assert.deepEqual(schema.properties.ignore.items.properties.rule.enum, rules.map((r) => r.id));
  });

  it('names the same top-level fields the validator accepts', () => {
    const schema = configSchema() as Json;
    for (const key of Object.keys(schema.properties)) {
      const text = JSON.stringify({ [key]: key === 'repeatedTextThreshold' ? 0.5 : key === '$schema' ? 'x' : key === 'rules' ? {} : [] });
      assert.deepEqual(parseConfig(text).problems, [], key);
    }
    assert.equal(parseConfig('{ "colour": 1 }').problems[0]?.severity, 'error', 'and nothing else');
  });

  it('is contributed to VS Code for both file names, which open as JSON with comments', () => {
    const validation = pkg.contributes.jsonValidation as Json[];
    const entry = validation.find((v) => v.url === `./${SCHEMA_PATH}`);
    assert.ok(entry, 'a jsonValidation entry points at the schema');
    assert.deepEqual([...entry.fileMatch].sort(), [...CONFIG_FILE_NAMES].sort());
    assert.ok(fs.existsSync(path.join(REPO_ROOT, SCHEMA_PATH)));
    const jsonc = (pkg.contributes.languages as Json[]).find((l) => l.id === 'jsonc' && l.filenames);
    assert.deepEqual([...jsonc!.filenames].sort(), [...CONFIG_FILE_NAMES].sort());
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8');
    assert.ok(ignore.split('\n').includes(`!${SCHEMA_PATH}`), 'the schema goes into the VSIX');
  });
});
