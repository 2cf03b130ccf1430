import type { ECRClient } from '@aws-sdk/client-ecr'
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type RegisterTaskDefinitionCommandInput, type TaskDefinition } from '@aws-sdk/client-ecs'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { ConfigurationError, serviceSettings, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { resolveServiceName } from '@tierdeploy/graph'
import { deployStackServices, rollBackStackService, type StackServiceResult } from '../cloudformation/index.js'
import { allOrAbort, mapWithConcurrency } from './concurrency.js'
import { awsSetupError, configurationErrorOf, describeErrorOf, rethrowConfigurationError, SessionExpiredError } from './errors.js'
import { parseEcrImage, resolveReplicas } from '../ecr/replicas.js'
import { chooseBaseRevision, diffTaskDefinitions, isDigestImage, registrationOf, renderTaskDefinition, sameRegistration } from './render.js'
import { rollBackServices } from './rollback.js'
import { TAG_COMMIT, TAG_DEPLOY_ID, TAG_REPLACES, TAG_SERVICE } from './tags.js'
import type { EcsEffects, EcsServiceResult } from './types.js'
import { DEFAULT_SERVICE_TIMEOUT_MS, describeServices, emitProgress, waitForRollouts, type RolloutWatch, type WaitResult } from './wait.js'
import type { DeployProgress } from './progress.js'
import { taskDefinitionFamily, taskDefinitionName } from './rollout.js'

/** Writes (RegisterTaskDefinition + UpdateService) in flight at once: well under ECS's per-account API rates. */
export const DEFAULT_DEPLOY_CONCURRENCY = 10

export interface EcsDeployRequest {
  catalog: Catalog
  environment: Environment
  cluster: string
  /** Canonical service names per wave; a wave starts when every earlier one has settled. */
  waves: string[][]
  /** Service name -> image pinned by digest. A service without one keeps its running image (its catalog settings still apply). */
  images: Record<string, string>
  /** Tag values for the revisions registered. */
  commitSha?: string
  deployId: string
  /** Read and render only: no RegisterTaskDefinition, UpdateService or stack update. */
  dryRun?: boolean
  /** On failure put every service this step changed back on what it ran before (default true). */
  rollbackOnFailure?: boolean
  /** How long one service's rollout may take (default 15 minutes). */
  serviceTimeoutMs?: number
  /** How long the whole step may take (default: the service timeout once per wave). */
  stepTimeoutMs?: number
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  concurrency?: number
  /** The region the tasks run in (regionFor's answer); default the environment file's. */
  region?: string
}

export interface EcsDeployEffects extends EcsEffects {
  /** Needed only when a selected service is `deployVia: cloudformation`. */
  cloudformation?: CloudFormationClient
  /** ECR of the environment's account, made only when an image comes from another account's or region's registry. */
  ecr?: () => Promise<ECRClient>
  /** Live progress of the step (progress.ts): waves, writes, every poll's pending rollouts, each settled service. */
  progress?: DeployProgress
}

export interface EcsDeployOutcome {
  ok: boolean
  results: EcsServiceResult[]
  /** Per changed service, what registering its new task definition changes (see diffTaskDefinitions). */
  diffs: Record<string, string[]>
  /** Rounds of DescribeServices while waiting. */
  polls: number
}

interface PlannedService {
  name: string
  previous: string
  next: RegisterTaskDefinitionCommandInput
  changed: boolean
  diff: string[]
}

/**
 * Deploys a step (a tier or a chunk of one): reads and renders every service before writing anything, registers and
 * updates only the services whose task definition changes, waits for all of a wave at once, and on failure (by
 * default) puts every service the step changed back on its previous revision. Returns one result per service.
 */
export async function deployEcsServices(given: EcsDeployRequest, effects: EcsDeployEffects): Promise<EcsDeployOutcome> {
  for (const [name, image] of Object.entries(given.images)) {
    if (!isDigestImage(image)) throw new ConfigurationError(`image of ${name} must be pinned by digest (repository@sha256:<64 hex>), got '${image}'`)
  }
  // 0. Every image pullable by this environment's tasks: another account's image becomes its replica here, or nothing is written.
  const request: EcsDeployRequest = { ...given, images: await imagesPullableHere(given, effects) }
  const { catalog, cluster, clock, log } = { ...request, ...effects }
  const started = clock.now()
  const serviceTimeoutMs = request.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS
  // By default each wave may take the service timeout; the step, one service timeout per wave.
  const deadline = started + (request.stepTimeoutMs ?? serviceTimeoutMs * Math.max(1, request.waves.length))
  const rollbackOnFailure = request.rollbackOnFailure ?? true
  const concurrency = request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY
  const all = request.waves.flat().map((name) => serviceNamed(catalog, name))
  const viaStack = new Set(all.filter((s) => s.deployVia === 'cloudformation').map((s) => s.name))

  // 1. Read everything before writing anything: a missing service or container changes nothing.
  const planned = await planServices(request, all.filter((s) => !viaStack.has(s.name)), effects)
  const diffs = Object.fromEntries([...planned.values()].filter((p) => p.changed).map((p) => [p.name, p.diff]))
  const results = new Map<string, EcsServiceResult>()
  const stackResults = new Map<string, StackServiceResult>()

  if (request.dryRun) {
    for (const s of all) {
      const p = planned.get(s.name)
      if (p) results.set(s.name, { service: s.name, status: p.changed ? 'would-deploy' : 'unchanged', previousTaskDefinition: p.previous, ...(p.changed ? {} : { taskDefinition: p.previous }) })
      else results.set(s.name, stackPreview(s, request.images[s.name]))
    }
    return { ok: true, results: all.map((s) => results.get(s.name)!), diffs, polls: 0 }
  }

  // 2. Wave by wave: write, then wait for the whole wave.
  emitProgress(effects, { type: 'step-started', at: clock.now(), deployId: request.deployId, cluster, waves: request.waves })
  const watches: RolloutWatch[] = []
  const unconfirmed = new Set<string>()
  let polls = 0
  let failedWave: number | undefined
  try {
    for (const [w, wave] of request.waves.entries()) {
      const waveStarted = clock.now()
      emitProgress(effects, { type: 'wave-started', at: waveStarted, wave: w + 1, waves: request.waves.length, services: wave })
      const ecsChanged: PlannedService[] = []
      for (const name of wave) {
        const p = planned.get(name)
        if (!p) continue
        if (p.changed) ecsChanged.push(p)
        else {
          results.set(name, { service: name, status: 'unchanged', previousTaskDefinition: p.previous, taskDefinition: p.previous, reason: request.images[name] ? undefined : 'no new image given' })
          emitProgress(effects, { type: 'service-unchanged', at: clock.now(), service: name })
        }
      }
      if (ecsChanged.length) log.info(`wave ${w + 1}: deploying ${ecsChanged.map((p) => p.name).join(', ')}`)
      for (const p of ecsChanged) log.info(`${p.name}: new revision of ${taskDefinitionName(p.previous)}:\n  ${p.diff.join('\n  ')}`)
      const waveWatches: RolloutWatch[] = []
      const refused: ConfigurationError[] = []
      await mapWithConcurrency(ecsChanged, concurrency, async (p) => {
        const watch = await registerAndUpdate(p, request, effects, results, refused)
        if (watch) {
          waveWatches.push(watch)
          unconfirmed.add(p.name)
          emitProgress(effects, { type: 'service-updated', at: clock.now(), service: p.name, revision: taskDefinitionName(watch.taskDefinition), previousRevision: taskDefinitionName(p.previous), ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
        } else emitProgress(effects, { type: 'service-write-failed', at: clock.now(), service: p.name, reason: results.get(p.name)?.reason ?? 'write failed' })
      })
      // Every later call would fail the same way: stop, and let the caller record what changed.
      const expired = refused.find((r) => r instanceof SessionExpiredError)
      if (expired) throw expired
      // AWS refused a write for a set-up reason (permissions) before any service changed: one clear error, nothing to
      // roll back. Once something changed, the refusal is that service's failure and the step rolls the rest back.
      const changedEarlier = watches.length > 0 || [...stackResults.values()].some((r) => r.status === 'deployed')
      if (refused.length && waveWatches.length === 0 && !changedEarlier) throw refused[0]!
      watches.push(...waveWatches)
      const stackWave = wave.filter((n) => viaStack.has(n)).map((n) => serviceNamed(catalog, n))
      // ECS rollouts and stack updates side by side; the first to throw (an expired session) stops the other's polling.
      let waited: WaitResult = { outcomes: new Map(), polls: 0 }
      await allOrAbort([
        async (signal) => {
          waited = await waitForRollouts(waveWatches, { cluster, serviceTimeoutMs, deadline, signal, ...pollOptions(request) }, effects)
        },
        async (signal) => {
          for (const x of await deployStackWave(stackWave, request, { ...effects, signal }, serviceTimeoutMs, rollbackOnFailure)) stackResults.set(x.service, x)
        },
      ])
      polls += waited.polls
      for (const watch of waveWatches) {
        const outcome = waited.outcomes.get(watch.service)!
        const entry = results.get(watch.service)!
        const settled = { settledAt: outcome.settledAt ?? clock.now() }
        results.set(watch.service, outcome.ok ? { ...entry, status: 'deployed', ...settled } : { ...entry, status: 'failed', reason: outcome.reason ?? 'rollout failed', ...settled })
        unconfirmed.delete(watch.service)
      }
      for (const s of stackWave) results.set(s.name, fromStackResult(stackResults.get(s.name)!))
      const count = (status: string): number => wave.filter((n) => results.get(n)?.status === status).length
      emitProgress(effects, { type: 'wave-done', at: clock.now(), wave: w + 1, ok: count('failed') === 0, deployed: count('deployed'), failed: count('failed'), unchanged: count('unchanged'), elapsedMs: clock.now() - waveStarted })
      if (wave.some((n) => results.get(n)?.status === 'failed')) {
        failedWave = w
        break
      }
    }

    if (failedWave !== undefined) {
      const failed = [...results.values()].filter((r) => r.status === 'failed').map((r) => r.service)
      for (const name of request.waves.slice(failedWave + 1).flat()) {
        results.set(name, { service: name, status: 'skipped', reason: `not deployed: wave ${failedWave + 1} failed (${failed.join(', ')})` })
      }
      if (rollbackOnFailure) emitProgress(effects, { type: 'rollback-started', at: clock.now(), services: watches.map((x) => x.service), because: failed })
      if (rollbackOnFailure) await rollBackStep(watches, stackResults, failed, request, effects, serviceTimeoutMs, results)
      else {
        for (const w of watches) {
          const r = results.get(w.service)!
          if (r.status === 'deployed' || r.status === 'failed') results.set(w.service, { ...r, reason: [r.reason, 'left as it is: rollback-on-failure is off'].filter(Boolean).join('; ') })
        }
      }
    }
  } catch (e) {
    if (e instanceof SessionExpiredError) e.results ??= all.map((s) => interruptedResult(s.name, results.get(s.name), unconfirmed.has(s.name)))
    throw e
  }
  const list = all.map((s) => results.get(s.name)!)
  const ok = list.every((r) => r.status === 'deployed' || r.status === 'unchanged')
  log.info(`deploy ${request.deployId}: ${ok ? 'succeeded' : 'failed'} in ${((clock.now() - started) / 1000).toFixed(0)} s (${polls} polls)`)
  emitProgress(effects, { type: 'step-done', at: clock.now(), ok, elapsedMs: clock.now() - started, polls })
  return { ok, results: list, diffs, polls }
}

function pollOptions(request: EcsDeployRequest): { pollIntervalMs?: number; maxPollIntervalMs?: number } {
  return {
    ...(request.pollIntervalMs !== undefined ? { pollIntervalMs: request.pollIntervalMs } : {}),
    ...(request.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: request.maxPollIntervalMs } : {}),
  }
}

function serviceNamed(catalog: Catalog, name: string): Service {
  const s = resolveServiceName(catalog, name)
  if (s.kind !== 'service') throw new ConfigurationError(`${s.name} is ${s.kind === 'library' ? 'a library' : 'infrastructure'}: it is not deployed to ECS`)
  return s
}

/**
 * The images this environment's tasks can pull (resolveReplicas): an ECR image of another account or region is
 * exchanged for the same digest replicated into the environment's registry. Only an environment that names its
 * account can be judged; a dry run looks once instead of waiting for replication.
 */
async function imagesPullableHere(request: EcsDeployRequest, effects: EcsDeployEffects): Promise<Record<string, string>> {
  const account = request.environment.account
  if (account === undefined) return request.images
  const region = request.region ?? request.environment.region
  const foreign = Object.values(request.images).some((image) => {
    const ref = parseEcrImage(image)
    return ref !== undefined && (ref.account !== account || ref.region !== region)
  })
  if (!foreign) return request.images
  if (!effects.ecr) throw new Error('deployEcsServices: an image comes from another registry and no ECR client was given')
  const destination = { environment: request.environment.name, file: request.environment.file, account, region }
  const resolved = await resolveReplicas(request.images, destination, { ecr: await effects.ecr(), clock: effects.clock, log: effects.log }, request.dryRun ? { waitMs: 0 } : {})
  return resolved.images
}

/** Reads each service and its task definition, and renders what it should run. */
async function planServices(request: EcsDeployRequest, services: Service[], effects: EcsEffects): Promise<Map<string, PlannedService>> {
  const planned = new Map<string, PlannedService>()
  if (services.length === 0) return planned
  const described = await describeServices(services.map((s) => s.name), request.cluster, effects)
  if (described.error) throw awsSetupError(described.cause, `ECS (cluster '${request.cluster}')`) ?? new Error(`could not read the services of cluster ${request.cluster}: ${described.error}`)
  const missing = services.filter((s) => !described.services.has(s.name)).map((s) => s.name)
  if (missing.length) {
    throw new ConfigurationError(`not found in ECS cluster '${request.cluster}': ${missing.join(', ')}; create the services first (Terraform module ecs-service), or check the cluster of environment ${request.environment.name} (${request.environment.file})`)
  }
  await mapWithConcurrency(services, request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, async (s) => {
    const service = described.services.get(s.name)!
    if (service.status !== 'ACTIVE') throw new ConfigurationError(`ECS service ${s.name} in cluster '${request.cluster}' is ${service.status}: it cannot be deployed`)
    const controller = service.deploymentController?.type ?? 'ECS'
    if (controller !== 'ECS') {
      throw new ConfigurationError(`ECS service ${s.name} uses the ${controller} deployment controller: tierdeploy deploys rolling-update (ECS controller) services only; deploy it with its own controller or switch it to ECS`)
    }
    const previous = service.taskDefinition!
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
    if (primary?.rolloutState === 'IN_PROGRESS' && (service.deployments?.length ?? 0) > 1) {
      // Rolling back would return to this unfinished revision; say so rather than hide it.
      effects.log.warning(`${s.name}: an earlier rollout to ${previous} is still in progress; this deploy replaces it, and a rollback would return to it`)
    }
    const settings = serviceSettings(request.catalog, s, request.environment)
    const { base, running } = await baseAndRunning(s.name, previous, settings.containerName, request, effects)
    const next = renderTaskDefinition({ base, running, service: s.name, image: request.images[s.name], settings })
    // Compared with what runs, so the diff shows catalog removals and Terraform's changes alike.
    const before = registrationOf(running)
    const changed = !sameRegistration(before, next)
    planned.set(s.name, { name: s.name, previous, next, changed, diff: changed ? diffTaskDefinitions(before, next) : [] })
  })
  return planned
}

/**
 * The revision to render on and the one the service runs. The base is the family's latest ACTIVE revision: the
 * ecs-service module ignores the service's task_definition, so a revision Terraform registers after a deploy (roles,
 * logging, sidecars) reaches the tasks only through here. The running revision is the base when it is the newest (the
 * family has no ACTIVE revision after it, as when it was deregistered), and, with a warning, when the latest lacks
 * the catalog's container (registered by hand, or by Terraform with an older catalog): deploying on what runs beats
 * refusing the deploy.
 */
async function baseAndRunning(service: string, previous: string, containerName: string, request: EcsDeployRequest, effects: EcsEffects): Promise<{ base: TaskDefinition; running: TaskDefinition }> {
  const { base, running, latest, chose } = await chooseBaseRevision(previous, containerName, (ref, missingIsUndefined) => describeTaskDefinition(ref, service, request, effects, { missingIsUndefined }))
  const baseName = taskDefinitionName(base.taskDefinitionArn ?? taskDefinitionFamily(previous))
  if (chose === 'container') {
    const latestName = taskDefinitionName(latest?.taskDefinitionArn ?? taskDefinitionFamily(previous))
    const names = latest?.containerDefinitions?.map((c) => c.name).join(', ') || 'none'
    effects.log.warning(
      `${service}: the family's latest revision ${latestName} has no container '${containerName}' (it has ${names}); building on the running ${taskDefinitionName(previous)} instead, so what ${latestName} changes does not reach the tasks until it has that container (Terraform's container_name comes from the catalog's container.name)`,
    )
  } else if (chose === 'latest') effects.log.info(`${service}: building on ${baseName}, registered after the running ${taskDefinitionName(previous)}`)
  return { base, running }
}

/** DescribeTaskDefinition of an ARN, family:revision or family; with missingIsUndefined, ECS's "not found" is undefined. */
async function describeTaskDefinition(ref: string, service: string, request: EcsDeployRequest, effects: EcsEffects, options: { missingIsUndefined?: boolean } = {}): Promise<TaskDefinition | undefined> {
  try {
    return (await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }))).taskDefinition
  } catch (e) {
    rethrowConfigurationError(e, { cluster: request.cluster, service })
    // ECS answers ClientException "Unable to describe task definition." for a family with no ACTIVE revision.
    if (options.missingIsUndefined && e instanceof Error && e.name === 'ClientException') return undefined
    throw awsSetupError(e, `ECS (cluster '${request.cluster}')`) ?? e
  }
}

