import { ConfigurationError } from '@tierdeploy/catalog'

/** `Name: message` of an AWS SDK error (or anything thrown). */
export function describeErrorOf(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message
  return String(e)
}

/**
 * AWS errors that come from configuration (a wrong cluster name, missing permissions, no credentials) as
 * ConfigurationErrors that say what to fix; undefined for anything else, which the caller handles.
 */
export function configurationErrorOf(e: unknown, where: { cluster: string; service?: string }): ConfigurationError | undefined {
  const name = e instanceof Error ? e.name : ''
  if (name === 'ClusterNotFoundException') {
    return new ConfigurationError(`ECS cluster '${where.cluster}' not found: check 'cluster' in the environment file (or the cluster input / --cluster) and the AWS region`)
  }
  if (name === 'CredentialsProviderError') {
    return new ConfigurationError(`no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (${describeErrorOf(e)})`)
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnrecognizedClientException') {
    return new ConfigurationError(`AWS refused the call${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}' (${describeErrorOf(e)}): check the deploy role's permissions (see docs/ecs-deploy.md, IAM permissions)`)
  }
  return undefined
}

/** Throws configurationErrorOf(e) when there is one; returns otherwise. */
export function rethrowConfigurationError(e: unknown, where: { cluster: string; service?: string }): void {
  const configuration = configurationErrorOf(e, where)
  if (configuration) throw configuration
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/

/**
 * Set-up problems any AWS call can hit, whatever the service: no credentials, credentials AWS rejects, or an endpoint
 * out of reach (wrong region or AWS_ENDPOINT_URL_*, no network). A ConfigurationError naming `service` and what to
 * check, or undefined for any other error (which the caller classifies or rethrows).
 */
export function awsSetupError(e: unknown, service: string): ConfigurationError | undefined {
  const code = (e as { code?: unknown } | null)?.code
  const name = e instanceof Error ? e.name : ''
  if ((typeof code === 'string' && NETWORK_CODES.test(code)) || name === 'TimeoutError') {
    return new ConfigurationError(`could not reach AWS ${service} (${describeErrorOf(e)}): check the network, the region and any AWS_ENDPOINT_URL* variable`)
  }
  if (name === 'CredentialsProviderError') {
    return new ConfigurationError(`no AWS credentials for ${service} (${(e as Error).message}); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables`)
  }
  if (/^(ExpiredToken|ExpiredTokenException|UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(name)) {
    return new ConfigurationError(`AWS rejected the credentials for ${service} (${describeErrorOf(e)}): refresh them or check the role`)
  }
  return undefined
}
