import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { STSClient } from '@aws-sdk/client-sts'
import { makeEcsClient, TAG_COMMIT } from '@tierdeploy/aws'
import { createGitRepo, FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isConfigurationError } from '@tierdeploy/catalog'
import { UsageError, type CliIO } from '../cli-io.js'
import { main } from '../main.js'
import { runDeploy, type Terminal } from './deploy.js'

const SERVICES_YAML = `
version: 1
platform: test
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth: { path: auth, tier: 1 }
  gateway: { path: gateway, tier: 1, dependsOn: [auth] }
  rfq: { path: rfq, tier: 2, aliases: [rfq-service], dependsOn: [auth] }
`
const digest = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`

let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  for (const name of ['auth', 'gateway', 'rfq']) fake.seedService({ cluster: 'dev-cluster', name, image: digest(name, 1) })
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': SERVICES_YAML,
    'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\ncluster: dev-cluster\n',
    'images.json': JSON.stringify({ auth: digest('auth', 2), gateway: digest('gateway', 2), 'rfq-service': digest('rfq', 2) }),
  })
})
afterEach(async () => {
  await fake.stop()
  dir.cleanup()
})

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: { AWS_REGION: 'ca-central-1', GITHUB_SHA: 'b'.repeat(40) } }
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  const sts = new STSClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    // The fake control plane has no IAM, Service Quotas, EC2 or ELB: preflight has its own tests (preflight.test.ts).
    const code = await runDeploy(['--catalog', join(dir.dir, 'catalog'), '--no-preflight', ...args], io, { ecs, sts, clock: fake.clock })
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    ecs.destroy()
    sts.destroy()
  }
}

describe('tierdeploy deploy', () => {
  it('deploys every tier in order, then prints a table', async () => {
    const r = await cli('--env', 'dev', '--tier', 'all', '--images', 'images.json')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^SERVICE +STATUS +BEFORE +AFTER/)
    expect(r.out).toMatch(/auth +deployed +auth:1 +auth:2/)
    expect(r.out).toMatch(/rfq +deployed +rfq:1 +rfq:2/)
    // tier 2 starts after tier 1 (two waves: auth, then gateway) has completed
    expect(fake.service('dev-cluster', 'rfq').deployments[0]!.createdAt).toBeGreaterThanOrEqual(fake.service('dev-cluster', 'gateway').deployments[0]!.createdAt + 30_000)
  })

  it('--dry-run prints each task-definition diff and makes no write call', async () => {
    const r = await cli('--env', 'dev', '--service', 'rfq-service', '--images', 'images.json', '--dry-run')
    expect(r.code).toBe(0)
    expect(r.out).toBe(`rfq: would register a new revision of rfq:1\n  ~ containerDefinitions[rfq].image: "${digest('rfq', 1)}" -> "${digest('rfq', 2)}"`)
    expect(Object.keys(fake.calls).sort()).toEqual(['DescribeServices', 'DescribeTaskDefinition'])
  })

  it('--dry-run prints a variable removed from the catalog as a removal', async () => {
    // rfq runs with a variable the catalog has since dropped
    fake.seedService({ cluster: 'dev-cluster', name: 'rfq', image: digest('rfq', 1), environment: [{ name: 'LEGACY_URL', value: 'http://legacy' }] })
    const r = await cli('--env', 'dev', '--service', 'rfq', '--dry-run')
    expect(r.code).toBe(0)
    expect(r.out).toBe('rfq: would register a new revision of rfq:2\n  - containerDefinitions[rfq].environment[LEGACY_URL].name: "LEGACY_URL"\n  - containerDefinitions[rfq].environment[LEGACY_URL].value: "http://legacy"')
    expect(Object.keys(fake.calls).sort()).toEqual(['DescribeServices', 'DescribeTaskDefinition'])
  })

  it('--with-dependencies deploys what a service depends on first', async () => {
    const r = await cli('--env', 'dev', '--service', 'rfq', '--with-dependencies', '--images', 'images.json')
    expect(r.code).toBe(0)
    expect(fake.service('dev-cluster', 'auth').taskDefinition).toMatch(/auth:2$/)
    expect(fake.service('dev-cluster', 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('exits 1 and skips later tiers when a tier fails', async () => {
    fake.failImage(digest('gateway', 2))
    const r = await cli('--env', 'dev', '--tier', 'all', '--images', 'images.json')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/gateway +failed/)
    expect(r.out).toMatch(/auth +rolled-back/)
    expect(r.out).toMatch(/rfq +skipped/)
    expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:1$/)
  })

  it('--rollback SERVICE --version previous puts back what ran before the last deploy', async () => {
    await cli('--env', 'dev', '--services', 'rfq', '--images', 'images.json')
    const r = await cli('--env', 'dev', '--rollback', 'rfq-service', '--version', 'previous')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/rfq +rolled-back +rfq:2 +rfq:1/)
    expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:1$/)
  })

  it('--rollback by commit SHA', async () => {
    await cli('--env', 'dev', '--services', 'rfq', '--images', 'images.json', '--commit', 'c0ffee0')
    writeFiles(dir.dir, { 'images.json': JSON.stringify({ rfq: digest('rfq', 3) }) })
    await cli('--env', 'dev', '--services', 'rfq', '--images', 'images.json', '--commit', 'deadbee')
    const r = await cli('--env', 'dev', '--rollback', 'rfq', '--version', 'c0ffee0')
    expect(r.code).toBe(0)
    expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:2$/)
  })

  it('explains the user mistakes without a stack trace', async () => {
    // main() prints a ConfigurationError (exit 1) or a UsageError (exit 2) as its message alone; anything else is a bug.
    const mistake = async (message: string, ...args: string[]): Promise<void> => {
      const error = await cli(...args).then(() => undefined, (e: unknown) => e)
      expect(isConfigurationError(error) || error instanceof UsageError, String(error)).toBe(true)
      expect((error as Error).message).toContain(message)
    }
    await mistake('--images missing.json: no such file', '--env', 'dev', '--tier', '1', '--images', 'missing.json')
    writeFiles(dir.dir, { 'bad.json': JSON.stringify({ auth: 'auth:latest' }), 'broken.json': '{"auth": ' })
    await mistake('the image of auth must be pinned by digest', '--env', 'dev', '--tier', '1', '--images', 'bad.json')
    await mistake('--images broken.json: not valid JSON', '--env', 'dev', '--tier', '1', '--images', 'broken.json')
    await mistake("unknown service 'auht'; did you mean 'auth'", '--env', 'dev', '--services', 'auht')
    await mistake("ECS cluster 'no-such-cluster' not found", '--env', 'dev', '--tier', '1', '--cluster', 'no-such-cluster')
    await mistake('nothing to roll back to', '--env', 'dev', '--rollback', 'auth')
    await mistake('--env ENV is required', '--tier', '1')
    // --health-check runs `health`, which needs a selection; --promote-to-production needs a production environment
    await mistake('give --tier N or --services A,B', '--env', 'dev', '--health-check')
    await mistake('--promote-to-production needs one production environment', '--env', 'dev', '--promote-to-production')
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('is wired into the CLI: a usage error exits 2 with the usage', async () => {
    const err: string[] = []
    const code = await main(['deploy', '--env', 'dev', '--tier', '1', '--version', 'previous'], { stdout: () => {}, stderr: (t) => err.push(t), cwd: dir.dir, env: {} })
    expect(code).toBe(2)
    expect(err.join('\n')).toContain('tierdeploy deploy --env ENV')
  })
})

/** A terminal made of streams: `answer` is typed once the question has been asked. */
function fakeTerminal(options: { tty: boolean; answer?: string }): Terminal & { shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: options.tty })
  const output = Object.assign(new PassThrough(), { isTTY: options.tty })
  let shown = ''
  output.on('data', (d: Buffer) => {
    shown += d.toString('utf8')
    if (options.answer !== undefined && shown.includes('Deploy? [y/N]')) input.write(`${options.answer}\n`)
  })
  return { input, output, shown: () => shown }
}

async function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; terminal?: Terminal } = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: options.cwd ?? dir.dir, env: options.env ?? { AWS_REGION: 'ca-central-1', GITHUB_SHA: 'b'.repeat(40) } }
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    const code = await runDeploy(['--no-preflight', ...args], io, { ecs, clock: fake.clock, terminal: options.terminal ?? fakeTerminal({ tty: false }) })
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    ecs.destroy()
  }
}

async function commitTagOf(arn: string): Promise<string | undefined> {
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  try {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }))
    return out.tags?.find((t) => t.key === TAG_COMMIT)?.value
  } finally {
    ecs.destroy()
  }
}

describe('tierdeploy deploy checks the account of the credentials', () => {
  // The fake's credentials are for 111111111111 (fake.callerAccount), as a dev profile left in the shell would be.
  const withAccount = (account: string): void => {
    writeFiles(dir.dir, { 'catalog/environments/production.yaml': `name: production\naccount: "${account}"\nregion: ca-central-1\ncluster: dev-cluster\nroleArn: arn:aws:iam::${account}:role/deploy\n` })
  }
  const refusal = async (...args: string[]): Promise<Error> => {
    const error = await cli('--env', 'production', ...args).then(() => undefined, (e: unknown) => e)
    expect(isConfigurationError(error), String(error)).toBe(true)
    return error as Error
  }

  it('refuses credentials of another account before any ECS write, naming both accounts and what to do', async () => {
    withAccount('333333333333')
    const error = await refusal('--tier', 'all', '--images', 'images.json')
    expect(error.message).toMatch(/^credentials are for 111111111111, environment production is 333333333333 \(the account in .*production\.yaml\), so nothing was changed: assume production's deploy role \(arn:aws:iam::333333333333:role\/deploy\), or pick an AWS profile of account 333333333333/)
    expect(fake.calls.GetCallerIdentity).toBe(1)
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(fake.calls.UpdateService).toBeUndefined()
    expect(fake.calls.DescribeServices).toBeUndefined()
  })

  it('refuses a rollback and a dry run with credentials of another account too', async () => {
    withAccount('333333333333')
    expect((await refusal('--rollback', 'rfq', '--version', 'previous')).message).toMatch(/^credentials are for 111111111111, environment production is 333333333333/)
    expect((await refusal('--services', 'rfq', '--images', 'images.json', '--dry-run')).message).toMatch(/^credentials are for 111111111111/)
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('deploys with credentials of the environment\'s account, asking STS once per run, not per service', async () => {
    withAccount('111111111111')
    const r = await cli('--env', 'production', '--tier', 'all', '--images', 'images.json')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/rfq +deployed +rfq:1 +rfq:2/)
    expect(fake.calls.GetCallerIdentity).toBe(1)
  })

  it('warns that an environment without an account cannot be checked, and deploys', async () => {
    const r = await cli('--env', 'dev', '--services', 'rfq', '--images', 'images.json')
    expect(r.code).toBe(0)
    expect(r.err).toContain('warning: environment dev sets no account (')
    expect(r.err).toContain('cannot be checked before writing: set account: "123456789012" there')
    expect(fake.calls.GetCallerIdentity).toBeUndefined()
  })
})

describe('tierdeploy deploy to an environment with requireApproval: true', () => {
  beforeEach(() => {
    writeFiles(dir.dir, { 'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: dev-cluster\nrequireApproval: true\n' })
  })
  const production = (...args: string[]): string[] => ['--catalog', join(dir.dir, 'catalog'), '--env', 'production', '--services', 'rfq', '--images', 'images.json', ...args]

  it('shows the plan with each task-definition change, asks, and deploys once confirmed', async () => {
    const terminal = fakeTerminal({ tty: true, answer: 'yes' })
    const r = await run(production(), { terminal })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Deploy plan for production')
    expect(r.out).toContain(`rfq: would register a new revision of rfq:1\n  ~ containerDefinitions[rfq].image: "${digest('rfq', 1)}" -> "${digest('rfq', 2)}"`)
    expect(terminal.shown()).toContain('Environment production requires approval (requireApproval: true). Deploy? [y/N] ')
    expect(r.out).toMatch(/rfq +deployed +rfq:1 +rfq:2/)
  })

  it('deploys nothing when the answer is not yes', async () => {
    for (const answer of ['n', '', 'sure']) {
      const r = await run(production(), { terminal: fakeTerminal({ tty: true, answer }) })
      expect(r.code).toBe(1)
      expect(r.err).toContain('not confirmed: nothing was deployed to production')
    }
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('without a terminal and without --yes, refuses before any write, naming requireApproval and --yes', async () => {
    const error = await run(production()).then(() => undefined, (e: unknown) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toMatch(/environment production sets requireApproval: true \(.*production\.yaml\).*pass --yes/)
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(fake.calls.UpdateService).toBeUndefined()
  })

  it('--yes deploys without asking', async () => {
    const terminal = fakeTerminal({ tty: false })
    const r = await run(production('--yes'), { terminal })
    expect(r.code).toBe(0)
    expect(terminal.shown()).toBe('')
    expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:2$/)
  })

  it('a dry run needs no confirmation', async () => {
    const r = await run(production('--dry-run'))
    expect(r.code).toBe(0)
    expect(r.out).toContain('rfq: would register a new revision of rfq:1')
  })

  it('a rollback asks too, showing the revision it goes back to', async () => {
    await run(production('--yes'))
    const terminal = fakeTerminal({ tty: true, answer: 'y' })
    const r = await run(['--catalog', join(dir.dir, 'catalog'), '--env', 'production', '--rollback', 'rfq'], { terminal })
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/rfq: roll back .*rfq:2 -> .*rfq:1/)
    expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:1$/)
  })
})

describe('tierdeploy deploy from a local clone', () => {
  const localEnv = (): NodeJS.ProcessEnv => ({ AWS_REGION: 'ca-central-1', PATH: process.env.PATH })

  it('tags registered revisions with the repository\'s HEAD commit, so --rollback --version SHA finds them', async () => {
    const repo = createGitRepo({
      'catalog/services.yaml': SERVICES_YAML,
      'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\ncluster: dev-cluster\n',
      'images.json': JSON.stringify({ rfq: digest('rfq', 2) }),
    })
    try {
      const args = ['--catalog', join(repo.dir, 'catalog'), '--env', 'dev', '--services', 'rfq', '--images', 'images.json']
      const first = repo.sha()
      expect((await run(args, { cwd: repo.dir, env: localEnv() })).code).toBe(0)
      expect(await commitTagOf(fake.service('dev-cluster', 'rfq').taskDefinition)).toBe(first)
      const second = repo.commit('rfq 3', { 'images.json': JSON.stringify({ rfq: digest('rfq', 3) }) })
      expect((await run(args, { cwd: repo.dir, env: localEnv() })).code).toBe(0)
      expect(await commitTagOf(fake.service('dev-cluster', 'rfq').taskDefinition)).toBe(second)
      const back = await run(['--catalog', join(repo.dir, 'catalog'), '--env', 'dev', '--rollback', 'rfq', '--version', first.slice(0, 7)], { cwd: repo.dir, env: localEnv() })
      expect(back.code).toBe(0)
      expect(fake.service('dev-cluster', 'rfq').taskDefinition).toMatch(/rfq:2$/)
    } finally {
      repo.cleanup()
    }
  })

  it('outside a git repository, refuses without --commit, and tags with --commit', async () => {
    const args = ['--catalog', join(dir.dir, 'catalog'), '--env', 'dev', '--services', 'rfq', '--images', 'images.json']
    const error = await run(args, { env: localEnv() }).then(() => undefined, (e: unknown) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toMatch(/is not in a git repository with a commit.*give --commit SHA/)
    expect(fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect((await run([...args, '--commit', 'c0ffee0'], { env: localEnv() })).code).toBe(0)
    expect(await commitTagOf(fake.service('dev-cluster', 'rfq').taskDefinition)).toBe('c0ffee0')
  })
})

describe('tierdeploy deploy progress', () => {
  // --no-preflight: these tests are about the progress of the writes and waits, not the checks before them.
  const deployAll = ['--env', 'dev', '--tier', 'all', '--images', 'images.json', '--no-preflight']

  it('--json prints newline-delimited events in order, ending with one result event', async () => {
    const r = await cli(...deployAll, '--json')
    expect(r.code).toBe(0)
    const events = r.out.split('\n').map((line) => JSON.parse(line) as { type: string; service?: string; tier?: number; wave?: number; ok?: boolean; results?: { service: string; status: string }[] })
    const types = events.map((e) => e.type)
    expect(types[0]).toBe('step-started')
    expect(types.at(-1)).toBe('result')
    expect(types.filter((t) => t === 'result')).toHaveLength(1)
    // tier 1 (auth, then gateway), then tier 2 (rfq), each step closed before the next starts
    expect(events.filter((e) => e.type === 'step-started').map((e) => e.tier)).toEqual([1, 2])
    expect(events.filter((e) => e.type === 'service-updated' || e.type === 'service-done').map((e) => `${e.type} ${e.service}`)).toEqual([
      'service-updated auth',
      'service-done auth',
      'service-updated gateway',
      'service-done gateway',
      'service-updated rfq',
      'service-done rfq',
    ])
    expect(types.indexOf('step-done')).toBeLessThan(types.lastIndexOf('step-started'))
    expect(events.at(-1)).toMatchObject({ type: 'result', ok: true, results: [{ service: 'auth', status: 'deployed' }, { service: 'gateway', status: 'deployed' }, { service: 'rfq', status: 'deployed' }] })
  })

  it('without a terminal prints one line per state change on stderr, and the table on stdout', async () => {
    const r = await cli(...deployAll)
    expect(r.code).toBe(0)
    const lines = r.err.split('\n')
    for (const line of ['auth: rolling out auth:2 (was auth:1)', 'auth: deployed in 30s', 'rfq: deployed in 30s', 'tier 2 (business): succeeded in 30s (6 polls)']) {
      expect(lines.filter((l) => l === line)).toEqual([line])
    }
    // no per-poll "waiting for" log line: the progress lines replace it
    expect(lines.some((l) => l.startsWith('waiting for'))).toBe(false)
    expect(r.out).toMatch(/auth +deployed/)
  })

  it('--quiet prints no progress, and refuses to go with --json', async () => {
    const r = await cli(...deployAll, '--quiet')
    expect(r.code).toBe(0)
    expect(r.err).not.toMatch(/rolling out|deployed in/)
    await expect(cli(...deployAll, '--quiet', '--json')).rejects.toThrow(UsageError)
  })
})
