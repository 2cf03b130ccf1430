import { ConfigurationError } from '@tierdeploy/catalog'
import type { PlanJson, ResourceChange } from './plan.js'

/**
 * Resource types whose deletion or replacement loses data: databases, caches, buckets, tables, file systems, volumes,
 * image repositories, secrets, logs, backups, and the KMS keys without which encrypted data cannot be read. A plan
 * that deletes or replaces one fails unless allow-destroy names it.
 */
export const DEFAULT_PROTECTED_TYPES = [
  'aws_rds_cluster',
  'aws_db_instance',
  'aws_elasticache_replication_group',
  'aws_elasticache_cluster',
  'aws_s3_bucket',
  'aws_dynamodb_table',
  'aws_efs_file_system',
  'aws_ebs_volume',
  'aws_ecr_repository',
  // A deleted secret's value is gone after its recovery window; a replaced one gets a new ARN its readers do not know.
  'aws_secretsmanager_secret',
  // Deleting a key (after its waiting period) makes everything encrypted with it unreadable: volumes, snapshots, logs.
  'aws_kms_key',
  'aws_cloudwatch_log_group',
  'aws_backup_vault',
] as const

export interface GuardOptions {
  protectedTypes: readonly string[]
  /** Resource addresses, addresses without an instance key, module paths, or resource types. */
  allowDestroy: readonly string[]
}

export interface GuardedChange {
  address: string
  type: string
  action: 'delete' | 'replace'
}

/** Strips the trailing instance key: `aws_s3_bucket.logs["eu"]` -> `aws_s3_bucket.logs`. */
function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '')
}

export function isAllowed(rc: Pick<ResourceChange, 'address' | 'type'>, allow: readonly string[]): boolean {
  // A module path covers its resources, and a module called with count/for_each covers every instance of it
  // (`module.service` covers `module.service["auth"].aws_ecr_repository.this`).
  return allow.some(
    (a) => a === rc.type || a === rc.address || a === withoutIndex(rc.address) || (a.startsWith('module.') && (rc.address.startsWith(`${a}.`) || rc.address.startsWith(`${a}[`))),
  )
}

/** Deletes and replaces of protected types that allow-destroy does not cover. */
export function guardedChanges(plan: PlanJson, options: GuardOptions): GuardedChange[] {
  const found: GuardedChange[] = []
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || !rc.change.actions.includes('delete')) continue
    if (!options.protectedTypes.includes(rc.type) || isAllowed(rc, options.allowDestroy)) continue
    found.push({ address: rc.address, type: rc.type, action: rc.change.actions.includes('create') ? 'replace' : 'delete' })
  }
  return found
}

/** Fails, naming every address, when the plan would delete or replace a protected resource. */
export function assertNoGuardedChanges(plan: PlanJson, options: GuardOptions, allowInput = 'allow-destroy'): void {
  const found = guardedChanges(plan, options)
  if (!found.length) return
  const list = found.map((g) => `  ${g.action} ${g.address}`).join('\n')
  throw new ConfigurationError(
    `the plan would ${found.some((g) => g.action === 'delete') ? 'destroy' : 'replace'} ${found.length} protected resource${found.length === 1 ? '' : 's'} (data would be lost):\n${list}\n` +
      `If this is intended, list each address (or its type) in '${allowInput}' and run again; otherwise change the configuration so these resources are kept.`,
  )
}
