import { DescribeServicesCommand, type Deployment, type DescribeServicesCommandInput, type ECSClient, type Failure, type Service } from '@aws-sdk/client-ecs'

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_SERVICES_LIMIT = 10

/**
 * DescribeServices for any number of names: 10 a call (the API's limit), the calls in parallel. `onError` decides what
 * a failed call means for its batch (rethrow, or record it and go on); without it the error is thrown.
 */
export async function describeServicesInBatches(
  ecs: Pick<ECSClient, 'send'>,
  cluster: string,
  names: string[],
  options: { include?: DescribeServicesCommandInput['include']; onError?: (error: unknown, batch: string[]) => void } = {},
): Promise<{ services: Service[]; failures: Failure[] }> {
  const batches: string[][] = []
  for (let i = 0; i < names.length; i += DESCRIBE_SERVICES_LIMIT) batches.push(names.slice(i, i + DESCRIBE_SERVICES_LIMIT))
  const services: Service[] = []
  const failures: Failure[] = []
  await Promise.all(
    batches.map(async (batch) => {
      try {
        const out = await ecs.send(new DescribeServicesCommand({ cluster, services: batch, ...(options.include ? { include: options.include } : {}) }))
        services.push(...(out.services ?? []))
        failures.push(...(out.failures ?? []))
      } catch (e) {
        if (!options.onError) throw e
        options.onError(e, batch)
      }
    }),
  )
  return { services, failures }
}

/** `family:revision` of a task definition ARN (or the value itself when it already is one). */
export function taskDefinitionName(arn: string): string {
  return arn.replace(/^arn:[^:]+:ecs:[^:]*:\d*:task-definition\//, '')
}

/** The task definition family of an ARN or `family:revision`. */
export function taskDefinitionFamily(arn: string): string {
  return taskDefinitionName(arn).replace(/:\d+$/, '')
}

/** Whether two references (ARNs or `family:revision`) name the same task definition revision. */
export function sameTaskDefinition(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && taskDefinitionName(a) === taskDefinitionName(b)
}

/** What a deploy expects the service to end up on. */
export interface ExpectedRollout {
  /** The task definition (ARN or `family:revision`) the PRIMARY deployment must run. */
  taskDefinition: string
  /** The deployment UpdateService started, when known: a FAILED one is recognised even after ECS rolled it back. */
  deploymentId?: string
}

export type RolloutVerdict =
  | { state: 'done'; detail: string }
  | { state: 'pending'; detail: string }
  | {
      state: 'failed'
      detail: string
      /** The deployment that failed, when one did. */
      deployment?: Deployment
      /** ECS's deployment circuit breaker is putting (or has put) the service back on an earlier deployment. */
      rolledBackByEcs: boolean
    }

/**
 * The one rule for "has this service finished rolling out?", used by deploy's wait, the health gate's ECS check,
 * doctor and promotion. From one DescribeServices answer:
 *
 * - a service that is not ACTIVE, a FAILED deployment, or (with `expected`) a PRIMARY deployment on another revision
 *   has failed;
 * - rolloutState COMPLETED with the PRIMARY deployment running = desired is done, IN_PROGRESS is pending;
 * - rolloutState unset is decided by the task counts. ECS returns rolloutState only for rolling-update (ECS
 *   controller) services that are not behind a Classic Load Balancer, and reports FAILED only with the deployment
 *   circuit breaker on (ECS API reference, Deployment.rolloutState). Without it, a rollout is over when the PRIMARY
 *   deployment runs its desired count and no other deployment still has running tasks: an old ACTIVE deployment that
 *   still runs tasks means ECS is still draining it.
 */
export function rolloutVerdict(service: Service, expected?: ExpectedRollout): RolloutVerdict {
  if (service.status !== 'ACTIVE') return { state: 'failed', detail: `service is ${service.status ?? 'not active'}`, rolledBackByEcs: false }
  const deployments = service.deployments ?? []
  const primary = deployments.find((d) => d.status === 'PRIMARY')
  const ours = expected ? deployments.find((d) => (expected.deploymentId ? d.id === expected.deploymentId : sameTaskDefinition(d.taskDefinition, expected.taskDefinition))) : primary
  if (ours?.rolloutState === 'FAILED') {
    const back = primary && primary !== ours ? `; the ECS circuit breaker is rolling back to ${taskDefinitionName(primary.taskDefinition ?? '?')}` : ''
    return { state: 'failed', detail: `rollout of ${taskDefinitionName(ours.taskDefinition ?? '?')} FAILED: ${ours.rolloutStateReason ?? 'no reason given'}${back}`, deployment: ours, rolledBackByEcs: back !== '' }
  }
  const counts = `running ${primary?.runningCount ?? 0} of ${primary?.desiredCount ?? 0}`
  if (!primary) return { state: 'pending', detail: `no PRIMARY deployment yet (service running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0})` }
  const revision = taskDefinitionName(primary.taskDefinition ?? '?')
  if (expected && !sameTaskDefinition(primary.taskDefinition, expected.taskDefinition)) {
    const byBreaker = primary.rolloutStateReason?.includes('circuit breaker') ?? false
    return { state: 'failed', detail: `the service now runs ${revision}, not ${taskDefinitionName(expected.taskDefinition)}${byBreaker ? ` (${primary.rolloutStateReason})` : ''}`, rolledBackByEcs: byBreaker }
  }
  const primaryRunning = (primary.runningCount ?? 0) === (primary.desiredCount ?? 0)
  if (primary.rolloutState === 'COMPLETED') {
    return primaryRunning && (service.runningCount ?? 0) === (service.desiredCount ?? 0)
      ? { state: 'done', detail: `${revision} COMPLETED, running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0}` }
      : { state: 'pending', detail: `rollout of ${revision} COMPLETED but service running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0}` }
  }
  if (primary.rolloutState) return { state: 'pending', detail: `rollout of ${revision} ${primary.rolloutState} (${counts})` }
  const draining = deployments.filter((d) => d !== primary && (d.runningCount ?? 0) > 0)
  if (!primaryRunning) return { state: 'pending', detail: `rollout of ${revision} (no rolloutState) ${counts}` }
  if (draining.length) {
    return { state: 'pending', detail: `rollout of ${revision} (no rolloutState) ${counts}; ${draining.map((d) => `${taskDefinitionName(d.taskDefinition ?? '?')} still runs ${d.runningCount}`).join(', ')}` }
  }
  return { state: 'done', detail: `${revision} settled (no rolloutState), ${counts}` }
}
