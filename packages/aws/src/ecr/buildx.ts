import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigurationError } from '@tierdeploy/catalog'
import { describeCommand, type Exec } from './exec.js'

export type CacheMode = 'gha' | 'registry' | 'none'

/** `buildx`: `docker buildx build --push`. `classic`: `docker build` then `docker push`, where buildx is not installed. */
export type BuilderKind = 'buildx' | 'classic'

/**
 * Which builder this runner has: GitHub's hosted runners have the buildx plugin, many self-hosted ones (and Debian's
 * docker.io) do not. A real probe (`docker buildx version`), not a guess from the docker version; callers ask once
 * per run.
 */
export async function detectBuilder(deps: { exec: Exec; env?: NodeJS.ProcessEnv }): Promise<BuilderKind> {
  const result = await deps.exec('docker', ['buildx', 'version'], deps.env ? { env: deps.env } : {})
  return result.exitCode === 0 ? 'buildx' : 'classic'
}

export interface BuildxRequest {
  service: string
  /** Absolute paths. */
  context: string
  dockerfile: string
  /** Fully qualified references (`URI:tag`); the first is the content tag. */
  tags: string[]
  /** Repository URI, for the registry cache (`URI-cache:buildcache`, a mutable sibling repository). */
  repositoryUri: string
  labels: Record<string, string>
  args: Record<string, string>
  platform: string
  /** buildx --provenance value: 'false', 'mode=min' or 'mode=max'. */
  provenance: string
  cache: CacheMode
  /** Where buildx writes --metadata-file (a fresh temp directory). */
  workDir: string
}

/** The `docker buildx build --push` argument list (no shell: each value is one argument). */
export function buildxArgs(r: BuildxRequest, metadataFile: string): string[] {
  const args = ['buildx', 'build', '--file', r.dockerfile, '--platform', r.platform]
  for (const tag of r.tags) args.push('--tag', tag)
  for (const [k, v] of Object.entries(r.labels)) args.push('--label', `${k}=${v}`)
  for (const [k, v] of Object.entries(r.args)) args.push('--build-arg', `${k}=${v}`)
  args.push(`--provenance=${r.provenance}`)
  if (r.cache === 'gha') {
    // One cache scope per service: without it every service of the monorepo overwrites the same GHA cache entry.
    args.push('--cache-from', `type=gha,scope=${r.service}`, '--cache-to', `type=gha,scope=${r.service},mode=max`)
  } else if (r.cache === 'registry') {
    // The cache lives in the MUTABLE sibling repository terraform/modules/ecr creates (the image repository is IMMUTABLE).
    const ref = `${r.repositoryUri}-cache:buildcache`
    args.push('--cache-from', `type=registry,ref=${ref}`, '--cache-to', `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`)
  }
  args.push('--metadata-file', metadataFile, '--push', r.context)
  return args
}

/** Builds and pushes; returns the pushed image's digest as buildx wrote it to the metadata file. */
export async function buildAndPushImage(r: BuildxRequest, deps: { exec: Exec; onLine?: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<string> {
  const metadataFile = join(r.workDir, `${r.service}.metadata.json`)
  const args = buildxArgs(r, metadataFile)
  const result = await deps.exec('docker', args, { ...(deps.onLine ? { onLine: deps.onLine } : {}), ...(deps.env ? { env: deps.env } : {}) })
  if (result.exitCode !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-15).join('\n')
    // The service's own Dockerfile or code failed to build: the user's to fix, so no stack trace of ours.
    throw new ConfigurationError(`docker buildx build failed for ${r.service} (exit ${result.exitCode}): ${describeCommand('docker', args)}\n${tail}`)
  }
  let metadata: Record<string, unknown>
  try {
    metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>
  } catch (e) {
    throw new ConfigurationError(`docker buildx build wrote no readable metadata file ${metadataFile} for ${r.service} (${(e as Error).message}); buildx 0.9 or later is required on the runner`)
  }
  const digest = metadata['containerimage.digest']
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new Error(`buildx metadata for ${r.service} has no containerimage.digest (got ${JSON.stringify(digest)})`)
  }
  return digest
}
