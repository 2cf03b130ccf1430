import { join } from 'node:path'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CliIO } from '../cli-io.js'
import { runDeploy } from './deploy.js'
import { run as runHealth } from './health.js'

// No client is injected here: each command builds its own, and the fake records the region each request was signed
// for. AWS_ENDPOINT_URL_ECS (read by the SDK itself) points every ECS client at the fake, whatever its region.
let fake: FakeEcs
let dir: { dir: string; cleanup: () => void }
beforeEach(async () => {
  fake = await FakeEcs.start()
  fake.seedService({ cluster: 'staging', name: 'auth', image: `111111111111.dkr.ecr.ca-central-1.amazonaws.com/auth@sha256:${'1'.repeat(64)}` })
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': 'version: 1\ntiers: [{ id: 1, name: core }]\nservices:\n  auth: { path: auth, tier: 1 }\n',
    'catalog/environments/staging.yaml': 'name: staging\nregion: ca-central-1\ncluster: staging\n',
  })
  vi.stubEnv('AWS_ENDPOINT_URL_ECS', fake.endpoint)
  vi.stubEnv('AWS_REGION', 'us-east-1')
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await fake.stop()
  dir.cleanup()
})

async function cli(command: typeof runDeploy, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  // A developer's shell left on another region: the environment file must still decide.
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir.dir, env: { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' } }
  const code = await command(['--catalog', join(dir.dir, 'catalog'), '--env', 'staging', ...args], io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('the region every command talks to', () => {
  it('is the environment file\'s for deploy and health alike, whatever AWS_REGION says', async () => {
    const deploy = await cli(runDeploy, ['--service', 'auth', '--dry-run', '--no-preflight'])
    expect(deploy.code).toBe(0)
    const health = await cli(runHealth, ['--services', 'auth', '--checks', 'ecs', '--timeout', '0'])
    expect(health.code).toBe(0)
    expect(fake.calls.DescribeServices).toBeGreaterThanOrEqual(2)
    expect(new Set(fake.signedRegions)).toEqual(new Set(['ca-central-1']))
  })

  it('is --region when given, for deploy and health', async () => {
    expect((await cli(runDeploy, ['--service', 'auth', '--dry-run', '--no-preflight', '--region', 'eu-west-1'])).code).toBe(0)
    expect((await cli(runHealth, ['--services', 'auth', '--checks', 'ecs', '--timeout', '0', '--region', 'eu-west-1'])).code).toBe(0)
    expect(new Set(fake.signedRegions)).toEqual(new Set(['eu-west-1']))
  })

  it('refuses a --region that is not a region, before any AWS call', async () => {
    await expect(cli(runDeploy, ['--service', 'auth', '--dry-run', '--region', 'canada'])).rejects.toThrow("--region must be an AWS region such as ca-central-1, got 'canada'")
    expect(fake.totalCalls()).toBe(0)
  })
})