/**
 * Registers the new revision (tagged) and points the service at it; returns what to wait for, or records the failure
 * (a set-up refusal also goes to `refused`). Never throws: other services of the wave may already be updating.
 */
async function registerAndUpdate(p: PlannedService, request: EcsDeployRequest, effects: EcsEffects, results: Map<string, EcsServiceResult>, refused: ConfigurationError[]): Promise<RolloutWatch | undefined> {
  const tags = [
    { key: TAG_SERVICE, value: p.name },
    { key: TAG_DEPLOY_ID, value: request.deployId },
    { key: TAG_REPLACES, value: p.previous },
    ...(request.commitSha ? [{ key: TAG_COMMIT, value: request.commitSha }] : []),
  ]
  let arn: string | undefined
  try {
    const registered = await effects.ecs.send(new RegisterTaskDefinitionCommand({ ...p.next, tags }))
    arn = registered.taskDefinition?.taskDefinitionArn
    if (!arn) throw new Error('RegisterTaskDefinition returned no ARN')
    effects.log.info(`${p.name}: registered ${arn}`)
    const updated = await effects.ecs.send(new UpdateServiceCommand({ cluster: request.cluster, service: p.name, taskDefinition: arn }))
    const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY')
    const startedAt = effects.clock.now()
    results.set(p.name, { service: p.name, status: 'deployed', previousTaskDefinition: p.previous, taskDefinition: arn, startedAt })
    return { service: p.name, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt }
  } catch (e) {
    const configuration = configurationErrorOf(e, { cluster: request.cluster, service: p.name })
    if (configuration) refused.push(configuration)
    const step = arn ? 'UpdateService' : 'RegisterTaskDefinition'
    results.set(p.name, { service: p.name, status: 'failed', previousTaskDefinition: p.previous, ...(arn ? { taskDefinition: arn } : {}), reason: configuration?.message ?? `${step} failed: ${describeErrorOf(e)}` })
    return undefined
  }
}

