import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand, UpdateServiceCommand, type Tag, type TaskDefinition } from '@aws-sdk/client-ecs'
import { ConfigurationError, isConfigurationError } from '@tierdeploy/catalog'
import { awsSetupError, configurationErrorOf, describeErrorOf, rethrowConfigurationError, SessionExpiredError } from './errors.js'
import { mapWithConcurrency } from './concurrency.js'
import { TAG_COMMIT, TAG_REPLACES } from './tags.js'
import type { EcsEffects, EcsServiceResult } from './types.js'
import { describeServices, waitForRollouts, type RolloutWatch } from './wait.js'
import { sameTaskDefinition, taskDefinitionFamily } from './rollout.js'
import type { RollbackVersion } from './parse-inputs.js'
export { parseDeployResult, parseRollbackVersion, type RollbackVersion } from './parse-inputs.js'

export interface RollBackTarget {
  /** ECS service name (the catalog name). */
  service: string
  /** Task definition ARN or family:revision to put the service back on. */
  taskDefinition: string
}

export interface RollBackOptions {
  cluster: string
  /** How long each service may take to settle (default 15 minutes). */
  timeoutMs?: number
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  concurrency?: number
}

/**
 * Puts services back on the given task definitions and waits for them (contract in index.ts). A service already on
 * its target (ECS's circuit breaker put it back, or an earlier rollback did) gets no UpdateService, only the wait.
 * An expired AWS session is thrown (SessionExpiredError) once the writes in flight are done: every later call would
 * fail the same way.
 */
export async function rollBackServices(targets: RollBackTarget[], options: RollBackOptions, effects: EcsEffects): Promise<EcsServiceResult[]> {
  if (targets.length === 0) return []
  const { clock, log } = effects
  const described = await describeServices(targets.map((t) => t.service), options.cluster, effects)
  const results = new Map<string, EcsServiceResult>()
  const watches: RolloutWatch[] = []
  let expired: SessionExpiredError | undefined
  await mapWithConcurrency(targets, options.concurrency ?? 8, async (target) => {
    const current = described.services.get(target.service)
    const before = current?.taskDefinition
    const base = { service: target.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: target.taskDefinition }
    if (!current) {
      results.set(target.service, { ...base, status: 'rollback-failed', reason: described.error ?? `service not found in cluster ${options.cluster}` })
      return
    }
    if (sameTaskDefinition(current.taskDefinition, target.taskDefinition)) {
      const primary = current.deployments?.find((d) => d.status === 'PRIMARY')
      watches.push({ service: target.service, taskDefinition: current.taskDefinition!, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() })
      return
    }
    try {
      log.info(`${target.service}: rolling back from ${before} to ${target.taskDefinition}`)
      const out = await effects.ecs.send(new UpdateServiceCommand({ cluster: options.cluster, service: target.service, taskDefinition: target.taskDefinition }))
      const primary = out.service?.deployments?.find((d) => d.status === 'PRIMARY')
      const arn = out.service?.taskDefinition ?? target.taskDefinition
      results.set(target.service, { ...base, taskDefinition: arn, status: 'rolled-back' })
      watches.push({ service: target.service, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() })
    } catch (e) {
      // Recorded, not thrown: other services may already be rolling back, and the caller must hear about each.
      const configuration = configurationErrorOf(e, { cluster: options.cluster, service: target.service })
      if (configuration instanceof SessionExpiredError) expired ??= configuration
      results.set(target.service, { ...base, status: 'rollback-failed', reason: configuration?.message ?? `UpdateService failed: ${describeErrorOf(e)}` })
    }
  })
  if (expired) throw expired
  const { outcomes } = await waitForRollouts(watches, {
    cluster: options.cluster,
    serviceTimeoutMs: options.timeoutMs ?? 15 * 60_000,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: options.maxPollIntervalMs } : {}),
  }, effects)
  for (const w of watches) {
    const outcome = outcomes.get(w.service)
    const previous = results.get(w.service)
    const before = described.services.get(w.service)?.taskDefinition
    const base = { service: w.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: w.taskDefinition }
    results.set(w.service, outcome?.ok ? { ...(previous ?? base), status: 'rolled-back' } : { ...base, status: 'rollback-failed', reason: outcome?.reason ?? 'did not settle' })
  }
  return targets.map((t) => results.get(t.service)!)
}

/** How many recent revisions a commit lookup reads before giving up (each costs one DescribeTaskDefinition). */
export const COMMIT_LOOKUP_LIMIT = 100

/**
 * The task definition ARN to roll `service` back to. `previous` is what ran before the deploy that registered the
 * running revision (its tierdeploy:replaces tag, written at deploy time); a revision is `family:N` of the running
 * family; a commit is the newest revision tagged with that commit. Throws a ConfigurationError saying why when
 * there is nothing to roll back to.
 */
export async function resolveRollbackTarget(service: string, version: RollbackVersion, options: { cluster: string }, effects: EcsEffects): Promise<{ current: string; target: string }> {
  try {
    return await findRollbackTarget(service, version, options, effects)
  } catch (e) {
    if (isConfigurationError(e)) throw e
    // Only reads happen here, so a refusal or an unreachable endpoint stops the rollback before any write.
    rethrowConfigurationError(e, { cluster: options.cluster, service })
    throw awsSetupError(e, `ECS (cluster '${options.cluster}')`) ?? e
  }
}

