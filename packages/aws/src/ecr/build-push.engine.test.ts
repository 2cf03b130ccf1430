// build-push against real parts: a Docker daemon and a registry (Debian's docker.io and docker-registry) started by
// this file, real images (FROM scratch with a static busybox) built, pushed, found again by content tag, and run.
// The daemon is shared by the file's tests, which run in order: each builds on the registry state the one before left.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog, silentLogger, systemClock } from '@tierdeploy/catalog'
import { createGitRepo, findExecutable, freePort, startDockerEngine, type DockerEngine, type GitRepo } from '@tierdeploy/testkit'
import { buildPushServices, renderBuildSummary, type BuildPushOptions, type ImageResult } from './build-push.js'
import { detectBuilder } from './buildx.js'
import { spawnExec, type Exec } from './exec.js'
import { MANIFEST_MEDIA_TYPES } from './oci-registry.js'

const CATALOG = `version: 1
platform: shop
tiers:
  - { id: 1, name: core }
services:
  common:
    kind: library
    path: libs/common
  web:
    path: services/web
    tier: 1
    dependsOn: [common]
    build: { context: ".", dockerfile: services/web/Dockerfile }
  worker:
    path: services/worker
    tier: 1
    dependsOn: [common]
    build: { template: node }
`

// The whole repository is web's context: .dockerignore keeps its image (and its content tag) to what it copies.
const DOCKERIGNORE = '*\n!bin/busybox\n!libs/common\n!services/web\n'

// Few instructions: the classic builder commits a layer per instruction, about a second each on vfs.
const serve = (root: string) => `CMD ${JSON.stringify(['/bin/busybox', 'sh', '-c', `exec /bin/busybox httpd -f -p 127.0.0.1:\${PORT:-8080} -h ${root}`])}`

const WEB_DOCKERFILE = `FROM scratch
COPY . /
${serve('/services/web/www')}
`

// The bundled templates start FROM node or python, which cannot be pulled here; this stand-in keeps their contract
// (the service directory is the context, the template's text is part of the content tag) on a scratch base.
const SCRATCH_TEMPLATE = `FROM scratch
COPY . /
${serve('/www')}
`

let engine: DockerEngine
let repo: GitRepo
let templatesDir: string
let exec: Exec
const runs: ImageResult[][] = []

beforeAll(async () => {
  engine = await startDockerEngine()
  const busybox = findExecutable('busybox')!
  repo = createGitRepo()
  // The library is in web's image (web's context is the repository), not in worker's (its template builds its
  // directory alone), but it is a build input of both: changing it rebuilds both.
  for (const dir of ['bin', 'services/worker/bin']) {
    mkdirSync(join(repo.dir, dir), { recursive: true })
    copyFileSync(busybox, join(repo.dir, dir, 'busybox'))
  }
  repo.commit('initial', {
    'catalog/services.yaml': CATALOG,
    '.dockerignore': DOCKERIGNORE,
    'README.md': '# shop\n',
    'libs/common/VERSION': '1\n',
    'services/web/Dockerfile': WEB_DOCKERFILE,
    'services/web/www/health': 'web ok\n',
    'services/worker/www/health': 'worker ok\n',
  })
  templatesDir = mkdtempSync(join(tmpdir(), 'tierdeploy-templates-'))
  writeFileSync(join(templatesDir, 'node.Dockerfile'), SCRATCH_TEMPLATE)
  exec = (file, args, options) => spawnExec(file, args, { ...options, env: engine.env })
}, 60_000)

afterAll(async () => {
  await engine?.stop()
  repo?.cleanup()
  if (templatesDir) rmSync(templatesDir, { recursive: true, force: true })
}, 60_000)

async function buildAll(): Promise<ImageResult[]> {
  const { catalog } = await loadCatalog({ dir: join(repo.dir, 'catalog') })
  const options: BuildPushOptions = { revision: repo.sha(), cache: 'registry', platform: 'linux/amd64', provenance: 'mode=min', templatesDir, registry: engine.registry }
  const results = await buildPushServices(catalog, ['web', 'worker'].map((n) => catalog.services.get(n)!), options, { exec, clock: systemClock, log: silentLogger, setSecret: () => {}, env: engine.env })
  runs.push(results)
  return results
}

