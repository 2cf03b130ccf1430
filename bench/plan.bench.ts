// `tierdeploy plan` as a whole process over generated catalogs of 79, 1,000 and 10,000 services (a random DAG
// consistent with 4 tiers, about 3 dependencies each), against the floor of an empty `node -e ''`.
import { spawnSync } from 'node:child_process'
import { generateCatalog, tempDir, writeFiles } from '@tierdeploy/testkit'

const cli = 'packages/cli/dist/index.js'
const runs = Number(process.env.BENCH_RUNS ?? 15)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function time(args: string[]): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
    if (i >= 2) samples.push(ms) // two warm-up runs fill the page cache
  }
  return median(samples)
}

const floor = time(['-e', ''])
console.log(`node -e '' floor: ${floor.toFixed(1)} ms (median of ${runs})\n`)
console.log('| services | plan --tier all --json | over the floor | goal (over floor) |')
console.log('| ---: | ---: | ---: | --- |')
const goals: Record<number, string> = { 79: '≤ 15 ms', 1000: '≤ 60 ms', 10000: '< 1 s total' }
const { dir, cleanup } = tempDir('tierdeploy-bench-')
try {
  for (const count of [79, 1000, 10000]) {
    writeFiles(dir, { [`c${count}/catalog/services.yaml`]: generateCatalog(count).yaml })
    const ms = time([cli, 'plan', '--catalog', `${dir}/c${count}/catalog`, '--tier', 'all', '--json'])
    console.log(`| ${count} | ${ms.toFixed(1)} ms | ${(ms - floor).toFixed(1)} ms | ${goals[count]} |`)
  }
  const bundled = time([cli, 'plan', '--tier', 'all', '--json'])
  console.log(`| bundled catalog (23 entries, 3 environments) | ${bundled.toFixed(1)} ms | ${(bundled - floor).toFixed(1)} ms | |`)
} finally {
  cleanup()
}
