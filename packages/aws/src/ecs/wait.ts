import { DescribeTasksCommand, ListTasksCommand, type Deployment, type Service } from '@aws-sdk/client-ecs'
import type { Clock } from '@tierdeploy/catalog'
import type { EcsEffects } from './types.js'
import { sleepUnlessAborted, throwIfAborted } from './concurrency.js'
import { describeErrorOf, rethrowConfigurationError } from './errors.js'
import type { DeployProgress, ServiceSnapshot } from './progress.js'
import { DESCRIBE_SERVICES_LIMIT, describeServicesInBatches, rolloutVerdict, type RolloutVerdict } from './rollout.js'

/** The fixed time between the starts of two polls (and before the first): a rollout is noticed at most this late. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000
/** The wait after a poll whose DescribeServices call failed past the SDK's retries (throttling): once, then the fixed interval again. */
export const DEFAULT_MAX_POLL_INTERVAL_MS = 10_000
export const DEFAULT_SERVICE_TIMEOUT_MS = 15 * 60_000
/**
 * DescribeServices calls sent at once, then per second. ECS's service read actions (DescribeServices, ListServices)
 * share one token bucket per account and Region, refilled at 20 requests/s (ECS API reference, "Request throttling
 * for the Amazon ECS API"). A wait spends at most half of that, so the console, a health gate or another chunk's
 * deploy keep the rest: up to 100 services (10 calls) a poll goes out at once; 1,000 services (100 calls) are spread
 * over 9 s instead of tripping the bucket.
 */
export const DESCRIBE_SERVICES_BURST = 10
export const DESCRIBE_SERVICES_PER_SECOND = 10

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
  /** Clock time the outcome was known (the poll that saw it): the deploy summary's timeline. */
  settledAt?: number
}

export interface WaitOptions {
  cluster: string
  serviceTimeoutMs?: number
  /** Deadline for the whole wait, as a clock time. */
  deadline?: number
  /** Time between the starts of two polls, and before the first (default 5 s): fixed, it never grows. */
  pollIntervalMs?: number
  /** Wait after a poll one of whose DescribeServices calls failed (throttled past the SDK's retries); default 10 s. */
  maxPollIntervalMs?: number
  /** Stops the wait (throwing the signal's reason) before its next poll: another part of the step failed. */
  signal?: AbortSignal
}

export interface WaitResult {
  outcomes: Map<string, RolloutOutcome>
  /** Rounds of DescribeServices calls (each at most ⌈pending/10⌉ calls). */
  polls: number
}

/** What the wait may also report to: the step's live progress (see progress.ts). */
export interface WaitEffects extends EcsEffects {
  progress?: DeployProgress
}

/**
 * Waits for every rollout at once, on a fixed schedule: the first poll `pollIntervalMs` (5 s) after the wait starts,
 * then one every 5 s, so a rollout that ends at S is noticed by S + 5 s whatever S is. A schedule that stretches
 * while nothing settles (it used to grow ×1.5 up to 15 s) cost up to 12 s after S (issue 16). Each poll describes
 * the pending services 10 to a call (a 60-service tier costs 6 calls a poll; a rollout of S seconds costs at most
 * ⌈N/10⌉ × ⌈S/5⌉ calls), paced by a token bucket (DESCRIBE_SERVICES_PER_SECOND) so 1,000 services stay inside ECS's
 * rate. A poll whose calls fail after the SDK's retries (throttling) delays only the next poll, to
 * `maxPollIntervalMs`; its services stay pending. Each answer is judged by `rolloutVerdict` (the rule the health gate
 * and doctor use too): a "steady" service whose circuit breaker rolled back is a failure.
 */
