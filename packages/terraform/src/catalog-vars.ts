import { ConfigurationError, isDeployable, isEnabledIn, serviceSettings, type Catalog, type Environment, type Reference, type Service } from '@tierdeploy/catalog'

/** One service as the platform root's `services` variable types it (terraform/platform/variables.tf). */
export interface TerraformService {
  tier: number
  cpu: number
  memory: number
  desired_count: number
  min_capacity: number
  max_capacity: number
  cpu_target?: number
  memory_target?: number
  spot: boolean
  schedule: 'always' | 'business-hours'
  capacity: 'fargate' | 'ec2-gpu'
  gpu: number
  container_name: string
  port: number | null
  /** Behind the ALB: routing.public with path patterns and a port. */
  public: boolean
  path_patterns: string[]
  priority: number | null
  health_check: { path: string; matcher: string; healthy_threshold: number; interval_seconds: number; timeout_seconds: number; grace_period_seconds: number }
  /** Other services call it (through Service Connect): its security group admits the cluster's clients. */
  internal: boolean
  repository: string
  depends_on: string[]
  environment: Record<string, string>
  secrets: Record<string, string>
}

/** The `catalog.auto.tfvars.json` of one environment root: everything Terraform must agree with the catalog on. */
export interface TerraformVars {
  environment: string
  platform: string
  account_id: string | null
  region: string
  /** Host of the environment's url: the ALB certificate is the issued ACM certificate for it. */
  domain: string | null
  cluster_name: string
  vpc_cidr: string
  nat_gateway_mode: 'single' | 'per-az'
  service_connect_namespace: string
  log_group_prefix: string
  ssm_prefix: string
  business_hours: { timezone: string; start: string; end: string; days: string[] }
  ecr_repositories: string[]
  /** Registries this environment's pushes are replicated to: environments promoted from it in another account or region. */
  image_replication_destinations: { account_id: string; region: string }[]
  /** The account this environment is promoted from, when it is another account (allowed to replicate in). */
  image_replication_sources: string[]
  services: Record<string, TerraformService>
}

/**
 * Where promotion needs ECR replication: from each environment to those promoted from it (`promotesFrom`) that are in
 * another account or region, so the target's tasks pull the promoted digest from their own registry. An account is
 * needed on both sides to know: one side without it is refused rather than guessed.
 */
export function imageReplication(catalog: Catalog, environment: Environment): Pick<TerraformVars, 'image_replication_destinations' | 'image_replication_sources'> {
  const crossing = (from: Environment, to: Environment): boolean => {
    if ((from.account === undefined) !== (to.account === undefined) && from.region === to.region) {
      const missing = from.account === undefined ? from : to
      throw new ConfigurationError(`${missing.file}: account is required: ${to.name} is promoted from ${from.name} and only one of them names its account, so tierdeploy cannot tell whether promotion crosses accounts (ECR replication)`)
    }
    return from.account !== to.account || from.region !== to.region
  }
  const destinations = [...catalog.environments.values()]
    .filter((to) => to.promotesFrom === environment.name && to.name !== environment.name && crossing(environment, to))
    .map((to) => {
      if (to.account === undefined) throw new ConfigurationError(`${to.file}: account is required: ${to.name} is promoted from ${environment.name} in another region, and ECR replication names the destination account`)
      return { account_id: to.account, region: to.region }
    })
  const unique = [...new Map(destinations.map((d) => [`${d.account_id}/${d.region}`, d])).values()].sort((a, b) => `${a.account_id}/${a.region}`.localeCompare(`${b.account_id}/${b.region}`))
  const source = environment.promotesFrom !== undefined ? catalog.environments.get(environment.promotesFrom) : undefined
  const sources = source && source.account !== undefined && crossing(source, environment) && source.account !== environment.account ? [source.account] : []
  return { image_replication_destinations: unique, image_replication_sources: sources }
}

function literal(ref: Reference | undefined, fallback: string): string {
  // A stack or terraform output cannot name what Terraform itself creates; the default name is used instead.
  return typeof ref === 'string' ? ref : fallback
}

export function repositoryName(catalog: Catalog, service: Service): string {
  return service.ecr?.repository ?? `${catalog.platform}/${service.name}`
}

