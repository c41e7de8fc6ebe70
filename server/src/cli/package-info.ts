// Name, version and install folder of the package (for --version and SARIF's tool.driver).
// package.json is inlined by the bundler; the folder is found at run time so doc links point at the
// installed docs/rules pages.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { name, version } from '../../../package.json';

function findRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === name) return dir;
    } catch {
      /* keep looking upwards */
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

export const packageInfo = {
  name,
  version,
  root: findRoot(),
};
