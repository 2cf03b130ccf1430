import type { Catalog, Environment, HealthCheck, Service, ServiceOverride, Tunables } from './model.js'

/** What a service runs with in one environment: catalog defaults <- service <- environment defaults <- override. */
export interface ServiceSettings extends Required<Pick<Tunables, 'cpu' | 'memory' | 'desiredCount' | 'spot' | 'schedule'>> {
  autoscaling: { min: number; max: number; cpuTarget?: number; memoryTarget?: number }
  environment: Record<string, string>
  secrets: Record<string, string>
  healthCheck: HealthCheck & { path?: string; expectedStatus: number; healthyThreshold: number; timeoutSeconds: number; intervalSeconds: number }
  containerName: string
  port: number | undefined
}

const BUILT_IN = { cpu: 256, memory: 512, desiredCount: 1, spot: false, schedule: 'always' as const }

export function serviceSettings(catalog: Catalog, service: Service, environment?: Environment): ServiceSettings {
  // Layers from weakest to strongest; written out rather than looped over with closures, since deploys, plans
  // and the catalog's own size check call this once per service (issue 16: a 10,000-service plan runs it cold).
  const defaults = catalog.defaults
  const envDefaults: Tunables = environment?.defaults ?? NONE
  const override: ServiceOverride = environment?.services?.[service.name] ?? NONE
  const size = serviceSize(catalog, service, environment)
  const scaling = { ...defaults.autoscaling, ...service.autoscaling, ...envDefaults.autoscaling, ...override.autoscaling } as ServiceSettings['autoscaling']
  return {
    cpu: size.cpu,
    memory: size.memory,
    desiredCount: size.desiredCount,
    spot: override.spot ?? envDefaults.spot ?? service.spot ?? defaults.spot ?? BUILT_IN.spot,
    schedule: override.schedule ?? envDefaults.schedule ?? service.schedule ?? defaults.schedule ?? BUILT_IN.schedule,
    autoscaling: { ...scaling, min: size.min, max: size.max },
    environment: { ...defaults.environment, ...service.environment, ...envDefaults.environment, ...override.environment },
    secrets: { ...defaults.secrets, ...service.secrets, ...envDefaults.secrets, ...override.secrets },
    healthCheck: { expectedStatus: 200, healthyThreshold: 3, timeoutSeconds: 5, intervalSeconds: 10, ...defaults.healthCheck, ...service.healthCheck, ...override.healthCheck },
    containerName: service.container?.name ?? defaults.container?.name ?? service.name,
    port: service.container?.port ?? defaults.container?.port,
  }
}

const NONE: Tunables = {}

/** A service's task size and task counts in one environment: the part of serviceSettings the catalog checks for every service. */
export interface ServiceSize {
  cpu: number
  memory: number
  desiredCount: number
  /** Autoscaling bounds: min defaults to desiredCount, max to the larger of desiredCount and min. */
  min: number
  max: number
}

export function serviceSize(catalog: Catalog, service: Service, environment?: Environment): ServiceSize {
  const defaults = catalog.defaults
  const envDefaults: Tunables = environment?.defaults ?? NONE
  const override: Tunables = environment?.services?.[service.name] ?? NONE
  const desiredCount = override.desiredCount ?? envDefaults.desiredCount ?? service.desiredCount ?? defaults.desiredCount ?? BUILT_IN.desiredCount
  const min = override.autoscaling?.min ?? envDefaults.autoscaling?.min ?? service.autoscaling?.min ?? defaults.autoscaling?.min ?? desiredCount
  const max = override.autoscaling?.max ?? envDefaults.autoscaling?.max ?? service.autoscaling?.max ?? defaults.autoscaling?.max ?? Math.max(desiredCount, min)
  return {
    cpu: override.cpu ?? envDefaults.cpu ?? service.cpu ?? defaults.cpu ?? BUILT_IN.cpu,
    memory: override.memory ?? envDefaults.memory ?? service.memory ?? defaults.memory ?? BUILT_IN.memory,
    desiredCount,
    min,
    max,
  }
}

/**
 * Whether the service takes part in deploys to this environment: not disabled, not switched off by the
 * environment, and, in an optional tier, enabled by the environment's optionalServices.
 */
export function isEnabledIn(catalog: Catalog, service: Service, environment?: Environment): boolean {
  if (service.disabled) return false
  if (!environment) return true
  const override = environment.services?.[service.name]?.enabled
  if (override !== undefined) return override
  const tier = catalog.tiers.find((t) => t.id === service.tier)
  if (!tier?.optional) return true
  const enabled = environment.optionalServices ?? []
  return enabled.includes('*') || enabled.some((n) => catalog.names.get(n) === service.name)
}
