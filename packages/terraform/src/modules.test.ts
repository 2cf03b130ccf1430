// The Terraform modules and environment roots, checked without AWS: formatting with the real terraform binary,
// and the platform's security rules over the HCL parsed by @cdktf/hcl2json. The GitHub CI job
// (.github/workflows/terraform.yml) adds `terraform validate` and `terraform test` with mock providers.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '@cdktf/hcl2json'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '@tierdeploy/catalog'
import { terraformRootOf } from './root.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const TERRAFORM = join(ROOT, 'terraform')
const MODULES = ['networking', 'alb', 'cloudfront-certificate', 'ecs-cluster', 'ecs-service', 'ecr', 'database', 'cache', 's3-bucket', 'monitoring', 'state', 'github-oidc']
const ENVIRONMENTS = ['dev', 'staging', 'production']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Hcl = Record<string, any>
type Block = Record<string, unknown>

/** Every .tf file of a directory (not its tests), parsed. */
const parsed = new Map<string, { file: string; hcl: Hcl }[]>()

async function parseDir(dir: string): Promise<{ file: string; hcl: Hcl }[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort()
  return Promise.all(files.map(async (f) => ({ file: relative(ROOT, join(dir, f)), hcl: (await parse(f, readFileSync(join(dir, f), 'utf8'))) as Hcl })))
}

function moduleFiles(name: string): { file: string; hcl: Hcl }[] {
  return parsed.get(name)!
}

/** Blocks of a kind across a module's files: resource TYPE -> [{ name, body, file }]. */
function resources(name: string, type: string): { name: string; body: Block; file: string }[] {
  return moduleFiles(name).flatMap(({ file, hcl }) =>
    Object.entries((hcl.resource?.[type] ?? {}) as Record<string, Block[]>).flatMap(([n, bodies]) => bodies.map((body) => ({ name: n, body, file }))),
  )
}

function variables(name: string): { name: string; body: Block; file: string }[] {
  return moduleFiles(name).flatMap(({ file, hcl }) =>
    Object.entries((hcl.variable ?? {}) as Record<string, Block[]>).flatMap(([n, bodies]) => bodies.map((body) => ({ name: n, body, file }))),
  )
}

function dataSources(name: string, type: string): { name: string; body: Block }[] {
  return moduleFiles(name).flatMap(({ hcl }) => Object.entries((hcl.data?.[type] ?? {}) as Record<string, Block[]>).flatMap(([n, bodies]) => bodies.map((body) => ({ name: n, body }))))
}

/** The statements of a policy document, static and dynamic ones alike. */
function statements(doc: Block): Block[] {
  const dynamic = ((doc.dynamic as { statement?: { content: Block[] }[] } | undefined)?.statement ?? []).flatMap((d) => d.content)
  return [...((doc.statement ?? []) as Block[]), ...dynamic]
}

function rootMain(): Record<string, Block[]> {
  return moduleFiles('platform').find((f) => f.file.endsWith('main.tf'))!.hcl.module as Record<string, Block[]>
}

function outputs(name: string): { name: string; body: Block }[] {
  return moduleFiles(name).flatMap(({ hcl }) => Object.entries((hcl.output ?? {}) as Record<string, Block[]>).flatMap(([n, bodies]) => bodies.map((body) => ({ name: n, body }))))
}

beforeAll(async () => {
  for (const m of MODULES) parsed.set(m, await parseDir(join(TERRAFORM, 'modules', m)))
  parsed.set('platform', await parseDir(join(TERRAFORM, 'platform')))
  parsed.set('bootstrap', await parseDir(join(TERRAFORM, 'bootstrap')))
})

describe('terraform/ formatting', () => {
  it('passes terraform fmt -check -recursive', () => {
    const rc = join(mkdtempSync(join(tmpdir(), 'tierdeploy-fmt-')), 'terraformrc')
    writeFileSync(rc, '')
    const run = () => execFileSync('terraform', ['fmt', '-check', '-recursive', '-list=true', 'terraform/'], { cwd: ROOT, env: { PATH: process.env.PATH, TF_CLI_CONFIG_FILE: rc }, encoding: 'utf8' })
    expect(run).not.toThrow()
  })
})

