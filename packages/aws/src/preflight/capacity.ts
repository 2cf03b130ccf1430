import { DescribeClustersCommand, type ECSClient } from '@aws-sdk/client-ecs'
import { awsSetupError } from '../ecs/errors.js'
import { deniedFinding, isUnread, listOf } from './denied.js'
import type { PreflightFinding, PreflightTarget } from './types.js'

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT'])

/**
 * The cluster has the capacity providers the services need: those their capacity provider strategies name (what
 * the rollout launches on), FARGATE_SPOT for a catalog `spot: true` service above tier 1 (the ecs-service module's
 * use_spot rule), and an EC2 (GPU) provider for a `capacity: ec2-gpu` service.
 */
export async function checkCapacityProviders(targets: PreflightTarget[], cluster: string, ecs: ECSClient): Promise<PreflightFinding[]> {
  const wanted = new Map<string, { services: Set<string>; why: string }>()
  const want = (provider: string, service: string, why: string): void => {
    const entry = wanted.get(provider) ?? { services: new Set<string>(), why }
    entry.services.add(service)
    wanted.set(provider, entry)
  }
  const gpu: string[] = []
  for (const t of targets) {
    for (const item of t.ecsService.capacityProviderStrategy ?? []) if (item.capacityProvider) want(item.capacityProvider, t.name, 'its capacity provider strategy uses it')
    const capacity = t.service.capacity ?? 'fargate'
    if (capacity === 'fargate' && t.settings.spot && t.service.tier > 1) want('FARGATE_SPOT', t.name, 'the catalog sets spot: true')
    if (capacity === 'ec2-gpu') gpu.push(t.name)
  }
  if (wanted.size === 0 && gpu.length === 0) return []
  const everyone = targets.map((t) => t.name)
  let providers: string[]
  try {
    const out = await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }))
    const found = out.clusters?.find((c) => c.status === 'ACTIVE' || c.status === 'PROVISIONING')
    if (!found) return [{ check: 'capacity', status: 'fail', resource: `cluster ${cluster}`, message: `cluster not found (or not ACTIVE): ${out.failures?.map((f) => f.reason).join(', ') || out.clusters?.[0]?.status || 'MISSING'}`, services: everyone }]
    providers = found.capacityProviders ?? []
  } catch (e) {
    if (isUnread(e)) return [deniedFinding('capacity', `cluster ${cluster}`, 'ecs:DescribeClusters', "the cluster's capacity providers", e, everyone)]
    throw awsSetupError(e, 'ECS') ?? e
  }
  const findings: PreflightFinding[] = []
  const has = `cluster ${cluster} has ${providers.length ? providers.join(', ') : 'no capacity providers'}`
  for (const [provider, { services, why }] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const names = [...services].sort()
    findings.push(
      providers.includes(provider)
        ? { check: 'capacity', status: 'pass', resource: provider, message: `${has}`, services: names }
        : { check: 'capacity', status: 'fail', resource: provider, message: `${listOf(names)} need${names.length === 1 ? 's' : ''} it (${why}), but ${has}; add it to the cluster (terraform/modules/ecs-cluster)`, services: names },
    )
  }
  if (gpu.length) {
    const ec2 = providers.filter((p) => !FARGATE_PROVIDERS.has(p))
    findings.push(
      ec2.length
        ? { check: 'capacity', status: 'pass', resource: `GPU capacity (${ec2.join(', ')})`, message: has, services: gpu.sort() }
        : { check: 'capacity', status: 'fail', resource: 'GPU capacity', message: `${listOf(gpu)} ask for capacity: ec2-gpu, but ${has} (no EC2 capacity provider); set enable_gpu_capacity in terraform/modules/ecs-cluster`, services: gpu.sort() },
    )
  }
  return findings
}
