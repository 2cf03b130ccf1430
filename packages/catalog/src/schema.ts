/**
 * The catalog's schema, written once as JSON Schema. The validator (shape.ts) walks exactly this definition, and
 * `npm run build` writes it to catalog/schema.json for editors, so the two can never disagree.
 *
 * Only the JSON Schema keywords that shape.ts understands are used: type, properties, additionalProperties,
 * required, enum, pattern, minimum, maximum, minLength, items, uniqueItems, anyOf, $ref to #/$defs.
 */
export interface JsonSchema {
  $schema?: string
  $id?: string
  $ref?: string
  $defs?: Record<string, JsonSchema>
  title?: string
  description?: string
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array'
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  required?: string[]
  enum?: (string | number | boolean)[]
  pattern?: string
  minimum?: number
  maximum?: number
  minLength?: number
  minItems?: number
  items?: JsonSchema
  uniqueItems?: boolean
  anyOf?: JsonSchema[]
  default?: unknown
  examples?: unknown[]
}

const str = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', description, ...extra })
const int = (description: string, minimum?: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  description,
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
})
const bool = (description: string, dflt?: boolean): JsonSchema => ({ type: 'boolean', description, ...(dflt === undefined ? {} : { default: dflt }) })
const list = (description: string, items: JsonSchema = { type: 'string', minLength: 1 }): JsonSchema => ({ type: 'array', description, items })
const obj = (description: string, properties: Record<string, JsonSchema>, required?: string[]): JsonSchema => ({
  type: 'object',
  description,
  properties,
  additionalProperties: false,
  ...(required ? { required } : {}),
})
const map = (description: string, values: JsonSchema): JsonSchema => ({ type: 'object', description, additionalProperties: values })

export const SERVICE_NAME_PATTERN = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'
/** A secret reference is an ARN (never a value): SSM Parameter Store or Secrets Manager. */
export const SECRET_ARN_PATTERN = '^arn:aws[a-z-]*:(ssm|secretsmanager):[a-z0-9-]+:\\d{12}:(parameter/|secret:).+'
export const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384] as const

/** A setting that may be a literal, a CloudFormation stack output or a Terraform output (issue 9). */
const reference: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    obj('The value of a CloudFormation stack output, as STACK.OUTPUT.', { stackOutput: str('STACK.OUTPUT', { pattern: '^[A-Za-z][A-Za-z0-9-]*\\.[A-Za-z0-9]+$' }) }, ['stackOutput']),
    obj('The value of a Terraform output of terraform-apply.', { terraformOutput: str('The output name', { minLength: 1 }) }, ['terraformOutput']),
  ],
}

/** Settings an environment may override per service; also the catalog-wide `defaults`. */
const tunables: Record<string, JsonSchema> = {
  cpu: { type: 'integer', enum: [...FARGATE_CPU_UNITS], description: 'Task CPU units (Fargate sizes: 256 = 0.25 vCPU).' },
  memory: int('Task memory in MiB; must be valid for the CPU size.', 512, 122880),
  desiredCount: int('Tasks to run.', 0, 1000),
  autoscaling: obj('Target-tracking autoscaling bounds.', {
    min: int('Minimum tasks.', 0, 1000),
    max: int('Maximum tasks.', 1, 1000),
    cpuTarget: int('Target average CPU utilisation, percent.', 1, 100),
    memoryTarget: int('Target average memory utilisation, percent.', 1, 100),
  }),
  spot: bool('May run on Fargate Spot (interruptible, about 70% cheaper). Never for tier 1.'),
  schedule: { type: 'string', enum: ['always', 'business-hours'], description: 'When the service runs: always, or scaled to zero outside the environment\'s business hours.' },
  environment: map('Plain environment variables for the container.', { type: 'string' }),
  secrets: map('Environment variables filled from SSM Parameter Store or Secrets Manager: variable -> ARN (never a value).', str('An SSM parameter or Secrets Manager ARN', { pattern: SECRET_ARN_PATTERN })),
}

