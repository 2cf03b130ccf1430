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

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const TERRAFORM = join(ROOT, 'terraform')
const MODULES = ['networking', 'alb', 'ecs-cluster', 'ecs-service', 'ecr', 'database', 'cache', 'monitoring', 'state']
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

function outputs(name: string): { name: string; body: Block }[] {
  return moduleFiles(name).flatMap(({ hcl }) => Object.entries((hcl.output ?? {}) as Record<string, Block[]>).flatMap(([n, bodies]) => bodies.map((body) => ({ name: n, body }))))
}

beforeAll(async () => {
  for (const m of MODULES) parsed.set(m, await parseDir(join(TERRAFORM, 'modules', m)))
  for (const e of ENVIRONMENTS) parsed.set(`env:${e}`, await parseDir(join(TERRAFORM, 'environments', e)))
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
  const all = () => [...MODULES, ...ENVIRONMENTS.map((e) => `env:${e}`), 'bootstrap']

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
    const env = moduleFiles('env:production').find((f) => f.file.endsWith('main.tf'))!.hcl.module.service[0] as Block
    expect(env.alb_security_group_id).toBe('${module.alb.security_group_id}')
  })

  it('admits the database and the cache only from security groups', () => {
    for (const m of ['database', 'cache']) {
      for (const r of resources(m, INGRESS)) {
        expect(r.body.referenced_security_group_id).toBe('${var.allowed_security_group_ids[count.index]}')
        expect(r.body).not.toHaveProperty('cidr_ipv4')
      }
    }
  })
})

describe('IAM least privilege', () => {
  it('gives ECS task execution roles only pulls from their own repositories, their own log group and their own secrets', () => {
    const attached = MODULES.flatMap((m) => resources(m, 'aws_iam_role_policy_attachment').map((a) => `${m}: ${String(a.body.policy_arn)}`))
    expect(attached.filter((a) => /AmazonECSTaskExecutionRolePolicy|AdministratorAccess|FullAccess/.test(a))).toEqual([])
    const doc = moduleFiles('ecs-service').flatMap(({ hcl }) => (hcl.data?.aws_iam_policy_document?.execution ?? []) as Block[])[0]!
    const dynamic = ((doc.dynamic as { statement?: { content: Block[] }[] } | undefined)?.statement ?? []).flatMap((d) => d.content)
    const statements = [...((doc.statement ?? []) as Block[]), ...dynamic]
    const bySid = Object.fromEntries(statements.map((st) => [st.sid as string, st]))
    expect(Object.keys(bySid).sort()).toEqual(['EcrAuthToken', 'PullOwnImages', 'ReadOwnParameters', 'ReadOwnSecrets', 'WriteOwnLogs'])
    // Only GetAuthorizationToken, which has no resource-level permissions, may name '*'.
    const wildcard = statements.filter((st) => Array.isArray(st.resources) && st.resources.includes('*')).map((st) => st.actions)
    expect(wildcard).toEqual([['ecr:GetAuthorizationToken']])
    expect(bySid.PullOwnImages!.resources).toBe('${var.ecr_repository_arns}')
    expect(bySid.WriteOwnLogs!.resources).toEqual(['${aws_cloudwatch_log_group.this.arn}:*'])
    expect(bySid.ReadOwnSecrets!.resources).toBe('${local.secrets_manager_arns}')
    expect(bySid.ReadOwnParameters!.resources).toBe('${local.ssm_parameter_arns}')
    const env = moduleFiles('env:production').find((f) => f.file.endsWith('main.tf'))!.hcl.module.service[0] as Block
    expect(env.ecr_repository_arns).toEqual(['${module.ecr.repository_arns[each.value.repository]}'])
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

  it('encrypts Redis at rest and in transit, with auth', () => {
    const [redis] = resources('cache', 'aws_elasticache_replication_group')
    expect(redis!.body.at_rest_encryption_enabled).toBe(true)
    expect(redis!.body.transit_encryption_enabled).toBe(true)
    expect(redis!.body.auth_token).toBe('${random_password.auth.result}')
    expect(resources('cache', 'aws_secretsmanager_secret_version')[0]!.body.secret_string).toBe('${random_password.auth.result}')
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
      }
    }
    expect(resources('state', 'aws_s3_bucket')).toHaveLength(1)
  })

  it('turns deletion protection on in production and passes it to the database and the load balancer', () => {
    const settings = (env: string) => moduleFiles(`env:${env}`).find((f) => f.file.endsWith('settings.tf'))!.hcl.locals[0].settings as Block
    expect(settings('production').deletion_protection).toBe(true)
    expect(settings('dev').deletion_protection).toBe(false)
    const main = moduleFiles('env:production').find((f) => f.file.endsWith('main.tf'))!.hcl.module as Record<string, Block[]>
    expect(main.database![0]!.deletion_protection).toBe('${local.settings.deletion_protection}')
    expect(main.alb![0]!.deletion_protection).toBe('${local.settings.deletion_protection}')
  })
})

describe('environment roots', () => {
  it('share one main.tf, variables.tf and outputs.tf, so environments differ only in settings.tf and backend.tf', () => {
    for (const file of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf']) {
      const texts = ENVIRONMENTS.map((e) => readFileSync(join(TERRAFORM, 'environments', e, file), 'utf8'))
      expect(new Set(texts).size, file).toBe(1)
    }
  })

  it('keep one state per environment in the catalog bucket, locked with S3 lock files and no DynamoDB table', async () => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    for (const e of ENVIRONMENTS) {
      const backend = moduleFiles(`env:${e}`).find((f) => f.file.endsWith('backend.tf'))!.hcl.terraform[0].backend.s3[0] as Block
      const tf = catalog.environments.get(e)!.terraform!
      expect(backend).toMatchObject({ bucket: tf.stateBucket, key: tf.stateKey, region: catalog.environments.get(e)!.region, encrypt: true, use_lockfile: true })
      expect(backend).not.toHaveProperty('dynamodb_table')
      expect(tf.workingDirectory).toBe(`terraform/environments/${e}`)
    }
  })

  it('use the catalog network of each environment', async () => {
    const cidrs = Object.fromEntries(ENVIRONMENTS.map((e) => [e, JSON.parse(readFileSync(join(TERRAFORM, 'environments', e, 'catalog.auto.tfvars.json'), 'utf8')).vpc_cidr]))
    expect(cidrs).toEqual({ dev: '10.1.0.0/16', staging: '10.2.0.0/16', production: '10.0.0.0/16' })
  })
})
