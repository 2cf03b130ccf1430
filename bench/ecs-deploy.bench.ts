// ecs-deploy against the fake ECS control plane: one tier of N services, each rollout taking exactly S seconds of
// the fake clock (the engine's sleeps advance that clock, so a 3-minute rollout costs milliseconds of real time).
// Reports, per S (N = 60): fake time beyond S (goal ≤ 5 s, issue 16) and DescribeServices calls (goal
// ≤ ⌈N/10⌉ × (⌈S/5⌉ + 2)); per N: real time, API calls by operation, DescribeServices calls per poll (goal ⌈N/10⌉);
// and failed deploys under 20 % injected throttling (goal 0).
import { buildCatalog, silentLogger } from '@tierdeploy/catalog'
import { deployEcsServices, DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS, DESCRIBE_SERVICES_PER_SECOND, makeEcsClient } from '@tierdeploy/aws'
import { FakeEcs } from '@tierdeploy/testkit'

// The fake accepts any signature; the SDK only needs some credentials to sign with.
process.env.AWS_ACCESS_KEY_ID ??= 'AKIABENCHBENCHBENCH0'
process.env.AWS_SECRET_ACCESS_KEY ??= 'bench'

const S = 30_000
const ROLLOUTS = [4_000, 6_000, 13_000, 30_000, 180_000]
const SIZES = [1, 10, 60, 200]
const RUNS = 3
const CLUSTER = 'bench'
const digest = (i: number, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/svc-${i}@sha256:${String(d).repeat(64)}`

function catalogOf(n: number): ReturnType<typeof buildCatalog>['catalog'] {
  const lines = ['version: 1', 'platform: bench', 'tiers:', '  - { id: 1, name: core }', 'services:']
  for (let i = 0; i < n; i++) lines.push(`  svc-${i}: { path: svc-${i}, tier: 1 }`)
  const { catalog } = buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: `${lines.join('\n')}\n` },
    environments: [{ file: 'catalog/environments/bench.yaml', text: `name: bench\nregion: ca-central-1\ncluster: ${CLUSTER}\n` }],
  })
  return catalog!
}

interface Run {
  beyondS: number
  realMs: number
  calls: Record<string, number>
  faulted: number
  polls: number
  failed: number
}

async function once(n: number, throttleRate: number, seed: number, rolloutMs = S): Promise<Run> {
  const fake = await FakeEcs.start({ defaultRolloutMs: rolloutMs, seed })
  const catalog = catalogOf(n)
  const names = [...catalog.services.keys()]
  names.forEach((name, i) => fake.seedService({ cluster: CLUSTER, name, image: digest(i, 1) }))
  fake.faults = { throttleRate }
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  const startFake = fake.now()
  const startReal = performance.now()
  const outcome = await deployEcsServices(
    {
      catalog,
      environment: catalog.environments.get('bench')!,
      cluster: CLUSTER,
      waves: [names],
      images: Object.fromEntries(names.map((name, i) => [name, digest(i, 2)])),
      deployId: 'bench',
      serviceTimeoutMs: 30 * 60_000,
    },
    { ecs, clock: fake.clock, log: silentLogger },
  )
  const run: Run = {
    beyondS: fake.now() - startFake - rolloutMs,
    realMs: performance.now() - startReal,
    calls: { ...fake.calls },
    faulted: Object.values(fake.faulted).reduce((a, b) => a + b, 0),
    polls: outcome.polls,
    failed: outcome.results.filter((r) => r.status !== 'deployed').length,
  }
  ecs.destroy()
  await fake.stop()
  return run
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

console.log(`polls every ${DEFAULT_POLL_INTERVAL_MS / 1000} s (${DEFAULT_MAX_POLL_INTERVAL_MS / 1000} s after a failed poll), DescribeServices paced at ${DESCRIBE_SERVICES_PER_SECOND}/s; medians of ${RUNS} runs\n`)
console.log('One tier of 60 services, rollouts of S seconds (fake clock):\n')
console.log('| S (s) | step beyond S (fake s, goal ≤ 5) | polls | DescribeServices (goal ≤ ⌈N/10⌉ × (⌈S/5⌉ + 2)) |')
console.log('|---|---|---|---|')
for (const rollout of ROLLOUTS) {
  const runs: Run[] = []
  for (let r = 0; r < RUNS; r++) runs.push(await once(60, 0, r + 1, rollout))
  const m = runs[Math.floor(RUNS / 2)]!
  const bound = 6 * (Math.ceil(rollout / 5000) + 2)
  const beyond = median(runs.map((x) => x.beyondS))
  console.log(`| ${rollout / 1000} | ${(beyond / 1000).toFixed(1)} | ${m.polls} | ${m.calls.DescribeServices ?? 0} (${bound}) |`)
  if (beyond > 5_000 || (m.calls.DescribeServices ?? 0) > bound || runs.some((x) => x.failed)) process.exitCode = 1
}
console.log(`\nRollouts of S = ${S / 1000} s, by tier size:\n`)
console.log('| N | beyond S (fake s) | real ms | polls | DescribeServices/poll (⌈N/10⌉) | Register | Update | DescribeTaskDef | DescribeServices | total calls |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const n of SIZES) {
  const runs: Run[] = []
  for (let r = 0; r < RUNS; r++) runs.push(await once(n, 0, r + 1))
  const m = runs[Math.floor(RUNS / 2)]!
  const reads = Math.ceil(n / 10)
  const perPoll = ((m.calls.DescribeServices ?? 0) - reads) / Math.max(1, m.polls)
  console.log(
    `| ${n} | ${(median(runs.map((x) => x.beyondS)) / 1000).toFixed(1)} | ${median(runs.map((x) => x.realMs)).toFixed(0)} | ${m.polls} | ${perPoll.toFixed(1)} (${reads}) | ${m.calls.RegisterTaskDefinition ?? 0} | ${m.calls.UpdateService ?? 0} | ${m.calls.DescribeTaskDefinition ?? 0} | ${m.calls.DescribeServices ?? 0} | ${Object.values(m.calls).reduce((a, b) => a + b, 0)} |`,
  )
  if (runs.some((x) => x.failed)) console.log(`  !! ${n}: failed deploys without faults`)
}

console.log('\nUnder 20 % injected ThrottlingException (SDK adaptive retries; one run each, real time includes the SDK backoff; BENCH_ECS_FULL=1 adds N = 200):\n')
console.log('| N | failed deploys | throttled calls | total calls | beyond S (fake s) | real ms |')
console.log('|---|---|---|---|---|---|')
let failures = 0
// The SDK's backoff runs in real time (about 10 calls/s once throttled), so 200 services take ~2 min: opt in.
for (const n of process.env.BENCH_ECS_FULL ? [10, 60, 200] : [10, 60]) {
  const r = await once(n, 0.2, 99)
  failures += r.failed
  console.log(`| ${n} | ${r.failed} | ${r.faulted} | ${Object.values(r.calls).reduce((a, b) => a + b, 0)} | ${(r.beyondS / 1000).toFixed(1)} | ${r.realMs.toFixed(0)} |`)
}
if (failures) process.exitCode = 1
