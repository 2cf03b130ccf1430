import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts'
import { ListServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeEcs } from './server.js'

let fake: FakeEcs
let sts: STSClient
beforeEach(async () => {
  fake = await FakeEcs.start({ account: '111111111111' })
  // One attempt: these tests look at what the fake answers, not at the SDK's retries.
  sts = new STSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
})
afterEach(async () => {
  sts.destroy()
  await fake.stop()
})

async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a rejection')
}

describe('the fake STS, through the real @aws-sdk/client-sts', () => {
  it('answers GetCallerIdentity with the fake\'s own account by default, and counts the call', async () => {
    const identity = await sts.send(new GetCallerIdentityCommand({}))
    expect(identity).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/deployer/session', UserId: expect.stringMatching(/^AROA.+:session$/) })
    expect(fake.calls.GetCallerIdentity).toBe(1)
  })

  it('answers with the account a test sets, as credentials of another account would', async () => {
    fake.callerAccount = '333333333333'
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('333333333333')
  })

  it('answers a queued error as awsQuery XML, which the SDK names by its code', async () => {
    fake.failNext('GetCallerIdentity', 'ExpiredToken', 'The security token included in the request is expired', { status: 403 })
    const error = await rejection(sts.send(new GetCallerIdentityCommand({})))
    expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual(['ExpiredToken', 'The security token included in the request is expired', 403])
    expect(fake.faulted.GetCallerIdentity).toBe(1)
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111')
  })

  it('answers ExpiredToken once the session has expired, like the fake\'s ECS calls', async () => {
    fake.expireSessionAt(fake.now())
    expect((await rejection(sts.send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken')
  })

  it('refuses an STS action it does not implement, by name', async () => {
    const error = await rejection(sts.send(new GetSessionTokenCommand({})))
    expect([error.name, error.message]).toEqual(['InvalidAction', 'the fake STS does not implement GetSessionToken'])
  })

  it('serves ECS on the same endpoint alongside', async () => {
    const ecs = new ECSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
    fake.createCluster('c')
    try {
      await ecs.send(new ListServicesCommand({ cluster: 'c' }))
      await sts.send(new GetCallerIdentityCommand({}))
      expect(fake.calls).toEqual({ ListServices: 1, GetCallerIdentity: 1 })
    } finally {
      ecs.destroy()
    }
  })
})
