#!/usr/bin/env node
// The committed bundle (built by `npm run build` from src/); see scripts/build.mjs.
import '../dist/index.js'
