import { describe, expect, it } from 'vitest'
import { DEFAULT_PROTECTED_TYPES, guardedChanges } from './guard.js'
import { splitOutputs } from './outputs.js'
import { renderPlanSummary, summarizePlan, type PlanJson, type ResourceChange } from './plan.js'
import { parseLockInfo, parseTextDiagnostics, terraformFailure } from './diagnostics.js'

const rc = (address: string, actions: string[], mode: 'managed' | 'data' = 'managed'): ResourceChange => ({
  address,
  mode,
  type: address.replace(/^(module\.[^.]+\.)*/, '').split('.')[0]!,
  name: 'x',
  change: { actions },
})

const plan: PlanJson = {
  resource_changes: [
    rc('aws_ecs_service.auth', ['update']),
    rc('module.database.aws_rds_cluster.this', ['delete', 'create']),
    rc('module.cache.aws_elasticache_replication_group.this', ['create', 'delete']),
    rc('aws_s3_bucket.logs["eu"]', ['delete']),
    rc('aws_security_group.alb', ['create']),
    rc('data.aws_caller_identity.current', ['read'], 'data'),
    rc('aws_ecr_repository.auth', ['no-op']),
  ],
  output_changes: { vpc_id: { actions: ['no-op'] }, alb_dns: { actions: ['update'] } },
}

describe('summarizePlan', () => {
  it('counts each resource once, treating both delete/create orders as a replace', () => {
    const s = summarizePlan(plan)
    expect(s.changes).toBe(true)
    expect(s.counts).toMatchObject({ create: 1, update: 1, replace: 2, delete: 1, read: 1 })
    expect(s.addresses.replace).toEqual(['module.database.aws_rds_cluster.this', 'module.cache.aws_elasticache_replication_group.this'])
    expect(s.outputsChanged).toEqual(['alb_dns'])
  })

  it('sees no changes in a plan of no-ops and reads', () => {
    const s = summarizePlan({ resource_changes: [rc('a.b', ['no-op']), rc('data.c.d', ['read'], 'data')] })
    expect(s.changes).toBe(false)
    expect(renderPlanSummary(s, 'dev')).toContain('No changes')
  })

  it('counts a moved-only plan as a change, as Terraform\'s applyable says', () => {
    const moved: ResourceChange = { ...rc('aws_lb_target_group.service["auth"]', ['no-op']), previous_address: 'aws_lb_target_group.auth' }
    const s = summarizePlan({ resource_changes: [moved, rc('a.b', ['no-op'])], applyable: true })
    expect(s.changes).toBe(true)
    expect(s.addresses.move).toEqual(['aws_lb_target_group.service["auth"]'])
    expect(renderPlanSummary(s, 'dev')).toContain('| move | 1 |')
  })

  it('renders a table row per action that occurs', () => {
    const md = renderPlanSummary(summarizePlan(plan), 'terraform plan for dev')
    expect(md).toContain('| replace | 2 | `module.database.aws_rds_cluster.this`<br>`module.cache.aws_elasticache_replication_group.this` |')
    expect(md).not.toContain('| forget |')
    expect(md).toContain('| output | 1 | `alb_dns` |')
  })
})

