import { DescribeTargetHealthCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { ConfigurationError } from '@tierdeploy/catalog'

export interface TargetHealthVerdict {
  healthy: boolean
  detail: string
}

const shortName = (arn: string): string => /targetgroup\/([^/]+)/.exec(arn)?.[1] ?? arn

/**
 * Healthy when every target group has at least one registered target and every target is healthy. Draining
 * targets are the old tasks a rolling deploy is removing, so they are left out.
 */
export async function checkTargetGroups(elb: ElasticLoadBalancingV2Client, targetGroups: string[], signal?: AbortSignal): Promise<TargetHealthVerdict> {
  const problems: string[] = []
  let healthyCount = 0
  for (const arn of targetGroups) {
    let descriptions
    try {
      if (signal?.aborted) throw signal.reason
      descriptions = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ?? []
    } catch (e) {
      if ((e as Error).name === 'TargetGroupNotFoundException') throw new ConfigurationError(`target group ${arn} does not exist (check the 'target-groups' input or the ECS service's load balancer)`)
      throw e
    }
    const current = descriptions.filter((d) => d.TargetHealth?.State !== 'draining')
    if (current.length === 0) {
      problems.push(`${shortName(arn)}: no registered targets`)
      continue
    }
    const bad = current.filter((d) => d.TargetHealth?.State !== 'healthy')
    healthyCount += current.length - bad.length
    for (const d of bad) {
      const target = `${d.Target?.Id ?? '?'}:${d.Target?.Port ?? '?'}`
      const h = d.TargetHealth
      problems.push(`${shortName(arn)}: ${target} ${h?.State ?? 'unknown'}${h?.Reason ? ` (${h.Reason}${h.Description ? `: ${h.Description}` : ''})` : ''}`)
    }
  }
  if (problems.length) return { healthy: false, detail: problems.join('; ') }
  return { healthy: true, detail: `${healthyCount} target${healthyCount === 1 ? '' : 's'} healthy in ${targetGroups.map(shortName).join(', ')}` }
}
