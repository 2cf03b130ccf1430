import { DescribeTasksCommand, ListTasksCommand, type Deployment, type Service } from '@aws-sdk/client-ecs'
import type { EcsEffects } from './types.js'
import { sleepUnlessAborted, throwIfAborted } from './concurrency.js'
import { describeErrorOf, rethrowConfigurationError } from './errors.js'
import { describeServicesInBatches, rolloutVerdict, type RolloutVerdict } from './rollout.js'
export const DEFAULT_POLL_INTERVAL_MS = 5_000
export const DEFAULT_MAX_POLL_INTERVAL_MS = 15_000
export const DEFAULT_SERVICE_TIMEOUT_MS = 15 * 60_000

/** A rollout to watch: the service should end up running `taskDefinition`. */
export interface RolloutWatch {
  service: string
  /** The task definition ARN the PRIMARY deployment must run. */
  taskDefinition: string
  /** The deployment UpdateService started (from its response), when known. */
  deploymentId?: string
  /** Clock time the rollout started (per-service timeout counts from here). */
  startedAt: number
}

export interface RolloutOutcome {
  service: string
  ok: boolean
  reason?: string
  /** ECS's deployment circuit breaker is putting (or has put) the service back on its previous deployment. */
  rolledBackByEcs?: boolean
}

export interface WaitOptions {
  cluster: string
  serviceTimeoutMs?: number
  /** Deadline for the whole wait, as a clock time. */
  deadline?: number
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  /** Stops the wait (throwing the signal's reason) before its next poll: another part of the step failed. */
  signal?: AbortSignal
}

export interface WaitResult {
  outcomes: Map<string, RolloutOutcome>
  /** Rounds of DescribeServices calls (each at most ⌈pending/10⌉ calls). */
  polls: number
}

/**
 * Waits for every rollout at once: each poll describes the pending services 10 to a call, so a 60-service tier costs
 * 6 calls per poll instead of 60. The interval starts short, grows while nothing settles and shrinks again when
 * something does. Each answer is judged by `rolloutVerdict` (the rule the health gate and doctor use too): a "steady"
 * service whose circuit breaker rolled back is a failure.
 */
