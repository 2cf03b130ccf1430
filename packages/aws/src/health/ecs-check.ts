import { DescribeServicesCommand, type ECSClient, type Service as EcsService } from '@aws-sdk/client-ecs'
import { ConfigurationError } from '@tierdeploy/catalog'

/** DescribeServices takes at most 10 services per call. */
export const DESCRIBE_SERVICES_BATCH = 10

export interface EcsServiceState {
  service: string
  /** settled: passed or failed for good; pending: still rolling out. */
  verdict: 'passed' | 'failed' | 'pending'
  detail: string
  desiredCount: number
  targetGroups: string[]
}

/** Every service's state, described in batches of 10 (in parallel). */
export async function describeServiceStates(ecs: ECSClient, cluster: string, services: string[], expected: Record<string, string> = {}): Promise<Map<string, EcsServiceState>> {
  const batches: string[][] = []
  for (let i = 0; i < services.length; i += DESCRIBE_SERVICES_BATCH) batches.push(services.slice(i, i + DESCRIBE_SERVICES_BATCH))
  const states = new Map<string, EcsServiceState>()
  await Promise.all(batches.map(async (batch) => {
    let out
    try {
      out = await ecs.send(new DescribeServicesCommand({ cluster, services: batch }))
    } catch (e) {
      if ((e as Error).name === 'ClusterNotFoundException') throw new ConfigurationError(`ECS cluster '${cluster}' does not exist (check the environment's cluster or the 'cluster' input)`)
      throw e
    }
    for (const s of out.services ?? []) if (s.serviceName) states.set(s.serviceName, serviceState(s, expected[s.serviceName]))
    for (const f of out.failures ?? []) {
      const name = f.arn?.split('/').at(-1) ?? ''
      states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster} (${f.reason ?? 'MISSING'})`, desiredCount: 0, targetGroups: [] })
    }
  }))
  for (const name of services) {
    if (!states.has(name)) states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster}`, desiredCount: 0, targetGroups: [] })
  }
  return states
}

/** `family:revision` of a task definition ARN (or the value itself when it already is one). */
export function taskDefinitionName(arn: string): string {
  return arn.replace(/^arn:[^:]+:ecs:[^:]*:\d*:task-definition\//, '')
}

/**
 * The PRIMARY deployment COMPLETED with running = desired passes; a FAILED rollout fails; anything else is
 * pending. With `expected` (the revision ecs-deploy deployed), a PRIMARY on another revision fails: ECS's circuit
 * breaker put the service back, so it is healthy but not running what was deployed.
 */
export function serviceState(s: EcsService, expected?: string): EcsServiceState {
  const base = { service: s.serviceName!, desiredCount: s.desiredCount ?? 0, targetGroups: (s.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : [])) }
  if (s.status !== 'ACTIVE') return { ...base, verdict: 'failed', detail: `service is ${s.status}` }
  const primary = s.deployments?.find((d) => d.status === 'PRIMARY')
  const running = `running ${s.runningCount ?? 0} of ${s.desiredCount ?? 0}`
  if (!primary) return { ...base, verdict: 'pending', detail: `no PRIMARY deployment yet (${running})` }
  const revision = taskDefinitionName(primary.taskDefinition ?? '?')
  if (expected && revision !== taskDefinitionName(expected)) {
    return { ...base, verdict: 'failed', detail: `runs ${revision}, not the deployed ${taskDefinitionName(expected)} (rolled back by the deployment circuit breaker?)` }
  }
  if (primary.rolloutState === 'FAILED') return { ...base, verdict: 'failed', detail: `rollout of ${revision} FAILED: ${primary.rolloutStateReason ?? 'no reason given'}` }
  if (primary.rolloutState !== 'COMPLETED') return { ...base, verdict: 'pending', detail: `rollout of ${revision} ${primary.rolloutState ?? 'IN_PROGRESS'} (${running})` }
  if ((s.runningCount ?? 0) !== (s.desiredCount ?? 0)) return { ...base, verdict: 'pending', detail: `rollout of ${revision} COMPLETED but ${running}` }
  return { ...base, verdict: 'passed', detail: `${revision} COMPLETED, ${running}` }
}
