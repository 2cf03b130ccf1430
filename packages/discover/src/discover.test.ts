import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog } from '@tierdeploy/catalog'
import { tempDir } from '@tierdeploy/testkit'
import { catalogFiles, discover, mergeCatalog, proposeTiers, renderCatalog, type Discovery, type Unit } from './index.js'
import { usersLayout, writeTree } from './test/users-layout.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function repo(files: Record<string, string>): string {
  const t = tempDir('tierdeploy-discover-')
  cleanups.push(t.cleanup)
  writeTree(t.dir, files)
  return t.dir
}

const entry = (d: Discovery, name: string): Unit => {
  const u = d.units.find((x) => x.name === name)
  if (!u) throw new Error(`no entry ${name}; found ${d.units.map((x) => x.name).join(', ')}`)
  return u
}
const depsOf = (d: Discovery, name: string): string[] => d.edges.filter((e) => e.from === name).map((e) => e.to).sort()

/** Writes the catalog init would write into ROOT/catalog and loads it as every command does. */
async function writeAndLoad(root: string, d: Discovery) {
  const files = catalogFiles(d, { environments: ['dev', 'staging', 'production'], region: 'ca-central-1', regionGiven: true })
  writeTree(join(root, 'catalog'), files)
  return loadCatalog({ dir: join(root, 'catalog'), checkPaths: true, strict: true })
}

