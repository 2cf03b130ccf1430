import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mockClient } from 'aws-sdk-client-mock'
import { ECSClient } from '@aws-sdk/client-ecs'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { buildCatalog, silentLogger } from '@tierdeploy/catalog'
import { FakeEcs } from '@tierdeploy/testkit'
import { runHealthGate } from './gate.js'
import { serviceState } from './ecs-check.js'
import { renderGateTable, renderGateText } from './report.js'
import { gateTargets } from './targets.js'
import { CHECKS, type GateOptions, type GateTarget } from './types.js'

const CLUSTER = 'invoxa-dev'
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const cwMock = mockClient(CloudWatchClient)
let fake: FakeEcs
let server: Server | undefined

beforeEach(async () => {
  elbMock.reset()
  cwMock.reset()
  cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] })
  fake = await FakeEcs.start()
  fake.createCluster(CLUSTER)
})
afterEach(async () => {
  await fake.stop()
  if (server) {
    server.closeAllConnections()
    await new Promise((r) => server!.close(r))
    server = undefined
  }
})

const effects = () => ({
  ecs: new ECSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 }),
  elb: new ElasticLoadBalancingV2Client({ region: 'ca-central-1' }),
  cloudwatch: new CloudWatchClient({ region: 'ca-central-1' }),
  clock: fake.clock,
  log: silentLogger,
})
const options = (o: Partial<GateOptions> = {}): GateOptions => ({ cluster: CLUSTER, checks: [...CHECKS], timeoutMs: 300_000, pollIntervalMs: 15_000, bakeMs: 0, ...o })
const target = (service: string, t: Partial<GateTarget> = {}): GateTarget => ({ service, http: { skip: 'no url' }, behindLoadBalancer: false, alarms: { prefix: service }, ...t })

