import { DescribeSubnetsCommand, type EC2Client, type Subnet } from '@aws-sdk/client-ec2'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { deniedFinding, errorName, isUnread, listOf } from './denied.js'
import { rolloutSurge } from './quota.js'
import type { PreflightFinding, PreflightTarget } from './types.js'

/**
 * The subnets of the services being deployed have a free address for every task the rollout starts beside the
 * running ones (awsvpc: one elastic network interface, so one address, per task). Services that share subnets share
 * their free addresses, so the surge is summed per set of subnets (the service's networkConfiguration).
 */
export async function checkSubnets(targets: PreflightTarget[], ec2: EC2Client): Promise<PreflightFinding[]> {
  const groups = new Map<string, { subnets: string[]; extraTasks: number; services: string[] }>()
  for (const t of targets) {
    const subnets = [...(t.ecsService.networkConfiguration?.awsvpcConfiguration?.subnets ?? [])].sort()
    if (subnets.length === 0) continue
    const extraTasks = Math.max(0, rolloutSurge(t).peakTasks - (t.ecsService.runningCount ?? 0))
    const key = subnets.join(',')
    const group = groups.get(key) ?? { subnets, extraTasks: 0, services: [] }
    group.extraTasks += extraTasks
    group.services.push(t.name)
    groups.set(key, group)
  }
  if (groups.size === 0) return []
  const ids = [...new Set([...groups.values()].flatMap((g) => g.subnets))].sort()
  const findings: PreflightFinding[] = []
  let subnets: Map<string, Subnet>
  try {
    subnets = await describeSubnets(ec2, ids)
  } catch (e) {
    if (isUnread(e)) return [deniedFinding('subnets', listOf(ids), 'ec2:DescribeSubnets', 'free IP addresses', e, [...groups.values()].flatMap((g) => g.services))]
    throw awsSetupError(e, 'EC2') ?? new Error(`DescribeSubnets failed: ${describeErrorOf(e)}`)
  }
  for (const group of groups.values()) {
    const missing = group.subnets.filter((id) => !subnets.has(id))
    for (const id of missing) findings.push({ check: 'subnets', status: 'fail', resource: id, message: `subnet not found: the services' network configuration names a subnet that does not exist (apply Terraform)`, services: group.services })
    const present = group.subnets.filter((id) => subnets.has(id))
    if (present.length === 0) continue
    const free = present.reduce((n, id) => n + (subnets.get(id)!.AvailableIpAddressCount ?? 0), 0)
    const resource = present.join(', ')
    const detail = `${free} free address(es) in ${present.length} subnet(s) for ${group.extraTasks} task(s) the rollout of ${listOf(group.services)} starts`
    if (group.extraTasks > free) findings.push({ check: 'subnets', status: 'fail', resource, message: `too few addresses: ${detail}; free addresses (stop unused tasks or interfaces) or add larger subnets`, services: group.services })
    else findings.push({ check: 'subnets', status: 'pass', resource, message: detail, services: group.services })
  }
  return findings
}

/** The subnets that exist among `ids`. One call normally; when one id is unknown EC2 refuses the whole call, so each is then asked alone. */
async function describeSubnets(ec2: EC2Client, ids: string[]): Promise<Map<string, Subnet>> {
  const found = new Map<string, Subnet>()
  try {
    for (const s of (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: ids }))).Subnets ?? []) found.set(s.SubnetId!, s)
    return found
  } catch (e) {
    if (errorName(e) !== 'InvalidSubnetID.NotFound') throw e
  }
  for (const id of ids) {
    try {
      for (const s of (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] }))).Subnets ?? []) found.set(s.SubnetId!, s)
    } catch (e) {
      if (errorName(e) !== 'InvalidSubnetID.NotFound') throw e
    }
  }
  return found
}
