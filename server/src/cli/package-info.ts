// Name, version and install folder of the package (for --version and SARIF's tool.driver).
// Read at run time from the package.json above this file (server/out/cli.js → ../../package.json),
// so doc links point at the installed docs/rules pages and nothing is copied into the bundle.

import * as fs from 'node:fs';
import * as path from 'node:path';

const NAME = 'disclosure-report';

function load(): { name: string; version: string; root: string } {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === NAME) return { name: NAME, version: pkg.version ?? '0.0.0', root: dir };
    } catch {
      /* no package.json here: keep looking upwards */
    }
    if (path.dirname(dir) === dir) return { name: NAME, version: '0.0.0', root: path.resolve(__dirname, '..', '..') };
  }
}

export const packageInfo = load();
