import { join } from 'node:path'
import { RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { BatchGetImageCommand } from '@aws-sdk/client-ecr'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PreflightReport } from '@tierdeploy/aws/preflight'
// One definition of "a correct environment" for the preflight tests of every package.
import { ACCOUNT, correctEnvironment, DEV_YAML, image, mocks, SERVICES_YAML, testClients } from '../../../aws/src/preflight/test-support.js'
import { UsageError, type CliIO } from '../cli-io.js'
import { main } from '../main.js'
import { runDeploy } from './deploy.js'
import { runPreflightCommand } from './preflight.js'

const sts = mockClient(STSClient)
let dir: { dir: string; cleanup: () => void }
beforeEach(() => {
  correctEnvironment()
  sts.reset()
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci` })
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': SERVICES_YAML,
    'catalog/environments/dev.yaml': DEV_YAML,
    'images.json': JSON.stringify({ auth: image('auth', 2), worker: image('worker', 2) }),
  })
})
afterEach(() => dir.cleanup())

type Run = (args: string[], io: CliIO) => Promise<number>
async function cli(command: 'preflight' | 'deploy', ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: { AWS_REGION: 'ca-central-1', GITHUB_SHA: 'b'.repeat(40) } }
  const clients = testClients()
  const run: Run = command === 'preflight'
    ? (a, io) => runPreflightCommand(a, io, { clients, sts: new STSClient({ region: 'ca-central-1' }) })
    : (a, io) => runDeploy(a, io, { ecs: clients.ecs, ecr: clients.ecr, sts: new STSClient({ region: 'ca-central-1' }), preflight: clients })
  const code = await run(['--catalog', join(dir.dir, 'catalog'), ...args], io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const missingImage = (repository: string) => mocks.ecr.on(BatchGetImageCommand, { repositoryName: repository }).callsFake((input: { imageIds: object[] }) => ({ images: [], failures: input.imageIds.map((imageId) => ({ imageId, failureCode: 'ImageNotFound' })) }))

describe('tierdeploy preflight', () => {
  it('passes on a correct environment: every check in a table, exit 0', async () => {
    const r = await cli('preflight', '--env', 'dev', '--images', 'images.json')
    expect(r.code).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^CHECK +STATUS +RESOURCE +SERVICES +FINDING$/)
    expect(lines.filter((l) => / (FAIL|UNKNOWN|WARN) /.test(l))).toEqual([])
    for (const check of ['services', 'images', 'secrets', 'permissions', 'quota', 'subnets', 'routing', 'capacity']) expect(r.out).toMatch(new RegExp(`^${check} +PASS`, 'm'))
    expect(lines.at(-1)).toMatch(/^preflight of dev \(cluster dev-cluster, 2 service\(s\)\) passed: \d+ pass$/)
  })

  it('names what would fail and exits 1; --format json gives the report', async () => {
    missingImage('worker')
    const r = await cli('preflight', '--env', 'dev', '--images', 'images.json', '--format', 'json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as PreflightReport
    expect(report.ok).toBe(false)
    expect(report.findings.filter((f) => f.status === 'fail')).toEqual([expect.objectContaining({ check: 'images', resource: image('worker', 2), services: ['worker'] })])
  })

  it('checks the running images when no --images is given, and only the selected services', async () => {
    missingImage('auth')
    const r = await cli('preflight', '--env', 'dev', '--services', 'worker', '--format', 'markdown')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`| images | ✅ pass | ${image('worker', 1)} | worker |`)
    expect(r.out).not.toContain('auth')
  })

  it('refuses a missing --env and an unknown --format as usage mistakes', async () => {
    await expect(cli('preflight')).rejects.toThrow(UsageError)
    await expect(cli('preflight', '--env', 'dev', '--format', 'yaml')).rejects.toThrow("--format must be one of table, markdown, json, got 'yaml'")
  })

  it('is a command of the CLI', async () => {
    const out: string[] = []
    expect(await main(['preflight', '--help'], { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir.dir, env: {} })).toBe(0)
    expect(out.join('\n')).toMatch(/^Usage: tierdeploy preflight --env ENV/)
  })
})

describe('tierdeploy deploy runs preflight first', () => {
  it('a failing check stops the deploy before any write, with the table', async () => {
    missingImage('worker')
    const r = await cli('deploy', '--env', 'dev', '--tier', 'all', '--images', 'images.json')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^CHECK +STATUS/m)
    expect(r.err).toMatch(new RegExp(`^images +FAIL +${image('worker', 2).replace(/[.]/g, '\\.')} +worker +not found`, 'm'))
    expect(r.err).toContain('nothing was deployed to dev')
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0)
    expect(mocks.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0)
  })

  it('in a dry run too; --no-preflight skips it', async () => {
    missingImage('worker')
    expect((await cli('deploy', '--env', 'dev', '--tier', 'all', '--images', 'images.json', '--dry-run')).code).toBe(1)
    mocks.ecr.resetHistory()
    const skipped = await cli('deploy', '--env', 'dev', '--tier', 'all', '--images', 'images.json', '--dry-run', '--no-preflight')
    expect(skipped.code).toBe(0)
    expect(skipped.out).toContain('worker: would register a new revision of worker:7')
    expect(mocks.ecr.commandCalls(BatchGetImageCommand)).toHaveLength(0)
  })

  it('a passing preflight says so and the deploy goes on', async () => {
    const r = await cli('deploy', '--env', 'dev', '--tier', 'all', '--images', 'images.json', '--dry-run')
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/preflight of dev \(cluster dev-cluster, 2 service\(s\)\) passed/)
    expect(r.out).toContain('auth: would register a new revision of auth:3')
  })
})
