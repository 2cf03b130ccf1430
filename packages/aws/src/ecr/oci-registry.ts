import { createHash } from 'node:crypto'
import { ConfigurationError } from '@tierdeploy/catalog'
import type { StoredImage } from './registry.js'

/**
 * Every manifest type an image can be pushed as, so the registry answers a tag with the manifest actually pushed:
 * a registry that is not offered the index or list media types converts or refuses, and then reports another digest.
 */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const

const INDEX_TYPES = new Set<string>([MANIFEST_MEDIA_TYPES[0], MANIFEST_MEDIA_TYPES[1]])

export interface RegistryCredentials {
  username: string
  password: string
}

export interface OciRegistryDeps {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch
  /** Asked once, on the registry's first challenge; undefined means anonymous. */
  credentials: () => Promise<RegistryCredentials | undefined>
}

/** Where the registry's HTTP API is for an image host: loopback registries speak plain HTTP, as docker allows them to. */
export function registryApiBase(host: string): string {
  if (host === 'docker.io' || host === 'index.docker.io') return 'https://registry-1.docker.io'
  const hostname = host.replace(/:\d+$/, '')
  const loopback = hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]'
  return `${loopback ? 'http' : 'https'}://${host}`
}

interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/n:pull"` -> scheme and parameters. */
export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ')
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase()
  const params: Record<string, string> = {}
  for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!
  }
  return { scheme, params }
}

/**
 * The distribution API (`/v2/`) of one registry: GHCR, Docker Hub, a self-hosted `registry:2`, and any other OCI
 * registry. Authentication follows the registry's own challenge: a 401 names Basic or a Bearer token service, which
 * is asked for a token scoped to the repository (with the stored credentials, or anonymously when there are none).
 */
export class OciRegistryClient {
  private readonly base: string
  private readonly doFetch: typeof fetch
  private readonly tokens = new Map<string, string>()
  private credentials: Promise<RegistryCredentials | undefined> | undefined

  constructor(readonly host: string, private readonly deps: OciRegistryDeps) {
    this.base = registryApiBase(host)
    this.doFetch = deps.fetch ?? fetch
  }

  /** The tag's or digest's manifest digest and media type (HEAD), or undefined when the registry has none. */
  async headManifest(repository: string, reference: string): Promise<{ digest: string; mediaType: string } | undefined> {
    const response = await this.request('HEAD', repository, `manifests/${reference}`, { accept: MANIFEST_MEDIA_TYPES.join(', ') })
    if (response.status === 404) return undefined
    await this.expectOk(response, `HEAD ${repository} manifest ${reference}`)
    const mediaType = response.headers.get('content-type') ?? ''
    const digest = response.headers.get('docker-content-digest')
    if (digest && /^sha256:[0-9a-f]{64}$/.test(digest)) return { digest, mediaType }
    // Some registries leave the digest header off a HEAD: the digest is the hash of the manifest's bytes.
    const manifest = await this.getManifest(repository, reference)
    return manifest && { digest: manifest.digest, mediaType: manifest.mediaType }
  }

