import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { ConfigurationError, hasReferences, resolveEnvironmentReferences, type Environment, type ResolvedEnvironment } from '@tierdeploy/catalog'
import { awsClientConfig } from './client-config.js'
import { stackOutputLookup } from './cloudformation/outputs.js'

export interface EnvironmentSources {
  /** terraform-apply's `outputs` (or `terraform output -json`), for `{ terraformOutput: NAME }` settings. */
  terraformOutputs?: Record<string, unknown>
  /** Made only when a setting names a stack output, so environments of literals never touch CloudFormation. */
  cloudformation?: () => Promise<CloudFormationClient>
}

/** AWS region names as the environment schema accepts them (us-east-1, ca-central-1, us-gov-west-1). */
const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/

export interface RegionChoice {
  /** An explicit region (a `--region` flag or `region` input): it overrides the environment file. */
  override?: string | undefined
  /** How the override is given, for messages: `--region`, `the 'region' input`. */
  overrideName?: string
  /** The process environment: AWS_REGION, then AWS_DEFAULT_REGION, used only when the environment file has no region. */
  env?: Record<string, string | undefined>
}

/**
 * The AWS region every command and action talks to for an environment, one rule for all of them:
 * an explicit override (`--region`, a `region` input) wins; otherwise the environment file's `region`; the process
 * environment (AWS_REGION, AWS_DEFAULT_REGION) only when there is no environment or its file has no region. The
 * environment file wins over AWS_REGION on purpose: a shell or a configure-aws-credentials step left on another
 * region must not send `deploy --env staging` somewhere `health --env staging` does not look.
 */
export function regionFor(environment: Pick<Environment, 'name' | 'file' | 'region'> | undefined, choice: RegionChoice = {}): string {
  const override = choice.override?.trim()
  if (override) {
    if (!REGION_PATTERN.test(override)) throw new ConfigurationError(`${choice.overrideName ?? 'the region'} must be an AWS region such as ca-central-1, got '${override}'`)
    return override
  }
  if (environment?.region) return environment.region
  const fromProcess = choice.env?.AWS_REGION || choice.env?.AWS_DEFAULT_REGION
  if (fromProcess) return fromProcess
  const give = choice.overrideName ? `, give ${choice.overrideName}` : ''
  throw new ConfigurationError(environment
    ? `no AWS region for environment ${environment.name}: ${environment.file} sets none; set region: there${give}, or set AWS_REGION`
    : `no AWS region: name an environment (its file's region)${give}, or set AWS_REGION`)
}

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
