import { DescribeImagesCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { ConfigurationError, type Clock, type Logger } from '@tierdeploy/catalog'
import { describeErrorOf } from '../ecs/errors.js'
import { mapWithConcurrency } from '../ecs/concurrency.js'

/** An image in Amazon ECR: ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]/REPOSITORY[:TAG][@sha256:HEX]. */
export interface EcrImageReference {
  account: string
  region: string
  repository: string
  tag?: string
  digest?: string
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._\-/]*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/

/** The parts of an ECR image reference; undefined for any other registry (GHCR, Docker Hub, a private registry). */
export function parseEcrImage(image: string): EcrImageReference | undefined {
  const m = ECR_IMAGE.exec(image)
  if (!m) return undefined
  return { account: m[1]!, region: m[2]!, repository: m[3]!, ...(m[4] ? { tag: m[4] } : {}), ...(m[5] ? { digest: m[5] } : {}) }
}

/** Where a deploy runs its tasks: the account and region whose ECR its execution role pulls from. */
export interface ImageDestination {
  environment: string
  /** The environment file, for messages. */
  file: string
  account: string
  region: string
}

export interface ReplicaEffects {
  /** ECR in the destination account and region (the deploy's own credentials). */
  ecr: ECRClient
  clock: Clock
  log: Logger
}

export interface ReplicaOptions {
  /** How long to wait for ECR replication to copy an image that is not there yet (ms). */
  waitMs?: number
  pollMs?: number
}

/** ECR replicates most images within 30 minutes; a promotion normally waits for images pushed long before. */
export const DEFAULT_REPLICA_WAIT_MS = 10 * 60_000
const DEFAULT_REPLICA_POLL_MS = 15_000

export interface ReplicaResolution {
  /** service -> the image the destination's tasks run (unchanged where no move was needed). */
  images: Record<string, string>
  /** The images that were pointed at the destination's own registry. */
  moved: { service: string; from: string; to: string }[]
}

/**
 * The images a deploy to `destination` runs, every one pullable there. Environments live in separate accounts
 * (staging in one, production in another), and production's task execution role may pull only from its own
 * registry: so an ECR image of another account or region is exchanged for the same digest in the destination's
 * registry, where ECR replication (terraform/modules/ecr `replication_destinations`) has copied it. The digest is
 * what was tested, so the bytes are the same; nothing is rebuilt or re-pushed. A replica that does not arrive within
 * `waitMs` refuses the deploy, naming every missing image, before anything is written. Images of other registries
 * (GHCR, Docker Hub) are left as they are: their access does not depend on the AWS account.
 */
export async function resolveReplicas(images: Record<string, string>, destination: ImageDestination, effects: ReplicaEffects, options: ReplicaOptions = {}): Promise<ReplicaResolution> {
  const out: Record<string, string> = { ...images }
  const wanted: { service: string; from: string; ref: EcrImageReference & { digest: string }; to: string }[] = []
  const problems: string[] = []
  for (const [service, image] of Object.entries(images)) {
    const ref = parseEcrImage(image)
    if (!ref || (ref.account === destination.account && ref.region === destination.region)) continue
    if (!ref.digest) {
      problems.push(`${service}: ${image} is in account ${ref.account} (${ref.region}), not ${destination.environment}'s ${destination.account} (${destination.region}), and has no digest: only an image pinned by digest can be taken from a replica`)
      continue
    }
    const to = `${destination.account}.dkr.ecr.${destination.region}.amazonaws.com/${ref.repository}@${ref.digest}`
    wanted.push({ service, from: image, ref: ref as EcrImageReference & { digest: string }, to })
  }
  if (problems.length) throw new ConfigurationError(`cannot deploy to ${destination.environment}:\n  ${problems.join('\n  ')}`)
  if (wanted.length === 0) return { images: out, moved: [] }

  const waitMs = options.waitMs ?? DEFAULT_REPLICA_WAIT_MS
  const pollMs = options.pollMs ?? DEFAULT_REPLICA_POLL_MS
  const deadline = effects.clock.now() + waitMs
  let pending = wanted
  for (;;) {
    const missing: typeof wanted = []
    await mapWithConcurrency(pending, 10, async (w) => {
      if (!(await replicaExists(w.ref, destination, effects.ecr))) missing.push(w)
    })
    if (missing.length === 0) break
    if (effects.clock.now() + pollMs > deadline) {
      const lines = missing
        .sort((a, b) => a.service.localeCompare(b.service))
        .map((w) => `${w.service}: ${w.ref.repository}@${w.ref.digest} (from account ${w.ref.account}, ${w.ref.region})`)
      throw new ConfigurationError(
        `cannot deploy to ${destination.environment}: ${missing.length} image(s) are not in its registry (account ${destination.account}, ${destination.region}) after waiting ${Math.round(waitMs / 60_000)} min for ECR replication:\n  ${lines.join('\n  ')}\n` +
          `Production pulls only from its own account: replicate the source environment's repositories to it (terraform/modules/ecr replication_destinations, with the destination's registry policy), or push these digests there. Nothing was deployed.`,
      )
    }
    effects.log.info(`waiting for ECR replication of ${missing.length} image(s) into ${destination.account} (${destination.region}): ${missing.map((w) => w.service).join(', ')}`)
    await effects.clock.sleep(pollMs)
    pending = missing
  }
  for (const w of wanted) out[w.service] = w.to
  const moved = wanted.map((w) => ({ service: w.service, from: w.from, to: w.to }))
  for (const m of moved) effects.log.info(`${m.service}: runs ${m.to}, the replica in ${destination.environment}'s registry of ${m.from}`)
  return { images: out, moved }
}

async function replicaExists(ref: EcrImageReference & { digest: string }, destination: ImageDestination, ecr: ECRClient): Promise<boolean> {
  try {
    const found = await ecr.send(new DescribeImagesCommand({ registryId: destination.account, repositoryName: ref.repository, imageIds: [{ imageDigest: ref.digest }] }))
    return (found.imageDetails ?? []).some((d) => d.imageDigest === ref.digest)
  } catch (e) {
    const name = e instanceof Error ? e.name : ''
    // Replication creates the destination repository with the first image it copies.
    if (name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException') return false
    if (name === 'AccessDeniedException' || name === 'AccessDenied') {
      throw new ConfigurationError(`${destination.environment}'s credentials may not read ECR repository ${ref.repository} in account ${destination.account} (${describeErrorOf(e)}): grant the deploy role ecr:DescribeImages on its repositories`)
    }
    throw e
  }
}
