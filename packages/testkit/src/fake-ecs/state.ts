/**
 * The in-memory model behind the fake ECS control plane: clusters, services with their deployments, task-definition
 * families and revisions, tasks and tags. Shapes and error codes follow the ECS API reference (2014-11-13);
 * timestamps are kept in milliseconds and sent as epoch seconds, as ECS's JSON 1.1 protocol does.
 */

export type Json = Record<string, unknown>

/** An ECS error: `type` becomes `__type`, which the SDK maps to its exception class. */
export class EcsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = type
  }
}

export interface Tag {
  key: string
  value: string
}

/** How one deployment's rollout goes, decided when the deployment starts. */
export interface RolloutPlan {
  /** complete: PRIMARY reaches COMPLETED after `durationMs`; fail: tasks stop after `durationMs`; never: stays IN_PROGRESS. */
  outcome: 'complete' | 'fail' | 'never'
  durationMs?: number
  /** For `fail`: the stopped tasks' stoppedReason. */
  stoppedReason?: string
  /** For `fail`: the essential container's reason (e.g. CannotPullContainerError: ...). */
  containerReason?: string
}

export interface RolloutContext {
  cluster: string
  service: string
  taskDefinitionArn: string
  images: string[]
  /** True for the deployment the circuit breaker starts to roll back. */
  circuitBreakerRollback: boolean
}

interface TaskDefinitionRecord {
  body: Json
  tags: Tag[]
}

export interface Deployment {
  id: string
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE'
  taskDefinition: string
  desiredCount: number
  pendingCount: number
  runningCount: number
  failedTasks: number
  createdAt: number
  updatedAt: number
  launchType: 'FARGATE'
  rolloutState: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS'
  rolloutStateReason: string
  plan: RolloutPlan
  /** The failure has been acted on (tasks stopped, circuit breaker fired). */
  failed?: boolean
}

interface ServiceEvent {
  id: string
  createdAt: number
  message: string
}

export interface ServiceRecord {
  name: string
  arn: string
  cluster: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  desiredCount: number
  taskDefinition: string
  deployments: Deployment[]
  events: ServiceEvent[]
  circuitBreaker: { enable: boolean; rollback: boolean }
  createdAt: number
  tags: Tag[]
  deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  /** The service's load balancers (DescribeServices' loadBalancers): target groups the health gate checks. */
  loadBalancers: LoadBalancer[]
}

export interface LoadBalancer {
  targetGroupArn: string
  containerName: string
  containerPort: number
}

export interface TaskRecord {
  arn: string
  cluster: string
  service: string
  taskDefinitionArn: string
  deploymentId: string
  lastStatus: 'RUNNING' | 'STOPPED' | 'PENDING'
  desiredStatus: 'RUNNING' | 'STOPPED'
  stoppedReason?: string
  stopCode?: string
  containers: { name: string; image: string; lastStatus: string; exitCode?: number; reason?: string }[]
  createdAt: number
  stoppedAt?: number
}

export interface AddServiceOptions {
  cluster: string
  name: string
  /** A task definition ARN or family[:revision] already registered. */
  taskDefinition: string
  desiredCount?: number
  circuitBreaker?: { enable: boolean; rollback: boolean }
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  loadBalancers?: LoadBalancer[]
}

const REGISTER_FIELDS = new Set([
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints', 'requiresCompatibilities',
  'cpu', 'memory', 'tags', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'runtimePlatform', 'enableFaultInjection',
])

export class EcsState {
  readonly clusters = new Map<string, Map<string, ServiceRecord>>()
  readonly families = new Map<string, TaskDefinitionRecord[]>()
  readonly tasks: TaskRecord[] = []
  /** Decides each new deployment's rollout; the default completes after `defaultRolloutMs`. */
  rolloutPlan: (ctx: RolloutContext) => RolloutPlan | undefined = () => undefined
  /** Why a task of `account` cannot pull an image (a CannotPullContainerError), or undefined when it can. */
  pullRefusal: (image: string, account: string) => string | undefined = () => undefined
  /** The account each cluster belongs to, where it is not the fake's own (one fake serving several accounts). */
  readonly clusterAccounts = new Map<string, string>()
  defaultRolloutMs = 30_000
  private counter = 0

