import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { ConfigurationError } from '@tierdeploy/catalog'
import { allOrAbort, sleepUnlessAborted, throwIfAborted } from '../ecs/concurrency.js'
import { awsSetupError } from '../ecs/errors.js'
import { describeAlarms, type AlarmState } from './alarm-check.js'
import { describeServiceStates, type EcsServiceState } from './ecs-check.js'
import { checkHttpHealth } from './http-check.js'
import { checkTargetGroups } from './load-balancer-check.js'
import { CHECKS, type CheckName, type CheckOutcome, type GateEffects, type GateOptions, type GateReport, type GateTarget } from './types.js'

const DEFAULT_POLL_MS = 15_000
const DEFAULT_BAKE_INTERVAL_MS = 30_000

/**
 * Decides whether a deployed tier may proceed. In order: every ECS rollout (PRIMARY COMPLETED, running = desired);
 * then, for the services that passed, load balancer target health and the HTTP health URL side by side; then,
 * when everything passed, no alarm of any service in ALARM for the bake time. Every wait is on the injected clock.
 */
export async function runHealthGate(targets: GateTarget[], options: GateOptions, effects: GateEffects): Promise<GateReport> {
  try {
    return await evaluateGate(targets, options, effects)
  } catch (e) {
    throw asCredentialsError(e)
  }
}

/** Missing, expired or refused credentials, or an endpoint out of reach, are the caller's set-up, not a bug: say what to fix. */
export function asCredentialsError(e: unknown): unknown {
  const setup = awsSetupError(e, 'ECS, Elastic Load Balancing or CloudWatch (health gate)')
  if (setup) return setup
  const name = (e as { name?: string } | null)?.name ?? ''
  if (/AccessDenied/.test(name)) return new ConfigurationError(`AWS denied a health-gate call (${name}: ${(e as Error).message}); see docs/health-gate.md for the IAM permissions it needs`)
  return e
}

async function evaluateGate(targets: GateTarget[], options: GateOptions, effects: GateEffects): Promise<GateReport> {
  const { clock, log } = effects
  const start = clock.now()
  const deadline = start + options.timeoutMs
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS
  const enabled = (c: CheckName): boolean => options.checks.includes(c)
  const outcomes: CheckOutcome[] = []
  const add = (service: string, check: CheckName, status: CheckOutcome['status'], detail: string): void => {
    outcomes.push({ service, check, status, detail })
    if (status === 'failed') log.warning(`${service}: ${check} check failed: ${detail}`)
    else log.info(`${service}: ${check} ${status}: ${detail}`)
  }
  const names = targets.map((t) => t.service)
  const blocked = new Map<string, string>()

  let states: Map<string, EcsServiceState> | undefined
  if (enabled('ecs')) {
    states = await waitForRollouts(names, options, deadline, pollMs, effects)
    for (const name of names) {
      const s = states.get(name)!
      add(name, 'ecs', s.verdict === 'passed' ? 'passed' : 'failed', s.detail)
      if (s.verdict !== 'passed') blocked.set(name, 'ECS rollout did not pass')
    }
  } else if (enabled('load-balancer') && targets.some((t) => t.behindLoadBalancer && !t.targetGroups)) {
    states = await describeServiceStates(effects.ecs, options.cluster, names)
  }
  for (const [name, s] of states ?? []) if (!blocked.has(name) && s.desiredCount === 0 && s.verdict === 'passed') blocked.set(name, 'desired count is 0: nothing runs')

  // The first check to throw cancels the others (their polls, sleeps and requests) and is reported at once.
  await allOrAbort(targets.map((t) => async (signal: AbortSignal) => {
    const reason = blocked.get(t.service)
    const both = (['load-balancer', 'http'] as const).filter(enabled)
    if (reason) {
      for (const c of both) add(t.service, c, 'skipped', reason)
      return
    }
    await allOrAbort([
      async (inner: AbortSignal) => {
        if (!enabled('load-balancer')) return
        const [status, detail] = await checkLoadBalancer(t, states?.get(t.service), deadline, pollMs, effects, inner)
        add(t.service, 'load-balancer', status, detail)
      },
      async (inner: AbortSignal) => {
        if (!enabled('http')) return
        const [status, detail] = await checkHttp(t, deadline, options.httpRetries ?? 2, effects, inner)
        add(t.service, 'http', status, detail)
      },
    ], signal)
  }))

  if (enabled('alarms')) {
    if (outcomes.some((o) => o.status === 'failed')) for (const t of targets) add(t.service, 'alarms', 'skipped', 'not baked: an earlier check failed')
    else for (const o of await bakeAlarms(targets, options, effects)) add(o.service, 'alarms', o.status, o.detail)
  }

  const order = new Map(names.map((n, i) => [n, i]))
  outcomes.sort((a, b) => order.get(a.service)! - order.get(b.service)! || CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check))
  return { passed: !outcomes.some((o) => o.status === 'failed'), outcomes, seconds: (clock.now() - start) / 1000 }
}