describe('guardedChanges', () => {
  it('names every delete and replace of a protected type', () => {
    const found = guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: [] })
    expect(found.map((g) => `${g.action} ${g.address}`)).toEqual([
      'replace module.database.aws_rds_cluster.this',
      'replace module.cache.aws_elasticache_replication_group.this',
      'delete aws_s3_bucket.logs["eu"]',
    ])
  })

  it('lets allow-destroy cover an address, an address without its key, a module, or a type', () => {
    const allow = (list: string[]) => guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: list }).map((g) => g.address)
    expect(allow(['module.database.aws_rds_cluster.this'])).not.toContain('module.database.aws_rds_cluster.this')
    expect(allow(['aws_s3_bucket.logs'])).not.toContain('aws_s3_bucket.logs["eu"]')
    expect(allow(['module.cache'])).not.toContain('module.cache.aws_elasticache_replication_group.this')
    expect(allow(['aws_rds_cluster', 'aws_elasticache_replication_group', 'aws_s3_bucket'])).toEqual([])
    expect(allow(['module.data'])).toHaveLength(3)
  })

  it('lets a module path cover every instance of a module called with for_each, and nothing that only shares its prefix', () => {
    const p: PlanJson = { resource_changes: [rc('module.service["auth"].aws_ecr_repository.this', ['delete']), rc('module.services.aws_ecr_repository.this', ['delete'])] }
    const left = (list: string[]) => guardedChanges(p, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: list }).map((g) => g.address)
    expect(left(['module.service'])).toEqual(['module.services.aws_ecr_repository.this'])
    expect(left(['module.service["auth"]'])).toEqual(['module.services.aws_ecr_repository.this'])
    expect(left([])).toHaveLength(2)
  })

  it('guards only the configured types', () => {
    expect(guardedChanges(plan, { protectedTypes: ['aws_s3_bucket'], allowDestroy: [] }).map((g) => g.type)).toEqual(['aws_s3_bucket'])
  })
})

describe('splitOutputs', () => {
  it('omits sensitive outputs and returns every string in them for masking', () => {
    const s = splitOutputs({
      url: { sensitive: false, value: 'https://x' },
      db: { sensitive: true, value: { user: 'admin', password: 'hunter22', port: 5432 } },
    })
    expect(s.values).toEqual({ url: 'https://x' })
    expect(s.sensitive).toEqual(['db'])
    expect(s.secrets).toEqual(expect.arrayContaining(['admin', 'hunter22', '5432', JSON.stringify({ user: 'admin', password: 'hunter22', port: 5432 })]))
  })
})

describe('diagnostics', () => {
  const detail = 'Error message: ConditionalCheckFailed\nLock Info:\n  ID:        abc-123\n  Path:      bucket/dev/terraform.tfstate\n  Operation: OperationTypePlan\n  Who:       runner@fv-az1\n  Version:   1.11.4\n  Created:   2026-11-22 03:01:41 +0000 UTC\n  Info:      \n\n\nTerraform acquires a state lock...'

  it('reads who holds a lock and since when', () => {
    expect(parseLockInfo(detail)).toEqual({ id: 'abc-123', path: 'bucket/dev/terraform.tfstate', operation: 'OperationTypePlan', who: 'runner@fv-az1', version: '1.11.4', created: '2026-11-22 03:01:41 +0000 UTC' })
  })

  it('falls back to the text diagnostics on stderr, with file and line', () => {
    const stderr = '\u001b[31m╷\u001b[0m\n│ Error: Unsupported argument\n│\n│   on main.tf line 7, in resource "x" "y":\n│    7:   nope = 1\n│\n│ An argument named "nope" is not expected here.\n╵\n'
    const found = parseTextDiagnostics(stderr)
    expect(found).toMatchObject([{ severity: 'error', summary: 'Unsupported argument', range: { filename: 'main.tf', start: { line: 7 } } }])
    const error = terraformFailure([], { command: 'plan', workingDirectory: 'terraform/environments/dev', exitCode: 1, stderr })
    expect(error.message).toContain('terraform/environments/dev/main.tf:7:1: Unsupported argument')
  })

  it('resolves module paths in diagnostics relative to the repository', () => {
    const error = terraformFailure(
      [{ severity: 'error', summary: 'Bad', detail: '', range: { filename: '../../modules/alb/main.tf', start: { line: 3, column: 2 } } }],
      { command: 'validate', workingDirectory: 'terraform/environments/dev', exitCode: 1, stderr: '' },
    )
    expect(error.problems[0]).toMatchObject({ file: 'terraform/modules/alb/main.tf', line: 3, column: 2 })
  })
})
