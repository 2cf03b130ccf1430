import { CloudFormationClient, DescribeStackEventsCommand, DescribeStacksCommand, UpdateStackCommand, type StackStatus } from '@aws-sdk/client-cloudformation'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deployEcsServices } from './deploy.js'
import { CLUSTER, image, rejection, seedTestServices, startHarness, testCatalog, type Harness } from './test-fixtures.js'

const cfMock = mockClient(CloudFormationClient)
const cloudformation = new CloudFormationClient({ region: 'ca-central-1' })

let h: Harness
beforeEach(async () => {
  cfMock.reset()
  h = await startHarness()
  seedTestServices(h.fake)
})
afterEach(async () => h.close())

/** billing-stack: UPDATE_COMPLETE on image digit 1 until UpdateStack, then IN_PROGRESS and COMPLETE (or rolled back). */
function billingStack(after: StackStatus[]): void {
  let statuses: StackStatus[] = ['UPDATE_COMPLETE']
  let step = 0
  let current = image('billing', 1)
  cfMock.on(DescribeStacksCommand).callsFake(() => ({
    Stacks: [{ StackName: 'billing-stack', CreationTime: new Date(0), StackStatus: statuses[Math.min(step++, statuses.length - 1)]!, Parameters: [{ ParameterKey: 'Image', ParameterValue: current }] }],
  }))
  cfMock.on(UpdateStackCommand).callsFake((input: { Parameters?: { ParameterKey?: string; ParameterValue?: string }[] }) => {
    current = input.Parameters?.find((p) => p.ParameterKey === 'Image')?.ParameterValue ?? current
    statuses = after
    step = 0
    return { StackId: 'arn:stack' }
  })
  cfMock.on(DescribeStackEventsCommand).resolves({
    StackEvents: [{ StackName: 'billing-stack', StackId: 'arn:stack', EventId: 'e1', Timestamp: new Date(0), LogicalResourceId: 'Service', ResourceType: 'AWS::ECS::Service', ResourceStatus: 'UPDATE_FAILED', ResourceStatusReason: 'Resource handler returned message: "Error occurred during operation"' }],
  })
}

describe('deployVia: cloudformation services', () => {
  it('are deployed through their stack, beside the ECS services of the wave, never through UpdateService', async () => {
    billingStack(['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'])
    const { catalog, environment } = testCatalog()
    const outcome = await deployEcsServices(
      { catalog, environment, cluster: CLUSTER, waves: [['payment', 'billing']], images: { payment: image('payment', 2), billing: image('billing', 2) }, deployId: 'd', pollIntervalMs: 5_000 },
      { ...h.effects, cloudformation },
    )
    expect(outcome.results.map((r) => [r.service, r.status])).toEqual([['payment', 'deployed'], ['billing', 'deployed']])
    expect(outcome.results[1]!.reason).toContain(`via CloudFormation (image was ${image('billing', 1)})`)
    const update = cfMock.commandCalls(UpdateStackCommand)[0]!.args[0].input
    expect(update.StackName).toBe('billing-stack')
    expect(update.Parameters).toContainEqual({ ParameterKey: 'Image', ParameterValue: image('billing', 2) })
    expect(h.fake.calls.UpdateService).toBe(1) // payment only
  })

  it('a failed stack update fails the step and rolls the ECS services back', async () => {
    billingStack(['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'])
    const { catalog, environment } = testCatalog()
    const outcome = await deployEcsServices(
      { catalog, environment, cluster: CLUSTER, waves: [['payment', 'billing']], images: { payment: image('payment', 2), billing: image('billing', 2) }, deployId: 'd', pollIntervalMs: 5_000 },
      { ...h.effects, cloudformation },
    )
    expect(outcome.ok).toBe(false)
    expect(outcome.results.map((r) => [r.service, r.status])).toEqual([['payment', 'rolled-back'], ['billing', 'failed']])
    expect(outcome.results[1]!.reason).toContain('via CloudFormation')
    expect(h.fake.service(CLUSTER, 'payment').taskDefinition).toMatch(/payment:1$/)
  })

  it('a stack wait that throws stops the wave\'s ECS rollout polling at once and surfaces its error', async () => {
    h.fake.state.defaultRolloutMs = 10 * 60_000
    billingStack(['UPDATE_IN_PROGRESS'])
    let describes = 0
    cfMock.on(DescribeStacksCommand).callsFake(() => {
      // The pre-update check sees the stack; the wait after UpdateStack finds it gone.
      if (describes++ === 0) return { Stacks: [{ StackName: 'billing-stack', CreationTime: new Date(0), StackStatus: 'UPDATE_COMPLETE', Parameters: [{ ParameterKey: 'Image', ParameterValue: image('billing', 1) }] }] }
      return { Stacks: [] }
    })
    const { catalog, environment } = testCatalog()
    const started = h.fake.now()
    const error = await rejection(deployEcsServices(
      { catalog, environment, cluster: CLUSTER, waves: [['payment', 'billing']], images: { payment: image('payment', 2), billing: image('billing', 2) }, deployId: 'd', pollIntervalMs: 5_000 },
      { ...h.effects, cloudformation },
    ))
    expect(error.message).toBe('stack billing-stack disappeared while tierdeploy was waiting for it')
    const polls = h.fake.calls.DescribeServices ?? 0
    // Give a loop still running in the background every chance to poll again.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r))
    await new Promise((r) => setTimeout(r, 50))
    expect(h.fake.calls.DescribeServices ?? 0).toBe(polls)
    expect(h.fake.now() - started).toBeLessThan(60_000)
  })
})