/** Starts a new revision with this image on a seeded service; the fake decides how its rollout goes. */
function deploy(service: string, image: string): string {
  const { taskDefinition } = fake.state.registerTaskDefinition({
    family: service,
    requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
    containerDefinitions: [{ name: service, image, essential: true }],
  })
  const arn = (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn
  fake.state.updateService({ cluster: CLUSTER, service, taskDefinition: arn })
  return arn
}

async function healthServer(status: number): Promise<string> {
  server = createServer((_req, res) => { res.writeHead(status); res.end() })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
}

describe('runHealthGate: ECS', () => {
  it('waits for rollouts in progress and passes once every PRIMARY is COMPLETED with running = desired, 10 services per call', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`)
    for (const name of names) fake.seedService({ cluster: CLUSTER, name, image: `repo/${name}:1`, desiredCount: 2 })
    deploy('svc-3', 'repo/svc-3:2')
    fake.resetCalls()
    const report = await runHealthGate(names.map((n) => target(n)), options({ checks: ['ecs'] }), effects())
    expect(report.passed).toBe(true)
    expect(report.outcomes).toHaveLength(12)
    expect(report.outcomes.find((o) => o.service === 'svc-3')!.detail).toBe('svc-3:2 COMPLETED, running 2 of 2')
    // 12 services: 2 calls per look; the rollout needed more than one look.
    expect(fake.calls.DescribeServices! % 2).toBe(0)
    expect(fake.calls.DescribeServices).toBeGreaterThan(2)
    expect(report.seconds).toBeGreaterThanOrEqual(30)
  })

  it('fails a failed rollout at once, a missing service, and a rollout that does not finish by the deadline', async () => {
    // With the circuit breaker on and rollback off, ECS marks a failing rollout FAILED and leaves it there.
    for (const name of ['auth', 'invoice', 'payment']) fake.seedService({ cluster: CLUSTER, name, image: `repo/${name}:1`, circuitBreaker: { enable: true, rollback: false } })
    fake.failImage('repo/auth:bad', { afterMs: 20_000 })
    fake.hangImage('repo/invoice:slow')
    deploy('auth', 'repo/auth:bad')
    deploy('invoice', 'repo/invoice:slow')
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: { Id: '10.0.0.1', Port: 3000 }, TargetHealth: { State: 'healthy' } }] })
    const report = await runHealthGate(['auth', 'invoice', 'payment', 'ghost'].map((n) => target(n, { behindLoadBalancer: true, targetGroups: ['arn:tg'] })), options({ timeoutMs: 120_000 }), effects())
    expect(report.passed).toBe(false)
    const row = (s: string, c: string) => report.outcomes.find((o) => o.service === s && o.check === c)!
    expect(row('auth', 'ecs')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^rollout of auth:2 FAILED: /) })
    expect(row('invoice', 'ecs')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^not settled by the deadline: rollout of invoice:2 IN_PROGRESS \(running \d of 1\)/) })
    expect(row('ghost', 'ecs')).toMatchObject({ status: 'failed', detail: `not found in cluster ${CLUSTER} (MISSING)` })
    expect(row('payment', 'ecs').status).toBe('passed')
    // Services whose rollout failed are not probed further; the bake does not run after a failure.
    expect(row('auth', 'load-balancer')).toMatchObject({ status: 'skipped', detail: 'ECS rollout did not pass' })
    expect(row('payment', 'alarms')).toMatchObject({ status: 'skipped', detail: 'not baked: an earlier check failed' })
    const table = renderGateTable(report)
    expect(table).toMatch(/^### ❌ health gate failed: 3 checks failed in 3 services/)
    expect(table.split('\n')[4]).toMatch(/^\| auth \| ecs \| ❌ failed \| rollout of auth:2 FAILED/)
    expect(renderGateText(report)).toMatch(/health gate FAILED: 3 failed check\(s\)$/)
  })

  it('fails a service the circuit breaker put back on its old revision', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1', circuitBreaker: { enable: true, rollback: true } })
    fake.failImage('repo/auth:bad', { afterMs: 10_000 })
    const deployed = deploy('auth', 'repo/auth:bad')
    await fake.clock.sleep(120_000)
    const report = await runHealthGate([target('auth')], options({ checks: ['ecs'], expectedTaskDefinitions: { auth: deployed } }), effects())
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', detail: 'the service now runs auth:1, not auth:2' })
  })

  it('skips the load balancer and HTTP checks of a service scaled to 0', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'ai', image: 'repo/ai:1', desiredCount: 0 })
    const report = await runHealthGate([target('ai', { behindLoadBalancer: true, http: { url: 'http://127.0.0.1:1/health', expectedStatus: 200, healthyThreshold: 1, requestTimeoutMs: 1000, intervalMs: 1000 } })], options({ checks: ['ecs', 'load-balancer', 'http'] }), effects())
    expect(report.passed).toBe(true)
    expect(report.outcomes.map((o) => [o.check, o.status, o.detail])).toEqual([
      ['ecs', 'passed', 'ai:1 COMPLETED, running 0 of 0'],
      ['load-balancer', 'skipped', 'desired count is 0: nothing runs'],
      ['http', 'skipped', 'desired count is 0: nothing runs'],
    ])
  })

  it('reads target groups from the ECS service when none are given', () => {
    const s = serviceState({ serviceName: 'auth', status: 'ACTIVE', desiredCount: 1, runningCount: 1, loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:ca-central-1:1:targetgroup/auth/abc', containerName: 'auth', containerPort: 3000 }], deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: 'arn:aws:ecs:ca-central-1:1:task-definition/auth:7' }] })
    expect(s).toMatchObject({ verdict: 'passed', targetGroups: ['arn:aws:elasticloadbalancing:ca-central-1:1:targetgroup/auth/abc'], detail: 'auth:7 COMPLETED, running 1 of 1' })
  })
})

describe('runHealthGate: load balancer and HTTP', () => {
  const tg = (name: string) => `arn:aws:elasticloadbalancing:ca-central-1:111111111111:targetgroup/${name}/0123456789abcdef`

  it('passes healthy targets (ignoring draining ones), waits for initial ones, and explains unhealthy ones', async () => {
    for (const name of ['auth', 'invoice', 'payment', 'client']) fake.seedService({ cluster: CLUSTER, name, image: `repo/${name}:1` })
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tg('auth') }).resolves({ TargetHealthDescriptions: [
      { Target: { Id: '10.0.1.5', Port: 3000 }, TargetHealth: { State: 'healthy' } },
      { Target: { Id: '10.0.1.9', Port: 3000 }, TargetHealth: { State: 'draining', Reason: 'Target.DeregistrationInProgress' } },
    ] })
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tg('invoice') })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: { Id: '10.0.2.5', Port: 3000 }, TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress' } }] })
      .resolves({ TargetHealthDescriptions: [{ Target: { Id: '10.0.2.5', Port: 3000 }, TargetHealth: { State: 'healthy' } }] })
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tg('payment') }).resolves({ TargetHealthDescriptions: [
      { Target: { Id: '10.0.3.5', Port: 5000 }, TargetHealth: { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [502]' } },
    ] })
    const targets = [
      target('auth', { behindLoadBalancer: true, targetGroups: [tg('auth')] }),
      target('invoice', { behindLoadBalancer: true, targetGroups: [tg('invoice')] }),
      target('payment', { behindLoadBalancer: true, targetGroups: [tg('payment')] }),
      target('client', { behindLoadBalancer: true }),
    ]
    const report = await runHealthGate(targets, options({ checks: ['ecs', 'load-balancer'], timeoutMs: 60_000 }), effects())
    const lb = Object.fromEntries(report.outcomes.filter((o) => o.check === 'load-balancer').map((o) => [o.service, [o.status, o.detail]]))
    expect(lb).toEqual({
      auth: ['passed', '1 target healthy in auth'],
      invoice: ['passed', '1 target healthy in invoice'],
      payment: ['failed', 'not healthy by the deadline: payment: 10.0.3.5:5000 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [502])'],
      client: ['failed', 'routing.public is set but the ECS service has no load balancer target group (attach one, or give the target-groups input)'],
    })
  })

  it('checks the health URL of a real server and bakes alarms by the injected clock', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1' })
    const url = await healthServer(200)
    cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'auth' }).resolves({ MetricAlarms: [{ AlarmName: 'auth-5xx', StateValue: 'OK' }, { AlarmName: 'auth-latency', StateValue: 'OK' }] })
    cwMock.on(DescribeAlarmsCommand, { StateValue: 'ALARM' }).resolves({ MetricAlarms: [{ AlarmName: 'gateway-5xx', StateValue: 'ALARM' }] })
    const start = fake.clock.now()
    const report = await runHealthGate([target('auth', { http: { url, expectedStatus: 200, healthyThreshold: 3, requestTimeoutMs: 5000, intervalMs: 10_000 } })], options({ bakeMs: 300_000, bakeIntervalMs: 60_000 }), effects())
    expect(report.passed).toBe(true)
    expect(report.outcomes.map((o) => [o.check, o.status, o.detail])).toEqual([
      ['ecs', 'passed', 'auth:1 COMPLETED, running 1 of 1'],
      ['load-balancer', 'skipped', 'not behind the ALB (routing.public is not set)'],
      ['http', 'passed', `${url} answered 200 3 times in a row`],
      ['alarms', 'passed', '2 alarms not in ALARM over 300 s'],
    ])
    // The bake looked every minute for five minutes: once by name, then five times for alarms in ALARM.
    expect(cwMock.commandCalls(DescribeAlarmsCommand, { StateValue: 'ALARM' })).toHaveLength(5)
    expect(fake.clock.now() - start).toBe(20_000 + 300_000)
  })

  it('stops the bake at the first alarm of a tier service and names it', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1' })
    fake.seedService({ cluster: CLUSTER, name: 'invoice', image: 'repo/invoice:1' })
    cwMock.on(DescribeAlarmsCommand, { AlarmNames: ['invoice-errors', 'invoice-p99'] }).resolves({ MetricAlarms: [{ AlarmName: 'invoice-errors', StateValue: 'OK' }] })
    cwMock.on(DescribeAlarmsCommand, { StateValue: 'ALARM' })
      .resolvesOnce({ MetricAlarms: [] })
      .resolves({ MetricAlarms: [{ AlarmName: 'invoice-errors', StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).' }] })
    const start = fake.clock.now()
    const report = await runHealthGate([target('auth'), target('invoice', { alarms: { names: ['invoice-errors', 'invoice-p99'] } })], options({ checks: ['alarms'], bakeMs: 600_000, bakeIntervalMs: 60_000 }), effects())
    expect(report.passed).toBe(false)
    expect(report.outcomes).toEqual([
      { service: 'auth', check: 'alarms', status: 'skipped', detail: 'no alarms named auth* to watch' },
      { service: 'invoice', check: 'alarms', status: 'failed', detail: 'invoice-errors in ALARM after 120 s: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).' },
    ])
    expect(fake.clock.now() - start).toBe(120_000)
  })

  it('fails an HTTP check that keeps answering 503, and reports catalog alarms that do not exist', async () => {
    fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1' })
    const url = await healthServer(503)
    const failing = await runHealthGate([target('auth', { http: { url, expectedStatus: 200, healthyThreshold: 2, requestTimeoutMs: 5000, intervalMs: 10_000 } })], options({ checks: ['http'], timeoutMs: 30_000 }), effects())
    expect(failing.outcomes).toEqual([{ service: 'auth', check: 'http', status: 'failed', detail: `${url} answered 503, expected 200 (4 requests)` }])
    cwMock.on(DescribeAlarmsCommand, { AlarmNames: ['auth-typo'] }).resolves({ MetricAlarms: [] })
    const missing = await runHealthGate([target('auth', { alarms: { names: ['auth-typo'] } })], options({ checks: ['alarms'] }), effects())
    expect(missing.outcomes[0]).toMatchObject({ status: 'failed', detail: 'catalog alarm auth-typo not found in CloudWatch' })
  })
})

describe('runHealthGate: cancellation', () => {
  const tg = (name: string) => `arn:aws:elasticloadbalancing:ca-central-1:111111111111:targetgroup/${name}/0123456789abcdef`

  it('after one check throws, cancels the others (no further AWS call, request or poll) and rejects at once with that error', async () => {
    for (const name of ['auth', 'invoice', 'web']) fake.seedService({ cluster: CLUSTER, name, image: `repo/${name}:1` })
    const unhealthy = { TargetHealthDescriptions: [{ Target: { Id: '10.0.1.5', Port: 3000 }, TargetHealth: { State: 'unhealthy' as const } }] }
    const gone = Object.assign(new Error('One or more target groups not found'), { name: 'TargetGroupNotFoundException' })
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tg('auth') }).resolvesOnce(unhealthy).rejects(gone)
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tg('invoice') }).resolves(unhealthy)
    let requests = 0
    server = createServer((_req, res) => { requests++; res.writeHead(503); res.end() })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
    const targets = [
      target('auth', { behindLoadBalancer: true, targetGroups: [tg('auth')] }),
      target('invoice', { behindLoadBalancer: true, targetGroups: [tg('invoice')] }),
      target('web', { http: { url, expectedStatus: 200, healthyThreshold: 2, requestTimeoutMs: 5_000, intervalMs: 10_000 } }),
    ]
    const started = fake.now()
    const gate = runHealthGate(targets, options({ checks: ['load-balancer', 'http'], timeoutMs: 30 * 60_000 }), effects())
    await expect(gate).rejects.toThrow(/target group .*auth.* does not exist/)
    const lbCalls = elbMock.commandCalls(DescribeTargetHealthCommand).length
    const asked = requests
    // Give checks still running in the background every chance to call again.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r))
    await new Promise((r) => setTimeout(r, 50))
    expect(elbMock.commandCalls(DescribeTargetHealthCommand).length).toBe(lbCalls)
    expect(requests).toBe(asked)
    // Settled after the second target-health poll of auth, far from the 30-minute deadline.
    expect(fake.now() - started).toBeLessThan(60_000)
  })
})

describe('runHealthGate: credentials', () => {
  it('turns missing or refused credentials into a configuration error', async () => {
    cwMock.on(DescribeAlarmsCommand).rejects(Object.assign(new Error('User: arn:aws:sts::1:assumed-role/deploy is not authorized to perform: cloudwatch:DescribeAlarms'), { name: 'AccessDenied' }))
    await expect(runHealthGate([target('auth')], options({ checks: ['alarms'] }), effects())).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/AWS denied a health-gate call \(AccessDenied: .*cloudwatch:DescribeAlarms\); see docs\/health-gate.md/) })
    cwMock.on(DescribeAlarmsCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))
    await expect(runHealthGate([target('auth')], options({ checks: ['alarms'] }), effects())).rejects.toThrow(/no AWS credentials .*configure-aws-credentials/)
  })

  it('names an AWS endpoint nothing answers on instead of failing with a stack trace', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const ecs = new ECSClient({ endpoint: `http://127.0.0.1:${port}`, region: 'ca-central-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } })
    await expect(runHealthGate([target('auth')], options({ checks: ['ecs'] }), { ...effects(), ecs })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(/^could not reach AWS ECS, Elastic Load Balancing or CloudWatch \(health gate\) .*ECONNREFUSED.*: check the network, the region and any AWS_ENDPOINT_URL\* variable$/),
    })
  })
})

