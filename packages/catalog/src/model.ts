/** TypeScript view of schema.ts. Keep the two in step: schema.test.ts fails when a schema key has no field here. */

export type Kind = 'service' | 'infrastructure' | 'library'
export type Schedule = 'always' | 'business-hours'
export type Reference = string | { stackOutput: string } | { terraformOutput: string }

export interface Autoscaling {
  min?: number
  max?: number
  cpuTarget?: number
  memoryTarget?: number
}

export interface HealthCheck {
  path?: string
  expectedStatus?: number
  healthyThreshold?: number
  timeoutSeconds?: number
  intervalSeconds?: number
  gracePeriodSeconds?: number
  url?: string
}

/** Settings that the catalog's defaults, a service, and an environment may each set (later ones win). */
export interface Tunables {
  cpu?: number
  memory?: number
  desiredCount?: number
  autoscaling?: Autoscaling
  spot?: boolean
  schedule?: Schedule
  environment?: Record<string, string>
  secrets?: Record<string, string>
}

export interface BuildSettings {
  dockerfile?: string
  context?: string
  template?: 'node' | 'python'
  args?: Record<string, string>
}

export interface ServiceDefinition extends Tunables {
  kind?: Kind
  description?: string
  owner?: string
  path?: string
  tier?: number
  dependsOn?: string[]
  aliases?: string[]
  disabled?: boolean
  container?: { name?: string; port?: number }
  healthCheck?: HealthCheck
  gpu?: number
  capacity?: 'fargate' | 'ec2-gpu'
  build?: BuildSettings
  watch?: string[]
  ignore?: string[]
  routing?: { public?: boolean; pathPatterns?: string[]; priority?: number }
  alarms?: string[]
  deployVia?: 'ecs' | 'cloudformation'
  cloudformation?: { stack: string; imageParameter: string }
  ecr?: { repository?: string; create?: boolean }
}

export interface TierDefinition {
  id: number
  name: string
  description?: string
  optional?: boolean
}

export interface CatalogDocument {
  version?: number
  platform?: string
  description?: string
  tiers: TierDefinition[]
  globalPaths?: string[]
  defaults?: Tunables & Pick<ServiceDefinition, 'container' | 'healthCheck' | 'build' | 'ignore'>
  services: Record<string, ServiceDefinition>
}

export interface ServiceOverride extends Tunables {
  enabled?: boolean
  healthCheck?: HealthCheck
}

export interface EnvironmentDocument {
  name: string
  description?: string
  account?: string
  region: string
  cluster?: Reference
  roleArn?: Reference
  /** The build role (deploy.yml's jobs before the approval); a literal ARN. */
  buildRoleArn?: string
  requireApproval?: boolean
  url?: string
  branches?: string[]
  tags?: string[]
  promotesFrom?: string
  optionalServices?: string[]
  defaults?: Tunables
  services?: Record<string, ServiceOverride>
  network?: {
    vpcCidr?: string
    natGateways?: 'single' | 'per-az'
    subnets?: Reference[]
    securityGroups?: Reference[]
    assignPublicIp?: boolean
  }
  serviceConnectNamespace?: Reference
  logGroup?: Reference
  ssmPrefix?: string
  businessHours?: { timezone?: string; start?: string; end?: string; days?: string[] }
  /** The environment's Terraform root and what to give it; repository-relative paths (see terraformRootOf). */
  terraform?: { workingDirectory?: string; varFiles?: string[]; backendConfig?: string[]; stateBucket?: string; stateKey?: string }
}

/** A catalog entry with its defaults filled in: what every other package works with. */
export interface Service extends ServiceDefinition {
  name: string
  kind: Kind
  tier: number
  dependsOn: string[]
  aliases: string[]
  disabled: boolean
  /** 1-based line of the service's key in services.yaml, when it was located. */
}

export interface Catalog {
  /** Directory holding services.yaml and environments/. */
  dir: string
  /** Repository root that service paths are relative to. */
  root: string
  file: string
  platform: string
  tiers: TierDefinition[]
  globalPaths: string[]
  defaults: NonNullable<CatalogDocument['defaults']>
  /** Services by canonical name; `dependsOn` already resolved from aliases to canonical names. */
  services: Map<string, Service>
  /** Every accepted name (canonical names and aliases) -> canonical name. */
  names: Map<string, string>
  environments: Map<string, Environment>
}

export interface Environment extends EnvironmentDocument {
  file: string
}

/** Whether a service is built and deployed to ECS (not infrastructure, not a library). */
export function isDeployable(s: Service): boolean {
  return s.kind === 'service'
}
