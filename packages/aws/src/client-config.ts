import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { EC2Client } from '@aws-sdk/client-ec2'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { ServiceQuotasClient } from '@aws-sdk/client-service-quotas'
import type { SSMClient } from '@aws-sdk/client-ssm'
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/core/retry'

export interface AwsClientOptions {
  /** Defaults to the standard chain (AWS_REGION, profile); callers pass regionFor()'s answer. */
  region?: string
  /** Endpoint override (the fake control plane in tests); AWS_ENDPOINT_URL_<SERVICE> works too, read by the SDK. */
  endpoint?: string
  maxAttempts?: number
  /** A named AWS profile, when one command talks to two accounts (promote's --from-profile / --to-profile). */
  profile?: string
}

export const DEFAULT_MAX_ATTEMPTS = 10
/**
 * Lowest send rate (requests/s) the adaptive limiter may fall to. The SDK's default floor is 0.5/s: a burst of
 * ThrottlingExceptions would then stretch a 200-service deploy (400 writes) over many minutes, while AWS's
 * sustained quotas are far above that. 10/s keeps the client polite without stalling.
 */
export const MIN_SEND_RATE = 10

/**
 * The configuration of every AWS client tierdeploy makes, one rule for all services: the SDK's adaptive retry mode
 * (on throttling it backs off and also slows its own send rate, a token bucket shared by every call of the client),
 * 10 attempts, and a floor on the send rate. Credentials come from the standard chain (OIDC through
 * aws-actions/configure-aws-credentials, profiles, environment).
 */
export function awsClientConfig(options: AwsClientOptions = {}) {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  return {
    retryMode: 'adaptive',
    maxAttempts,
    // A number, not a provider: with options and a provider the strategy silently falls back to 3 attempts.
    retryStrategy: new AdaptiveRetryStrategy(maxAttempts, { rateLimiter: new DefaultRateLimiter({ minFillRate: MIN_SEND_RATE, minCapacity: MIN_SEND_RATE }) }),
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  }
}

/** An ECR client (loaded on first use: commands that never touch ECR never load its SDK). */
export async function makeEcrClient(options: AwsClientOptions = {}): Promise<ECRClient> {
  const { ECRClient } = await import('@aws-sdk/client-ecr')
  return new ECRClient(awsClientConfig(options))
}

export async function makeElbClient(options: AwsClientOptions = {}): Promise<ElasticLoadBalancingV2Client> {
  const { ElasticLoadBalancingV2Client } = await import('@aws-sdk/client-elastic-load-balancing-v2')
  return new ElasticLoadBalancingV2Client(awsClientConfig(options))
}

export async function makeCloudWatchClient(options: AwsClientOptions = {}): Promise<CloudWatchClient> {
  const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch')
  return new CloudWatchClient(awsClientConfig(options))
}

/** Secrets Manager (preflight reads secret metadata with DescribeSecret, never values). */
export async function makeSecretsManagerClient(options: AwsClientOptions = {}): Promise<SecretsManagerClient> {
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager')
  return new SecretsManagerClient(awsClientConfig(options))
}

/** SSM Parameter Store (preflight reads parameter names with DescribeParameters, never values). */
export async function makeSsmClient(options: AwsClientOptions = {}): Promise<SSMClient> {
  const { SSMClient } = await import('@aws-sdk/client-ssm')
  return new SSMClient(awsClientConfig(options))
}

/** IAM is global; the region only picks the endpoint's partition. */
export async function makeIamClient(options: AwsClientOptions = {}): Promise<IAMClient> {
  const { IAMClient } = await import('@aws-sdk/client-iam')
  return new IAMClient(awsClientConfig(options))
}

export async function makeServiceQuotasClient(options: AwsClientOptions = {}): Promise<ServiceQuotasClient> {
  const { ServiceQuotasClient } = await import('@aws-sdk/client-service-quotas')
  return new ServiceQuotasClient(awsClientConfig(options))
}

export async function makeEc2Client(options: AwsClientOptions = {}): Promise<EC2Client> {
  const { EC2Client } = await import('@aws-sdk/client-ec2')
  return new EC2Client(awsClientConfig(options))
}