describe('module interfaces', () => {
  const all = () => [...MODULES, 'platform', 'bootstrap']

  it('checks every module directory', () => {
    const dirs = readdirSync(join(TERRAFORM, 'modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
    expect([...MODULES].sort()).toEqual(dirs.sort())
  })

  it('types and describes every variable', () => {
    const missing = all().flatMap((m) => variables(m).filter((v) => typeof v.body.type !== 'string' || typeof v.body.description !== 'string' || !(v.body.description as string).trim()).map((v) => `${v.file}: variable ${v.name}`))
    expect(missing).toEqual([])
    expect(variables('alb').length).toBeGreaterThan(5)
  })

  it('gives every module described outputs', () => {
    for (const m of MODULES) {
      const outs = outputs(m)
      expect(outs.length, `${m} has no outputs`).toBeGreaterThan(0)
      expect(outs.filter((o) => typeof o.body.description !== 'string').map((o) => `${m}: ${o.name}`)).toEqual([])
    }
  })

  it('never uses the random provider: credentials are IAM identities, names are derived or hashed', () => {
    for (const m of [...MODULES, 'platform', 'bootstrap']) {
      for (const { file, hcl } of moduleFiles(m)) {
        expect(Object.keys(hcl.resource ?? {}).filter((t) => t.startsWith('random_')), file).toEqual([])
        for (const block of (hcl.terraform ?? []) as Block[]) {
          for (const required of (block.required_providers ?? []) as Block[]) expect(Object.keys(required), file).toEqual(['aws'])
        }
      }
    }
  })

  it('never hard-codes the aws partition in an ARN (data.aws_partition), so GovCloud and China work', () => {
    const files = [...MODULES.map((m) => join(TERRAFORM, 'modules', m)), join(TERRAFORM, 'platform'), join(TERRAFORM, 'bootstrap')].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.tf'))
        .map((f) => join(dir, f)),
    )
    const hardCoded = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => /"arn:aws:/.test(line) && !line.trim().startsWith('#'))
        .map(({ at }) => at),
    )
    expect(hardCoded).toEqual([])
  })

  it('ignores task definition changes in ecs-service, because ecs-deploy owns images', () => {
    const [service] = resources('ecs-service', 'aws_ecs_service')
    const lifecycle = (service!.body.lifecycle as Block[])[0]!
    expect(lifecycle.ignore_changes).toContain('${task_definition}')
  })
})

describe('network security', () => {
  const INGRESS = 'aws_vpc_security_group_ingress_rule'
  const WORLD = ['0.0.0.0/0', '::/0']

  it('never uses inline ingress blocks or legacy aws_security_group_rule, so every rule is checked below', () => {
    for (const m of MODULES) {
      expect(resources(m, 'aws_security_group_rule')).toEqual([])
      expect(resources(m, 'aws_security_group').filter((sg) => 'ingress' in sg.body).map((sg) => sg.name)).toEqual([])
    }
  })

  it('admits 0.0.0.0/0 only on the ALB, and only on 80 and 443', () => {
    const open = MODULES.flatMap((m) => resources(m, INGRESS).filter((r) => WORLD.includes(r.body.cidr_ipv4 as string) || WORLD.includes(r.body.cidr_ipv6 as string)).map((r) => ({ module: m, port: [r.body.from_port, r.body.to_port] })))
    expect(open).toEqual([
      { module: 'alb', port: [80, 80] },
      { module: 'alb', port: [443, 443] },
    ])
  })

  it('admits traffic to ECS tasks only from the ALB security group (and the cluster Service Connect clients), never from a CIDR', () => {
    const rules = resources('ecs-service', INGRESS)
    expect(rules.map((r) => r.name).sort()).toEqual(['from_alb', 'from_service_connect'])
    for (const r of rules) {
      expect(r.body).not.toHaveProperty('cidr_ipv4')
      expect(r.body).not.toHaveProperty('cidr_ipv6')
      expect(r.body).not.toHaveProperty('prefix_list_id')
    }
    expect(rules.find((r) => r.name === 'from_alb')!.body.referenced_security_group_id).toBe('${var.alb_security_group_id}')
    expect(rules.find((r) => r.name === 'from_service_connect')!.body.referenced_security_group_id).toBe('${var.service_connect_client_security_group_id}')
    const env = moduleFiles('platform').find((f) => f.file.endsWith('main.tf'))!.hcl.module.service[0] as Block
    expect(env.alb_security_group_id).toBe('${module.alb.security_group_id}')
  })

  it('admits the database and the cache only from security groups, one rule per client service', () => {
    for (const m of ['database', 'cache']) {
      const rules = resources(m, INGRESS)
      expect(rules.map((r) => r.name)).toEqual(['clients'])
      for (const r of rules) {
        expect(r.body.for_each).toBe('${var.clients}')
        expect(r.body.referenced_security_group_id).toBe('${var.client_identities[each.key].security_group_id}')
        expect(r.body).not.toHaveProperty('cidr_ipv4')
        expect(r.body).not.toHaveProperty('count')
      }
    }
  })

  it('admits the ALB behind CloudFront only from the CloudFront origin-facing prefix list, and from the internet only without it', () => {
    const rules = Object.fromEntries(resources('alb', INGRESS).map((r) => [r.name, r.body]))
    expect(Object.keys(rules).sort()).toEqual(['http', 'https', 'https_from_cloudfront'])
    expect(rules.http!.count).toBe('${var.enable_cloudfront ? 0 : 1}')
    expect(rules.https!.count).toBe('${var.enable_cloudfront ? 0 : 1}')
    expect(rules.https_from_cloudfront).toMatchObject({ count: '${var.enable_cloudfront ? 1 : 0}', from_port: 443, to_port: 443, prefix_list_id: '${data.aws_ec2_managed_prefix_list.cloudfront[0].id}' })
    expect(dataSources('alb', 'aws_ec2_managed_prefix_list')[0]!.body.name).toBe('com.amazonaws.global.cloudfront.origin-facing')
  })
})

