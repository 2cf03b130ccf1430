import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { recordingIO } from '@tierdeploy/action-kit'
import { deployEcsServices, makeEcsClient } from '@tierdeploy/aws'
import { environmentNamed, loadCatalog, silentLogger } from '@tierdeploy/catalog'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'

const image = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`
const COMMIT = 'abcdef1234567890abcdef1234567890abcdef12'

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  for (const env of ['staging', 'production']) {
    for (const name of ['auth', 'rfq']) fake.seedService({ cluster: env, name, image: image(name, 1), family: `${env}-${name}` })
  }
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': 'version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\n  - { id: 2, name: business }\nservices:\n  auth: { path: auth, tier: 1 }\n  rfq: { path: rfq, tier: 2, dependsOn: [auth] }\n',
    'catalog/environments/staging.yaml': 'name: staging\nregion: ca-central-1\ncluster: staging\n',
    'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: production\npromotesFrom: staging\n',
  })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

async function status(inputs: Record<string, string>) {
  const io = recordingIO({ catalog: join(dir.dir, 'catalog'), ...inputs })
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    await run(io, { ecs, clock: fake.clock })
  } finally {
    ecs.destroy()
  }
  return io
}

describe('status action.yml', () => {
  it('declares exactly the contract inputs and outputs, and runs on node24', () => {
    const spec = load(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string } }
    expect(Object.keys(spec.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(spec.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(spec.runs.using).toBe('node24')
  })
})

describe('status action', () => {
  it('describes what runs, and with another environment\'s status, which services differ by commit', async () => {
    // staging gets a new auth from tierdeploy's own deploy (tags read back); production still runs the seeded image.
    const { catalog } = await loadCatalog({ dir: join(dir.dir, 'catalog') })
    const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
    try {
      const outcome = await deployEcsServices({ catalog, environment: environmentNamed(catalog, 'staging'), cluster: 'staging', waves: [['auth']], images: { auth: image('auth', 2) }, commitSha: COMMIT, deployId: 'run-7' }, { ecs, clock: fake.clock, log: silentLogger })
      expect(outcome.ok).toBe(true)
    } finally {
      ecs.destroy()
    }

    const staging = await status({ environment: 'staging' })
    expect(staging.failed).toBeUndefined()
    const report = JSON.parse(staging.outputs[OUTPUTS.status]!)
    expect(report.environment).toBe('staging')
    expect(report.services.find((s: { service: string }) => s.service === 'auth')).toMatchObject({ commit: COMMIT, deployId: 'run-7', digest: `sha256:${'2'.repeat(64)}`, rollout: 'done' })
    expect(staging.outputs[OUTPUTS.healthy]).toBe('true')
    expect(staging.outputs[OUTPUTS.differences]).toBe('[]')
    expect(staging.summaries.join('')).toContain('### staging: 2 service(s)')

    const production = await status({ environment: 'production', [INPUTS.compareWith]: staging.outputs[OUTPUTS.status]! })
    expect(production.failed).toBeUndefined()
    expect(JSON.parse(production.outputs[OUTPUTS.differences]!)).toEqual([{ service: 'auth', there: COMMIT.slice(0, 12), here: `sha256:${'1'.repeat(12)}`, reason: 'different image' }])
    expect(production.outputs[OUTPUTS.markdown]).toContain('1 service(s) differ between production and staging:')
    expect(JSON.parse(production.outputs[OUTPUTS.status]!)).toMatchObject({ environment: 'production', compare: 'staging' })
  })

  it('writes the status to a result file another job compares with', async () => {
    const file = join(dir.dir, 'out', 'staging.json')
    const staging = await status({ environment: 'staging', tier: '1', [INPUTS.resultFile]: file, summary: 'false' })
    expect(staging.summaries).toEqual([])
    expect(JSON.parse(readFileSync(file, 'utf8')).services.map((s: { service: string }) => s.service)).toEqual(['auth'])
    const production = await status({ environment: 'production', tier: '1', [INPUTS.compareWithFile]: file })
    expect(JSON.parse(production.outputs[OUTPUTS.differences]!)).toEqual([])
  })

  it('refuses a comparison that is not another environment\'s status, and unknown names, before reading AWS', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ environment: 'production', [INPUTS.compareWith]: '{"services": []}' }, /^input 'compare-with': "environment" must be the name of the environment it describes/],
      [{ environment: 'production', [INPUTS.compareWith]: '{"environment": "staging", "services": [{"service": "auth"}]}' }, /^input 'compare-with': services\[0\] must have a "service" name and a "rollout"/],
      [{ environment: 'staging', [INPUTS.compareWith]: '{"environment": "staging", "services": []}' }, /describes staging itself/],
      [{ environment: 'prod' }, /unknown environment 'prod'/],
      [{ environment: 'staging', services: 'nope' }, /nope/],
      [{ environment: 'staging', tier: '1', services: 'auth' }, /give 'tier' or 'services', not both/],
    ]
    for (const [inputs, message] of cases) {
      const io = await status(inputs)
      expect(io.failed, JSON.stringify(inputs)).toMatch(message)
    }
    expect(fake.calls.DescribeServices ?? 0).toBe(0)
  })
})
