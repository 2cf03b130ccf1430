#!/usr/bin/env node
// CommonJS (bin/package.json), like the bundle it loads: Node starts it without its ES module loader (issue 16).
'use strict'
const nodeModule = require('node:module')

// Node 22.1+ can keep compiled code between runs; the bundle's chunks have their own code cache on every version
// (packages/cli/src/chunk-loader.ts).
nodeModule.enableCompileCache?.()
// The committed bundle (built by `npm run build` from src/); see scripts/build.mjs.
require('../dist/index.js')
