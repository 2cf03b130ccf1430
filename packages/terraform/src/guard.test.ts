import { describe, expect, it } from 'vitest'
import { DEFAULT_PROTECTED_TYPES, guardedChanges } from './guard.js'
import type { PlanJson, ResourceChange } from './plan.js'

const change = (type: string, actions: string[]): ResourceChange => ({ address: `module.data.${type}.this`, mode: 'managed', type, name: 'this', change: { actions } })

describe('DEFAULT_PROTECTED_TYPES', () => {
  it('guards every resource type whose deletion loses data or makes encrypted data unreadable', () => {
    expect([...DEFAULT_PROTECTED_TYPES].sort()).toEqual([
      'aws_backup_vault',
      'aws_cloudwatch_log_group',
      'aws_db_instance',
      'aws_dynamodb_table',
      'aws_ebs_volume',
      'aws_ecr_repository',
      'aws_efs_file_system',
      'aws_elasticache_cluster',
      'aws_elasticache_replication_group',
      'aws_kms_key',
      'aws_rds_cluster',
      'aws_s3_bucket',
      'aws_secretsmanager_secret',
    ])
  })

  it('refuses deleting a secret, a KMS key, a log group, an EBS volume or a backup vault by default', () => {
    const types = ['aws_secretsmanager_secret', 'aws_kms_key', 'aws_cloudwatch_log_group', 'aws_ebs_volume', 'aws_backup_vault']
    const plan: PlanJson = { resource_changes: types.map((t) => change(t, ['delete'])) }
    expect(guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: [] }).map((g) => `${g.action} ${g.type}`)).toEqual(types.map((t) => `delete ${t}`))
  })

  it('leaves resources that hold no data alone, even when replaced', () => {
    const plan: PlanJson = {
      resource_changes: ['aws_kms_alias', 'aws_secretsmanager_secret_version', 'aws_lb_target_group', 'aws_iam_role', 'aws_security_group'].map((t) => change(t, ['delete', 'create'])),
    }
    expect(guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: [] })).toEqual([])
  })

  it("lets allow-destroy name a secret that is meant to go (the cache module's retired AUTH token)", () => {
    const plan: PlanJson = { resource_changes: [{ ...change('aws_secretsmanager_secret', ['delete']), address: 'module.cache.aws_secretsmanager_secret.auth' }] }
    expect(guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: [] })).toHaveLength(1)
    expect(guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: ['module.cache.aws_secretsmanager_secret.auth'] })).toEqual([])
  })
})
