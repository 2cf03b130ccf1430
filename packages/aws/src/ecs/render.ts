import type { ContainerDefinition, KeyValuePair, RegisterTaskDefinitionCommandInput, Secret, TaskDefinition } from '@aws-sdk/client-ecs'
import { canonicalJson, ConfigurationError, type ServiceSettings } from '@tierdeploy/catalog'
import { taskDefinitionFamily } from './rollout.js'

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not accept. */
export const READ_ONLY_TASK_DEFINITION_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const

export { IMAGE_DIGEST_PATTERN, isDigestImage } from './parse-inputs.js'

/** The registration input that reproduces a described task definition: read-only and empty fields removed. */
export function registrationOf(taskDefinition: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const copy = structuredClone(taskDefinition) as Record<string, unknown>
  for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) delete copy[field]
  return pruneEmpty(copy) as unknown as RegisterTaskDefinitionCommandInput
}

/**
 * Variables and secrets the environment roots add to the catalog's (terraform/platform/main.tf: the SSM
 * prefix, and the data-store credentials of a service that depends on the database or the cache). The catalog does not
 * know their values, so a deploy takes them from the base revision Terraform registered; every other name of the
 * service container belongs to the catalog. A test checks this list against the roots.
 */
export const TERRAFORM_VARIABLES = { environment: ['DATABASE_USER', 'DOCUMENTS_BUCKET', 'REDIS_USER', 'SSM_PREFIX'], secrets: [] as string[] } as const

/** What the catalog decides in a service's task definition (from serviceSettings()). */
export type CatalogTaskSettings = Pick<ServiceSettings, 'containerName' | 'cpu' | 'memory' | 'port' | 'environment' | 'secrets'>

export interface RenderRequest {
  /**
   * The revision to build on: the family's latest ACTIVE one (DescribeTaskDefinition with the family alone), so that
   * a revision Terraform registered after the last deploy (roles, logging, sidecars) reaches the tasks.
   */
  base: TaskDefinition
  /** The revision the service runs now: its service container's image is kept when no new one is given. */
  running: TaskDefinition
  service: string
  /** New image; undefined keeps the running one (the base may be Terraform's, which carries a bootstrap image). */
  image?: string
  settings: CatalogTaskSettings
}

/**
 * The task definition to register: the base with the catalog's settings rendered over it, authoritatively, so that a
 * setting removed from the catalog is removed from the tasks:
 * - task `cpu` and `memory`;
 * - the service container's environment and secret references: exactly the catalog's, plus TERRAFORM_VARIABLES as the
 *   base has them (names kept in the base's order, new ones appended by name);
 * - the service container's port (see renderPort);
 * - the service container's image (see RenderRequest.image).
 * Everything else (sidecars, roles, logging, volumes, runtime platform) comes from the base unchanged. The catalog's
 * health check is the load balancer's (path, status, thresholds): nothing of it belongs in the task definition.
 */
export function renderTaskDefinition(request: RenderRequest): RegisterTaskDefinitionCommandInput {
  const { settings } = request
  const next = registrationOf(request.base)
  const containers = next.containerDefinitions ?? []
  const container = containers.find((c) => c.name === settings.containerName)
  if (!container) {
    const names = containers.map((c) => c.name).join(', ')
    throw new ConfigurationError(
      `${request.service}: task definition ${request.base.taskDefinitionArn ?? request.base.family} has no container '${settings.containerName}' (it has ${names || 'none'}); set container.name of ${request.service} in the catalog to the container that runs the service`,
    )
  }
  const image = request.image ?? request.running.containerDefinitions?.find((c) => c.name === settings.containerName)?.image
  if (image === undefined) {
    throw new ConfigurationError(
      `${request.service}: no image given, and the running task definition ${request.running.taskDefinitionArn ?? request.running.family} has no container '${settings.containerName}' to keep the image of; give ${request.service} an image to deploy`,
    )
  }
  container.image = image
  next.cpu = String(settings.cpu)
  next.memory = String(settings.memory)
  const environment = ownedPairs(container.environment ?? [], settings.environment, TERRAFORM_VARIABLES.environment, (name, value): KeyValuePair => ({ name, value }), (p) => p.value)
  const secrets = ownedPairs(container.secrets ?? [], settings.secrets, TERRAFORM_VARIABLES.secrets, (name, valueFrom): Secret => ({ name, valueFrom }), (p) => p.valueFrom)
  setOrDelete(container, 'environment', environment)
  setOrDelete(container, 'secrets', secrets)
  renderPort(container, settings.port)
  return next
}

function setOrDelete(container: ContainerDefinition, key: 'environment' | 'secrets', list: unknown[]): void {
  if (list.length) (container as Record<string, unknown>)[key] = list
  else delete (container as Record<string, unknown>)[key]
}

/**
 * The catalog's pairs plus the base's Terraform-owned ones, and nothing else. Names the base has keep their place (so
 * an unchanged catalog renders an identical list, and no revision is registered for a new order); new ones are
 * appended in name order. The catalog wins where it sets a Terraform-owned name too, as the roots' merge() does.
 */
