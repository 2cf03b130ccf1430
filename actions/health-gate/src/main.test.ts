import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { load } from 'js-yaml'
import { mockClient } from 'aws-sdk-client-mock'
import { ECSClient } from '@aws-sdk/client-ecs'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { recordingIO } from '@tierdeploy/action-kit'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { run } from './main.js'
import { INPUTS, OUTPUTS } from './contract.js'

const CLUSTER = 'invoxa-dev'
const digest = (name: string, d: number): string => `111111111111.dkr.ecr.us-east-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`
const TG = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/auth/0123456789abcdef'
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const cwMock = mockClient(CloudWatchClient)
let fake: FakeEcs
let server: Server
let status = 200
let dir: { dir: string; cleanup: () => void }

beforeEach(async () => {
  elbMock.reset()
  cwMock.reset()
  elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: { Id: '10.1.0.4', Port: 3000 }, TargetHealth: { State: 'healthy' } }] })
  cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] })
  fake = await FakeEcs.start()
  fake.createCluster(CLUSTER)
  status = 200
  server = createServer((req, res) => { res.writeHead(req.url === '/auth/health' ? status : 404); res.end() })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': `version: 1
platform: invoxa
tiers: [{ id: 1, name: core }, { id: 2, name: business }]
services:
  auth:
    path: auth
    tier: 1
    aliases: [authentication]
    routing: { public: true, pathPatterns: ["/auth/*"] }
    healthCheck: { path: /auth/health, healthyThreshold: 2 }
  worker:
    path: worker
    tier: 1
  database:
    kind: infrastructure
    tier: 1
  invoice:
    path: invoice
    tier: 2
