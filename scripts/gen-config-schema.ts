// The JSON schema of the sidecar config (.disclosure-report.json / .jsonc), generated from
// server/src/config/schema.ts and the rule registry (never edited by hand). VS Code validates the
// file with it (package.json contributes.jsonValidation).
//   npx tsc -p . && node out/scripts/gen-config-schema.js     rewrite it
//   test/config/schema.test.ts                                fails when it is stale
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSchema, SCHEMA_PATH } from '../server/src/config/schema';
import { json, repoRoot } from './gen-manifest';

export const REGENERATE_SCHEMA = 'npx tsc -p . && node out/scripts/gen-config-schema.js';

/** The schema file's content: the schema, with VS Code's leave for trailing commas (the CLI allows them). */
export function schemaFile(): string {
  return json({ ...configSchema(), allowTrailingCommas: true });
}

if (require.main === module) {
  const file = path.join(repoRoot(), SCHEMA_PATH);
  const content = schemaFile();
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`updated ${SCHEMA_PATH}`);
  }
}
