// ecs-deploy's file inputs and outputs, for a reusable workflow whose tier jobs pass data through files (a tier of
// 1,000 services has more images than one input can hold), and its rollback to the revisions a deploy recorded.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { recordingIO } from '@tierdeploy/action-kit'
import { makeEcsClient, type EcsServiceResult } from '@tierdeploy/aws'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run } from './main.js'

const SERVICES_YAML = `
version: 1
platform: test
tiers:
  - { id: 1, name: core }
services:
  auth: { path: auth, tier: 1, aliases: [authentication] }
  gateway: { path: gateway, tier: 1, dependsOn: [auth] }
  payment: { path: payment, tier: 1 }
`
const digest = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`
const EXPIRED = /^the AWS session expired during the step \(ECS in cluster 'dev-cluster': ExpiredTokenException: The security token included in the request is expired\): .*raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration/

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 45_000 })
  for (const name of ['auth', 'gateway', 'payment']) fake.seedService({ cluster: 'dev-cluster', name, image: digest(name, 1) })
  dir = tempDir()
  writeFiles(dir.dir, { 'catalog/services.yaml': SERVICES_YAML, 'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\ncluster: dev-cluster\n' })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

const path = (p: string): string => join(dir.dir, p)

async function runWith(inputs: Record<string, string>) {
  // The fake control plane has no IAM, Service Quotas, EC2 or ELB: preflight is tested on its own (packages/aws/src/preflight).
  const io = recordingIO({ catalog: path('catalog'), environment: 'dev', preflight: 'false', ...inputs }, { GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1', AWS_REGION: 'ca-central-1' })
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    await run(io, { ecs, clock: fake.clock })
  } finally {
    ecs.destroy()
  }
  return Object.assign(io, { result: io.outputs.result ? (JSON.parse(io.outputs.result) as EcsServiceResult[]) : [] })
}

const running = (name: string): string => fake.service('dev-cluster', name).taskDefinition.replace(/.*\//, '')

describe('images-file', () => {
  it('deploys the images a file holds, together with the images input', async () => {
    writeFiles(dir.dir, { 'images/tier-1.json': JSON.stringify({ authentication: digest('auth', 2), gateway: digest('gateway', 2) }) })
    const io = await runWith({ services: 'auth,gateway,payment', 'images-file': path('images/tier-1.json'), images: JSON.stringify({ payment: digest('payment', 2), auth: digest('auth', 2) }) })
    expect(io.failed).toBeUndefined()
    expect(io.result.map((r) => [r.service, r.status])).toEqual([['auth', 'deployed'], ['payment', 'deployed'], ['gateway', 'deployed']])
    expect([running('auth'), running('gateway'), running('payment')]).toEqual(['auth:2', 'gateway:2', 'payment:2'])
  })

  it.each([
    ['a missing file', () => 'images/none.json', () => `input 'images-file': cannot read ${path('images/none.json')} (no such file)`],
    ['a file that is not JSON', () => (writeFiles(dir.dir, { 'i.json': '{"auth": ' }), 'i.json'), () => `input 'images-file': ${path('i.json')} is not valid JSON`],
    ['an array', () => (writeFiles(dir.dir, { 'i.json': '["auth"]' }), 'i.json'), () => `input 'images-file' (${path('i.json')}) must be a JSON object, service -> REPOSITORY@sha256:DIGEST`],
    ['a mutable tag', () => (writeFiles(dir.dir, { 'i.json': '{"auth":"auth:latest"}' }), 'i.json'), () => `input 'images-file' (${path('i.json')}): the image of auth must be pinned by digest`],
    ['an unknown service', () => (writeFiles(dir.dir, { 'i.json': `{"auht":"${digest('auth', 2)}"}` }), 'i.json'), () => `input 'images-file' (${path('i.json')}): unknown service 'auht'; did you mean 'auth'?`],
  ])('fails before any AWS call for %s, naming the input and the path', async (_case, arrange, message) => {
    const file = path(arrange())
    const io = await runWith({ services: 'auth', 'images-file': file })
    expect(io.failed).toContain(message())
    expect(fake.totalCalls()).toBe(0)
  })

  it('refuses a service given two different images by images and images-file', async () => {
    writeFiles(dir.dir, { 'i.json': JSON.stringify({ authentication: digest('auth', 3) }) })
    const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }), 'images-file': path('i.json') })
    expect(io.failed).toBe(`auth is given two images: ${digest('auth', 2)} (input 'images') and ${digest('auth', 3)} (input 'images-file' (${path('i.json')})); give it one`)
    expect(fake.totalCalls()).toBe(0)
  })

  it('has no meaning in rollback mode', async () => {
    writeFiles(dir.dir, { 'i.json': '{}' })
    expect((await runWith({ services: 'auth', mode: 'rollback', 'images-file': path('i.json') })).failed).toBe("input 'images-file' has no meaning with mode rollback: drop it or use mode deploy")
  })
})

describe('result-file', () => {
  it('writes exactly the result output to the file, creating its directories', async () => {
    const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }), 'result-file': path('results/tier-1/result.json') })
    expect(io.failed).toBeUndefined()
    expect(readFileSync(path('results/tier-1/result.json'), 'utf8')).toBe(io.outputs.result)
    expect(io.result[0]).toMatchObject({ service: 'auth', status: 'deployed' })
  })

  it('is not written when the step stops before deploying anything', async () => {
    const io = await runWith({ services: 'auth', images: JSON.stringify({ auth: 'auth:latest' }), 'result-file': path('result.json') })
    expect(io.failed).toBeDefined()
    expect(existsSync(path('result.json'))).toBe(false)
  })
})

describe('rollback-version recorded', () => {
  async function deployed(services = 'auth,gateway'): Promise<string> {
    const images = Object.fromEntries(services.split(',').map((s) => [s, digest(s, 2)]))
    const io = await runWith({ services, images: JSON.stringify(images), 'result-file': path('results/deploy.json') })
    expect(io.failed).toBeUndefined()
    return path('results/deploy.json')
  }

  it('rolls back exactly what the deploy result file reports deployed, to the recorded revisions', async () => {
    const file = await deployed()
    const io = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': file })
    expect(io.failed).toBeUndefined()
    expect(io.result.map((r) => [r.service, r.status, r.taskDefinition?.replace(/.*\//, ''), r.previousTaskDefinition?.replace(/.*\//, '')])).toEqual([
      ['auth', 'rolled-back', 'auth:1', 'auth:2'],
      ['gateway', 'rolled-back', 'gateway:1', 'gateway:2'],
    ])
    expect([running('auth'), running('gateway'), running('payment')]).toEqual(['auth:1', 'gateway:1', 'payment:1'])
    expect(io.summaries[0]).toContain('(rollback to recorded revisions)')
  })

  it('rolls back only once: run again, it writes nothing and reports the services rolled back, where previous would go further', async () => {
    const file = await deployed()
    await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': file })
    fake.resetCalls()
    const again = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': file })
    expect(again.failed).toBeUndefined()
    expect(again.result.map((r) => [r.service, r.status])).toEqual([['auth', 'rolled-back'], ['gateway', 'rolled-back']])
    expect(fake.calls.UpdateService).toBeUndefined()
    expect(running('auth')).toBe('auth:1')
  })

  it('leaves services the record reports otherwise alone, reported skipped, and only touches the listed services', async () => {
    const file = await deployed('auth')
    const record = JSON.parse(readFileSync(file, 'utf8')) as EcsServiceResult[]
    writeFiles(dir.dir, { 'record.json': JSON.stringify([...record, { service: 'gateway', status: 'unchanged', previousTaskDefinition: 'gateway:1', taskDefinition: 'gateway:1' }]) })
    const all = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('record.json') })
    expect(all.result.map((r) => [r.service, r.status, r.reason])).toEqual([
      ['auth', 'rolled-back', undefined],
      ['gateway', 'skipped', 'not rolled back: the recorded deploy reports it unchanged'],
    ])
    const listed = await runWith({ services: 'gateway,payment', mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('record.json') })
    expect(listed.failed).toBeUndefined()
    expect(listed.result.map((r) => [r.service, r.status, r.reason])).toEqual([
      ['gateway', 'skipped', 'not rolled back: the recorded deploy reports it unchanged'],
      ['payment', 'skipped', `not rolled back: ${path('record.json')} records no deploy of it`],
    ])
  })

  it('dry run says what it would roll back and writes nothing', async () => {
    const file = await deployed()
    fake.resetCalls()
    const io = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': file, 'dry-run': 'true' })
    expect(io.result.map((r) => [r.service, r.status, r.taskDefinition?.replace(/.*\//, '')])).toEqual([['auth', 'would-deploy', 'auth:1'], ['gateway', 'would-deploy', 'gateway:1']])
    expect(fake.totalCalls()).toBe(0)
  })

  it.each([
    [{ mode: 'rollback', 'rollback-version': 'recorded', services: 'auth' }, "input 'rollback-version' 'recorded' needs 'deploy-result-file': the result file an earlier ecs-deploy wrote (its 'result-file')"],
    [{ mode: 'rollback', 'rollback-version': 'previous', services: 'auth', 'deploy-result-file': 'r.json' }, "input 'deploy-result-file' is read only with rollback-version 'recorded' (and mode rollback), got rollback-version 'previous'"],
    [{ 'rollback-version': 'recorded', services: 'auth', 'deploy-result-file': 'r.json' }, "input 'rollback-version' 'recorded' needs mode rollback"],
    [{ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': 'results/none.json' }, "input 'deploy-result-file': cannot read results/none.json (no such file)"],
    [{ mode: 'rollback', 'rollback-version': 'last', services: 'auth' }, "input 'rollback-version' must be 'previous', a task-definition revision number (e.g. 42, up to 6 digits) or a commit SHA (7 to 40 hex characters), got 'last'; or 'recorded' with 'deploy-result-file'"],
  ])('rejects %j before any AWS call', async (inputs, message) => {
    const io = await runWith(inputs)
    expect(io.failed).toContain(message)
    expect(fake.totalCalls()).toBe(0)
  })

  it('rejects a record that is not a deploy result, naming the input and path', async () => {
    writeFiles(dir.dir, { 'r.json': JSON.stringify([{ service: 'auth', status: 'done' }]), 'u.json': JSON.stringify([{ service: 'auht', status: 'deployed' }]) })
    expect((await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('r.json') })).failed).toContain(`input 'deploy-result-file' (${path('r.json')})[0].status must be one of deployed,`)
    expect((await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('u.json') })).failed).toContain(`input 'deploy-result-file' (${path('u.json')}): unknown service 'auht'`)
    expect(fake.totalCalls()).toBe(0)
  })
})

describe('an AWS session that expires during the deploy', () => {
  it('fails with what to raise, still records what changed, and a later job rolls that back from the record', async () => {
    // auth settles at 45 s; gateway is updated at the next poll, and the session ends while it rolls out.
    fake.expireSessionAt(fake.now() + 70_000)
    const io = await runWith({ services: 'auth,gateway', images: JSON.stringify({ auth: digest('auth', 2), gateway: digest('gateway', 2) }), 'result-file': path('results/deploy.json') })
    expect(io.failed).toMatch(EXPIRED)
    expect(io.logs.filter((l) => l.startsWith('error:'))).toEqual([])
    expect(io.result.map((r) => [r.service, r.status])).toEqual([['auth', 'deployed'], ['gateway', 'deployed']])
    expect(io.result[1]!.reason).toBe('updated, but the rollout was not confirmed: the AWS session expired while waiting')
    expect(readFileSync(path('results/deploy.json'), 'utf8')).toBe(io.outputs.result)
    expect(io.summaries[0]).toContain('(AWS session expired)')

    fake.expireSessionAt(undefined)
    const rollback = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('results/deploy.json') })
    expect(rollback.failed).toBeUndefined()
    expect([running('auth'), running('gateway')]).toEqual(['auth:1', 'gateway:1'])
  })

  it('fails a rollback the session cuts short with the same message', async () => {
    const deploy = await runWith({ services: 'auth', images: JSON.stringify({ auth: digest('auth', 2) }), 'result-file': path('r.json') })
    expect(deploy.failed).toBeUndefined()
    fake.failNext('UpdateService', 'ExpiredTokenException', 'The security token included in the request is expired')
    const io = await runWith({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': path('r.json') })
    expect(io.failed).toMatch(/^the AWS session expired during the step \(ECS for auth in cluster 'dev-cluster': ExpiredTokenException/)
    expect(io.failed).toContain("raise the workflow's 'role-duration-seconds' input")
  })
})
