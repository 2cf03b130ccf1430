import type { ECSClient, Service as EcsService } from '@aws-sdk/client-ecs'
import { ConfigurationError } from '@tierdeploy/catalog'
import { describeServicesInBatches, rolloutVerdict } from '../ecs/rollout.js'

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
  const out = await describeServicesInBatches(ecs, cluster, services, {
    onError: (e) => {
      if ((e as Error).name === 'ClusterNotFoundException') throw new ConfigurationError(`ECS cluster '${cluster}' does not exist (check the environment's cluster or the 'cluster' input)`)
      throw e
    },
  })
  const states = new Map<string, EcsServiceState>()
  for (const s of out.services) if (s.serviceName) states.set(s.serviceName, serviceState(s, expected[s.serviceName]))
  for (const f of out.failures) {
    const name = f.arn?.split('/').at(-1) ?? ''
    states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster} (${f.reason ?? 'MISSING'})`, desiredCount: 0, targetGroups: [] })
  }
  for (const name of services) {
    if (!states.has(name)) states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster}`, desiredCount: 0, targetGroups: [] })
  }
  return states
}

/**
 * The service's rollout judged by `rolloutVerdict`, the rule deploy's wait uses too: done passes, failed fails,
 * anything else is pending. With `expected` (the revision ecs-deploy deployed), a PRIMARY on another revision fails:
 * ECS's circuit breaker put the service back, so it is healthy but not running what was deployed.
 */
export function serviceState(s: EcsService, expected?: string): EcsServiceState {
  const base = { service: s.serviceName!, desiredCount: s.desiredCount ?? 0, targetGroups: (s.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : [])) }
  const verdict = rolloutVerdict(s, expected ? { taskDefinition: expected } : undefined)
  return { ...base, verdict: verdict.state === 'done' ? 'passed' : verdict.state, detail: verdict.detail }
}