async function deployStackWave(services: Service[], request: EcsDeployRequest, effects: EcsDeployEffects & { signal: AbortSignal }, timeoutMs: number, rollbackOnFailure: boolean): Promise<StackServiceResult[]> {
  const withImage = services.filter((s) => request.images[s.name])
  const out: StackServiceResult[] = services.filter((s) => !request.images[s.name]).map((s) => ({ service: s.name, status: 'unchanged', image: '', reason: 'no new image given' }))
  if (withImage.length === 0) return out
  if (!effects.cloudformation) {
    return [...out, ...withImage.map((s) => ({ service: s.name, status: 'failed' as const, image: request.images[s.name]!, reason: 'deployVia: cloudformation needs a CloudFormation client, which this caller did not provide' }))]
  }
  const requests = withImage.map((s) => ({ service: s.name, stack: s.cloudformation!.stack, imageParameter: s.cloudformation!.imageParameter, image: request.images[s.name]! }))
  const results = await deployStackServices(requests, { cloudformation: effects.cloudformation, clock: effects.clock, log: effects.log, signal: effects.signal }, { timeoutMs, rollbackOnFailure, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) })
  return [...out, ...results]
}

function stackPreview(s: Service, image: string | undefined): EcsServiceResult {
  if (!image) return { service: s.name, status: 'unchanged', reason: 'no new image given' }
  return { service: s.name, status: 'would-deploy', reason: `via CloudFormation stack ${s.cloudformation?.stack}: ${s.cloudformation?.imageParameter}=${image}` }
}