describe('IAM least privilege', () => {
  it('gives ECS task execution roles only pulls from their own repositories, their own log group and their own secrets', () => {
    const attached = MODULES.flatMap((m) => resources(m, 'aws_iam_role_policy_attachment').map((a) => `${m}: ${String(a.body.policy_arn)}`))
    expect(attached.filter((a) => /AmazonECSTaskExecutionRolePolicy|AdministratorAccess|FullAccess/.test(a))).toEqual([])
    const doc = dataSources('ecs-service', 'aws_iam_policy_document').find((d) => d.name === 'execution')!.body
    const bySid = Object.fromEntries(statements(doc).map((st) => [st.sid as string, st]))
    expect(Object.keys(bySid).sort()).toEqual(['EcrAuthToken', 'PullOwnImages', 'ReadOwnParameters', 'ReadOwnSecrets', 'WriteOwnLogs'])
    // Only GetAuthorizationToken, which has no resource-level permissions, may name '*'.
    const wildcard = statements(doc).filter((st) => Array.isArray(st.resources) && st.resources.includes('*')).map((st) => st.actions)
    expect(wildcard).toEqual([['ecr:GetAuthorizationToken']])
    expect(bySid.PullOwnImages!.resources).toBe('${var.ecr_repository_arns}')
    expect(bySid.WriteOwnLogs!.resources).toEqual(['${aws_cloudwatch_log_group.this.arn}:*'])
    expect(bySid.ReadOwnSecrets!.resources).toBe('${local.secrets_manager_arns}')
    expect(bySid.ReadOwnParameters!.resources).toBe('${local.ssm_parameter_arns}')
    const env = moduleFiles('platform').find((f) => f.file.endsWith('main.tf'))!.hcl.module.service[0] as Block
    expect(env.ecr_repository_arns).toEqual(['${module.ecr.repository_arns[each.value.repository]}'])
  })

  it('lets a task role read Parameter Store under the environment prefix only', () => {
    const [doc] = dataSources('ecs-service', 'aws_iam_policy_document').filter((d) => d.name === 'task')
    expect(statements(doc!.body)).toEqual([
      { sid: 'ReadEnvironmentConfiguration', actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], resources: ['${local.ssm_prefix_arn}', '${local.ssm_prefix_arn}/*'] },
    ])
    expect(rootMain().service![0]!.ssm_prefix).toBe('${var.ssm_prefix}')
  })

  it('gives each client of a data store access to that store as itself, and hands out no shared credentials', () => {
    const connect = (m: string) => statements(dataSources(m, 'aws_iam_policy_document').find((d) => d.name === 'connect')!.body)
    expect(connect('database')).toEqual([
      {
        sid: 'ConnectAsOwnUser',
        actions: ['rds-db:connect'],
        resources: ['arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_rds_cluster.this.cluster_resource_id}/${local.users[each.key]}'],
      },
    ])
    expect(connect('cache')).toEqual([{ sid: 'ConnectAsOwnUser', actions: ['elasticache:Connect'], resources: ['${aws_elasticache_replication_group.this.arn}', '${aws_elasticache_user.clients[each.key].arn}'] }])
    for (const m of ['database', 'cache']) expect(resources(m, 'aws_iam_role_policy')[0]!.body.role).toBe('${var.client_identities[each.key].task_role_name}')
    const bucketClient = statements(dataSources('s3-bucket', 'aws_iam_policy_document').find((d) => d.name === 'client')!.body)
    expect(bucketClient.flatMap((st) => st.resources as string[]).every((r) => r.startsWith('${aws_s3_bucket.this.arn}') || r === '${statement.value}')).toBe(true)
    const main = rootMain()
    expect(main.service![0]!.secrets).toBe('${each.value.secrets}')
    const published = Object.keys((moduleFiles('platform').find((f) => f.file.endsWith('main.tf'))!.hcl.resource.aws_ssm_parameter.endpoints[0] as Block).for_each as Block)
    expect(published.filter((k) => /secret|token|password/i.test(k))).toEqual([])
  })
})

