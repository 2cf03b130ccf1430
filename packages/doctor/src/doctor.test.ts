import { join } from 'node:path'
import { dump } from 'js-yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCatalog, type ServiceDefinition } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { referencesInLine } from './dependencies.js'
import { runDoctor, type DoctorResult } from './doctor.js'
import { doctorJson, renderDoctorSummary, renderDoctorText } from './render.js'

/**
 * A small repository: gateway (tier 1, public), users and orders (tier 2, orders depends on users), each with a
 * Dockerfile, a health check from the defaults, and two environments. Each case changes one thing.
 */
interface Fixture {
  services?: Record<string, ServiceDefinition | null>
  defaults?: Record<string, unknown>
  production?: Record<string, unknown>
  files?: Record<string, string>
}

function servicesYaml(f: Fixture): string {
  const services: Record<string, ServiceDefinition> = {
    gateway: { path: 'services/gateway', tier: 1, aliases: ['api-gateway'], routing: { public: true, pathPatterns: ['/*'] } },
    users: { path: 'services/users', tier: 2, aliases: ['user'] },
    orders: { path: 'services/orders', tier: 2, aliases: ['order'], dependsOn: ['users'] },
  }
  for (const [name, def] of Object.entries(f.services ?? {})) {
    if (def === null) delete services[name]
    else services[name] = { ...services[name], ...def }
  }
  return dump({
    version: 1,
    platform: 'shop',
    tiers: [{ id: 1, name: 'core' }, { id: 2, name: 'business' }],
    defaults: { healthCheck: { path: '/health' }, desiredCount: 2, ignore: ['**/*.md', '**/docs/**'], ...f.defaults },
    services,
  })
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

async function doctor(f: Fixture = {}): Promise<DoctorResult & { root: string }> {
  const t = tempDir('tierdeploy-doctor-')
  cleanups.push(t.cleanup)
  writeFiles(t.dir, {
    'catalog/services.yaml': servicesYaml(f),
    'catalog/environments/staging.yaml': dump({ name: 'staging', account: '222222222222', region: 'us-east-1', serviceConnectNamespace: 'shop.local', defaults: { desiredCount: 1 } }),
    'catalog/environments/production.yaml': dump({ name: 'production', account: '333333333333', region: 'us-east-1', requireApproval: true, ...f.production }),
    'services/gateway/Dockerfile': 'FROM node:20\n',
    'services/gateway/src/index.ts': 'export const port = 3000\n',
    'services/users/Dockerfile': 'FROM node:20\n',
    'services/users/src/index.ts': 'export const name = "indigenious"\n',
    'services/orders/Dockerfile': 'FROM node:20\n',
    'services/orders/src/users.ts': 'const base = process.env.USERS_SERVICE_URL ?? "http://users:3000"\nexport const url = `${base}/users`\n',
    ...f.files,
  })
  const { catalog } = await loadCatalog({ dir: join(t.dir, 'catalog') })
  return { ...(await runDoctor(catalog, { cwd: t.dir })), root: t.dir }
}

const checks = (r: DoctorResult): string[] => r.findings.map((f) => `${f.check} ${f.service}`)

describe('the fixture repository without problems', () => {
  it('has no findings', async () => {
    const r = await doctor()
    expect(r.findings).toEqual([])
    expect(r.scanned).toEqual({ services: 3, files: 6, skipped: 0 }) // 3 Dockerfiles, 3 source files
  })
})

describe('undeclared dependencies', () => {
  it('reports a *_SERVICE_URL variable for a service that is not declared, at its file and line', async () => {
    const r = await doctor({ files: { 'services/orders/src/pay.ts': '// payments\nimport x from "y"\nconst pay = process.env.GATEWAY_SERVICE_URL\n' } })
    expect(r.findings).toEqual([expect.objectContaining({
      check: 'undeclared-dependency', service: 'orders', severity: 'warning', file: 'services/orders/src/pay.ts', line: 3, column: 25,
      message: 'orders uses gateway (variable GATEWAY_SERVICE_URL) but does not declare it',
    })])
  })

  it('finds URL hosts, Service Connect names and long aliases, but not short aliases as plain words', async () => {
    const r = await doctor({
      files: {
        'services/users/src/a.ts': 'fetch("http://order:3000/x")\n',
        'services/gateway/src/b.yaml': 'upstream: users.shop.local:3000\nlabel: order the users by name\n',
        'services/gateway/src/c.ts': 'const peer = "api-gateway"\n',
      },
    })
    expect(r.findings.map((f) => [f.service, f.file, f.line, f.message.replace(/ but .*/, '')])).toEqual([
      ['gateway', 'services/gateway/src/b.yaml', 1, "gateway uses users (Service Connect name 'users.shop.local')"],
      ['users', 'services/users/src/a.ts', 1, "users uses orders (URL host 'order')"],
    ])
  })

  it('counts the service\'s environment variables in the catalog, at their YAML line', async () => {
    const r = await doctor({ services: { users: { environment: { ORDERS_URL: 'http://orders:3000' } } } })
    const f = r.findings.find((x) => x.check === 'undeclared-dependency')!
    expect(f.file).toMatch(/catalog\/services\.yaml$/)
    expect(f.line).toBeGreaterThan(0)
    expect(f.message).toBe("users uses orders (URL host 'orders') but does not declare it")
  })

  it('ignores a service naming itself, full-line comments, node_modules, dist, ignored and oversized files', async () => {
    const r = await doctor({
      files: {
        'services/users/src/self.ts': 'const me = process.env.USERS_SERVICE_URL\n',
        'services/users/src/comment.ts': '// calls http://gateway:3000 one day\n# GATEWAY_SERVICE_URL\n * http://gateway/\n',
        'services/users/node_modules/x/index.js': 'fetch("http://gateway:3000")\n',
        'services/users/dist/index.js': 'fetch("http://gateway:3000")\n',
        'services/users/docs/notes.txt': 'http://gateway:3000\n',
        'services/users/README.md': 'Talks to http://gateway:3000\n',
        'services/users/fixtures/big.json': `"http://gateway:3000"${' '.repeat(300 * 1024)}`,
      },
    })
    expect(r.findings).toEqual([])
    expect(r.scanned.skipped).toBe(1) // big.json, over 256 KiB
  })
})

describe('declared but unused dependencies', () => {
  it('reports a declared service the code never refers to, at the dependsOn entry', async () => {
    const r = await doctor({ files: { 'services/orders/src/users.ts': 'export const nothing = 1\n' } })
    expect(r.findings).toEqual([expect.objectContaining({ check: 'unused-dependency', service: 'orders', file: expect.stringMatching(/catalog\/services\.yaml$/), message: 'orders declares a dependency on users, but none of its 2 files refers to it' })])
    expect(r.findings[0]!.line).toBeGreaterThan(0)
  })
})

describe('configuration mistakes', () => {
  it('a GPU on Fargate is an error; on ec2-gpu capacity it is fine', async () => {
    const bad = await doctor({ services: { orders: { gpu: 1 } } })
    expect(checks(bad)).toEqual(['gpu-on-fargate orders'])
    expect(bad.errors).toBe(1)
    expect(bad.findings[0]!.hint).toMatch(/capacity: ec2-gpu/)
    expect(checks(await doctor({ services: { orders: { gpu: 1, capacity: 'ec2-gpu' } } }))).toEqual([])
  })

  it('tier 1 on Spot is an error where Spot is turned on; tier 2 on Spot is fine', async () => {
    const bad = await doctor({ production: { services: { gateway: { spot: true } } } })
    expect(bad.findings).toEqual([expect.objectContaining({ check: 'tier-1-on-spot', service: 'gateway', severity: 'error', file: expect.stringMatching(/production\.yaml$/), message: 'gateway is tier 1 and runs on Fargate Spot in production' })])
    expect(checks(await doctor({ services: { users: { spot: true } } }))).toEqual([])
    // Set in services.yaml, it is reported once there, not once per environment.
    const catalogWide = await doctor({ services: { gateway: { spot: true } } })
    expect(catalogWide.findings).toEqual([expect.objectContaining({ check: 'tier-1-on-spot', file: expect.stringMatching(/services\.yaml$/), message: 'gateway is tier 1 and runs on Fargate Spot' })])
  })

  it('one replica in a production environment is a warning; in staging it is not', async () => {
    const bad = await doctor({ production: { services: { orders: { desiredCount: 1 } } } })
    expect(bad.findings).toEqual([expect.objectContaining({ check: 'single-replica-production', service: 'orders', severity: 'warning', file: expect.stringMatching(/production\.yaml$/), line: expect.any(Number) })])
    expect(bad.errors).toBe(0)
    // staging sets desiredCount: 1 for every service and is not production-like
    expect(checks(await doctor())).toEqual([])
  })

  it('a service without a health check path is a warning', async () => {
    const bad = await doctor({ defaults: { healthCheck: {} } })
    expect(checks(bad).sort()).toEqual(['no-health-check gateway', 'no-health-check orders', 'no-health-check users'])
    expect(checks(await doctor({ defaults: { healthCheck: {} }, services: { gateway: { healthCheck: { path: '/up' } }, users: { healthCheck: { path: '/up' } }, orders: { healthCheck: { path: '/up' } } } }))).toEqual([])
  })

  it('a public service without a path rule is an error', async () => {
    const bad = await doctor({ services: { gateway: { routing: { public: true } } } })
    expect(checks(bad)).toEqual(['public-without-path gateway'])
    expect(bad.findings[0]!.severity).toBe('error')
  })

  it('a public service whose health path is outside its ALB path patterns is a warning', async () => {
    const bad = await doctor({ services: { gateway: { routing: { public: true, pathPatterns: ['/api/*'] }, healthCheck: { path: '/health' } } } })
    expect(bad.findings).toEqual([expect.objectContaining({ check: 'health-path-unrouted', service: 'gateway', severity: 'warning', hint: expect.stringContaining('/api/health') })])
    expect(checks(await doctor({ services: { gateway: { routing: { public: true, pathPatterns: ['/api/*'] }, healthCheck: { path: '/api/health' } } } }))).toEqual([])
  })

  it('spot on a service that runs on EC2 GPU capacity is a warning', async () => {
    const bad = await doctor({ services: { orders: { capacity: 'ec2-gpu', gpu: 1, spot: true } } })
    expect(checks(bad)).toEqual(['spot-on-ec2 orders'])
    expect(checks(await doctor({ services: { orders: { capacity: 'ec2-gpu', gpu: 1 } } }))).toEqual([])
  })

  it('an environment without an account is a warning at its file, since deploys cannot check the credentials\' account', async () => {
    const bad = await doctor({ production: { account: undefined } })
    expect(bad.findings).toEqual([expect.objectContaining({
      check: 'no-account',
      severity: 'warning',
      file: expect.stringMatching(/production\.yaml$/),
      line: 1,
      message: 'environment production sets no account, so the AWS account of the credentials cannot be checked before a deploy or rollback writes to it',
      hint: 'set account: "123456789012" (its 12-digit AWS account ID); credentials of another account are then refused',
    })])
    expect(bad.findings[0]!.service).toBeUndefined()
    expect(renderDoctorSummary(bad)).toContain('| warning | no-account |  | ')
  })

  it('a buildable service with no Dockerfile, build.dockerfile or build.template is an error', async () => {
    const files = { 'services/users/Dockerfile': '' }
    const bad = await doctor({ files, services: { users: { path: 'services/users2' } } })
    expect(bad.errors).toBe(0) // a missing path is validate's business, not the doctor's
    const missing = await doctor({ files: { 'services/extra/index.ts': '' }, services: { extra: { path: 'services/extra', tier: 2 } } })
    expect(missing.findings).toEqual([expect.objectContaining({ check: 'missing-dockerfile', service: 'extra', severity: 'error', message: 'extra has no Dockerfile: services/extra/Dockerfile does not exist and neither build.dockerfile nor build.template is set' })])
    expect(checks(await doctor({ files: { 'services/extra/index.ts': '' }, services: { extra: { path: 'services/extra', tier: 2, build: { template: 'node' } } } }))).toEqual([])
    expect(checks(await doctor({ files: { 'services/extra/docker/prod.Dockerfile': 'FROM x' }, services: { extra: { path: 'services/extra', tier: 2, build: { dockerfile: 'docker/prod.Dockerfile' } } } }))).toEqual([])
    const wrong = await doctor({ files: { 'services/extra/index.ts': '' }, services: { extra: { path: 'services/extra', tier: 2, build: { dockerfile: 'nope.Dockerfile' } } } })
    expect(wrong.findings[0]!.message).toBe('extra: build.dockerfile nope.Dockerfile does not exist')
  })
})

describe('output', () => {
  it('renders text, JSON and a summary, errors first', async () => {
    const r = await doctor({ services: { orders: { gpu: 1 } }, files: { 'services/users/src/a.ts': 'fetch("http://gateway:3000")\n' } })
    const text = renderDoctorText(r)
    expect(text.split('\n')[0]).toMatch(/services\.yaml:\d+:\d+: error: orders asks for 1 GPU on Fargate, which has no GPUs \(.*\) \[gpu-on-fargate\]$/)
    expect(text).toContain('services/users/src/a.ts:1:15: warning: users uses gateway')
    expect(text).toMatch(/1 error, 1 warning; scanned 7 files of 3 services\n$/)
    const json = doctorJson(r)
    expect(json).toMatchObject({ ok: false, errors: 1, warnings: 1 })
    expect(json.findings.every((f) => !('path' in f))).toBe(true)
    expect(renderDoctorSummary(r)).toContain('| error | gpu-on-fargate | `orders` |')
  })
})

describe('referencesInLine', () => {
  const names = new Map([['indigenious-user-service', 'indigenious-user-service'], ['user', 'indigenious-user-service'], ['auth', 'auth']])
  it('maps INDIGENIOUS_USER_SERVICE_URL and USER_SERVICE_HOST to the service, and whole canonical names', () => {
    expect(referencesInLine('INDIGENIOUS_USER_SERVICE_URL=x USER_SERVICE_HOST=y', names, []).map((r) => r.via)).toEqual(['variable', 'variable'])
    expect(referencesInLine('image: indigenious-user-service:latest', names, []).map((r) => r.text)).toEqual(['indigenious-user-service'])
    expect(referencesInLine('indigenious-user-service-client', names, [])).toEqual([])
    expect(referencesInLine('the user logs in with auth', names, [])).toEqual([])
  })
})
