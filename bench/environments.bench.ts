// Branch -> environment mapping (issue 9): environmentForRef per ref, and the catalog-time overlap check that every
// catalog load runs, over 3, 30 and 300 environments of 4 branch patterns and 1 tag pattern each.
import { buildCatalog, environmentForRef, overlappingRefProblems, type Catalog } from '@tierdeploy/catalog'

const runs = Number(process.env.BENCH_RUNS ?? 15)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Median microseconds of one call of `fn`, each sample timing `inner` calls. */
function timeMicros(fn: () => void, inner: number): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint()
    for (let j = 0; j < inner; j++) fn()
    const us = Number(process.hrtime.bigint() - t0) / 1e3 / inner
    if (i >= 2) samples.push(us)
  }
  return median(samples)
}

function catalogOf(count: number): Catalog {
  const environments = Array.from({ length: count }, (_, i) => ({
    file: `catalog/environments/env-${i}.yaml`,
    text: `name: env-${i}\nregion: ca-central-1\nbranches: [team-${i}, "team-${i}/**", "release-${i}/*", "!release-${i}/old"]\ntags: ["v${i}.*"]\n`,
  }))
  const { catalog, problems } = buildCatalog({
    dir: 'catalog', root: '/repo', environments,
    services: { file: 'catalog/services.yaml', text: 'tiers:\n  - { id: 1, name: core }\nservices:\n  a: { path: a, tier: 1 }\n' },
  })
  if (problems.length) throw new Error(JSON.stringify(problems))
  return catalog!
}

console.log(`median of ${runs} samples\n`)
console.log('| environments | environmentForRef (branch, matched) | environmentForRef (no match) | overlap check at load |')
console.log('| ---: | ---: | ---: | ---: |')
for (const count of [3, 30, 300]) {
  const catalog = catalogOf(count)
  const envs = [...catalog.environments.values()]
  const last = count - 1
  const hit = timeMicros(() => { environmentForRef(catalog, `refs/heads/team-${last}/feature/x`) }, 200)
  const miss = timeMicros(() => { environmentForRef(catalog, 'refs/heads/nobody') }, 200)
  const overlap = timeMicros(() => { overlappingRefProblems(envs) }, count >= 300 ? 2 : 50)
  console.log(`| ${count} | ${hit.toFixed(1)} µs | ${miss.toFixed(1)} µs | ${overlap >= 1000 ? `${(overlap / 1000).toFixed(2)} ms` : `${overlap.toFixed(1)} µs`} |`)
}
