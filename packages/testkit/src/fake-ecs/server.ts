import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '@tierdeploy/catalog'
import { prng } from '../generate-catalog.js'
import { ECR_OPERATIONS, ECR_TARGET_PREFIX, FakeEcr } from './ecr.js'
import { EcsError, EcsState, type Json, type LoadBalancer, type RolloutContext, type RolloutPlan, type ServiceRecord } from './state.js'
import { answerSts, isStsRequest } from './sts.js'

const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.'

export interface FakeEcsOptions {
  region?: string
  account?: string
  /** Start of the fake clock (ms since the epoch). */
  startTime?: number
  /** How long a rollout takes unless a rollout plan says otherwise (fake-clock ms). */
  defaultRolloutMs?: number
  /** Seed of the generator that decides which calls fault injection hits (reproducible runs). */
  seed?: number
}

export interface FaultOptions {
  /** Share of calls (0..1) answered with ThrottlingException (HTTP 400), as ECS does past its rate limits. */
  throttleRate?: number
  /** Share of calls (0..1) answered with ServerException (HTTP 500). */
  serverErrorRate?: number
  /** Real milliseconds to wait before answering (slow control plane). */
  delayMs?: number
  /** Limit faults to these operations (default: all). */
  operations?: string[]
}

/** A simple Fargate service to seed: registers a task definition of one container and creates the service on it. */
export interface SeedService {
  cluster: string
  name: string
  image: string
  /** Container name (defaults to the service name). */
  containerName?: string
  family?: string
  desiredCount?: number
  environment?: { name: string; value: string }[]
  secrets?: { name: string; valueFrom: string }[]
  /** Extra containers (sidecars) kept beside the service's own. */
  sidecars?: Json[]
  circuitBreaker?: { enable: boolean; rollback: boolean }
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  tags?: { key: string; value: string }[]
  /** Target groups the service registers its tasks in (DescribeServices' loadBalancers). */
  loadBalancers?: LoadBalancer[]
}

type Handler = (state: EcsState, input: Json) => Json

const OPERATIONS: Record<string, Handler> = {
  RegisterTaskDefinition: (s, i) => s.registerTaskDefinition(i),
  DescribeTaskDefinition: (s, i) => s.describeTaskDefinition(i),
  ListTaskDefinitions: (s, i) => s.listTaskDefinitions(i),
  DeregisterTaskDefinition: (s, i) => s.deregisterTaskDefinition(i),
  UpdateService: (s, i) => s.updateService(i),
  DescribeServices: (s, i) => s.describeServices(i),
  ListServices: (s, i) => s.listServices(i),
  ListTasks: (s, i) => s.listTasks(i),
  DescribeTasks: (s, i) => s.describeTasks(i),
  TagResource: (s, i) => s.tagResource(i),
  ListTagsForResource: (s, i) => s.listTagsForResource(i),
}

/**
 * A fake ECS control plane on 127.0.0.1 speaking the JSON 1.1 protocol, for the real @aws-sdk/client-ecs
 * (`new ECSClient({ endpoint: fake.endpoint })`, or AWS_ENDPOINT_URL_ECS for bundled actions). Time is a fake
 * clock that only moves when a test advances it; `fake.clock` is a Clock whose sleep advances it, so the code
 * under test waits without real sleeps.
 */
export class FakeEcs {
  readonly state: EcsState
  /** This account's ECR registry in the fake's region (AWS_ENDPOINT_URL_ECR may point at the same endpoint). */
  readonly ecr: FakeEcr
  /** Every ECR registry this fake knows, by account: its own, others it serves (`registry`), others' fakes' (`knowRegistry`). */
  private readonly registries = new Map<string, FakeEcr>()
  endpoint = ''
  /** The account STS's GetCallerIdentity names (credentials of another account: '333333333333'); unset, the fake's own. */
  callerAccount: string | undefined
  /** Requests received per operation, faulted ones included (what a client's retries cost). */
  readonly calls: Record<string, number> = {}
  /** Requests answered with an injected fault, per operation. */
  readonly faulted: Record<string, number> = {}
  /** Regions the requests were signed for (SigV4 credential scope), in arrival order: which region a client chose. */
  readonly signedRegions: string[] = []
  faults: FaultOptions = {}
  readonly clock: Clock
  private time: number
  private server: Server | undefined
  private random: () => number
  private queued: { operation: string; skip: number; error: EcsError }[] = []
  private sessionExpiresAt: number | undefined

  private constructor(options: FakeEcsOptions) {
    this.time = options.startTime ?? Date.UTC(2026, 0, 1)
    this.state = new EcsState(options.region ?? 'ca-central-1', options.account ?? '111111111111', () => this.time)
    if (options.defaultRolloutMs !== undefined) this.state.defaultRolloutMs = options.defaultRolloutMs
    this.ecr = new FakeEcr(this.state.account, this.state.region, () => this.time)
    this.registries.set(this.ecr.account, this.ecr)
    this.state.pullRefusal = (image, account) => this.pullRefusal(image, account)
    this.random = prng(options.seed ?? 7)
    this.clock = {
      now: () => this.time,
      sleep: async (ms) => {
        this.advance(ms)
        // Let other awaiting work (and the HTTP responses in flight) run, as a real sleep would.
        await new Promise<void>((resolve) => setImmediate(resolve))
      },
    }
  }

