import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { isConfigurationError } from '@tierdeploy/catalog'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeEcsClient } from './client.js'
import { deployEcsServices, type EcsDeployRequest } from './deploy.js'
import { registrationOf } from './render.js'
import { TAG_COMMIT, TAG_DEPLOY_ID, TAG_REPLACES } from './tags.js'
import { CLUSTER, image, rejection, seedTestServices, startHarness, testCatalog, type Harness } from './test-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
  seedTestServices(h.fake)
})
afterEach(async () => h.close())

function request(over: Partial<EcsDeployRequest> = {}): EcsDeployRequest {
  const { catalog, environment } = testCatalog()
  return {
    catalog,
    environment,
    cluster: CLUSTER,
    waves: [['auth'], ['gateway']],
    images: { auth: image('auth', 2), gateway: image('gateway', 2) },
    commitSha: 'abcdef1234567890abcdef1234567890abcdef12',
    deployId: 'run-1',
    ...over,
  }
}

async function tagsOf(arn: string): Promise<Record<string, string>> {
  const out = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }))
  return Object.fromEntries((out.tags ?? []).map((t) => [t.key!, t.value!]))
}

/**
 * What `terraform apply` of the ecs-service module does after a catalog or module change: registers a new revision in
 * the service's family, with the bootstrap image, and leaves the service on the one it runs (ignore_changes).
 */
async function registerAsTerraform(family: string, change: (td: RegisterTaskDefinitionCommandInput) => void): Promise<{ revision: number }> {
  const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }))
  const input = registrationOf(taskDefinition!)
  input.containerDefinitions![0]!.image = `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${family}:bootstrap`
  change(input)
  const out = await h.ecs.send(new RegisterTaskDefinitionCommand(input))
  return { revision: out.taskDefinition!.revision! }
}

