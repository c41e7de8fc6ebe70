#!/usr/bin/env node
// The CLI bundle is built by `npm run build` (esbuild); this stub only loads it.
require('../server/out/cli.js');