describe('discover on the users\' layout (79 service directories)', () => {
  const layout = usersLayout()

  it('finds every expected service, library and data store with its path, kind, port, build template and dependencies', () => {
    const d = discover({ root: repo(layout.files) })
    expect(d.units.map((u) => u.name).sort()).toEqual(Object.keys(layout.expected).sort())
    for (const [name, want] of Object.entries(layout.expected)) {
      const u = entry(d, name)
      expect({ name, path: u.path, kind: u.kind, dependsOn: depsOf(d, name) }).toEqual({ name, path: want.path, kind: want.kind, dependsOn: want.dependsOn })
      if (want.port) expect({ name, port: u.port?.value }).toEqual({ name, port: want.port })
      expect({ name, template: u.kind === 'service' && !u.dockerfile ? u.language : undefined }).toEqual({ name, template: want.template })
    }
    expect(d.units.filter((u) => u.kind === 'service')).toHaveLength(72)
    expect(d.platform).toBe('indigenious')
    expect(d.globalPaths).toEqual(['package-lock.json'])
  })

  it('takes the innermost directory of the nested gateway and names it after the directory holding it', () => {
    const d = discover({ root: repo(layout.files) })
    const gateway = entry(d, 'indigenious-gateway-service')
    expect(gateway).toMatchObject({ path: 'indigenious-gateway-service/indigenious-api-gateway', aliases: ['gateway', 'api-gateway'], port: { value: 8080, source: 'EXPOSE in its Dockerfile' } })
    expect(entry(d, 'indigenious-auth-service').aliases).toEqual(['auth'])
  })

  it('lists empty directories, the separate project, infrastructure folders and compose tools, each with its reason', () => {
    const d = discover({ root: repo(layout.files) })
    expect(Object.fromEntries(d.skipped.map((s) => [s.path, s.reason]))).toEqual(layout.skipped)
    expect(d.skipped.find((s) => s.path === 'indigenious-marketing-site')!.detail).toBe('its own package-lock.json and no Dockerfile: a separate project (Next.js), built and released on its own')
  })

  it('keeps the evidence of every dependency: package, Python path, compose depends_on and environment references', () => {
    const d = discover({ root: repo(layout.files) })
    const evidence = (from: string, to: string) => d.edges.find((e) => e.from === from && e.to === to)!.evidence.map((e) => `${e.kind} ${e.file}:${e.line} ${e.text}`)
    expect(evidence('indigenious-auth-service', 'postgres')).toEqual(['compose docker-compose.yml:10 postgres', 'url indigenious-auth-service/.env.example:1 postgres'])
    expect(evidence('indigenious-gateway-service', 'indigenious-auth-service')).toEqual([
      'compose docker-compose.yml:14 auth',
      'variable indigenious-gateway-service/indigenious-api-gateway/.env.example:2 AUTH_SERVICE_URL',
      'url indigenious-gateway-service/indigenious-api-gateway/.env.example:2 indigenious-auth-service',
    ])
    expect(evidence('indigenious-user-service', 'indigenious-shared-libs')).toEqual(['package indigenious-user-service/package.json:11 @indigenious/shared-libs'])
    expect(evidence('indigenious-analytics-service', 'indigenious-shared-libs')).toEqual(['python-path indigenious-analytics-service/pyproject.toml:6 ../indigenious-shared-libs'])
    expect(evidence('indigenious-payment-service', 'indigenious-user-service')).toEqual(['variable indigenious-payment-service/.env.example:2 USER_SERVICE_URL', 'url indigenious-payment-service/.env.example:2 user'])
    expect(evidence('indigenious-chat-service', 'indigenious-auth-service')).toEqual(['variable docker-compose.yml:20 AUTH_SERVICE_URL', 'url docker-compose.yml:20 auth'])
  })

  it('proposes, not writes, a bare name in config and the edge that would close a cycle', () => {
    const d = discover({ root: repo(layout.files) })
    expect(d.suggested.map((e) => [e.from, e.to, e.evidence[0]!.kind, e.doubt])).toEqual([
      ['indigenious-chat-service', 'indigenious-notification-service', 'variable', 'it would close the cycle indigenious-chat-service -> indigenious-notification-service -> indigenious-chat-service'],
      ['indigenious-notification-service', 'indigenious-analytics-service', 'name', undefined],
    ])
    const accepted = discover({ root: repo(layout.files), acceptSuggested: true })
    expect(depsOf(accepted, 'indigenious-notification-service')).toContain('indigenious-analytics-service')
    // The cycle stays broken even when suggestions are accepted.
    expect(accepted.suggested.map((e) => e.to)).toEqual(['indigenious-notification-service'])
  })

  it('proposes tiers with data stores and the gateway in tier 1 and services nothing depends on at the top', () => {
    const d = discover({ root: repo(layout.files) })
    const tier = (n: string): number => d.tiers.of.get(n)!.tier
    expect(d.tiers.tiers.map((t) => t.name)).toEqual(['core', 'business', 'intelligence', 'optional'])
    for (const n of ['postgres', 'redis', 'indigenious-gateway-service', 'indigenious-auth-service']) expect({ n, tier: tier(n) }).toEqual({ n, tier: 1 })
    for (const n of ['indigenious-web-frontend', 'indigenious-banking-service', 'indigenious-ai-orchestrator-service']) expect({ n, tier: tier(n) }).toEqual({ n, tier: 4 })
    expect(d.tiers.of.has('indigenious-shared-libs')).toBe(false)
    for (const e of d.edges) if (d.tiers.of.has(e.to)) expect({ e: `${e.from} -> ${e.to}`, ok: tier(e.from) >= tier(e.to) }).toEqual({ e: `${e.from} -> ${e.to}`, ok: true })
  })

  it('writes a catalog and environment stubs that validate strictly, with the evidence as comments', async () => {
    const root = repo(layout.files)
    const d = discover({ root })
    const { catalog, warnings } = await writeAndLoad(root, d)
    expect(warnings).toEqual([])
    expect(catalog.services.size).toBe(Object.keys(layout.expected).length)
    expect(catalog.services.get('indigenious-gateway-service')).toMatchObject({ path: 'indigenious-gateway-service/indigenious-api-gateway', tier: 1, container: { port: 8080 } })
    expect(catalog.services.get('indigenious-analytics-service')).toMatchObject({ build: { template: 'python', args: { APP_MODULE: 'app.main:app' } }, container: { port: 5000 } })
    expect(catalog.services.get('indigenious-shared-libs')!.kind).toBe('library')
    expect(catalog.names.get('rfq')).toBe('indigenious-rfq-service')
    expect([...catalog.environments.keys()].sort()).toEqual(['dev', 'production', 'staging'])
    expect(catalog.environments.get('production')).toMatchObject({ requireApproval: true, promotesFrom: 'staging', region: 'ca-central-1', cluster: 'indigenious-production' })
    const text = readFileSync(join(root, 'catalog/services.yaml'), 'utf8')
    expect(text).toContain('      - indigenious-user-service # USER_SERVICE_URL (indigenious-payment-service/.env.example:2)\n')
    expect(text).toContain('  # suggested dependsOn indigenious-analytics-service: the name indigenious-analytics-service (indigenious-notification-service/config/default.json:2)\n')
    expect(text).toContain('#   indigenious-partner-portal: empty: no code yet\n')
    expect(text).toContain('    tier: 1 # proposed: gateway: tier 1\n')
  })

  it('updates the catalog with an added service and notes a removed one, changing nothing else', async () => {
    const root = repo(layout.files)
    await writeAndLoad(root, discover({ root }))
    const file = join(root, 'catalog/services.yaml')
    // Hand edits: a field and a comment that --update must keep.
    const handEdited = readFileSync(file, 'utf8').replace('  indigenious-rfq-service:\n', '  # Owned by the procurement team.\n  indigenious-rfq-service:\n    owner: procurement\n')
    writeFileSync(file, handEdited)
    writeTree(root, {
      'indigenious-grants-service/package.json': '{"name":"@indigenious/grants-service","scripts":{"start":"node index.js"}}\n',
      'indigenious-grants-service/.env.example': 'RFQ_SERVICE_URL=http://rfq:3000\n',
      'indigenious-tender-service/.env.example': 'TENDER=1\n',
    })
    rmSync(join(root, 'indigenious-video-service'), { recursive: true })
    const merged = mergeCatalog(handEdited, 'catalog/services.yaml', discover({ root }), (p) => existsSync(join(root, p)))
    expect(merged.added).toEqual(['indigenious-grants-service'])
    expect(merged.missing).toEqual([{ name: 'indigenious-video-service', path: 'indigenious-video-service' }])
    // Only text is added: the note above the entry whose directory is gone, and the new entry with its comments.
    const note = '  # tierdeploy init --update: indigenious-video-service no longer exists; remove indigenious-video-service or fix its path\n  indigenious-video-service:\n'
    const block = [
      '',
      '  # added by tierdeploy init --update',
      '  # found: package.json start script; port 3000 from the PORT of the node template',
      '  # no Dockerfile: built from the bundled node template (templates/docker/node.Dockerfile)',
      '  # check: the node template runs `npm run build`, which package.json does not define: add a build script or a Dockerfile',
      '  indigenious-grants-service:',
      '    path: indigenious-grants-service',
      '    tier: 4 # proposed: nothing depends on it',
      '    aliases: [grants]',
      '    dependsOn:',
      '      - indigenious-rfq-service # RFQ_SERVICE_URL (indigenious-grants-service/.env.example:1)',
      '    build: {template: node, args: {ENTRY: index.js}}',
      '',
    ].join('\n')
    expect(merged.text).toContain(note)
    expect(merged.text).toContain(`${block}\n# Not in the catalog:`)
    expect(merged.text.replace(note, '  indigenious-video-service:\n').replace(block, '')).toBe(handEdited)
    // The hand-written comment and field are still there, and the result still parses into a catalog.
    expect(merged.text).toContain('  # Owned by the procurement team.\n  indigenious-rfq-service:\n    owner: procurement\n')
    const { problems } = buildCatalog({ dir: 'catalog', root, services: { file: 'catalog/services.yaml', text: merged.text }, environments: [] })
    expect(problems.filter((p) => p.severity === 'error')).toEqual([])
    // A second run adds nothing and does not repeat the note.
    const again = mergeCatalog(merged.text, 'catalog/services.yaml', discover({ root }), (p) => existsSync(join(root, p)))
    expect(again.added).toEqual([])
    expect(again.text).toBe(merged.text)
  })
})

