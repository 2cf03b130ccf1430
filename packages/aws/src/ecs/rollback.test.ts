import { isConfigurationError } from '@tierdeploy/catalog'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deployEcsServices } from './deploy.js'
import { parseDeployResult, parseRollbackVersion, recordedRollbackTargets, rollBackRecordedDeploy, rollBackService, rollBackServices } from './rollback.js'
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

describe('rollBackServices', () => {
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

describe('rolling back to the revisions a deploy recorded (ecs-deploy rollback-version recorded, health-gate rollback)', () => {
  async function deployed() {
    const { catalog, environment } = testCatalog()
    const outcome = await deployEcsServices({ catalog, environment, cluster: CLUSTER, waves: [['auth', 'gateway']], images: { auth: image('auth', 2), gateway: image('gateway', 2) }, deployId: 'd' }, h.effects)
    expect(outcome.ok).toBe(true)
    return outcome.results
  }

  it('rolls back exactly the services reported deployed, each to its recorded previous revision, and skips the rest', async () => {
    const recorded = [
      ...(await deployed()),
      { service: 'payment', status: 'unchanged' as const, previousTaskDefinition: 'payment:1', taskDefinition: 'payment:1' },
      { service: 'brand-new', status: 'deployed' as const, taskDefinition: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/brand-new:1' },
    ]
    const results = await rollBackRecordedDeploy(recorded, { cluster: CLUSTER }, h.effects)
    expect(results.map((r) => [r.service, r.status, r.taskDefinition?.replace(/.*\//, '')])).toEqual([
      ['auth', 'rolled-back', 'auth:1'],
      ['gateway', 'rolled-back', 'gateway:1'],
      ['payment', 'skipped', 'payment:1'],
      ['brand-new', 'skipped', 'brand-new:1'],
    ])
    expect(results[2]!.reason).toBe('not rolled back: the recorded deploy reports it unchanged')
    expect(results[3]!.reason).toBe('not rolled back: first deploy: no previous revision was recorded')
    expect(h.effects.lines).toContain('warning: no previous revision to roll back to (first deploy): brand-new')
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:1$/)
    expect(h.fake.service(CLUSTER, 'payment').taskDefinition).toMatch(/payment:1$/)
    expect(h.fake.calls.UpdateService).toBe(4) // the deploy's two, the rollback's two
  })

  it('rolls back only once: run again on the same record, it writes nothing and goes no revision further', async () => {
    const recorded = await deployed()
    await rollBackRecordedDeploy(recorded, { cluster: CLUSTER }, h.effects)
    h.fake.resetCalls()
    const again = await rollBackRecordedDeploy(recorded, { cluster: CLUSTER }, h.effects)
    expect(again.map((r) => [r.service, r.status])).toEqual([['auth', 'rolled-back'], ['gateway', 'rolled-back']])
    expect(h.fake.calls.UpdateService).toBeUndefined()
    expect(h.fake.calls.RegisterTaskDefinition).toBeUndefined()
    expect(h.fake.service(CLUSTER, 'auth').taskDefinition).toMatch(/auth:1$/)
  })

  it('leaves alone what the deploy itself already rolled back or failed', async () => {
    const recorded = [
      { service: 'auth', status: 'rolled-back' as const, previousTaskDefinition: 'auth:1', taskDefinition: 'auth:1', reason: 'rolled back because gateway failed' },
      { service: 'gateway', status: 'failed' as const, previousTaskDefinition: 'gateway:1', taskDefinition: 'gateway:2', reason: 'rollout failed' },
    ]
    expect(recordedRollbackTargets(recorded).targets).toEqual([])
    const results = await rollBackRecordedDeploy(recorded, { cluster: CLUSTER }, h.effects)
    expect(results.map((r) => [r.service, r.status, r.reason])).toEqual([
      ['auth', 'skipped', 'not rolled back: the recorded deploy reports it rolled-back (rolled back because gateway failed)'],
      ['gateway', 'skipped', 'not rolled back: the recorded deploy reports it failed (rollout failed)'],
    ])
    expect(h.fake.totalCalls()).toBe(0)
  })
})

describe('parseDeployResult', () => {
  it('accepts ecs-deploy result entries and rejects other shapes, naming where they came from', () => {
    const where = "input 'deploy-result-file' (results/tier-1.json)"
    expect(parseDeployResult([{ service: 'a', status: 'deployed', previousTaskDefinition: 'a:1', taskDefinition: 'a:2' }], where)).toHaveLength(1)
    expect(() => parseDeployResult({ a: 1 }, where)).toThrow(`input 'deploy-result-file' (results/tier-1.json) must be a JSON array of`)
    expect(() => parseDeployResult([{ service: 'a' }], where)).toThrow(`input 'deploy-result-file' (results/tier-1.json)[0] must have string service and status`)
    expect(() => parseDeployResult([{ service: 'a', status: 'deployed', previousTaskDefinition: 3 }], where)).toThrow(`(results/tier-1.json)[0].previousTaskDefinition must be a string`)
    expect(() => parseDeployResult([{ service: 'a', status: 'done' }], where)).toThrow(`[0].status must be one of deployed, unchanged, would-deploy, failed, rolled-back, rollback-failed, skipped, got 'done'`)
    expect(() => parseDeployResult([{ service: 'a', status: 'deployed' }, { service: 'a', status: 'failed' }], where)).toThrow(`(results/tier-1.json) lists a twice`)
  })
})
