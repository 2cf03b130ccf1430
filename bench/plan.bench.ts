// `tierdeploy plan` as a whole process over generated catalogs of 79, 1,000 and 10,000 services (a random DAG
// consistent with 4 tiers, about 3 dependencies each), against the floor of an empty `node -e ''` measured in the
// same run. It runs the CLI's bin, what users run (on Node 22.1+ it keeps compiled code between runs).
// Cold: the catalog is parsed and validated (TIERDEPLOY_CACHE=off, what a fresh CI runner does).
// Warm: files unchanged since the last run, so the validated catalog comes from the CLI's cache.
import { spawnSync } from 'node:child_process'
import { generateCatalog, tempDir, writeFiles } from '@tierdeploy/testkit'

const cli = 'packages/cli/bin/tierdeploy.js'
const runs = Number(process.env.BENCH_RUNS ?? 21)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Medians of whole `node` processes, run in turns so that a change in the machine's speed hits each alike. */
function timeInTurns(commands: Array<{ args: string[]; env?: NodeJS.ProcessEnv }>): number[] {
  const samples = commands.map(() => [] as number[])
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach(({ args, env }, k) => {
      const t0 = process.hrtime.bigint()
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: env ?? process.env })
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
      if (i >= 2) samples[k]!.push(ms) // two warm-up runs fill the page cache (and, when on, the catalog cache)
    })
  }
  return samples.map(median)
}

const { dir, cleanup } = tempDir('tierdeploy-bench-')
try {
  const cold = { ...process.env, TIERDEPLOY_CACHE: 'off' }
  const warm = { ...process.env, TIERDEPLOY_CACHE_DIR: `${dir}/cache` }
  console.log(`Medians of ${runs}; each row's empty \`node -e ''\` floor, cold and warm runs run in turns.\n`)
  console.log('| services | floor | cold | cold over floor | cold ÷ floor | warm | warm over floor | goal (over floor) |')
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
  const goals: Record<number, string> = { 79: '≤ 15 ms', 1000: '≤ 60 ms', 10000: '≤ 400 ms cold (issue 16)' }
  for (const count of [79, 1000, 10000]) {
    writeFiles(dir, { [`c${count}/catalog/services.yaml`]: generateCatalog(count).yaml })
    const args = [cli, 'plan', '--catalog', `${dir}/c${count}/catalog`, '--tier', 'all', '--json']
    const [floor, c, w] = timeInTurns([{ args: ['-e', ''] }, { args, env: cold }, { args, env: warm }]) as [number, number, number]
    console.log(`| ${count} | ${floor.toFixed(1)} ms | ${c.toFixed(1)} ms | ${(c - floor).toFixed(1)} ms | ${(c / floor).toFixed(2)}× | ${w.toFixed(1)} ms | ${(w - floor).toFixed(1)} ms | ${goals[count]} |`)
  }
  const bundled = [cli, 'plan', '--tier', 'all', '--json']
  const [floor, c, w] = timeInTurns([{ args: ['-e', ''] }, { args: bundled, env: cold }, { args: bundled, env: warm }]) as [number, number, number]
  console.log(`| bundled catalog (23 entries, 3 environments) | ${floor.toFixed(1)} ms | ${c.toFixed(1)} ms | ${(c - floor).toFixed(1)} ms | | ${w.toFixed(1)} ms | ${(w - floor).toFixed(1)} ms | |`)
} finally {
  cleanup()
}
