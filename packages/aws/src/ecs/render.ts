import type { ContainerDefinition, KeyValuePair, RegisterTaskDefinitionCommandInput, Secret, TaskDefinition } from '@aws-sdk/client-ecs'
import { canonicalJson, ConfigurationError } from '@tierdeploy/catalog'

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

/** An image pinned by digest, as build-push outputs it: `repository@sha256:<64 hex>` (a tag may precede the digest). */
export const IMAGE_DIGEST_PATTERN = /^[a-z0-9]+(?:[._\-/:][a-z0-9]+)*(?::[\w][\w.-]{0,127})?@sha256:[a-f0-9]{64}$/

export function isDigestImage(image: string): boolean {
  return IMAGE_DIGEST_PATTERN.test(image)
}

/** The registration input that reproduces a described task definition: read-only and empty fields removed. */
export function registrationOf(taskDefinition: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const copy = structuredClone(taskDefinition) as Record<string, unknown>
  for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) delete copy[field]
  return pruneEmpty(copy) as unknown as RegisterTaskDefinitionCommandInput
}

export interface RenderRequest {
  /** The task definition the service runs now (from DescribeTaskDefinition). */
  current: TaskDefinition
  service: string
  /** The service's container in the task definition (serviceSettings().containerName). */
  containerName: string
  /** New image; undefined keeps the current one. */
  image?: string
  /** Variables set on the container (others it already has are kept). */
  environment: Record<string, string>
  /** Variable -> SSM parameter or Secrets Manager ARN (never a value). */
  secrets: Record<string, string>
}

/**
 * The task definition to register: the current one with the service container's image replaced and the catalog's
 * environment and secret references applied; sidecars, roles, sizes, logging and everything else kept as they are.
 */
export function renderTaskDefinition(request: RenderRequest): RegisterTaskDefinitionCommandInput {
  const next = registrationOf(request.current)
  const containers = next.containerDefinitions ?? []
  const container = containers.find((c) => c.name === request.containerName)
  if (!container) {
    const names = containers.map((c) => c.name).join(', ')
    throw new ConfigurationError(
      `${request.service}: task definition ${request.current.taskDefinitionArn ?? request.current.family} has no container '${request.containerName}' (it has ${names || 'none'}); set container.name of ${request.service} in the catalog to the container that runs the service`,
    )
  }
  if (request.image !== undefined) container.image = request.image
  const environment = applyPairs(container.environment ?? [], request.environment, (name, value): KeyValuePair => ({ name, value }), (p) => p.value)
  const secrets = applyPairs(container.secrets ?? [], request.secrets, (name, valueFrom): Secret => ({ name, valueFrom }), (p) => p.valueFrom)
  setOrDelete(container, 'environment', environment)
  setOrDelete(container, 'secrets', secrets)
  return next
}

function setOrDelete(container: ContainerDefinition, key: 'environment' | 'secrets', list: unknown[]): void {
  if (list.length) (container as Record<string, unknown>)[key] = list
  else delete (container as Record<string, unknown>)[key]
}

/** Sets each wanted name, in place where the container already has it, appended (in name order) where not. */
function applyPairs<T extends { name?: string }>(existing: T[], wanted: Record<string, string>, make: (name: string, value: string) => T, valueOf: (p: T) => string | undefined): T[] {
  const out = existing.map((p) => (p.name !== undefined && p.name in wanted && valueOf(p) !== wanted[p.name] ? make(p.name, wanted[p.name]!) : p))
  const have = new Set(existing.map((p) => p.name))
  for (const name of Object.keys(wanted).sort()) if (!have.has(name)) out.push(make(name, wanted[name]!))
  return out
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

