import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type Stack,
  type StackEvent,
  type StackStatus,
} from '@aws-sdk/client-cloudformation'
import { isConfigurationError } from '@tierdeploy/catalog'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { deployStackServices, rollBackStackService, type StackDeployOptions } from './deploy.js'
import { fakeClock, recordingLogger, validationError } from './test-support.js'

const cfMock = mockClient(CloudFormationClient)
const cloudformation = new CloudFormationClient({ region: 'ca-central-1' })

const OLD = '123456789012.dkr.ecr.ca-central-1.amazonaws.com/platform/payment:aaa'
const NEW = '123456789012.dkr.ecr.ca-central-1.amazonaws.com/platform/payment:bbb'

/**
 * A stack whose status moves along `before` one step per DescribeStacks (staying on the last) until UpdateStack is
 * accepted, then along `after`. UpdateStack first throws `updateErrors`, one per call.
 */
function scriptedStack(name: string, before: StackStatus[], after: StackStatus[] = [], parameters: Record<string, string> = { ImageUri: OLD, DesiredCount: '2', Subnets: 'subnet-1,subnet-2' }, updateErrors: Error[] = []) {
  let statuses = before
  let step = 0
  cfMock.on(DescribeStacksCommand, { StackName: name }).callsFake(() => {
    const s: Stack = {
      StackName: name,
      StackId: `arn:aws:cloudformation:ca-central-1:123456789012:stack/${name}/1`,
      CreationTime: new Date(0),
      StackStatus: statuses[Math.min(step++, statuses.length - 1)]!,
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    }
    return { Stacks: [s] }
  })
  cfMock.on(UpdateStackCommand, { StackName: name }).callsFake(() => {
    const error = updateErrors.shift()
    if (error) throw error
    statuses = after
    step = 0
    return { StackId: 'arn:stack' }
  })
}

function event(stack: string, logical: string, type: string, status: string, reason?: string, token?: string): StackEvent {
  return {
    StackName: stack, StackId: `arn:${stack}`, EventId: `${logical}-${status}`, Timestamp: new Date(0),
    LogicalResourceId: logical, ResourceType: type, ResourceStatus: status as StackEvent['ResourceStatus'],
    ...(reason ? { ResourceStatusReason: reason } : {}), ...(token ? { ClientRequestToken: token } : {}),
  }
}

const options: StackDeployOptions = { timeoutMs: 600_000, rollbackOnFailure: true, pollIntervalMs: 10_000 }
const request = { service: 'payment', stack: 'payment-prod', imageParameter: 'ImageUri', image: NEW }

function deps() {
  return { cloudformation, clock: fakeClock(), log: recordingLogger() }
}

beforeEach(() => {
  cfMock.reset()
})