export async function waitForRollouts(watches: RolloutWatch[], options: WaitOptions, effects: WaitEffects): Promise<WaitResult> {
  const { clock, log } = effects
  const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
  const afterFailedPoll = Math.max(interval, options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS)
  const serviceTimeout = options.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS
  const outcomes = new Map<string, RolloutOutcome>()
  const pending = new Map(watches.map((w) => [w.service, w]))
  const pacer = tokenBucket(clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND })
  let nextPollAt = clock.now() + interval
  let polls = 0

  const deadlineOf = (w: RolloutWatch): number => Math.min(w.startedAt + serviceTimeout, options.deadline ?? Infinity)
  while (pending.size) {
    const nearest = Math.min(...[...pending.values()].map(deadlineOf))
    await sleepUnlessAborted(clock, Math.max(0, Math.min(nextPollAt, nearest) - clock.now()), options.signal)
    throwIfAborted(options.signal)
    const pollStartedAt = clock.now()
    polls++
    const described = await describeServices([...pending.keys()], options.cluster, effects, { pacer, signal: options.signal })
    const failures: { watch: RolloutWatch; service?: Service; deployment?: Deployment; reason: string; rolledBackByEcs: boolean }[] = []
    const snapshots: ServiceSnapshot[] = []
    for (const watch of [...pending.values()]) {
      const service = described.services.get(watch.service)
      const verdict: RolloutVerdict = service
        ? rolloutVerdict(service, { taskDefinition: watch.taskDefinition, ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
        : described.error
          ? { state: 'pending', detail: described.error }
          : { state: 'failed', detail: `service ${watch.service} no longer exists in cluster ${options.cluster}`, rolledBackByEcs: false }
      if (verdict.state === 'done') {
        outcomes.set(watch.service, { service: watch.service, ok: true, settledAt: clock.now() })
        pending.delete(watch.service)
        emitProgress(effects, { type: 'service-done', at: clock.now(), service: watch.service, elapsedMs: clock.now() - watch.startedAt })
      } else if (verdict.state === 'failed') {
        failures.push({ watch, ...(service ? { service } : {}), ...(verdict.deployment ? { deployment: verdict.deployment } : {}), reason: verdict.detail, rolledBackByEcs: verdict.rolledBackByEcs })
        pending.delete(watch.service)
      } else if (clock.now() >= deadlineOf(watch)) {
        const minutes = ((clock.now() - watch.startedAt) / 60_000).toFixed(1)
        failures.push({ watch, ...(service ? { service } : {}), reason: `timed out after ${minutes} min: ${service ? progressOf(service) : (described.error ?? 'not described')}`, rolledBackByEcs: false })
        pending.delete(watch.service)
      } else {
        snapshots.push(snapshotOf(watch, service, clock.now(), described.error))
      }
    }
    await Promise.all(
      failures.map(async (f) => {
        const details = f.service ? await failureDetails(f.watch, f.service, options.cluster, effects) : []
        const reason = [f.reason, ...details].join('; ')
        log.error(`${f.watch.service}: ${reason}`)
        outcomes.set(f.watch.service, { service: f.watch.service, ok: false, reason, ...(f.rolledBackByEcs ? { rolledBackByEcs: true } : {}), settledAt: clock.now() })
        emitProgress(effects, { type: 'service-failed', at: clock.now(), service: f.watch.service, reason, rolledBackByEcs: f.rolledBackByEcs, elapsedMs: clock.now() - f.watch.startedAt })
      }),
    )
    emitProgress(effects, { type: 'poll', at: clock.now(), poll: polls, pending: snapshots, settled: outcomes.size, ...(described.error ? { error: described.error } : {}) })
    // Polls start on a fixed grid, whatever a poll's calls cost; a failed call moves only the next poll back.
    nextPollAt = pollStartedAt + (described.error ? afterFailedPoll : interval)
    // With a progress view, the poll event says this (and more); a plain log keeps a line per poll.
    if (pending.size && !effects.progress) log.info(`waiting for ${pending.size} rollout${pending.size === 1 ? '' : 's'} (${outcomes.size} settled)`)
  }
  return { outcomes, polls }
}

/** Sends at most `burst` calls at once and `perSecond` after that; `take` resolves when the next call may go. */
export interface CallPacer {
  take(signal?: AbortSignal): Promise<void>
}

/**
 * A token bucket on the injected clock. Calls take tokens one after another (the caller awaits each `take` before
 * the next), so a fake clock's sleeps advance time once per wait, as real time would.
 */
export function tokenBucket(clock: Clock, rate: { burst: number; perSecond: number }): CallPacer {
  let tokens = rate.burst
  let refilledAt = clock.now()
  const refill = (): void => {
    const now = clock.now()
    tokens = Math.min(rate.burst, tokens + ((now - refilledAt) * rate.perSecond) / 1000)
    refilledAt = now
  }
  return {
    async take(signal) {
      refill()
      if (tokens < 1) {
        await sleepUnlessAborted(clock, Math.ceil(((1 - tokens) * 1000) / rate.perSecond), signal)
        refill()
      }
      tokens = Math.max(0, tokens - 1)
    },
  }
}

/** Reports a step's progress; a renderer that throws must not fail a deploy, so its error is only logged. */
export function emitProgress(effects: { progress?: DeployProgress; log: EcsEffects['log'] }, event: Parameters<DeployProgress>[0]): void {
  if (!effects.progress) return
  try {
    effects.progress(event)
  } catch (e) {
    effects.log.debug(`progress renderer failed on ${event.type}: ${describeErrorOf(e)}`)
  }
}

/** What a still-pending rollout looks like in one DescribeServices answer, for the live view. */
function snapshotOf(watch: RolloutWatch, service: Service | undefined, now: number, error: string | undefined): ServiceSnapshot {
  const deployments = service?.deployments ?? []
  const ours = deployments.find((d) => (watch.deploymentId ? d.id === watch.deploymentId : d.status === 'PRIMARY')) ?? deployments.find((d) => d.status === 'PRIMARY')
  const latest = service?.events?.[0]
  const recent = latest?.message && (!latest.createdAt || latest.createdAt.getTime() >= watch.startedAt) ? latest.message : undefined
  return {
    service: watch.service,
    running: ours?.runningCount ?? 0,
    desired: ours?.desiredCount ?? service?.desiredCount ?? 0,
    pending: ours?.pendingCount ?? 0,
    failedTasks: ours?.failedTasks ?? 0,
    ...(ours?.rolloutState ? { rolloutState: ours.rolloutState } : {}),
    ...(recent ? { latestEvent: recent } : !service && error ? { latestEvent: error } : {}),
    elapsedMs: now - watch.startedAt,
  }
}

function progressOf(service: Service): string {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
  const latest = service.events?.[0]?.message
  return `PRIMARY deployment ${primary?.rolloutState ?? 'unknown'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? 0}, pending ${primary?.pendingCount ?? 0}, failed tasks ${primary?.failedTasks ?? 0}${latest ? `; latest event: ${latest}` : ''}`
}

/**
 * DescribeServices for many names, 10 per call, paced by `pacer` (default: a fresh DESCRIBE_SERVICES_BURST /
 * DESCRIBE_SERVICES_PER_SECOND bucket, so up to 100 names go out at once). A failed call (after the SDK's retries)
 * is reported in `error`, with the SDK error in `cause`, not thrown: while waiting, the next poll may work.
 * Configuration errors (unknown cluster, access denied) are thrown.
 */
export async function describeServices(
  names: string[],
  cluster: string,
  effects: EcsEffects,
  options: { pacer?: CallPacer; signal?: AbortSignal } = {},
): Promise<{ services: Map<string, Service>; missing: string[]; error?: string; cause?: unknown; calls: number }> {
  let error: string | undefined
  let cause: unknown
  const pacer = options.pacer ?? tokenBucket(effects.clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND })
  const onError = (e: unknown): void => {
    rethrowConfigurationError(e, { cluster })
    error = `DescribeServices failed: ${describeErrorOf(e)}`
    cause = e
    effects.log.warning(error)
  }
  const calls: Promise<Awaited<ReturnType<typeof describeServicesInBatches>>>[] = []
  for (let i = 0; i < names.length; i += DESCRIBE_SERVICES_LIMIT) {
    await pacer.take(options.signal)
    const call = describeServicesInBatches(effects.ecs, cluster, names.slice(i, i + DESCRIBE_SERVICES_LIMIT), { onError })
    // Handled below by Promise.all; this keeps a rejection from going unhandled if the pacing is aborted first.
    call.catch(() => undefined)
    calls.push(call)
  }
  const answers = await Promise.all(calls)
  const out = { services: answers.flatMap((a) => a.services), failures: answers.flatMap((a) => a.failures) }
  const services = new Map(out.services.flatMap((s) => (s.serviceName ? [[s.serviceName, s] as const] : [])))
  const missing = names.filter((n) => out.failures.some((f) => f.arn === n || f.arn?.endsWith(`/${n}`)))
  return { services, missing, calls: calls.length, ...(error ? { error, cause } : {}) }
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