const healthCheck = obj('How health-gate and the load balancer decide the service is healthy.', {
  path: str('HTTP path that answers when the service is healthy.', { pattern: '^/' }),
  expectedStatus: int('HTTP status a healthy service answers.', 100, 599),
  healthyThreshold: int('Consecutive good answers required.', 1, 100),
  timeoutSeconds: int('Per-request timeout.', 1, 120),
  intervalSeconds: int('Seconds between checks.', 1, 300),
  gracePeriodSeconds: int('Seconds after start-up before health counts.', 0, 7200),
  url: str('Absolute URL to check instead of the environment URL plus path.'),
})

const service: JsonSchema = obj(
  'A deployable service, a piece of infrastructure, or a shared library.',
  {
    kind: { type: 'string', enum: ['service', 'infrastructure', 'library'], default: 'service', description: 'service: built and deployed to ECS. infrastructure: provisioned by Terraform, ordered like a service, never built or deployed. library: shared code, never deployed; a change affects its dependents.' },
    description: str('What the service does.'),
    owner: str('The owning team.'),
    // Not a pattern: the loader normalises the path (./auth, auth/ are auth) and refuses what it cannot (repo-path.ts).
    path: str('Directory of its code, relative to the repository root (./auth and auth/ are read as auth; no . or .. segments, not absolute).'),
    tier: int('Deploy tier: lower tiers deploy first.', 1, 9),
    dependsOn: list('Services, infrastructure or libraries this one needs (names or aliases).'),
    aliases: list('Short names accepted wherever a service is named (auth for indigenious-auth-service).', { type: 'string', pattern: SERVICE_NAME_PATTERN }),
    disabled: bool('Never selected, built or deployed.', false),
    container: obj('The container in the task definition that runs this service.', {
      name: str('Container name (defaults to the service name).'),
      port: int('Port the container listens on.', 1, 65535),
    }),
    healthCheck,
    ...tunables,
    gpu: int('GPUs per task. Fargate has none: needs capacity ec2-gpu.', 0, 8),
    capacity: { type: 'string', enum: ['fargate', 'ec2-gpu'], description: 'Where tasks run.', default: 'fargate' },
    build: obj('How build-push builds the image.', {
      dockerfile: str('Dockerfile, relative to the repository root (defaults to PATH/Dockerfile).'),
      context: str('Build context, relative to the repository root (defaults to the service path; . is the root).'),
      template: { type: 'string', enum: ['node', 'python'], description: 'Use a bundled multi-stage Dockerfile when the service has none.' },
      args: map('Build arguments.', { type: 'string' }),
    }),
    watch: list('Extra globs whose changes affect this service (repository-relative).'),
    ignore: list('Globs under the service path whose changes do not affect it (e.g. **/*.md).'),
    routing: obj('How the load balancer reaches the service.', {
      public: bool('Reachable through the public ALB.'),
      pathPatterns: list('ALB path patterns routed to it, e.g. /auth/*.', { type: 'string', pattern: '^/' }),
      priority: int('Listener rule priority.', 1, 50000),
    }),
    alarms: list('CloudWatch alarm names that must not be in ALARM after a deploy (defaults: alarms named after the service).'),
    deployVia: { type: 'string', enum: ['ecs', 'cloudformation'], default: 'ecs', description: 'ecs: tierdeploy updates the ECS service. cloudformation: it updates the stack that owns the service.' },
    cloudformation: obj('The stack that owns a deployVia: cloudformation service.', {
      stack: str('Stack name.', { minLength: 1 }),
      imageParameter: str('Stack parameter that carries the image.', { minLength: 1 }),
    }, ['stack', 'imageParameter']),
    ecr: obj('The image repository.', {
      repository: str('ECR repository name (defaults to PLATFORM/SERVICE).'),
      create: bool('build-push may create the repository when missing.'),
    }),
  },
)

const tier: JsonSchema = obj('A deploy tier.', {
  id: int('Tier number; lower tiers deploy first.', 1, 9),
  name: str('Short name, e.g. core.', { minLength: 1 }),
  description: str('What the tier holds.'),
  optional: bool('Services of this tier deploy only in environments that enable them (optionalServices).', false),
}, ['id', 'name'])

