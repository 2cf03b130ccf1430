import type { EC2Client } from '@aws-sdk/client-ec2'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { ECSClient, RegisterTaskDefinitionCommandInput, Service as EcsService, TaskDefinition } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { ServiceQuotasClient } from '@aws-sdk/client-service-quotas'
import type { SSMClient } from '@aws-sdk/client-ssm'
import type { Catalog, Environment, Logger, Service, ServiceSettings } from '@tierdeploy/catalog'

/** The checks, in the order a report lists them. */
export const PREFLIGHT_CHECKS = ['services', 'images', 'secrets', 'permissions', 'quota', 'subnets', 'routing', 'capacity'] as const
export type PreflightCheck = (typeof PREFLIGHT_CHECKS)[number]

/**
 * - pass: read and found right.
 * - fail: the deploy would fail (or run without what the catalog asks for) for this reason.
 * - warn: worth knowing, not a reason to stop.
 * - unknown: could not be read (a denied permission, named): never a silent pass.
 */
export const FINDING_STATUSES = ['fail', 'unknown', 'warn', 'pass'] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]

/** One finding of a check, about one resource (an image, a secret, a subnet, a quota...). Part of preflight's JSON. */
export interface PreflightFinding {
  check: PreflightCheck
  status: FindingStatus
  /** What the finding is about, as AWS names it (image reference, secret ARN, subnet id, quota code). */
  resource: string
  message: string
  /** The services it concerns, when it is about some of them. */
  services?: string[]
}

export interface PreflightReport {
  /** False when any finding fails. Warnings and unknowns do not fail the verdict; they are printed. */
  ok: boolean
  environment: string
  cluster: string
  services: string[]
  findings: PreflightFinding[]
}

/** Every AWS client preflight reads with: the environment's account and region (IAM is global). */
export interface PreflightClients {
  ecs: ECSClient
  ecr: ECRClient
  secretsManager: SecretsManagerClient
  ssm: SSMClient
  iam: IAMClient
  serviceQuotas: ServiceQuotasClient
  ec2: EC2Client
  elb: ElasticLoadBalancingV2Client
}

export interface PreflightEffects {
  clients: PreflightClients
  log: Logger
}

export interface PreflightRequest {
  catalog: Catalog
  environment: Environment
  cluster: string
  /** The region the tasks run in (regionFor's answer). */
  region: string
  /** Canonical names of the services to deploy to ECS (deployVia: cloudformation ones are left out by the caller). */
  services: string[]
  /** Service -> image to deploy; a service without one keeps its running image, which is checked too. */
  images: Record<string, string>
  /** Parallel reads (default 10). */
  concurrency?: number
}

/** A service as the deploy would find and change it: what runs now and the task definition it would register. */
export interface PreflightTarget {
  name: string
  service: Service
  settings: ServiceSettings
  ecsService: EcsService
  running: TaskDefinition
  /** renderTaskDefinition's answer: exactly what the deploy would register. */
  next: RegisterTaskDefinitionCommandInput
}

/** What the secrets check learnt that the permissions check simulates against. */
export interface SecretResources {
  /** valueFrom -> the full ARN of the secret or parameter it reads (DescribeSecret's, or built from the parameter name). */
  arns: Map<string, string>
  /** valueFrom -> the customer managed KMS key (ARN) that encrypts it, when it has one. */
  keys: Map<string, string>
}
