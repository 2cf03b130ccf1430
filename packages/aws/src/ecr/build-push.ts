import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { Catalog, Clock, Logger, Service } from '@tierdeploy/catalog'
import { resolveBuildSource, type TemplateName } from './build-source.js'
import { buildAndPushImage, type CacheMode } from './buildx.js'
import { computeContentTag } from './content-tag.js'
import type { Exec } from './exec.js'
import { addImageTag, ensureRepository, findImage, loginToRegistry } from './registry.js'

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
}

export interface BuildPushEffects {
  ecr: ECRClient
  exec: Exec
  clock: Clock
  log: Logger
  setSecret: (value: string) => void
  /** Environment docker runs with (the GitHub Actions cache needs the runner's ACTIONS_* variables). */
  env?: NodeJS.ProcessEnv
}

export interface ImageResult {
  service: string
  repository: string
  digest: string
  /** `repository@sha256:...`: what ecs-deploy deploys; never a mutable tag. */
  image: string
  contentTag: string
  tags: string[]
  /** false when ECR already had the content tag and nothing was built. */
  built: boolean
  sizeBytes?: number
  seconds: number
  /** The Dockerfile used, repository-relative, or `template:node`. */
  dockerfile: string
}

export function templatePath(templatesDir: string, template: TemplateName): string {
  return join(templatesDir, `${template}.Dockerfile`)
}

/**
 * Builds and pushes each service's image once. The image is tagged by its content (see computeContentTag);
 * when ECR already has that tag the existing digest is returned and nothing is built. docker logs in only
 * when something has to be built.
 */
export async function buildPushServices(catalog: Catalog, services: Service[], options: BuildPushOptions, effects: BuildPushEffects): Promise<ImageResult[]> {
  let registry: Promise<string> | undefined
  const login = (): Promise<string> => (registry ??= loginToRegistry(effects.ecr, effects))
  const results: ImageResult[] = []
  for (const service of services) results.push(await buildPushService(catalog, service, options, effects, login))
  return results
}

async function buildPushService(catalog: Catalog, service: Service, options: BuildPushOptions, effects: BuildPushEffects, login: () => Promise<string>): Promise<ImageResult> {
  const started = effects.clock.now()
  const { log } = effects
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
  log.debug(`${service.name}: content ${content.parts.map((p) => `${p.path || '.'}=${p.object.slice(0, 12)}`).join(' ')}`)
  const repo = await ensureRepository(effects.ecr, source.repository, { create: source.createRepository, service: service.name, log })
  const revisionTag = options.revision
  const done = (digest: string, built: boolean, sizeBytes: number | undefined, tags: string[]): ImageResult => ({
    service: service.name,
    repository: repo.uri,
    digest,
    image: `${repo.uri}@${digest}`,
    contentTag: content.tag,
    tags,
    built,
    ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    seconds: (effects.clock.now() - started) / 1000,
    dockerfile: source.dockerfile ?? `template:${source.template}`,
  })

  const existing = await findImage(effects.ecr, source.repository, { tag: content.tag })
  if (existing) {
    log.info(`${service.name}: ${repo.uri}:${content.tag} already exists (${existing.digest}); nothing to build`)
    const tags = [content.tag]
    if (revisionTag && (existing.tags.includes(revisionTag) || (await addImageTag(effects.ecr, source.repository, existing.digest, revisionTag, log)))) tags.push(revisionTag)
    return done(existing.digest, false, existing.sizeBytes, tags)
  }

  await login()
  const workDir = mkdtempSync(join(tmpdir(), 'tierdeploy-build-'))
  try {
    const tags = [content.tag, ...(revisionTag ? [revisionTag] : [])]
    const digest = await buildAndPushImage({
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
    }, { exec: effects.exec, onLine: (line) => log.info(`[${service.name}] ${line}`), ...(effects.env ? { env: effects.env } : {}) })
    const pushed = await findImage(effects.ecr, source.repository, { digest })
    log.info(`${service.name}: pushed ${repo.uri}@${digest}`)
    return done(digest, true, pushed?.sizeBytes, tags)
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

/** Markdown build summary: built vs reused, compressed size in ECR, and time. */
export function renderBuildSummary(results: ImageResult[]): string {
  const built = results.filter((r) => r.built).length
  const lines = [
    `### tierdeploy build-push: ${built} built, ${results.length - built} reused`,
    '',
    '| service | result | image | size | time | Dockerfile |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.service} | ${r.built ? 'built' : 'reused'} | \`${r.image}\` | ${formatBytes(r.sizeBytes)} | ${r.seconds.toFixed(1)} s | ${r.dockerfile} |`),
  ]
  return `${lines.join('\n')}\n`
}
