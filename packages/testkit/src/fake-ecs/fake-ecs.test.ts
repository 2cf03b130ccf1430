import {
  ClientException,
  ClusterNotFoundException,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  InvalidParameterException,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  ServiceNotFoundException,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeEcs } from './server.js'

let fake: FakeEcs
let ecs: ECSClient
beforeEach(async () => {
  fake = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  // One attempt: these tests look at what the fake answers, not at the SDK's retries.
  ecs = new ECSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
  fake.seedService({ cluster: 'c', name: 'web', image: 'repo/web:1', desiredCount: 2 })
})
afterEach(async () => {
  ecs.destroy()
  await fake.stop()
})

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a rejection')
}

async function primary(): Promise<{ taskDefinition?: string; rolloutState?: string; runningCount?: number; desiredCount?: number }> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))
  return services![0]!.deployments!.find((d) => d.status === 'PRIMARY')!
}

async function registerWeb(image: string): Promise<string> {
  const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }))
  const { taskDefinitionArn: _a, revision: _r, status: _s, requiresAttributes: _q, compatibilities: _c, registeredAt: _t, registeredBy: _b, ...input } = taskDefinition!
  input.containerDefinitions![0]!.image = image
  const out = await ecs.send(new RegisterTaskDefinitionCommand({ ...input, family: input.family!, containerDefinitions: input.containerDefinitions! }))
  return out.taskDefinition!.taskDefinitionArn!
}

