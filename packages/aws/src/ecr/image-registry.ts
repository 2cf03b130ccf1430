import type { ECRClient } from '@aws-sdk/client-ecr'
import { ConfigurationError, type Logger } from '@tierdeploy/catalog'
import { storedDockerCredentials } from './docker-credentials.js'
import { describeCommand, type Exec } from './exec.js'
import { findOciImage, OciRegistryClient } from './oci-registry.js'
import { addImageTag, ensureRepository, findImage, loginToRegistry, type Repository, type StoredImage } from './registry.js'

/** What build-push asks of the registry it pushes to, answered by ECR's API or by the OCI distribution API. */
export interface ImageRegistry {
  kind: 'ecr' | 'oci'
  /** The repository's URI (`HOST/PATH`), created first when the registry needs that and the catalog allows it. */
  repository(name: string, options: { create: boolean; service: string }): Promise<Repository>
  /** The repository when it exists; never creates one (a read-only lookup: the deploy plan's). */
  existingRepository(name: string, service: string): Promise<Repository | undefined>
  /** The image the repository holds under this tag or digest, or undefined. */
  findImage(repository: Repository, id: { tag: string } | { digest: string }): Promise<StoredImage | undefined>
  /** Adds a tag to an image already pushed, without pulling it; false (and a warning) when that fails. */
  addTag(repository: Repository, digest: string, tag: string): Promise<boolean>
  /** Makes `docker push` able to push here; called once, and only when something is built. */
  login(): Promise<void>
}

export interface ImageRegistryDeps {
  ecr?: ECRClient
  exec: Exec
  log: Logger
  setSecret: (value: string) => void
  env?: NodeJS.ProcessEnv
  fetch?: typeof fetch
}

const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/

/** The AWS region of an ECR registry host (`111111111111.dkr.ecr.ca-central-1.amazonaws.com`), else undefined. */
export function ecrRegistryRegion(host: string): string | undefined {
  return ECR_HOST.exec(host)?.[1]
}

/**
 * Where build-push pushes: `location` is `HOST[/NAMESPACE]` (`ghcr.io/acme`, `127.0.0.1:5000`), or undefined for
 * the ECR registry of the credentials' account. An ECR host keeps ECR's API (repositories are created there, and
 * DescribeImages gives sizes); any other host is an OCI registry, asked through its `/v2/` API.
 */
export function imageRegistryFor(location: string | undefined, deps: ImageRegistryDeps): ImageRegistry {
  const host = location?.split('/')[0]
  if (host === undefined || ecrRegistryRegion(host) !== undefined) {
    if (!deps.ecr) throw new Error('an ECR client is needed to push to ECR')
    return ecrImageRegistry(deps.ecr, deps, host)
  }
  return ociImageRegistry(location!, deps)
}

/** ECR through its API. `host`, when given, must be the registry the credentials reach (ECR calls name no other). */
export function ecrImageRegistry(ecr: ECRClient, deps: ImageRegistryDeps, host?: string): ImageRegistry {
  let login: Promise<string> | undefined
  return {
    kind: 'ecr',
    repository: async (name, options) => {
      const repository = await ensureRepository(ecr, name, { ...options, log: deps.log })
      if (host && !repository.uri.startsWith(`${host}/`)) {
        throw new ConfigurationError(`the registry ${host} is not the ECR registry of these AWS credentials (${repository.uri.split('/')[0]}): use credentials for that account and region, or leave the registry input empty`)
      }
      return repository
    },
    existingRepository: async (name, service) => {
      try {
        return await ensureRepository(ecr, name, { create: false, service, log: deps.log })
      } catch (e) {
        if (e instanceof ConfigurationError && /does not exist/.test(e.message)) return undefined
        throw e
      }
    },
    findImage: (repository, id) => findImage(ecr, repository.name, id),
    addTag: (repository, digest, tag) => addImageTag(ecr, repository.name, digest, tag, deps.log),
    login: async () => {
      await (login ??= loginToRegistry(ecr, deps))
    },
  }
}

export function ociImageRegistry(location: string, deps: ImageRegistryDeps): ImageRegistry {
  const [host, ...namespace] = location.replace(/\/+$/, '').split('/') as [string, ...string[]]
  const env = deps.env ?? process.env
  let usedGithubToken = false
  const credentials = async () => {
    const stored = await storedDockerCredentials(host, { exec: deps.exec, env })
    if (stored || host !== 'ghcr.io' || !env.GITHUB_TOKEN) return stored
    usedGithubToken = true
    return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN }
  }
  const client = new OciRegistryClient(host, { credentials, ...(deps.fetch ? { fetch: deps.fetch } : {}) })
  const path = (name: string) => [...namespace, name].join('/')
  let login: Promise<void> | undefined
  return {
    kind: 'oci',
    // Distribution registries create a repository on its first push: there is nothing to create beforehand.
    repository: async (name) => ({ name: path(name), uri: `${location.replace(/\/+$/, '')}/${name}`, created: false }),
    existingRepository: async (name) => ({ name: path(name), uri: `${location.replace(/\/+$/, '')}/${name}`, created: false }),
    findImage: (repository, id) => findOciImage(client, repository.name, id),
    addTag: async (repository, digest, tag) => {
      try {
        const manifest = await client.getManifest(repository.name, digest)
        if (!manifest) throw new Error(`no manifest ${digest}`)
        await client.putManifest(repository.name, tag, manifest)
        return true
      } catch (e) {
        deps.log.warning(`could not tag ${repository.uri}@${digest} as ${tag} (${(e as Error).message}); the image is still usable by digest`)
        return false
      }
    },
    login: () =>
      (login ??= (async () => {
        const found = await credentials()
        // Credentials docker stored are docker's already; only GITHUB_TOKEN has to be handed to docker for ghcr.io.
        if (!found || !usedGithubToken) return
        deps.setSecret(found.password)
        const args = ['login', '--username', found.username, '--password-stdin', host]
        const result = await deps.exec('docker', args, { stdin: found.password, ...(deps.env ? { env: deps.env } : {}) })
        if (result.exitCode !== 0) throw new ConfigurationError(`${describeCommand('docker', args)} failed (exit ${result.exitCode}): ${result.stderr.trim()}; the job needs permissions: packages: write`)
        deps.log.info(`logged in to ${host} with GITHUB_TOKEN`)
      })()),
  }
}