describe('encryption and protection', () => {
  it('encrypts Aurora storage and manages the master password in Secrets Manager', () => {
    const [cluster] = resources('database', 'aws_rds_cluster')
    expect(cluster!.body.storage_encrypted).toBe(true)
    expect(cluster!.body.manage_master_user_password).toBe(true)
    expect(cluster!.body.deletion_protection).toBe('${var.deletion_protection}')
    expect(variables('database').find((v) => v.name === 'deletion_protection')!.body.default).toBe(true)
  })

  it('requires TLS to Aurora (rds.force_ssl)', () => {
    const [group] = resources('database', 'aws_rds_cluster_parameter_group')
    expect(group!.body.parameter).toContainEqual(expect.objectContaining({ name: 'rds.force_ssl', value: '1' }))
    expect(resources('database', 'aws_rds_cluster')[0]!.body.db_cluster_parameter_group_name).toBe('${aws_rds_cluster_parameter_group.this.name}')
  })

  it('encrypts Redis at rest and in transit, with IAM-authenticated users instead of an AUTH token', () => {
    const [redis] = resources('cache', 'aws_elasticache_replication_group')
    expect(redis!.body.at_rest_encryption_enabled).toBe(true)
    expect(redis!.body.transit_encryption_enabled).toBe(true)
    expect(redis!.body).not.toHaveProperty('auth_token')
    expect(redis!.body.user_group_ids).toEqual(['${aws_elasticache_user_group.this.user_group_id}'])
    const users = Object.fromEntries(resources('cache', 'aws_elasticache_user').map((u) => [u.name, u.body]))
    expect(users.clients!.authentication_mode).toEqual([{ type: 'iam' }])
    expect(users.default!.access_string).toMatch(/^off /)
    expect(resources('cache', 'aws_secretsmanager_secret')).toEqual([])
  })

  it('encrypts, versions and blocks public access to every S3 bucket', () => {
    for (const m of MODULES) {
      for (const bucket of resources(m, 'aws_s3_bucket')) {
        const ref = `\${aws_s3_bucket.${bucket.name}.id}`
        for (const type of ['aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_versioning']) {
          expect(resources(m, type).some((r) => r.body.bucket === ref), `${m}: ${type} for ${bucket.name}`).toBe(true)
        }
        const block = resources(m, 'aws_s3_bucket_public_access_block').find((r) => r.body.bucket === ref)!.body
        expect([block.block_public_acls, block.block_public_policy, block.ignore_public_acls, block.restrict_public_buckets]).toEqual([true, true, true, true])
        // TLS only (AWS Foundational Security Best Practices S3.5).
        const policy = resources(m, 'aws_s3_bucket_policy').find((r) => r.body.bucket === ref)!.body
        const doc = dataSources(m, 'aws_iam_policy_document').find((d) => policy.policy === `\${data.aws_iam_policy_document.${d.name}.json}`)!.body
        expect(statements(doc)).toContainEqual(
          expect.objectContaining({ sid: 'DenyInsecureTransport', effect: 'Deny', actions: ['s3:*'], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }),
        )
      }
    }
    expect(resources('state', 'aws_s3_bucket')).toHaveLength(1)
    expect(resources('s3-bucket', 'aws_s3_bucket')).toHaveLength(1)
  })

  it('turns deletion protection on in production and passes it to the database and the load balancer', () => {
    const settings = (env: string) => (moduleFiles('platform').find((f) => f.file.endsWith('settings.tf'))!.hcl.locals[0].environment_settings as Record<string, Block>)[env]!
    expect(settings('production').deletion_protection).toBe(true)
    expect(settings('dev').deletion_protection).toBe(false)
    const main = moduleFiles('platform').find((f) => f.file.endsWith('main.tf'))!.hcl.module as Record<string, Block[]>
    expect(main.database![0]!.deletion_protection).toBe('${local.settings.deletion_protection}')
    expect(main.alb![0]!.deletion_protection).toBe('${local.settings.deletion_protection}')
  })
})