describe('fake ECS control plane, through the real SDK', () => {
  it('registers revisions with ECS ARNs and answers DescribeTaskDefinition with tags', async () => {
    const arn = await registerWeb('repo/web:2')
    expect(arn).toBe('arn:aws:ecs:ca-central-1:111111111111:task-definition/web:2')
    await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'tierdeploy:commit', value: 'abc' }] }))
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:2', include: ['TAGS'] }))
    expect(out.taskDefinition).toMatchObject({ revision: 2, status: 'ACTIVE', family: 'web' })
    expect(out.taskDefinition!.registeredAt).toBeInstanceOf(Date)
    expect(out.tags).toEqual([{ key: 'tierdeploy:commit', value: 'abc' }])
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toHaveLength(1)
    const bad = await rejection(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:9' })))
    expect(bad).toBeInstanceOf(ClientException)
  })

  it('lists revisions newest first and deregisters them', async () => {
    await registerWeb('repo/web:2')
    const listed = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', sort: 'DESC' }))
    expect(listed.taskDefinitionArns!.map((a) => a.replace(/.*\//, ''))).toEqual(['web:2', 'web:1'])
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:1' }))
    const active = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))
    expect(active.taskDefinitionArns!.map((a) => a.replace(/.*\//, ''))).toEqual(['web:2'])
    const update = await rejection(ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web', taskDefinition: 'web:1' })))
    expect(update.message).toContain('inactive')
  })

  it('rejects more than 10 services per DescribeServices and reports unknown ones as MISSING', async () => {
    const tooMany = await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'c', services: Array.from({ length: 11 }, (_, i) => `s${i}`) })))
    expect(tooMany).toBeInstanceOf(InvalidParameterException)
    const out = await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web', 'ghost'] }))
    expect(out.services!.map((s) => s.serviceName)).toEqual(['web'])
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:ca-central-1:111111111111:service/c/ghost', reason: 'MISSING' }])
    expect(await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })))).toBeInstanceOf(ClusterNotFoundException)
    expect(await rejection(ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'ghost' })))).toBeInstanceOf(ServiceNotFoundException)
  })

  it('pages ListServices', async () => {
    for (let i = 0; i < 12; i++) fake.seedService({ cluster: 'c', name: `s${i}`, image: 'x:1' })
    const first = await ecs.send(new ListServicesCommand({ cluster: 'c' }))
    expect(first.serviceArns).toHaveLength(10)
    const second = await ecs.send(new ListServicesCommand({ cluster: 'c', nextToken: first.nextToken! }))
    expect(second.serviceArns).toHaveLength(3)
    expect(second.nextToken).toBeUndefined()
  })

  it('rolls a deployment out on the fake clock: PRIMARY IN_PROGRESS, old ACTIVE, then COMPLETED', async () => {
    const arn = await registerWeb('repo/web:2')
    const updated = await ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web', taskDefinition: arn }))
    expect(updated.service!.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([['PRIMARY', 'IN_PROGRESS'], ['ACTIVE', 'COMPLETED']])
    fake.advance(29_000)
    expect(await primary()).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 0 })
    fake.advance(1_000)
    expect(await primary()).toMatchObject({ taskDefinition: arn, rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 })
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))
    expect(services![0]!.deployments).toHaveLength(1)
    expect(services![0]!.events![0]!.message).toBe('(service web) has reached a steady state.')
  })

  it('fails a bad image and lets the circuit breaker roll back, with stopped tasks saying why', async () => {
    fake.failImage('repo/web:bad', { afterMs: 10_000, containerReason: 'CannotPullContainerError: not found' })
    const arn = await registerWeb('repo/web:bad')
    await ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web', taskDefinition: arn }))
    fake.advance(10_000)
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))
    const [rollback, failed] = services![0]!.deployments!
    expect(failed).toMatchObject({ status: 'ACTIVE', rolloutState: 'FAILED', taskDefinition: arn })
    expect(rollback).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', taskDefinition: expect.stringMatching(/web:1$/) })
    expect(rollback!.rolloutStateReason).toContain('circuit breaker: rolling back')
    const stopped = await ecs.send(new ListTasksCommand({ cluster: 'c', serviceName: 'web', desiredStatus: 'STOPPED' }))
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: 'c', tasks: stopped.taskArns! }))
    expect(tasks!.some((t) => t.stoppedReason === 'Essential container in task exited' && t.containers![0]!.reason === 'CannotPullContainerError: not found')).toBe(true)
    fake.advance(30_000)
    expect(await primary()).toMatchObject({ rolloutState: 'COMPLETED', taskDefinition: expect.stringMatching(/web:1$/) })
  })

  it('keeps a rollout IN_PROGRESS forever when it never finishes', async () => {
    fake.hangImage('repo/web:hang')
    await ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web', taskDefinition: await registerWeb('repo/web:hang') }))
    fake.advance(24 * 3_600_000)
    expect(await primary()).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 0 })
  })

  it('injects throttling and server errors the SDK maps to its exception classes, and counts calls', async () => {
    fake.failNext('DescribeServices', 'ThrottlingException', 'Rate exceeded')
    expect((await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] })))).name).toBe('ThrottlingException')
    fake.faults = { serverErrorRate: 1 }
    const e = await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] })))
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(500)
    fake.faults = { throttleRate: 0.2 }
    let throttled = 0
    for (let i = 0; i < 50; i++) {
      try {
        await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))
      } catch (err) {
        if ((err as Error).name === 'ThrottlingException') throttled++
      }
    }
    expect(throttled).toBeGreaterThan(2)
    expect(throttled).toBeLessThan(25)
    expect(fake.calls.DescribeServices).toBe(52)
    expect(fake.faulted.DescribeServices).toBe(throttled + 2)
  })

  it('answers every call as expired credentials once the session has ended, as AWS does (400, ExpiredTokenException)', async () => {
    fake.expireSessionAt(fake.now() + 60_000)
    await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] }))
    fake.advance(60_000)
    const e = await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['web'] })))
    expect(e.name).toBe('ExpiredTokenException')
    expect(e.message).toBe('The security token included in the request is expired')
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400)
    expect((await rejection(ecs.send(new UpdateServiceCommand({ cluster: 'c', service: 'web' })))).name).toBe('ExpiredTokenException')
    expect(fake.faulted).toEqual({ DescribeServices: 1, UpdateService: 1 })
    const raw = await fetch(fake.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListServices' }, body: '{}' })
    expect(raw.status).toBe(400)
    expect(raw.headers.get('x-amzn-errortype')).toBe('ExpiredTokenException')
    expect(await raw.json()).toEqual({ __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' })
  })

  it('rejects a registration that Fargate would refuse', async () => {
    const e = await rejection(ecs.send(new RegisterTaskDefinitionCommand({ family: 'x', requiresCompatibilities: ['FARGATE'], networkMode: 'bridge', containerDefinitions: [{ name: 'a', image: 'b' }] })))
    expect(e).toBeInstanceOf(ClientException)
    expect(e.message).toContain('awsvpc')
  })
})
