import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '@tierdeploy/catalog'
import { freePort, tempDir, writeFiles } from '@tierdeploy/testkit'
import { spawnExec } from './exec.js'
import { ociImageRegistry, type ImageRegistry } from './image-registry.js'
import { MANIFEST_MEDIA_TYPES, parseChallenge } from './oci-registry.js'

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

// What buildx pushes for one platform with provenance: an OCI index naming the image and its attestation.
const IMAGE = json({ schemaVersion: 2, mediaType: MANIFEST_MEDIA_TYPES[2], config: { size: 1000 }, layers: [{ size: 20_000 }, { size: 300 }] })
const ATTESTATION = json({ schemaVersion: 2, mediaType: MANIFEST_MEDIA_TYPES[2], config: { size: 200 }, layers: [{ size: 9_999_999 }] })
const INDEX = json({
  schemaVersion: 2,
  mediaType: MANIFEST_MEDIA_TYPES[0],
  manifests: [
    { mediaType: MANIFEST_MEDIA_TYPES[2], digest: digestOf(IMAGE), size: IMAGE.length, platform: { architecture: 'amd64', os: 'linux' } },
    { mediaType: MANIFEST_MEDIA_TYPES[2], digest: digestOf(ATTESTATION), size: ATTESTATION.length, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
  ],
})

/**
 * A registry speaking the distribution API with token authentication, as GHCR and Docker Hub do: a request without
 * the right Bearer token gets a 401 challenge naming the token service, which wants Basic credentials `ci:s3cret`.
 */
class TokenRegistry {
  readonly manifests = new Map<string, { mediaType: string; bytes: Buffer }>()
  readonly tokenRequests: string[] = []
  readonly accepts: string[] = []
  private server: Server
  port = 0

  constructor() {
    for (const m of [IMAGE, ATTESTATION]) this.manifests.set(digestOf(m), { mediaType: MANIFEST_MEDIA_TYPES[2], bytes: m })
    this.manifests.set(digestOf(INDEX), { mediaType: MANIFEST_MEDIA_TYPES[0], bytes: INDEX })
    this.manifests.set('tree-abc', this.manifests.get(digestOf(INDEX))!)
    this.server = createServer((req, res) => void this.handle(req).then(({ status, headers = {}, body }) => res.writeHead(status, headers).end(body)))
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as { port: number }).port
    return `127.0.0.1:${this.port}`
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body?: Buffer | string }> {
    const url = new URL(req.url!, `http://${req.headers.host}`)
    if (url.pathname === '/token') {
      this.tokenRequests.push(url.searchParams.get('scope')!)
      if (req.headers.authorization !== `Basic ${Buffer.from('ci:s3cret').toString('base64')}`) return { status: 401, body: '{"errors":[{"code":"UNAUTHORIZED"}]}' }
      return { status: 200, body: JSON.stringify({ token: `tok ${url.searchParams.get('scope')}` }) }
    }
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname)
    if (!m) return { status: 404 }
    const scope = `repository:${m[1]}:${req.method === 'PUT' ? 'pull,push' : 'pull'}`
    if (req.headers.authorization !== `Bearer tok ${scope}`) {
      return { status: 401, headers: { 'www-authenticate': `Bearer realm="http://127.0.0.1:${this.port}/token",service="test-registry",scope="${scope}"` } }
    }
    if (m[1] !== 'team/shop/web') return { status: 404 }
    if (req.method === 'PUT') {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      this.manifests.set(m[2]!, { mediaType: req.headers['content-type']!, bytes: Buffer.concat(chunks) })
      return { status: 201 }
    }
    this.accepts.push(req.headers.accept ?? '')
    const found = this.manifests.get(m[2]!)
    // A registry answers an index only to a client that accepts one (else it converts, or says there is none).
    if (!found || !(req.headers.accept ?? '').includes(found.mediaType)) return { status: 404 }
    const headers = { 'content-type': found.mediaType, 'docker-content-digest': digestOf(found.bytes), 'content-length': String(found.bytes.length) }
    return req.method === 'HEAD' ? { status: 200, headers } : { status: 200, headers, body: found.bytes }
  }
}

