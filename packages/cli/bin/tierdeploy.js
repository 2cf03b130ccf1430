#!/usr/bin/env node
// Node 22.1+ can keep compiled code between runs, which shortens every start; older Node skips it.
import module from 'node:module'

module.enableCompileCache?.()
// The committed bundle (built by `npm run build` from src/); see scripts/build.mjs.
await import('../dist/index.js')
