import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ECSClient } from '@aws-sdk/client-ecs'
import { FakeEcs } from '@tierdeploy/testkit'
import { parseDeployResult, rollBackDeploy } from './rollback.js'

const CLUSTER = 'invoxa-dev'
let fake: FakeEcs
beforeEach(async () => {
  fake = await FakeEcs.start()
  fake.createCluster(CLUSTER)
})
afterEach(() => fake.stop())

describe('rollBackDeploy', () => {
  it('puts the services ecs-deploy deployed back on their previous revisions and leaves the rest alone', async () => {
    const auth = fake.seedService({ cluster: CLUSTER, name: 'auth', image: 'repo/auth:1' })
    const invoice = fake.seedService({ cluster: CLUSTER, name: 'invoice', image: 'repo/invoice:1' })
    const previous = auth.taskDefinition
    const { taskDefinition } = fake.state.registerTaskDefinition({ family: 'auth', containerDefinitions: [{ name: 'auth', image: 'repo/auth:2', essential: true }], requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' })
    const deployed = (taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn
    fake.state.updateService({ cluster: CLUSTER, service: 'auth', taskDefinition: deployed })
    await fake.clock.sleep(60_000)
    expect(fake.service(CLUSTER, 'auth').taskDefinition).toBe(deployed)
    const logs: string[] = []
    const results = await rollBackDeploy(
      [
        { service: 'auth', status: 'deployed', previousTaskDefinition: previous, taskDefinition: deployed },
        { service: 'invoice', status: 'unchanged', taskDefinition: invoice.taskDefinition },
        { service: 'brand-new', status: 'deployed', taskDefinition: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/brand-new:1' },
      ],
      CLUSTER,
      { ecs: new ECSClient({ endpoint: fake.endpoint, region: 'ca-central-1' }), clock: fake.clock, log: { debug() {}, info: (m) => logs.push(m), warning: (m) => logs.push(`warning: ${m}`), error() {} } },
    )
    expect(results).toEqual([expect.objectContaining({ service: 'auth', status: 'rolled-back', taskDefinition: previous })])
    expect(fake.service(CLUSTER, 'auth').taskDefinition).toBe(previous)
    expect(fake.service(CLUSTER, 'invoice').taskDefinition).toBe(invoice.taskDefinition)
    expect(logs).toContain('warning: no previous revision to roll back to (first deploy): brand-new')
  })

  it('does nothing when nothing was deployed', async () => {
    expect(await rollBackDeploy([{ service: 'auth', status: 'unchanged' }], CLUSTER, { ecs: new ECSClient({ endpoint: fake.endpoint, region: 'ca-central-1' }), clock: fake.clock, log: { debug() {}, info() {}, warning() {}, error() {} } })).toEqual([])
    expect(fake.totalCalls()).toBe(0)
  })
})

describe('parseDeployResult', () => {
  it('accepts ecs-deploy result entries and rejects other shapes, naming the input', () => {
    expect(parseDeployResult([{ service: 'a', status: 'deployed', previousTaskDefinition: 'a:1', taskDefinition: 'a:2' }], 'deploy-result')).toHaveLength(1)
    expect(() => parseDeployResult({ a: 1 }, 'deploy-result')).toThrow(/input 'deploy-result' must be a JSON array of/)
    expect(() => parseDeployResult([{ service: 'a' }], 'deploy-result')).toThrow(/input 'deploy-result'\[0\] must have string service and status/)
    expect(() => parseDeployResult([{ service: 'a', status: 'deployed', previousTaskDefinition: 3 }], 'deploy-result')).toThrow(/deploy-result'\[0\].previousTaskDefinition must be a string/)
  })
})
