import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { recordingIO } from '@tierdeploy/action-kit'
import { makeEcsClient, type EcsServiceResult } from '@tierdeploy/aws'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'
import { readServiceNames } from './inputs.js'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas'
import { mockClient } from 'aws-sdk-client-mock'

const SERVICES_YAML = `
version: 1
platform: test
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth: { path: auth, tier: 1, aliases: [authentication], environment: { LOG_LEVEL: info } }
  gateway: { path: gateway, tier: 1, dependsOn: [auth] }
  payment: { path: payment, tier: 2 }
  shared: { kind: library, path: shared }
`
const DEV_YAML = 'name: dev\nregion: ca-central-1\ncluster: dev-cluster\n'

const digest = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 45_000 })
  for (const name of ['auth', 'gateway', 'payment']) fake.seedService({ cluster: 'dev-cluster', name, image: digest(name, 1) })
  dir = tempDir()
  writeFiles(dir.dir, { 'catalog/services.yaml': SERVICES_YAML, 'catalog/environments/dev.yaml': DEV_YAML })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

async function runWith(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<ReturnType<typeof recordingIO> & { result: EcsServiceResult[] }> {
  // The fake control plane has no IAM, Service Quotas, EC2 or ELB: preflight is off here unless a test turns it on.
  const io = recordingIO({ catalog: join(dir.dir, 'catalog'), environment: 'dev', preflight: 'false', ...inputs }, { GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1', AWS_REGION: 'ca-central-1', ...env })
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    await run(io, { ecs, clock: fake.clock })
  } finally {
    ecs.destroy()
  }
  return Object.assign(io, { result: io.outputs[OUTPUTS.result] ? (JSON.parse(io.outputs[OUTPUTS.result]!) as EcsServiceResult[]) : [] })
}

describe('ecs-deploy action', () => {
  it('deploys a resolve-graph matrix in wave order and writes the result and a summary table', async () => {
    const matrix = JSON.stringify({ include: [{ service: 'gateway', tier: 1, wave: 1 }, { service: 'auth', tier: 1, wave: 0 }] })
    const io = await runWith({ services: matrix, images: JSON.stringify({ auth: digest('auth', 2), gateway: digest('gateway', 2) }) })
    expect(io.failed).toBeUndefined()
    expect(io.result.map((r) => [r.service, r.status])).toEqual([['auth', 'deployed'], ['gateway', 'deployed']])
    expect(io.result[0]).toEqual({
      service: 'auth',
      status: 'deployed',
      previousTaskDefinition: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/auth:1',
      taskDefinition: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/auth:2',
      startedAt: expect.any(Number),
      settledAt: expect.any(Number),
    })
    expect(io.result[0]!.settledAt!).toBeGreaterThan(io.result[0]!.startedAt!)
    expect(fake.service('dev-cluster', 'gateway').deployments[0]!.createdAt).toBeGreaterThanOrEqual(fake.service('dev-cluster', 'auth').deployments[0]!.createdAt + 45_000)
    expect(io.summaries[0]).toMatch(/^### ✅ tierdeploy ecs-deploy: dev, cluster dev-cluster: 2 services deployed or unchanged\n/)
    expect(io.summaries[0]).toContain('| auth | ✅ deployed | :1 → :2 |')
    expect(io.summaries[0]).toContain('```mermaid\ngantt\n')
    // the cost section: three 0.25 vCPU / 0.5 GB services, one task each, always on, in ca-central-1
    expect(io.summaries[0]).toMatch(/#### Estimated monthly cost of dev: \$[\d,.]+/)
    expect(io.summaries[0]).toMatch(/\| 1 core \| \$[\d,.]+ \|/)
    const tags = fake.state.findTaskDefinition('auth:2')!.tags
    expect(tags).toContainEqual({ key: 'tierdeploy:commit', value: 'a'.repeat(40) })
    expect(tags).toContainEqual({ key: 'tierdeploy:deploy-id', value: '77-1' })
  })

  it('fails the step with the failed services and what happened to the rest', async () => {
    fake.failImage(digest('gateway', 2))
    const io = await runWith({ services: 'auth,gateway', images: JSON.stringify({ auth: digest('auth', 2), gateway: digest('gateway', 2) }) })
    expect(io.failed).toMatch(/^deploy failed: auth rolled-back \(rolled back because gateway failed\); gateway failed \(rollout of gateway:2 FAILED: ECS deployment circuit breaker/)
    expect(io.result.map((r) => r.status)).toEqual(['rolled-back', 'failed'])
    expect(io.summaries[0]).toMatch(/^### ❌ tierdeploy ecs-deploy: dev, cluster dev-cluster: 1 of 2 failed\n\n\| failed \| stage \| why \| what was done \|\n\|---\|---\|---\|---\|\n\| ❌ `gateway` :1 → :2 ✗ ↩ :1 \| rollout \| rollout of gateway:2 FAILED: ECS deployment circuit breaker/)
    expect(io.summaries[0]).toContain('| rolled back to :1 |')
    expect(io.summaries[0]).toContain('| auth | ↩️ rolled-back | :1 → :2 ↩ :1 | rolled back because gateway failed |')
  })

  it('rolls back to the previous revision in rollback mode', async () => {
    await runWith({ services: '["auth"]', images: JSON.stringify({ authentication: digest('auth', 2) }) })
    const io = await runWith({ services: 'auth', mode: 'rollback', 'rollback-version': 'previous' })
    expect(io.failed).toBeUndefined()
    expect(io.result[0]).toMatchObject({ service: 'auth', status: 'rolled-back', taskDefinition: expect.stringMatching(/auth:1$/), previousTaskDefinition: expect.stringMatching(/auth:2$/) })
    expect(fake.service('dev-cluster', 'auth').taskDefinition).toMatch(/auth:1$/)
  })

  it('fails clearly in rollback mode when there is nothing to roll back to', async () => {
    const io = await runWith({ services: 'auth', mode: 'rollback' })
    expect(io.failed).toMatch(/nothing to roll back to/)
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('dry run reports what would change and writes nothing', async () => {
    const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }), 'dry-run': 'true' })
    expect(io.result[0]!.status).toBe('would-deploy')
    expect(io.logs.join('\n')).toContain(`~ containerDefinitions[auth].image: "${digest('auth', 1)}" -> "${digest('auth', 2)}"`)
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
  })

  it('reaches the fake through AWS_ENDPOINT_URL_ECS, as the bundled action would', async () => {
    const io = recordingIO({ catalog: join(dir.dir, 'catalog'), environment: 'dev', services: 'payment', images: JSON.stringify({ payment: digest('payment', 2) }), preflight: 'false' }, { AWS_REGION: 'ca-central-1' })
    process.env.AWS_ENDPOINT_URL_ECS = fake.endpoint
    try {
      await run(io, { clock: fake.clock })
    } finally {
      delete process.env.AWS_ENDPOINT_URL_ECS
    }
    expect(io.failed).toBeUndefined()
    expect(fake.service('dev-cluster', 'payment').taskDefinition).toMatch(/payment:2$/)
  })

  describe('the account of the credentials', () => {
    // No STS client is injected: AWS_ENDPOINT_URL_STS points the one the action makes at the fake, as for the bundle.
    beforeEach(() => vi.stubEnv('AWS_ENDPOINT_URL_STS', fake.endpoint))
    afterEach(() => vi.unstubAllEnvs())
    const inAccount = (account: string): void => writeFiles(dir.dir, { 'catalog/environments/dev.yaml': `${DEV_YAML}account: "${account}"\n` })

    it('refuses credentials of another account before any ECS call, in deploy and rollback mode', async () => {
      inAccount('333333333333')
      const deploy = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }) })
      expect(deploy.failed).toMatch(/^credentials are for 111111111111, environment dev is 333333333333 \(the account in .*dev\.yaml\), so nothing was changed: assume dev's deploy role, or pick an AWS profile of account 333333333333/)
      const rollback = await runWith({ services: 'auth', mode: 'rollback', 'rollback-version': 'previous' })
      expect(rollback.failed).toMatch(/^credentials are for 111111111111, environment dev is 333333333333/)
      expect(fake.calls).toEqual({ GetCallerIdentity: 2 })
      expect(deploy.outputs[OUTPUTS.result]).toBeUndefined()
    })

    it('deploys with credentials of the environment\'s account', async () => {
      inAccount('111111111111')
      const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }) })
      expect(io.failed).toBeUndefined()
      expect(io.result.map((r) => r.status)).toEqual(['deployed'])
      expect(fake.calls.GetCallerIdentity).toBe(1)
    })

    it('fails with one message when the session has expired before the step', async () => {
      inAccount('111111111111')
      fake.failNext('GetCallerIdentity', 'ExpiredToken', 'The security token included in the request is expired', { status: 403 })
      const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }) })
      expect(io.failed).toMatch(/^the AWS session expired during the step \(STS \(GetCallerIdentity, to check the account of environment dev\): ExpiredToken/)
      expect(io.logs.filter((l) => l.startsWith('error:'))).toEqual([])
      expect(fake.calls.DescribeServices).toBeUndefined()
    })

    it('warns that an environment without an account cannot be checked, and deploys', async () => {
      const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }) })
      expect(io.failed).toBeUndefined()
      expect(io.logs.join('\n')).toContain('environment dev sets no account')
      expect(fake.calls.GetCallerIdentity).toBeUndefined()
    })
  })

  it.each([
    [{ services: 'auth', images: JSON.stringify({ auth: 'auth:latest' }) }, "input 'images': the image of auth must be pinned by digest"],
    [{ services: 'auht', images: '{}' }, "unknown service 'auht'; did you mean 'auth'"],
    [{ services: 'auth', images: JSON.stringify({ paymnt: digest('payment', 2) }) }, "unknown service 'paymnt'"],
    [{ services: 'shared' }, 'shared is a library'],
    [{ services: 'auth', mode: 'redeploy' }, "input 'mode' must be one of deploy, rollback"],
    [{ services: 'auth', 'rollback-on-failure': 'ture' }, "input 'rollback-on-failure' must be true or false"],
    [{ services: 'auth', 'timeout-minutes': '0' }, "input 'timeout-minutes' must be between 1 and 180"],
    [{ services: 'auth', mode: 'rollback', 'rollback-version': 'last' }, "input 'rollback-version' must be 'previous'"],
    [{ services: '{"include":[{"name":"auth"}]}' }, "input 'services' must be a matrix"],
    [{ services: 'auth', environment: 'prod' }, "unknown environment 'prod'"],
    [{ services: 'auth', images: '{"auth": sha256' }, "input 'images' is not valid JSON"],
    [{ services: '["auth"', images: '{}' }, "input 'services' is not valid JSON"],
    [{ services: 'auth', 'terraform-outputs': '[1' }, "input 'terraform-outputs' is not valid JSON"],
  ])('rejects bad inputs before any AWS call: %j', async (inputs, message) => {
    const io = await runWith(inputs)
    expect(io.failed).toContain(message)
    expect(fake.totalCalls()).toBe(0)
  })

  it.each([
    ['an unknown cluster', { cluster: 'no-such-cluster' }, () => {}, "ECS cluster 'no-such-cluster' not found: check 'cluster' in the environment file"],
    [
      'a role that may not deploy',
      {},
      () => fake.failNext('DescribeServices', 'AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/deployer/run is not authorized to perform: ecs:DescribeServices'),
      "AWS refused the call in cluster 'dev-cluster' (AccessDeniedException: User: arn:aws:sts::111111111111:assumed-role/deployer/run is not authorized to perform: ecs:DescribeServices)",
    ],
  ])('fails the step with one message, no stack trace and no write, for %s', async (_case, inputs, arrange, message) => {
    arrange()
    const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }), ...inputs })
    expect(io.failed).toContain(message)
    expect(io.logs.filter((l) => l.startsWith('error:'))).toEqual([])
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('reads a matrix, a JSON array and a comma list of services', () => {
    const names = (services: string): string[] => readServiceNames(recordingIO({ services }))
    expect(names('{"include":[{"service":"a","tier":1},{"service":"b"}]}')).toEqual(['a', 'b'])
    expect(names('["a","b"]')).toEqual(['a', 'b'])
    expect(names(' a, b\nc ')).toEqual(['a', 'b', 'c'])
  })

  it('declares exactly the inputs and outputs of its contract in action.yml', () => {
    const action = load(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string } }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(action.runs.using).toBe('node24')
  })
})