`,
    'catalog/environments/dev.yaml': `name: dev\nregion: us-east-1\ncluster: ${CLUSTER}\nurl: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`,
    'catalog/environments/prod.yaml': 'name: prod\nregion: us-east-1\ncluster: { terraformOutput: cluster_name }\n',
  })
})
afterEach(async () => {
  await fake.stop()
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  dir.cleanup()
})

async function gate(inputs: Record<string, string>) {
  const io = recordingIO({ catalog: join(dir.dir, 'catalog'), environment: 'dev', 'bake-seconds': '60', ...inputs })
  await run(io, {
    ecs: new ECSClient({ endpoint: fake.endpoint, region: 'us-east-1' }),
    elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
    cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
    clock: fake.clock,
  })
  return io
}

describe('health-gate action', () => {
  it('passes a healthy tier, writes the table, and with read-images outputs the digests it runs', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: digest('auth', 1) })
    fake.seedService({ cluster: CLUSTER, name: 'worker', image: digest('worker', 1) })
    const io = await gate({ tier: '1', 'target-groups': JSON.stringify({ authentication: TG }), 'read-images': 'true' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.passed).toBe('true')
    const report = JSON.parse(io.outputs.report!) as { service: string; check: string; status: string }[]
    expect(report.map((o) => `${o.service} ${o.check} ${o.status}`)).toEqual([
      'auth ecs passed', 'auth load-balancer passed', 'auth http passed', 'auth alarms skipped',
      'worker ecs passed', 'worker load-balancer skipped', 'worker http skipped', 'worker alarms skipped',
    ])
    expect(elbMock.commandCalls(DescribeTargetHealthCommand)[0]!.args[0].input).toEqual({ TargetGroupArn: TG })
    expect(io.summaries[0]).toMatch(/^### ✅ health gate \(dev\) passed: 2 services healthy/)
    expect(io.outputs['rolled-back']).toBe('[]')
    expect(JSON.parse(io.outputs.images!)).toEqual({ auth: digest('auth', 1), worker: digest('worker', 1) })
  })

  it('reads the cluster from terraform-apply\'s outputs when the environment names a terraformOutput', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'worker', image: digest('worker', 1) })
    const io = await gate({ services: 'worker', environment: 'prod', checks: 'ecs', 'terraform-outputs': JSON.stringify({ cluster_name: { value: CLUSTER, sensitive: false } }) })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.report!)).toEqual([expect.objectContaining({ service: 'worker', check: 'ecs', status: 'passed' })])
  })

  it('fails with the why, and rolls the deploy back to the previous revisions when asked', async () => {
    const before = fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1' }).taskDefinition
    const { taskDefinition } = fake.state.registerTaskDefinition({ family: 'auth', containerDefinitions: [{ name: 'auth', image: 'repo/auth:2', essential: true }], requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' })
    const deployed = (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn
    fake.state.updateService({ cluster: CLUSTER, service: 'auth', taskDefinition: deployed })
    status = 500
    const result = [{ service: 'auth', status: 'deployed', previousTaskDefinition: before, taskDefinition: deployed }]
    const io = await gate({ 'deploy-result': JSON.stringify(result), 'rollback-on-failure': 'true', 'timeout-seconds': '120', checks: 'ecs,http' })
    expect(io.outputs.passed).toBe('false')
    expect(io.failed).toMatch(/^health gate failed \(1 check\); rolled back 1 service\(s\): auth http: http:\/\/127.0.0.1:\d+\/auth\/health answered 500, expected 200/)
    expect(JSON.parse(io.outputs['rolled-back']!)).toEqual([expect.objectContaining({ service: 'auth', status: 'rolled-back', taskDefinition: before })])
    expect(fake.service(CLUSTER, 'auth').taskDefinition).toBe(before)
    expect(io.summaries[0]).toContain('| auth | http | ❌ failed |')
    expect(io.summaries[0]).toContain('#### Rollback')
    expect(io.outputs.images).toBe('{}')
  })

  it('fails for a selected service missing from the cluster, and passes when nothing is selected', async () => {
    const io = await gate({ tier: '2', checks: 'ecs' })
    expect(io.outputs.passed).toBe('false')
    expect(io.failed).toBe(`health gate failed (1 check): invoice ecs: not found in cluster ${CLUSTER} (MISSING)`)
    const none = await gate({ services: '[]', 'deploy-result': '[]' })
    expect(none.outputs.passed).toBe('true')
    expect(none.summaries[0]).toContain('nothing to check')
  })

  it('rejects bad inputs by name', async () => {
    expect((await gate({ tier: '1', checks: 'ecs,htp' })).failed).toMatch(/input 'checks': unknown check 'htp'; did you mean 'http'\?/)
    expect((await gate({ tier: '1', 'rollback-on-failure': 'true' })).failed).toMatch(/input 'rollback-on-failure' needs 'deploy-result'/)
    expect((await gate({ tier: '1', 'rollback-on-failure': 'ja' })).failed).toMatch(/input 'rollback-on-failure' must be true or false/)
    expect((await gate({ tier: '1', 'target-groups': '{"auth": 3}' })).failed).toMatch(/input 'target-groups': auth must map to a target group ARN/)
    expect((await gate({ tier: '1', 'target-groups': `{"auht": "${TG}"}` })).failed).toMatch(/input 'target-groups': unknown service 'auht'; did you mean 'auth'\?/)
    expect((await gate({ tier: '1', services: 'auth' })).failed).toMatch(/give 'tier' or 'services', not both/)
    expect((await gate({})).failed).toMatch(/nothing is selected to check/)
    expect((await gate({ services: 'database' })).failed).toMatch(/database \(infrastructure\) is not deployed to ECS/)
    expect((await gate({ tier: '1', environment: 'prod' })).failed).toMatch(/cannot resolve the settings of environment prod:\n.*cluster: terraformOutput '\w+' needs Terraform outputs/)
    expect((await gate({ tier: '1', 'timeout-seconds': '10m' })).failed).toMatch(/input 'timeout-seconds' must be a whole number/)
    expect(fake.totalCalls()).toBe(0)
  })

  it('reads deploy-result-file as it reads deploy-result, and rolls back to the revisions it records', async () => {
    const before = fake.seedService({ cluster: CLUSTER, name: 'auth', image: digest('auth', 1) }).taskDefinition
    const { taskDefinition } = fake.state.registerTaskDefinition({ family: 'auth', containerDefinitions: [{ name: 'auth', image: digest('auth', 2), essential: true }], requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' })
    const deployed = (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn
    fake.state.updateService({ cluster: CLUSTER, service: 'auth', taskDefinition: deployed })
    status = 500
    writeFiles(dir.dir, { 'results/tier-1.json': JSON.stringify([{ service: 'auth', status: 'deployed', previousTaskDefinition: before, taskDefinition: deployed }]) })
    const io = await gate({ 'deploy-result-file': join(dir.dir, 'results/tier-1.json'), 'rollback-on-failure': 'true', 'timeout-seconds': '120', checks: 'ecs,http' })
    expect(io.outputs.passed).toBe('false')
    expect(JSON.parse(io.outputs.report!).map((o: { service: string }) => o.service)).toEqual(['auth', 'auth'])
    expect(JSON.parse(io.outputs['rolled-back']!)).toEqual([expect.objectContaining({ service: 'auth', status: 'rolled-back', taskDefinition: before })])
    expect(fake.service(CLUSTER, 'auth').taskDefinition).toBe(before)
  })

  it('rejects deploy-result and deploy-result-file together, and a file it cannot read, naming the input and path', async () => {
    writeFiles(dir.dir, { 'r.json': '[]', 'bad.json': '{"auth": 1}' })
    expect((await gate({ 'deploy-result': '[]', 'deploy-result-file': join(dir.dir, 'r.json') })).failed).toBe("give 'deploy-result' or 'deploy-result-file', not both")
    expect((await gate({ 'deploy-result-file': join(dir.dir, 'none.json') })).failed).toBe(`input 'deploy-result-file': cannot read ${join(dir.dir, 'none.json')} (no such file); give the path of a JSON file, relative to the workspace`)
    expect((await gate({ 'deploy-result-file': join(dir.dir, 'bad.json') })).failed).toMatch(new RegExp(`^input 'deploy-result-file' \\(${join(dir.dir, 'bad.json')}\\) must be a JSON array of`))
    expect(fake.totalCalls()).toBe(0)
  })

  it('with read-images, fails a gate whose checks pass when a service runs an image that cannot be promoted, saying why', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: digest('auth', 1) })
    fake.seedService({ cluster: CLUSTER, name: 'worker', image: 'repo/worker:latest' })
    // Without read-images (a tier's gate), a mutable tag is no reason to fail.
    const tier = await gate({ tier: '1', checks: 'ecs' })
    expect(tier.failed).toBeUndefined()
    expect(tier.outputs.images).toBe('{}')
    const io = await gate({ tier: '1', checks: 'ecs', 'read-images': 'true' })
    expect(io.failed).toBe('cannot promote from dev:\n  worker: runs repo/worker:latest, a mutable tag; promotion takes only images pinned by digest (deploy it with build-push\'s output first)')
    expect(io.outputs.passed).toBe('false')
    expect(io.outputs.images).toBe('{}')
    // What runs is read before the checks: nothing that cannot be promoted is checked at all.
    expect(io.outputs.report).toBe('[]')
    expect(io.summaries[0]).toContain('**The gate fails**: what the services run cannot be promoted: cannot promote from dev:')
  })

  it('says to raise role-duration-seconds when the AWS session expires during the gate', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'worker', image: digest('worker', 1) })
    fake.expireSessionAt(fake.now())
    const io = await gate({ services: 'worker', checks: 'ecs' })
    expect(io.failed).toMatch(/^the AWS session expired during the step \(ECS, Elastic Load Balancing or CloudWatch \(health gate\): ExpiredTokenException: The security token included in the request is expired\): .*raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration/)
  })

  it('refuses credentials of another account before checking anything or rolling back', async () => {
    const before = fake.seedService({ cluster: CLUSTER, name: 'worker', image: 'repo/worker:1' }).taskDefinition
    writeFiles(dir.dir, { 'catalog/environments/staging.yaml': `name: staging\naccount: "222222222222"\nregion: us-east-1\ncluster: ${CLUSTER}\n` })
    const result = [{ service: 'worker', status: 'deployed', previousTaskDefinition: before, taskDefinition: before }]
    // The fake's credentials are for 111111111111; AWS_ENDPOINT_URL_STS points the action's own STS client at it.
    vi.stubEnv('AWS_ENDPOINT_URL_STS', fake.endpoint)
    try {
      const io = await gate({ environment: 'staging', 'deploy-result': JSON.stringify(result), 'rollback-on-failure': 'true', checks: 'ecs' })
      expect(io.failed).toMatch(/^credentials are for 111111111111, environment staging is 222222222222 \(the account in .*staging\.yaml\)/)
    } finally {
      vi.unstubAllEnvs()
    }
    expect(fake.calls).toEqual({ GetCallerIdentity: 1 })
  })

  it('declares exactly the inputs and outputs of its contract in action.yml', () => {
    const action = load(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
  })
})
