import { BatchGetImageCommand, type ECRClient, type ImageIdentifier } from '@aws-sdk/client-ecr'
import type { Environment } from '@tierdeploy/catalog'
import { mapWithConcurrency } from '../ecs/concurrency.js'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { DEFAULT_REPLICA_WAIT_MS, parseEcrImage, type EcrImageReference } from '../ecr/replicas.js'
import { deniedFinding, errorName, isUnread, listOf } from './denied.js'
import type { PreflightFinding, PreflightTarget } from './types.js'

/** BatchGetImage takes at most 100 image ids per call. */
export const BATCH_GET_IMAGE_LIMIT = 100

/** One image the tasks would pull, where it would be pulled from, and who runs it. */
export interface PlannedImage {
  image: string
  services: string[]
  /** Where the tasks pull it from: the image itself, or its replica in the environment's registry. */
  pulledFrom: EcrImageReference
  /** Set when the image is another account's or region's: the deploy runs its replica (resolveReplicas). */
  replicaOf?: EcrImageReference
}

/**
 * Every image of every container the deploy would register (sidecars too), and for each ECR image where the tasks
 * pull it: an image of another account or region than the environment's is run from its replica in the environment's
 * registry, as deployEcsServices does (resolveReplicas). Images of other registries are returned apart.
 */
export function plannedImages(targets: PreflightTarget[], environment: Environment, region: string): { ecr: PlannedImage[]; other: { image: string; services: string[] }[] } {
  const users = new Map<string, Set<string>>()
  for (const t of targets) {
    for (const c of t.next.containerDefinitions ?? []) {
      if (!c.image) continue
      if (!users.has(c.image)) users.set(c.image, new Set())
      users.get(c.image)!.add(t.name)
    }
  }
  const ecr: PlannedImage[] = []
  const other: { image: string; services: string[] }[] = []
  for (const [image, names] of [...users].sort(([a], [b]) => a.localeCompare(b))) {
    const services = [...names].sort()
    const ref = parseEcrImage(image)
    if (!ref) {
      other.push({ image, services })
      continue
    }
    const account = environment.account
    const foreign = account !== undefined && (ref.account !== account || ref.region !== region) && ref.digest !== undefined
    ecr.push(foreign ? { image, services, pulledFrom: { account, region, repository: ref.repository, digest: ref.digest! }, replicaOf: ref } : { image, services, pulledFrom: ref })
  }
  return { ecr, other }
}

/**
 * Every image the deploy would run exists, read by digest (or tag) with BatchGetImage: one call per repository and
 * 100 images, so a tier of 200 services costs a few calls. An image of another account must already be replicated
 * into the environment's registry; one not there yet, in a repository replication has created, is a warning (the
 * deploy waits for replication), and one whose repository does not exist there fails.
 */
export async function checkImages(targets: PreflightTarget[], environment: Environment, region: string, ecr: ECRClient, concurrency = 10): Promise<PreflightFinding[]> {
  const { ecr: images, other } = plannedImages(targets, environment, region)
  const findings: PreflightFinding[] = other.map(({ image, services }) => ({ check: 'images', status: 'warn', resource: image, message: 'not an Amazon ECR image: its registry is not checked', services }))
  const byRepository = new Map<string, PlannedImage[]>()
  for (const image of images) {
    const key = `${image.pulledFrom.account}/${image.pulledFrom.region}/${image.pulledFrom.repository}`
    if (!byRepository.has(key)) byRepository.set(key, [])
    byRepository.get(key)!.push(image)
  }
  const batches: PlannedImage[][] = []
  for (const list of byRepository.values()) for (let i = 0; i < list.length; i += BATCH_GET_IMAGE_LIMIT) batches.push(list.slice(i, i + BATCH_GET_IMAGE_LIMIT))
  await mapWithConcurrency(batches, concurrency, async (batch) => {
    const { account, repository } = batch[0]!.pulledFrom
    const registry = `${repository} (account ${account}, ${batch[0]!.pulledFrom.region})`
    let found: Set<string>
    try {
      const out = await ecr.send(new BatchGetImageCommand({ registryId: account, repositoryName: repository, imageIds: batch.map((i) => imageIdOf(i.pulledFrom)) }))
      found = new Set((out.images ?? []).flatMap((i) => [i.imageId?.imageDigest, i.imageId?.imageTag].filter((x): x is string => x !== undefined)))
      // A failure for an id means that id is not pullable, even when another id of the same image was found.
      for (const f of out.failures ?? []) for (const id of [f.imageId?.imageDigest, f.imageId?.imageTag]) if (id) found.delete(id)
    } catch (e) {
      const services = batch.flatMap((i) => i.services)
      if (isUnread(e)) {
        findings.push(deniedFinding('images', `repository ${registry}`, 'ecr:BatchGetImage', `${batch.length} image(s)`, e, services))
        return
      }
      if (errorName(e) === 'RepositoryNotFoundException') {
        for (const i of batch) findings.push({ check: 'images', status: 'fail', resource: i.image, message: missingRepository(i, registry, environment), services: i.services })
        return
      }
      throw awsSetupError(e, 'ECR') ?? new Error(`BatchGetImage on ${registry} failed: ${describeErrorOf(e)}`)
    }
    for (const i of batch) {
      const id = i.pulledFrom.digest ?? i.pulledFrom.tag ?? 'latest'
      const there = found.has(id)
      if (i.replicaOf) {
        findings.push(
          there
            ? { check: 'images', status: 'pass', resource: i.image, message: `runs its replica in ${environment.name}'s registry (${repository}@${i.pulledFrom.digest})`, services: i.services }
            : { check: 'images', status: 'warn', resource: i.image, message: `not yet in ${environment.name}'s registry (${registry}): it will be copied by ECR replication, and the deploy waits ${DEFAULT_REPLICA_WAIT_MS / 60_000} min for it`, services: i.services },
        )
      } else {
        findings.push(there ? { check: 'images', status: 'pass', resource: i.image, message: `exists in ${registry}`, services: i.services } : { check: 'images', status: 'fail', resource: i.image, message: `not found in ${registry}: push it (build-push) or fix the image given for ${listOf(i.services)}`, services: i.services })
      }
    }
  })
  return findings
}

function imageIdOf(ref: EcrImageReference): ImageIdentifier {
  return ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' }
}

function missingRepository(image: PlannedImage, registry: string, environment: Environment): string {
  if (!image.replicaOf) return `repository ${registry} does not exist: create it (terraform/modules/ecr) and push the image`
  return `is in account ${image.replicaOf.account} (${image.replicaOf.region}), and ${environment.name}'s registry has no repository ${image.pulledFrom.repository} for its replica: ECR replication is not configured to it (terraform/modules/ecr replication_destinations), so the deploy would fail`
}
