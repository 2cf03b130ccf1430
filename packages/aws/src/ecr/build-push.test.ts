import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mockClient } from 'aws-sdk-client-mock'
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  PutImageCommand,
} from '@aws-sdk/client-ecr'
import { silentLogger, type Clock } from '@tierdeploy/catalog'
import { installDockerShim, type DockerShim } from '@tierdeploy/testkit'
import { buildPushServices, imagesMap, renderBuildSummary, type BuildPushOptions } from './build-push.js'
import { computeContentTag } from './content-tag.js'
import { resolveBuildSource } from './build-source.js'
import { spawnExec, type Exec } from './exec.js'
import { createTestRepo, type TestRepo } from './test-repo.js'

const TEMPLATES = join(import.meta.dirname, '../../../../templates/docker')
const REGISTRY = '111111111111.dkr.ecr.ca-central-1.amazonaws.com'
const PASSWORD = 'ecr-password-eyJwYXlsb2FkIjoi'
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const uri = (name: string) => `${REGISTRY}/${name}`
const notFound = (name: string, message = 'not found') => Object.assign(new Error(message), { name })

const ecrMock = mockClient(ECRClient)
let repo: TestRepo
let shim: DockerShim
let secrets: string[]
let exec: Exec
let time = 0
const clock: Clock = { now: () => time, sleep: async (ms) => { time += ms } }

const options: BuildPushOptions = { revision: 'c0ffee0000000000000000000000000000000000', sourceUrl: 'https://github.com/acme/invoxa', cache: 'registry', platform: 'linux/amd64', provenance: 'mode=min', templatesDir: TEMPLATES }

function existingRepositories(...names: string[]): void {
  ecrMock.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => {
    const name = input.repositoryNames[0]!
    if (!names.includes(name)) throw notFound('RepositoryNotFoundException', `The repository with name '${name}' does not exist`)
    return { repositories: [{ repositoryName: name, repositoryUri: uri(name) }] }
  })
}

