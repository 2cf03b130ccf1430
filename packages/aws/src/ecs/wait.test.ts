// The wait's schedule on the fake clock: when polls happen, how soon a finished rollout is noticed, what it costs in
// DescribeServices calls (issue 16), and what a throttled poll does.
import { afterEach, describe, expect, it } from 'vitest'
import { makeEcsClient } from './client.js'
import { deployEcsServices } from './deploy.js'
import type { DeployEvent } from './progress.js'
import { CLUSTER, image, startHarness, testCatalog, type Harness } from './test-fixtures.js'
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS, tokenBucket, waitForRollouts, type RolloutWatch } from './wait.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `svc-${String(i).padStart(4, '0')}`)

/** Seeds `n` services on revision 1 and starts a rollout of revision 2 on each, straight in the fake (no API calls). */
function startRollouts(harness: Harness, n: number): RolloutWatch[] {
  return names(n).map((name) => {
    harness.fake.seedService({ cluster: CLUSTER, name, image: image(name, 1) })
    const { taskDefinition } = harness.fake.state.registerTaskDefinition({
      family: name,
      containerDefinitions: [{ name, image: image(name, 2), essential: true }],
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
    })
    const arn = taskDefinition.taskDefinitionArn as string
    harness.fake.state.updateService({ cluster: CLUSTER, service: name, taskDefinition: arn })
    return { service: name, taskDefinition: arn, startedAt: harness.fake.now() }
  })
}

/** Clock times of every DescribeServices the client sends (retries included: the fake counts those). */
function describeTimes(harness: Harness): number[] {
  const times: number[] = []
  harness.ecs.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DescribeServicesCommand') times.push(harness.fake.now())
      return next(args)
    },
    { step: 'initialize', name: 'recordDescribeTimes' },
  )
  return times
}

