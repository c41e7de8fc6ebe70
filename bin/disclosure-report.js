#!/usr/bin/env node
// The CLI bundle is built by `npm run build` (esbuild); this stub only loads it.
// V8's compile cache (Node ≥ 22.1) keeps the bundle's compiled code between runs, so start-up
// skips most parsing and compiling; older Node has no such switch and loads as before.
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') enableCompileCache();
require('../server/out/cli.js');