describe('deployEcsServices', () => {
  it('registers, tags and rolls out each wave, and reports every service deployed', async () => {
    const outcome = await deployEcsServices(request(), h.effects)
    expect(outcome.ok).toBe(true)
    expect(outcome.results.map((r) => [r.service, r.status, r.previousTaskDefinition?.replace(/.*\//, ''), r.taskDefinition?.replace(/.*\//, '')])).toEqual([
      ['auth', 'deployed', 'auth:1', 'auth:2'],
      ['gateway', 'deployed', 'gateway:1', 'gateway:2'],
    ])
    const auth = h.fake.service(CLUSTER, 'auth')
    expect(auth.taskDefinition).toMatch(/task-definition\/auth:2$/)
    expect(auth.deployments).toHaveLength(1)
    expect(auth.deployments[0]!.rolloutState).toBe('COMPLETED')
    const tags = await tagsOf(auth.taskDefinition)
    expect(tags[TAG_COMMIT]).toBe('abcdef1234567890abcdef1234567890abcdef12')
    expect(tags[TAG_DEPLOY_ID]).toBe('run-1')
    expect(tags[TAG_REPLACES]).toMatch(/task-definition\/auth:1$/)
  })

  it('starts a wave only after the previous wave has completed', async () => {
    await deployEcsServices(request(), h.effects)
    const auth = h.fake.service(CLUSTER, 'auth').deployments[0]!
    const gateway = h.fake.service(CLUSTER, 'gateway').deployments[0]!
    expect(gateway.createdAt).toBeGreaterThanOrEqual(auth.createdAt + 40_000)
  })

  it('replaces only the service container image and applies catalog environment and secret references', async () => {
    await deployEcsServices(request({ waves: [['auth']] }), h.effects)
    const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'auth' }))
    const [app, sidecar] = taskDefinition!.containerDefinitions!
    expect(app!.image).toBe(image('auth', 2))
    // environment file (LOG_LEVEL: debug) over catalog; SSM_PREFIX, which Terraform adds, kept in place
    expect(app!.environment).toEqual([
      { name: 'SSM_PREFIX', value: '/test/dev' },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'FEATURE_X', value: 'on' },
    ])
    expect(app!.secrets).toEqual([{ name: 'JWT_SECRET', valueFrom: 'arn:aws:secretsmanager:ca-central-1:111111111111:secret:jwt' }])
    expect(sidecar).toMatchObject({ name: 'xray', image: 'amazon/aws-xray-daemon:3.3', essential: false })
    expect(taskDefinition).toMatchObject({ cpu: '256', memory: '512', networkMode: 'awsvpc', executionRoleArn: 'arn:aws:iam::111111111111:role/auth-execution' })
  })

  it('does nothing when re-run with the same images (no registration, no update)', async () => {
    await deployEcsServices(request(), h.effects)
    h.fake.resetCalls()
    const again = await deployEcsServices(request({ deployId: 'run-2' }), h.effects)
    expect(again.ok).toBe(true)
    expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged'])
    expect(h.fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(h.fake.calls.UpdateService).toBeUndefined()
  })

  it('removes from the tasks a variable and a secret the catalog no longer has, and the dry run lists them', async () => {
    // auth ran with LEGACY_URL and OLD_TOKEN when the catalog still had them
    h.fake.seedService({
      cluster: CLUSTER,
      name: 'auth',
      image: image('auth', 1),
      environment: [{ name: 'SSM_PREFIX', value: '/test/dev' }, { name: 'LOG_LEVEL', value: 'debug' }, { name: 'FEATURE_X', value: 'on' }, { name: 'LEGACY_URL', value: 'http://legacy' }],
      secrets: [{ name: 'JWT_SECRET', valueFrom: 'arn:aws:secretsmanager:ca-central-1:111111111111:secret:jwt' }, { name: 'OLD_TOKEN', valueFrom: '/test/dev/old-token' }],
    })
    const dry = await deployEcsServices(request({ waves: [['auth']], images: {}, dryRun: true }), h.effects)
    expect(dry.results[0]).toMatchObject({ status: 'would-deploy' })
    expect(dry.diffs.auth).toEqual([
      '- containerDefinitions[auth].environment[LEGACY_URL].name: "LEGACY_URL"',
      '- containerDefinitions[auth].environment[LEGACY_URL].value: "http://legacy"',
      '- containerDefinitions[auth].secrets[OLD_TOKEN].name: "OLD_TOKEN"',
      '- containerDefinitions[auth].secrets[OLD_TOKEN].valueFrom: "/test/dev/old-token"',
    ])
    await deployEcsServices(request({ waves: [['auth']], images: {} }), h.effects)
    const [app] = (await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: h.fake.service(CLUSTER, 'auth').taskDefinition }))).taskDefinition!.containerDefinitions!
    expect(app!.image).toBe(image('auth', 1))
    expect(app!.environment!.map((e) => e.name)).toEqual(['SSM_PREFIX', 'LOG_LEVEL', 'FEATURE_X'])
    expect(app!.secrets!.map((e) => e.name)).toEqual(['JWT_SECRET'])
  })

  it("applies the environment's cpu and memory at the next deploy, without a new image", async () => {
    const dev = `name: dev\nregion: ca-central-1\ncluster: ${CLUSTER}\nservices:\n  gateway: { cpu: 512, memory: 1024 }\n`
    const { catalog, environment } = testCatalog('', dev)
    const dry = await deployEcsServices(request({ catalog, environment, waves: [['gateway']], images: {}, dryRun: true }), h.effects)
    expect(dry.diffs.gateway).toEqual(['~ cpu: "256" -> "512"', '~ memory: "512" -> "1024"'])
    const outcome = await deployEcsServices(request({ catalog, environment, waves: [['gateway']], images: {} }), h.effects)
    expect(outcome.results[0]).toMatchObject({ status: 'deployed' })
    const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: h.fake.service(CLUSTER, 'gateway').taskDefinition }))
    expect(taskDefinition).toMatchObject({ cpu: '512', memory: '1024' })
  })

  it("builds on a revision Terraform registered after the running one: Terraform's role and sidecar, the catalog's settings, the new image", async () => {
    const terraform = await registerAsTerraform('auth', (td) => {
      td.executionRoleArn = 'arn:aws:iam::111111111111:role/test-auth-exec'
      td.containerDefinitions!.push({ name: 'otel', image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0', essential: false })
      // Terraform renders the catalog too, but an older copy: LOG_LEVEL as in services.yaml, and a variable since removed
      td.containerDefinitions![0]!.environment = [{ name: 'FEATURE_X', value: 'on' }, { name: 'LOG_LEVEL', value: 'info' }, { name: 'REMOVED', value: '1' }, { name: 'SSM_PREFIX', value: '/test/dev' }]
    })
    const dry = await deployEcsServices(request({ waves: [['auth']], dryRun: true }), h.effects)
    expect(dry.diffs.auth).toEqual(
      expect.arrayContaining([
        `~ containerDefinitions[auth].image: "${image('auth', 1)}" -> "${image('auth', 2)}"`,
        '~ executionRoleArn: "arn:aws:iam::111111111111:role/auth-execution" -> "arn:aws:iam::111111111111:role/test-auth-exec"',
        '+ containerDefinitions[otel].name: "otel"',
      ]),
    )
    expect(h.effects.lines).toContain(`auth: building on auth:${terraform.revision}, registered after the running auth:1`)

    const outcome = await deployEcsServices(request({ waves: [['auth']] }), h.effects)
    expect(outcome.results[0]).toMatchObject({ status: 'deployed', previousTaskDefinition: expect.stringMatching(/auth:1$/), taskDefinition: expect.stringMatching(/auth:3$/) })
    const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: h.fake.service(CLUSTER, 'auth').taskDefinition }))
    expect(taskDefinition!.executionRoleArn).toBe('arn:aws:iam::111111111111:role/test-auth-exec')
    expect(taskDefinition!.containerDefinitions!.map((c) => [c.name, c.image])).toEqual([
      ['auth', image('auth', 2)],
      ['xray', 'amazon/aws-xray-daemon:3.3'],
      ['otel', 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0'],
    ])
    expect(taskDefinition!.containerDefinitions![0]!.environment).toEqual([
      { name: 'FEATURE_X', value: 'on' },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'SSM_PREFIX', value: '/test/dev' },
    ])
  })

  it("keeps the running image, not Terraform's bootstrap image, when no image is given", async () => {
    await registerAsTerraform('gateway', (td) => {
      td.executionRoleArn = 'arn:aws:iam::111111111111:role/test-gateway-exec'
    })
    const outcome = await deployEcsServices(request({ waves: [['gateway']], images: {} }), h.effects)
    expect(outcome.results[0]).toMatchObject({ status: 'deployed' })
    const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: h.fake.service(CLUSTER, 'gateway').taskDefinition }))
    expect(taskDefinition).toMatchObject({ executionRoleArn: 'arn:aws:iam::111111111111:role/test-gateway-exec' })
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe(image('gateway', 1))
  })

  it('registers nothing when nothing changed, reading one revision per service when it runs the latest', async () => {
    await registerAsTerraform('gateway', (td) => {
      td.executionRoleArn = 'arn:aws:iam::111111111111:role/test-gateway-exec'
    })
    await deployEcsServices(request({ images: {} }), h.effects)
    h.fake.resetCalls()
    const again = await deployEcsServices(request({ images: {}, deployId: 'run-2' }), h.effects)
    expect(again.results.map((r) => [r.service, r.status])).toEqual([['auth', 'unchanged'], ['gateway', 'unchanged']])
    expect(h.fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(h.fake.calls.UpdateService).toBeUndefined()
    expect(h.fake.calls.DescribeTaskDefinition).toBe(2)
  })

  it("builds on the running revision, and warns, when the family's latest has no container of the catalog's name", async () => {
    await registerAsTerraform('payment', (td) => {
      td.containerDefinitions![0]!.name = 'web'
    })
    const outcome = await deployEcsServices(request({ waves: [['payment']], images: { payment: image('payment', 2) } }), h.effects)
    expect(outcome.results[0]).toMatchObject({ status: 'deployed' })
    expect(h.effects.lines.some((l) => l.startsWith("warning: payment: the family's latest revision payment:2 has no container 'app' (it has web); building on the running payment:1"))).toBe(true)
    const { taskDefinition } = await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: h.fake.service(CLUSTER, 'payment').taskDefinition }))
    expect(taskDefinition!.containerDefinitions!.map((c) => [c.name, c.image])).toEqual([['app', image('payment', 2)]])
  })

  it('dry run renders the diff and makes no write call', async () => {
    const outcome = await deployEcsServices(request({ dryRun: true }), h.effects)
    expect(outcome.results.map((r) => r.status)).toEqual(['would-deploy', 'would-deploy'])
    expect(outcome.diffs.gateway).toEqual([`~ containerDefinitions[gateway].image: "${image('gateway', 1)}" -> "${image('gateway', 2)}"`])
    expect(outcome.diffs.auth).toContain(`~ containerDefinitions[auth].image: "${image('auth', 1)}" -> "${image('auth', 2)}"`)
    expect(Object.keys(h.fake.calls).sort()).toEqual(['DescribeServices', 'DescribeTaskDefinition'])
  })

  it('rolls every changed service of the step back when one fails, and says why it failed', async () => {
    h.fake.failImage(image('gateway', 2), { containerReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)' })
    const outcome = await deployEcsServices(request({ waves: [['auth', 'gateway', 'payment']], images: { auth: image('auth', 2), gateway: image('gateway', 2), payment: image('payment', 2) } }), h.effects)
    expect(outcome.ok).toBe(false)
    const byName = Object.fromEntries(outcome.results.map((r) => [r.service, r]))
    expect(byName.gateway!.status).toBe('failed')
    expect(byName.gateway!.reason).toContain('circuit breaker')
    expect(byName.gateway!.reason).toContain('CannotPullContainerError')
    expect(byName.gateway!.reason).toContain('Essential container in task exited')
    expect(byName.gateway!.reason).toContain('rolled back to')
    expect(byName.auth!.status).toBe('rolled-back')
    expect(byName.payment!.status).toBe('rolled-back')
    for (const [name, rev] of [['auth', 1], ['gateway', 1], ['payment', 1]] as const) {
      const s = h.fake.service(CLUSTER, name)
      expect(s.taskDefinition).toMatch(new RegExp(`task-definition/${name}:${rev}$`))
      expect(s.deployments[0]!.rolloutState).toBe('COMPLETED')
    }
  })

  it('treats a circuit-breaker rollback as a failure and does not fight it with another update', async () => {
    h.fake.failImage(image('gateway', 2))
    const outcome = await deployEcsServices(request({ waves: [['gateway']], images: { gateway: image('gateway', 2) } }), h.effects)
    expect(outcome.results[0]).toMatchObject({ service: 'gateway', status: 'failed' })
    expect(outcome.results[0]!.reason).toMatch(/ECS deployment circuit breaker: tasks failed to start.*rolling back/)
    expect(h.fake.calls.UpdateService).toBe(1)
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('skips later waves after a failed wave and rolls back the earlier waves too', async () => {
    h.fake.failImage(image('auth', 2))
    const { catalog, environment } = testCatalog()
    const outcome = await deployEcsServices(request({ catalog, environment, waves: [['gateway'], ['auth'], ['payment']], images: { auth: image('auth', 2), gateway: image('gateway', 2), payment: image('payment', 2) } }), h.effects)
    expect(outcome.results.map((r) => [r.service, r.status])).toEqual([
      ['gateway', 'rolled-back'],
      ['auth', 'failed'],
      ['payment', 'skipped'],
    ])
    expect(h.fake.service(CLUSTER, 'payment').taskDefinition).toMatch(/payment:1$/)
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('leaves services as they are when rollback-on-failure is off, and says so', async () => {
    h.fake.failImage(image('gateway', 2))
    const outcome = await deployEcsServices(request({ waves: [['auth', 'gateway']], rollbackOnFailure: false }), h.effects)
    const byName = Object.fromEntries(outcome.results.map((r) => [r.service, r]))
    expect(byName.auth).toMatchObject({ status: 'deployed' })
    expect(byName.auth!.reason).toContain('rollback-on-failure is off')
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:2$/)
  })

  it('fails a rollout that never finishes at the service timeout, then rolls it back', async () => {
    h.fake.hangImage(image('gateway', 2))
    const outcome = await deployEcsServices(request({ waves: [['gateway']], images: { gateway: image('gateway', 2) }, serviceTimeoutMs: 5 * 60_000 }), h.effects)
    expect(outcome.results[0]!.status).toBe('failed')
    expect(outcome.results[0]!.reason).toMatch(/timed out after 5\.0 min: PRIMARY deployment IN_PROGRESS, running 0\/1/)
    expect(outcome.results[0]!.reason).toContain('rolled back to')
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('ends the whole step at the step timeout', async () => {
    h.fake.hangImage(image('auth', 2))
    const started = h.fake.now()
    const outcome = await deployEcsServices(request({ waves: [['auth', 'gateway']], serviceTimeoutMs: 60 * 60_000, stepTimeoutMs: 3 * 60_000 }), h.effects)
    const byName = Object.fromEntries(outcome.results.map((r) => [r.service, r]))
    expect(byName.auth!.reason).toMatch(/^timed out after 3\.0 min/)
    expect(byName.gateway!.status).toBe('rolled-back')
    // the rollback wait is bounded separately; the step's own wait stopped at 3 minutes
    expect(h.effects.lines.some((l) => l.includes('auth: timed out after 3.0 min'))).toBe(true)
    expect(h.fake.now() - started).toBeLessThan(60 * 60_000)
  })

  it('succeeds under 20% injected throttling, through the SDK adaptive retries', async () => {
    const { catalog, environment } = testCatalog(
      Array.from({ length: 12 }, (_, i) => `  extra-${i}:\n    path: extra-${i}\n    tier: 2\n`).join(''),
    )
    for (let i = 0; i < 12; i++) h.fake.seedService({ cluster: CLUSTER, name: `extra-${i}`, image: image(`extra-${i}`, 1) })
    h.fake.faults = { throttleRate: 0.2 }
    const names = Array.from({ length: 12 }, (_, i) => `extra-${i}`)
    const outcome = await deployEcsServices(request({ catalog, environment, waves: [names], images: Object.fromEntries(names.map((n) => [n, image(n, 2)])) }), h.effects)
    expect(outcome.results.filter((r) => r.status !== 'deployed')).toEqual([])
    expect(Object.values(h.fake.faulted).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  })

  it('rides out 500s and slow answers through the SDK retries', async () => {
    h.fake.failNext('UpdateService', 'ServerException', 'Service unavailable. Please try again later.', { status: 500, count: 2 })
    h.fake.failNext('DescribeServices', 'ServerException', 'Service unavailable. Please try again later.', { status: 500 })
    h.fake.faults = { delayMs: 5 }
    const outcome = await deployEcsServices(request({ waves: [['gateway']], images: { gateway: image('gateway', 2) } }), h.effects)
    expect(outcome.results[0]!.status).toBe('deployed')
    expect(h.fake.faulted).toEqual({ UpdateService: 2, DescribeServices: 1 })
    expect(h.fake.calls.UpdateService).toBe(3)
  })

  it('describes at most 10 services per call: 25 services cost 3 DescribeServices per poll', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `s-${String(i).padStart(2, '0')}`)
    const { catalog, environment } = testCatalog(names.map((n) => `  ${n}:\n    path: ${n}\n    tier: 2\n`).join(''))
    for (const n of names) h.fake.seedService({ cluster: CLUSTER, name: n, image: image(n, 1) })
    const outcome = await deployEcsServices(request({ catalog, environment, waves: [names], images: Object.fromEntries(names.map((n) => [n, image(n, 3)])) }), h.effects)
    expect(outcome.ok).toBe(true)
    // 3 calls to read the services before deploying, then 3 per poll (none faulted, so no retries)
    expect(h.fake.calls.DescribeServices).toBe(3 + 3 * outcome.polls)
    expect(h.fake.calls.RegisterTaskDefinition).toBe(25)
    expect(h.fake.calls.UpdateService).toBe(25)
  })

  it('rejects an image not pinned by digest before any AWS call', async () => {
    const error = await rejection(deployEcsServices(request({ images: { auth: 'auth:latest' } }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain("image of auth must be pinned by digest")
    expect(h.fake.totalCalls()).toBe(0)
  })

  it('names services missing from the cluster and writes nothing', async () => {
    const { catalog, environment } = testCatalog('  ghost:\n    path: ghost\n    tier: 1\n')
    const error = await rejection(deployEcsServices(request({ catalog, environment, waves: [['auth', 'ghost']] }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain("not found in ECS cluster 'test-cluster': ghost")
    expect(h.fake.calls.RegisterTaskDefinition).toBeUndefined()
  })

  it('explains a catalog container name that the task definition does not have', async () => {
    h.fake.seedService({ cluster: CLUSTER, name: 'payment', image: image('payment', 1), containerName: 'web' })
    const error = await rejection(deployEcsServices(request({ waves: [['payment']], images: { payment: image('payment', 2) } }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain("has no container 'app' (it has web)")
  })

  it('refuses a service run by CodeDeploy (blue/green) before any write', async () => {
    h.fake.seedService({ cluster: CLUSTER, name: 'gateway', image: image('gateway', 1), deploymentController: 'CODE_DEPLOY' })
    const error = await rejection(deployEcsServices(request({ waves: [['auth', 'gateway']] }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain('uses the CODE_DEPLOY deployment controller')
    expect(h.fake.calls.RegisterTaskDefinition).toBeUndefined()
  })

  it('turns an unknown cluster into a configuration error', async () => {
    const error = await rejection(deployEcsServices(request({ cluster: 'nope' }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain("ECS cluster 'nope' not found")
  })

  it('never sends UpdateService for a deployVia: cloudformation service', async () => {
    const outcome = await deployEcsServices(request({ waves: [['payment', 'billing']], images: { payment: image('payment', 2), billing: image('billing', 2) } }), h.effects)
    const billing = outcome.results.find((r) => r.service === 'billing')!
    expect(billing.status).toBe('failed')
    expect(billing.reason).toContain('CloudFormation client')
    expect(h.fake.calls.UpdateService).toBe(2) // payment, then payment's rollback
    expect(outcome.results.find((r) => r.service === 'payment')!.status).toBe('rolled-back')
  })

  it('reports a failed registration as a failed service and rolls back the rest', async () => {
    h.fake.failNext('RegisterTaskDefinition', 'ClientException', 'Too many revisions of family gateway', { skip: 1 })
    const outcome = await deployEcsServices(request({ waves: [['auth', 'gateway']], concurrency: 1 }), h.effects)
    expect(outcome.results.map((r) => [r.service, r.status])).toEqual([['auth', 'rolled-back'], ['gateway', 'failed']])
    expect(outcome.results[1]!.reason).toBe('RegisterTaskDefinition failed: ClientException: Too many revisions of family gateway')
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:1$/)
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('stops with one configuration error and no change when AWS refuses the first writes', async () => {
    const denied = 'User: arn:aws:sts::111111111111:assumed-role/deployer/run is not authorized to perform: ecs:RegisterTaskDefinition'
    h.fake.failNext('RegisterTaskDefinition', 'AccessDeniedException', denied, { count: 2 })
    const error = await rejection(deployEcsServices(request({ waves: [['auth', 'gateway']] }), h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toMatch(/^AWS refused the call for (auth|gateway) in cluster 'test-cluster' \(AccessDeniedException: User: .* not authorized to perform: ecs:RegisterTaskDefinition\): check the deploy role's permissions/)
    expect(h.fake.calls.UpdateService).toBeUndefined()
  })

  it('rolls back what already changed when AWS refuses a later write, naming the refusal', async () => {
    h.fake.failNext('UpdateService', 'AccessDeniedException', 'User: deployer is not authorized to perform: ecs:UpdateService on resource: gateway', { skip: 1 })
    const outcome = await deployEcsServices(request(), h.effects)
    expect(outcome.results.map((r) => [r.service, r.status])).toEqual([['auth', 'rolled-back'], ['gateway', 'failed']])
    expect(outcome.results[1]!.reason).toContain("AWS refused the call for gateway in cluster 'test-cluster' (AccessDeniedException: User: deployer is not authorized to perform: ecs:UpdateService")
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:1$/)
  })

  it('turns an ECS endpoint that cannot be reached into a configuration error before any write', async () => {
    // Port 1 on the loopback refuses connections at once.
    const ecs = makeEcsClient({ endpoint: 'http://127.0.0.1:1', region: 'ca-central-1', maxAttempts: 1 })
    try {
      const error = await rejection(deployEcsServices(request(), { ...h.effects, ecs }))
      expect(isConfigurationError(error)).toBe(true)
      expect(error.message).toMatch(/^could not reach AWS ECS \(cluster 'test-cluster'\) \(.*ECONNREFUSED.*\): check the network, the region and any AWS_ENDPOINT_URL\* variable/)
    } finally {
      ecs.destroy()
    }
  })
})
