import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { ConfigurationError, type Environment } from '@tierdeploy/catalog'
import { clusterFor, regionFor, resolveEnvironment } from './environment.js'

const base: Environment = { name: 'production', region: 'ca-central-1', file: 'catalog/environments/production.yaml' }

describe('clusterFor', () => {
  it('prefers the override, then a literal cluster', async () => {
    expect(await clusterFor({ ...base, cluster: 'from-file' }, 'from-input', "the 'cluster' input")).toBe('from-input')
    expect(await clusterFor({ ...base, cluster: 'from-file' }, undefined, "the 'cluster' input")).toBe('from-file')
  })

  it('resolves a stack output with one DescribeStacks call, and never asks CloudFormation for literals', async () => {
    const cfn = mockClient(CloudFormationClient)
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'platform-prod', CreationTime: new Date(), StackStatus: 'UPDATE_COMPLETE', Outputs: [{ OutputKey: 'ClusterName', OutputValue: 'platform-prod-Cluster-AbC' }] }] })
    const client = new CloudFormationClient({ region: 'ca-central-1' })
    let made = 0
    const sources = { cloudformation: async () => { made++; return client } }
    expect(await clusterFor({ ...base, cluster: { stackOutput: 'platform-prod.ClusterName' } }, undefined, '--cluster', sources)).toBe('platform-prod-Cluster-AbC')
    expect(cfn.commandCalls(DescribeStacksCommand)).toHaveLength(1)
    await resolveEnvironment({ ...base, cluster: 'literal' }, sources)
    expect(made).toBe(1)
    cfn.restore()
  })

  it('resolves a terraform output, ignoring references it does not need', async () => {
    const env: Environment = { ...base, cluster: { terraformOutput: 'cluster_name' }, logGroup: { terraformOutput: 'not_applied_yet' } }
    expect(await clusterFor(env, undefined, '--cluster', { terraformOutputs: { cluster_name: { value: 'indigenious-production', sensitive: false } } })).toBe('indigenious-production')
  })

  it('names the missing output and where the setting is', async () => {
    const env: Environment = { ...base, cluster: { terraformOutput: 'cluster_nam' } }
    await expect(clusterFor(env, undefined, '--cluster', { terraformOutputs: { cluster_name: 'x' } })).rejects.toThrow(/cluster_nam/)
    await expect(clusterFor(base, undefined, '--cluster')).rejects.toThrow("environment production has no cluster (catalog/environments/production.yaml): set cluster: there, or give --cluster")
  })
})

describe('regionFor: one region rule for every command and action', () => {
  const staging = { name: 'staging', file: 'catalog/environments/staging.yaml', region: 'ca-central-1' }
  const shell = { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' }

  it('takes the environment file\'s region over AWS_REGION and AWS_DEFAULT_REGION', () => {
    expect(regionFor(staging, { env: shell })).toBe('ca-central-1')
  })

  it('takes an explicit override over the environment file', () => {
    expect(regionFor(staging, { override: 'eu-west-1', overrideName: '--region', env: shell })).toBe('eu-west-1')
  })

  it('uses AWS_REGION, then AWS_DEFAULT_REGION, only when the file has no region', () => {
    expect(regionFor({ ...staging, region: '' }, { env: shell })).toBe('us-east-1')
    expect(regionFor(undefined, { env: { AWS_DEFAULT_REGION: 'us-west-2' } })).toBe('us-west-2')
  })

  it('refuses no region at all, naming the environment file', () => {
    expect(() => regionFor({ ...staging, region: '' }, { overrideName: '--region', env: {} })).toThrow(
      'no AWS region for environment staging: catalog/environments/staging.yaml sets none; set region: there, give --region, or set AWS_REGION',
    )
  })

  it('refuses an override that is not a region, naming where it came from', () => {
    expect(() => regionFor(staging, { override: 'Canada', overrideName: "the 'region' input" })).toThrow(ConfigurationError)
    expect(() => regionFor(staging, { override: 'Canada', overrideName: "the 'region' input" })).toThrow("the 'region' input must be an AWS region")
  })
})
