import { join } from 'node:path'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { STSClient } from '@aws-sdk/client-sts'
import { makeEcsClient } from '@tierdeploy/aws'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIO } from '../cli-io.js'
import { main, runCommand } from '../main.js'
import { run, usage } from './promote.js'

const SERVICES_YAML = `
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth: { path: auth, tier: 1 }
  db: { kind: infrastructure, tier: 1 }
  rfq: { path: rfq, tier: 2, aliases: [rfq-service], dependsOn: [auth, db] }
`
const digest = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
const cloudwatch = mockClient(CloudWatchClient)
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  // staging runs the verified images (version 2); production still runs version 1
  for (const name of ['auth', 'rfq']) {
    fake.seedService({ cluster: 'staging', name, image: digest(name, 2), family: `staging-${name}`, containerName: name })
    fake.seedService({ cluster: 'production', name, image: digest(name, 1), family: `production-${name}`, containerName: name })
  }
  cloudwatch.reset()
  cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] })
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': SERVICES_YAML,
    'catalog/environments/staging.yaml': 'name: staging\nregion: ca-central-1\ncluster: staging\n',
    'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: production\nrequireApproval: true\npromotesFrom: staging\n',
    'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\ncluster: dev\n',
  })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

async function promote(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return promoteWith({}, ...args)
}

async function promoteWith(extra: Record<string, unknown>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: {} }
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    const deps = {
      fromEcs: ecs,
      toEcs: ecs,
      elb: new ElasticLoadBalancingV2Client({ region: 'ca-central-1' }),
      cloudwatch: new CloudWatchClient({ region: 'ca-central-1' }),
      clock: fake.clock,
      ...extra,
    }
    const code = await runCommand('promote', usage, (a, io) => run(a, io, deps), ['--catalog', join(dir.dir, 'catalog'), ...args], io)
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    ecs.destroy()
  }
}

const imageIn = (cluster: string, service: string): string => {
  const { taskDefinition } = fake.state.describeTaskDefinition({ taskDefinition: fake.service(cluster, service).taskDefinition }) as { taskDefinition: { containerDefinitions: { image: string }[] } }
  return taskDefinition.containerDefinitions[0]!.image
}

