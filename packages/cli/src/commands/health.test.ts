import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mockClient } from 'aws-sdk-client-mock'
import { ECSClient } from '@aws-sdk/client-ecs'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'
import { main } from '../main.js'
import type { CliIO } from '../cli-io.js'
import { run } from './health.js'

const cwMock = mockClient(CloudWatchClient)
let fake: FakeEcs
let server: Server
let dir: { dir: string; cleanup: () => void }
let answers: number[]

beforeEach(async () => {
  cwMock.reset()
  fake = await FakeEcs.start()
  fake.createCluster('invoxa-dev')
  answers = []
  server = createServer((_req, res) => { res.writeHead(answers.shift() ?? 200); res.end() })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  dir = tempDir()
  writeFiles(dir.dir, {
    'catalog/services.yaml': 'version: 1\nplatform: invoxa\ntiers: [{ id: 1, name: core }]\nservices:\n  auth:\n    path: auth\n    tier: 1\n    routing: { public: true }\n    healthCheck: { path: /health, healthyThreshold: 2 }\n  invoice:\n    path: invoice\n    tier: 1\n',
    'catalog/environments/dev.yaml': `name: dev\nregion: us-east-1\ncluster: invoxa-dev\nurl: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`,
  })
})
afterEach(async () => {
  await fake.stop()
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  dir.cleanup()
})

async function health(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: {} }
  const code = await run(['--catalog', join(dir.dir, 'catalog'), '--env', 'dev', ...args], io, { ecs: new ECSClient({ endpoint: fake.endpoint, region: 'us-east-1' }), clock: fake.clock })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('tierdeploy health', () => {
  it('prints every check of a healthy tier and exits 0', async () => {
    fake.seedService({ cluster: 'invoxa-dev', name: 'auth', image: 'repo/auth:1' })
    fake.seedService({ cluster: 'invoxa-dev', name: 'invoice', image: 'repo/invoice:1' })
    answers = [503, 200, 200]
    cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'auth-5xx', StateValue: 'OK' }] })
    const { code, stdout } = await health(['--tier', '1', '--checks', 'ecs,http,alarms'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^SERVICE\s+CHECK\s+RESULT\s+WHY$/m)
    expect(stdout).toMatch(/^auth\s+http\s+passed\s+http:\/\/127\.0\.0\.1:\d+\/health answered 200 2 times in a row$/m)
    expect(stdout).toMatch(/^invoice\s+http\s+skipped\s+not on the public ALB/m)
    expect(stdout).toMatch(/health gate passed in \d+ s$/)
  })

  it('exits 1 and puts the failed check first, or prints JSON', async () => {
    fake.seedService({ cluster: 'invoxa-dev', name: 'auth', image: 'repo/auth:1' })
    answers = Array(50).fill(500)
    const { code, stdout } = await health(['--services', 'auth', '--checks', 'ecs,http', '--timeout', '30'])
    expect(code).toBe(1)
    expect(stdout.split('\n')[1]).toMatch(/^auth\s+http\s+failed\s+http:\/\/127\.0\.0\.1:\d+\/health answered 500, expected 200 \(4 requests\)$/)
    const json = await health(['--services', 'invoice', '--checks', 'ecs', '--json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: false, outcomes: [{ service: 'invoice', check: 'ecs', status: 'failed', detail: 'not found in cluster invoxa-dev (MISSING)' }] })
  })

  it('reports usage and configuration mistakes without touching AWS', async () => {
    const cli = async (args: string[]) => {
      const err: string[] = []
      const code = await main(args, { stdout: () => {}, stderr: (t) => err.push(t), cwd: process.cwd(), env: {} })
      return { code, stderr: err.join('\n') }
    }
    expect(await cli(['health', '--tier', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--env ENV is required') })
    expect(await cli(['health', '--env', 'dev'])).toMatchObject({ code: 2, stderr: expect.stringContaining('give --tier N or --services A,B') })
    expect(await cli(['health', '--env', 'dev', '--tier', '1', '--bake', '2m'])).toMatchObject({ code: 2, stderr: expect.stringContaining("--bake must be a whole number of seconds, got '2m'") })
    const catalog = join(dir.dir, 'catalog')
    expect(await cli(['health', '--catalog', catalog, '--env', 'dev', '--tier', '1', '--checks', 'ecs,alarm'])).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown check 'alarm'; did you mean 'alarms'?") })
    expect(await cli(['health', '--catalog', catalog, '--env', 'dev', '--services', 'auht'])).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown service 'auht'") })
    expect(await cli(['health', '--catalog', catalog, '--env', 'dev', '--tier', '1', '--target-groups', '{auth:'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--target-groups must be JSON: {"SERVICE": "TARGET_GROUP_ARN"}') })
    expect(await cli(['health', '--catalog', catalog, '--env', 'dev', '--tier', '1', '--target-groups', '["arn:x"]'])).toMatchObject({ code: 1, stderr: expect.stringContaining("input '--target-groups' must be a JSON object") })
    expect(await cli(['health', '--catalog', catalog, '--env', 'dev', '--tier', '1', '--target-groups', '{"auht":"arn:aws:elasticloadbalancing:x"}'])).toMatchObject({ code: 1, stderr: expect.stringContaining("input '--target-groups': unknown service 'auht'") })
    expect(fake.totalCalls()).toBe(0)
  })
})
