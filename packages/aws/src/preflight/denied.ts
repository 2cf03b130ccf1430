import { describeErrorOf } from '../ecs/errors.js'
import type { PreflightCheck, PreflightFinding } from './types.js'

/** How AWS says "not allowed": JSON APIs (AccessDeniedException), query APIs (AccessDenied), EC2 (UnauthorizedOperation). */
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthorizationError|AuthorizationErrorException)$/

export function isAccessDenied(e: unknown): boolean {
  return e instanceof Error && DENIED.test(e.name)
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/

/**
 * An endpoint out of reach. A runner in a private subnet may have VPC endpoints for ECS and ECR but none for IAM or
 * Service Quotas: the deploy works there, so the checks that need those endpoints report what they could not read.
 */
export function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return (typeof code === 'string' && NETWORK_CODES.test(code)) || (e instanceof Error && e.name === 'TimeoutError')
}

/** A read that was refused or could not be made: the check reports 'unknown' for it. */
export function isUnread(e: unknown): boolean {
  return isAccessDenied(e) || isUnreachable(e)
}

/**
 * A read that was refused (or whose endpoint is out of reach): 'unknown', naming the permission that is missing and
 * what therefore went unchecked. A denied read is never a silent pass and never ends the other checks.
 */
export function deniedFinding(check: PreflightCheck, resource: string, permission: string, unchecked: string, e: unknown, services?: string[]): PreflightFinding {
  const why = isAccessDenied(e)
    ? `${permission} denied: ${unchecked} not checked (${describeErrorOf(e)}); grant the deploy role ${permission} to check it`
    : `could not reach AWS for ${permission}: ${unchecked} not checked (${describeErrorOf(e)}); check the network, VPC endpoints and AWS_ENDPOINT_URL* variables`
  return { check, status: 'unknown', resource, message: why, ...(services?.length ? { services } : {}) }
}

/** `[a, b]` -> "a, b", sorted and without repeats. */
export function listOf(names: Iterable<string>): string {
  return [...new Set(names)].sort().join(', ')
}

export function errorName(e: unknown): string {
  return e instanceof Error ? e.name : ''
}