/** Services the environment root creates: deployable, enabled there, and updated through ECS (not a stack). */
export function terraformServices(catalog: Catalog, environment: Environment): Service[] {
  return [...catalog.services.values()]
    .filter((s) => isDeployable(s) && isEnabledIn(catalog, s, environment) && (s.deployVia ?? 'ecs') === 'ecs')
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Builds the environment root's variables from the catalog, so Terraform and the catalog can never disagree. */
export function catalogTerraformVars(catalog: Catalog, environment: Environment): TerraformVars {
  const services = terraformServices(catalog, environment)
  const names = new Set(services.map((s) => s.name))
  const called = new Set(services.flatMap((s) => s.dependsOn).filter((d) => names.has(d)))

  const out: Record<string, TerraformService> = {}
  const used = new Map<number, string>()
  for (const service of services) {
    const settings = serviceSettings(catalog, service, environment)
    const routing = service.routing
    const isPublic = Boolean(routing?.public && routing.pathPatterns?.length && settings.port !== undefined)
    const priority = isPublic ? (routing?.priority ?? null) : null
    if (isPublic && priority === null) {
      throw new ConfigurationError(`${catalog.file}: service '${service.name}' is public but has no routing.priority (a number from 1 to 50000, unique among public services; lower matches first)`)
    }
    if (priority !== null) {
      const other = used.get(priority)
      if (other) throw new ConfigurationError(`${catalog.file}: services '${other}' and '${service.name}' share routing.priority ${priority}; ALB listener rule priorities must be unique`)
      used.set(priority, service.name)
    }
    const hc = settings.healthCheck
    out[service.name] = {
      tier: service.tier,
      cpu: settings.cpu,
      memory: settings.memory,
      desired_count: settings.desiredCount,
      // desiredCount 0 switches a service off in the environment: autoscaling must not bring it back.
      min_capacity: settings.desiredCount === 0 ? 0 : settings.autoscaling.min,
      max_capacity: settings.autoscaling.max,
      ...(settings.autoscaling.cpuTarget !== undefined ? { cpu_target: settings.autoscaling.cpuTarget } : {}),
      ...(settings.autoscaling.memoryTarget !== undefined ? { memory_target: settings.autoscaling.memoryTarget } : {}),
      spot: settings.spot,
      schedule: settings.schedule,
      capacity: service.capacity ?? 'fargate',
      gpu: service.gpu ?? 0,
      container_name: settings.containerName,
      port: settings.port ?? null,
      public: isPublic,
      path_patterns: isPublic ? [...(routing?.pathPatterns ?? [])] : [],
      priority,
      health_check: {
        path: hc.path ?? '/health',
        matcher: String(hc.expectedStatus),
        healthy_threshold: hc.healthyThreshold,
        interval_seconds: hc.intervalSeconds,
        timeout_seconds: hc.timeoutSeconds,
        grace_period_seconds: hc.gracePeriodSeconds ?? 60,
      },
      internal: called.has(service.name),
      repository: repositoryName(catalog, service),
      depends_on: [...service.dependsOn].sort(),
      environment: settings.environment,
      secrets: settings.secrets,
    }
  }

  const network = environment.network ?? {}
  const hours = environment.businessHours ?? {}
  const name = `${catalog.platform}-${environment.name}`
  if (!network.vpcCidr) {
    throw new ConfigurationError(`${environment.file}: network.vpcCidr is required to generate Terraform variables (e.g. 10.1.0.0/16)`)
  }
  return {
    environment: environment.name,
    platform: catalog.platform,
    account_id: environment.account ?? null,
    region: environment.region,
    domain: environment.url ? new URL(environment.url).hostname : null,
    cluster_name: literal(environment.cluster, name),
    vpc_cidr: network.vpcCidr,
    nat_gateway_mode: network.natGateways ?? 'per-az',
    service_connect_namespace: literal(environment.serviceConnectNamespace, `${name}.local`),
    log_group_prefix: literal(environment.logGroup, `/ecs/${name}`),
    ssm_prefix: environment.ssmPrefix ?? `/${catalog.platform}/${environment.name}`,
    business_hours: {
      timezone: hours.timezone ?? 'UTC',
      start: hours.start ?? '08:00',
      end: hours.end ?? '18:00',
      days: hours.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    },
    ecr_repositories: [...new Set(services.map((s) => out[s.name]!.repository))].sort(),
    ...imageReplication(catalog, environment),
    services: out,
  }
}

/** The file's text: stable key order and a trailing newline, so regenerating an unchanged catalog changes nothing. */
export function renderTerraformVars(vars: TerraformVars): string {
  return `${JSON.stringify(vars, null, 2)}\n`
}

export const TFVARS_FILE = 'catalog.auto.tfvars.json'

export interface TerraformVarsFiles {
  readFile(path: string): string | undefined
  writeFile(path: string, text: string): void
}

/**
 * Keeps a root's catalog.auto.tfvars.json what the catalog generates, in the user's repository as in this one: a plan
 * against stale values would plan the previous catalog. Returns 'written' when the file was stale (or missing) and is
 * now regenerated, so the caller can say so; the file is then the one to commit.
 */
export function refreshTerraformVars(catalog: Catalog, environment: Environment, path: string, files: TerraformVarsFiles): 'unchanged' | 'written' {
  const fresh = renderTerraformVars(catalogTerraformVars(catalog, environment))
  if (files.readFile(path) === fresh) return 'unchanged'
  files.writeFile(path, fresh)
  return 'written'
}
