import type { Catalog, Environment, HealthCheck, Service, Tunables } from './model.js'

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
  const layers: Tunables[] = [catalog.defaults, service, environment?.defaults ?? {}, environment?.services?.[service.name] ?? {}]
  const pick = <K extends keyof Tunables>(key: K): Tunables[K] | undefined => {
    let value: Tunables[K] | undefined
    for (const layer of layers) if (layer[key] !== undefined) value = layer[key]
    return value
  }
  const merged = <K extends 'environment' | 'secrets'>(key: K): Record<string, string> =>
    Object.assign({}, ...layers.map((l) => l[key] ?? {})) as Record<string, string>
  const desiredCount = pick('desiredCount') ?? BUILT_IN.desiredCount
  const scaling = Object.assign({}, ...layers.map((l) => l.autoscaling ?? {})) as ServiceSettings['autoscaling']
  const health = Object.assign({}, catalog.defaults.healthCheck ?? {}, service.healthCheck ?? {}, environment?.services?.[service.name]?.healthCheck ?? {}) as HealthCheck
  return {
    cpu: pick('cpu') ?? BUILT_IN.cpu,
    memory: pick('memory') ?? BUILT_IN.memory,
    desiredCount,
    spot: pick('spot') ?? BUILT_IN.spot,
    schedule: pick('schedule') ?? BUILT_IN.schedule,
    autoscaling: { ...scaling, min: scaling.min ?? desiredCount, max: scaling.max ?? Math.max(desiredCount, scaling.min ?? desiredCount) },
    environment: merged('environment'),
    secrets: merged('secrets'),
    healthCheck: { expectedStatus: 200, healthyThreshold: 3, timeoutSeconds: 5, intervalSeconds: 10, ...health },
    containerName: service.container?.name ?? catalog.defaults.container?.name ?? service.name,
    port: service.container?.port ?? catalog.defaults.container?.port,
  }
}

/**
 * Whether the service takes part in deploys to this environment: not disabled, not switched off by the
 * environment, and, in an optional tier, enabled by the environment's optionalServices.
 */
export function isEnabledIn(catalog: Catalog, service: Service, environment?: Environment): boolean {
  if (service.disabled) return false
  const override = environment?.services?.[service.name]?.enabled
  if (override !== undefined) return override
  const tier = catalog.tiers.find((t) => t.id === service.tier)
  if (!tier?.optional || !environment) return true
  const enabled = environment.optionalServices ?? []
  return enabled.includes('*') || enabled.some((n) => catalog.names.get(n) === service.name)
}