  constructor(
    readonly region: string,
    readonly account: string,
    readonly now: () => number,
  ) {}

  private next(): number {
    return ++this.counter
  }

  clusterArn(name: string): string {
    return `arn:aws:ecs:${this.region}:${this.account}:cluster/${name}`
  }

  createCluster(name: string): void {
    if (!this.clusters.has(name)) this.clusters.set(name, new Map())
  }

  // ---- task definitions -------------------------------------------------------------------------------------------

  registerTaskDefinition(input: Json): { taskDefinition: Json; tags: Tag[] } {
    for (const key of Object.keys(input)) {
      if (!REGISTER_FIELDS.has(key)) {
        throw new EcsError('ClientException', `Unknown parameter in input: "${key}", must be one of: ${[...REGISTER_FIELDS].join(', ')}`)
      }
    }
    const family = input.family
    if (typeof family !== 'string' || !/^[a-zA-Z0-9_-]{1,255}$/.test(family)) {
      throw new EcsError('ClientException', 'Family contains invalid characters or is too long (up to 255 letters, numbers, hyphens and underscores are allowed).')
    }
    const containers = input.containerDefinitions
    if (!Array.isArray(containers) || containers.length === 0) throw new EcsError('ClientException', 'Container list cannot be empty.')
    const names = new Set<string>()
    for (const c of containers as Json[]) {
      if (typeof c.name !== 'string' || !c.name) throw new EcsError('ClientException', 'Container.name should not be null or empty.')
      if (typeof c.image !== 'string' || !c.image) throw new EcsError('ClientException', 'Container.image should not be null or empty.')
      if (names.has(c.name)) throw new EcsError('ClientException', `Duplicate container name: ${c.name}`)
      names.add(c.name)
    }
    const fargate = Array.isArray(input.requiresCompatibilities) && input.requiresCompatibilities.includes('FARGATE')
    if (fargate) {
      if (input.networkMode !== 'awsvpc') throw new EcsError('ClientException', "Fargate only supports network mode 'awsvpc'.")
      if (input.cpu === undefined) throw new EcsError('ClientException', "Fargate requires that 'cpu' be defined at the task level.")
      if (input.memory === undefined) throw new EcsError('ClientException', "Fargate requires that 'memory' be defined at the task level.")
    }
    const tags = parseTags(input.tags)
    const revisions = this.families.get(family) ?? []
    this.families.set(family, revisions)
    const revision = revisions.length + 1
    const { tags: _tags, ...rest } = input
    const body: Json = {
      ...structuredClone(rest),
      taskDefinitionArn: `arn:aws:ecs:${this.region}:${this.account}:task-definition/${family}:${revision}`,
      revision,
      status: 'ACTIVE',
      compatibilities: fargate ? ['EC2', 'FARGATE'] : ['EC2'],
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-iam-role' }],
      registeredAt: this.now(),
      registeredBy: `arn:aws:sts::${this.account}:assumed-role/deployer/session`,
    }
    revisions.push({ body, tags })
    return { taskDefinition: toWire(body), tags }
  }

  /** Finds a revision by ARN, family:revision, or family (latest ACTIVE). */
  findTaskDefinition(ref: string): TaskDefinitionRecord | undefined {
    const arn = /^arn:aws:ecs:[^:]+:\d+:task-definition\/(.+)$/.exec(ref)
    const id = arn ? arn[1]! : ref
    const [family, rev] = id.split(':')
    const revisions = this.families.get(family ?? '')
    if (!revisions) return undefined
    if (rev === undefined) return [...revisions].reverse().find((r) => r.body.status === 'ACTIVE')
    if (!/^\d+$/.test(rev)) return undefined
    return revisions[Number(rev) - 1]
  }

