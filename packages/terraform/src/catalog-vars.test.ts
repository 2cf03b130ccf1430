import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCatalog, environmentNamed, loadCatalog, ConfigurationError, type Catalog } from '@tierdeploy/catalog'
import { catalogTerraformVars, renderTerraformVars } from './catalog-vars.js'
import { terraformRootOf } from './root.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

function catalogOf(services: string, environment = 'name: dev\nregion: ca-central-1\nnetwork: { vpcCidr: 10.1.0.0/16, natGateways: single }\n'): Catalog {
  const yaml = `version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\n  - { id: 2, name: business }\n  - { id: 4, name: optional, optional: true }\ndefaults:\n  container: { port: 3000 }\nservices:\n${services}`
  const { catalog, problems } = buildCatalog({ dir: 'catalog', root: '.', services: { file: 'catalog/services.yaml', text: yaml }, environments: [{ file: 'catalog/environments/dev.yaml', text: environment }] })
  if (!catalog) throw new Error(problems.map((p) => p.message).join('\n'))
  return catalog
}

describe('the committed environment variables', () => {
  it.each(['dev', 'staging', 'production'])('terraform/environments/%s/catalog.tfvars.json is what the bundled catalog generates', async (env) => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    const committed = readFileSync(join(ROOT, terraformRootOf(environmentNamed(catalog, env)).catalogVars), 'utf8')
    const fresh = renderTerraformVars(catalogTerraformVars(catalog, environmentNamed(catalog, env)))
    // If this fails: run `tierdeploy terraform-vars --env ${env}` (or `npx tsx packages/cli/src/index.ts terraform-vars --env ${env}`) and commit the file.
    expect(committed).toBe(fresh)
  })

  it('replicates staging\'s images to production\'s account, and lets only staging replicate into production', async () => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    const vars = (env: string) => catalogTerraformVars(catalog, environmentNamed(catalog, env))
    expect(vars('staging').image_replication_destinations).toEqual([{ account_id: '333333333333', region: 'ca-central-1' }])
    expect(vars('staging').image_replication_sources).toEqual([])
    expect(vars('production').image_replication_sources).toEqual(['222222222222'])
    expect(vars('production').image_replication_destinations).toEqual([])
    expect(vars('dev').image_replication_destinations).toEqual([])
  })

  it('gives dev one replica and production two, with the catalog network', async () => {
    const { catalog } = await loadCatalog({ dir: join(ROOT, 'catalog') })
    const dev = catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))
    const prod = catalogTerraformVars(catalog, environmentNamed(catalog, 'production'))
    expect(dev.services['indigenious-auth-service']).toMatchObject({ desired_count: 1, public: true, path_patterns: ['/auth/*'], priority: 10, internal: true })
    expect(prod.services['indigenious-auth-service']).toMatchObject({ desired_count: 2, min_capacity: 2, max_capacity: 10, cpu_target: 60 })
    expect([dev.vpc_cidr, dev.nat_gateway_mode, prod.vpc_cidr, prod.nat_gateway_mode]).toEqual(['10.1.0.0/16', 'single', '10.0.0.0/16', 'per-az'])
    expect(dev.services['indigenious-ai-orchestrator-service']).toMatchObject({ capacity: 'ec2-gpu', gpu: 1, port: 5000, desired_count: 0, min_capacity: 0 })
    expect(prod.services['indigenious-analytics-service']).toMatchObject({ spot: true, schedule: 'business-hours', public: false })
    expect(Object.keys(prod.services)).not.toContain('indigenious-video-service')
    expect(Object.keys(dev.services)).not.toContain('indigenious-marketing-site')
    expect(dev.ecr_repositories).toContain('indigenious/indigenious-web-frontend')
  })
})