let server: TokenRegistry
let home: { dir: string; cleanup: () => void }
let location: string

beforeEach(async () => {
  server = new TokenRegistry()
  location = await server.start()
  home = tempDir()
})
afterEach(async () => {
  await server.stop()
  home.cleanup()
})

function registry(credentials: 'stored' | 'none'): ImageRegistry {
  if (credentials === 'stored') writeFiles(home.dir, { 'config.json': JSON.stringify({ auths: { [location]: { auth: Buffer.from('ci:s3cret').toString('base64') } } }) })
  const warnings: string[] = []
  return ociImageRegistry(`${location}/team`, { exec: spawnExec, log: { ...silentLogger, warning: (w) => warnings.push(w) }, setSecret: () => {}, env: { PATH: process.env.PATH, DOCKER_CONFIG: home.dir } })
}

describe('OCI registry', () => {
  it('finds a content tag by HEAD with the token its Bearer challenge asks for, using docker\'s stored credentials', async () => {
    const oci = registry('stored')
    const repo = await oci.repository('shop/web', { create: false, service: 'web' })
    expect(repo).toEqual({ name: 'team/shop/web', uri: `${location}/team/shop/web`, created: false })
    const found = await oci.findImage(repo, { tag: 'tree-abc' })
    // The index's digest (what was pushed), and the image's compressed size without the attestation.
    expect(found).toEqual({ digest: digestOf(INDEX), sizeBytes: 21_300, tags: ['tree-abc'] })
    expect(server.accepts[0]!.split(', ')).toEqual([...MANIFEST_MEDIA_TYPES])
    // One token per scope, reused for the following requests.
    expect(server.tokenRequests).toEqual(['repository:team/shop/web:pull'])
    expect(await oci.findImage(repo, { tag: 'tree-missing' })).toBeUndefined()
  })

  it('adds the commit tag to a pushed image with a push-scoped token, without pulling it', async () => {
    const oci = registry('stored')
    const repo = await oci.repository('shop/web', { create: false, service: 'web' })
    expect(await oci.addTag(repo, digestOf(INDEX), 'c0ffee0')).toBe(true)
    expect(server.tokenRequests).toContain('repository:team/shop/web:pull,push')
    expect(server.manifests.get('c0ffee0')).toEqual({ mediaType: MANIFEST_MEDIA_TYPES[0], bytes: INDEX })
    expect((await oci.findImage(repo, { tag: 'c0ffee0' }))?.digest).toBe(digestOf(INDEX))
  })

  it('says which registry refused and how to log in when docker has no credentials for it', async () => {
    const oci = registry('none')
    const repo = await oci.repository('shop/web', { create: false, service: 'web' })
    await expect(oci.findImage(repo, { tag: 'tree-abc' })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(new RegExp(`^the registry ${location} refused an anonymous token for repository:team/shop/web:pull \\(HTTP 401\\); log docker in to ${location} first`)),
    })
  })

  it('names the registry it cannot reach', async () => {
    const closed = `127.0.0.1:${await freePort()}`
    const oci = ociImageRegistry(closed, { exec: spawnExec, log: silentLogger, setSecret: () => {}, env: { DOCKER_CONFIG: join(home.dir, 'none') } })
    await expect(oci.findImage({ name: 'shop/web', uri: `${closed}/shop/web`, created: false }, { tag: 't' })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: `could not reach the registry ${closed} (HEAD http://${closed}/v2/shop/web/manifests/t: connect ECONNREFUSED ${closed}); check the registry input and the network`,
    })
  })
})

describe('parseChallenge', () => {
  it('reads the scheme and quoted parameters of a WWW-Authenticate header', () => {
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/web:pull"')).toEqual({ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/web:pull' } })
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({ scheme: 'basic', params: { realm: 'Registry Realm' } })
  })
})
