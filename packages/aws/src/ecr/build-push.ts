import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { Catalog, Clock, Logger, Service } from '@tierdeploy/catalog'
import { resolveBuildSource, type TemplateName } from './build-source.js'
import { buildAndPushImage, detectBuilder, type BuilderKind, type BuildxRequest, type CacheMode } from './buildx.js'
import { classicBuildAndPush, classicBuilderLimits } from './classic-build.js'
import { computeContentTag } from './content-tag.js'
import type { Exec } from './exec.js'
import { mapWithConcurrency } from '../ecs/concurrency.js'
import { imageRegistryFor, type ImageRegistry } from './image-registry.js'

export interface BuildPushOptions {
  /** Commit the image is built from: the second tag and the OCI revision label. */
  revision: string
  /** Repository web URL for the OCI source label (https://github.com/OWNER/REPO). */
  sourceUrl?: string
  cache: CacheMode
  platform: string
  provenance: string
  /** Directory holding the bundled templates (node.Dockerfile, python.Dockerfile). */
  templatesDir: string
  /**
   * `HOST[/NAMESPACE]` of an OCI registry to push to (`ghcr.io/acme`, `127.0.0.1:5000`); undefined for the ECR
   * registry of the AWS credentials' account. Repositories are `REGISTRY/REPOSITORY` (catalog `ecr.repository`, else
   * PLATFORM/SERVICE).
   */
  registry?: string
}

export interface BuildPushEffects {
  /** Needed when the registry is ECR (no `registry` option, or an ECR host). */
  ecr?: ECRClient
  exec: Exec
  clock: Clock
  log: Logger
  setSecret: (value: string) => void
  /** Environment docker runs with (the GitHub Actions cache needs the runner's ACTIONS_* variables). */
  env?: NodeJS.ProcessEnv
  /** For an OCI registry's API; defaults to the global fetch. */
  fetch?: typeof fetch
}

export interface ImageResult {
  service: string
  repository: string
  digest: string
  /** `repository@sha256:...`: what ecs-deploy deploys; never a mutable tag. */
  image: string
  contentTag: string
  tags: string[]
  /** false when the registry already had the content tag and nothing was built. */
  built: boolean
  /** Which builder built it (absent when reused). */
  builder?: BuilderKind
  sizeBytes?: number
  seconds: number
  /** The Dockerfile used, repository-relative, or `template:node`. */
  dockerfile: string
}

export function templatePath(templatesDir: string, template: TemplateName): string {
  return join(templatesDir, `${template}.Dockerfile`)
}

/** What one run shares between its services: the registry (one login) and the builder (one probe). */
interface RunContext {
  registry: ImageRegistry
  builder: () => Promise<BuilderKind>
}

/**
 * Builds and pushes each service's image once. The image is tagged by its content (see computeContentTag);
 * when the registry already has that tag the existing digest is returned and nothing is built. docker logs in,
 * and is probed for buildx, only when something has to be built.
 */
export async function buildPushServices(catalog: Catalog, services: Service[], options: BuildPushOptions, effects: BuildPushEffects): Promise<ImageResult[]> {
  const registry = imageRegistryFor(options.registry, effects)
  let builder: Promise<BuilderKind> | undefined
  const run: RunContext = {
    registry,
    builder: () =>
      (builder ??= detectBuilder(effects).then((kind) => {
        const limits = kind === 'classic' ? classicBuilderLimits(options) : []
        if (kind === 'classic') effects.log.warning(`docker has no buildx on this runner: building with docker build + docker push${limits.length ? ` (${limits.join(', ')})` : ''}`)
        return kind
      })),
  }
  const results: ImageResult[] = []
  for (const service of services) results.push(await buildPushService(catalog, service, options, effects, run))
  return results
}

/** What a service's image is built from, and the content tag naming it (the same for finding and for building). */
async function contentOf(catalog: Catalog, service: Service, options: Pick<BuildPushOptions, 'platform' | 'templatesDir'>, effects: Pick<BuildPushEffects, 'exec' | 'log'>) {
  const source = resolveBuildSource(catalog, service, (p) => existsSync(join(catalog.root, p)))
  const templateFile = source.template ? templatePath(options.templatesDir, source.template) : undefined
  let templateText: string | undefined
  if (templateFile) {
    try {
      templateText = readFileSync(templateFile, 'utf8')
    } catch {
      throw new Error(`bundled template ${templateFile} is missing: the action's checkout is incomplete`)
    }
  }
  const content = await computeContentTag(source, { exec: effects.exec, root: catalog.root, platform: options.platform, ...(templateText !== undefined ? { templateText } : {}) })
  effects.log.debug(`${service.name}: content ${content.parts.map((p) => `${p.path || '.'}=${p.object.slice(0, 12)}`).join(' ')}`)
  return { source, templateFile, content }
}

/** Which images already exist, by content tag, and which services must be built. */
export interface FoundImages {
  /** Services whose image exists: the same result a build-push run that reused it would give (no revision tag added). */
  found: ImageResult[]
  /** Services to build, in the order given. */
  missing: string[]
}

/**
 * Looks up each service's image by its content tag without building, creating a repository or adding a tag: read-only,
 * so the deploy's plan job can run it with the build role and start build jobs only for the images that are missing.
 * One lookup per repository (each service has its own), 10 at a time.
 */