async function waitForRollouts(names: string[], options: GateOptions, deadline: number, pollMs: number, effects: GateEffects): Promise<Map<string, EcsServiceState>> {
  for (;;) {
    const states = await describeServiceStates(effects.ecs, options.cluster, names, options.expectedTaskDefinitions)
    const pending = [...states.values()].filter((s) => s.verdict === 'pending')
    if (pending.length === 0) return states
    if (effects.clock.now() + pollMs > deadline) {
      for (const s of pending) states.set(s.service, { ...s, verdict: 'failed', detail: `not settled by the deadline: ${s.detail}` })
      return states
    }
    effects.log.info(`waiting for ${pending.length} rollout${pending.length === 1 ? '' : 's'}: ${pending.map((s) => s.service).join(', ')}`)
    await effects.clock.sleep(pollMs)
  }
}

async function checkLoadBalancer(t: GateTarget, state: EcsServiceState | undefined, deadline: number, pollMs: number, effects: GateEffects, signal: AbortSignal): Promise<[CheckOutcome['status'], string]> {
  if (!t.behindLoadBalancer) return ['skipped', 'not behind the ALB (routing.public is not set)']
  const groups = t.targetGroups ?? state?.targetGroups ?? []
  if (groups.length === 0) return ['failed', 'routing.public is set but the ECS service has no load balancer target group (attach one, or give the target-groups input)']
  for (;;) {
    throwIfAborted(signal)
    const verdict = await checkTargetGroups(effects.elb, groups, signal)
    if (verdict.healthy) return ['passed', verdict.detail]
    if (effects.clock.now() + pollMs > deadline) return ['failed', `not healthy by the deadline: ${verdict.detail}`]
    await sleepUnlessAborted(effects.clock, pollMs, signal)
  }
}

async function checkHttp(t: GateTarget, deadline: number, retries: number, effects: GateEffects, signal: AbortSignal): Promise<[CheckOutcome['status'], string]> {
  if ('skip' in t.http) return ['skipped', t.http.skip]
  const verdict = await checkHttpHealth(t.http, { deadline, retries, signal }, effects)
  return [verdict.healthy ? 'passed' : 'failed', verdict.detail]
}

/** Alarms in ALARM anywhere in the account and region (one paginated call however many services). */
async function alarmsFiring(effects: GateEffects): Promise<AlarmState[]> {
  const firing: AlarmState[] = []
  let token: string | undefined
  do {
    const out = await effects.cloudwatch.send(new DescribeAlarmsCommand({ StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(token ? { NextToken: token } : {}) }))
    for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) if (a.AlarmName) firing.push({ name: a.AlarmName, state: 'ALARM', reason: a.StateReason ?? '' })
    token = out.NextToken
  } while (token)
  return firing
}

const belongsTo = (t: GateTarget, alarm: string): boolean => ('names' in t.alarms ? t.alarms.names.includes(alarm) : alarm.startsWith(t.alarms.prefix))

/**
 * Looks up each service's alarms once, then watches for any of them in ALARM until the bake time is over. Stops at
 * the first alarm: the gate has failed, and a rollback should not wait for the rest of the bake.
 */
async function bakeAlarms(targets: GateTarget[], options: GateOptions, effects: GateEffects): Promise<Omit<CheckOutcome, 'check'>[]> {
  const { clock } = effects
  const start = clock.now()
  const known = new Map<string, AlarmState[]>()
  for (const t of targets) known.set(t.service, await describeAlarms(effects.cloudwatch, t.alarms))
  const fired = new Map<string, AlarmState>()
  let firing = [...known.values()].flat().filter((a) => a.state === 'ALARM')
  const interval = options.bakeIntervalMs ?? DEFAULT_BAKE_INTERVAL_MS
  for (;;) {
    for (const a of firing) for (const t of targets) if (belongsTo(t, a.name) && !fired.has(t.service)) fired.set(t.service, a)
    const elapsed = clock.now() - start
    if (fired.size || elapsed >= options.bakeMs) break
    await clock.sleep(Math.min(interval, options.bakeMs - elapsed))
    firing = await alarmsFiring(effects)
  }
  const baked = `${Math.round((clock.now() - start) / 1000)} s`
  return targets.map((t) => {
    const alarm = fired.get(t.service)
    if (alarm) return { service: t.service, status: 'failed' as const, detail: `${alarm.name} in ALARM after ${baked}${alarm.reason ? `: ${alarm.reason}` : ''}` }
    const found = known.get(t.service) ?? []
    if ('names' in t.alarms) {
      const missing = t.alarms.names.filter((n) => !found.some((a) => a.name === n))
      if (missing.length) return { service: t.service, status: 'failed' as const, detail: `catalog alarm${missing.length === 1 ? '' : 's'} ${missing.join(', ')} not found in CloudWatch` }
    }
    if (found.length === 0) return { service: t.service, status: 'skipped' as const, detail: `no alarms named ${'prefix' in t.alarms ? `${t.alarms.prefix}*` : ''} to watch` }
    return { service: t.service, status: 'passed' as const, detail: `${found.length} alarm${found.length === 1 ? '' : 's'} not in ALARM over ${baked}` }
  })
}
