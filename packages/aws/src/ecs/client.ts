import { ECSClient } from '@aws-sdk/client-ecs'
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/core/retry'

export interface EcsClientOptions {
  /** Defaults to the standard chain (AWS_REGION, profile). */
  region?: string
  /** Endpoint override (the fake control plane in tests); AWS_ENDPOINT_URL_ECS works too, read by the SDK itself. */
  endpoint?: string
  maxAttempts?: number
  /** A named AWS profile, when one command talks to two accounts (promote's --from-profile / --to-profile). */
  profile?: string
}

export const DEFAULT_MAX_ATTEMPTS = 10
/**
 * Lowest send rate (requests/s) the adaptive limiter may fall to. The SDK's default floor is 0.5/s: a burst of
 * ThrottlingExceptions would then stretch a 200-service deploy (400 writes) over many minutes, while ECS's
 * sustained quotas are far above that. 10/s keeps the client polite without stalling.
 */
export const MIN_SEND_RATE = 10

/**
 * An ECS client in the SDK's adaptive retry mode: on ThrottlingException it backs off and also slows its own send
 * rate (a client-side token bucket shared by every call of the client), so a 60-service tier sharing one client
 * stays under ECS's per-account API rates. Credentials come from the standard chain (OIDC through
 * aws-actions/configure-aws-credentials, profiles, environment).
 */
export function makeEcsClient(options: EcsClientOptions = {}): ECSClient {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  return new ECSClient({
    retryMode: 'adaptive',
    maxAttempts,
    // A number, not a provider: with options and a provider the strategy silently falls back to 3 attempts.
    retryStrategy: new AdaptiveRetryStrategy(maxAttempts, { rateLimiter: new DefaultRateLimiter({ minFillRate: MIN_SEND_RATE, minCapacity: MIN_SEND_RATE }) }),
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  })
}