describe('preflight (input preflight, default true)', () => {
  // ECS is the fake; the other services preflight reads are mocked clients (the fake has no IAM or Service Quotas).
  function preflightClients(found: boolean) {
    const ecr = new ECRClient({ region: 'ca-central-1' })
    mockClient(ecr).on(BatchGetImageCommand).callsFake((input: { imageIds: object[] }) => (found ? { images: input.imageIds.map((imageId) => ({ imageId })) } : { images: [], failures: input.imageIds.map((imageId) => ({ imageId, failureCode: 'ImageNotFound' })) }))
    const iam = new IAMClient({ region: 'ca-central-1' })
    mockClient(iam).on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => ({ EvaluationResults: input.ActionNames.flatMap((a) => input.ResourceArns.map((r) => ({ EvalActionName: a, EvalResourceName: r, EvalDecision: 'allowed' }))) }))
    const serviceQuotas = new ServiceQuotasClient({ region: 'ca-central-1' })
    mockClient(serviceQuotas).on(GetServiceQuotaCommand).resolves({ Quota: { Value: 100 } })
    return { ecr, iam, serviceQuotas }
  }

  async function deployWithPreflight(found: boolean) {
    const io = recordingIO({ catalog: join(dir.dir, 'catalog'), environment: 'dev', services: 'payment', images: JSON.stringify({ payment: digest('payment', 2) }) }, { GITHUB_SHA: 'a'.repeat(40), AWS_REGION: 'ca-central-1' })
    const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
    try {
      await run(io, { ecs, clock: fake.clock, preflight: preflightClients(found) })
    } finally {
      ecs.destroy()
    }
    return io
  }

  it('a failing check fails the step before any write, with the table in the summary', async () => {
    const io = await deployWithPreflight(false)
    expect(io.failed).toMatch(/^preflight of dev \(cluster dev-cluster, 1 service\(s\)\) failed: 1 fail/)
    expect(io.failed).toContain(`${digest('payment', 2)}: not found in payment`)
    expect(io.summaries.join('\n')).toContain(`| images | ❌ fail | ${digest('payment', 2)} | payment |`)
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(fake.calls.UpdateService).toBeUndefined()
    expect(io.outputs[OUTPUTS.result]).toBeUndefined()
  })

  it('passing, the deploy goes on', async () => {
    const io = await deployWithPreflight(true)
    expect(io.failed).toBeUndefined()
    expect(io.logs.filter((l) => l.startsWith('preflight'))).toEqual(['preflight of dev (cluster dev-cluster, 1 service(s)) passed: 4 pass'])
    expect(fake.service('dev-cluster', 'payment').taskDefinition).toMatch(/payment:2$/)
  })

  it("refuses a preflight input that is not true or false", async () => {
    const io = recordingIO({ catalog: join(dir.dir, 'catalog'), environment: 'dev', services: 'payment', preflight: 'yes please' }, { AWS_REGION: 'ca-central-1' })
    await run(io, { clock: fake.clock })
    expect(io.failed).toMatch(/input 'preflight'/)
    expect(fake.totalCalls()).toBe(0)
  })
})
