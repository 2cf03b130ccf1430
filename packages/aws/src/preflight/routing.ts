import { DescribeListenersCommand, DescribeRulesCommand, DescribeTargetGroupsCommand, type ElasticLoadBalancingV2Client, type Rule, type TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { deniedFinding, errorName, isUnread } from './denied.js'
import type { PreflightFinding, PreflightTarget } from './types.js'

/** The health-check path the alb module gives a target group when the catalog sets none (catalog-vars' rule). */
export const DEFAULT_HEALTH_CHECK_PATH = '/health'

const shortName = (arn: string): string => /targetgroup\/([^/]+)/.exec(arn)?.[1] ?? arn

/**
 * Routed services (routing.public, or any service registered in a target group) have their target groups, the
 * target groups' health-check path is the catalog's, and a listener rule forwards to each. A routed service whose
 * ECS service has no target group would deploy tasks nobody reaches.
 */
export async function checkRouting(targets: PreflightTarget[], elb: ElasticLoadBalancingV2Client): Promise<PreflightFinding[]> {
  const findings: PreflightFinding[] = []
  const rulesOf = new Map<string, Promise<Rule[]>>()
  for (const t of targets) {
    const routed = t.service.routing?.public === true
    const groups = (t.ecsService.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []))
    if (groups.length === 0) {
      if (routed) findings.push({ check: 'routing', status: 'fail', resource: `service ${t.name}`, message: `routing.public is set but the ECS service has no target group: the ALB cannot reach its tasks (apply Terraform: alb and ecs-service modules)`, services: [t.name] })
      continue
    }
    for (const arn of groups) {
      try {
        findings.push(...(await checkTargetGroup(t, arn, elb, rulesOf)))
      } catch (e) {
        if (isUnread(e)) findings.push(deniedFinding('routing', shortName(arn), 'elasticloadbalancing:DescribeTargetGroups/DescribeListeners/DescribeRules', 'the target group and its listener rule', e, [t.name]))
        else throw awsSetupError(e, 'Elastic Load Balancing') ?? new Error(`reading target group ${arn} failed: ${describeErrorOf(e)}`)
      }
    }
  }
  return findings
}

async function checkTargetGroup(t: PreflightTarget, arn: string, elb: ElasticLoadBalancingV2Client, rulesOf: Map<string, Promise<Rule[]>>): Promise<PreflightFinding[]> {
  const resource = `target group ${shortName(arn)}`
  let group: TargetGroup | undefined
  try {
    group = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }))).TargetGroups?.[0]
  } catch (e) {
    if (errorName(e) !== 'TargetGroupNotFoundException') throw e
  }
  if (!group) return [{ check: 'routing', status: 'fail', resource, message: `does not exist (${arn}), but the ECS service registers its tasks in it: apply Terraform (alb module)`, services: [t.name] }]
  const findings: PreflightFinding[] = []
  const wantPath = t.settings.healthCheck.path ?? DEFAULT_HEALTH_CHECK_PATH
  if (group.HealthCheckPath !== undefined && group.HealthCheckPath !== wantPath) {
    findings.push({ check: 'routing', status: 'fail', resource, message: `health check path is ${group.HealthCheckPath}, the catalog's is ${wantPath}: the load balancer would judge the new tasks on another path; apply Terraform (alb module) so it follows the catalog`, services: [t.name] })
  }
  const rules = (await Promise.all((group.LoadBalancerArns ?? []).map((lb) => rulesOfLoadBalancer(lb, elb, rulesOf)))).flat()
  const forwarding = rules.filter((r) => r.Actions?.some((a) => a.TargetGroupArn === arn || a.ForwardConfig?.TargetGroups?.some((g) => g.TargetGroupArn === arn)))
  if (forwarding.length === 0) {
    findings.push({ check: 'routing', status: 'fail', resource, message: `no listener rule forwards to it${group.LoadBalancerArns?.length ? '' : ' (it is attached to no load balancer)'}: requests never reach ${t.name}; apply Terraform (alb module)`, services: [t.name] })
    return findings
  }
  const patterns = new Set(forwarding.flatMap((r) => (r.Conditions ?? []).flatMap((c) => c.PathPatternConfig?.Values ?? c.Values ?? [])))
  const unrouted = (t.service.routing?.pathPatterns ?? []).filter((p) => !patterns.has(p))
  if (unrouted.length) findings.push({ check: 'routing', status: 'warn', resource, message: `no listener rule routes the catalog's path pattern(s) ${unrouted.join(', ')} to it (rules route ${[...patterns].join(', ') || 'no path'}): apply Terraform (alb module)`, services: [t.name] })
  if (findings.length === 0) findings.push({ check: 'routing', status: 'pass', resource, message: `health check ${wantPath}; forwarded by ${forwarding.length} listener rule(s)`, services: [t.name] })
  return findings
}

/** Every rule of every listener of a load balancer, read once per preflight. */
function rulesOfLoadBalancer(lb: string, elb: ElasticLoadBalancingV2Client, cache: Map<string, Promise<Rule[]>>): Promise<Rule[]> {
  let rules = cache.get(lb)
  if (!rules) {
    rules = (async () => {
      const listeners: string[] = []
      let marker: string | undefined
      do {
        const out = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb, ...(marker ? { Marker: marker } : {}) }))
        listeners.push(...(out.Listeners ?? []).flatMap((l) => (l.ListenerArn ? [l.ListenerArn] : [])))
        marker = out.NextMarker
      } while (marker)
      const all: Rule[] = []
      for (const listener of listeners) {
        let next: string | undefined
        do {
          const out = await elb.send(new DescribeRulesCommand({ ListenerArn: listener, ...(next ? { Marker: next } : {}) }))
          all.push(...(out.Rules ?? []))
          next = out.NextMarker
        } while (next)
      }
      return all
    })()
    cache.set(lb, rules)
  }
  return rules
}