beforeEach(() => {
  ecrMock.reset()
  repo = createTestRepo()
  shim = installDockerShim()
  secrets = []
  exec = (file, args, o) => spawnExec(file, args, { ...o, env: shim.env })
  ecrMock.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${REGISTRY}` }] })
  ecrMock.on(DescribeImagesCommand).callsFake((input: { imageIds: { imageTag?: string; imageDigest?: string }[] }) => {
    const id = input.imageIds[0]!
    if (id.imageTag) throw notFound('ImageNotFoundException', `The image with imageId {imageTag:'${id.imageTag}'} does not exist`)
    return { imageDetails: [{ imageDigest: id.imageDigest, imageSizeInBytes: 52_428_800, imageTags: [] }] }
  })
})
afterEach(() => {
  repo.cleanup()
  shim.cleanup()
})

async function build(names: string[], opts: Partial<BuildPushOptions> = {}) {
  const catalog = await repo.catalog()
  return buildPushServices(catalog, names.map((n) => catalog.services.get(n)!), { ...options, ...opts }, { ecr: new ECRClient({}), exec, clock, log: silentLogger, setSecret: (s) => secrets.push(s) })
}

describe('buildPushServices', () => {
  it('logs in with the password on stdin, builds with buildx and returns repository@digest from the metadata file', async () => {
    existingRepositories('invoxa/invoice')
    const [result] = await build(['invoice'])
    const calls = shim.calls()
    expect(calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['login --username', 'buildx version', 'buildx build'])
    const [login, , buildx] = calls as [(typeof calls)[0], (typeof calls)[0], (typeof calls)[0]]
    expect(login.args).toEqual(['login', '--username', 'AWS', '--password-stdin', REGISTRY])
    expect(login.stdin).toBe(PASSWORD)
    for (const call of calls) expect(call.args.join(' ')).not.toContain(PASSWORD)
    expect(secrets).toEqual(expect.arrayContaining([TOKEN, PASSWORD]))

    const args = buildx.args
    const tags = args.flatMap((a, i) => (args[i - 1] === '--tag' ? [a] : []))
    expect(tags).toHaveLength(2)
    expect(tags[0]).toMatch(new RegExp(`^${uri('invoxa/invoice')}:tree-[0-9a-f]{40}$`))
    expect(tags[1]).toBe(`${uri('invoxa/invoice')}:${options.revision}`)
    expect(args).toEqual(expect.arrayContaining(['--push', '--provenance=mode=min', '--label', 'org.opencontainers.image.source=https://github.com/acme/invoxa', '--label', `org.opencontainers.image.revision=${options.revision}`]))
    expect(args[args.indexOf('--file') + 1]).toBe(join(repo.root, 'services/invoice/Dockerfile'))
    expect(args.at(-1)).toBe(join(repo.root, 'services/invoice'))
    expect(args[args.indexOf('--cache-from') + 1]).toBe(`type=registry,ref=${uri('invoxa/invoice')}-cache:buildcache`)

    const metadataFile = args[args.indexOf('--metadata-file') + 1]!
    expect(existsSync(metadataFile)).toBe(false) // the temp dir is cleaned up
    expect(result!.image).toMatch(new RegExp(`^${uri('invoxa/invoice')}@sha256:[0-9a-f]{64}$`))
    expect(result).toMatchObject({ service: 'invoice', built: true, sizeBytes: 52_428_800, contentTag: tags[0]!.split(':').at(-1) })
    expect(imagesMap([result!])).toEqual({ invoice: result!.image })
  })

  it('reuses the image ECR already has under the content tag: no login, no build, the commit tag added', async () => {
    existingRepositories('invoxa/invoice')
    const catalog = await repo.catalog()
    const source = resolveBuildSource(catalog, catalog.services.get('invoice')!, (p) => existsSync(join(repo.root, p)))
    const { tag } = await computeContentTag(source, { exec: spawnExec, root: repo.root, platform: options.platform })
    const digest = `sha256:${'a'.repeat(64)}`
    ecrMock.on(DescribeImagesCommand, { repositoryName: 'invoxa/invoice', imageIds: [{ imageTag: tag }] }).resolves({ imageDetails: [{ imageDigest: digest, imageSizeInBytes: 1234, imageTags: [tag, 'oldsha'] }] })
    ecrMock.on(BatchGetImageCommand).resolves({ images: [{ imageManifest: '{"schemaVersion":2}', imageManifestMediaType: 'application/vnd.oci.image.index.v1+json' }] })
    ecrMock.on(PutImageCommand).resolves({})
    const [result] = await build(['invoice'])
    expect(shim.calls()).toEqual([])
    expect(result).toMatchObject({ built: false, digest, image: `${uri('invoxa/invoice')}@${digest}`, tags: [tag, options.revision], sizeBytes: 1234 })
    expect(ecrMock.commandCalls(PutImageCommand)[0]!.args[0].input).toMatchObject({ repositoryName: 'invoxa/invoice', imageTag: options.revision, imageDigest: digest, imageManifest: '{"schemaVersion":2}' })
    expect(renderBuildSummary([result!])).toContain('| invoice | reused |')
  })

  it('builds a service without a Dockerfile from the bundled template, and logs in once for several services', async () => {
    existingRepositories('invoxa/invoice', 'invoxa-payments')
    const results = await build(['payment', 'invoice'])
    const calls = shim.calls()
    expect(calls.filter((c) => c.args[0] === 'login')).toHaveLength(1)
    // The builder is probed once per run, not per service.
    expect(calls.filter((c) => c.args.join(' ') === 'buildx version')).toHaveLength(1)
    const paymentBuild = calls.find((c) => c.args.includes(join(repo.root, 'services/payment')))!.args
    expect(paymentBuild[paymentBuild.indexOf('--file') + 1]).toBe(join(TEMPLATES, 'python.Dockerfile'))
    expect(paymentBuild).toEqual(expect.arrayContaining(['--build-arg', 'APP_MODULE=wsgi:app']))
    expect(results.map((r) => [r.service, r.dockerfile])).toEqual([['payment', 'template:python'], ['invoice', 'services/invoice/Dockerfile']])
    expect(new Set(results.map((r) => r.digest)).size).toBe(2)
    const summary = renderBuildSummary(results)
    expect(summary).toContain('2 built, 0 reused')
    expect(summary).toContain('| payment | built |')
    expect(summary).toContain('50.0 MiB')
  })

  it('uses a per-service GitHub Actions cache scope when asked', async () => {
    existingRepositories('invoxa/invoice')
    await build(['invoice'], { cache: 'gha' })
    const buildxBuilds = () => shim.calls().filter((c) => c.args[0] === 'buildx' && c.args[1] === 'build')
    expect(buildxBuilds()[0]!.args).toEqual(expect.arrayContaining(['--cache-from', 'type=gha,scope=invoice', '--cache-to', 'type=gha,scope=invoice,mode=max']))
    await build(['invoice'], { cache: 'none' })
    expect(buildxBuilds()[1]!.args).not.toContain('--cache-from')
  })

  it('creates the repository only when the catalog allows it', async () => {
    existingRepositories()
    ecrMock.on(CreateRepositoryCommand).resolves({ repository: { repositoryName: 'invoxa/auth', repositoryUri: uri('invoxa/auth') } })
    const [auth] = await build(['auth'])
    expect(auth!.repository).toBe(uri('invoxa/auth'))
    expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]!.args[0].input).toMatchObject({ repositoryName: 'invoxa/auth', imageScanningConfiguration: { scanOnPush: true } })
    await expect(build(['invoice'])).rejects.toThrow(/ECR repository 'invoxa\/invoice' of invoice does not exist: .*ecr.create: true/)
  })

  it('turns an IAM refusal into a configuration error naming the permission', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound('AccessDeniedException', 'User is not authorized to perform: ecr:DescribeRepositories'))
    await expect(build(['invoice'])).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/grant the deploy role ecr:DescribeRepositories/) })
  })

  it('names ECR when its endpoint cannot be reached, and docker when it is not installed', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))
    await expect(build(['invoice'])).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/^could not reach AWS ECR for ecr:DescribeRepositories on repository invoxa\/invoice \(.*ECONNREFUSED.*\): check the network/) })
    await expect(spawnExec('tierdeploy-no-such-program', [])).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/^tierdeploy-no-such-program is not installed or not on PATH/) })
  })

  it('fails with the command and the end of the build log when buildx fails', async () => {
    existingRepositories('invoxa/invoice')
    shim.configure({ buildError: 'process "/bin/sh -c npm run build" did not complete successfully: exit code: 2' })
    await expect(build(['invoice'])).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/docker buildx build failed for invoice \(exit 1\): docker buildx build --file .*\n[\s\S]*npm run build/) })
  })

  it('falls back to docker build + docker push where buildx is absent, with the same outputs and the reason in the summary', async () => {
    existingRepositories('invoxa/invoice')
    shim.configure({ noBuildx: true })
    const warnings: string[] = []
    const catalog = await repo.catalog()
    const [result] = await buildPushServices(catalog, [catalog.services.get('invoice')!], options, { ecr: new ECRClient({}), exec, clock, log: { ...silentLogger, warning: (m) => warnings.push(m) }, setSecret: () => {} })
    const calls = shim.calls().map((c) => c.args)
    expect(calls.map((a) => a[0])).toEqual(['login', 'buildx', 'build', 'push', 'push'])
    const buildArgs = calls[2]!
    expect(buildArgs).not.toEqual(expect.arrayContaining(['--push']))
    expect(buildArgs.join(' ')).not.toMatch(/--provenance|--cache-from|--metadata-file/)
    expect(buildArgs).toEqual(expect.arrayContaining(['--file', join(repo.root, 'services/invoice/Dockerfile'), '--platform', 'linux/amd64', '--label', `org.opencontainers.image.revision=${options.revision}`]))
    expect(buildArgs.at(-1)).toBe(join(repo.root, 'services/invoice'))
    const tags = buildArgs.flatMap((a, i) => (buildArgs[i - 1] === '--tag' ? [a] : []))
    expect(calls.slice(3)).toEqual(tags.map((t) => ['push', t]))
    // The digest is the one docker push printed (the shim derives it from the repository).
    expect(result).toMatchObject({ built: true, builder: 'classic', image: expect.stringMatching(new RegExp(`^${uri('invoxa/invoice')}@sha256:[0-9a-f]{64}$`)) })
    expect(ecrMock.commandCalls(DescribeImagesCommand).at(-1)!.args[0].input).toMatchObject({ imageIds: [{ imageDigest: result!.digest }] })
    expect(warnings).toEqual([expect.stringMatching(/no buildx .*docker build \+ docker push \(no registry layer cache .*, no provenance attestation\)/)])
    expect(renderBuildSummary([result!])).toMatch(/classic `docker build` \+ `docker push`.*no registry or GitHub Actions layer cache.*no provenance attestation.*one platform/)
    await expect(build(['invoice'], { platform: 'linux/amd64,linux/arm64' })).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/several platforms, which only buildx builds/) })
  })

  it('fails clearly when docker login is refused or buildx writes no metadata', async () => {
    existingRepositories('invoxa/invoice')
    shim.configure({ loginError: 'denied: Your authorization token has expired' })
    await expect(build(['invoice'])).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/docker login --username AWS --password-stdin .* failed \(exit 1\): .*token has expired/) })
    shim.configure({ skipMetadata: true })
    await expect(build(['invoice'])).rejects.toThrow(/wrote no readable metadata file/)
  })
})

describe('bundled templates are where build-push looks for them', () => {
  it('has node and python', () => {
    expect(readFileSync(join(TEMPLATES, 'node.Dockerfile'), 'utf8')).toContain('FROM node:')
    expect(readFileSync(join(TEMPLATES, 'python.Dockerfile'), 'utf8')).toContain('FROM python:')
  })
})
