#!/usr/bin/env node
// CommonJS (bin/package.json), like the bundle it loads: Node starts it without its ES module loader (issue 16).
'use strict'
const nodeModule = require('node:module')

// Node 22.1+ can keep compiled code between runs; the bundle's chunks have their own code cache on every version
// (packages/cli/src/chunk-loader.ts).
nodeModule.enableCompileCache?.()
// A CLI run is short. V8 grows its young generation (up to 16 MB per semi-space) as objects survive, which suits a
// long-lived server; here every new page costs a page fault that is not repaid before the process ends (plan at
// 10,000 services: 9,500 faults, about 50 ms less with the young generation kept at its first size; issue 16 and
// the README's benchmarks). The flag is read at each growth decision, so setting it now is enough. Node 20 to 24
// have it; on another version the flag is left alone (V8 would print a warning for a flag it does not know). Newer
// V8 (in Node 22 and later) may hold the factor at 2 or more, and then this changes nothing (measured on Node 20).
if (/^v2[0-4]\./.test(process.version)) require('node:v8').setFlagsFromString('--semi-space-growth-factor=1')
// The committed bundle (built by `npm run build` from src/); see scripts/build.mjs.
require('../dist/index.js')
