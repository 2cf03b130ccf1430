// `tierdeploy init` (issue 17): discover + render over the users' layout (79 directories) and generated repositories
// of 1,000 and 5,000 services on real temp files (Node and Python, Dockerfiles, .env.example files naming two other
// services each, one shared library); and `init --update` (merge) of the same discovery into its own catalog.
// In-process, so it measures the package, not the CLI bundle (which `npm run build` makes).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { discover, mergeCatalog, renderCatalog } from '@tierdeploy/discover'
import { generatedRepository, usersLayout, writeTree } from '@tierdeploy/discover/test'
import { tempDir } from '@tierdeploy/testkit'

const runs = Number(process.env.BENCH_RUNS ?? 7)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timeMs(fn: () => unknown): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6) // the first run fills the page cache
  }
  return median(samples)
}

console.log(`median of ${runs} samples\n`)
console.log('| repository | entries | dependencies | discover | discover + render | update (merge) |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
const cases: [string, () => Record<string, string>][] = [
  ['users\' layout (79 directories)', () => usersLayout().files],
  ['1,000 services', () => generatedRepository(1000)],
  ['5,000 services', () => generatedRepository(5000)],
]
for (const [label, files] of cases) {
  const t = tempDir('tierdeploy-bench-discover-')
  try {
    writeTree(t.dir, files())
    const d = discover({ root: t.dir })
    const text = renderCatalog(d)
    const exists = (p: string): boolean => existsSync(join(t.dir, p))
    const discoverMs = timeMs(() => discover({ root: t.dir }))
    const renderMs = timeMs(() => renderCatalog(discover({ root: t.dir })))
    const mergeMs = timeMs(() => mergeCatalog(text, 'catalog/services.yaml', d, exists))
    console.log(`| ${label} | ${d.units.length} | ${d.edges.length} | ${discoverMs.toFixed(0)} ms | ${renderMs.toFixed(0)} ms | ${mergeMs.toFixed(0)} ms |`)
  } finally {
    t.cleanup()
  }
}
