import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isDeployable, isEnabledIn, isProductionLike, matchesPathPattern, serviceSettings, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import type { Finding } from './finding.js'

/** Where a tunable is set for a service in an environment: the most specific layer that sets it. */
function whereSet(catalog: Catalog, service: Service, environment: Environment | undefined, key: 'spot' | 'desiredCount'): Pick<Finding, 'file' | 'path'> {
  if (environment?.services?.[service.name]?.[key] !== undefined) return { file: environment.file, path: ['services', service.name, key] }
  if (environment?.defaults?.[key] !== undefined) return { file: environment.file, path: ['defaults', key] }
  if (service[key] !== undefined) return { file: catalog.file, path: ['services', service.name, key] }
  if (catalog.defaults[key] !== undefined) return { file: catalog.file, path: ['defaults', key] }
  return { file: environment?.file ?? catalog.file, path: environment ? [] : ['services', service.name] }
}

/**
 * The configuration mistakes a reviewer would flag. `environments` are the ones to check (all by default);
 * `root` is the repository root that service paths are relative to (for the Dockerfile check).
 */
export function checkConfiguration(catalog: Catalog, environments: Environment[], root = catalog.root): Finding[] {
  const findings: Finding[] = []
  const at = (service: Service, ...path: (string | number)[]): Pick<Finding, 'file' | 'path'> => ({ file: catalog.file, path: ['services', service.name, ...path] })
  const deployable = [...catalog.services.values()].filter((s) => isDeployable(s) && !s.disabled)

  for (const s of deployable) {
    if ((s.gpu ?? 0) > 0 && (s.capacity ?? 'fargate') === 'fargate') {
      findings.push({ check: 'gpu-on-fargate', service: s.name, severity: 'error', ...at(s, 'gpu'), message: `${s.name} asks for ${s.gpu} GPU on Fargate, which has no GPUs`, hint: 'set capacity: ec2-gpu (an EC2 capacity provider with GPU instances), or remove gpu' })
    }
    const health = serviceSettings(catalog, s).healthCheck
    if (!health.path && !health.url) {
      findings.push({ check: 'no-health-check', service: s.name, severity: 'warning', ...at(s), message: `${s.name} has no health check path`, hint: 'set healthCheck.path (or defaults.healthCheck.path); without it a broken deploy is only noticed by users' })
    }
    if (s.routing?.public && !(s.routing.pathPatterns?.length)) {
      findings.push({ check: 'public-without-path', service: s.name, severity: 'error', ...at(s, 'routing'), message: `${s.name} is public but has no path rule`, hint: 'add routing.pathPatterns (e.g. ["/orders/*"]) so the load balancer knows which requests are its' })
    }
    const patterns = s.routing?.pathPatterns ?? []
    if (s.routing?.public && health.path && !health.url && patterns.length && !patterns.some((p) => matchesPathPattern(p, health.path!))) {
      findings.push({ check: 'health-path-unrouted', service: s.name, severity: 'warning', ...at(s, 'healthCheck'), message: `${s.name}: health path ${health.path} is outside its ALB path patterns (${patterns.join(', ')})`, hint: 'through the load balancer that URL reaches another service; use a routed path such as ' + `${patterns[0]!.replace(/\*.*$/, '')}health` })
    }
    if (s.capacity === 'ec2-gpu' && s.spot) {
      findings.push({ check: 'spot-on-ec2', service: s.name, severity: 'warning', ...at(s, 'spot'), message: `${s.name} sets spot but runs on EC2 GPU capacity, where Fargate Spot does not apply`, hint: 'remove spot, or use a Spot EC2 capacity provider in terraform/modules/ecs-cluster' })
    }
    findings.push(...checkDockerfile(catalog, s, root))
  }

  for (const environment of [undefined, ...environments]) {
    for (const s of deployable) {
      if (environment && !isEnabledIn(catalog, s, environment)) continue
      const settings = serviceSettings(catalog, s, environment)
      if (s.tier === 1 && settings.spot) {
        // Report each place once: the catalog-wide setting, or the environment that turns Spot on.
        const where = whereSet(catalog, s, environment, 'spot')
        const seen = findings.some((f) => f.check === 'tier-1-on-spot' && f.service === s.name && f.file === where.file)
        if (!seen) findings.push({ check: 'tier-1-on-spot', service: s.name, severity: 'error', ...where, message: `${s.name} is tier 1 and runs on Fargate Spot${environment ? ` in ${environment.name}` : ''}`, hint: 'tier 1 must never be on Spot: AWS can reclaim Spot tasks with two minutes\' notice; set spot: false' })
      }
      if (environment && isProductionLike(environment) && settings.desiredCount === 1) {
        findings.push({ check: 'single-replica-production', service: s.name, severity: 'warning', ...whereSet(catalog, s, environment, 'desiredCount'), message: `${s.name} runs one task in ${environment.name}`, hint: 'a production service needs desiredCount: 2 or more so one failed task or AZ does not take it down' })
      }
    }
  }
  findings.push(...accountFindings(catalog, environments))
  return findings
}

/**
 * An environment without `account`: deploy, rollback and the actions cannot check that the credentials are for it
 * (verifyCallerAccount only warns), so credentials of another environment write there unnoticed. Reported where that
 * mix-up can happen: a catalog of several environments, or a production-like one.
 */
function accountFindings(catalog: Catalog, environments: Environment[]): Finding[] {
  return environments
    .filter((e) => !e.account && (catalog.environments.size > 1 || isProductionLike(e)))
    .map((e): Finding => ({
      check: 'no-account',
      severity: 'warning',
      file: e.file,
      path: ['name'],
      message: `environment ${e.name} sets no account, so the AWS account of the credentials cannot be checked before a deploy or rollback writes to it`,
      hint: 'set account: "123456789012" (its 12-digit AWS account ID); credentials of another account are then refused',
    }))
}

/** A buildable service needs PATH/Dockerfile, a build.dockerfile that exists, or a build.template. */
function checkDockerfile(catalog: Catalog, s: Service, root: string): Finding[] {
  if (s.deployVia === 'cloudformation' && !s.path) return []
  if (!s.path || !existsSync(join(root, s.path))) return [] // `tierdeploy validate` reports a missing path
  const build = { ...catalog.defaults.build, ...s.build }
  if (s.build?.dockerfile) {
    const file = join(s.build.context ?? s.path, s.build.dockerfile)
    const candidates = [join(root, s.path, s.build.dockerfile), join(root, file), join(root, s.build.dockerfile)]
    if (candidates.some((c) => existsSync(c))) return []
    return [{ check: 'missing-dockerfile', service: s.name, severity: 'error', file: catalog.file, path: ['services', s.name, 'build', 'dockerfile'], message: `${s.name}: build.dockerfile ${s.build.dockerfile} does not exist`, hint: `looked in ${s.path}/ and at the repository root` }]
  }
  if (existsSync(join(root, s.path, 'Dockerfile'))) return []
  if (build.template) return []
  if (build.dockerfile && existsSync(join(root, s.path, build.dockerfile))) return []
  return [{ check: 'missing-dockerfile', service: s.name, severity: 'error', file: catalog.file, path: ['services', s.name], message: `${s.name} has no Dockerfile: ${s.path}/Dockerfile does not exist and neither build.dockerfile nor build.template is set`, hint: 'add a Dockerfile, or set build.template: node or python' }]
}