function ownedPairs<T extends { name?: string }>(base: T[], catalog: Record<string, string>, terraform: readonly string[], make: (name: string, value: string) => T, valueOf: (p: T) => string | undefined): T[] {
  const out: T[] = []
  for (const p of base) {
    if (p.name === undefined) continue
    if (p.name in catalog) out.push(valueOf(p) === catalog[p.name] ? p : make(p.name, catalog[p.name]!))
    else if (terraform.includes(p.name)) out.push(p)
  }
  const have = new Set(base.map((p) => p.name))
  for (const name of Object.keys(catalog).sort()) if (!have.has(name)) out.push(make(name, catalog[name]!))
  return out
}

/**
 * Sets the catalog's port on the service container's mapping named `http` (as the ecs-service module names it) or
 * its first one, and adds an `http` mapping when the container has none. A catalog without a port leaves the mappings
 * as the base has them: the service's load balancer and Service Connect name the port, and ECS refuses to run the
 * service on a revision without it, so removing a port is Terraform's change (the service's configuration and a
 * revision without the mapping), which reaches the tasks through the base.
 */
function renderPort(container: ContainerDefinition, port: number | undefined): void {
  if (port === undefined) return
  const mappings = container.portMappings ?? []
  const mapping = mappings.find((m) => m.name === 'http') ?? mappings[0]
  if (!mapping) {
    container.portMappings = [{ name: 'http', containerPort: port, protocol: 'tcp', appProtocol: 'http' }]
    return
  }
  // awsvpc tasks repeat the container port as the host port; a bridge-mode dynamic host port (0) stays.
  if (mapping.hostPort !== undefined && mapping.hostPort === mapping.containerPort) mapping.hostPort = port
  mapping.containerPort = port
}

/** Whether two registrations would produce the same task definition (key order and empty lists aside). */
export function sameRegistration(a: RegisterTaskDefinitionCommandInput, b: RegisterTaskDefinitionCommandInput): boolean {
  return canonicalJson(withoutTags(a)) === canonicalJson(withoutTags(b))
}

function withoutTags(r: RegisterTaskDefinitionCommandInput): unknown {
  const { tags: _tags, ...rest } = r
  return pruneEmpty(rest)
}

/**
 * What registering `next` would change compared with `current`, one line per leaf: `~ path: old -> new`,
 * `+ path: value`, `- path: value`. Containers, environment variables and secrets are keyed by name.
 */
export function diffTaskDefinitions(current: RegisterTaskDefinitionCommandInput, next: RegisterTaskDefinitionCommandInput): string[] {
  const before = flatten(withoutTags(current))
  const after = flatten(withoutTags(next))
  const lines: string[] = []
  for (const [path, value] of after) {
    const old = before.get(path)
    if (old === undefined) lines.push(`+ ${path}: ${value}`)
    else if (old !== value) lines.push(`~ ${path}: ${old} -> ${value}`)
  }
  for (const [path, value] of before) if (!after.has(path)) lines.push(`- ${path}: ${value}`)
  return lines
}

function flatten(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    const named = value.every((v) => v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
    value.forEach((v, i) => flatten(v, named ? `${path}[${(v as { name: string }).name}]` : `${path}[${i}]`, out))
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out)
  } else out.set(path, JSON.stringify(value))
  return out
}

function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty)
  if (value instanceof Date) return value
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue
      const pruned = pruneEmpty(v)
      if (Array.isArray(pruned) && pruned.length === 0) continue
      if (pruned && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue
      out[k] = pruned
    }
    return out
  }
  return value
}


/** Which revision a deploy renders on: `latest` (the family's latest ACTIVE one), or the `running` one and why. */
export interface BaseChoice {
  base: TaskDefinition
  running: TaskDefinition
  /** The family's latest ACTIVE revision, when there is one. */
  latest?: TaskDefinition
  /** same: the service runs the latest; newer: it runs a revision newer than the latest ACTIVE one; container: the latest lacks the catalog's container and the running one has it. */
  chose: 'same' | 'latest' | 'newer' | 'container'
}

/**
 * The revision a deploy renders on and the one the service runs, by one rule for the deploy and its preflight: the
 * family's latest ACTIVE revision (it carries what Terraform changed), unless the service runs a newer one, or the
 * latest lacks the catalog's container while the running one has it. `describe` reads a task definition (an ARN,
 * family:revision or family); with `missingIsUndefined`, a family with no ACTIVE revision is undefined.
 */
export async function chooseBaseRevision(previous: string, containerName: string, describe: (ref: string, missingIsUndefined: boolean) => Promise<TaskDefinition | undefined>): Promise<BaseChoice> {
  const latest = await describe(taskDefinitionFamily(previous), true)
  if (latest?.taskDefinitionArn === previous) return { base: latest, running: latest, latest, chose: 'same' }
  const running = await describe(previous, false)
  if (!running) throw new Error(`DescribeTaskDefinition returned nothing for ${previous}`)
  if (!latest || (latest.revision ?? 0) < (running.revision ?? 0)) return { base: running, running, ...(latest ? { latest } : {}), chose: 'newer' }
  const has = (td: TaskDefinition): boolean => Boolean(td.containerDefinitions?.some((c) => c.name === containerName))
  if (!has(latest) && has(running)) return { base: running, running, latest, chose: 'container' }
  return { base: latest, running, latest, chose: 'latest' }
}
