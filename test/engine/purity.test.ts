// The engine is pure: it turns a Document into a report and findings and knows no editor, no
// protocol, no file system and no format library. Every import below server/src/engine is read
// from the source and checked, so a stray `import * as fs` fails here, not in a browser worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/seeds';

const ENGINE = path.join(REPO_ROOT, 'server', 'src', 'engine');
/** The only package the engine may use besides its own files. */
const ALLOWED_PACKAGES = new Set(['fastest-levenshtein']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

describe('engine purity', () => {
  const files = sources(ENGINE);

  it('reads the engine sources (the check below has something to check)', () => {
    assert.ok(files.length > 40, `only ${files.length} files under ${ENGINE}`);
    assert.ok(files.some((f) => importsOf(fs.readFileSync(f, 'utf8')).includes('fastest-levenshtein')));
  });

  it('imports nothing but its own files and fastest-levenshtein (no vscode, LSP, fs or format library)', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(ENGINE + path.sep)) bad.push(`${path.relative(REPO_ROOT, file)} → ${spec} (outside the engine)`);
        } else if (!ALLOWED_PACKAGES.has(spec)) bad.push(`${path.relative(REPO_ROOT, file)} → ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the import reader would catch the usual forms', () => {
    const sample = "import * as fs from 'node:fs';\nimport type { X } from 'vscode';\nconst p = require('parse5');\nexport { a } from '../../cli/x';\nimport 'unpdf';";
    assert.deepEqual(importsOf(sample), ['node:fs', 'vscode', 'parse5', '../../cli/x', 'unpdf']);
  });
});
