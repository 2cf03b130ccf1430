import { describe, expect, it } from 'vitest'
import { isConfigurationError } from './errors.js'
import type { Environment } from './model.js'
import { cacheStackLookups, hasReferences, resolveEnvironmentReferences, type DescribeStackOutputs } from './references.js'

const env: Environment = {
  file: 'catalog/environments/production.yaml',
  name: 'production',
  region: 'ca-central-1',
  account: '333333333333',
  cluster: { stackOutput: 'platform-prod.ClusterName' },
  roleArn: 'arn:aws:iam::333333333333:role/deploy',
  logGroup: { terraformOutput: 'log_group' },
  serviceConnectNamespace: { stackOutput: 'network-prod.Namespace' },
  network: {
    vpcCidr: '10.0.0.0/16',
    subnets: [{ stackOutput: 'network-prod.PrivateSubnets' }, 'subnet-literal'],
    securityGroups: [{ terraformOutput: 'task_security_groups' }],
  },
}

const STACKS: Record<string, Record<string, string>> = {
  'platform-prod': { ClusterName: 'indigenious-production', ClusterArn: 'arn:cluster' },
  'network-prod': { Namespace: 'prod.local', PrivateSubnets: 'subnet-a, subnet-b,subnet-c' },
}

function recordingDescribe(stacks = STACKS): DescribeStackOutputs & { calls: string[] } {
  const calls: string[] = []
  const describe = async (name: string) => {
    calls.push(name)
    return stacks[name]
  }
  return Object.assign(describe, { calls })
}

const terraformOutputs = {
  log_group: { value: '/ecs/production', type: 'string', sensitive: false },
  task_security_groups: { value: ['sg-1', 'sg-2'], type: ['list', 'string'], sensitive: false },
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const e = await promise.then(() => undefined, (e: unknown) => e)
  expect(isConfigurationError(e)).toBe(true)
  return e as Error
}

describe('resolveEnvironmentReferences', () => {
  it('replaces stack and Terraform outputs with their values, describing each stack once', async () => {
    const describeStack = recordingDescribe()
    const resolved = await resolveEnvironmentReferences(env, { describeStack, terraformOutputs })

    expect(resolved.cluster).toBe('indigenious-production')
    expect(resolved.roleArn).toBe('arn:aws:iam::333333333333:role/deploy')
    expect(resolved.logGroup).toBe('/ecs/production')
    expect(resolved.serviceConnectNamespace).toBe('prod.local')
    expect(resolved.network).toEqual({ vpcCidr: '10.0.0.0/16', subnets: ['subnet-a', 'subnet-b', 'subnet-c', 'subnet-literal'], securityGroups: ['sg-1', 'sg-2'] })
    expect(resolved.name).toBe('production')
    expect(describeStack.calls.sort()).toEqual(['network-prod', 'platform-prod'])
  })

  it('accepts plain name -> value Terraform outputs', async () => {
    const resolved = await resolveEnvironmentReferences({ ...env, cluster: { terraformOutput: 'cluster' }, serviceConnectNamespace: 'x', network: {} },
      { terraformOutputs: { cluster: 'tf-cluster', log_group: '/ecs/tf' } })
    expect([resolved.cluster, resolved.logGroup]).toEqual(['tf-cluster', '/ecs/tf'])
  })

  it('names the stack that does not exist', async () => {
    const e = await failure(resolveEnvironmentReferences(env, { describeStack: recordingDescribe({ 'network-prod': STACKS['network-prod']! }), terraformOutputs }))
    expect(e.message).toBe('cannot resolve the settings of environment production:\n  catalog/environments/production.yaml: cluster: stack \'platform-prod\' (stackOutput platform-prod.ClusterName) does not exist in ca-central-1 of account 333333333333')
  })

  it('names the missing output and lists the outputs the stack has', async () => {
    const e = await failure(resolveEnvironmentReferences({ ...env, cluster: { stackOutput: 'platform-prod.ClusterNmae' } }, { describeStack: recordingDescribe(), terraformOutputs }))
    expect(e.message).toContain("cluster: stack 'platform-prod' has no output 'ClusterNmae' (did you mean 'ClusterName'?); its outputs are: ClusterArn, ClusterName")
  })

  it('reports every unresolvable reference at once, Terraform ones included', async () => {
    const e = await failure(resolveEnvironmentReferences(env, { describeStack: recordingDescribe({}), terraformOutputs: { log_group: '/ecs/x' } }))
    expect(e.message.split('\n').slice(1).map((l) => l.trim().replace(/:.*?: /, ': '))).toEqual([
      "catalog/environments/production.yaml: stack 'platform-prod' (stackOutput platform-prod.ClusterName) does not exist in ca-central-1 of account 333333333333",
      "catalog/environments/production.yaml: stack 'network-prod' (stackOutput network-prod.Namespace) does not exist in ca-central-1 of account 333333333333",
      "catalog/environments/production.yaml: stack 'network-prod' (stackOutput network-prod.PrivateSubnets) does not exist in ca-central-1 of account 333333333333",
      "catalog/environments/production.yaml: Terraform has no output 'task_security_groups'; its outputs are: log_group",
    ])
  })

  it('says Terraform outputs are needed when none were given', async () => {
    const e = await failure(resolveEnvironmentReferences(env, { describeStack: recordingDescribe() }))
    expect(e.message).toContain("logGroup: terraformOutput 'log_group' needs Terraform outputs; pass terraform-apply's outputs (none were given)")
  })

  it('refuses a list output for a single setting', async () => {
    const e = await failure(resolveEnvironmentReferences({ ...env, logGroup: { terraformOutput: 'task_security_groups' } }, { describeStack: recordingDescribe(), terraformOutputs }))
    expect(e.message).toContain('logGroup: the output is a list of 2 values, but logGroup takes one')
  })

  it('leaves an environment of literals as it was, without describing anything', async () => {
    const literal: Environment = { file: 'f', name: 'dev', region: 'ca-central-1', cluster: 'c', network: { subnets: ['s'] } }
    const describeStack = recordingDescribe()
    expect(hasReferences(literal)).toBe(false)
    expect(hasReferences(env)).toBe(true)
    expect(await resolveEnvironmentReferences(literal, { describeStack })).toEqual(literal)
    expect(describeStack.calls).toEqual([])
  })
})

describe('cacheStackLookups', () => {
  it('describes a stack once across calls and concurrent lookups, but retries after a failure', async () => {
    let calls = 0
    let fail = true
    const cached = cacheStackLookups(async (name) => {
      calls++
      if (name === 'flaky' && fail) { fail = false; throw new Error('Throttling') }
      return { Out: name }
    })
    await Promise.all([cached('a'), cached('a'), cached('a')])
    await cached('a')
    expect(calls).toBe(1)
    await expect(cached('flaky')).rejects.toThrow('Throttling')
    expect(await cached('flaky')).toEqual({ Out: 'flaky' })
    expect(calls).toBe(3)
  })
})