export async function waitForRollouts(watches: RolloutWatch[], options: WaitOptions, effects: EcsEffects): Promise<WaitResult> {
  const { clock, log } = effects
  const minInterval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
  const maxInterval = Math.max(minInterval, options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS)
  const serviceTimeout = options.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS
  const outcomes = new Map<string, RolloutOutcome>()
  const pending = new Map(watches.map((w) => [w.service, w]))
  let interval = minInterval
  let polls = 0

  const deadlineOf = (w: RolloutWatch): number => Math.min(w.startedAt + serviceTimeout, options.deadline ?? Infinity)
  while (pending.size) {
    const nearest = Math.min(...[...pending.values()].map(deadlineOf))
    await sleepUnlessAborted(clock, Math.max(0, Math.min(interval, nearest - clock.now())), options.signal)
    throwIfAborted(options.signal)
    polls++
    const described = await describeServices([...pending.keys()], options.cluster, effects)
    const settledBefore = outcomes.size
    const failures: { watch: RolloutWatch; service?: Service; deployment?: Deployment; reason: string; rolledBackByEcs: boolean }[] = []
    for (const watch of [...pending.values()]) {
      const service = described.services.get(watch.service)
      const verdict: RolloutVerdict = service
        ? rolloutVerdict(service, { taskDefinition: watch.taskDefinition, ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
        : described.error
          ? { state: 'pending', detail: described.error }
          : { state: 'failed', detail: `service ${watch.service} no longer exists in cluster ${options.cluster}`, rolledBackByEcs: false }
      if (verdict.state === 'done') {
        outcomes.set(watch.service, { service: watch.service, ok: true })
        pending.delete(watch.service)
      } else if (verdict.state === 'failed') {
        failures.push({ watch, ...(service ? { service } : {}), ...(verdict.deployment ? { deployment: verdict.deployment } : {}), reason: verdict.detail, rolledBackByEcs: verdict.rolledBackByEcs })
        pending.delete(watch.service)
      } else if (clock.now() >= deadlineOf(watch)) {
        const minutes = ((clock.now() - watch.startedAt) / 60_000).toFixed(1)
        failures.push({ watch, ...(service ? { service } : {}), reason: `timed out after ${minutes} min: ${service ? progressOf(service) : (described.error ?? 'not described')}`, rolledBackByEcs: false })
        pending.delete(watch.service)
      }
    }
    await Promise.all(
      failures.map(async (f) => {
        const details = f.service ? await failureDetails(f.watch, f.service, options.cluster, effects) : []
        const reason = [f.reason, ...details].join('; ')
        log.error(`${f.watch.service}: ${reason}`)
        outcomes.set(f.watch.service, { service: f.watch.service, ok: false, reason, ...(f.rolledBackByEcs ? { rolledBackByEcs: true } : {}) })
      }),
    )
    if (described.error) interval = maxInterval
    else interval = outcomes.size > settledBefore ? minInterval : Math.min(maxInterval, Math.round(interval * 1.5))
    if (pending.size) log.info(`waiting for ${pending.size} rollout${pending.size === 1 ? '' : 's'} (${outcomes.size} settled)`)
  }
  return { outcomes, polls }
}

function progressOf(service: Service): string {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
  const latest = service.events?.[0]?.message
  return `PRIMARY deployment ${primary?.rolloutState ?? 'unknown'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? 0}, pending ${primary?.pendingCount ?? 0}, failed tasks ${primary?.failedTasks ?? 0}${latest ? `; latest event: ${latest}` : ''}`
}

/**
 * DescribeServices for many names, 10 per call, in parallel. A failed call (after the SDK's retries) is reported in
 * `error`, with the SDK error in `cause`, not thrown: while waiting, the next poll may work. Configuration errors
 * (unknown cluster, access denied) are thrown.
 */
export async function describeServices(names: string[], cluster: string, effects: EcsEffects): Promise<{ services: Map<string, Service>; missing: string[]; error?: string; cause?: unknown }> {
  let error: string | undefined
  let cause: unknown
  const out = await describeServicesInBatches(effects.ecs, cluster, names, {
    onError: (e) => {
      rethrowConfigurationError(e, { cluster })
      error = `DescribeServices failed: ${describeErrorOf(e)}`
      cause = e
      effects.log.warning(error)
    },
  })
  const services = new Map(out.services.flatMap((s) => (s.serviceName ? [[s.serviceName, s] as const] : [])))
  const missing = names.filter((n) => out.failures.some((f) => f.arn === n || f.arn?.endsWith(`/${n}`)))
  return { services, missing, ...(error ? { error, cause } : {}) }
}

/** Why a rollout failed, from what ECS recorded: stopped tasks of the deployment and the latest service events. */
async function failureDetails(watch: RolloutWatch, service: Service, cluster: string, effects: EcsEffects): Promise<string[]> {
  const details: string[] = []
  try {
    const listed = await effects.ecs.send(new ListTasksCommand({ cluster, serviceName: watch.service, desiredStatus: 'STOPPED', maxResults: 100 }))
    const arns = listed.taskArns ?? []
    if (arns.length) {
      const { tasks = [] } = await effects.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }))
      const reasons = new Set<string>()
      for (const t of tasks) {
        const ours = watch.deploymentId ? t.startedBy === watch.deploymentId : t.taskDefinitionArn === watch.taskDefinition
        if (!ours || !t.stoppedReason) continue
        const container = t.containers?.find((c) => c.reason)?.reason
        reasons.add(container ? `${t.stoppedReason} (${container})` : t.stoppedReason)
      }
      if (reasons.size) details.push(`stopped tasks: ${[...reasons].slice(0, 3).join(' | ')}`)
    }
  } catch (e) {
    effects.log.debug(`${watch.service}: could not read stopped tasks: ${describeErrorOf(e)}`)
  }
  const since = watch.startedAt
  const events = (service.events ?? []).filter((e) => !e.createdAt || e.createdAt.getTime() >= since).slice(0, 3).map((e) => e.message)
  if (events.length) details.push(`latest events: ${events.join(' | ')}`)
  return details
}
