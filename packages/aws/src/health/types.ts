import type { ECSClient } from '@aws-sdk/client-ecs'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Clock, Logger } from '@tierdeploy/catalog'

export const CHECKS = ['ecs', 'load-balancer', 'http', 'alarms'] as const
export type CheckName = (typeof CHECKS)[number]
export type CheckStatus = 'passed' | 'failed' | 'skipped'

/** The verdict of one check for one service, with why. */
export interface CheckOutcome {
  service: string
  check: CheckName
  status: CheckStatus
  detail: string
}

/** What the gate checks for one service; built from the catalog by gateTargets(). */
export interface GateTarget {
  /** ECS service name (the catalog name). */
  service: string
  /** The HTTP check, or why there is none. */
  http: HttpTarget | { skip: string }
  /** Behind the ALB (routing.public, or given target groups): every registered target must be healthy. */
  behindLoadBalancer: boolean
  /** Target group ARNs given by the caller; undefined: discovered from the ECS service's loadBalancers. */
  targetGroups?: string[]
  /** The catalog's alarm names, or (none listed) alarms whose name starts with the service name. */
  alarms: { names: string[] } | { prefix: string }
}

export interface HttpTarget {
  url: string
  expectedStatus: number
  /** Consecutive expected answers required. */
  healthyThreshold: number
  requestTimeoutMs: number
  intervalMs: number
}

export interface GateOptions {
  cluster: string
  checks: CheckName[]
  /** Deadline for ECS, load balancer and HTTP checks together, from the gate's start. */
  timeoutMs: number
  /** Time between ECS and target-health polls. */
  pollIntervalMs?: number
  /** How long no alarm may be in ALARM (0: one look). */
  bakeMs: number
  bakeIntervalMs?: number
  /** Service -> task definition ecs-deploy deployed: a service whose PRIMARY runs another revision fails. */
  expectedTaskDefinitions?: Record<string, string>
  /** Times a request that got no answer (timeout, refused) is retried before it counts as a bad answer. */
  httpRetries?: number
}

export interface GateEffects {
  ecs: ECSClient
  elb: ElasticLoadBalancingV2Client
  cloudwatch: CloudWatchClient
  clock: Clock
  log: Logger
  /** Defaults to the global fetch. */
  fetch?: typeof fetch
  /** The per-request timeout signal; defaults to AbortSignal.timeout (tests pass one they control). */
  timeoutSignal?: (ms: number) => AbortSignal
}

export interface GateReport {
  passed: boolean
  outcomes: CheckOutcome[]
  /** Seconds from start to verdict (on the injected clock). */
  seconds: number
}
