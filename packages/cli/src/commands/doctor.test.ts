import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { main } from '../main.js'

async function runCli(args: string[], cwd = process.cwd()) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function repository(extra: string, files: Record<string, string> = {}): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  writeFiles(t.dir, {
    'catalog/services.yaml': `version: 1\ntiers: [{ id: 1, name: core }]\ndefaults: { healthCheck: { path: /health } }\nservices:\n  a: { path: a, tier: 1 }\n  b: { path: b, tier: 1${extra} }\n`,
    'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\n',
    'a/Dockerfile': 'FROM x\n',
    'b/Dockerfile': 'FROM x\n',
    ...files,
  })
  return t.dir
}

describe('tierdeploy doctor', () => {
  it('exits 0 on warnings only, and prints file:line for each', async () => {
    const root = repository('', { 'a/src/x.ts': 'const b = process.env.B_SERVICE_URL\n' })
    const r = await runCli(['doctor', '--catalog', join(root, 'catalog')], root)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('a/src/x.ts:1:23: warning: a uses b (variable B_SERVICE_URL) but does not declare it')
  })

  it('exits 1 on an error, with JSON when asked', async () => {
    const root = repository(', gpu: 1')
    const r = await runCli(['doctor', '--catalog', join(root, 'catalog'), '--json'], root)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, errors: 1, findings: [{ check: 'gpu-on-fargate', service: 'b', line: 6 }] })
  })

  it('skips the code scan with --no-code', async () => {
    const root = repository('', { 'a/src/x.ts': 'const b = process.env.B_SERVICE_URL\n' })
    const r = await runCli(['doctor', '--catalog', join(root, 'catalog'), '--no-code'], root)
    expect(r.stdout).toBe('No problems found: 0 errors, 0 warnings')
  })

  it('finds nothing wrong in the bundled catalog', async () => {
    const r = await runCli(['doctor'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^No problems found: 0 errors, 0 warnings/)
  })
})