describe('gateTargets', () => {
  const { catalog } = buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: `version: 1
platform: invoxa
tiers: [{ id: 1, name: core }]
defaults:
  healthCheck: { path: /health }
services:
  auth:
    path: auth
    routing: { public: true, pathPatterns: ["/auth/*"] }
    healthCheck: { path: /auth/health, healthyThreshold: 5 }
    alarms: [auth-5xx]
  web:
    path: web
    routing: { public: true, pathPatterns: ["/api/*"] }
  worker:
    path: worker
  payment:
    path: payment
    healthCheck: { url: "https://payments.internal.example/ping", expectedStatus: 204, timeoutSeconds: 2, intervalSeconds: 5 }
` },
    environments: [{ file: 'catalog/environments/dev.yaml', text: 'name: dev\nregion: us-east-1\nurl: https://dev.invoxa.example/\nservices:\n  auth:\n    healthCheck: { intervalSeconds: 3 }\n' }],
  })
  const env = catalog!.environments.get('dev')!
  const svc = (n: string) => catalog!.services.get(n)!

  it('builds the health URL from the environment url and the health path, or takes healthCheck.url', () => {
    const warnings: string[] = []
    const targets = gateTargets(catalog!, env, ['auth', 'web', 'worker', 'payment'].map(svc), { worker: ['arn:tg/worker'] }, { ...silentLogger, warning: (m) => warnings.push(m) })
    expect(targets[0]).toEqual({ service: 'auth', http: { url: 'https://dev.invoxa.example/auth/health', expectedStatus: 200, healthyThreshold: 5, requestTimeoutMs: 5000, intervalMs: 3000 }, behindLoadBalancer: true, alarms: { names: ['auth-5xx'] } })
    expect(targets[1]!.http).toMatchObject({ url: 'https://dev.invoxa.example/health' })
    expect(warnings).toEqual([expect.stringMatching(/^web: health path \/health is outside its ALB path patterns \(\/api\/\*\)/)])
    expect(targets[2]).toMatchObject({ http: { skip: 'not on the public ALB (routing.public) and no healthCheck.url' }, behindLoadBalancer: true, targetGroups: ['arn:tg/worker'], alarms: { prefix: 'worker' } })
    expect(targets[3]).toMatchObject({ http: { url: 'https://payments.internal.example/ping', expectedStatus: 204, requestTimeoutMs: 2000, intervalMs: 5000 }, behindLoadBalancer: false })
  })
})