describe('ordering and drift', () => {
  it('creates a public service only after its listener rule, which ECS needs before it accepts the target group', () => {
    const service = rootMain().service![0]!
    expect(service.listener_rule_arn).toBe('${each.value.public ? module.alb.listener_rule_arns[each.key] : null}')
    const [ecs] = resources('ecs-service', 'aws_ecs_service')
    const preconditions = ((ecs!.body.lifecycle as Block[])[0]!.precondition as Block[]).map((p) => p.condition)
    expect(preconditions).toContain('${!var.public || var.listener_rule_arn != null}')
    expect(ecs!.body.depends_on).toEqual(['${aws_iam_role_policy.execution}'])
  })

  it('leaves the range of a business-hours service to its scheduled actions', () => {
    const targets = Object.fromEntries(resources('ecs-service', 'aws_appautoscaling_target').map((t) => [t.name, t.body]))
    expect((targets.business_hours!.lifecycle as Block[])[0]!.ignore_changes).toEqual(['${min_capacity}', '${max_capacity}'])
    expect(targets.this).not.toHaveProperty('lifecycle')
    expect(resources('ecs-service', 'aws_appautoscaling_scheduled_action').map((a) => a.name)).toEqual(['start', 'stop'])
  })
})

describe('one root for every environment', () => {
  it('is terraform/platform: environments keep only their state and their catalog-generated variables', async () => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    expect(readdirSync(join(TERRAFORM, 'environments')).sort()).toEqual([...ENVIRONMENTS].sort())
    for (const e of ENVIRONMENTS) {
      expect(readdirSync(join(TERRAFORM, 'environments', e)).filter((f) => !f.startsWith('.')).sort(), e).toEqual(['backend.tfbackend', 'catalog.tfvars.json'])
      expect(terraformRootOf(catalog.environments.get(e)!)).toEqual({
        workingDirectory: 'terraform/platform',
        varFiles: [`terraform/environments/${e}/catalog.tfvars.json`],
        backendConfig: [`terraform/environments/${e}/backend.tfbackend`],
        catalogVars: `terraform/environments/${e}/catalog.tfvars.json`,
      })
    }
    // Every environment the catalog has, the root has settings for (else the root's validation refuses it by name).
    const settings = moduleFiles('platform').find((f) => f.file.endsWith('settings.tf'))!.hcl.locals[0].environment_settings as Record<string, Block>
    expect(Object.keys(settings).sort()).toEqual([...catalog.environments.keys()].sort())
  })

  it('keeps one state per environment in its account\'s bucket, locked with S3 lock files and no DynamoDB table', async () => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    const backend = moduleFiles('platform').find((f) => f.file.endsWith('backend.tf'))!.hcl.terraform[0].backend.s3[0] as Block
    expect(backend).toEqual({ encrypt: true, use_lockfile: true })
    for (const e of ENVIRONMENTS) {
      const environment = catalog.environments.get(e)!
      const tf = environment.terraform!
      const config = Object.fromEntries([...readFileSync(join(TERRAFORM, 'environments', e, 'backend.tfbackend'), 'utf8').matchAll(/^(\w+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]))
      expect(config).toEqual({ bucket: tf.stateBucket, key: tf.stateKey, region: environment.region })
      // Each account keeps its own state: a bucket named for the environment's account, never one shared by accounts.
      expect(tf.stateBucket).toBe(`indigenious-tfstate-${environment.account}`)
    }
  })

  it('uses the catalog network of each environment', () => {
    const cidrs = Object.fromEntries(ENVIRONMENTS.map((e) => [e, JSON.parse(readFileSync(join(TERRAFORM, 'environments', e, 'catalog.tfvars.json'), 'utf8')).vpc_cidr]))
    expect(cidrs).toEqual({ dev: '10.1.0.0/16', staging: '10.2.0.0/16', production: '10.0.0.0/16' })
  })
})
