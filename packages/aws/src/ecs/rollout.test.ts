import { DescribeServicesCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type Deployment, type ECSClient, type Service } from '@aws-sdk/client-ecs'
import { FakeEcs } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeEcsClient } from './client.js'
import { describeServicesInBatches, rolloutVerdict, sameTaskDefinition, taskDefinitionFamily, taskDefinitionName } from './rollout.js'

const NEW = 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:2'
const OLD = 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:1'
const expected = { taskDefinition: NEW, deploymentId: 'ecs-svc/2' }

function service(deployments: Deployment[], counts: { desired?: number; running?: number } = {}): Service {
  return { serviceName: 'web', status: 'ACTIVE', desiredCount: counts.desired ?? 2, runningCount: counts.running ?? 2, deployments }
}
const ours = (over: Partial<Deployment>): Deployment => ({ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED', ...over })
/** A deployment as ECS describes it without rolloutState (a service behind a Classic Load Balancer, say). */
const unset = (over: Partial<Deployment>): Deployment => {
  const { rolloutState: _r, ...d } = ours(over)
  return d
}
const old = (over: Partial<Deployment> = {}): Deployment => ({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 2, runningCount: 0, ...over })

describe('rolloutVerdict, on the DescribeServices shapes ECS returns', () => {
  describe('rolloutState set', () => {
    it('is done when the PRIMARY deployment is ours, COMPLETED, and running = desired', () => {
      expect(rolloutVerdict(service([ours({})]), expected)).toMatchObject({ state: 'done' })
    })

    it('keeps waiting while counts already match but the rollout is IN_PROGRESS (steady is not enough)', () => {
      expect(rolloutVerdict(service([ours({ rolloutState: 'IN_PROGRESS' }), old({ desiredCount: 0, rolloutState: 'COMPLETED' })]), expected)).toMatchObject({ state: 'pending' })
    })

    it('keeps waiting while a COMPLETED deployment runs fewer tasks than desired', () => {
      expect(rolloutVerdict(service([ours({ runningCount: 1 })], { running: 1 }), expected)).toMatchObject({ state: 'pending' })
    })

    it('fails a FAILED rollout and says the circuit breaker is rolling back', () => {
      const rollback: Deployment = { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.' }
      const verdict = rolloutVerdict(service([rollback, ours({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' })]), expected)
      expect(verdict).toMatchObject({ state: 'failed', rolledBackByEcs: true, detail: 'rollout of web:2 FAILED: ECS deployment circuit breaker: tasks failed to start.; the ECS circuit breaker is rolling back to web:1' })
    })

    it('fails a FAILED PRIMARY deployment when nothing is expected (circuit breaker without rollback)', () => {
      expect(rolloutVerdict(service([ours({ rolloutState: 'FAILED', runningCount: 0 })], { running: 0 }))).toMatchObject({ state: 'failed', rolledBackByEcs: false })
    })

    it('fails when the service settled back on the old revision, even though it is steady', () => {
      const back: Deployment = { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.' }
      expect(rolloutVerdict(service([back]), expected)).toMatchObject({ state: 'failed', rolledBackByEcs: true, detail: expect.stringContaining('now runs web:1, not web:2') })
    })

    it('accepts the expected revision as family:revision as well as an ARN', () => {
      expect(rolloutVerdict(service([ours({})]), { taskDefinition: 'web:2' })).toMatchObject({ state: 'done' })
    })
  })

  describe('rolloutState unset (no circuit breaker, or a Classic Load Balancer)', () => {
    it('keeps waiting while the PRIMARY deployment runs fewer tasks than desired', () => {
      expect(rolloutVerdict(service([unset({ runningCount: 1 }), old({ runningCount: 1 })]), expected)).toMatchObject({ state: 'pending' })
    })

    it('keeps waiting while running = desired but an old ACTIVE deployment still runs tasks', () => {
      const verdict = rolloutVerdict(service([unset({}), old({ runningCount: 1 })], { running: 3 }), expected)
      expect(verdict).toMatchObject({ state: 'pending', detail: expect.stringContaining('web:1 still runs 1') })
    })

    it('is done once the PRIMARY runs its desired count and no other deployment has tasks', () => {
      expect(rolloutVerdict(service([unset({}), old({ runningCount: 0 })]), expected)).toMatchObject({ state: 'done' })
      expect(rolloutVerdict(service([unset({})]), expected)).toMatchObject({ state: 'done' })
    })

    it('is done for a service scaled to zero', () => {
      expect(rolloutVerdict(service([unset({ desiredCount: 0, runningCount: 0 })], { desired: 0, running: 0 }))).toMatchObject({ state: 'done' })
    })
  })

  describe('several ACTIVE deployments', () => {
    it('waits until every earlier deployment has drained, then is done', () => {
      const older = old({ id: 'ecs-svc/0', taskDefinition: OLD.replace(/1$/, '0'), runningCount: 1 })
      expect(rolloutVerdict(service([unset({}), old({ runningCount: 1 }), older], { running: 4 }), expected)).toMatchObject({ state: 'pending' })
      expect(rolloutVerdict(service([ours({ rolloutState: 'IN_PROGRESS' }), old({ runningCount: 1 }), older], { running: 4 }), expected)).toMatchObject({ state: 'pending' })
      expect(rolloutVerdict(service([unset({}), old(), { ...older, runningCount: 0 }]), expected)).toMatchObject({ state: 'done' })
    })

    it('finds our deployment by id among several, and fails it when it FAILED though another runs our revision', () => {
      const again: Deployment = { ...ours({ id: 'ecs-svc/4', rolloutState: 'IN_PROGRESS' }) }
      const failed = ours({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' })
      expect(rolloutVerdict(service([again, failed, old()]), expected)).toMatchObject({ state: 'failed' })
    })
  })

  it('has no PRIMARY deployment yet: pending', () => {
    expect(rolloutVerdict(service([old()]), expected)).toMatchObject({ state: 'pending', detail: expect.stringContaining('no PRIMARY') })
  })

  it('fails a service that is no longer ACTIVE', () => {
    expect(rolloutVerdict({ ...service([ours({})]), status: 'DRAINING' }, expected)).toMatchObject({ state: 'failed', detail: 'service is DRAINING' })
  })
})

describe('rolloutVerdict on the fake ECS, through the real SDK', () => {
  let fake: FakeEcs
  let ecs: ECSClient
  beforeEach(async () => {
    fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
    ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
    fake.seedService({ cluster: 'c', name: 'web', image: 'repo/web:1', desiredCount: 2 })
  })
  afterEach(async () => {
    ecs.destroy()
    await fake.stop()
  })

  async function deploy(image: string): Promise<{ taskDefinition: string; deploymentId: string }> {
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }))
    const { taskDefinitionArn: _a, revision: _r, status: _s, requiresAttributes: _q, compatibilities: _c, registeredAt: _t, registeredBy: _b, ...input } = taskDefinition!
    input.containerDefinitions![0]!.image = image
    const registered = await ecs.send(new RegisterTaskDefinitionCommand({ ...input, family: input.family!, containerDefinitions: input.containerDefinitions! }))
    const arn = registered.taskDefinition!.taskDefinitionArn!
    const updated = await ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web', taskDefinition: arn }))
    return { taskDefinition: arn, deploymentId: updated.service!.deployments!.find((d) => d.status === 'PRIMARY')!.id! }
  }
  const described = async (): Promise<Service> => (await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))).services![0]!

  it('is pending while IN_PROGRESS and done once COMPLETED', async () => {
    const watch = await deploy('repo/web:2')
    expect(rolloutVerdict(await described(), watch)).toMatchObject({ state: 'pending' })
    fake.advance(30_000)
    expect(rolloutVerdict(await described(), watch)).toMatchObject({ state: 'done' })
  })

  it('fails a FAILED rollout that the circuit breaker rolls back, and is done with the old revision afterwards', async () => {
    fake.failImage('repo/web:bad', { afterMs: 10_000 })
    const watch = await deploy('repo/web:bad')
    fake.advance(10_000)
    expect(rolloutVerdict(await described(), watch)).toMatchObject({ state: 'failed', rolledBackByEcs: true })
    fake.advance(30_000)
    // The health gate without an expected revision: the rolled-back service is settled on web:1.
    expect(rolloutVerdict(await described())).toMatchObject({ state: 'done', detail: expect.stringContaining('web:1') })
    expect(rolloutVerdict(await described(), watch)).toMatchObject({ state: 'failed' })
  })

  it('describes any number of services 10 to a call (the fake refuses more)', async () => {
    for (let i = 0; i < 22; i++) fake.seedService({ cluster: 'c', name: `s${i}`, image: 'repo/s:1' })
    fake.resetCalls()
    const names = ['web', ...Array.from({ length: 22 }, (_, i) => `s${i}`), 'ghost']
    const { services, failures } = await describeServicesInBatches(ecs, 'c', names)
    expect(fake.calls.DescribeServices).toBe(3)
    expect(services).toHaveLength(23)
    expect(failures.map((f) => f.arn)).toEqual([expect.stringMatching(/ghost$/)])
  })
})

describe('task definition names', () => {
  it('shortens an ARN to family:revision and compares ARNs with short names', () => {
    expect(taskDefinitionName(NEW)).toBe('web:2')
    expect(taskDefinitionName('arn:aws-us-gov:ecs:us-gov-west-1:111111111111:task-definition/web:2')).toBe('web:2')
    expect(taskDefinitionName('web:2')).toBe('web:2')
    expect(taskDefinitionFamily(NEW)).toBe('web')
    expect(sameTaskDefinition(NEW, 'web:2')).toBe(true)
    expect(sameTaskDefinition(NEW, OLD)).toBe(false)
    expect(sameTaskDefinition(undefined, 'web:2')).toBe(false)
  })
})
