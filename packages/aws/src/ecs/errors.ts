import { ConfigurationError } from '@tierdeploy/catalog'

/** `Name: message` of an AWS SDK error (or anything thrown). */
export function describeErrorOf(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message
  return String(e)
}

/**
 * AWS errors that come from configuration (a wrong cluster name, missing permissions) become ConfigurationErrors that
 * say what to fix; anything else is left to the caller.
 */
export function rethrowConfigurationError(e: unknown, where: { cluster: string; service?: string }): void {
  const name = e instanceof Error ? e.name : ''
  if (name === 'ClusterNotFoundException') {
    throw new ConfigurationError(`ECS cluster '${where.cluster}' not found: check 'cluster' in the environment file (or the cluster input / --cluster) and the AWS region`)
  }
  if (name === 'CredentialsProviderError') {
    throw new ConfigurationError(`no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (${describeErrorOf(e)})`)
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnrecognizedClientException') {
    throw new ConfigurationError(`AWS refused the call${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}' (${describeErrorOf(e)}): check the deploy role's permissions (see docs/ecs-deploy.md, IAM permissions)`)
  }
}