describe('discover rules', () => {
  it('takes the innermost deployable directory, and both when the outer one has its own Dockerfile', () => {
    const root = repo({
      'platform/package.json': '{"name":"platform","scripts":{"start":"turbo run start"}}\n',
      'platform/api/package.json': '{"name":"api","scripts":{"start":"node ."}}\n',
      'platform/worker/requirements.txt': 'celery\n',
      'platform/worker/main.py': '\n',
      'edge/Dockerfile': 'FROM nginx\nEXPOSE 80\n',
      'edge/admin/Dockerfile': 'FROM node:20\n',
      'edge/admin/package.json': '{"name":"admin","scripts":{"start":"node ."}}\n',
    })
    const d = discover({ root })
    expect(d.units.map((u) => [u.name, u.path])).toEqual([['admin', 'edge/admin'], ['api', 'platform/api'], ['edge', 'edge'], ['worker', 'platform/worker']])
    expect(d.skipped).toEqual([{ path: 'platform', reason: 'not-a-service', detail: 'holds platform/api, platform/worker: the innermost directory is the service' }])
    expect(entry(d, 'edge').port).toEqual({ value: 80, source: 'EXPOSE in its Dockerfile' })
  })

  it('names two nested directories of one name by their paths, and skips what the ignore file lists', () => {
    const d = discover({
      root: repo({
        '.tierdeployignore': '# not ours\nvendor-apps/*\n',
        'teams/a/api/Dockerfile': 'FROM node:20\n',
        'teams/a/worker/Dockerfile': 'FROM node:20\n',
        'teams/b/api/Dockerfile': 'FROM node:20\n',
        'teams/b/worker/Dockerfile': 'FROM node:20\n',
        'vendor-apps/crm/Dockerfile': 'FROM node:20\n',
      }),
    })
    expect(d.units.map((u) => u.name)).toEqual(['teams-a-api', 'teams-a-worker', 'teams-b-api', 'teams-b-worker'])
    expect(d.skipped).toEqual([{ path: 'vendor-apps/crm', reason: 'ignored', detail: 'listed in .tierdeployignore (vendor-apps/*)' }])
  })

  it('reads the port from EXPOSE, the template\'s PORT, then PORT in an environment file', () => {
    const d = discover({
      root: repo({
        'a/Dockerfile': 'FROM node:20\nEXPOSE 7000\n',
        'a/.env.example': 'PORT=7001\n',
        'b/package.json': '{"name":"b","scripts":{"start":"next start"},"dependencies":{"next":"14"}}\n',
        'b/Dockerfile': 'FROM node:20\n',
        'b/.env.example': 'PORT=7002\n',
        'c/package.json': '{"name":"c","scripts":{"start":"nest start"},"dependencies":{"@nestjs/core":"10"}}\n',
        'd/pyproject.toml': '[project]\nname = "d"\ndependencies = ["django"]\n',
        'd/manage.py': '\n',
      }),
    })
    expect(d.units.map((u) => [u.name, u.port])).toEqual([
      ['a', { value: 7000, source: 'EXPOSE in its Dockerfile' }],
      ['b', { value: 7002, source: 'PORT in .env.example' }],
      ['c', { value: 3000, source: 'the PORT of the node template' }],
      ['d', { value: 5000, source: 'the PORT of the python template' }],
    ])
    expect(d.units.find((u) => u.name === 'd')!.notes).toEqual(['the python template installs requirements.txt, which this service does not have: add one or a Dockerfile'])
  })

  it('scans a directory named catalog until it holds a catalog', () => {
    const root = repo({ 'catalog/Dockerfile': 'FROM node:20\n', 'api/Dockerfile': 'FROM node:20\n' })
    expect(discover({ root }).units.map((u) => u.name)).toEqual(['api', 'catalog'])
    writeTree(root, { 'catalog/services.yaml': 'services: {}\n' })
    expect(discover({ root }).units.map((u) => u.name)).toEqual(['api'])
  })

  it('takes a service with its own lockfile for a separate project only in a workspace', () => {
    const files = { 'web/package.json': '{"name":"web","scripts":{"start":"next start"}}\n', 'web/package-lock.json': '{}\n' }
    expect(discover({ root: repo(files) }).units.map((u) => u.name)).toEqual(['web'])
    expect(discover({ root: repo({ ...files, 'package-lock.json': '{}\n' }) }).skipped.map((s) => s.reason)).toEqual(['separate-project'])
  })

  it('leaves out a package no service depends on, and does not let a library depend on a service', () => {
    const d = discover({
      root: repo({
        'libs/used/package.json': '{"name":"@x/used"}\n',
        'libs/unused/package.json': '{"name":"@x/unused"}\n',
        'libs/used/.env.example': 'API_SERVICE_URL=http://api:3000\n',
        'api/package.json': '{"name":"@x/api","scripts":{"start":"node ."},"dependencies":{"@x/used":"workspace:*"}}\n',
      }),
    })
    expect(d.units.map((u) => [u.name, u.kind])).toEqual([['api', 'service'], ['used', 'library']])
    expect(depsOf(d, 'api')).toEqual(['used'])
    expect(d.skipped).toEqual([{ path: 'libs/unused', reason: 'not-a-service', detail: 'package.json without a start entry, and no service depends on it' }])
  })
})

