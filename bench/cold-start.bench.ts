// Action cold start (issue 16): each action's committed bundle run as GitHub runs it (`node dist/index.js`), with no
// inputs, so it fails on its first check; the time is the bundle's start-up, measured against an empty `node -e ''`
// in the same run. With OFFICIAL_ECS_DEPLOY_ACTION=DIR (a checkout of aws-actions/amazon-ecs-deploy-task-definition,
// e.g. v2.6.3), its bundle is timed the same way, alternating with ours, for the side-by-side the issue asks for.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from '@tierdeploy/testkit'

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 15)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Medians of the commands, run in turns (a, b, c, a, b, c, ...) so a change in machine load hits them alike. */
function alternate(commands: { name: string; argv: string[] }[], cwd: string): Map<string, number> {
  const samples = new Map(commands.map((c) => [c.name, [] as number[]]))
  // Inputs, state and the step summary are unset: each action stops at its first check.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')))
  for (let i = 0; i < runs + 1; i++) {
    for (const c of commands) {
      const t0 = process.hrtime.bigint()
      spawnSync(process.execPath, c.argv, { cwd, env, stdio: 'ignore' })
      if (i > 0) samples.get(c.name)!.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
  }
  return new Map([...samples].map(([k, v]) => [k, median(v)]))
}

const official = process.env.OFFICIAL_ECS_DEPLOY_ACTION
const officialEntry = official ? join(official, 'dist', 'index.js') : undefined
if (officialEntry && !existsSync(officialEntry)) throw new Error(`OFFICIAL_ECS_DEPLOY_ACTION=${official}: no dist/index.js there`)

const actions = readdirSync(join(root, 'actions')).filter((a) => existsSync(join(root, 'actions', a, 'dist', 'index.js'))).sort()
// An empty directory: no catalog, no repository, as on a runner before checkout.
const { dir, cleanup } = tempDir('tierdeploy-cold-')
try {
  const commands = [
    { name: 'floor', argv: ['-e', ''] },
    ...(officialEntry ? [{ name: 'official', argv: [officialEntry] }] : []),
    ...actions.map((a) => ({ name: a, argv: [join(root, 'actions', a, 'dist', 'index.js')] })),
  ]
  const times = alternate(commands, dir)
  const floor = times.get('floor')!
  const reference = times.get('official')
  console.log(`median of ${runs} (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs); \`node -e ''\` floor ${floor.toFixed(1)} ms in this run\n`)
  console.log(`| bundle | start, failing on its first input | over floor |${reference ? ' ÷ official ECS deploy action |' : ''}`)
  console.log(`| --- | ---: | ---: |${reference ? ' ---: |' : ''}`)
  for (const c of commands.slice(1)) {
    const ms = times.get(c.name)!
    const label = c.name === 'official' ? 'aws-actions/amazon-ecs-deploy-task-definition' : `actions/${c.name}`
    console.log(`| ${label} | ${ms.toFixed(1)} ms | ${(ms - floor).toFixed(1)} ms |${reference ? ` ${(ms / reference).toFixed(2)}× |` : ''}`)
  }
  if (!reference) console.log('\n(Set OFFICIAL_ECS_DEPLOY_ACTION to a checkout of aws-actions/amazon-ecs-deploy-task-definition to time it alongside.)')
} finally {
  cleanup()
}