  /** The manifest's exact bytes (what its digest is computed over), or undefined when absent. */
  async getManifest(repository: string, reference: string): Promise<{ digest: string; mediaType: string; bytes: Buffer } | undefined> {
    const response = await this.request('GET', repository, `manifests/${reference}`, { accept: MANIFEST_MEDIA_TYPES.join(', ') })
    if (response.status === 404) return undefined
    await this.expectOk(response, `GET ${repository} manifest ${reference}`)
    const bytes = Buffer.from(await response.arrayBuffer())
    return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, mediaType: response.headers.get('content-type') ?? '', bytes }
  }

  /** Stores `bytes` (a manifest already in the repository) under another tag: tagging without pulling. */
  async putManifest(repository: string, tag: string, manifest: { mediaType: string; bytes: Buffer }): Promise<void> {
    const response = await this.request('PUT', repository, `manifests/${tag}`, { 'content-type': manifest.mediaType }, manifest.bytes, true)
    await this.expectOk(response, `PUT ${repository} manifest ${tag}`)
  }

  /** The image's compressed size as stored: config and layers of each platform's manifest (attestations left out). */
  async imageSize(repository: string, digest: string): Promise<number | undefined> {
    const manifest = await this.getManifest(repository, digest)
    if (!manifest) return undefined
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as ManifestJson
    if (!INDEX_TYPES.has(manifest.mediaType) && !parsed.manifests) return sizeOf(parsed)
    let total = 0
    for (const child of parsed.manifests ?? []) {
      if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue
      const image = await this.getManifest(repository, child.digest)
      if (image) total += sizeOf(JSON.parse(image.bytes.toString('utf8')) as ManifestJson)
    }
    return total
  }

  private async request(method: string, repository: string, path: string, headers: Record<string, string>, body?: Buffer, push = false): Promise<Response> {
    const url = `${this.base}/v2/${repository}/${path}`
    const scope = `repository:${repository}:${push ? 'pull,push' : 'pull'}`
    const send = (authorization?: string): Promise<Response> =>
      this.doFetch(url, { method, headers: { ...headers, ...(authorization ? { authorization } : {}) }, ...(body ? { body: new Uint8Array(body) } : {}) }).catch((e: unknown) => {
        throw new ConfigurationError(`could not reach the registry ${this.host} (${method} ${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}); check the registry input and the network`)
      })
    const cached = this.tokens.get(scope)
    const first = await send(cached)
    if (first.status !== 401) return first
    const header = first.headers.get('www-authenticate')
    if (!header) return first
    const authorization = await this.authorize(parseChallenge(header), scope)
    if (!authorization) return first
    this.tokens.set(scope, authorization)
    return send(authorization)
  }

  /** The Authorization header the challenge asks for, or undefined when there is nothing better to send. */
  private async authorize(challenge: Challenge, scope: string): Promise<string | undefined> {
    const credentials = await (this.credentials ??= this.deps.credentials())
    const basic = credentials && `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
    if (challenge.scheme === 'basic') return basic
    if (challenge.scheme !== 'bearer' || !challenge.params.realm) return undefined
    const tokenUrl = new URL(challenge.params.realm)
    if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service)
    tokenUrl.searchParams.set('scope', scope)
    const response = await this.doFetch(tokenUrl, { headers: basic ? { authorization: basic } : {} }).catch((e: unknown) => {
      throw new ConfigurationError(`could not reach the token service ${tokenUrl.origin} of the registry ${this.host} (${(e as Error).message})`)
    })
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(`the registry ${this.host} refused ${credentials ? `the credentials of ${credentials.username}` : 'an anonymous token'} for ${scope} (HTTP ${response.status}); ${loginAdvice(this.host)}`)
    }
    if (!response.ok) throw new Error(`token service ${tokenUrl.origin} of ${this.host} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`)
    const json = (await response.json()) as { token?: string; access_token?: string }
    const token = json.token ?? json.access_token
    if (!token) throw new Error(`token service ${tokenUrl.origin} of ${this.host} returned no token`)
    return `Bearer ${token}`
  }

  private async expectOk(response: Response, what: string): Promise<void> {
    if (response.ok) return
    const text = (await response.text().catch(() => '')).slice(0, 300)
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(`the registry ${this.host} refused ${what} (HTTP ${response.status}${text ? `: ${text}` : ''}); ${loginAdvice(this.host)}`)
    }
    throw new Error(`the registry ${this.host} answered ${what} with HTTP ${response.status}${text ? `: ${text}` : ''}`)
  }
}

interface ManifestJson {
  config?: { size?: number }
  layers?: { size?: number }[]
  manifests?: { digest: string; annotations?: Record<string, string> }[]
}

const sizeOf = (m: ManifestJson): number => (m.config?.size ?? 0) + (m.layers ?? []).reduce((sum, l) => sum + (l.size ?? 0), 0)

function loginAdvice(host: string): string {
  return host === 'ghcr.io'
    ? 'give the job `permissions: packages: write` (GITHUB_TOKEN is used for ghcr.io) or run docker/login-action for ghcr.io first'
    : `log docker in to ${host} first (docker/login-action, or docker login ${host})`
}

/** findImage for an OCI registry: the same answer ECR's DescribeImages gives (digest, stored size, this tag). */
export async function findOciImage(client: OciRegistryClient, repository: string, id: { tag: string } | { digest: string }): Promise<StoredImage | undefined> {
  const reference = 'tag' in id ? id.tag : id.digest
  const found = await client.headManifest(repository, reference)
  if (!found) return undefined
  const sizeBytes = await client.imageSize(repository, found.digest)
  return { digest: found.digest, ...(sizeBytes !== undefined ? { sizeBytes } : {}), tags: 'tag' in id ? [id.tag] : [] }
}
