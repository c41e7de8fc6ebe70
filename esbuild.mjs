// Bundles the three faces of the engine: the VS Code client, the language server and the CLI.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --only cli    one bundle
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : null;

// pdf.js (through unpdf) is two thirds of every Node bundle that reads .pdf files, and most runs
// read none: it is its own bundle, server/out/unpdf.js, required from beside the bundle that
// imports it the first time a PDF is read, so the CLI, its workers and the server start without
// parsing it.
const UNPDF_FILE = 'unpdf.js';
const lazyUnpdf = {
  name: 'lazy-unpdf',
  setup(build) {
    build.onResolve({ filter: /^unpdf$/ }, () => ({ path: `./${UNPDF_FILE}`, external: true }));
  },
};

const bundles = [
  { name: ['server', 'cli'], entry: 'server/src/formats/unpdf-bundle.ts', outfile: `server/out/${UNPDF_FILE}`, external: [], ownUnpdf: true },
  { name: 'client', entry: 'client/src/extension.ts', outfile: 'client/out/extension.js', external: ['vscode'] },
  { name: 'server', entry: 'server/src/server.ts', outfile: 'server/out/server.js', external: [] },
  // The server's worker thread for .docx/.pdf (time and memory limits); found beside server.js.
  { name: 'server', entry: 'server/src/lsp/binaryReaderWorker.ts', outfile: 'server/out/report-reader.js', external: [] },
  { name: 'cli', entry: 'server/src/cli.ts', outfile: 'server/out/cli.js', external: [] },
  // The CLI's worker threads (the folder pipeline); built with the CLI, found beside it at run time.
  { name: 'cli', entry: 'server/src/cli/pipeline/worker.ts', outfile: 'server/out/cli-worker.js', external: [] },
  // The tables preview's webview script: runs in the browser, loaded under the webview's CSP.
  { name: 'preview', entry: 'client/src/preview/webview/main.ts', outfile: 'client/out/preview.js', external: [], platform: 'browser', format: 'iife' },
];

for (const b of bundles) {
  if (only && ![b.name].flat().includes(only)) continue;
  if (!existsSync(b.entry)) continue;
  await esbuild.build({
    entryPoints: [b.entry],
    outfile: b.outfile,
    bundle: true,
    platform: b.platform ?? 'node',
    format: b.format ?? 'cjs',
    target: b.platform === 'browser' ? 'chrome114' : 'node20',
    external: b.external,
    plugins: b.ownUnpdf || b.platform === 'browser' ? [] : [lazyUnpdf],
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    // jsonc-parser's main is UMD, whose hidden requires esbuild cannot follow: bundle its ES build.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
}
