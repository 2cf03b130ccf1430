import { isConfigurationError } from '@tierdeploy/catalog'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deployEcsServices } from './deploy.js'
import { parseRollbackVersion, rollBackService, rollBackServices } from './rollback.js'
import { CLUSTER, image, rejection, seedTestServices, startHarness, testCatalog, type Harness } from './test-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
  seedTestServices(h.fake)
})
afterEach(async () => h.close())

async function deployGateway(digit: number, commitSha: string): Promise<string> {
  const { catalog, environment } = testCatalog()
  const outcome = await deployEcsServices({ catalog, environment, cluster: CLUSTER, waves: [['gateway']], images: { gateway: image('gateway', digit) }, commitSha, deployId: `run-${digit}` }, h.effects)
  expect(outcome.ok).toBe(true)
  return outcome.results[0]!.taskDefinition!
}

const SHA_2 = '2222222222222222222222222222222222222222'
const SHA_3 = '3333333333333333333333333333333333333333'

describe('manual rollback', () => {
  it("'previous' goes back to what ran before the last deploy, as tagged at deploy time", async () => {
    await deployGateway(2, SHA_2)
    await deployGateway(3, SHA_3)
    const result = await rollBackService('gateway', { kind: 'previous' }, { cluster: CLUSTER }, h.effects)
    expect(result).toMatchObject({ service: 'gateway', status: 'rolled-back' })
    expect(result.previousTaskDefinition).toMatch(/gateway:3$/)
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:2$/)
    expect(h.fake.service(CLUSTER, 'gateway').deployments[0]!.rolloutState).toBe('COMPLETED')
  })

  it('goes back to a revision number of the running family', async () => {
    await deployGateway(2, SHA_2)
    await deployGateway(3, SHA_3)
    const result = await rollBackService('gateway', parseRollbackVersion('1'), { cluster: CLUSTER }, h.effects)
    expect(result.status).toBe('rolled-back')
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:1$/)
  })

  it('goes back to the revision tagged with a commit (short SHA accepted)', async () => {
    await deployGateway(2, SHA_2)
    await deployGateway(3, SHA_3)
    await deployGateway(4, '4444444444444444444444444444444444444444')
    const result = await rollBackService('gateway', parseRollbackVersion('3333333'), { cluster: CLUSTER }, h.effects)
    expect(result.taskDefinition).toMatch(/gateway:3$/)
    expect(h.fake.service(CLUSTER, 'gateway').taskDefinition).toMatch(/gateway:3$/)
  })

  it('says clearly when there is nothing to roll back to', async () => {
    const error = await rejection(rollBackService('gateway', { kind: 'previous' }, { cluster: CLUSTER }, h.effects))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toContain('nothing to roll back to')
    expect(error.message).toContain('tierdeploy:replaces')
    expect(h.fake.calls.UpdateService).toBeUndefined()
  })

  it('rejects an unknown revision, an unknown commit, the running revision and an unknown service', async () => {
    await deployGateway(2, SHA_2)
    const cases: [() => Promise<unknown>, string][] = [
      [() => rollBackService('gateway', parseRollbackVersion('9'), { cluster: CLUSTER }, h.effects), 'task definition gateway:9 does not exist'],
      [() => rollBackService('gateway', parseRollbackVersion('abcdef0'), { cluster: CLUSTER }, h.effects), 'is tagged with commit abcdef0'],
      [() => rollBackService('gateway', parseRollbackVersion('2'), { cluster: CLUSTER }, h.effects), 'already runs'],
      [() => rollBackService('ghost', { kind: 'previous' }, { cluster: CLUSTER }, h.effects), "service 'ghost' not found"],
    ]
    for (const [p, text] of cases) {
      const error = await rejection(p())
      expect(isConfigurationError(error), error.message).toBe(true)
      expect(error.message).toContain(text)
    }
  })

  it('turns a refused read into a configuration error naming the service, before any write', async () => {
    await deployGateway(2, SHA_2)
    for (const operation of ['DescribeTaskDefinition', 'ListTaskDefinitions']) {
      h.fake.failNext(operation, 'AccessDeniedException', `User: deployer is not authorized to perform: ecs:${operation}`)
      const error = await rejection(rollBackService('gateway', parseRollbackVersion(operation === 'ListTaskDefinitions' ? 'abcdef0' : 'previous'), { cluster: CLUSTER }, h.effects))
      expect(isConfigurationError(error), error.message).toBe(true)
      expect(error.message).toContain(`AWS refused the call for gateway in cluster 'test-cluster' (AccessDeniedException: User: deployer is not authorized to perform: ecs:${operation})`)
    }
    expect(h.fake.calls.UpdateService).toBe(1) // the deploy's own
  })

  it('parses versions and rejects anything else with the expected forms', () => {
    expect(parseRollbackVersion('previous')).toEqual({ kind: 'previous' })
    expect(parseRollbackVersion('42')).toEqual({ kind: 'revision', revision: 42 })
    expect(parseRollbackVersion('ABCDEF1')).toEqual({ kind: 'commit', sha: 'abcdef1' })
    expect(() => parseRollbackVersion('last')).toThrow(/'previous', a task-definition revision number/)
    expect(() => parseRollbackVersion('abc')).toThrow(/rollback-version must be/)
    expect(parseRollbackVersion('1234567')).toEqual({ kind: 'commit', sha: '1234567' })
  })
})

describe('rollBackServices (the health gate calls this with ecs-deploy results)', () => {
  it('puts deployed services back on their previous task definitions and waits', async () => {
    const { catalog, environment } = testCatalog()
    const outcome = await deployEcsServices({ catalog, environment, cluster: CLUSTER, waves: [['auth', 'gateway']], images: { auth: image('auth', 2), gateway: image('gateway', 2) }, deployId: 'd' }, h.effects)
    const targets = outcome.results.filter((r) => r.status === 'deployed').map((r) => ({ service: r.service, taskDefinition: r.previousTaskDefinition! }))
    const rolled = await rollBackServices(targets, { cluster: CLUSTER }, h.effects)
    expect(rolled.map((r) => [r.service, r.status])).toEqual([['auth', 'rolled-back'], ['gateway', 'rolled-back']])
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:1$/)
    expect(h.fake.service(CLUSTER, 'auth').deployments).toHaveLength(1)
  })

  it('accepts family:revision and only waits for a service already on its target', async () => {
    const rolled = await rollBackServices([{ service: 'gateway', taskDefinition: 'gateway:1' }], { cluster: CLUSTER }, h.effects)
    expect(rolled[0]!.status).toBe('rolled-back')
    expect(h.fake.calls.UpdateService).toBeUndefined()
  })

  it('reports a rollback that does not settle as rollback-failed', async () => {
    await deployGateway(2, SHA_2)
    h.fake.hangImage(image('gateway', 1))
    const rolled = await rollBackServices([{ service: 'gateway', taskDefinition: 'gateway:1' }], { cluster: CLUSTER, timeoutMs: 2 * 60_000 }, h.effects)
    expect(rolled[0]!.status).toBe('rollback-failed')
    expect(rolled[0]!.reason).toMatch(/timed out after 2\.0 min/)
  })

  it('reports an unknown service as rollback-failed without throwing', async () => {
    const rolled = await rollBackServices([{ service: 'ghost', taskDefinition: 'gateway:1' }], { cluster: CLUSTER }, h.effects)
    expect(rolled[0]).toMatchObject({ service: 'ghost', status: 'rollback-failed' })
    expect(rolled[0]!.reason).toContain('not found')
  })
})
