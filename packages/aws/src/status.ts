import { DescribeTaskDefinitionCommand, type TaskDefinition } from '@aws-sdk/client-ecs'
import { ConfigurationError, serviceSettings, type Catalog, type Environment } from '@tierdeploy/catalog'
import { mapWithConcurrency } from './ecs/concurrency.js'
import { rethrowConfigurationError } from './ecs/errors.js'
import { diffTaskDefinitions, registrationOf, renderTaskDefinition } from './ecs/render.js'
import { rolloutVerdict, taskDefinitionName } from './ecs/rollout.js'
import { TAG_COMMIT, TAG_DEPLOY_ID } from './ecs/tags.js'
import type { EcsEffects } from './ecs/types.js'
import { describeServices } from './ecs/wait.js'

/** What one service runs in an environment now, and where it came from (the tags every deploy writes). */
export interface ServiceStatus {
  service: string
  /** `family:revision` of the PRIMARY deployment; undefined when the service is not in the cluster. */
  taskDefinition?: string
  image?: string
  /** `sha256:…` of the image when it is pinned by digest. */
  digest?: string
  /** The commit the revision was deployed from (tag tierdeploy:commit); undefined for a revision another tool registered. */
  commit?: string
  deployId?: string
  /** When the PRIMARY deployment started (ms since the epoch). */
  deployedAt?: number
  rollout: 'done' | 'pending' | 'failed' | 'missing'
  rolloutDetail: string
  running: number
  desired: number
  /** What the next deploy would change from the catalog alone (diff lines, as `deploy --dry-run` prints them). */
  drift: string[]
}

/**
 * The status of services in one environment: read-only (DescribeServices in batches of 10, one DescribeTaskDefinition
 * with tags per service, 10 at a time). Drift is what rendering the catalog's settings over the running revision
 * changes: the settings a deploy would apply.
 */
