import { DescribeTasksCommand, ListTasksCommand, type CapacityProviderStrategyItem, type ECSClient } from '@aws-sdk/client-ecs'
import { GetServiceQuotaCommand, type ServiceQuotasClient } from '@aws-sdk/client-service-quotas'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { deniedFinding, errorName, isUnread, listOf } from './denied.js'
import type { PreflightFinding, PreflightTarget } from './types.js'

/** Service Quotas codes of the account's concurrent Fargate vCPUs (service code `fargate`), per capacity provider. */
export const FARGATE_VCPU_QUOTAS = {
  FARGATE: { code: 'L-3032A538', name: 'Fargate On-Demand vCPU resource count' },
  FARGATE_SPOT: { code: 'L-36FBB829', name: 'Fargate Spot vCPU resource count' },
} as const
type FargateProvider = keyof typeof FARGATE_VCPU_QUOTAS

/** DescribeTasks takes at most 100 tasks per call. */
export const DESCRIBE_TASKS_LIMIT = 100
/** ECS's default maximumPercent: a rolling update may run twice the desired count. */
const DEFAULT_MAXIMUM_PERCENT = 200

/** A service's tasks at the peak of its rollout, and the vCPUs they add to what runs now, per Fargate provider. */
export interface RolloutSurge {
  service: string
  /** Tasks at the peak: desired × maximumPercent / 100, rounded down (ECS's rule), at least the desired count. */
  peakTasks: number
  /** vCPUs the rollout adds at its peak, by provider: peak tasks at the larger of the old and new size, less what runs now. */
  extraVcpu: Partial<Record<FargateProvider, number>>
}

/** Where a service's tasks go: its capacity provider strategy (base first, then by weight), or its launch type. */
export function tasksByProvider(strategy: CapacityProviderStrategyItem[] | undefined, launchType: string | undefined, tasks: number): Partial<Record<string, number>> {
  if (!strategy?.length) return launchType === 'FARGATE' || launchType === undefined ? { FARGATE: tasks } : {}
  const out: Record<string, number> = {}
  let left = tasks
  for (const item of strategy) {
    const base = Math.min(left, item.base ?? 0)
    out[item.capacityProvider!] = (out[item.capacityProvider!] ?? 0) + base
    left -= base
  }
  const weight = strategy.reduce((n, i) => n + (i.weight ?? 0), 0)
  if (left > 0 && weight > 0) for (const item of strategy) out[item.capacityProvider!] = (out[item.capacityProvider!] ?? 0) + (left * (item.weight ?? 0)) / weight
  return out
}

export function rolloutSurge(target: PreflightTarget): RolloutSurge {
  const s = target.ecsService
  const desired = s.desiredCount ?? 0
  const running = s.runningCount ?? 0
  const maximumPercent = s.deploymentConfiguration?.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT
  const peakTasks = Math.max(desired, Math.floor((desired * maximumPercent) / 100))
  const oldVcpu = Number(target.running.cpu ?? 0) / 1024
  const newVcpu = Number(target.next.cpu ?? target.running.cpu ?? 0) / 1024
  const extra = Math.max(0, peakTasks * Math.max(oldVcpu, newVcpu) - running * oldVcpu)
  const share = tasksByProvider(s.capacityProviderStrategy, s.launchType, peakTasks)
  const extraVcpu: RolloutSurge['extraVcpu'] = {}
  for (const provider of Object.keys(FARGATE_VCPU_QUOTAS) as FargateProvider[]) {
    const tasks = share[provider] ?? 0
    if (tasks > 0 && peakTasks > 0) extraVcpu[provider] = (extra * tasks) / peakTasks
  }
  return { service: target.name, peakTasks, extraVcpu }
}

/**
 * The account's Fargate vCPU quotas (On-Demand and Spot) cover what runs in the cluster plus the rollout's surge of
 * the services being deployed. Quotas are per account and region: tasks of other clusters count too but are not read
 * here, so the verdict is an estimate and says so.
 */
