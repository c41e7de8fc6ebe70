// Entry of the extension-host suite (the extensionTestsPath of @vscode/test-electron's runTests):
// VS Code require()s this file in the extension host and calls run(). Mocha runs every *.test.js
// beside it with the project's reporter, which ends with the line CI reads: "N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as MochaModule from 'mocha';
import SpecWithSummary = require('../../support/reporter');

// mocha 12 is an ES module: require() gives its namespace, whose default export is the class.
const Mocha = ((MochaModule as unknown as { default?: typeof MochaModule }).default ?? MochaModule) as unknown as typeof import('mocha');

export async function run(): Promise<void> {
  // DISCLOSURE_TEST_GREP narrows the run while developing (CI runs everything).
  const grep = process.env.DISCLOSURE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: SpecWithSummary, ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const stats = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // scripts/vscode/run-tests.ts checks that the suite reported at all.
  const resultFile = process.env.DISCLOSURE_TEST_RESULT;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(stats));
  if (stats.failures > 0 || stats.passes === 0) throw new Error(`${stats.failures} extension-host test(s) failed`);
}