describe('waitForRollouts schedule', () => {
  it('polls every 5 s from the start, and notices a 13 s rollout at the 15 s poll', async () => {
    h = await startHarness({ defaultRolloutMs: 13_000 })
    const watches = startRollouts(h, 3)
    const started = h.fake.now()
    const events: DeployEvent[] = []
    const { outcomes, polls } = await waitForRollouts(watches, { cluster: CLUSTER }, { ...h.effects, progress: (e) => events.push(e) })
    expect([...outcomes.values()].every((o) => o.ok)).toBe(true)
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(5_000)
    expect(events.filter((e) => e.type === 'poll').map((e) => e.at - started)).toEqual([5_000, 10_000, 15_000])
    expect(events.filter((e) => e.type === 'service-done').map((e) => e.at - started)).toEqual([15_000, 15_000, 15_000])
    expect(polls).toBe(3)
  })

  for (const seconds of [4, 6, 13, 30]) {
    it(`ends a 60-service step with ${seconds} s rollouts by S + 5 s, within ⌈N/10⌉ × (⌈S/5⌉ + 2) DescribeServices`, async () => {
      h = await startHarness({ defaultRolloutMs: seconds * 1000 })
      const services = names(60)
      const { catalog, environment } = testCatalog(services.map((n) => `  ${n}:\n    path: ${n}\n    tier: 2\n`).join(''))
      for (const n of services) h.fake.seedService({ cluster: CLUSTER, name: n, image: image(n, 1) })
      const started = h.fake.now()
      const outcome = await deployEcsServices({ catalog, environment, cluster: CLUSTER, waves: [services], images: Object.fromEntries(services.map((n) => [n, image(n, 2)])), deployId: 'd' }, h.effects)
      expect(outcome.ok).toBe(true)
      expect(h.fake.now() - started).toBeGreaterThanOrEqual(seconds * 1000)
      expect(h.fake.now() - started).toBeLessThanOrEqual(seconds * 1000 + 5_000)
      // The bound counts the read before the writes (6 calls) as one of its rounds.
      expect(h.fake.calls.DescribeServices).toBeLessThanOrEqual(6 * (Math.ceil(seconds / 5) + 2))
    })
  }

  it('spreads the polls of 1,000 services: 100 calls a poll, never more than 20 in any second (ECS sustains 20/s)', async () => {
    h = await startHarness({ defaultRolloutMs: 30_000 })
    const watches = startRollouts(h, 1000)
    const times = describeTimes(h)
    const started = h.fake.now()
    const { outcomes } = await waitForRollouts(watches, { cluster: CLUSTER }, h.effects)
    expect([...outcomes.values()].filter((o) => !o.ok)).toEqual([])
    expect(times.length).toBeLessThanOrEqual(100 * (Math.ceil(30 / 5) + 1))
    // The first poll: 10 calls at 5 s, then 10 a second.
    expect([times[0]! - started, times[9]! - started, times[10]! - started, times[99]! - started]).toEqual([5_000, 5_000, 5_100, 14_000])
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length))
    expect(busiest).toBeLessThanOrEqual(20)
    // Paced at 10 calls/s after a burst of 10, each poll of 100 calls takes 9 s: done by S + 10 s.
    expect(h.fake.now() - started).toBeLessThanOrEqual(40_000)
  })

  it('backs off only after a throttled poll, then returns to the 5 s schedule, and fails nothing', async () => {
    h = await startHarness({ defaultRolloutMs: 30_000 })
    // One attempt per call, so the injected throttling reaches the wait instead of the SDK's retries.
    const ecs = makeEcsClient({ endpoint: h.fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
    try {
      const watches = startRollouts(h, 15)
      h.fake.failNext('DescribeServices', 'ThrottlingException', 'Rate exceeded', { count: 1, skip: 2 })
      const started = h.fake.now()
      const events: DeployEvent[] = []
      const { outcomes } = await waitForRollouts(watches, { cluster: CLUSTER }, { ...h.effects, ecs, progress: (e) => events.push(e) })
      expect([...outcomes.values()].filter((o) => !o.ok)).toEqual([])
      const polls = events.flatMap((e) => (e.type === 'poll' ? [{ at: e.at - started, error: e.error }] : []))
      // 2 calls a poll: the second poll's second call is throttled; the next poll comes 10 s later, then every 5 s.
      expect(polls.map((p) => p.at)).toEqual([5_000, 10_000, 10_000 + DEFAULT_MAX_POLL_INTERVAL_MS, 25_000, 30_000])
      expect(polls[1]!.error).toMatch(/ThrottlingException|Rate exceeded/)
      expect(polls.filter((p) => p.error)).toHaveLength(1)
    } finally {
      ecs.destroy()
    }
  })

  it('reports each pending service per poll: task counts, rolloutState and elapsed time', async () => {
    h = await startHarness({ defaultRolloutMs: 8_000 })
    const watches = startRollouts(h, 1)
    const events: DeployEvent[] = []
    await waitForRollouts(watches, { cluster: CLUSTER }, { ...h.effects, progress: (e) => events.push(e) })
    const first = events.find((e) => e.type === 'poll')
    expect(first).toMatchObject({ poll: 1, settled: 0, pending: [{ service: 'svc-0000', desired: 1, failedTasks: 0, rolloutState: 'IN_PROGRESS', elapsedMs: 5_000 }] })
    expect(events.map((e) => e.type)).toEqual(['poll', 'service-done', 'poll'])
  })
})

describe('tokenBucket', () => {
  it('lets a burst through at once, then paces calls at the refill rate on the injected clock', async () => {
    h = await startHarness()
    const pacer = tokenBucket(h.fake.clock, { burst: 3, perSecond: 2 })
    const started = h.fake.now()
    const at: number[] = []
    for (let i = 0; i < 6; i++) {
      await pacer.take()
      at.push(h.fake.now() - started)
    }
    expect(at).toEqual([0, 0, 0, 500, 1_000, 1_500])
  })
})
