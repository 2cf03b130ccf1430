import { matchesPathPattern, serviceSettings, type Catalog, type Environment, type Logger, type Service } from '@tierdeploy/catalog'
import type { GateTarget } from './types.js'

/**
 * What the gate checks per service, from the catalog: the health URL is healthCheck.url, or the environment's url
 * plus healthCheck.path for services reachable through the public ALB; alarms are the catalog's `alarms`, else
 * every alarm whose name starts with the service name. `targetGroups` (service -> ARN or ARNs) overrides discovery.
 */
export function gateTargets(catalog: Catalog, environment: Environment, services: Service[], targetGroups: Record<string, string[]> = {}, log?: Logger): GateTarget[] {
  return services.map((service) => {
    const health = serviceSettings(catalog, service, environment).healthCheck
    const isPublic = service.routing?.public === true
    let http: GateTarget['http']
    if (health.url) http = { url: health.url, expectedStatus: health.expectedStatus, healthyThreshold: health.healthyThreshold, requestTimeoutMs: health.timeoutSeconds * 1000, intervalMs: health.intervalSeconds * 1000 }
    else if (!isPublic) http = { skip: 'not on the public ALB (routing.public) and no healthCheck.url' }
    else if (!environment.url) http = { skip: `environment ${environment.name} has no url (${environment.file})` }
    else if (!health.path) http = { skip: 'no healthCheck.path' }
    else {
      const patterns = service.routing?.pathPatterns ?? []
      if (patterns.length && !patterns.some((p) => matchesPathPattern(p, health.path!))) {
        log?.warning(`${service.name}: health path ${health.path} is outside its ALB path patterns (${patterns.join(', ')}), so the public URL may reach another service; set healthCheck.path to a routed path or healthCheck.url`)
      }
      http = { url: `${environment.url.replace(/\/+$/, '')}${health.path}`, expectedStatus: health.expectedStatus, healthyThreshold: health.healthyThreshold, requestTimeoutMs: health.timeoutSeconds * 1000, intervalMs: health.intervalSeconds * 1000 }
    }
    const given = targetGroups[service.name]
    return {
      service: service.name,
      http,
      behindLoadBalancer: isPublic || given !== undefined,
      ...(given !== undefined ? { targetGroups: given } : {}),
      alarms: service.alarms?.length ? { names: service.alarms } : { prefix: service.name },
    }
  })
}
