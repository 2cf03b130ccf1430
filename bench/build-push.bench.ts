// build-push and health-gate (issue 5), without Docker or AWS:
// - "reuse": buildPushServices over N services whose images ECR already has (a re-run or a revert): the whole
//   cost is content tags (one `git rev-parse` per service in a real temp repository) plus mocked ECR calls.
// - "content tag vs paths": one service with L libraries (one git process, L+3 paths).
// - "gate": runHealthGate (ECS + HTTP, threshold 1) over N services against the fake ECS control plane and one
//   local HTTP server; DescribeServices goes 10 services per call.
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { mockClient } from 'aws-sdk-client-mock'
import { DescribeImagesCommand, DescribeRepositoriesCommand, ECRClient, PutImageCommand, BatchGetImageCommand } from '@aws-sdk/client-ecr'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { ECSClient } from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { loadCatalog, silentLogger, systemClock } from '@tierdeploy/catalog'
import { buildPushServices, computeContentTag, resolveBuildSource, runHealthGate, spawnExec, type GateTarget } from '@tierdeploy/aws'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'

const runs = Number(process.env.BENCH_RUNS ?? 5)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
async function timeMs(fn: () => Promise<unknown>, n = runs): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < n + 1; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(samples)
}

function repoWith(services: number, libraries: number): { dir: string; cleanup: () => void } {
  const t = tempDir('tierdeploy-bench-')
  const lines = ['version: 1', 'platform: bench', 'tiers: [{ id: 1, name: core }]', 'globalPaths: [package-lock.json, .nvmrc]', 'services:']
  const files: Record<string, string> = { 'package-lock.json': '{}\n' }
  for (let l = 0; l < libraries; l++) {
    lines.push(`  lib-${l}:`, '    kind: library', `    path: libs/lib-${l}`)
    files[`libs/lib-${l}/index.ts`] = `export const x = ${l}\n`
  }
  for (let s = 0; s < services; s++) {
    const deps = Array.from({ length: Math.min(libraries, 3) }, (_, i) => `lib-${(s + i) % libraries}`)
    lines.push(`  svc-${s}:`, `    path: services/svc-${s}`, '    tier: 1', `    dependsOn: [${deps.join(', ')}]`)
    files[`services/svc-${s}/Dockerfile`] = 'FROM node:20-slim\n'
    files[`services/svc-${s}/src/index.ts`] = `console.log(${s})\n`
  }
  files['catalog/services.yaml'] = `${lines.join('\n')}\n`
  writeFiles(t.dir, files)
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'bench']]) execFileSync('git', args, { cwd: t.dir, env })
  return t
}

const ecrMock = mockClient(ECRClient)
ecrMock.on(DescribeRepositoriesCommand).callsFake((i: { repositoryNames: string[] }) => ({ repositories: [{ repositoryUri: `1.dkr.ecr.ca-central-1.amazonaws.com/${i.repositoryNames[0]}` }] }))
ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: `sha256:${'a'.repeat(64)}`, imageSizeInBytes: 1, imageTags: [] }] })
ecrMock.on(BatchGetImageCommand).resolves({ images: [{ imageManifest: '{}' }] })
ecrMock.on(PutImageCommand).resolves({})

console.log('| case | size | median | per item |')
console.log('|---|---|---|---|')
for (const n of [10, 40, 80]) {
  const repo = repoWith(n, 5)
  const { catalog } = await loadCatalog({ dir: join(repo.dir, 'catalog') })
  const services = [...catalog.services.values()].filter((s) => s.kind === 'service')
  const ms = await timeMs(() => buildPushServices(catalog, services, { revision: 'c0ffee0', cache: 'none', platform: 'linux/amd64', provenance: 'false', templatesDir: '/nonexistent' }, { ecr: new ECRClient({ region: 'ca-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } }), exec: spawnExec, clock: systemClock, log: silentLogger, setSecret: () => {} }), 3)
  console.log(`| build-push, every image reused | ${n} services | ${ms.toFixed(0)} ms | ${(ms / n).toFixed(1)} ms/service |`)
  repo.cleanup()
}
ecrMock.restore()

for (const libs of [1, 30, 300]) {
  const repo = repoWith(1, libs)
  const { catalog } = await loadCatalog({ dir: join(repo.dir, 'catalog') })
  const svc = catalog.services.get('svc-0')!
  const source = { ...resolveBuildSource(catalog, svc, () => true), libraries: Array.from({ length: libs }, (_, l) => `libs/lib-${l}`) }
  const ms = await timeMs(() => computeContentTag(source, { exec: spawnExec, root: repo.dir }))
  console.log(`| content tag | ${libs} libraries (${libs + 3} paths) | ${ms.toFixed(1)} ms | ${(ms / (libs + 3)).toFixed(3)} ms/path |`)
  repo.cleanup()
}

const server = createServer((_req, res) => { res.writeHead(200); res.end() })
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
for (const n of [10, 100, 400]) {
  const fake = await FakeEcs.start()
  for (let i = 0; i < n; i++) fake.seedService({ cluster: 'bench', name: `svc-${i}`, image: 'repo/x:1' })
  const targets: GateTarget[] = Array.from({ length: n }, (_, i) => ({ service: `svc-${i}`, http: { url, expectedStatus: 200, healthyThreshold: 1, requestTimeoutMs: 5000, intervalMs: 1000 }, behindLoadBalancer: false, alarms: { prefix: `svc-${i}` } }))
  const aws = { region: 'ca-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } }
  const effects = { ecs: new ECSClient({ ...aws, endpoint: fake.endpoint }), elb: new ElasticLoadBalancingV2Client(aws), cloudwatch: new CloudWatchClient(aws), clock: fake.clock, log: silentLogger }
  const ms = await timeMs(() => runHealthGate(targets, { cluster: 'bench', checks: ['ecs', 'http'], timeoutMs: 60_000, bakeMs: 0 }, effects))
  console.log(`| health gate, ECS + HTTP | ${n} services | ${ms.toFixed(0)} ms | ${(ms / n).toFixed(2)} ms/service |`)
  await fake.stop()
}
server.close()
