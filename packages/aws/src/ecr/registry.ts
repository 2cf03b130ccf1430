import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  PutImageCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr'
import { ConfigurationError, type Logger } from '@tierdeploy/catalog'
import { awsSetupError } from '../ecs/errors.js'
import { describeCommand, type Exec } from './exec.js'

const errorName = (e: unknown): string => (e as { name?: string } | null)?.name ?? ''

/** An AWS "access denied" is the user's IAM policy, not a bug: say which permission on what is missing. */
export function ecrAccessError(e: unknown, action: string, resource: string): unknown {
  const setup = awsSetupError(e, `ECR for ${action} on ${resource}`)
  if (setup) return setup
  if (/AccessDenied|UnauthorizedOperation/.test(errorName(e))) {
    return new ConfigurationError(`AWS refused ${action} on ${resource} (${errorName(e)}: ${(e as Error).message}); grant the deploy role ${action} (see docs/build-push.md, IAM permissions)`)
  }
  return e
}

/**
 * Logs docker in to the account's ECR registry. The token is masked before anything can print it and reaches
 * docker on stdin (`--password-stdin`), never in argv where `ps` and logs would show it. Returns the registry host.
 */
export async function loginToRegistry(ecr: ECRClient, deps: { exec: Exec; setSecret: (value: string) => void; log: Logger }): Promise<string> {
  let data
  try {
    data = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData?.[0]
  } catch (e) {
    throw ecrAccessError(e, 'ecr:GetAuthorizationToken', 'the ECR registry')
  }
  if (!data?.authorizationToken || !data.proxyEndpoint) throw new Error('ECR GetAuthorizationToken returned no token')
  deps.setSecret(data.authorizationToken)
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  const username = decoded.slice(0, separator)
  const password = decoded.slice(separator + 1)
  deps.setSecret(password)
  const registry = data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '')
  const args = ['login', '--username', username || 'AWS', '--password-stdin', registry]
  const result = await deps.exec('docker', args, { stdin: password })
  if (result.exitCode !== 0) {
    throw new ConfigurationError(`${describeCommand('docker', args)} failed (exit ${result.exitCode}): ${result.stderr.trim()}; check that the Docker daemon runs on the runner and the registry ${registry} is reachable`)
  }
  deps.log.info(`logged in to ${registry}`)
  return registry
}

export interface Repository {
  name: string
  uri: string
  created: boolean
}

/** The repository, created when missing and the catalog allows it (`ecr.create: true`). */
export async function ensureRepository(ecr: ECRClient, name: string, options: { create: boolean; service: string; log: Logger }): Promise<Repository> {
  try {
    const found = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]
    if (found?.repositoryUri) return { name, uri: found.repositoryUri, created: false }
  } catch (e) {
    if (errorName(e) !== 'RepositoryNotFoundException') throw ecrAccessError(e, 'ecr:DescribeRepositories', `repository ${name}`)
  }
  if (!options.create) {
    throw new ConfigurationError(`ECR repository '${name}' of ${options.service} does not exist: create it (terraform), or set ecr.create: true on the service in the catalog so build-push creates it`)
  }
  try {
    const created = await ecr.send(new CreateRepositoryCommand({
      repositoryName: name,
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'MUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' },
    }))
    if (!created.repository?.repositoryUri) throw new Error(`ECR CreateRepository returned no URI for ${name}`)
    options.log.info(`created ECR repository ${name}`)
    return { name, uri: created.repository.repositoryUri, created: true }
  } catch (e) {
    // Another matrix job may have created it between our two calls.
    if (errorName(e) === 'RepositoryAlreadyExistsException') return ensureRepository(ecr, name, { ...options, create: false })
    throw ecrAccessError(e, 'ecr:CreateRepository', `repository ${name}`)
  }
}

export interface StoredImage {
  digest: string
  sizeBytes?: number
  tags: string[]
}

/** The image with this tag or digest, or undefined when the repository has none. */
export async function findImage(ecr: ECRClient, repository: string, id: { tag: string } | { digest: string }): Promise<StoredImage | undefined> {
  try {
    const imageId = 'tag' in id ? { imageTag: id.tag } : { imageDigest: id.digest }
    const detail = (await ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [imageId] }))).imageDetails?.[0]
    if (!detail?.imageDigest) return undefined
    return { digest: detail.imageDigest, ...(detail.imageSizeInBytes !== undefined ? { sizeBytes: detail.imageSizeInBytes } : {}), tags: detail.imageTags ?? [] }
  } catch (e) {
    if (errorName(e) === 'ImageNotFoundException') return undefined
    throw ecrAccessError(e, 'ecr:DescribeImages', `repository ${repository}`)
  }
}

/**
 * Adds a tag to an image already in ECR without pulling it (BatchGetImage + PutImage of the same manifest), so
 * a reused image also carries the commit SHA. Best effort: a tag that cannot be added is a warning, not a failure.
 */
export async function addImageTag(ecr: ECRClient, repository: string, digest: string, tag: string, log: Logger): Promise<boolean> {
  try {
    const image = (await ecr.send(new BatchGetImageCommand({
      repositoryName: repository,
      imageIds: [{ imageDigest: digest }],
      acceptedMediaTypes: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ],
    }))).images?.[0]
    if (!image?.imageManifest) throw new Error(`no manifest for ${digest}`)
    await ecr.send(new PutImageCommand({
      repositoryName: repository,
      imageManifest: image.imageManifest,
      ...(image.imageManifestMediaType ? { imageManifestMediaType: image.imageManifestMediaType } : {}),
      imageDigest: digest,
      imageTag: tag,
    }))
    return true
  } catch (e) {
    if (errorName(e) === 'ImageAlreadyExistsException') return true
    log.warning(`could not tag ${repository}@${digest} as ${tag} (${errorName(e) || 'error'}: ${(e as Error).message}); the image is still usable by digest`)
    return false
  }
}
