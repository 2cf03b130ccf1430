import { join } from 'node:path'
import { deployEcsServices, makeEcsClient } from '@tierdeploy/aws'
import { loadCatalog, environmentNamed, silentLogger } from '@tierdeploy/catalog'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIO } from '../cli-io.js'
import { runCommand } from '../main.js'
import { run, usage } from './status.js'

const SERVICES_YAML = `
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth: { path: auth, tier: 1, environment: { LOG_LEVEL: info } }
  rfq: { path: rfq, tier: 2, aliases: [rfq-service], dependsOn: [auth] }
`
const image = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`
const COMMIT = 'abcdef1234567890abcdef1234567890abcdef12'

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  for (const name of ['auth', 'rfq']) {
    fake.seedService({ cluster: 'staging', name, image: image(name, 1), family: `staging-${name}`, environment: name === 'auth' ? [{ name: 'LOG_LEVEL', value: 'info' }] : [] })
    fake.seedService({ cluster: 'production', name, image: image(name, 1), family: `production-${name}`, environment: name === 'auth' ? [{ name: 'LOG_LEVEL', value: 'info' }] : [] })
  }
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': SERVICES_YAML,
    'catalog/environments/staging.yaml': 'name: staging\nregion: ca-central-1\ncluster: staging\n',
    'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: production\npromotesFrom: staging\n',
  })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

async function status(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: {} }
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    const code = await runCommand('status', usage, (a, io) => run(a, io, { ecs, clock: fake.clock }), ['--catalog', join(dir.dir, 'catalog'), ...args], io)
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    ecs.destroy()
  }
}

/** A deploy by tierdeploy's own engine, so the revision carries its tags. */
async function deploy(environment: string, images: Record<string, string>): Promise<void> {
  const { catalog } = await loadCatalog({ dir: join(dir.dir, 'catalog') })
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    const outcome = await deployEcsServices({ catalog, environment: environmentNamed(catalog, environment), cluster: environment, waves: [Object.keys(images)], images, commitSha: COMMIT, deployId: 'run-7' }, { ecs, clock: fake.clock, log: silentLogger })
    expect(outcome.ok).toBe(true)
  } finally {
    ecs.destroy()
  }
}

describe('tierdeploy status', () => {
  it('shows each service\'s revision, digest, the commit and deploy that registered it (read back from the tags), and its rollout', async () => {
    await deploy('staging', { auth: image('auth', 2) })
    const r = await status('--env', 'staging', '--format', 'json')
    expect(r.code).toBe(0)
    const { services } = JSON.parse(r.out) as { services: Array<Record<string, unknown>> }
    expect(services.map((s) => [s.service, s.taskDefinition, s.commit, s.deployId, s.digest, s.rollout, s.running, s.desired])).toEqual([
      ['auth', 'staging-auth:2', COMMIT, 'run-7', `sha256:${'2'.repeat(64)}`, 'done', 1, 1],
      ['rfq', 'staging-rfq:1', undefined, undefined, `sha256:${'1'.repeat(64)}`, 'done', 1, 1],
    ])
    const table = await status('--env', 'staging')
    expect(table.out).toMatch(/^auth +:2 +abcdef123456 +sha256:222222222222… +done +1\/1 +\d+ min ago +-$/m)
    expect(table.out).toMatch(/^rfq +:1 +- +sha256:111111111111… +done +1\/1/m)
  })

  it('says what the next deploy would change when the catalog drifted from what runs', async () => {
    writeFiles(dir.dir, { 'catalog/services.yaml': SERVICES_YAML.replace('environment: { LOG_LEVEL: info }', 'environment: { LOG_LEVEL: debug }, memory: 1024') })
    const r = await status('--env', 'staging', '--services', 'auth')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^auth .* 2 setting\(s\)$/m)
    expect(r.out).toContain('auth would change:\n  ~ containerDefinitions[auth].environment[LOG_LEVEL].value: "info" -> "debug"\n  ~ memory: "512" -> "1024"')
    const md = await status('--env', 'staging', '--services', 'auth', '--format', 'markdown')
    expect(md.out).toContain('| service | revision | commit | image | rollout | tasks | deployed | drift |')
    expect(md.out).toContain('<details><summary>What the next deploy would change (catalog settings)</summary>')
  })

  it('--compare lists the services that run different images, by commit: the promotion preview', async () => {
    await deploy('staging', { rfq: image('rfq', 2) })
    const r = await status('--env', 'staging', '--compare', 'production')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`1 service(s) differ between staging and production:\n  rfq: staging ${COMMIT.slice(0, 12)}, production sha256:111111111111`)
    const json = JSON.parse((await status('--env', 'staging', '--compare', 'production', '--format', 'json')).out) as { differences: unknown[] }
    expect(json.differences).toEqual([{ service: 'rfq', here: COMMIT.slice(0, 12), there: 'sha256:111111111111', reason: 'different image' }])
  })

  it('fails, naming it, when a service is not in the cluster; refuses bad flags before any AWS call', async () => {
    writeFiles(dir.dir, { 'catalog/services.yaml': `${SERVICES_YAML}  chat: { path: chat, tier: 2 }\n` })
    const r = await status('--env', 'staging')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^chat +- +- +- +missing \(not in cluster staging\)/m)
    fake.resetCalls()
    expect((await status('--env', 'staging', '--format', 'yaml')).err).toContain("--format must be one of table, json, markdown, got 'yaml'")
    expect((await status('--env', 'staging', '--compare', 'staging')).err).toContain('--compare names staging itself')
    expect((await status('--env', 'nowhere')).code).not.toBe(0)
    expect(fake.totalCalls()).toBe(0)
  })
})