  static async start(options: FakeEcsOptions = {}): Promise<FakeEcs> {
    const fake = new FakeEcs(options)
    const server = createServer((req, res) => void fake.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    fake.server = server
    fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return fake
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  now(): number {
    return this.time
  }

  /** Moves the fake clock forward; rollouts due by then complete or fail. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('the fake clock cannot go back')
    this.time += ms
    this.state.advance()
  }

  /** Decides how each new deployment rolls out (return undefined for the default: complete after defaultRolloutMs). */
  setRolloutPlan(plan: (ctx: RolloutContext) => RolloutPlan | undefined): void {
    this.state.rolloutPlan = plan
  }

  /** Deployments running a task definition with this image fail to start (a bad image), after `afterMs`. */
  failImage(image: string, options: { afterMs?: number; stoppedReason?: string; containerReason?: string } = {}): void {
    const earlier = this.state.rolloutPlan
    this.state.rolloutPlan = (ctx) =>
      ctx.images.includes(image)
        ? {
            outcome: 'fail',
            durationMs: options.afterMs ?? 60_000,
            stoppedReason: options.stoppedReason ?? 'Essential container in task exited',
            containerReason: options.containerReason ?? 'Exit code 1: Error: Cannot find module /app/server.js',
          }
        : earlier(ctx)
  }

  /** Deployments running this image never finish (tasks never become healthy). */
  hangImage(image: string): void {
    const earlier = this.state.rolloutPlan
    this.state.rolloutPlan = (ctx) => (ctx.images.includes(image) ? { outcome: 'never' } : earlier(ctx))
  }

  /** The next `count` calls of `operation` fail with this error, after `skip` more calls of it have succeeded. */
  failNext(operation: string, type: string, message: string, options: { status?: number; count?: number; skip?: number } = {}): void {
    for (let i = 0; i < (options.count ?? 1); i++) this.queued.push({ operation, skip: options.skip ?? 0, error: new EcsError(type, message, options.status ?? 400) })
  }

  /**
   * The caller's AWS session ends at this fake-clock time: from then on every call is answered as AWS answers expired
   * credentials (HTTP 400, ExpiredTokenException), as a role session of role-duration-seconds does mid-deploy.
   * undefined: a fresh session that does not expire (a later job's credentials).
   */
  expireSessionAt(time: number | undefined): void {
    this.sessionExpiresAt = time
  }

  resetCalls(): void {
    for (const k of Object.keys(this.calls)) delete this.calls[k]
    for (const k of Object.keys(this.faulted)) delete this.faulted[k]
    this.signedRegions.length = 0
  }

  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0)
  }

  createCluster(name: string): void {
    this.state.createCluster(name)
  }