export const catalogSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/tierdeploy/tierdeploy/catalog/schema.json',
  title: 'tierdeploy service catalog (catalog/services.yaml)',
  type: 'object',
  additionalProperties: false,
  required: ['tiers', 'services'],
  properties: {
    version: { type: 'integer', enum: [1], description: 'Catalog format version.' },
    platform: str('Platform name, used in resource names.', { pattern: SERVICE_NAME_PATTERN }),
    description: str('What the platform is.'),
    tiers: { type: 'array', description: 'Deploy tiers, lowest first.', items: tier, minItems: 1 },
    globalPaths: list('Files or globs whose change affects every service.'),
    defaults: obj('Settings every service gets unless it sets its own.', {
      ...tunables,
      container: service.properties!.container!,
      healthCheck,
      build: service.properties!.build!,
      ignore: service.properties!.ignore!,
    }),
    services: { type: 'object', description: 'Services by name.', propertyNames: { type: 'string', pattern: SERVICE_NAME_PATTERN }, additionalProperties: service },
  },
}

const override: JsonSchema = obj('Per-service settings for this environment.', {
  ...tunables,
  enabled: bool('Enable (an optional-tier service) or disable the service in this environment.'),
  healthCheck,
})

export const environmentSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/tierdeploy/tierdeploy/catalog/environment.schema.json',
  title: 'tierdeploy environment (catalog/environments/ENV.yaml)',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'region'],
  properties: {
    name: str('Environment name; must match the file name.', { pattern: SERVICE_NAME_PATTERN }),
    description: str('What the environment is for.'),
    account: str('AWS account ID.', { pattern: '^\\d{12}$' }),
    region: str('AWS region.', { pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$' }),
    cluster: { ...reference, description: 'ECS cluster name or ARN.' },
    roleArn: { ...reference, description: 'IAM role that deploys, assumed with GitHub OIDC.' },
    buildRoleArn: str('IAM role of the jobs before the approval (Terraform plan, image builds): reads state, pushes images, changes nothing that runs. deploy.yml falls back to roleArn without it.', { pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+' }),
    requireApproval: bool('Deploys wait for a reviewer (a GitHub environment with required reviewers).', false),
    url: str('Base URL of the environment, for health checks and the GitHub deployment.'),
    branches: list('Git branches (globs) that deploy to this environment.'),
    tags: list('Git tag patterns (globs) that deploy to this environment.'),
    promotesFrom: str('Environment whose verified images this one receives (production from staging).'),
    optionalServices: list('Services of optional tiers enabled here (names, aliases, or * for all).'),
    defaults: obj('Settings for every service in this environment.', { ...tunables }),
    services: { type: 'object', description: 'Per-service overrides.', additionalProperties: override },
    network: obj('Where tasks run.', {
      vpcCidr: str('VPC CIDR block (Terraform).', { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$' }),
      natGateways: { type: 'string', enum: ['single', 'per-az'], description: 'One NAT gateway, or one per availability zone.' },
      subnets: list('Private subnet IDs for tasks.', reference),
      securityGroups: list('Security group IDs for tasks.', reference),
      assignPublicIp: bool('Give tasks public IPs (never in production).'),
    }),
    serviceConnectNamespace: { ...reference, description: 'Cloud Map namespace for Service Connect.' },
    logGroup: { ...reference, description: 'CloudWatch Logs group prefix.' },
    ssmPrefix: str('SSM Parameter Store prefix of this environment\'s configuration.', { pattern: '^/' }),
    businessHours: obj('When business-hours services run.', {
      timezone: str('IANA time zone, e.g. America/Toronto.'),
      start: str('Start, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
      end: str('End, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
      days: list('Days, mon..sun.', { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }),
    }),
    terraform: obj('The Terraform root of this environment and what to give it. Paths are relative to the repository (the catalog directory\'s parent).', {
      workingDirectory: str('Root module directory (default terraform/environments/ENV).', { minLength: 1 }),
      varFiles: list('-var-file files for plans, in order. The one named catalog.tfvars.json (or catalog.auto.tfvars.json) is where `tierdeploy terraform-vars` writes the catalog\'s values; without one, that is WORKING_DIRECTORY/catalog.auto.tfvars.json.'),
      backendConfig: list('-backend-config files (or key=value pairs) for terraform init: which state this environment uses.'),
      stateBucket: str('S3 bucket holding the state.'),
      stateKey: str('Key of this environment\'s state.'),
    }),
  },
}

/** The schema file written to catalog/schema.json: the catalog, with the environment schema under $defs. */
export function catalogSchemaDocument(): JsonSchema {
  return { ...catalogSchema, $defs: { environment: environmentSchema } }
}
