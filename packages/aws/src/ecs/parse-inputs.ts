// What actions read from their inputs about ECS (rollback versions, deploy results, image references), apart from
// the code that calls ECS: an action checks its inputs before it loads the SDK (`@tierdeploy/aws/inputs`).
import { ConfigurationError } from '@tierdeploy/catalog'
import { ECS_SERVICE_STATUSES, type EcsServiceResult } from './types.js'

/** An image pinned by digest, as build-push outputs it: `repository@sha256:<64 hex>` (a tag may precede the digest). */
export const IMAGE_DIGEST_PATTERN = /^[a-z0-9]+(?:[._\-/:][a-z0-9]+)*(?::[\w][\w.-]{0,127})?@sha256:[a-f0-9]{64}$/

export function isDigestImage(image: string): boolean {
  return IMAGE_DIGEST_PATTERN.test(image)
}

/** What `--version` / `rollback-version` asks for. */
export type RollbackVersion = { kind: 'previous' } | { kind: 'revision'; revision: number } | { kind: 'commit'; sha: string }

export function parseRollbackVersion(value: string, where = 'rollback-version'): RollbackVersion {
  const v = value.trim()
  if (v === '' || v === 'previous') return { kind: 'previous' }
  // Revisions rarely reach a million; seven or more characters are a commit SHA even when all digits.
  if (/^\d{1,6}$/.test(v) && Number(v) > 0) return { kind: 'revision', revision: Number(v) }
  if (/^[0-9a-f]{7,40}$/i.test(v)) return { kind: 'commit', sha: v.toLowerCase() }
  throw new ConfigurationError(`${where} must be 'previous', a task-definition revision number (e.g. 42, up to 6 digits) or a commit SHA (7 to 40 hex characters), got '${value}'`)
}

/**
 * Checks a deploy result (ecs-deploy's `result` output, or the file its `result-file` wrote) given to an input;
 * `where` names the input (and file) in the message, e.g. "input 'deploy-result-file' (results/tier-1.json)".
 */
export function parseDeployResult(value: unknown, where: string): EcsServiceResult[] {
  const shape = `a JSON array of {"service","status","previousTaskDefinition","taskDefinition"} (ecs-deploy's result output)`
  if (!Array.isArray(value)) throw new ConfigurationError(`${where} must be ${shape}`)
  const seen = new Set<string>()
  value.forEach((entry, i) => {
    const e = entry as Record<string, unknown> | null
    if (!e || typeof e !== 'object' || typeof e.service !== 'string' || typeof e.status !== 'string') throw new ConfigurationError(`${where}[${i}] must have string service and status: ${shape}`)
    if (!(ECS_SERVICE_STATUSES as readonly string[]).includes(e.status)) throw new ConfigurationError(`${where}[${i}].status must be one of ${ECS_SERVICE_STATUSES.join(', ')}, got '${e.status}'`)
    for (const k of ['previousTaskDefinition', 'taskDefinition', 'reason'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw new ConfigurationError(`${where}[${i}].${k} must be a string`)
    }
    if (seen.has(e.service)) throw new ConfigurationError(`${where} lists ${e.service} twice: give one deploy's result`)
    seen.add(e.service)
  })
  return value as EcsServiceResult[]
}
