import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mockClient } from 'aws-sdk-client-mock'
import { load } from 'js-yaml'
import { DescribeImagesCommand, DescribeRepositoriesCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { STSClient } from '@aws-sdk/client-sts'
import { recordingIO } from '@tierdeploy/action-kit'
import { spawnExec, type Exec } from '@tierdeploy/aws'
import { FakeEcs, installDockerShim, tempDir, writeFiles, type DockerShim } from '@tierdeploy/testkit'
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { BUNDLED_TEMPLATES, run } from './main.js'
import { INPUTS, OUTPUTS } from './contract.js'

const REGISTRY = '111111111111.dkr.ecr.ca-central-1.amazonaws.com'
const ecrMock = mockClient(ECRClient)
let shim: DockerShim
let repo: { dir: string; cleanup: () => void }
let exec: Exec

beforeEach(() => {
  ecrMock.reset()
  shim = installDockerShim()
  exec = (f, a, o) => spawnExec(f, a, { ...o, env: shim.env })
  repo = tempDir()
  writeFiles(repo.dir, {
    'catalog/services.yaml': 'version: 1\nplatform: invoxa\ntiers: [{ id: 1, name: core }]\nservices:\n  auth:\n    path: services/auth\n    tier: 1\n    aliases: [authentication]\n    build: { template: node }\n',
    'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\n',
    'services/auth/package.json': '{}\n',
  })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'init')
  ecrMock.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [{ authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${REGISTRY}` }] })
  ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'invoxa/auth', repositoryUri: `${REGISTRY}/invoxa/auth` }] })
  ecrMock.on(DescribeImagesCommand).callsFake((input: { imageIds: { imageTag?: string; imageDigest?: string }[] }) => {
    const id = input.imageIds[0]!
    if (id.imageTag) throw Object.assign(new Error('missing'), { name: 'ImageNotFoundException' })
    return { imageDetails: [{ imageDigest: id.imageDigest, imageSizeInBytes: 1000 }] }
  })
})
afterEach(() => {
  shim.cleanup()
  repo.cleanup()
})

async function buildPush(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const io = recordingIO({ catalog: join(repo.dir, 'catalog'), ...inputs }, { GITHUB_SHA: 'abcdef1234567abcdef1234567abcdef12345678', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/invoxa', ...env })
  await run(io, { ecr: new ECRClient({ region: 'us-east-1' }), exec })
  return io
}

describe('build-push action', () => {
  it('outputs the image by digest, the images map for ecs-deploy, and a summary', async () => {
    const io = await buildPush({ services: 'authentication', environment: 'dev' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.image).toMatch(new RegExp(`^${REGISTRY}/invoxa/auth@sha256:[0-9a-f]{64}$`))
    expect(JSON.parse(io.outputs.images!)).toEqual({ auth: io.outputs.image })
    expect(io.outputs.built).toBe('true')
    expect(io.outputs['content-tag']).toMatch(/^tree-/)
    expect(JSON.parse(io.outputs.results!)[0]).toMatchObject({ service: 'auth', dockerfile: 'template:node' })
    expect(io.secrets).toContain('pw')
    expect(io.summaries[0]).toContain('| auth | built |')
    const buildx = shim.calls().find((c) => c.args[0] === 'buildx' && c.args[1] === 'build')!.args
    expect(buildx).toEqual(expect.arrayContaining(['--label', 'org.opencontainers.image.source=https://github.com/acme/invoxa', '--label', 'org.opencontainers.image.revision=abcdef1234567abcdef1234567abcdef12345678']))
    // Outside GitHub Actions the cache defaults to the registry; inside, to the GHA cache.
    expect(buildx.join(' ')).toContain('type=registry,ref=')
    await buildPush({ services: 'auth', region: 'us-east-1' }, { GITHUB_ACTIONS: 'true' })
    expect(shim.calls().filter((c) => c.args[0] === 'buildx' && c.args[1] === 'build')[1]!.args.join(' ')).toContain('type=gha,scope=auth')
  })

  it('writes the images map to images-file, creating its directory', async () => {
    const file = join(repo.dir, 'out/images/auth.json')
    const io = await buildPush({ services: 'auth', environment: 'dev', 'images-file': file })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ auth: io.outputs.image })
  })

  it('find: says which images exist and packs build jobs for the rest, without docker and without writing to ECR', async () => {
    writeFiles(repo.dir, {
      'catalog/services.yaml': `version: 1\nplatform: invoxa\ntiers: [{ id: 1, name: core }]\nservices:\n${['auth', 'rfq', 'pay', 'doc', 'chat'].map((n) => `  ${n}: { path: services/${n}, tier: 1, build: { template: node } }\n`).join('')}`,
      ...Object.fromEntries(['rfq', 'pay', 'doc', 'chat'].map((n) => [`services/${n}/package.json`, `{"name":"${n}"}\n`])),
    })
    execFileSync('git', ['add', '-A'], { cwd: repo.dir })
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'more'], { cwd: repo.dir })
    // auth's and pay's images exist under their content tags; the others do not, and doc's repository does not exist yet.
    const existing = new Map<string, string>()
    ecrMock.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => {
      const name = input.repositoryNames[0]!
      if (name === 'invoxa/doc') throw Object.assign(new Error('no repo'), { name: 'RepositoryNotFoundException' })
      return { repositories: [{ repositoryName: name, repositoryUri: `${REGISTRY}/${name}` }] }
    })
    ecrMock.on(DescribeImagesCommand).callsFake((input: { repositoryName: string; imageIds: { imageTag?: string }[] }) => {
      const digest = existing.get(input.repositoryName)
      if (!digest) throw Object.assign(new Error('missing'), { name: 'ImageNotFoundException' })
      return { imageDetails: [{ imageDigest: digest, imageTags: [input.imageIds[0]!.imageTag!], imageSizeInBytes: 1000 }] }
    })
    existing.set('invoxa/auth', `sha256:${'a'.repeat(64)}`)
    existing.set('invoxa/pay', `sha256:${'b'.repeat(64)}`)
    const file = join(repo.dir, '.tierdeploy/image/existing.json')
    const io = await buildPush({ services: 'auth,rfq,pay,doc,chat', environment: 'dev', mode: 'find', 'services-per-job': '2', 'images-file': file })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.images!)).toEqual({ auth: `${REGISTRY}/invoxa/auth@sha256:${'a'.repeat(64)}`, pay: `${REGISTRY}/invoxa/pay@sha256:${'b'.repeat(64)}` })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(io.outputs.images!))
    expect(JSON.parse(io.outputs.missing!)).toEqual(['rfq', 'doc', 'chat'])
    expect(JSON.parse(io.outputs['build-matrix']!)).toEqual([{ include: [{ service: 'rfq', services: 'rfq,doc', count: 2 }, { service: 'chat', services: 'chat', count: 1 }] }])
    expect(io.summaries[0]).toContain('2 images exist, 3 to build in 2 jobs')
    // Read-only: no docker, no repository created, no tag added, no login.
    expect(shim.calls()).toEqual([])
    expect(ecrMock.calls().map((c) => c.args[0].constructor.name).filter((n) => !['DescribeRepositoriesCommand', 'DescribeImagesCommand'].includes(n))).toEqual([])

    // Every image there: nothing to build, no build job.
    existing.set('invoxa/rfq', `sha256:${'c'.repeat(64)}`)
    existing.set('invoxa/chat', `sha256:${'d'.repeat(64)}`)
    ecrMock.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => ({ repositories: [{ repositoryName: input.repositoryNames[0]!, repositoryUri: `${REGISTRY}/${input.repositoryNames[0]!}` }] }))
    existing.set('invoxa/doc', `sha256:${'e'.repeat(64)}`)
    const all = await buildPush({ services: 'auth,rfq,pay,doc,chat', environment: 'dev', mode: 'find' })
    expect(JSON.parse(all.outputs.missing!)).toEqual([])
    expect(JSON.parse(all.outputs['build-matrix']!)).toEqual([])
    expect(all.summaries[0]).toContain('Nothing to build: no build job starts.')
  })

  it('find: auto puts one service in a job up to 20 jobs, then packs, never more than 10 to a job', async () => {
    const { packBuildLegs, servicesPerBuildJob } = await import('@tierdeploy/graph')
    const names = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`)
    const jobs = (n: number) => packBuildLegs(names(n), servicesPerBuildJob('auto', n)).reduce((sum, m) => sum + m.include.length, 0)
    expect([0, 3, 20, 21, 79, 200, 1000].map(jobs)).toEqual([0, 3, 20, 11, 20, 20, 100])
    expect((await buildPush({ services: 'auth', region: 'us-east-1', mode: 'find', 'services-per-job': '11' })).failed).toBe("input 'services-per-job' must be auto or a whole number from 1 to 10, got '11'")
    expect((await buildPush({ services: 'auth', region: 'us-east-1', mode: 'look' })).failed).toMatch(/input 'mode' must be one of build, find, got 'look'/)
  })

  it('rejects bad inputs by name before doing anything', async () => {
    expect((await buildPush({ services: '', region: 'us-east-1' })).failed).toMatch(/input 'services' is required/)
    expect((await buildPush({ services: 'auth', region: 'us-east-1', cache: 's3' })).failed).toMatch(/input 'cache' must be one of auto, gha, registry, none, got 's3'/)
    expect((await buildPush({ services: 'auth', region: 'us-east-1', platform: 'amd64' })).failed).toMatch(/input 'platform' must be OS\/ARCH/)
    expect((await buildPush({ services: 'auth', region: 'us-east-1', revision: 'main' })).failed).toMatch(/input 'revision' must be a commit SHA/)
    expect((await buildPush({ services: 'auht', region: 'us-east-1' })).failed).toMatch(/unknown service 'auht'; did you mean 'auth'/)
    expect((await buildPush({ services: 'auth', registry: 'acme' })).failed).toMatch(/input 'registry' must be a registry host, optionally with a namespace \(ghcr.io\/acme, .*got 'acme'/)
    expect((await buildPush({ services: 'auth', registry: 'ghcr.io/Acme' })).failed).toMatch(/input 'registry' must be a registry host/)
    expect(shim.calls()).toEqual([])
  })

  it('pushes to another registry than ECR without AWS, and builds with docker build + push where buildx is absent', async () => {
    // An anonymous registry that has no tags yet and answers any manifest by digest (the shim pushes nothing).
    const heads: string[] = []
    const server = createServer((req, res) => {
      heads.push(`${req.method} ${req.url}`)
      const digest = /\/manifests\/(sha256:[0-9a-f]{64})$/.exec(req.url ?? '')?.[1]
      if (!digest) return res.writeHead(404).end()
      const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: { size: 500 }, layers: [{ size: 1500 }] })
      res.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json', 'docker-content-digest': digest }).end(req.method === 'GET' ? manifest : undefined)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const registry = `127.0.0.1:${(server.address() as { port: number }).port}`
    shim.configure({ noBuildx: true })
    try {
      const io = await buildPush({ services: 'auth', registry: `${registry}/team` })
      expect(io.failed).toBeUndefined()
      expect(ecrMock.calls()).toEqual([])
      expect(io.outputs.image).toMatch(new RegExp(`^${registry}/team/invoxa/auth@sha256:[0-9a-f]{64}$`))
      expect(JSON.parse(io.outputs.results!)[0]).toMatchObject({ built: true, builder: 'classic', sizeBytes: 2000 })
      expect(heads[0]).toBe(`HEAD /v2/team/invoxa/auth/manifests/${io.outputs['content-tag']}`)
      expect(shim.calls().map((c) => c.args[0])).toEqual(['buildx', 'build', 'push', 'push'])
      expect(io.summaries[0]).toContain('classic `docker build` + `docker push`')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('refuses credentials of another account than the environment\'s before any ECR call or build', async () => {
    writeFiles(repo.dir, { 'catalog/environments/staging.yaml': 'name: staging\naccount: "222222222222"\nregion: us-east-1\n' })
    const fake = await FakeEcs.start({ account: '111111111111' })
    const sts = new STSClient({ endpoint: fake.endpoint, region: 'us-east-1' })
    try {
      const io = recordingIO({ catalog: join(repo.dir, 'catalog'), services: 'auth', environment: 'staging' }, { GITHUB_SHA: 'abcdef1234567abcdef1234567abcdef12345678' })
      await run(io, { ecr: new ECRClient({ region: 'us-east-1' }), sts, exec })
      expect(io.failed).toMatch(/^credentials are for 111111111111, environment staging is 222222222222 \(the account in .*staging\.yaml\)/)
      expect(ecrMock.calls()).toEqual([])
      expect(shim.calls()).toEqual([])
      fake.callerAccount = '222222222222'
      const matching = recordingIO({ catalog: join(repo.dir, 'catalog'), services: 'auth', environment: 'staging' }, { GITHUB_SHA: 'abcdef1234567abcdef1234567abcdef12345678' })
      await run(matching, { ecr: new ECRClient({ region: 'us-east-1' }), sts, exec })
      expect(matching.failed).toBeUndefined()
      expect(fake.calls.GetCallerIdentity).toBe(2)
    } finally {
      sts.destroy()
      await fake.stop()
    }
  })

  it('declares exactly the inputs and outputs of its contract in action.yml', () => {
    const action = load(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string } }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(action.runs.using).toBe('node24')
  })

  it('finds the bundled templates from source', () => {
    expect(readFileSync(join(BUNDLED_TEMPLATES, 'node.Dockerfile'), 'utf8')).toContain('AS build')
  })
})
