import { EcsError, type Json } from './state.js'

/** The JSON 1.1 target prefix of Amazon ECR's API (`AmazonEC2ContainerRegistry_V20150921.DescribeImages`). */
export const ECR_TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'

interface StoredImage {
  digest: string
  tags: string[]
  sizeBytes: number
  pushedAt: number
  /** Fake-clock time from which the image is visible (a replica arrives some time after the push). */
  availableAt: number
}

/** Where pushes to this registry are copied: another fake account's registry, after `delayMs` of fake time. */
interface ReplicationRule {
  destination: FakeEcr
  delayMs: number
  /** Repository-name prefixes the rule copies (ECR's PREFIX_MATCH filter); none: every repository. */
  prefixes: string[]
}

/** An ECR image reference: ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG]@sha256:HEX. */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::[\w][\w.-]*)?(?:@(sha256:[a-f0-9]{64}))?$/

/**
 * One account's ECR registry in one region, as far as deploys and promotion touch it: repositories, images by digest,
 * cross-account replication (images appear in the destination registry with the same digest), and what an ECS task
 * of this account may pull. Like ECR, it refuses another account's registry unless a repository policy grants it.
 */
export class FakeEcr {
  readonly repositories = new Map<string, Map<string, StoredImage>>()
  readonly replication: ReplicationRule[] = []
  /** Accounts whose tasks a repository policy lets pull from this registry (the alternative to replication). */
  readonly pullGrantedTo = new Set<string>()

  constructor(
    readonly account: string,
    readonly region: string,
    private readonly now: () => number,
  ) {}

  createRepository(name: string): void {
    if (!this.repositories.has(name)) this.repositories.set(name, new Map())
  }

  /** A push (as `docker push` or build-push would do): stores the digest under the tags and replicates it. */
  pushImage(repository: string, digest: string, options: { tags?: string[]; sizeBytes?: number } = {}): string {
    this.store(repository, digest, options.tags ?? [], options.sizeBytes ?? 50_000_000, this.now())
    for (const rule of this.replication) {
      if (rule.prefixes.length && !rule.prefixes.some((p) => repository.startsWith(p))) continue
      rule.destination.store(repository, digest, options.tags ?? [], options.sizeBytes ?? 50_000_000, this.now() + rule.delayMs)
    }
    return `${this.account}.dkr.ecr.${this.region}.amazonaws.com/${repository}@${digest}`
  }

  /** Copies every later push into `destination` (another account's registry), as an ECR replication rule does. */
  replicateTo(destination: FakeEcr, options: { delayMs?: number; prefixes?: string[] } = {}): void {
    this.replication.push({ destination, delayMs: options.delayMs ?? 0, prefixes: options.prefixes ?? [] })
  }

  private store(repository: string, digest: string, tags: string[], sizeBytes: number, availableAt: number): void {
    this.createRepository(repository)
    const images = this.repositories.get(repository)!
    for (const image of images.values()) image.tags = image.tags.filter((t) => !tags.includes(t))
    const existing = images.get(digest)
    if (existing) existing.tags = [...new Set([...existing.tags, ...tags])]
    else images.set(digest, { digest, tags: [...tags], sizeBytes, pushedAt: availableAt, availableAt })
  }

  /**
   * Why a task in `taskAccount` (in this registry's region) cannot pull `image`, or undefined when it can. Only images of
   * this registry are judged; the message is the stopped task's CannotPullContainerError as ECS words it.
   */
  pullRefusal(image: string, taskAccount: string): string | undefined {
    const ref = ECR_IMAGE.exec(image)
    if (!ref || ref[1] !== this.account || ref[2] !== this.region) return undefined
    const [, account, region, repository, digest] = ref
    const host = `${account}.dkr.ecr.${region}.amazonaws.com`
    if (taskAccount !== this.account && !this.pullGrantedTo.has(taskAccount)) {
      return `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${image}: pulling from host ${host} failed with status code [manifests ${digest ?? 'latest'}]: 403 Forbidden`
    }
    const images = this.repositories.get(repository!)
    const found = images && digest ? images.get(digest) : undefined
    if (!images || (digest && (!found || found.availableAt > this.now()))) {
      return `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${image}: ${host}/${repository}@${digest ?? 'latest'}: not found`
    }
    return undefined
  }

  describeImages(input: Json): Json {
    const repository = typeof input.repositoryName === 'string' ? input.repositoryName : ''
    if (!repository) throw new EcsError('InvalidParameterException', 'repositoryName must be given')
    const registryId = typeof input.registryId === 'string' ? input.registryId : this.account
    if (registryId !== this.account) {
      throw new EcsError('AccessDeniedException', `User: arn:aws:sts::${this.account}:assumed-role/deployer/session is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:${this.region}:${registryId}:repository/${repository} because no resource-based policy allows the ecr:DescribeImages action`)
    }
    const images = this.repositories.get(repository)
    if (!images) throw new EcsError('RepositoryNotFoundException', `The repository with name '${repository}' does not exist in the registry with id '${registryId}'`)
    const visible = [...images.values()].filter((i) => i.availableAt <= this.now())
    const ids = Array.isArray(input.imageIds) ? (input.imageIds as Json[]) : undefined
    if (ids && ids.length > 100) throw new EcsError('InvalidParameterException', 'imageIds may name at most 100 images')
    const chosen: StoredImage[] = []
    for (const id of ids ?? visible.map((i) => ({ imageDigest: i.digest }) as Json)) {
      const hit = visible.find((i) => (id.imageDigest === undefined || i.digest === id.imageDigest) && (id.imageTag === undefined || i.tags.includes(id.imageTag as string)))
      if (!hit) {
        throw new EcsError('ImageNotFoundException', `The image with imageId {imageDigest:'${String(id.imageDigest ?? 'null')}', imageTag:'${String(id.imageTag ?? 'null')}'} does not exist within the repository with name '${repository}' in the registry with id '${registryId}'`)
      }
      chosen.push(hit)
    }
    return {
      imageDetails: chosen.map((i) => ({
        registryId: this.account,
        repositoryName: repository,
        imageDigest: i.digest,
        ...(i.tags.length ? { imageTags: i.tags } : {}),
        imageSizeInBytes: i.sizeBytes,
        imagePushedAt: i.pushedAt / 1000,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
      })),
    }
  }
}

export const ECR_OPERATIONS: Record<string, (ecr: FakeEcr, input: Json) => Json> = {
  DescribeImages: (ecr, input) => ecr.describeImages(input),
}