export async function checkFargateQuota(targets: PreflightTarget[], cluster: string, clients: { ecs: ECSClient; serviceQuotas: ServiceQuotasClient }): Promise<PreflightFinding[]> {
  const surges = targets.map(rolloutSurge)
  const needed = new Map<FargateProvider, { vcpu: number; services: string[] }>()
  for (const s of surges) {
    for (const [provider, vcpu] of Object.entries(s.extraVcpu) as [FargateProvider, number][]) {
      const entry = needed.get(provider) ?? { vcpu: 0, services: [] }
      entry.vcpu += vcpu
      entry.services.push(s.service)
      needed.set(provider, entry)
    }
  }
  if (needed.size === 0) return []
  const findings: PreflightFinding[] = []
  let usage: Record<FargateProvider, number> | undefined
  try {
    usage = await clusterFargateUsage(clients.ecs, cluster)
  } catch (e) {
    if (!isUnread(e)) throw awsSetupError(e, 'ECS') ?? e
    findings.push(deniedFinding('quota', `cluster ${cluster}`, 'ecs:ListTasks/ecs:DescribeTasks', 'the vCPUs the cluster runs now (counted as 0 below)', e))
  }
  for (const [provider, need] of needed) {
    const quota = FARGATE_VCPU_QUOTAS[provider]
    const resource = `${quota.name} (${quota.code})`
    let value: number | undefined
    try {
      value = (await clients.serviceQuotas.send(new GetServiceQuotaCommand({ ServiceCode: 'fargate', QuotaCode: quota.code }))).Quota?.Value
    } catch (e) {
      if (isUnread(e)) {
        findings.push(deniedFinding('quota', resource, 'servicequotas:GetServiceQuota', 'the quota', e, need.services))
        continue
      }
      if (errorName(e) === 'NoSuchResourceException') {
        findings.push({ check: 'quota', status: 'unknown', resource, message: `Service Quotas has no value for ${quota.code} in this account and region: quota not checked (${describeErrorOf(e)})`, services: need.services })
        continue
      }
      throw awsSetupError(e, 'Service Quotas') ?? e
    }
    if (value === undefined) continue
    const now = usage?.[provider] ?? 0
    const total = now + need.vcpu
    const detail = `${usage ? fmt(now) : '? (not read, counted as 0)'} vCPU running in cluster ${cluster} + ${fmt(need.vcpu)} for the rollout surge of ${listOf(need.services)} = ${fmt(total)} of ${fmt(value)} (an estimate: tasks of other clusters in the account count against the quota too and are not included)`
    findings.push(total > value ? { check: 'quota', status: 'fail', resource, message: `too small: ${detail}; request an increase in Service Quotas, or deploy fewer services at once`, services: need.services } : { check: 'quota', status: 'pass', resource, message: detail, services: need.services })
  }
  return findings
}

/** vCPUs of the RUNNING tasks of the cluster per Fargate provider (ListTasks, then DescribeTasks 100 a call). */
async function clusterFargateUsage(ecs: ECSClient, cluster: string): Promise<Record<FargateProvider, number>> {
  const arns: string[] = []
  let token: string | undefined
  do {
    const out = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'RUNNING', ...(token ? { nextToken: token } : {}) }))
    arns.push(...(out.taskArns ?? []))
    token = out.nextToken
  } while (token)
  const usage: Record<FargateProvider, number> = { FARGATE: 0, FARGATE_SPOT: 0 }
  for (let i = 0; i < arns.length; i += DESCRIBE_TASKS_LIMIT) {
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + DESCRIBE_TASKS_LIMIT) }))
    for (const t of tasks ?? []) {
      const provider = t.capacityProviderName === 'FARGATE_SPOT' ? 'FARGATE_SPOT' : t.capacityProviderName === 'FARGATE' || (!t.capacityProviderName && t.launchType === 'FARGATE') ? 'FARGATE' : undefined
      if (provider) usage[provider] += Number(t.cpu ?? 0) / 1024
    }
  }
  return usage
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '')
}