export async function readEnvironmentStatus(catalog: Catalog, environment: Environment, services: string[], cluster: string, effects: EcsEffects): Promise<ServiceStatus[]> {
  const described = await describeServices(services, cluster, effects)
  if (described.error) throw new ConfigurationError(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`)
  const out = new Map<string, ServiceStatus>()
  for (const name of described.missing) out.set(name, { service: name, rollout: 'missing', rolloutDetail: `not in cluster ${cluster}`, running: 0, desired: 0, drift: [] })
  await mapWithConcurrency([...described.services.entries()], 10, async ([name, service]) => {
    const verdict = rolloutVerdict(service)
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
    const arn = primary?.taskDefinition ?? service.taskDefinition
    const status: ServiceStatus = {
      service: name,
      rollout: verdict.state,
      rolloutDetail: verdict.detail,
      running: service.runningCount ?? 0,
      desired: service.desiredCount ?? 0,
      ...(primary?.createdAt ? { deployedAt: new Date(primary.createdAt).getTime() } : {}),
      drift: [],
    }
    out.set(name, status)
    if (!arn) return
    status.taskDefinition = taskDefinitionName(arn)
    let taskDefinition: TaskDefinition | undefined
    let tags: Record<string, string>
    try {
      const answer = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }))
      taskDefinition = answer.taskDefinition
      tags = Object.fromEntries((answer.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']))
    } catch (e) {
      rethrowConfigurationError(e, { cluster, service: name })
      throw e
    }
    if (!taskDefinition) return
    const settings = serviceSettings(catalog, catalog.services.get(name)!, environment)
    const image = taskDefinition.containerDefinitions?.find((c) => c.name === settings.containerName)?.image
    if (image) {
      status.image = image
      const digest = /@(sha256:[a-f0-9]{64})$/.exec(image)?.[1]
      if (digest) status.digest = digest
      status.drift = diffTaskDefinitions(registrationOf(taskDefinition), renderTaskDefinition({ base: taskDefinition, running: taskDefinition, service: name, settings }))
    } else {
      status.drift = [`the task definition has no container '${settings.containerName}' (container.name in ${catalog.file})`]
    }
    if (tags[TAG_COMMIT]) status.commit = tags[TAG_COMMIT]
    if (tags[TAG_DEPLOY_ID]) status.deployId = tags[TAG_DEPLOY_ID]
  })
  return services.map((n) => out.get(n)!).filter(Boolean)
}

/** One service of a comparison: what each environment runs, when they differ. */
export interface StatusDifference {
  service: string
  /** The commit (else digest, else revision) in the environment compared, and in the other one. */
  here?: string
  there?: string
  reason: 'different image' | 'only here' | 'only there'
}

/**
 * Which services run different images in two environments (the promotion preview): compared by digest, the bytes,
 * so the same commit built twice still counts as different; each side named by its commit where the tags give one.
 */
export function compareStatus(here: ServiceStatus[], there: ServiceStatus[]): StatusDifference[] {
  const other = new Map(there.map((s) => [s.service, s]))
  const label = (s: ServiceStatus | undefined): string | undefined => s?.commit?.slice(0, 12) ?? s?.digest?.slice(0, 19) ?? s?.taskDefinition
  const out: StatusDifference[] = []
  for (const s of here) {
    const o = other.get(s.service)
    const hereRuns = s.rollout !== 'missing'
    const thereRuns = o !== undefined && o.rollout !== 'missing'
    if (hereRuns && !thereRuns) out.push({ service: s.service, ...(label(s) ? { here: label(s) } : {}), reason: 'only here' })
    else if (!hereRuns && thereRuns) out.push({ service: s.service, ...(label(o) ? { there: label(o) } : {}), reason: 'only there' })
    else if (hereRuns && thereRuns && (s.digest ?? s.image) !== (o!.digest ?? o!.image)) {
      out.push({ service: s.service, ...(label(s) ? { here: label(s) } : {}), ...(label(o) ? { there: label(o) } : {}), reason: 'different image' })
    }
  }
  return out
}

/** The status as a table: text for a terminal, or Markdown for a job summary or a pull-request comment. */
export function renderStatus(environment: string, statuses: ServiceStatus[], format: 'table' | 'markdown', now: number): string {
  const header = ['service', 'revision', 'commit', 'image', 'rollout', 'tasks', 'deployed', 'drift']
  const rows = statuses.map((s) => [
    s.service,
    s.taskDefinition ? `:${s.taskDefinition.split(':').at(-1)}` : '-',
    s.commit?.slice(0, 12) ?? '-',
    s.digest ? `${s.digest.slice(0, 19)}…` : (s.image ?? '-'),
    s.rollout === 'done' ? 'done' : `${s.rollout}${s.rolloutDetail ? ` (${s.rolloutDetail})` : ''}`,
    `${s.running}/${s.desired}`,
    s.deployedAt === undefined ? '-' : age(now - s.deployedAt),
    s.drift.length ? `${s.drift.length} setting(s)` : '-',
  ])
  if (format === 'markdown') {
    const cell = (c: string) => c.replace(/\|/g, '\\|')
    const lines = [`### ${environment}: ${statuses.length} service(s)`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)]
    const drifted = statuses.filter((s) => s.drift.length)
    if (drifted.length) lines.push('', '<details><summary>What the next deploy would change (catalog settings)</summary>', '', ...drifted.flatMap((s) => [`**${s.service}**`, '```diff', ...s.drift, '```']), '</details>')
    return `${lines.join('\n')}\n`
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  const drift = statuses.filter((s) => s.drift.length).flatMap((s) => [`${s.service} would change:`, ...s.drift.map((d) => `  ${d}`)])
  return [`${environment}: ${statuses.length} service(s)`, line(header), ...rows.map(line), ...(drift.length ? ['', ...drift] : [])].join('\n')
}

function age(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`
}

export function renderComparison(here: string, there: string, differences: StatusDifference[]): string {
  if (differences.length === 0) return `${here} and ${there} run the same images.`
  return [
    `${differences.length} service(s) differ between ${here} and ${there}:`,
    ...differences.map((d) => `  ${d.service}: ${d.reason === 'only here' ? `only in ${here} (${d.here ?? '?'})` : d.reason === 'only there' ? `only in ${there} (${d.there ?? '?'})` : `${here} ${d.here ?? '?'}, ${there} ${d.there ?? '?'}`}`),
  ].join('\n')
}

/** The JSON of a status (`tierdeploy status --format json`, the status action's `status` output): one shape for both. */
export interface StatusReport {
  environment: string
  services: ServiceStatus[]
  compare?: string
  differences?: StatusDifference[]
}

export function statusReport(environment: string, services: ServiceStatus[], compared?: { environment: string; services: ServiceStatus[] }): StatusReport {
  return { environment, services, ...(compared ? { compare: compared.environment, differences: compareStatus(services, compared.services) } : {}) }
}

const ROLLOUTS: readonly string[] = ['done', 'pending', 'failed', 'missing']

/**
 * A status report another step (or `tierdeploy status --format json`) wrote, checked before use: comparing against
 * a malformed one would call every service different (or none).
 */
export function parseStatusReport(value: unknown, where: string): { environment: string; services: ServiceStatus[] } {
  const bad = (what: string) => new ConfigurationError(`${where}: ${what}; give the status output of another status step (or tierdeploy status --format json)`)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('expected a JSON object {"environment", "services": [...]}')
  const { environment, services } = value as { environment?: unknown; services?: unknown }
  if (typeof environment !== 'string' || !environment) throw bad('"environment" must be the name of the environment it describes')
  if (!Array.isArray(services)) throw bad('"services" must be an array')
  services.forEach((s: unknown, i) => {
    const item = s as Partial<ServiceStatus> | null
    if (typeof item !== 'object' || item === null || typeof item.service !== 'string' || !ROLLOUTS.includes(item.rollout as string)) {
      throw bad(`services[${i}] must have a "service" name and a "rollout" of ${ROLLOUTS.join(', ')}`)
    }
    for (const key of ['digest', 'image', 'commit', 'taskDefinition'] as const) {
      if (item[key] !== undefined && typeof item[key] !== 'string') throw bad(`services[${i}].${key} must be a string`)
    }
  })
  return { environment, services: services as ServiceStatus[] }
}
