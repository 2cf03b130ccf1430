import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { buildCatalog } from './build.js'
import { checkCatalog, loadCatalog } from './load.js'
import { ConfigurationError, type Problem } from './errors.js'

const TIERS = `tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
`

function build(services: string, environments: Record<string, string> = {}, pathExists?: (p: string) => boolean, strict = false) {
  return buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: services },
    environments: Object.entries(environments).map(([name, text]) => ({ file: `catalog/environments/${name}.yaml`, text })),
    ...(pathExists ? { pathExists } : {}),
    strict,
  })
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error')

/** Writes a catalog to a temp dir and returns every problem, located (file:line). */
async function check(services: string, environments: Record<string, string> = {}) {
  const { dir, cleanup } = tempDir()
  try {
    writeFiles(dir, { 'catalog/services.yaml': services, ...Object.fromEntries(Object.entries(environments).map(([n, t]) => [`catalog/environments/${n}.yaml`, t])) })
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      return await checkCatalog({ dir: 'catalog' })
    } finally {
      process.chdir(cwd)
    }
  } finally {
    cleanup()
  }
}

describe('catalog contract', () => {
  it('reads the key names of the documented contract, with kind defaulting to service', () => {
    const { catalog, problems } = build(`${TIERS}globalPaths: [package-lock.json]
services:
  indigenious-auth-service:
    path: indigenious-auth-service
    tier: 1
    dependsOn: [rds-aurora, redis]
    aliases: [auth]
  rds-aurora:
    kind: infrastructure
    tier: 1
  elasticache-redis:
    kind: infrastructure
    tier: 1
    aliases: [redis]
  indigenious-shared-libs:
    kind: library
    path: indigenious-shared-libs
`)
    expect(errors(problems)).toEqual([])
    const auth = catalog!.services.get('indigenious-auth-service')!
    expect(auth.kind).toBe('service')
    expect(auth.dependsOn).toEqual(['rds-aurora', 'elasticache-redis'])
    expect(catalog!.names.get('auth')).toBe('indigenious-auth-service')
    expect(catalog!.services.get('indigenious-shared-libs')!.kind).toBe('library')
    expect(catalog!.globalPaths).toEqual(['package-lock.json'])
  })
})

describe('buildCatalog (synchronous, everything loaded)', () => {
  it('reads any YAML (anchors here) and checks the branch rules, with nothing loaded first by the caller', () => {
    const services = { file: 'catalog/services.yaml', text: 'version: 1\ntiers: [{ id: 1, name: core }]\nservices:\n  auth:\n    path: auth\n    tier: 1\n    aliases: &a [login]\n  rfq:\n    path: rfq\n    tier: 1\n    dependsOn: *a\n' }
    const environments = ['dev', 'staging'].map((name) => ({ file: `catalog/environments/${name}.yaml`, text: `name: ${name}\nregion: us-east-1\nbranches: [main]\n` }))
    const { catalog, problems } = buildCatalog({ dir: 'catalog', root: '.', services, environments })
    expect(catalog!.services.get('rfq')!.dependsOn).toEqual(['auth'])
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^branch main deploys to both dev/)])
  })
})

describe('beforeLoad', () => {
  it('is told the length of every catalog file before the catalog is parsed or found in the cache, by loadCatalog and checkCatalog', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const services = `${TIERS}services:\n  api:\n    path: api\n    tier: 1\n`
      const staging = 'name: staging\nregion: us-east-1\n'
      writeFiles(dir, { 'catalog/services.yaml': services, 'catalog/environments/staging.yaml': staging })
      const told: number[] = []
      const options = { dir: join(dir, 'catalog'), beforeLoad: (length: number) => void told.push(length) }
      await loadCatalog({ ...options, cache: { dir: join(dir, 'cache'), codeVersion: 'v1' } })
      await loadCatalog({ ...options, cache: { dir: join(dir, 'cache'), codeVersion: 'v1' } }) // from the cache
      await checkCatalog(options)
      expect(told).toEqual([services.length + staging.length, services.length + staging.length, services.length + staging.length])
      // A catalog that fails to parse is still measured first.
      writeFiles(dir, { 'catalog/services.yaml': 'tiers: [\n' })
      await expect(loadCatalog(options)).rejects.toThrow(ConfigurationError)
      expect(told.at(-1)).toBe('tiers: [\n'.length + staging.length)
    } finally {
      cleanup()
    }
  })
})