  describeTaskDefinition(input: Json): Json {
    const ref = requireString(input, 'taskDefinition')
    const record = this.findTaskDefinition(ref)
    if (!record) throw new EcsError('ClientException', 'Unable to describe task definition.')
    const include = Array.isArray(input.include) ? input.include : []
    return { taskDefinition: toWire(record.body), ...(include.includes('TAGS') ? { tags: record.tags } : {}) }
  }

  listTaskDefinitions(input: Json): Json {
    const prefix = typeof input.familyPrefix === 'string' ? input.familyPrefix : undefined
    const status = typeof input.status === 'string' ? input.status : 'ACTIVE'
    const arns: string[] = []
    for (const [family, revisions] of [...this.families.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      // familyPrefix matches the whole family name, as ECS does.
      if (prefix !== undefined && family !== prefix) continue
      for (const r of revisions) if (status === 'ALL' || r.body.status === status) arns.push(r.body.taskDefinitionArn as string)
    }
    if (input.sort === 'DESC') arns.reverse()
    return paginate(arns, input, 100, 'taskDefinitionArns')
  }

  deregisterTaskDefinition(input: Json): Json {
    const ref = requireString(input, 'taskDefinition')
    if (!ref.includes(':') || ref.endsWith(':')) throw new EcsError('ClientException', 'The specified task definition must include a revision (family:revision or full ARN).')
    const record = this.findTaskDefinition(ref)
    if (!record) throw new EcsError('ClientException', 'The specified task definition does not exist.')
    record.body.status = 'INACTIVE'
    record.body.deregisteredAt = this.now()
    return { taskDefinition: toWire(record.body) }
  }

  // ---- tags -------------------------------------------------------------------------------------------------------

  private taggable(arn: string): { tags: Tag[] } {
    const td = /:task-definition\/(.+)$/.exec(arn)
    if (td) {
      const record = this.findTaskDefinition(arn)
      if (record && td[1]!.includes(':')) return record
    }
    const svc = /:service\/([^/]+)\/([^/]+)$/.exec(arn)
    if (svc) {
      const s = this.clusters.get(svc[1]!)?.get(svc[2]!)
      if (s) return s
    }
    if (!/^arn:aws:ecs:/.test(arn)) throw new EcsError('InvalidParameterException', `Invalid resource ARN: ${arn}`)
    throw new EcsError('ResourceNotFoundException', 'The specified resource could not be found.')
  }

  tagResource(input: Json): Json {
    const target = this.taggable(requireString(input, 'resourceArn'))
    const tags = parseTags(input.tags)
    if (tags.length === 0) throw new EcsError('InvalidParameterException', 'Tags cannot be empty.')
    for (const t of tags) {
      const existing = target.tags.find((x) => x.key === t.key)
      if (existing) existing.value = t.value
      else target.tags.push(t)
    }
    if (target.tags.length > 50) throw new EcsError('InvalidParameterException', 'A resource can have at most 50 tags.')
    return {}
  }

  listTagsForResource(input: Json): Json {
    return { tags: this.taggable(requireString(input, 'resourceArn')).tags }
  }

  // ---- services ---------------------------------------------------------------------------------------------------

  private cluster(input: Json): { name: string; services: Map<string, ServiceRecord> } {
    const ref = typeof input.cluster === 'string' ? input.cluster : 'default'
    const name = ref.startsWith('arn:') ? ref.replace(/^.*:cluster\//, '') : ref
    const services = this.clusters.get(name)
    if (!services) throw new EcsError('ClusterNotFoundException', 'Cluster not found.')
    return { name, services }
  }

  addService(options: AddServiceOptions): ServiceRecord {
    this.createCluster(options.cluster)
    const td = this.findTaskDefinition(options.taskDefinition)
    if (!td) throw new Error(`fake ECS: no task definition ${options.taskDefinition}`)
    const arn = td.body.taskDefinitionArn as string
    const desired = options.desiredCount ?? 1
    const service: ServiceRecord = {
      name: options.name,
      arn: `arn:aws:ecs:${this.region}:${this.account}:service/${options.cluster}/${options.name}`,
      cluster: options.cluster,
      status: 'ACTIVE',
      desiredCount: desired,
      taskDefinition: arn,
      deployments: [],
      events: [],
      circuitBreaker: options.circuitBreaker ?? { enable: true, rollback: true },
      createdAt: this.now(),
      tags: [],
      deploymentController: options.deploymentController ?? 'ECS',
      loadBalancers: options.loadBalancers ?? [],
    }
    const deployment = this.newDeployment(service, arn, { outcome: 'complete', durationMs: 0 })
    deployment.rolloutState = 'COMPLETED'
    deployment.runningCount = desired
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`
    service.deployments = [deployment]
    this.startTasks(service, deployment)
    this.clusters.get(options.cluster)!.set(options.name, service)
    return service
  }

  private newDeployment(service: ServiceRecord, taskDefinition: string, plan: RolloutPlan): Deployment {
    const now = this.now()
    return {
      id: `ecs-svc/${String(1_000_000_000_000_000_000n + BigInt(this.next()))}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: service.desiredCount,
      pendingCount: 0,
      runningCount: 0,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      launchType: 'FARGATE',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment in progress.',
      plan,
    }
  }

  private planFor(service: ServiceRecord, taskDefinition: string, circuitBreakerRollback: boolean): RolloutPlan {
    const body = this.findTaskDefinition(taskDefinition)?.body
    const images = ((body?.containerDefinitions as Json[] | undefined) ?? []).map((c) => c.image as string)
    // A task that cannot pull its image stops before anything else is decided, as on ECS.
    const account = this.clusterAccounts.get(service.cluster) ?? this.account
    const refusal = circuitBreakerRollback ? undefined : images.map((i) => this.pullRefusal(i, account)).find((r) => r !== undefined)
    if (refusal) return { outcome: 'fail', durationMs: 30_000, stoppedReason: 'CannotPullContainerError: The task cannot pull its image', containerReason: refusal }
    const plan = this.rolloutPlan({ cluster: service.cluster, service: service.name, taskDefinitionArn: taskDefinition, images, circuitBreakerRollback })
    return plan ?? { outcome: 'complete', durationMs: this.defaultRolloutMs }
  }

  private event(service: ServiceRecord, message: string): void {
    service.events.unshift({ id: cryptoId(this.next()), createdAt: this.now(), message: `(service ${service.name}) ${message}` })
    if (service.events.length > 100) service.events.length = 100
  }

  private startTasks(service: ServiceRecord, deployment: Deployment): void {
    const body = this.findTaskDefinition(deployment.taskDefinition)?.body
    for (let i = 0; i < deployment.desiredCount; i++) {
      this.tasks.push({
        arn: `arn:aws:ecs:${this.region}:${this.account}:task/${service.cluster}/${cryptoId(this.next())}`,
        cluster: service.cluster,
        service: service.name,
        taskDefinitionArn: deployment.taskDefinition,
        deploymentId: deployment.id,
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        containers: ((body?.containerDefinitions as Json[] | undefined) ?? []).map((c) => ({ name: c.name as string, image: c.image as string, lastStatus: 'RUNNING' })),
        createdAt: this.now(),
      })
    }
  }

  private stopTasks(service: ServiceRecord, keep: (t: TaskRecord) => boolean, reason: string): void {
    for (const t of this.tasks) {
      if (t.cluster !== service.cluster || t.service !== service.name || t.desiredStatus === 'STOPPED' || keep(t)) continue
      t.lastStatus = 'STOPPED'
      t.desiredStatus = 'STOPPED'
      t.stoppedReason = reason
      t.stopCode = 'ServiceSchedulerInitiated'
      t.stoppedAt = this.now()
      for (const c of t.containers) c.lastStatus = 'STOPPED'
    }
  }

  /** Moves every rollout forward to the current time. Called before each request. */
  advance(): void {
    for (const services of this.clusters.values()) for (const s of services.values()) this.advanceService(s)
  }

  private advanceService(service: ServiceRecord): void {
    // A completed circuit-breaker rollback can itself be followed by nothing else, so loop until nothing changes.
    for (let guard = 0; guard < 5; guard++) {
      const primary = service.deployments.find((d) => d.status === 'PRIMARY')
      if (!primary || primary.rolloutState !== 'IN_PROGRESS') return
      const due = primary.createdAt + (primary.plan.durationMs ?? this.defaultRolloutMs)
      if (primary.plan.outcome === 'never' || this.now() < due) {
        primary.pendingCount = primary.desiredCount - primary.runningCount
        return
      }
      if (primary.plan.outcome === 'complete') {
        this.completeDeployment(service, primary, due)
        continue
      }
      if (primary.failed) return
      this.failDeployment(service, primary, due)
    }
  }

  private completeDeployment(service: ServiceRecord, primary: Deployment, at: number): void {
    primary.runningCount = primary.desiredCount
    primary.pendingCount = 0
    primary.rolloutState = 'COMPLETED'
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`
    primary.updatedAt = at
    this.startTasks(service, primary)
    this.stopTasks(service, (t) => t.deploymentId === primary.id, `Scaling activity initiated by (deployment ${primary.id})`)
    service.deployments = [primary]
    this.event(service, `(deployment ${primary.id}) deployment completed.`)
    this.event(service, 'has reached a steady state.')
  }

  private failDeployment(service: ServiceRecord, primary: Deployment, at: number): void {
    primary.failed = true
    primary.failedTasks = Math.max(3, primary.desiredCount)
    primary.updatedAt = at
    const body = this.findTaskDefinition(primary.taskDefinition)?.body
    for (let i = 0; i < primary.failedTasks; i++) {
      this.tasks.push({
        arn: `arn:aws:ecs:${this.region}:${this.account}:task/${service.cluster}/${cryptoId(this.next())}`,
        cluster: service.cluster,
        service: service.name,
        taskDefinitionArn: primary.taskDefinition,
        deploymentId: primary.id,
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stoppedReason: primary.plan.stoppedReason ?? 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: ((body?.containerDefinitions as Json[] | undefined) ?? []).map((c) => ({
          name: c.name as string,
          image: c.image as string,
          lastStatus: 'STOPPED',
          exitCode: 1,
          ...(primary.plan.containerReason ? { reason: primary.plan.containerReason } : {}),
        })),
        createdAt: primary.createdAt,
        stoppedAt: at,
      })
    }
    this.event(service, `has started ${primary.desiredCount} tasks: ${primary.failedTasks} stopped (${primary.plan.stoppedReason ?? 'Essential container in task exited'}).`)
    if (!service.circuitBreaker.enable) return // ECS keeps trying to start tasks: the rollout never ends.
    primary.rolloutState = 'FAILED'
    primary.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.'
    this.event(service, `(deployment ${primary.id}) deployment failed: tasks failed to start.`)
    if (!service.circuitBreaker.rollback) return
    const previous = service.deployments.find((d) => d !== primary && d.status === 'ACTIVE')
    if (!previous) return
    const rollback = this.newDeployment(service, previous.taskDefinition, this.planFor(service, previous.taskDefinition, true))
    rollback.createdAt = at
    rollback.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${previous.id}.`
    primary.status = 'ACTIVE'
    previous.status = 'INACTIVE'
    service.deployments = [rollback, primary, ...service.deployments.filter((d) => d !== primary && d !== previous)]
    service.taskDefinition = previous.taskDefinition
    this.event(service, `(deployment ${primary.id}) rolling back to deployment ${previous.id}.`)
  }

  describeServices(input: Json): Json {
    const { name: cluster, services } = this.cluster(input)
    const names = input.services
    if (!Array.isArray(names) || names.length === 0) throw new EcsError('InvalidParameterException', 'Services cannot be empty.')
    if (names.length > 10) throw new EcsError('InvalidParameterException', 'services can have at most 10 items.')
    const found: Json[] = []
    const failures: Json[] = []
    for (const ref of names as string[]) {
      const name = ref.replace(/^arn:.*:service\/(?:[^/]+\/)?/, '')
      const s = services.get(name)
      // Tags come back only when asked for with include: ["TAGS"], as in ECS.
      if (s) found.push({ ...serviceToWire(s, this.tasks), ...(Array.isArray(input.include) && input.include.includes('TAGS') ? { tags: s.tags } : {}) })
      // The long ARN format (service/CLUSTER/NAME), as serviceArn uses.
      else failures.push({ arn: ref.startsWith('arn:') ? ref : `arn:aws:ecs:${this.region}:${this.account}:service/${cluster}/${name}`, reason: 'MISSING' })
    }
    return { services: found, failures }
  }

  listServices(input: Json): Json {
    const { services } = this.cluster(input)
    return paginate([...services.values()].map((s) => s.arn), input, 10, 'serviceArns')
  }

  updateService(input: Json): Json {
    const cluster = this.cluster(input)
    const name = requireString(input, 'service').replace(/^arn:.*:service\/(?:[^/]+\/)?/, '')
    const service = cluster.services.get(name)
    if (!service) throw new EcsError('ServiceNotFoundException', 'Service not found.')
    if (service.status !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.')
    if (service.deploymentController === 'CODE_DEPLOY' && typeof input.taskDefinition === 'string') {
      throw new EcsError('InvalidParameterException', 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.')
    }
    if (typeof input.desiredCount === 'number') {
      service.desiredCount = input.desiredCount
      for (const d of service.deployments) if (d.status === 'PRIMARY') d.desiredCount = input.desiredCount
    }
    const config = input.deploymentConfiguration as Json | undefined
    const breaker = config?.deploymentCircuitBreaker as { enable: boolean; rollback: boolean } | undefined
    if (breaker) service.circuitBreaker = { enable: breaker.enable, rollback: breaker.rollback }
    let target = service.taskDefinition
    if (typeof input.taskDefinition === 'string') {
      const td = this.findTaskDefinition(input.taskDefinition)
      if (!td) throw new EcsError('ClientException', 'TaskDefinition not found.')
      if (td.body.status !== 'ACTIVE') throw new EcsError('ClientException', `TaskDefinition is inactive: ${td.body.taskDefinitionArn as string}`)
      target = td.body.taskDefinitionArn as string
    }
    if (target !== service.taskDefinition || input.forceNewDeployment === true) {
      const deployment = this.newDeployment(service, target, this.planFor(service, target, false))
      for (const d of service.deployments) if (d.status === 'PRIMARY') d.status = 'ACTIVE'
      service.deployments = [deployment, ...service.deployments]
      service.taskDefinition = target
    }
    return { service: serviceToWire(service, this.tasks) }
  }

  listTasks(input: Json): Json {
    const { name } = this.cluster(input)
    const desired = typeof input.desiredStatus === 'string' ? input.desiredStatus : 'RUNNING'
    const serviceName = typeof input.serviceName === 'string' ? input.serviceName : undefined
    if (serviceName !== undefined && !this.clusters.get(name)!.has(serviceName)) throw new EcsError('ServiceNotFoundException', 'Service not found.')
    const arns = this.tasks
      .filter((t) => t.cluster === name && t.desiredStatus === desired && (serviceName === undefined || t.service === serviceName))
      .reverse()
      .map((t) => t.arn)
    return paginate(arns, input, 100, 'taskArns')
  }

  describeTasks(input: Json): Json {
    const { name } = this.cluster(input)
    const refs = input.tasks
    if (!Array.isArray(refs) || refs.length === 0) throw new EcsError('InvalidParameterException', 'Tasks cannot be empty.')
    if (refs.length > 100) throw new EcsError('InvalidParameterException', 'tasks can have at most 100 items.')
    const tasks: Json[] = []
    const failures: Json[] = []
    for (const ref of refs as string[]) {
      const t = this.tasks.find((x) => x.cluster === name && (x.arn === ref || x.arn.endsWith(`/${ref}`)))
      if (!t) failures.push({ arn: ref, reason: 'MISSING' })
      else {
        tasks.push(
          toWire({
            taskArn: t.arn,
            clusterArn: this.clusterArn(t.cluster),
            taskDefinitionArn: t.taskDefinitionArn,
            group: `service:${t.service}`,
            startedBy: t.deploymentId,
            lastStatus: t.lastStatus,
            desiredStatus: t.desiredStatus,
            launchType: 'FARGATE',
            createdAt: t.createdAt,
            ...(t.stoppedAt !== undefined ? { stoppedAt: t.stoppedAt } : {}),
            ...(t.stoppedReason ? { stoppedReason: t.stoppedReason, stopCode: t.stopCode } : {}),
            containers: t.containers.map((c) => ({ ...c, taskArn: t.arn })),
          }),
        )
      }
    }
    return { tasks, failures }
  }
}

function serviceToWire(s: ServiceRecord, tasks: TaskRecord[]): Json {
  const running = tasks.filter((t) => t.cluster === s.cluster && t.service === s.name && t.lastStatus === 'RUNNING').length
  return toWire({
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: s.arn.replace(/:service\/.*$/, `:cluster/${s.cluster}`),
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: Math.min(running, s.desiredCount * 2),
    pendingCount: s.deployments.reduce((n, d) => n + d.pendingCount, 0),
    launchType: 'FARGATE',
    taskDefinition: s.taskDefinition,
    deploymentConfiguration: { deploymentCircuitBreaker: s.circuitBreaker, maximumPercent: 200, minimumHealthyPercent: 100 },
    deployments: s.deployments.map(({ plan: _plan, failed: _failed, ...d }) => d),
    events: s.events,
    createdAt: s.createdAt,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: s.deploymentController },
    loadBalancers: s.loadBalancers,
  })
}

/** Milliseconds to ECS's epoch seconds for every *At key, recursively. */
function toWire(value: Json): Json {
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number' && /At$/.test(k)) out[k] = v / 1000
    else if (Array.isArray(v)) out[k] = v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? toWire(x as Json) : x))
    else if (v && typeof v === 'object') out[k] = toWire(v as Json)
    else out[k] = v
  }
  return out
}