async function findRollbackTarget(service: string, version: RollbackVersion, options: { cluster: string }, effects: EcsEffects): Promise<{ current: string; target: string }> {
  const described = await describeServices([service], options.cluster, effects)
  if (described.error) throw described.cause
  const current = described.services.get(service)?.taskDefinition
  if (!current) throw new ConfigurationError(`service '${service}' not found in ECS cluster '${options.cluster}': nothing to roll back`)
  const family = taskDefinitionFamily(current)
  const describe = async (ref: string): Promise<{ td?: TaskDefinition; tags: Tag[] }> => {
    try {
      const out = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] }))
      return { ...(out.taskDefinition ? { td: out.taskDefinition } : {}), tags: out.tags ?? [] }
    } catch (e) {
      if (e instanceof Error && e.name === 'ClientException') return { tags: [] }
      throw e
    }
  }

  let target: string
  if (version.kind === 'previous') {
    const { tags } = await describe(current)
    const replaces = tags.find((t) => t.key === TAG_REPLACES)?.value
    if (!replaces) {
      throw new ConfigurationError(
        `${service}: nothing to roll back to: the running revision ${current} was not deployed by tierdeploy (it has no ${TAG_REPLACES} tag), so what ran before it is unknown; name a revision (--version N) or a commit instead`,
      )
    }
    target = replaces
  } else if (version.kind === 'revision') {
    const ref = `${family}:${version.revision}`
    const { td } = await describe(ref)
    if (!td) throw new ConfigurationError(`${service}: task definition ${ref} does not exist`)
    if (td.status !== 'ACTIVE') throw new ConfigurationError(`${service}: task definition ${ref} is ${td.status}; ECS cannot deploy it, pick an ACTIVE revision`)
    target = td.taskDefinitionArn!
  } else {
    target = await findRevisionOfCommit(service, family, version.sha, effects)
  }
  if (target === current) throw new ConfigurationError(`${service} already runs ${current}: nothing to roll back`)
  return { current, target }
}

async function findRevisionOfCommit(service: string, family: string, sha: string, effects: EcsEffects): Promise<string> {
  let checked = 0
  let nextToken: string | undefined
  do {
    const page = await effects.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: 100, ...(nextToken ? { nextToken } : {}) }))
    nextToken = page.nextToken
    const arns = (page.taskDefinitionArns ?? []).slice(0, COMMIT_LOOKUP_LIMIT - checked)
    checked += arns.length
    const tagged = await mapWithConcurrency(arns, 5, async (arn) => {
      const out = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }))
      return out.tags?.find((t) => t.key === TAG_COMMIT)?.value?.toLowerCase().startsWith(sha) ? arn : undefined
    })
    const found = tagged.find((a) => a !== undefined)
    if (found) return found
  } while (nextToken && checked < COMMIT_LOOKUP_LIMIT)
  throw new ConfigurationError(`${service}: no ACTIVE revision of ${family} among the latest ${checked} is tagged with commit ${sha} (${TAG_COMMIT})`)
}

/** Manual rollback of one service: resolve the version, put it back, wait. */
export async function rollBackService(service: string, version: RollbackVersion, options: RollBackOptions, effects: EcsEffects): Promise<EcsServiceResult> {
  const { current, target } = await resolveRollbackTarget(service, version, options, effects)
  effects.log.info(`${service}: rolling back ${current} -> ${target}`)
  const [result] = await rollBackServices([{ service, taskDefinition: target }], options, effects)
  return result!
}

/**
 * What a recorded deploy result rolls back, the one rule for it (ecs-deploy's `rollback-version: recorded` and
 * health-gate's rollback-on-failure both use it): every service the result reports `deployed`, to the
 * `previousTaskDefinition` recorded for it, never "the revision before the running one", so a service an earlier
 * rollback already put back goes nowhere further. Every other entry is left alone, as is a first deploy (no previous
 * revision was recorded).
 */
export function recordedRollbackTargets(result: EcsServiceResult[]): { targets: RollBackTarget[]; leftAlone: EcsServiceResult[] } {
  const targets: RollBackTarget[] = []
  const leftAlone: EcsServiceResult[] = []
  for (const r of result) {
    if (r.status === 'deployed' && r.previousTaskDefinition) targets.push({ service: r.service, taskDefinition: r.previousTaskDefinition })
    else {
      const why = r.status === 'deployed' ? 'first deploy: no previous revision was recorded' : `the recorded deploy reports it ${r.status}${r.reason ? ` (${r.reason})` : ''}`
      leftAlone.push({ service: r.service, status: 'skipped', ...(r.taskDefinition ? { taskDefinition: r.taskDefinition } : {}), reason: `not rolled back: ${why}` })
    }
  }
  return { targets, leftAlone }
}

/**
 * Rolls back what a recorded deploy result reports deployed (recordedRollbackTargets) and waits. One entry per result
 * entry, in its order: rolled-back or rollback-failed for each target (rolled-back without a write when the service
 * already runs its recorded previous revision), skipped for the rest. Running it twice changes nothing the second time.
 */
export async function rollBackRecordedDeploy(result: EcsServiceResult[], options: RollBackOptions, effects: EcsEffects): Promise<EcsServiceResult[]> {
  const { targets, leftAlone } = recordedRollbackTargets(result)
  const firstDeploys = result.filter((r) => r.status === 'deployed' && !r.previousTaskDefinition).map((r) => r.service)
  if (firstDeploys.length) effects.log.warning(`no previous revision to roll back to (first deploy): ${firstDeploys.join(', ')}`)
  if (targets.length) effects.log.info(`rolling back to the recorded revisions: ${targets.map((t) => `${t.service} -> ${t.taskDefinition.split('/').at(-1)}`).join(', ')}`)
  else effects.log.info('nothing to roll back: the recorded deploy reports no service deployed')
  const rolled = await rollBackServices(targets, options, effects)
  const byService = new Map([...rolled, ...leftAlone].map((r) => [r.service, r]))
  return result.map((r) => byService.get(r.service)!)
}