describe('proposeTiers', () => {
  it('never proposes a tier inversion: the catalog validator accepts every proposal on random graphs', () => {
    let seed = 7
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 30; round++) {
      const count = 5 + Math.floor(random() * 40)
      const units: Unit[] = Array.from({ length: count }, (_, i) => ({ name: i % 9 === 0 ? `gateway-${i}` : `s${i}`, kind: i % 7 === 0 ? 'infrastructure' : 'service', dockerfile: true, aliases: [], found: '', ...(i % 7 === 0 ? {} : { path: `s${i}` }) }))
      // Edges only from a higher index to a lower one: acyclic.
      const edges = units.flatMap((u, i) => units.slice(0, i).filter(() => random() < 0.15).map((d) => ({ from: u.name, to: d.name, evidence: [{ kind: 'url' as const, file: 'x', line: 1, text: d.name }] })))
      const d: Discovery = { platform: 'p', units, edges, suggested: [], skipped: [], tiers: proposeTiers(units, edges), globalPaths: [] }
      const { problems } = buildCatalog({ dir: 'catalog', root: '/r', services: { file: 'services.yaml', text: renderCatalog(d) }, environments: [] })
      expect(problems.filter((p) => p.severity === 'error')).toEqual([])
      expect(Math.max(...[...d.tiers.of.values()].map((t) => t.tier))).toBeLessThanOrEqual(4)
    }
  })
})
