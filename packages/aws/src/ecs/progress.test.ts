import { describe, expect, it } from 'vitest'
import { formatDuration, lineRenderer, type DeployEvent, type ServiceSnapshot } from './progress.js'

const T = Date.UTC(2026, 0, 1)
const at = (s: number): number => T + s * 1000
const snap = (service: string, s: number, over: Partial<ServiceSnapshot> = {}): ServiceSnapshot => ({ service, running: 0, desired: 2, pending: 2, failedTasks: 0, rolloutState: 'IN_PROGRESS', elapsedMs: s * 1000, ...over })

/** A tier of two waves: auth and gateway roll out, payment is unchanged; gateway takes long enough for a heartbeat. */
const script: DeployEvent[] = [
  { type: 'step-started', at: at(0), deployId: 'run-1', cluster: 'dev', waves: [['auth', 'payment'], ['gateway']], tier: 1, tierName: 'core' },
  { type: 'wave-started', at: at(0), wave: 1, waves: 2, services: ['auth', 'payment'] },
  { type: 'service-unchanged', at: at(0), service: 'payment' },
  { type: 'service-updated', at: at(1), service: 'auth', revision: 'auth:2', previousRevision: 'auth:1', deploymentId: 'ecs-svc/1' },
  { type: 'poll', at: at(6), poll: 1, pending: [snap('auth', 5)], settled: 0 },
  { type: 'poll', at: at(11), poll: 2, pending: [snap('auth', 10)], settled: 0 },
  { type: 'poll', at: at(16), poll: 3, pending: [snap('auth', 15, { running: 1, pending: 1, latestEvent: '(service auth) has started 1 tasks: (task 1).' })], settled: 0 },
  { type: 'service-done', at: at(21), service: 'auth', elapsedMs: 20_000 },
  { type: 'poll', at: at(21), poll: 4, pending: [], settled: 1 },
  { type: 'wave-done', at: at(21), wave: 1, ok: true, deployed: 1, failed: 0, unchanged: 1, elapsedMs: 21_000 },
  { type: 'wave-started', at: at(21), wave: 2, waves: 2, services: ['gateway'] },
  { type: 'service-updated', at: at(22), service: 'gateway', revision: 'gateway:7', previousRevision: 'gateway:6' },
  ...Array.from({ length: 10 }, (_, i): DeployEvent => ({ type: 'poll', at: at(27 + 5 * i), poll: 5 + i, pending: [snap('gateway', 5 + 5 * i)], settled: 1 })),
  { type: 'service-failed', at: at(77), service: 'gateway', reason: 'rollout of gateway:7 FAILED: tasks failed to start', rolledBackByEcs: true, elapsedMs: 55_000 },
  { type: 'poll', at: at(77), poll: 15, pending: [], settled: 2 },
  { type: 'wave-done', at: at(77), wave: 2, ok: false, deployed: 0, failed: 1, unchanged: 0, elapsedMs: 56_000 },
  { type: 'rollback-started', at: at(77), services: ['auth'], because: ['gateway'] },
  { type: 'service-done', at: at(90), service: 'auth', elapsedMs: 13_000 },
  { type: 'step-done', at: at(90), ok: false, elapsedMs: 90_000, polls: 15 },
]

function render(events: DeployEvent[], groups: boolean): string[] {
  const lines: string[] = []
  const renderer = lineRenderer((l) => lines.push(l), { groups })
  for (const e of events) renderer.event(e)
  renderer.close()
  return lines
}

describe('lineRenderer', () => {
  it('prints one line per state change, a heartbeat after 30 s of silence, and ::group:: blocks per wave in Actions', () => {
    expect(render(script, true)).toEqual([
      'tier 1 (core): deploying 3 service(s) in 2 wave(s) to cluster dev (deploy run-1)',
      '::group::tier 1 (core), wave 1/2: auth, payment',
      'wave 1/2: auth, payment',
      'payment: unchanged',
      'auth: rolling out auth:2 (was auth:1)',
      'auth: 0/2 running, 2 pending, IN_PROGRESS (5s)',
      'auth: 1/2 running, 1 pending, IN_PROGRESS, has started 1 tasks: (task 1). (15s)',
      'auth: deployed in 20s',
      '::endgroup::',
      'wave 1/2: done in 21s (1 deployed, 0 failed, 1 unchanged)',
      '::group::tier 1 (core), wave 2/2: gateway',
      'wave 2/2: gateway',
      'gateway: rolling out gateway:7 (was gateway:6)',
      'gateway: 0/2 running, 2 pending, IN_PROGRESS (5s)',
      // no change for 30 s: one heartbeat at 57 s (27 + 30), the next one 30 s later would be at 87 s
      'tier 1 (core), wave 2/2: still waiting for 1 rollout(s), 1 done; slowest gateway (35s)',
      'gateway: FAILED after 55s (ECS circuit breaker rolling back): rollout of gateway:7 FAILED: tasks failed to start',
      '::endgroup::',
      'wave 2/2: FAILED in 56s (0 deployed, 1 failed, 0 unchanged)',
      '::group::tier 1 (core): rollback',
      'rolling back auth because gateway failed',
      'auth: rolled back in 13s',
      '::endgroup::',
      'tier 1 (core): FAILED in 1m30s (15 polls)',
    ])
  })

  it('prints no ::group:: lines outside GitHub Actions', () => {
    const lines = render(script, false)
    expect(lines.some((l) => l.startsWith('::'))).toBe(false)
    expect(lines).toContain('auth: deployed in 20s')
  })

  it('never lets more than 30 s of polls pass without a line', () => {
    const polls: DeployEvent[] = Array.from({ length: 60 }, (_, i) => ({ type: 'poll', at: at(5 * (i + 1)), poll: i + 1, pending: [snap('auth', 5 * (i + 1))], settled: 0 }))
    const times: number[] = []
    let now = at(0)
    const renderer = lineRenderer(() => times.push(now))
    renderer.event({ type: 'service-updated', at: at(0), service: 'auth', revision: 'auth:2', previousRevision: 'auth:1' })
    for (const e of polls) {
      now = e.at
      renderer.event(e)
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000)
    expect(times.length).toBeLessThan(15)
  })
})

describe('formatDuration', () => {
  it('shows seconds under a minute and minutes with two-digit seconds above', () => {
    expect([formatDuration(9_400), formatDuration(65_000), formatDuration(600_000)]).toEqual(['9s', '1m05s', '10m00s'])
  })
})