/** What the registry itself says a tag is: its HEAD answer's Docker-Content-Digest. */
async function registryDigest(repository: string, reference: string): Promise<string | null> {
  const response = await fetch(`http://${engine.registry}/v2/${repository}/manifests/${reference}`, { method: 'HEAD', headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') } })
  return response.status === 200 ? response.headers.get('docker-content-digest') : null
}

const byService = (results: ImageResult[]) => Object.fromEntries(results.map((r) => [r.service, r]))
const built = (results: ImageResult[]) => results.filter((r) => r.built).map((r) => r.service)

describe('build-push with a real Docker engine and registry', { timeout: 120_000 }, () => {
  it('builds and pushes both services and reports the digests the registry has', async () => {
    const results = await buildAll()
    expect(built(results)).toEqual(['web', 'worker'])
    const builder = await detectBuilder({ exec, env: engine.env })
    for (const r of results) {
      expect(r.builder).toBe(builder)
      expect(r.repository).toBe(`${engine.registry}/shop/${r.service}`)
      expect(r.image).toBe(`${r.repository}@${r.digest}`)
      expect(await registryDigest(`shop/${r.service}`, r.contentTag)).toBe(r.digest)
      expect(await registryDigest(`shop/${r.service}`, repo.sha())).toBe(r.digest)
      // busybox alone is about 1 MB compressed: the size is the pushed layers', not a manifest's.
      expect(r.sizeBytes).toBeGreaterThan(500_000)
    }
    expect(byService(results).worker!.dockerfile).toBe('template:node')
    expect(results[0]!.digest).not.toBe(results[1]!.digest)
    expect(renderBuildSummary(results)).toContain(builder === 'classic' ? 'classic `docker build` + `docker push`' : '`docker buildx build --push`')
  })

  it('builds nothing when nothing the images are built from changed, and returns the same digests', async () => {
    repo.commit('docs only', { 'README.md': '# shop, the docs changed\n' })
    const results = await buildAll()
    expect(built(results)).toEqual([])
    expect(results.map((r) => r.digest)).toEqual(runs[0]!.map((r) => r.digest))
    // The reused image also gets this commit's tag, added in the registry without a pull.
    for (const r of results) expect(await registryDigest(`shop/${r.service}`, repo.sha())).toBe(r.digest)
  })

  it("rebuilds exactly the service whose file changed", async () => {
    repo.commit('worker health text', { 'services/worker/www/health': 'worker ok, v2\n' })
    const results = await buildAll()
    expect(built(results)).toEqual(['worker'])
    const before = byService(runs[1]!)
    const now = byService(results)
    expect(now.web!.digest).toBe(before.web!.digest)
    expect(now.worker!.digest).not.toBe(before.worker!.digest)
    expect(await registryDigest('shop/worker', now.worker!.contentTag)).toBe(now.worker!.digest)
  })

  it('rebuilds both services when the library they depend on changes', async () => {
    repo.commit('library', { 'libs/common/VERSION': '2\n' })
    const results = await buildAll()
    expect(built(results)).toEqual(['web', 'worker'])
    const before = byService(runs[2]!)
    for (const r of results) expect(r.digest).not.toBe(before[r.service]!.digest)
  })

  it('runs what it built: the pushed image, pulled by digest, answers its health endpoint', async () => {
    const web = byService(runs.at(-1)!).web!
    const port = await freePort()
    // --pull always: the image comes from the registry by its digest, not from the daemon's build cache.
    const started = await exec('docker', ['run', '--detach', '--rm', '--pull', 'always', '--network', 'host', '--env', `PORT=${port}`, web.image])
    expect(started.stderr).not.toMatch(/error/i)
    expect(started.exitCode).toBe(0)
    const container = started.stdout.trim()
    try {
      let answer: { status: number; body: string } | undefined
      for (let attempt = 0; attempt < 50 && answer?.status !== 200; attempt++) {
        answer = await fetch(`http://127.0.0.1:${port}/health`).then(async (r) => ({ status: r.status, body: await r.text() }), () => undefined)
        if (answer?.status !== 200) await new Promise((r) => setTimeout(r, 100))
      }
      expect(answer).toEqual({ status: 200, body: 'web ok\n' })
    } finally {
      await exec('docker', ['rm', '--force', container])
    }
  })
})
