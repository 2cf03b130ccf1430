import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { isConfigurationError, resolveEnvironmentReferences, type Environment } from '@tierdeploy/catalog'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { stackOutputLookup } from './outputs.js'
import { validationError } from './test-support.js'

const cfMock = mockClient(CloudFormationClient)
const cloudformation = new CloudFormationClient({ region: 'ca-central-1' })

const env: Environment = {
  file: 'catalog/environments/production.yaml',
  name: 'production',
  region: 'ca-central-1',
  cluster: { stackOutput: 'platform-prod.ClusterName' },
  logGroup: { stackOutput: 'platform-prod.LogGroup' },
  network: { subnets: [{ stackOutput: 'network-prod.PrivateSubnets' }], securityGroups: [{ stackOutput: 'platform-prod.TaskSecurityGroup' }] },
}

beforeEach(() => {
  cfMock.reset()
  cfMock.on(DescribeStacksCommand, { StackName: 'platform-prod' }).resolves({
    Stacks: [{
      StackName: 'platform-prod', CreationTime: new Date(0), StackStatus: 'UPDATE_COMPLETE',
      Outputs: [{ OutputKey: 'ClusterName', OutputValue: 'prod' }, { OutputKey: 'LogGroup', OutputValue: '/ecs/prod' }, { OutputKey: 'TaskSecurityGroup', OutputValue: 'sg-1' }],
    }],
  })
  cfMock.on(DescribeStacksCommand, { StackName: 'network-prod' }).resolves({
    Stacks: [{ StackName: 'network-prod', CreationTime: new Date(0), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'PrivateSubnets', OutputValue: 'subnet-a,subnet-b' }] }],
  })
  cfMock.on(DescribeStacksCommand, { StackName: 'missing' }).rejects(validationError('Stack with id missing does not exist'))
})

describe('stackOutputLookup', () => {
  it('resolves stack outputs with one DescribeStacks per stack, across environments of one run', async () => {
    const describeStack = stackOutputLookup(cloudformation)
    const resolved = await resolveEnvironmentReferences(env, { describeStack })
    await resolveEnvironmentReferences({ ...env, name: 'production-2' }, { describeStack })

    expect([resolved.cluster, resolved.logGroup, resolved.network]).toEqual(['prod', '/ecs/prod', { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] }])
    expect(cfMock.commandCalls(DescribeStacksCommand).map((c) => c.args[0].input.StackName).sort()).toEqual(['network-prod', 'platform-prod'])
  })

  it('turns "Stack with id X does not exist" into a ConfigurationError naming the stack', async () => {
    const e = await resolveEnvironmentReferences({ ...env, cluster: { stackOutput: 'missing.ClusterName' } }, { describeStack: stackOutputLookup(cloudformation) }).catch((x: unknown) => x)
    expect(isConfigurationError(e)).toBe(true)
    expect((e as Error).message).toContain("cluster: stack 'missing' (stackOutput missing.ClusterName) does not exist in ca-central-1")
  })

  it('names the missing output with the outputs the stack has', async () => {
    const e = await resolveEnvironmentReferences({ ...env, cluster: { stackOutput: 'platform-prod.Cluster' } }, { describeStack: stackOutputLookup(cloudformation) }).catch((x: unknown) => x)
    expect((e as Error).message).toContain("stack 'platform-prod' has no output 'Cluster'")
    expect((e as Error).message).toContain('its outputs are: ClusterName, LogGroup, TaskSecurityGroup')
  })

  it('explains a denied DescribeStacks with the permission to grant', async () => {
    const denied = validationError('User is not authorized to perform: cloudformation:DescribeStacks')
    denied.name = 'AccessDenied'
    cfMock.on(DescribeStacksCommand, { StackName: 'platform-prod' }).rejects(denied)
    const e = await stackOutputLookup(cloudformation)('platform-prod').catch((x: unknown) => x)
    expect(isConfigurationError(e)).toBe(true)
    expect((e as Error).message).toContain('needs cloudformation:DescribeStacks')
  })

  it('names the stack when credentials are missing or CloudFormation cannot be reached', async () => {
    cfMock.on(DescribeStacksCommand, { StackName: 'platform-prod' }).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))
    await expect(stackOutputLookup(cloudformation)('platform-prod')).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/^no AWS credentials for CloudFormation to read the outputs of stack 'platform-prod' .*configure-aws-credentials/) })
    cfMock.on(DescribeStacksCommand, { StackName: 'platform-prod' }).rejects(Object.assign(new Error('getaddrinfo ENOTFOUND cloudformation.xx-nowhere-1.amazonaws.com'), { code: 'ENOTFOUND' }))
    await expect(stackOutputLookup(cloudformation)('platform-prod')).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/^could not reach AWS CloudFormation to read the outputs of stack 'platform-prod' \(.*ENOTFOUND.*\): check the network, the region/) })
  })
})
