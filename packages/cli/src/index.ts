import { catalogCache } from './catalog-cache.js'
import { main } from './main.js'

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  env: process.env,
  catalogCache: catalogCache(process.env),
  isTTY: process.stderr.isTTY === true,
  get columns() {
    return process.stderr.columns
  },
  stderrRaw: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only bugs reach here: user mistakes were reported by main() without a stack.
    process.stderr.write(`tierdeploy: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