describe('tierdeploy promote', () => {
  it('deploys to production exactly the digests running in staging, tier by tier, without rebuilding', async () => {
    const r = await promote('--to', 'production')
    expect(r.code).toBe(0)
    expect(imageIn('production', 'auth')).toBe(digest('auth', 2))
    expect(imageIn('production', 'rfq')).toBe(digest('rfq', 2))
    expect(r.err).toContain(`promoting 2 image(s) from staging to production`)
    expect(r.out).toMatch(/auth +deployed/)
    // staging was only read
    expect(imageIn('staging', 'auth')).toBe(digest('auth', 2))
    // rfq (tier 2) started only after auth (tier 1) had completed
    expect(fake.service('production', 'rfq').deployments[0]!.createdAt).toBeGreaterThanOrEqual(fake.service('production', 'auth').deployments[0]!.createdAt + 30_000)
  })

  it('promotes nothing when the source environment is unhealthy', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'rfq-5xx', StateValue: 'ALARM', StateReason: 'Threshold crossed' }] })
    const r = await promote('--to', 'production')
    expect(r.code).toBe(1)
    expect(r.err).toContain('staging is not healthy: nothing was promoted to production')
    expect(imageIn('production', 'rfq')).toBe(digest('rfq', 1))
  })

  it('refuses an image that is a mutable tag, naming the service', async () => {
    const { taskDefinition } = fake.state.registerTaskDefinition({ family: 'staging-auth', containerDefinitions: [{ name: 'auth', image: 'auth:latest', essential: true }], requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' })
    fake.state.updateService({ cluster: 'staging', service: 'auth', taskDefinition: (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn })
    await fake.clock.sleep(60_000) // the rollout completes
    const r = await promote('--to', 'production', '--service', 'auth')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/cannot promote from staging:\n {2}auth: runs auth:latest, a mutable tag/)
    expect(imageIn('production', 'auth')).toBe(digest('auth', 1))
  })

  it('takes the source from promotesFrom and refuses another one', async () => {
    const r = await promote('--to', 'production', '--from', 'dev')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/production receives images only from staging \(promotesFrom in .*production\.yaml\), not from dev/)
    expect((await promote('--to', 'staging')).code).toBe(2)
    expect((await promote('--from', 'staging')).err).toMatch(/--to ENV is required/)
  })

  it('is what deploy --health-check --promote-to-production runs', async () => {
    const out: string[] = []
    const err: string[] = []
    const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: {} }
    // Without AWS clients injected it would reach AWS, so only the routing is checked here: production's
    // promotesFrom (staging) must match --env, and a wrong --env is refused before any AWS call.
    const code = await main(['deploy', '--catalog', join(dir.dir, 'catalog'), '--env', 'dev', '--health-check', '--promote-to-production'], io)
    expect(code).toBe(1)
    expect(err.join('\n')).toMatch(/production receives images only from staging .* not from dev/)
  })

  it('--dry-run shows what production would register and changes nothing', async () => {
    const r = await promote('--to', 'production', '--service', 'rfq-service', '--dry-run')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`~ containerDefinitions[rfq].image: "${digest('rfq', 1)}" -> "${digest('rfq', 2)}"`)
    expect(imageIn('production', 'rfq')).toBe(digest('rfq', 1))
  })

  it('promotes what the gate checked: a deploy landing in staging during the gate refuses the promotion', async () => {
    // While the alarms bake, a staging deploy of auth:3 starts and completes.
    cloudwatch.on(DescribeAlarmsCommand).callsFake(() => {
      if (imageIn('staging', 'auth') !== digest('auth', 3)) {
        const { taskDefinition } = fake.state.registerTaskDefinition({ family: 'staging-auth', containerDefinitions: [{ name: 'auth', image: digest('auth', 3), essential: true }], requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' })
        fake.state.updateService({ cluster: 'staging', service: 'auth', taskDefinition: (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn })
        fake.advance(60_000)
      }
      return { MetricAlarms: [] }
    })
    const r = await promote('--to', 'production', '--bake', '30')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/staging changed while its health gate ran, so the gate did not check what it runs now; nothing was promoted.*\n {2}auth: ran staging-auth:1 when the gate started, staging-auth:2 when it ended/)
    expect(imageIn('production', 'auth')).toBe(digest('auth', 1))
    expect(imageIn('production', 'rfq')).toBe(digest('rfq', 1))
  })

  it('leaves out, with a line saying so, a service the target does not enable', async () => {
    writeFiles(dir.dir, { 'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: production\nrequireApproval: true\npromotesFrom: staging\nservices:\n  rfq: { enabled: false }\n' })
    const r = await promote('--to', 'production')
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/left out, not enabled in production \(.*production\.yaml\): rfq/)
    expect(imageIn('production', 'auth')).toBe(digest('auth', 2))
    expect(imageIn('production', 'rfq')).toBe(digest('rfq', 1))
  })

  it('refuses, before anything is read or written, credentials that are not the target environment\'s account', async () => {
    writeFiles(dir.dir, { 'catalog/environments/production.yaml': 'name: production\naccount: "333333333333"\nregion: ca-central-1\ncluster: production\nrequireApproval: true\npromotesFrom: staging\n' })
    const toSts = new STSClient({ region: 'ca-central-1', endpoint: fake.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } })
    try {
      fake.resetCalls()
      const r = await promoteWith({ toSts }, '--to', 'production')
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/credentials are for 111111111111, environment production is 333333333333 \(the account in .*production\.yaml\), so nothing was changed/)
      expect(r.err).toMatch(/environment staging sets no account/)
      expect(Object.keys(fake.calls)).toEqual(['GetCallerIdentity'])
      expect(imageIn('production', 'auth')).toBe(digest('auth', 1))
    } finally {
      toSts.destroy()
    }
  })
})