function parseTags(value: unknown): Tag[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new EcsError('InvalidParameterException', 'Tags must be a list.')
  return value.map((t: Json) => {
    if (typeof t.key !== 'string' || !t.key || t.key.length > 128) throw new EcsError('InvalidParameterException', 'Tag keys must be 1 to 128 characters.')
    if (typeof t.value !== 'string' || t.value.length > 256) throw new EcsError('InvalidParameterException', 'Tag values must be at most 256 characters.')
    return { key: t.key, value: t.value }
  })
}

function requireString(input: Json, key: string): string {
  const v = input[key]
  if (typeof v !== 'string' || !v) throw new EcsError('InvalidParameterException', `${key} must be specified.`)
  return v
}

function paginate(items: string[], input: Json, defaultMax: number, key: string): Json {
  const max = typeof input.maxResults === 'number' ? input.maxResults : defaultMax
  if (max < 1 || max > 100) throw new EcsError('InvalidParameterException', 'maxResults must be between 1 and 100.')
  let start = 0
  if (typeof input.nextToken === 'string') {
    start = Number(Buffer.from(input.nextToken, 'base64').toString('utf8'))
    if (!Number.isInteger(start) || start < 0) throw new EcsError('InvalidParameterException', 'Invalid nextToken.')
  }
  const page = items.slice(start, start + max)
  const next = start + max < items.length ? Buffer.from(String(start + max)).toString('base64') : undefined
  return { [key]: page, ...(next ? { nextToken: next } : {}) }
}

function cryptoId(n: number): string {
  return (n.toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718293a4b5c6d7e8f90').slice(0, 32)
}