describe('catalog validation', () => {
  it('reports a YAML syntax error with its line and column', async () => {
    const { problems } = await check(`${TIERS}services:\n  a: [unclosed\n  b: 2\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/YAML syntax error/)
    expect(problems[0]!.file).toBe('catalog/services.yaml')
    expect(problems[0]!.line).toBeGreaterThanOrEqual(5)
  })

  it('reports an unknown key at its line and suggests the near key', async () => {
    const { problems } = await check(`${TIERS}services:\n  auth:\n    path: auth\n    tier: 1\n    dependson: [x]\n`)
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: "services.auth: unknown key 'dependson'", hint: "did you mean 'dependsOn'?", line: 8, column: 5 }),
    ])
  })

  it('reports every problem in one run, not just the first', async () => {
    const { problems } = await check(`${TIERS}services:
  auth:
    path: auth
    tier: 1
    cpu: 300
    desiredcount: 2
  web:
    path: web
    tier: one
`)
    expect(errors(problems).map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringMatching(/services\.auth\.cpu: 300 is not one of 256, 512/)],
      [9, "services.auth: unknown key 'desiredcount'"],
      [12, 'services.web.tier: expected a whole number, found a string "one"'],
    ])
  })

  it('rejects a duplicate service name as a duplicated key at its line', async () => {
    const { problems } = await check(`${TIERS}services:\n  auth:\n    path: a\n    tier: 1\n  auth:\n    path: b\n    tier: 1\n`)
    expect(problems[0]).toMatchObject({ line: 8, message: "duplicate key 'auth'" })
  })

  it('rejects an alias that is another service name or alias', () => {
    const { problems } = build(`${TIERS}services:
  auth: { path: auth, tier: 1, aliases: [login] }
  user: { path: user, tier: 2, aliases: [auth] }
  users: { path: users, tier: 2, aliases: [login] }
`)
    expect(errors(problems).map((p) => p.message)).toEqual([
      "alias 'auth' of user is already a service name",
      "alias 'login' of users is already an alias of auth",
    ])
  })

  it('names an unknown dependency and the closest names', () => {
    const { problems } = build(`${TIERS}services:
  indigenious-payment-service: { path: payment, tier: 2, dependsOn: [indigenious-auth-servce] }
  indigenious-auth-service: { path: auth, tier: 1 }
`)
    expect(errors(problems)).toEqual([
      expect.objectContaining({ message: "indigenious-payment-service depends on unknown service 'indigenious-auth-servce'", hint: "did you mean 'indigenious-auth-service'?", path: ['services', 'indigenious-payment-service', 'dependsOn', 0] }),
    ])
  })

  it('prints a dependency cycle as a -> b -> a', () => {
    const { problems } = build(`${TIERS}services:
  a: { path: a, tier: 1, dependsOn: [b] }
  b: { path: b, tier: 1, dependsOn: [c] }
  c: { path: c, tier: 1, dependsOn: [a] }
  d: { path: d, tier: 1, dependsOn: [a] }
`)
    expect(errors(problems).map((p) => p.message)).toEqual(['dependency cycle: a -> b -> c -> a'])
  })

  it('rejects a service that depends on itself', () => {
    const { problems } = build(`${TIERS}services:\n  a: { path: a, tier: 1, dependsOn: [a] }\n`)
    expect(errors(problems)[0]!.message).toBe('a depends on itself')
  })

  it('rejects a dependency on a higher tier', () => {
    const { problems } = build(`${TIERS}services:
  auth: { path: auth, tier: 1, dependsOn: [user] }
  user: { path: user, tier: 2 }
`)
    expect(errors(problems)).toEqual([expect.objectContaining({ message: 'auth (tier 1) depends on user (tier 2), a higher tier' })])
  })

  it('rejects two services with the same path but allows nesting', () => {
    const { problems } = build(`${TIERS}services:
  gateway: { path: gateway-service/api-gateway, tier: 1 }
  gateway-tools: { path: gateway-service, tier: 1 }
  copy: { path: gateway-service/api-gateway, tier: 1 }
`)
    expect(errors(problems).map((p) => p.message)).toEqual(['copy and gateway have the same path gateway-service/api-gateway'])
  })

  it('compares paths after normalising them: auth and ./auth/ are the same path', () => {
    const { problems } = build(`${TIERS}services:
  auth: { path: auth, tier: 1 }
  login: { path: ./auth/, tier: 1 }
`)
    expect(errors(problems).map((p) => p.message)).toEqual(['login and auth have the same path auth'])
  })

  it('rejects a dependency on a disabled service', () => {
    const { problems } = build(`${TIERS}services:
  portal: { path: portal, tier: 1, disabled: true }
  web: { path: web, tier: 1, dependsOn: [portal] }
`)
    expect(errors(problems).map((p) => p.message)).toEqual(['web depends on portal, which is disabled'])
  })

  it('rejects a library that depends on a service, and a tier that is not defined', () => {
    const { problems } = build(`${TIERS}services:
  lib: { kind: library, path: lib, dependsOn: [auth] }
  auth: { path: auth, tier: 3 }
`)
    expect(errors(problems).map((p) => p.message)).toEqual([
      'auth is in tier 3, which is not defined in tiers',
      'library lib depends on service auth',
    ])
  })

  it('rejects a CPU and memory pair that Fargate does not offer, per environment too', () => {
    const { problems } = build(`${TIERS}services:\n  auth: { path: auth, tier: 1, cpu: 1024, memory: 1024 }\n  web: { path: web, tier: 1, cpu: 512, memory: 1024 }\n`, {
      prod: 'name: prod\nregion: ca-central-1\nservices:\n  web: { memory: 512 }\n',
    })
    expect(errors(problems).map((p) => `${p.file}: ${p.message}`)).toEqual([
      'catalog/services.yaml: auth: cpu 1024 with memory 1024 is not a Fargate task size',
      'catalog/environments/prod.yaml: auth in prod: cpu 1024 with memory 1024 is not a Fargate task size',
      'catalog/environments/prod.yaml: web in prod: cpu 512 with memory 512 is not a Fargate task size',
    ])
  })

  it('warns about a missing path, and makes it an error with --strict', () => {
    const text = `${TIERS}services:\n  auth: { path: auth, tier: 1 }\n  web: { path: web, tier: 1 }\n`
    const exists = (p: string) => p === 'web'
    expect(build(text, {}, exists).problems).toEqual([expect.objectContaining({ severity: 'warning', message: 'auth: path auth does not exist' })])
    expect(build(text, {}, exists, true).problems).toEqual([expect.objectContaining({ severity: 'error', message: 'auth: path auth does not exist' })])
  })

  it('rejects unsafe paths', () => {
    const { problems } = build(`${TIERS}services:\n  a: { path: ../outside, tier: 1 }\n  b: { path: /abs, tier: 1 }\n`)
    expect(errors(problems).map((p) => p.path?.join('.'))).toEqual(['services.a.path', 'services.b.path'])
  })

  it('checks environment files: name, unknown keys and unknown services', async () => {
    const { problems } = await check(`${TIERS}services:\n  auth: { path: auth, tier: 1 }\n`, {
      staging: 'name: stage\nregion: ca-central-1\nservices:\n  auht: { desiredCount: 2 }\nreplica: 2\n',
      production: 'name: production\nregion: ca-central-1\noptionalServices: [nope]\n',
    })
    expect(errors(problems).map((p) => `${p.file}:${p.line}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`)).toEqual([
      'catalog/environments/production.yaml:3: unknown service \'nope\'',
      "catalog/environments/staging.yaml:5: unknown key 'replica'",
      "catalog/environments/staging.yaml:1: environment file staging.yaml is named 'stage' (name it 'staging' or rename the file)",
      "catalog/environments/staging.yaml:4: unknown service 'auht' (did you mean 'auth'?)",
    ])
  })
})

describe('catalog validation of malformed documents', () => {
  const messages = (problems: Problem[]) => errors(problems).map((p) => `${p.file}:${p.line ?? '-'}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`)

  it('reports a service that is a string or empty as one shape error, without crashing', async () => {
    const { problems } = await check(`${TIERS}services:\n  a: hello\n  b:\n  c: { path: c, tier: 1 }\n`)
    expect(messages(problems)).toEqual([
      'catalog/services.yaml:5: services.a: expected a mapping, found a string "hello"',
      'catalog/services.yaml:6: services.b: expected a mapping, found nothing',
    ])
  })

  it('explains an empty file, tab indentation and binary content, each with a hint', async () => {
    expect(messages(build('').problems)).toEqual(['catalog/services.yaml:-: the file is empty (the file must hold a YAML mapping; see catalog/schema.json)'])
    expect(messages(build('tiers:\n\t- id: 1\n').problems)).toEqual(['catalog/services.yaml:2: YAML syntax error: tab characters must not be used in indentation (indent with spaces, not tabs)'])
    expect(messages(build('tiers: [\u0000\u0001]').problems)[0]).toMatch(/^catalog\/services\.yaml:1: YAML syntax error: .*\(this does not look like a text file\)$/)
  })

  it('reports malformed tiers once, without an undefined-tier error for every service', () => {
    const { problems } = build('tiers: [1]\nservices:\n  a: { path: a, tier: 1 }\n')
    expect(errors(problems).map((p) => p.message)).toEqual(['tiers.0: expected a mapping, found a whole number 1'])
  })

  it('names the duplicated key', () => {
    expect(messages(build(`${TIERS}services:\n  a: { path: a, tier: 1 }\n  a: { path: b, tier: 1 }\n`).problems)).toEqual([
      "catalog/services.yaml:6: duplicate key 'a' (each service, alias and setting may appear only once)",
    ])
  })

  it('gives the closest names for an unknown dependency even when none is near in spelling', () => {
    const { problems } = build(`${TIERS}services:\n  api: { path: api, tier: 1, dependsOn: [zzzzzz] }\n  web: { path: web, tier: 1 }\n`)
    expect(errors(problems)[0]!.hint).toBe("no similar name; the closest are 'api', 'web'")
  })

  it('reports an environment file that is not a mapping', async () => {
    const { problems } = await check(`${TIERS}services:\n  a: { path: a, tier: 1 }\n`, { dev: '- x\n', staging: 'just a string\n' })
    expect(messages(problems)).toEqual([
      'catalog/environments/dev.yaml:-: an environment file must be a mapping, found a list (see catalog/environments/dev.yaml for the form: name, account, region, cluster, ...)',
      'catalog/environments/staging.yaml:-: an environment file must be a mapping, found string "just a string" (see catalog/environments/dev.yaml for the form: name, account, region, cluster, ...)',
    ])
  })

  it('turns a directory where a catalog file should be into a ConfigurationError', async () => {
    const { dir, cleanup } = tempDir()
    try {
      mkdirSync(join(dir, 'a/services.yaml'), { recursive: true })
      await expect(checkCatalog({ dir: join(dir, 'a') })).rejects.toThrow(ConfigurationError)
      await expect(checkCatalog({ dir: join(dir, 'a') })).rejects.toThrow(/services\.yaml: it is a directory, expected a YAML file/)
      writeFiles(dir, { 'b/services.yaml': `${TIERS}services: {}\n`, 'b/environments': 'a file, not a directory' })
      await expect(checkCatalog({ dir: join(dir, 'b') })).rejects.toThrow(/cannot list .*environments: .*it should be a directory/)
    } finally {
      cleanup()
    }
  })
})

describe('loadCatalog', () => {
  it('throws one ConfigurationError listing every error with file:line', async () => {
    const { dir, cleanup } = tempDir()
    writeFiles(dir, { 'catalog/services.yaml': `${TIERS}services:\n  a: { path: a, tier: 1, dependsOn: [b] }\n  b: { path: b, tier: 1, dependsOn: [zz] }\n` })
    try {
      const error = await loadCatalog({ dir: `${dir}/catalog` }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as Error).message).toContain('the catalog has 1 error')
      expect((error as Error).message).toMatch(/services\.yaml:6:\d+: error: b depends on unknown service 'zz' \(no similar name; the closest are 'a', 'b'\)$/m)
    } finally {
      cleanup()
    }
  })

  it('says where it looked when there is no catalog', async () => {
    await expect(loadCatalog({ dir: '/nonexistent/catalog' })).rejects.toThrow(/no catalog at \/nonexistent\/catalog\/services\.yaml \(\/nonexistent\/catalog does not exist; pass --catalog DIR\)/)
  })

  it('loads the bundled platform catalog with its three environments and no errors', async () => {
    const { catalog } = await loadCatalog({ dir: 'catalog' })
    expect([...catalog.environments.keys()].sort()).toEqual(['dev', 'production', 'staging'])
    expect(catalog.services.get('indigenious-gateway-service')!.path).toBe('indigenious-gateway-service/indigenious-api-gateway')
    for (const name of ['rds-aurora', 'elasticache-redis']) expect(catalog.services.get(name)!.kind).toBe('infrastructure')
    expect(catalog.services.get('indigenious-shared-libs')!.kind).toBe('library')
    for (const name of ['indigenious-marketing-site', 'indigenious-partner-portal']) expect(catalog.services.get(name)!.disabled).toBe(true)
  })

  it('loads the INVOXA example catalog strictly (its service paths exist)', async () => {
    const result = await checkCatalog({ dir: 'examples/invoxa/catalog', strict: true, checkPaths: true })
    expect(result.problems).toEqual([])
    expect([...result.catalog!.environments.keys()]).toEqual(['dev', 'prod'])
  })
})

describe('repository paths', () => {
  const messages = (problems: Problem[]) => errors(problems).map((p) => `${p.file}:${p.line ?? '-'}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`)

  it('normalises every repository path once, in the catalog, before anything reads it', () => {
    const { catalog, problems } = build(`${TIERS}globalPaths: [./package-lock.json, "tools//lint/"]
defaults:
  build: { context: ./, dockerfile: ./docker//base.Dockerfile }
services:
  auth:
    path: ./services/auth/
    tier: 1
    watch: [./schemas//auth/**]
    build: { context: ., dockerfile: docker/auth.Dockerfile/ }
  lib:
    kind: library
    path: libs//shared
`)
    expect(errors(problems)).toEqual([])
    expect(catalog!.globalPaths).toEqual(['package-lock.json', 'tools/lint'])
    expect(catalog!.defaults.build).toEqual({ context: '.', dockerfile: 'docker/base.Dockerfile' })
    expect(catalog!.services.get('auth')).toMatchObject({ path: 'services/auth', watch: ['schemas/auth/**'], build: { context: '.', dockerfile: 'docker/auth.Dockerfile' } })
    expect(catalog!.services.get('lib')!.path).toBe('libs/shared')
  })

  it('refuses . and .. segments, absolute paths and paths leaving the repository at their file:line, with what to write', async () => {
    const { problems } = await check(`${TIERS}globalPaths: [../shared.lock]
services:
  auth:
    path: services/./auth
    tier: 1
  payment:
    path: services/payment/../pay
    tier: 1
    watch: [schemas/**, /schemas/payment/**]
  rfq:
    path: /services/rfq
    tier: 1
    build: { dockerfile: ../docker/rfq.Dockerfile }
  root:
    path: .
    tier: 1
`)
    // The repository root is the temp dir: shown as ROOT.
    expect(messages(problems).map((m) => m.replace(/repository root \(\/[^)]+\)/, 'repository root (ROOT)'))).toEqual([
      "catalog/services.yaml:4: globalPaths: '../shared.lock' leaves the repository (paths are relative to the repository root, and code outside the repository can be neither built nor watched for changes: move it into the repository)",
      "catalog/services.yaml:7: auth path: 'services/./auth' has a '.' segment (write 'services/auth')",
      "catalog/services.yaml:10: payment path: 'services/payment/../pay' has a '..' segment (write 'services/pay')",
      "catalog/services.yaml:12: payment watch: '/schemas/payment/**' is an absolute path (paths are relative to the repository root (ROOT): write 'schemas/payment/**')",
      "catalog/services.yaml:14: rfq path: '/services/rfq' is an absolute path (paths are relative to the repository root (ROOT): write 'services/rfq')",
      "catalog/services.yaml:16: rfq build.dockerfile: '../docker/rfq.Dockerfile' leaves the repository (paths are relative to the repository root, and code outside the repository can be neither built nor watched for changes: move it into the repository)",
      "catalog/services.yaml:18: root path: '.' is the repository root (name the directory of the code, e.g. 'services/auth': a service at the root would own every file)",
    ])
  })

  it('fails loading with every path problem listed at its file:line', async () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, { 'catalog/services.yaml': `${TIERS}services:\n  auth: { path: ../auth, tier: 1 }\n  rfq: { path: ./rfq, tier: 1 }\n  quotes: { path: rfq/, tier: 1 }\n` })
      const failure = loadCatalog({ dir: join(dir, 'catalog') })
      await expect(failure).rejects.toThrow(ConfigurationError)
      await expect(loadCatalog({ dir: join(dir, 'catalog') })).rejects.toThrow(/services\.yaml:5:\d+: error: auth path: '\.\.\/auth' leaves the repository[\s\S]*services\.yaml:7:\d+: error: quotes and rfq have the same path rfq/)
    } finally {
      cleanup()
    }
  })
})

describe('environments and dependencies', () => {
  const OPTIONAL = `tiers:
  - { id: 1, name: core }
  - { id: 4, name: optional, optional: true }
services:
  auth: { path: auth, tier: 1 }
  banking: { path: banking, tier: 4, dependsOn: [auth, video] }
  video: { path: video, tier: 4, dependsOn: [auth] }
`
  const messages = (problems: Problem[]) => errors(problems).map((p) => `${p.file}:${p.line ?? '-'}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`)

  it('refuses an enabled service whose dependency the environment does not enable, naming both and the file', async () => {
    const { problems } = await check(OPTIONAL, {
      production: 'name: production\nregion: ca-central-1\noptionalServices: [banking]\n',
      staging: 'name: staging\nregion: ca-central-1\noptionalServices: [banking, video]\n',
      dev: 'name: dev\nregion: ca-central-1\noptionalServices: ["*"]\n',
    })
    expect(messages(problems)).toEqual([
      'catalog/environments/production.yaml:3: banking is enabled in production but depends on video, which is not enabled there (add video to optionalServices in catalog/environments/production.yaml, or drop it from banking\'s dependsOn in catalog/services.yaml)',
    ])
  })

  it('refuses a dependency an environment switches off with enabled: false', () => {
    const { problems } = build(OPTIONAL, { dev: 'name: dev\nregion: ca-central-1\noptionalServices: ["*"]\nservices:\n  video: { enabled: false }\n' })
    expect(errors(problems).map((p) => [p.file, p.message, p.hint])).toEqual([
      ['catalog/environments/dev.yaml', 'banking is enabled in dev but depends on video, which is not enabled there', "catalog/environments/dev.yaml sets enabled: false for video: enable it, disable banking too, or drop video from banking's dependsOn in catalog/services.yaml"],
    ])
  })

  it('accepts a service whose dependencies are enabled, or that is not enabled itself', () => {
    const { problems } = build(OPTIONAL, {
      staging: 'name: staging\nregion: ca-central-1\noptionalServices: [banking, video]\n',
      production: 'name: production\nregion: ca-central-1\noptionalServices: [video]\n',
      qa: 'name: qa\nregion: ca-central-1\n',
    })
    expect(errors(problems)).toEqual([])
  })

  it('reports an environment file\'s schema errors together with its other problems', async () => {
    const { problems } = await check(OPTIONAL, {
      production: 'name: prod\nregion: ca-central-1\naccount: "12"\noptionalServices: [banking, 7, nope]\nservices:\n  bankng: { desiredCount: 2 }\n  auth: { cpu: 3 }\nreplica: 2\n',
    })
    expect(messages(problems)).toEqual([
      'catalog/environments/production.yaml:3: account: "12" is not a valid AWS account ID (must match ^\\d{12}$)',
      'catalog/environments/production.yaml:4: optionalServices.1: expected a string, found a whole number 7',
      'catalog/environments/production.yaml:7: services.auth.cpu: 3 is not one of 256, 512, 1024, 2048, 4096, 8192, 16384',
      "catalog/environments/production.yaml:8: unknown key 'replica'",
      "catalog/environments/production.yaml:1: environment file production.yaml is named 'prod' (name it 'production' or rename the file)",
      "catalog/environments/production.yaml:6: unknown service 'bankng' (did you mean 'banking'?)",
      "catalog/environments/production.yaml:4: unknown service 'nope'",
      'catalog/environments/production.yaml:4: banking is enabled in prod but depends on video, which is not enabled there (add video to optionalServices in catalog/environments/production.yaml, or drop it from banking\'s dependsOn in catalog/services.yaml)',
    ])
  })

  it('refuses loading, so plan and deploy stop before any AWS call', async () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, { 'catalog/services.yaml': OPTIONAL, 'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\noptionalServices: [banking]\n' })
      await expect(loadCatalog({ dir: join(dir, 'catalog') })).rejects.toThrow(/production\.yaml:3:\d+: error: banking is enabled in production but depends on video, which is not enabled there/)
    } finally {
      cleanup()
    }
  })
})