  /** Registers a Fargate task definition of one container (plus sidecars) and creates the service on it. */
  seedService(seed: SeedService): ServiceRecord {
    const container = seed.containerName ?? seed.name
    const { taskDefinition } = this.state.registerTaskDefinition({
      family: seed.family ?? seed.name,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: `arn:aws:iam::${this.state.account}:role/${seed.name}-execution`,
      containerDefinitions: [
        {
          name: container,
          image: seed.image,
          essential: true,
          portMappings: [{ containerPort: 3000, protocol: 'tcp' }],
          environment: seed.environment ?? [],
          secrets: seed.secrets ?? [],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${seed.name}`, 'awslogs-region': this.state.region, 'awslogs-stream-prefix': 'ecs' } },
        },
        ...(seed.sidecars ?? []),
      ],
      ...(seed.tags ? { tags: seed.tags } : {}),
    })
    return this.state.addService({
      cluster: seed.cluster,
      name: seed.name,
      taskDefinition: taskDefinition.taskDefinitionArn as string,
      ...(seed.desiredCount !== undefined ? { desiredCount: seed.desiredCount } : {}),
      ...(seed.circuitBreaker ? { circuitBreaker: seed.circuitBreaker } : {}),
      ...(seed.deploymentController ? { deploymentController: seed.deploymentController } : {}),
      ...(seed.loadBalancers ? { loadBalancers: seed.loadBalancers } : {}),
    })
  }

  /** Lets this account's tasks try to pull from another fake account's registry (they succeed only if it allows). */
  knowRegistry(ecr: FakeEcr): void {
    this.registries.set(ecr.account, ecr)
  }

  /**
   * The ECR registry of `account` (created on first use), for a fake that serves several accounts: DescribeImages
   * answers from the registry its registryId names, and a cluster's tasks pull as their account may.
   */
  registry(account: string): FakeEcr {
    let found = this.registries.get(account)
    if (!found) {
      found = new FakeEcr(account, this.state.region, () => this.time)
      this.registries.set(account, found)
    }
    return found
  }

  /** The cluster's tasks run in `account` (one fake serving the accounts of several environments). */
  setClusterAccount(cluster: string, account: string): void {
    this.state.clusterAccounts.set(cluster, account)
  }

  /**
   * ECS's image pull, judged as ECR would: a registry is judged only for repositories a test created (so tests with
   * made-up images keep working); an ECR image of another account is refused (403) unless that account's registry
   * grants the task's account (a repository policy). Replication puts the image in the task's own registry instead.
   */
  private pullRefusal(image: string, taskAccount: string): string | undefined {
    const ref = /^(\d{12})\.dkr\.ecr[^/]*\/([^:@]+)/.exec(image)
    if (!ref) return undefined
    const [, account, repository] = ref
    const registry = this.registries.get(account!)
    if (account !== taskAccount && !registry?.pullGrantedTo.has(taskAccount)) {
      return `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${image}: 403 Forbidden (no repository policy of account ${account} allows account ${taskAccount})`
    }
    return registry?.repositories.has(repository!) ? registry.pullRefusal(image, account!) : undefined
  }

  /** The service as the fake holds it (for assertions). */
  service(cluster: string, name: string): ServiceRecord {
    const s = this.state.clusters.get(cluster)?.get(name)
    if (!s) throw new Error(`fake ECS: no service ${name} in ${cluster}`)
    return s
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (isStsRequest(req.headers)) {
      const expired = this.sessionExpiresAt !== undefined && this.time >= this.sessionExpiresAt
      return answerSts(Buffer.concat(chunks).toString('utf8'), res, { account: this.callerAccount ?? this.state.account, expired, calls: this.calls, faulted: this.faulted, queued: this.queued })
    }
    const target = String(req.headers['x-amz-target'] ?? '')
    const ecrOperation = target.startsWith(ECR_TARGET_PREFIX) ? target.slice(ECR_TARGET_PREFIX.length) : ''
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : ecrOperation
    const send = (status: number, body: Json, headers: Record<string, string> = {}): void => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${this.totalCalls()}`, 'content-length': Buffer.byteLength(text), ...headers })
      res.end(text)
    }
    // AWS's JSON protocol names the error twice: the x-amzn-ErrorType header and the body's __type.
    const fail = (e: EcsError): void => send(e.status, { __type: e.type, message: e.message }, { 'x-amzn-errortype': e.type })

    if (req.method !== 'POST' || !operation) return fail(new EcsError('UnknownOperationException', `unknown target '${target}'`))
    this.calls[operation] = (this.calls[operation] ?? 0) + 1
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/ecs\//.exec(String(req.headers.authorization ?? ''))
    if (scope) this.signedRegions.push(scope[1]!)
    const contentType = String(req.headers['content-type'] ?? '')
    if (!contentType.startsWith('application/x-amz-json-1.1')) return fail(new EcsError('SerializationException', `unexpected content-type ${contentType}`))
    const ecrHandler = ecrOperation ? ECR_OPERATIONS[ecrOperation] : undefined
    // ECR answers from the registry the request names (registryId), as one fake may serve several accounts.
    const handler: Handler | undefined = ecrOperation ? (ecrHandler ? (_s, i) => ecrHandler(typeof i.registryId === 'string' ? this.registry(i.registryId) : this.ecr, i) : undefined) : OPERATIONS[operation]
    if (!handler) return fail(new EcsError('UnknownOperationException', `the fake ECS does not implement ${operation}`))

    const faults = this.faults
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs))
    const queued = this.queued.findIndex((q) => q.operation === operation)
    if (this.sessionExpiresAt !== undefined && this.time >= this.sessionExpiresAt) {
      this.faulted[operation] = (this.faulted[operation] ?? 0) + 1
      return fail(new EcsError('ExpiredTokenException', 'The security token included in the request is expired'))
    }
    if (queued >= 0 && this.queued[queued]!.skip > 0) {
      // This call succeeds; so does one less before the queued errors of this operation.
      for (const q of this.queued) if (q.operation === operation) q.skip--
    } else if (queued >= 0) {
      this.faulted[operation] = (this.faulted[operation] ?? 0) + 1
      return fail(this.queued.splice(queued, 1)[0]!.error)
    } else if (!faults.operations || faults.operations.includes(operation)) {
      const roll = this.random()
      if (roll < (faults.throttleRate ?? 0)) {
        this.faulted[operation] = (this.faulted[operation] ?? 0) + 1
        return fail(new EcsError('ThrottlingException', 'Rate exceeded'))
      }
      if (roll < (faults.throttleRate ?? 0) + (faults.serverErrorRate ?? 0)) {
        this.faulted[operation] = (this.faulted[operation] ?? 0) + 1
        return fail(new EcsError('ServerException', 'Service unavailable. Please try again later.', 500))
      }
    }

    let input: Json
    try {
      input = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json) : {}
    } catch {
      return fail(new EcsError('SerializationException', 'the request body is not JSON'))
    }
    try {
      this.state.advance()
      send(200, handler(this.state, input))
    } catch (e) {
      if (e instanceof EcsError) fail(e)
      else send(500, { __type: 'ServerException', message: (e as Error).message })
    }
  }
}