export async function findBuiltImages(catalog: Catalog, services: Service[], options: Pick<BuildPushOptions, 'platform' | 'templatesDir' | 'registry'>, effects: BuildPushEffects): Promise<FoundImages> {
  const registry = imageRegistryFor(options.registry, effects)
  const looked = await mapWithConcurrency(services, 10, async (service): Promise<ImageResult | string> => {
    const started = effects.clock.now()
    const { source, content } = await contentOf(catalog, service, options, effects)
    const repo = await registry.existingRepository(source.repository, service.name)
    const existing = repo && (await registry.findImage(repo, { tag: content.tag }))
    if (!repo || !existing) {
      effects.log.info(`${service.name}: no image ${repo?.uri ?? source.repository}:${content.tag} yet; to build`)
      return service.name
    }
    effects.log.info(`${service.name}: ${repo.uri}:${content.tag} exists (${existing.digest}); no build`)
    return {
      service: service.name,
      repository: repo.uri,
      digest: existing.digest,
      image: `${repo.uri}@${existing.digest}`,
      contentTag: content.tag,
      tags: [content.tag],
      built: false,
      ...(existing.sizeBytes !== undefined ? { sizeBytes: existing.sizeBytes } : {}),
      seconds: (effects.clock.now() - started) / 1000,
      dockerfile: source.dockerfile ?? `template:${source.template}`,
    }
  })
  return { found: looked.filter((r): r is ImageResult => typeof r !== 'string'), missing: looked.filter((r): r is string => typeof r === 'string') }
}

async function buildPushService(catalog: Catalog, service: Service, options: BuildPushOptions, effects: BuildPushEffects, run: RunContext): Promise<ImageResult> {
  const { registry } = run
  const started = effects.clock.now()
  const { log } = effects
  const { source, templateFile, content } = await contentOf(catalog, service, options, effects)
  const repo = await registry.repository(source.repository, { create: source.createRepository, service: service.name })
  const revisionTag = options.revision
  const done = (digest: string, built: BuilderKind | false, sizeBytes: number | undefined, tags: string[]): ImageResult => ({
    service: service.name,
    repository: repo.uri,
    digest,
    image: `${repo.uri}@${digest}`,
    contentTag: content.tag,
    tags,
    built: built !== false,
    ...(built !== false ? { builder: built } : {}),
    ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    seconds: (effects.clock.now() - started) / 1000,
    dockerfile: source.dockerfile ?? `template:${source.template}`,
  })

  const existing = await registry.findImage(repo, { tag: content.tag })
  if (existing) {
    log.info(`${service.name}: ${repo.uri}:${content.tag} already exists (${existing.digest}); nothing to build`)
    const tags = [content.tag]
    if (revisionTag && (existing.tags.includes(revisionTag) || (await registry.addTag(repo, existing.digest, revisionTag)))) tags.push(revisionTag)
    return done(existing.digest, false, existing.sizeBytes, tags)
  }

  await registry.login()
  const builder = await run.builder()
  const workDir = mkdtempSync(join(tmpdir(), 'tierdeploy-build-'))
  try {
    const tags = [content.tag, ...(revisionTag ? [revisionTag] : [])]
    const request: BuildxRequest = {
      service: service.name,
      context: join(catalog.root, source.context),
      dockerfile: templateFile ?? join(catalog.root, source.dockerfile!),
      tags: tags.map((t) => `${repo.uri}:${t}`),
      repositoryUri: repo.uri,
      labels: {
        ...(options.sourceUrl ? { 'org.opencontainers.image.source': options.sourceUrl } : {}),
        ...(options.revision ? { 'org.opencontainers.image.revision': options.revision } : {}),
        'org.opencontainers.image.title': service.name,
      },
      args: source.args,
      platform: options.platform,
      provenance: options.provenance,
      cache: options.cache,
      workDir,
    }
    const dockerDeps = { exec: effects.exec, onLine: (line: string) => log.info(`[${service.name}] ${line}`), ...(effects.env ? { env: effects.env } : {}) }
    const digest = builder === 'buildx' ? await buildAndPushImage(request, dockerDeps) : await classicBuildAndPush(request, dockerDeps)
    // docker push prints the digest; when it did not, the registry knows what the content tag now points at.
    const pushed = await registry.findImage(repo, digest ? { digest } : { tag: content.tag })
    const pushedDigest = digest ?? pushed?.digest
    if (!pushedDigest) throw new Error(`${repo.uri}:${content.tag} is not in the registry right after docker pushed it`)
    log.info(`${service.name}: pushed ${repo.uri}@${pushedDigest} (${builder === 'buildx' ? 'docker buildx build' : 'docker build + docker push'})`)
    return done(pushedDigest, builder, pushed?.sizeBytes, tags)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/** ecs-deploy's `images` input: service -> repository@digest. */
export function imagesMap(results: ImageResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.service, r.image]))
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?'
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

/** Markdown build summary: built vs reused, compressed size in the registry, time, and which builder ran. */
export function renderBuildSummary(results: ImageResult[]): string {
  const built = results.filter((r) => r.built).length
  const builders = new Set(results.flatMap((r) => (r.builder ? [r.builder] : [])))
  const lines = [
    `### tierdeploy build-push: ${built} built, ${results.length - built} reused`,
    '',
    ...(builders.has('buildx') ? ['Built with `docker buildx build --push`.', ''] : []),
    ...(builders.has('classic')
      ? ['Built with the classic `docker build` + `docker push`: this runner\'s docker has no buildx. That builder has no registry or GitHub Actions layer cache (only the daemon\'s local layers), writes no provenance attestation and builds one platform; install buildx (docker/setup-buildx-action) for those.', '']
      : []),
    '| service | result | image | size | time | Dockerfile |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.service} | ${r.built ? 'built' : 'reused'} | \`${r.image}\` | ${formatBytes(r.sizeBytes)} | ${r.seconds.toFixed(1)} s | ${r.dockerfile} |`),
  ]
  return `${lines.join('\n')}\n`
}