describe('catalogTerraformVars', () => {
  it('leaves out infrastructure, libraries, CloudFormation-owned services, and optional services the environment does not enable', () => {
    const catalog = catalogOf([
      '  db: { kind: infrastructure, tier: 1 }',
      '  lib: { kind: library, path: lib }',
      '  api: { path: api, tier: 1, dependsOn: [db, lib], routing: { public: true, pathPatterns: ["/api/*"], priority: 5 } }',
      '  worker: { path: worker, tier: 2, dependsOn: [api], container: { port: 8080 }, ecr: { repository: team/worker } }',
      '  legacy: { path: legacy, tier: 2, deployVia: cloudformation, cloudformation: { stack: legacy, imageParameter: Image } }',
      '  extra: { path: extra, tier: 4 }',
      '',
    ].join('\n'))
    const vars = catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))
    expect(Object.keys(vars.services)).toEqual(['api', 'worker'])
    expect(vars.services.api).toMatchObject({ public: true, internal: true, depends_on: ['db', 'lib'], repository: 'acme/api', health_check: { path: '/health', matcher: '200' } })
    expect(vars.services.worker).toMatchObject({ public: false, internal: false, port: 8080, priority: null, repository: 'team/worker' })
    expect(vars.ecr_repositories).toEqual(['acme/api', 'team/worker'])
    expect(vars).toMatchObject({ cluster_name: 'acme-dev', service_connect_namespace: 'acme-dev.local', log_group_prefix: '/ecs/acme-dev', ssm_prefix: '/acme/dev' })
  })

  it('rejects a public service without a listener priority, naming it', () => {
    const catalog = catalogOf('  api: { path: api, tier: 1, routing: { public: true, pathPatterns: ["/api/*"] } }\n')
    expect(() => catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))).toThrow(ConfigurationError)
    expect(() => catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))).toThrow(/service 'api' is public but has no routing.priority/)
  })

  it('rejects two public services with the same priority', () => {
    const catalog = catalogOf('  a: { path: a, tier: 1, routing: { public: true, pathPatterns: ["/a/*"], priority: 7 } }\n  b: { path: b, tier: 1, routing: { public: true, pathPatterns: ["/b/*"], priority: 7 } }\n')
    expect(() => catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))).toThrow(/'a' and 'b' share routing.priority 7/)
  })

  it('needs the environment VPC CIDR', () => {
    const catalog = catalogOf('  a: { path: a, tier: 1 }\n', 'name: dev\nregion: ca-central-1\n')
    expect(() => catalogTerraformVars(catalog, environmentNamed(catalog, 'dev'))).toThrow(/dev.yaml: network.vpcCidr is required/)
  })
})

describe('image replication for promotion', () => {
  const twoEnvironments = (staging: string, production: string): Catalog => {
    const yaml = 'version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\nservices:\n  auth: { path: auth, tier: 1 }\n'
    const { catalog, problems } = buildCatalog({
      dir: 'catalog',
      root: '.',
      services: { file: 'catalog/services.yaml', text: yaml },
      environments: [
        { file: 'catalog/environments/staging.yaml', text: `name: staging\nnetwork: { vpcCidr: 10.1.0.0/16 }\n${staging}` },
        { file: 'catalog/environments/production.yaml', text: `name: production\npromotesFrom: staging\nnetwork: { vpcCidr: 10.2.0.0/16 }\n${production}` },
      ],
    })
    if (!catalog) throw new Error(problems.map((p) => p.message).join('\n'))
    return catalog
  }
  const vars = (c: Catalog, env: string) => catalogTerraformVars(c, environmentNamed(c, env))

  it('needs nothing when both environments share an account and region', () => {
    const c = twoEnvironments('region: us-east-1\naccount: "111111111111"\n', 'region: us-east-1\naccount: "111111111111"\n')
    expect(vars(c, 'staging').image_replication_destinations).toEqual([])
    expect(vars(c, 'production').image_replication_sources).toEqual([])
  })

  it('replicates across regions of one account without granting anything', () => {
    const c = twoEnvironments('region: us-east-1\naccount: "111111111111"\n', 'region: eu-west-1\naccount: "111111111111"\n')
    expect(vars(c, 'staging').image_replication_destinations).toEqual([{ account_id: '111111111111', region: 'eu-west-1' }])
    expect(vars(c, 'production').image_replication_sources).toEqual([])
  })

  it('refuses to guess when only one side names its account', () => {
    const c = twoEnvironments('region: us-east-1\n', 'region: us-east-1\naccount: "333333333333"\n')
    expect(() => vars(c, 'staging')).toThrow(/catalog\/environments\/staging\.yaml: account is required: production is promoted from staging/)
  })
})

