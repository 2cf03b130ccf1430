import { ConfigurationError } from '@tierdeploy/catalog'
import type { EcsServiceResult } from './types.js'

/** `Name: message` of an AWS SDK error (or anything thrown). */
export function describeErrorOf(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message
  return String(e)
}

/**
 * How AWS says the session behind the credentials has ended: ExpiredToken (STS and query APIs), ExpiredTokenException
 * (ECS and the other JSON APIs), RequestExpired (EC2-style APIs).
 */
const SESSION_EXPIRED = /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/

/**
 * The AWS session ended part-way through a step: the role's credentials last `role-duration-seconds` (one hour by
 * default in aws-actions/configure-aws-credentials), and a long wait or rollback outlives them. Nothing the step can
 * retry fixes it, so it ends the step as a configuration error saying what to raise. `results` is what the step had
 * done by then, when the caller knows (ecs-deploy still writes it, so a later job can roll back what was changed).
 */
export class SessionExpiredError extends ConfigurationError {
  results?: EcsServiceResult[]
}

/** A SessionExpiredError for an expired-session answer from AWS (`calling`: what was being called); undefined otherwise. */
export function sessionExpiredError(e: unknown, calling: string): SessionExpiredError | undefined {
  if (e instanceof SessionExpiredError) return e
  if (!(e instanceof Error) || !SESSION_EXPIRED.test(e.name)) return undefined
  return new SessionExpiredError(
    `the AWS session expired during the step (${calling}: ${describeErrorOf(e)}): the credentials aws-actions/configure-aws-credentials gives last role-duration-seconds (1 hour by default); raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration to at least as much (AWS refuses a longer session than the role allows)`,
  )
}

/**
 * AWS errors that come from configuration (a wrong cluster name, missing permissions, no credentials, a session
 * that expired) as ConfigurationErrors that say what to fix; undefined for anything else, which the caller handles.
 */
export function configurationErrorOf(e: unknown, where: { cluster: string; service?: string }): ConfigurationError | undefined {
  const expired = sessionExpiredError(e, `ECS${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}'`)
  if (expired) return expired
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
  const expired = sessionExpiredError(e, service)
  if (expired) return expired
  const code = (e as { code?: unknown } | null)?.code
  const name = e instanceof Error ? e.name : ''
  if ((typeof code === 'string' && NETWORK_CODES.test(code)) || name === 'TimeoutError') {
    return new ConfigurationError(`could not reach AWS ${service} (${describeErrorOf(e)}): check the network, the region and any AWS_ENDPOINT_URL* variable`)
  }
  if (name === 'CredentialsProviderError') {
    return new ConfigurationError(`no AWS credentials for ${service} (${(e as Error).message}); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables`)
  }
  if (/^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(name)) {
    return new ConfigurationError(`AWS rejected the credentials for ${service} (${describeErrorOf(e)}): refresh them or check the role`)
  }
  return undefined
}