function fromStackResult(r: StackServiceResult): EcsServiceResult {
  const via = `via CloudFormation${r.previousImage ? ` (image was ${r.previousImage})` : ''}`
  // A stack that CloudFormation itself rolled back after a failed update is a failed deploy of this step.
  const status = r.status === 'rolled-back' ? 'failed' : r.status
  return { service: r.service, status, reason: [r.reason, r.image ? `${via}, image ${r.image}` : undefined].filter(Boolean).join('; ') }
}

/**
 * What a service's result says when the AWS session expired mid-step. A service whose update went through stays
 * `deployed` (its rollout unconfirmed, or its rollback cut short), so that a later job with fresh credentials rolling
 * back to the recorded revisions (ecs-deploy `rollback-version: recorded`) puts it back.
 */
function interruptedResult(service: string, result: EcsServiceResult | undefined, unconfirmed: boolean): EcsServiceResult {
  const expired = 'the AWS session expired'
  if (!result) return { service, status: 'skipped', reason: `not deployed: ${expired} first` }
  if (unconfirmed) return { ...result, reason: `updated, but the rollout was not confirmed: ${expired} while waiting` }
  return result
}

/** Puts every service the step changed back on its previous revision (stacks on their previous image) and waits. */
async function rollBackStep(
  watches: RolloutWatch[],
  stackResults: Map<string, StackServiceResult>,
  failed: string[],
  request: EcsDeployRequest,
  effects: EcsDeployEffects,
  timeoutMs: number,
  results: Map<string, EcsServiceResult>,
): Promise<void> {
  const targets = watches.map((w) => ({ service: w.service, taskDefinition: results.get(w.service)!.previousTaskDefinition! }))
  effects.log.warning(`rolling back ${targets.length + [...stackResults.values()].filter((r) => r.status === 'deployed').length} service(s) changed by this step because ${failed.join(', ')} failed`)
  let rolled: EcsServiceResult[]
  try {
    rolled = await rollBackServices(targets, { cluster: request.cluster, timeoutMs, concurrency: request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, ...pollOptions(request) }, effects)
  } catch (e) {
    if (e instanceof SessionExpiredError) {
      for (const t of targets) {
        const before = results.get(t.service)!
        results.set(t.service, { ...before, reason: [before.reason, `rollback to ${t.taskDefinition} cut short: the AWS session expired`].filter(Boolean).join('; ') })
      }
    }
    throw e
  }
  for (const r of rolled) {
    const before = results.get(r.service)!
    const back = r.status === 'rolled-back'
    if (before.status === 'failed') {
      results.set(r.service, { ...before, status: back ? 'failed' : 'rollback-failed', reason: `${before.reason}; ${back ? `rolled back to ${r.taskDefinition}` : `rollback failed: ${r.reason}`}` })
    } else {
      results.set(r.service, { ...before, status: back ? 'rolled-back' : 'rollback-failed', reason: back ? `rolled back because ${failed.join(', ')} failed` : `rollback failed: ${r.reason}` })
    }
  }
  const cloudformation = effects.cloudformation
  const stacks = [...stackResults.values()].filter((r) => r.status === 'deployed' && r.previousImage)
  if (!cloudformation || stacks.length === 0) return
  await Promise.all(
    stacks.map(async (r) => {
      const s = request.catalog.services.get(r.service)!
      const back = await rollBackStackService({ service: r.service, stack: s.cloudformation!.stack, imageParameter: s.cloudformation!.imageParameter, image: r.previousImage! }, { cloudformation, clock: effects.clock, log: effects.log }, { timeoutMs, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) })
      results.set(r.service, { service: r.service, status: back.status === 'rolled-back' || back.status === 'unchanged' ? 'rolled-back' : 'rollback-failed', reason: back.reason ?? `rolled back to image ${r.previousImage} because ${failed.join(', ')} failed` })
    }),
  )
}