describe('tierdeploy doctor --live', () => {
  it('warns about a service a CloudFormation stack owns that the catalog would update directly', async () => {
    const { FakeEcs } = await import('@tierdeploy/testkit')
    const { makeEcsClient } = await import('@tierdeploy/aws')
    const { runCommand } = await import('../main.js')
    const { run, usage } = await import('./doctor.js')
    const fake = await FakeEcs.start()
    const root = repository('')
    writeFiles(root, { 'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\ncluster: dev\n' })
    const owned = fake.seedService({ cluster: 'dev', name: 'a', image: 'a@sha256:' + '1'.repeat(64) })
    fake.state.tagResource({ resourceArn: owned.arn, tags: [{ key: 'aws:cloudformation:stack-name', value: 'legacy-a' }] })
    fake.seedService({ cluster: 'dev', name: 'b', image: 'b@sha256:' + '1'.repeat(64) })
    const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'us-east-1' })
    const out: string[] = []
    try {
      const code = await runCommand('doctor', usage, (a, io) => run(a, io, { ecs }), ['--catalog', join(root, 'catalog'), '--env', 'dev', '--live', '--no-code'], { stdout: (t) => out.push(t), stderr: () => {}, cwd: root, env: {} })
      expect(code).toBe(0) // a warning, not an error
      expect(out.join('\n')).toMatch(/services\.yaml:5:\d+: warning: a belongs to CloudFormation stack legacy-a .*declare deployVia: cloudformation.* \[stack-owned-service\]/)
      expect(out.join('\n')).not.toMatch(/\bb\b.*stack-owned-service/)
    } finally {
      ecs.destroy()
      await fake.stop()
    }
  })

  it('warns about a service whose last rollout failed, by the rule deploy and health use', async () => {
    const { FakeEcs } = await import('@tierdeploy/testkit')
    const { makeEcsClient } = await import('@tierdeploy/aws')
    const { runCommand } = await import('../main.js')
    const { run, usage } = await import('./doctor.js')
    const fake = await FakeEcs.start()
    const root = repository('')
    writeFiles(root, { 'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\ncluster: dev\n' })
    fake.seedService({ cluster: 'dev', name: 'a', image: 'a@sha256:' + '1'.repeat(64) })
    const b = fake.seedService({ cluster: 'dev', name: 'b', image: 'b@sha256:' + '1'.repeat(64) })
    Object.assign(b.deployments[0]!, { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0 })
    const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'us-east-1' })
    const out: string[] = []
    try {
      const code = await runCommand('doctor', usage, (a, io) => run(a, io, { ecs }), ['--catalog', join(root, 'catalog'), '--env', 'dev', '--live', '--no-code'], { stdout: (t) => out.push(t), stderr: () => {}, cwd: root, env: {} })
      expect(code).toBe(0)
      expect(out.join('\n')).toMatch(/warning: b in cluster dev: rollout failed: rollout of b:1 FAILED: ECS deployment circuit breaker: tasks failed to start\. \[unfinished-rollout\]/)
      expect(out.join('\n')).not.toMatch(/\ba in cluster dev/)
    } finally {
      ecs.destroy()
      await fake.stop()
    }
  })

  it('reports credentials of another account as an error finding at the environment\'s account, and reads no cluster', async () => {
    const { FakeEcs } = await import('@tierdeploy/testkit')
    const { makeEcsClient } = await import('@tierdeploy/aws')
    const { STSClient } = await import('@aws-sdk/client-sts')
    const { runCommand } = await import('../main.js')
    const { run, usage } = await import('./doctor.js')
    const fake = await FakeEcs.start()
    fake.callerAccount = '111111111111'
    const root = repository('')
    writeFiles(root, { 'catalog/environments/dev.yaml': 'name: dev\naccount: "222222222222"\nregion: us-east-1\ncluster: dev\n' })
    fake.seedService({ cluster: 'dev', name: 'a', image: 'a@sha256:' + '1'.repeat(64) })
    const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'us-east-1' })
    const sts = new STSClient({ endpoint: fake.endpoint, region: 'us-east-1' })
    const out: string[] = []
    try {
      const code = await runCommand('doctor', usage, (a, io) => run(a, io, { ecs, sts }), ['--catalog', join(root, 'catalog'), '--env', 'dev', '--live', '--no-code'], { stdout: (t) => out.push(t), stderr: () => {}, cwd: root, env: {} })
      expect(code).toBe(1)
      expect(out.join('\n')).toMatch(/environments\/dev\.yaml:2:\d+: error: credentials are for 111111111111, environment dev is 222222222222 .* \[account-mismatch\]/)
      expect(fake.calls.GetCallerIdentity).toBe(1)
      expect(fake.calls.ListServices).toBeUndefined()
      expect(fake.calls.DescribeServices).toBeUndefined()
    } finally {
      ecs.destroy()
      sts.destroy()
      await fake.stop()
    }
  })

  it('says how to give credentials when there are none, without a stack trace', async () => {
    const { runCommand } = await import('../main.js')
    const { run, usage } = await import('./doctor.js')
    const root = repository('')
    writeFiles(root, { 'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\ncluster: dev\n' })
    // What the SDK's default provider chain throws from send() when it finds no credentials anywhere.
    const noCredentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })
    const ecs = { send: () => Promise.reject(noCredentials), destroy: () => {} } as unknown as import('@aws-sdk/client-ecs').ECSClient
    const err: string[] = []
    const code = await runCommand('doctor', usage, (a, io) => run(a, io, { ecs }), ['--catalog', join(root, 'catalog'), '--env', 'dev', '--live', '--no-code'], { stdout: () => {}, stderr: (t) => err.push(t), cwd: root, env: {} })
    expect(code).toBe(1)
    expect(err.join('\n')).toBe('tierdeploy doctor: no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (CredentialsProviderError: Could not load credentials from any providers)')
  })

  it('needs --env to know which cluster to read', async () => {
    const r = await runCli(['doctor', '--live'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--live needs --env ENV')
  })
})