describe('deployStackServices', () => {
  it('updates only the image parameter, keeping every other parameter, the template and the capabilities', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'])
    const d = deps()
    const [result] = await deployStackServices([request], d, options)

    expect(result).toEqual({ service: 'payment', status: 'deployed', previousImage: OLD, image: NEW })
    const [update] = cfMock.commandCalls(UpdateStackCommand)
    const input = update!.args[0].input
    expect(input.UsePreviousTemplate).toBe(true)
    expect(input.TemplateBody).toBeUndefined()
    expect(input.Capabilities).toEqual(['CAPABILITY_NAMED_IAM'])
    expect(input.Parameters).toEqual([
      { ParameterKey: 'ImageUri', ParameterValue: NEW },
      { ParameterKey: 'DesiredCount', UsePreviousValue: true },
      { ParameterKey: 'Subnets', UsePreviousValue: true },
    ])
    expect(d.clock.sleeps.length).toBeGreaterThan(0)
  })

  it('reports a stack update that rolled back, with the failed events of that update', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'])
    const token = `tierdeploy-${fakeClock().now()}`
    cfMock.on(DescribeStackEventsCommand).resolvesOnce({
      StackEvents: [
        event('payment-prod', 'payment-prod', 'AWS::CloudFormation::Stack', 'UPDATE_ROLLBACK_COMPLETE', undefined, token),
        event('payment-prod', 'Service', 'AWS::ECS::Service', 'UPDATE_COMPLETE', undefined, token),
        event('payment-prod', 'payment-prod', 'AWS::CloudFormation::Stack', 'UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [Service].', token),
        event('payment-prod', 'Service', 'AWS::ECS::Service', 'UPDATE_FAILED', 'Resource handler returned message: "Error occurred during operation \'ECS Deployment Circuit Breaker was triggered\'."', token),
        event('payment-prod', 'TaskDefinition', 'AWS::ECS::TaskDefinition', 'UPDATE_COMPLETE', undefined, token),
      ],
      NextToken: 'page-2',
    }).resolvesOnce({
      StackEvents: [
        event('payment-prod', 'payment-prod', 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS', 'User Initiated', token),
        // An earlier update's failure must not be reported as this one's.
        event('payment-prod', 'Listener', 'AWS::ElasticLoadBalancingV2::Listener', 'UPDATE_FAILED', 'old failure', 'tierdeploy-1'),
      ],
    })

    const [result] = await deployStackServices([request], deps(), options)

    expect(result!.status).toBe('rolled-back')
    expect(result!.previousImage).toBe(OLD)
    expect(result!.events).toEqual([
      'Service (AWS::ECS::Service) UPDATE_FAILED: Resource handler returned message: "Error occurred during operation \'ECS Deployment Circuit Breaker was triggered\'."',
    ])
    expect(result!.reason).toContain('ECS Deployment Circuit Breaker was triggered')
    expect(result!.reason).toContain('rolled it back')
  })

  it('reports UPDATE_ROLLBACK_FAILED as a failure that needs continue-update-rollback', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED'])
    cfMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event('payment-prod', 'Service', 'AWS::ECS::Service', 'UPDATE_FAILED', 'Service was deleted outside CloudFormation'),
        event('payment-prod', 'payment-prod', 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS'),
      ],
    })
    const [result] = await deployStackServices([request], deps(), options)
    expect(result!.status).toBe('failed')
    expect(result!.reason).toContain('UPDATE_ROLLBACK_FAILED')
    expect(result!.reason).toContain('continue-update-rollback')
    expect(result!.events).toEqual(['Service (AWS::ECS::Service) UPDATE_FAILED: Service was deleted outside CloudFormation'])
  })

  it('treats "No updates are to be performed" as unchanged', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], [], undefined, [validationError('No updates are to be performed.')])
    const [result] = await deployStackServices([request], deps(), options)
    expect(result).toEqual({ service: 'payment', status: 'unchanged', previousImage: OLD, image: NEW })
  })

  it('does not call UpdateStack when the stack already runs the image', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], [], { ImageUri: NEW })
    const [result] = await deployStackServices([request], deps(), options)
    expect(result!.status).toBe('unchanged')
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(0)
  })

  it('waits for an update already in progress to finish, then updates', async () => {
    scriptedStack('payment-prod', ['UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'])
    const d = deps()
    const [result] = await deployStackServices([request], d, options)
    expect(result!.status).toBe('deployed')
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(1)
    expect(d.log.lines.some((l) => l.includes('is UPDATE_IN_PROGRESS: waiting'))).toBe(true)
  })

  it('refuses a stack that is still updating after the timeout, without updating it', async () => {
    scriptedStack('payment-prod', ['UPDATE_IN_PROGRESS'])
    const d = deps()
    const [result] = await deployStackServices([request], d, { ...options, timeoutMs: 60_000 })
    expect(result!.status).toBe('failed')
    expect(result!.reason).toMatch(/stack payment-prod is still UPDATE_IN_PROGRESS after 60s: another operation is running on it/)
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(0)
    expect(d.clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000)
  })

  it('goes back to waiting when UpdateStack loses the race with another update', async () => {
    const raced = validationError('Stack:arn:aws:cloudformation:ca-central-1:123456789012:stack/payment-prod/1 is in UPDATE_IN_PROGRESS state and can not be updated.')
    scriptedStack('payment-prod', ['UPDATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], undefined, [raced])
    const [result] = await deployStackServices([request], deps(), options)
    expect(result!.status).toBe('deployed')
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(2)
  })

  it('cancels an update that outlives the timeout and reports it rolled back', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], [...Array<StackStatus>(4).fill('UPDATE_IN_PROGRESS'), 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'])
    cfMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
    const [result] = await deployStackServices([request], deps(), { ...options, timeoutMs: 30_000 })
    expect(cfMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(1)
    expect(result!.status).toBe('rolled-back')
    expect(result!.reason).toContain('did not finish updating within 30s')
  })

  it('reports a rollback still running at the timeout with the events that caused it', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS'])
    cfMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event('payment-prod', 'Service', 'AWS::ECS::Service', 'UPDATE_FAILED', 'Invalid request provided: CannotPullContainerError'),
        event('payment-prod', 'payment-prod', 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS'),
      ],
    })
    const [result] = await deployStackServices([request], deps(), { ...options, timeoutMs: 30_000 })
    expect(cfMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(0)
    expect(result!.status).toBe('failed')
    expect(result!.reason).toContain('still rolling it back (UPDATE_ROLLBACK_IN_PROGRESS) after 30s: Service (AWS::ECS::Service) UPDATE_FAILED: Invalid request provided: CannotPullContainerError')
  })

  it('leaves a slow update running when rollbackOnFailure is off', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS'])
    const [result] = await deployStackServices([request], deps(), { ...options, timeoutMs: 30_000, rollbackOnFailure: false })
    expect(cfMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(0)
    expect(result!.status).toBe('failed')
    expect(result!.reason).toContain('left it running')
  })

  it('sends one UpdateStack for two services of the same stack and updates different stacks separately', async () => {
    scriptedStack('platform-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], { AuthImage: 'auth:1', UserImage: 'user:1', Env: 'prod' })
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_COMPLETE'])
    const results = await deployStackServices([
      { service: 'auth', stack: 'platform-prod', imageParameter: 'AuthImage', image: 'auth:2' },
      request,
      { service: 'user', stack: 'platform-prod', imageParameter: 'UserImage', image: 'user:2' },
    ], deps(), options)

    expect(results.map((r) => [r.service, r.status, r.previousImage])).toEqual([['auth', 'deployed', 'auth:1'], ['payment', 'deployed', OLD], ['user', 'deployed', 'user:1']])
    const updates = cfMock.commandCalls(UpdateStackCommand).map((c) => c.args[0].input)
    expect(updates).toHaveLength(2)
    expect(updates.find((u) => u.StackName === 'platform-prod')!.Parameters).toEqual([
      { ParameterKey: 'AuthImage', ParameterValue: 'auth:2' },
      { ParameterKey: 'UserImage', ParameterValue: 'user:2' },
      { ParameterKey: 'Env', UsePreviousValue: true },
    ])
  })

  it('refuses, before updating anything, a missing stack or a parameter the stack does not have', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'])
    cfMock.on(DescribeStacksCommand, { StackName: 'gone' }).rejects(validationError('Stack with id gone does not exist'))
    const error = await deployStackServices([
      { ...request, imageParameter: 'Image' },
      { service: 'auth', stack: 'gone', imageParameter: 'ImageUri', image: NEW },
    ], deps(), options).catch((e: unknown) => e)

    expect(isConfigurationError(error)).toBe(true)
    const message = (error as Error).message
    expect(message).toContain("stack 'gone' of auth (catalog cloudformation.stack) does not exist")
    expect(message).toContain("stack 'payment-prod' has no parameter 'Image' (service payment, catalog cloudformation.imageParameter); its parameters are: ImageUri, DesiredCount, Subnets")
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(0)
  })

  it('reports a refused UpdateStack with the AWS message and the permission it needs', async () => {
    const denied = validationError('User: arn:aws:sts::123456789012:assumed-role/deploy is not authorized to perform: cloudformation:UpdateStack')
    denied.name = 'AccessDenied'
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], [], undefined, [denied])
    const [result] = await deployStackServices([request], deps(), options)
    expect(result!.status).toBe('failed')
    expect(result!.reason).toContain('not authorized to perform: cloudformation:UpdateStack')
    expect(result!.reason).toContain('iam:PassRole')
  })

  it('refuses a stack whose creation failed', async () => {
    scriptedStack('payment-prod', ['ROLLBACK_COMPLETE'])
    const [result] = await deployStackServices([request], deps(), options)
    expect(result!.status).toBe('failed')
    expect(result!.reason).toContain('delete and recreate')
    expect(cfMock.commandCalls(UpdateStackCommand)).toHaveLength(0)
  })
})

describe('rollBackStackService', () => {
  it('re-applies the previous image and reports rolled-back', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], { ImageUri: NEW, DesiredCount: '2' })
    const result = await rollBackStackService({ ...request, image: OLD }, deps(), { timeoutMs: 600_000 })
    expect(result).toEqual({ service: 'payment', status: 'rolled-back', previousImage: NEW, image: OLD })
    expect(cfMock.commandCalls(UpdateStackCommand)[0]!.args[0].input.Parameters).toEqual([
      { ParameterKey: 'ImageUri', ParameterValue: OLD },
      { ParameterKey: 'DesiredCount', UsePreviousValue: true },
    ])
  })

  it('reports failure when CloudFormation reverts the rollback itself', async () => {
    scriptedStack('payment-prod', ['UPDATE_COMPLETE'], ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'], { ImageUri: NEW })
    cfMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
    const result = await rollBackStackService({ ...request, image: OLD }, deps(), { timeoutMs: 600_000 })
    expect(result.status).toBe('failed')
    expect(result.reason).toContain(`rolling back to ${OLD} failed`)
  })
})
