import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildId } from './build-id.js'
import { catalogCache, codeCacheDirectory } from './catalog-cache.js'
import { chunkLoader, installChunkLoader } from './chunk-loader.js'
import { main } from './main.js'
import { processOutputs } from './stdio.js'
import { tuneV8For } from './v8-flags.js'

// The bundle's chunks are scripts that this loader compiles, with a code cache where it may (chunk-loader.ts,
// scripts/script-chunks.mjs). Run from source there are no chunks, and nothing calls it.
const build = buildId()
const chunks = chunkLoader({
  dir: dirname(fileURLToPath(import.meta.url)),
  ...(build === undefined ? {} : { codeCacheDir: codeCacheDirectory(process.env) }),
  buildId: build ?? 'unknown',
  atExit: (write) => process.once('exit', write),
})
installChunkLoader(chunks)

const { stdout, stderr } = processOutputs()

main(process.argv.slice(2), {
  stdout: (text) => stdout(`${text}\n`),
  stderr: (text) => stderr(`${text}\n`),
  cwd: process.cwd(),
  env: process.env,
  catalogCache: catalogCache(process.env),
  // Read when a command asks (deploy's live view): process.stderr loads Node's tty and net modules.
  get isTTY() {
    return process.stderr.isTTY === true
  },
  get columns() {
    return process.stderr.columns
  },
  stderrRaw: stderr,
  // V8 flags for a run over a catalog this long (v8-flags.ts), set before it is parsed.
  beforeCatalogLoad: (length) => void tuneV8For(length, () => chunks.beforeFlagsChange()),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only bugs reach here: user mistakes were reported by main() without a stack.
    stderr(`tierdeploy: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
