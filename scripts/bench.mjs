// Runs every benchmark in bench/ (*.bench.ts through tsx, *.bench.mjs through node) in name order. Each prints its own table of medians.
// Usage: npm run bench [-- NAME...]   (NAME filters bench files by substring)
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench')
const filters = process.argv.slice(2)
const files = readdirSync(dir).filter((f) => /\.bench\.(ts|mjs)$/.test(f) && (filters.length === 0 || filters.some((x) => f.includes(x)))).sort()
let failed = 0
for (const file of files) {
  console.log(`\n## ${file}\n`)
  const args = file.endsWith('.ts') ? [join(dir, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(dir, file)] : [join(dir, file)]
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
