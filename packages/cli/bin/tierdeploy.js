#!/usr/bin/env node
// Node 22.1+ can keep compiled code between runs, which shortens every start; older Node skips it.
import module from 'node:module'

module.enableCompileCache?.()
// A CLI run is short. V8 grows its young generation (up to 16 MB per semi-space) as objects survive, which suits a
// long-lived server; here every new page costs a page fault that is not repaid before the process ends (plan at
// 10,000 services: 9,500 faults, about 50 ms less with the young generation kept at its first size; issue 16 and
// docs/benchmarks in the README). The flag is read at each growth decision, so setting it now is enough. Node 20 to
// 24 have it; on another version the flag is left alone (V8 would print a warning for a flag it does not know).
if (/^v2[0-4]\./.test(process.version)) module.createRequire(import.meta.url)('node:v8').setFlagsFromString('--semi-space-growth-factor=1')
// The committed bundle (built by `npm run build` from src/); see scripts/build.mjs.
await import('../dist/index.js')
