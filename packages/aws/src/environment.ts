import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { ConfigurationError, hasReferences, resolveEnvironmentReferences, type Environment, type ResolvedEnvironment } from '@tierdeploy/catalog'
import { awsClientConfig } from './client-config.js'
export { regionFor, type RegionChoice } from './region.js'
import { stackOutputLookup } from './cloudformation/outputs.js'

export interface EnvironmentSources {
  /** terraform-apply's `outputs` (or `terraform output -json`), for `{ terraformOutput: NAME }` settings. */
  terraformOutputs?: Record<string, unknown>
  /** Made only when a setting names a stack output, so environments of literals never touch CloudFormation. */
  cloudformation?: () => Promise<CloudFormationClient>
}

/** AWS region names as the environment schema accepts them (us-east-1, ca-central-1, us-gov-west-1). */
/** A CloudFormation client for the region, loaded on first use (the CLI's `plan` never loads the SDK). */
export async function makeCloudFormationClient(region?: string): Promise<CloudFormationClient> {
  const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation')
  return new CloudFormationClient(awsClientConfig(region ? { region } : {}))
}

/**
 * The environment with every `{ stackOutput }` / `{ terraformOutput }` setting replaced by its value. One rule for
 * every action and command that needs the cluster, subnets or roles of an environment.
 */
export async function resolveEnvironment(environment: Environment, sources: EnvironmentSources = {}): Promise<ResolvedEnvironment> {
  if (!hasReferences(environment)) return environment as ResolvedEnvironment
  const needsStacks = JSON.stringify(environment).includes('"stackOutput"')
  const cloudformation = needsStacks ? await (sources.cloudformation ?? (() => makeCloudFormationClient(environment.region)))() : undefined
  return resolveEnvironmentReferences(environment, {
    ...(cloudformation ? { describeStack: stackOutputLookup(cloudformation) } : {}),
    ...(sources.terraformOutputs ? { terraformOutputs: sources.terraformOutputs } : {}),
  })
}

/**
 * The cluster to work on: `override` (an input or flag, named `overrideName` in messages) when given, else the
 * environment's cluster, resolved from a stack or Terraform output when it is a reference.
 */
export async function clusterFor(environment: Environment, override: string | undefined, overrideName: string, sources: EnvironmentSources = {}): Promise<string> {
  if (override) return override
  if (environment.cluster === undefined) {
    throw new ConfigurationError(`environment ${environment.name} has no cluster (${environment.file}): set cluster: there, or give ${overrideName}`)
  }
  const resolved = await resolveEnvironment({ ...environment, network: {}, roleArn: undefined, serviceConnectNamespace: undefined, logGroup: undefined } as Environment, sources)
  return resolved.cluster!
}
