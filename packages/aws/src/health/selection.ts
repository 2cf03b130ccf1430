import type { EcsServiceResult } from '../ecs/index.js'
import { CHECKS, type CheckName } from './types.js'
import { ConfigurationError, closestNames, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { parseTier, resolveDeployWaves, resolveServiceName } from '@tierdeploy/graph'

/**
 * The services the gate checks: a tier's deployable services (as resolve-graph plans them for the environment),
 * the named ones, or, when neither is given, those in ecs-deploy's result.
 */
export function gateServices(
  catalog: Catalog,
  environment: Environment,
  given: { tier?: string; services?: string[] | undefined; deployResult?: EcsServiceResult[] },
  names: { tier: string; services: string; deployResult: string } = { tier: 'tier', services: 'services', deployResult: 'deploy-result' },
): Service[] {
  if (given.tier && given.services?.length) throw new ConfigurationError(`give '${names.tier}' or '${names.services}', not both`)
  if (given.tier) {
    const plan = resolveDeployWaves(catalog, { tier: parseTier(given.tier) }, environment)
    return plan.tiers.flatMap((t) => t.waves.flat()).map((n) => catalog.services.get(n)!).filter((s) => s.kind === 'service')
  }
  const selected = given.services?.length ? given.services : given.deployResult?.filter((r) => r.status !== 'skipped').map((r) => r.service)
  if (!selected) throw new ConfigurationError(`give '${names.tier}', '${names.services}' or '${names.deployResult}': nothing is selected to check`)
  const services = [...new Set(selected.map((n) => resolveServiceName(catalog, n)))]
  const notDeployed = services.filter((s) => s.kind !== 'service')
  if (notDeployed.length) throw new ConfigurationError(`${notDeployed.map((s) => `${s.name} (${s.kind})`).join(', ')} ${notDeployed.length === 1 ? 'is' : 'are'} not deployed to ECS, so there is no health to check`)
  return services
}

export function parseChecks(list: string[] | undefined, input: string): CheckName[] {
  if (!list) return [...CHECKS]
  return list.map((c) => {
    if ((CHECKS as readonly string[]).includes(c)) return c as CheckName
    const near = closestNames(c, CHECKS)
    throw new ConfigurationError(`input '${input}': unknown check '${c}'${near.length ? `; did you mean '${near[0]}'?` : ''} (checks: ${CHECKS.join(', ')})`)
  })
}

/** `{"service": "arn..." | ["arn...", ...]}` -> service -> ARNs. */
export function parseTargetGroups(value: unknown, input: string): Record<string, string[]> {
  if (value === undefined) return {}
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(`input '${input}' must be a JSON object: {"SERVICE": "TARGET_GROUP_ARN" or ["ARN", ...]}`)
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([service, arns]) => {
    const list = typeof arns === 'string' ? [arns] : arns
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !a.startsWith('arn:'))) {
      throw new ConfigurationError(`input '${input}': ${service} must map to a target group ARN or a list of them`)
    }
    return [service, list as string[]]
  }))
}

/** Target group map keyed by canonical service names (aliases accepted). */
export function canonicalTargetGroups(catalog: Catalog, groups: Record<string, string[]>, input: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(groups).map(([name, arns]) => {
    const canonical = catalog.names.get(name)
    if (!canonical) throw new ConfigurationError(`input '${input}': unknown service '${name}'${closestNames(name, catalog.names.keys()).length ? `; did you mean '${closestNames(name, catalog.names.keys())[0]}'?` : ''}`)
    return [canonical, arns]
  }))
}
