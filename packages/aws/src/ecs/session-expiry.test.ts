// An AWS role session lasts role-duration-seconds; a long wait or rollback can outlive it. These tests expire the
// session of the real SDK client against the fake control plane, at a fake-clock time or on a given call.
import { isConfigurationError } from '@tierdeploy/catalog'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deployEcsServices, type EcsDeployRequest } from './deploy.js'
import { awsSetupError, configurationErrorOf, SessionExpiredError } from './errors.js'
import { rollBackServices } from './rollback.js'
import { CLUSTER, image, rejection, seedTestServices, startHarness, testCatalog, type Harness } from './test-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
  seedTestServices(h.fake)
})
afterEach(async () => h.close())

function request(over: Partial<EcsDeployRequest> = {}): EcsDeployRequest {
  const { catalog, environment } = testCatalog()
  return { catalog, environment, cluster: CLUSTER, waves: [['auth'], ['gateway']], images: { auth: image('auth', 2), gateway: image('gateway', 2) }, deployId: 'run-1', ...over }
}

const EXPIRED = /^the AWS session expired during the step \(ECS in cluster 'test-cluster': ExpiredTokenException: The security token included in the request is expired\): .*raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration/

async function expiredDeploy(over: Partial<EcsDeployRequest> = {}): Promise<SessionExpiredError> {
  const error = await rejection(deployEcsServices(request(over), h.effects))
  expect(error).toBeInstanceOf(SessionExpiredError)
  expect(isConfigurationError(error)).toBe(true)
  return error as SessionExpiredError
}

describe('an AWS session that expires during a deploy', () => {
  it('ends the wait with a configuration error saying to raise role-duration-seconds, carrying what the step did', async () => {
    // auth completes at 40 s and gateway is updated at the next poll; the session ends before gateway settles.
    h.fake.expireSessionAt(h.fake.now() + 60_000)
    const error = await expiredDeploy()
    expect(error.message).toMatch(EXPIRED)
    expect(error.results!.map((r) => [r.service, r.status, r.taskDefinition?.replace(/.*\//, '')])).toEqual([
      ['auth', 'deployed', 'auth:2'],
      ['gateway', 'deployed', 'gateway:2'],
    ])
    expect(error.results![0]!.reason).toBeUndefined()
    expect(error.results![1]!.reason).toBe('updated, but the rollout was not confirmed: the AWS session expired while waiting')
    expect(error.results![1]!.previousTaskDefinition).toMatch(/gateway:1$/)
    expect(h.fake.faulted.DescribeServices).toBe(1)
  })

  it('stops at the first write the session refuses, without trying the rest or a rollback', async () => {
    h.fake.failNext('RegisterTaskDefinition', 'ExpiredTokenException', 'The security token included in the request is expired', { skip: 1, count: 5 })
    const error = await expiredDeploy({ waves: [['auth'], ['gateway', 'payment']], images: { auth: image('auth', 2), gateway: image('gateway', 2), payment: image('payment', 2) }, concurrency: 1 })
    expect(error.message).toMatch(/^the AWS session expired during the step \(ECS for gateway in cluster 'test-cluster': ExpiredTokenException/)
    expect(error.results!.map((r) => [r.service, r.status])).toEqual([['auth', 'deployed'], ['gateway', 'failed'], ['payment', 'failed']])
    expect(h.fake.calls.UpdateService).toBe(1)
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:2$/)
  })

  it('ends a rollback the session cuts short with the same error, leaving what was not put back deployed', async () => {
    h.fake.failImage(image('gateway', 2))
    h.fake.failNext('UpdateService', 'ExpiredTokenException', 'The security token included in the request is expired', { skip: 2, count: 5 })
    const error = await expiredDeploy({ waves: [['auth', 'gateway']] })
    expect(error.message).toMatch(/^the AWS session expired during the step \(ECS for auth in cluster 'test-cluster'/)
    const [auth, gateway] = error.results!
    expect(auth).toMatchObject({ service: 'auth', status: 'deployed', previousTaskDefinition: expect.stringMatching(/auth:1$/) })
    expect(auth!.reason).toMatch(/rollback to .*auth:1 cut short: the AWS session expired$/)
    expect(gateway).toMatchObject({ service: 'gateway', status: 'failed' })
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:2$/)
  })

  it.each(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'])('treats %s while waiting as an expired session', async (type) => {
    h.fake.failNext('DescribeServices', type, 'Request has expired.', { skip: 1, count: 50 })
    const error = await expiredDeploy({ waves: [['auth']], images: { auth: image('auth', 2) } })
    expect(error.message).toContain(`(ECS in cluster 'test-cluster': ${type}: Request has expired.)`)
    expect(error.message).toContain("raise the workflow's 'role-duration-seconds' input")
  })
})

describe('rollBackServices when the session has expired', () => {
  it('throws the expired session after the writes in flight instead of reporting rollback-failed', async () => {
    await deployEcsServices(request({ waves: [['gateway']], images: { gateway: image('gateway', 2) } }), h.effects)
    h.fake.failNext('UpdateService', 'ExpiredTokenException', 'The security token included in the request is expired')
    const error = await rejection(rollBackServices([{ service: 'gateway', taskDefinition: 'gateway:1' }], { cluster: CLUSTER }, h.effects))
    expect(error).toBeInstanceOf(SessionExpiredError)
    expect(error.message).toMatch(/^the AWS session expired during the step \(ECS for gateway in cluster 'test-cluster'/)
  })
})

describe('classifying expired sessions', () => {
  const named = (name: string): Error => Object.assign(new Error('The security token included in the request is expired'), { name })

  it.each(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'])('makes %s a SessionExpiredError wherever AWS errors are classified', (name) => {
    for (const error of [configurationErrorOf(named(name), { cluster: 'c', service: 'auth' }), awsSetupError(named(name), 'CloudFormation to read the outputs of stack s')]) {
      expect(error).toBeInstanceOf(SessionExpiredError)
      expect(error!.message).toContain('the AWS session expired during the step')
      expect(error!.message).toContain("raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration")
    }
  })

  it('leaves other credential problems to their own messages', () => {
    expect(awsSetupError(named('InvalidClientTokenId'), 'ECS')!.message).toMatch(/^AWS rejected the credentials for ECS/)
    expect(configurationErrorOf(named('ThrottlingException'), { cluster: 'c' })).toBeUndefined()
  })
})
