import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigurationError, loadCatalog } from '@tierdeploy/catalog'
import { createGitRepo, tempDir, writeFiles, type GitRepo } from '@tierdeploy/testkit'
import { chooseRange, type GitHubEvent, type RangeInputs } from './base.js'
import { detectChangedServices, type DetectOptions } from './detect.js'
import { Git, gitRunner, type GitRunner } from './git.js'
import { History } from './history.js'
import { fixtureFiles, SERVICES_YAML } from './test/fixture.js'

const ZERO = '0'.repeat(40)
const repos: GitRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

function fixtureRepo(): GitRepo {
  const repo = createGitRepo(fixtureFiles())
  repos.push(repo)
  return repo
}

async function detect(repo: GitRepo, options: Omit<DetectOptions, 'catalog' | 'git'> = {}) {
  const { catalog } = await loadCatalog({ dir: join(repo.dir, 'catalog') })
  const logs: string[] = []
  const log = { debug: () => {}, info: (m: string) => logs.push(m), warning: (m: string) => logs.push(`warning: ${m}`), error: (m: string) => logs.push(`error: ${m}`) }
  const result = await detectChangedServices({ catalog, git: gitRunner(repo.dir), log, ...options })
  return Object.assign(result, { logs })
}

const push = (before: string, after: string, ref = 'refs/heads/feature'): GitHubEvent => ({
  name: 'push',
  payload: { ref, before, after, repository: { default_branch: 'main' } },
})

describe('detectChangedServices on a real repository', () => {
  it('maps a push to the innermost nested service', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('gateway', { 'indigenious-gateway-service/indigenious-api-gateway/src/route.ts': 'export {}\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ mode: 'changes', base: before, head: after, services: ['indigenious-gateway-service'], deleted: [], infrastructure: false })
    const outer = repo.commit('compose', { 'indigenious-gateway-service/docker-compose.yml': 'services: { a: {} }\n' })
    expect((await detect(repo, { event: push(after, outer, 'refs/heads/main') })).services).toEqual(['indigenious-gateway-edge'])
  })

  it('propagates library and global path changes, and only those', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('lib', { 'libs/shared/index.ts': 'export const shared = 2\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['indigenious-auth-service'])
    expect(d.reasons['indigenious-auth-service']).toEqual([{ kind: 'library', library: 'shared-libs', via: [] }])
    const lock = repo.commit('lock', { 'package-lock.json': '{"v":2}\n' })
    const g = await detect(repo, { event: push(after, lock, 'refs/heads/main') })
    expect(g.services).toEqual(['indigenious-auth-service', 'indigenious-gateway-edge', 'indigenious-gateway-service', 'indigenious-payment-service', 'indigenious-rfq-service'])
  })

  it('ignores files matched by ignore globs and reports them as affecting nothing', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('docs', { 'services/auth/README.md': '# new\n', 'services/auth/docs/design.txt': 'v2\n', 'services/payment/CHANGELOG.md': 'x\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual([])
    expect(d.unclaimed.count).toBe(3)
  })

  it('reports a service whose directory was deleted as deleted, and one that lost only some files as changed', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('delete rfq', { 'package-lock.json': '{"v":3}\n' }, ['services/rfq', 'services/payment/src/pay.ts'])
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.deleted).toEqual(['indigenious-rfq-service'])
    expect(d.services).not.toContain('indigenious-rfq-service')
    expect(d.services).toContain('indigenious-payment-service')
    expect(d.reasons['indigenious-rfq-service']).toEqual([{ kind: 'deleted', path: 'services/rfq' }])
  })

  it('counts both the old and the new path of a rename', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    repo.git('mv', 'services/payment/src/pay.ts', 'services/rfq/src/pay.ts')
    const after = repo.commit('move')
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ services: ['indigenious-payment-service', 'indigenious-rfq-service'], deleted: [], files: 2 })
  })

  it('reports a service whose whole directory moved away as deleted', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    repo.git('mv', 'services/rfq', 'services/payment/rfq')
    const after = repo.commit('move rfq into payment')
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ services: ['indigenious-payment-service'], deleted: ['indigenious-rfq-service'] })
  })

  it('handles paths with spaces, quotes and non-ASCII characters', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('odd names', { 'services/payment/src/naïve "quoted" file.ts': 'x\n', 'services/auth/src/tab\there.ts': 'x\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['indigenious-auth-service', 'indigenious-payment-service'])
    expect(d.reasons['indigenious-payment-service']).toEqual([{ kind: 'files', count: 1, files: ['services/payment/src/naïve "quoted" file.ts'] }])
  })

  it('sets infrastructure for terraform changes and deploys nothing for them', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('tf', { 'terraform/modules/ecs/main.tf': '# ecs\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ services: [], infrastructure: true, infrastructureFiles: { count: 1, files: ['terraform/modules/ecs/main.tf'] } })
  })

  it('affects a service whose definition changed in services.yaml, but not for a description', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const yaml = SERVICES_YAML.replace('    aliases: [auth]\n', '    aliases: [auth]\n    cpu: 512\n    memory: 1024\n').replace('    path: services/rfq\n', '    path: services/rfq\n    description: Requests for quotes\n')
    const after = repo.commit('cpu', { 'catalog/services.yaml': yaml })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ services: ['indigenious-auth-service'], infrastructure: true })
    expect(d.reasons['indigenious-auth-service']).toEqual([{ kind: 'definition', file: 'catalog/services.yaml' }])
  })

  it('affects every service inheriting a changed catalog default, and reports a service removed from the catalog as deleted', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const yaml = SERVICES_YAML.replace('defaults:\n', 'defaults:\n  memory: 1024\n').replace(/ {2}indigenious-rfq-service:\n( {4}.*\n)+?(?= {2}old-service)/, '')
    const after = repo.commit('defaults', { 'catalog/services.yaml': yaml }, ['services/rfq'])
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['indigenious-auth-service', 'indigenious-gateway-edge', 'indigenious-gateway-service', 'indigenious-payment-service'])
    expect(d.deleted).toEqual(['indigenious-rfq-service'])
    expect(d.reasons['indigenious-rfq-service']).toEqual([{ kind: 'deleted', file: 'catalog/services.yaml' }])
  })

  it('affects a service whose override changed in an environment file', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    const after = repo.commit('prod', { 'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\nservices:\n  auth:\n    desiredCount: 3\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['indigenious-auth-service'])
    expect(d.reasons['indigenious-auth-service']).toEqual([{ kind: 'definition', file: 'catalog/environments/production.yaml' }])
  })

  it('maps a 100,000-file change in a real repository exactly', async () => {
    const repo = fixtureRepo()
    const before = repo.sha()
    // Half under payment's directory, half ignored docs of rfq (defaults.ignore: **/*.md).
    const paths: string[] = []
    for (let i = 0; i < 50_000; i++) paths.push(`services/payment/src/gen/d${i % 100}/f${i}.ts`)
    for (let i = 0; i < 50_000; i++) paths.push(`services/rfq/docs/d${i % 100}/f${i}.md`)
    const after = repo.commitPaths('huge change', paths, 'export {}\n')
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['indigenious-payment-service'])
    expect(d.files).toBe(100_000)
    expect(d.reasons['indigenious-payment-service']![0]).toMatchObject({ kind: 'files', count: 50_000 })
    expect(d.unclaimed.count).toBe(50_000)
  })
})

describe('a force push after a deploy (issue 13)', () => {
  const CATALOG = `version: 1
tiers:
  - { id: 1, name: edge }
services:
  gw-api:
    path: gw/api
    tier: 1
  gw-admin:
    path: gw/admin
    tier: 1
`
  /** X changes gw/api and is deployed; main is then force-pushed to N, which changes only gw/admin and lacks X. */
  function forcePushed(): { repo: GitRepo; fork: string; x: string; n: string } {
    const repo = createGitRepo({ 'catalog/services.yaml': CATALOG, 'gw/api/index.ts': 'v1\n', 'gw/admin/index.ts': 'v1\n' })
    repos.push(repo)
    const fork = repo.sha()
    const x = repo.commit('api change (deployed)', { 'gw/api/index.ts': 'v2\n' })
    repo.git('reset', '--quiet', '--hard', fork)
    const n = repo.commit('admin change (force-pushed)', { 'gw/admin/index.ts': 'v2\n' })
    return { repo, fork, x, n }
  }

  it('reports gw-api (whose deployed change N drops) and gw-admin for the push event', async () => {
    const { repo, x, n } = forcePushed()
    // N is not a descendant of X (git merge-base --is-ancestor exits 1).
    expect(() => repo.git('merge-base', '--is-ancestor', x, n)).toThrow()
    const d = await detect(repo, { event: { name: 'push', payload: { ref: 'refs/heads/main', before: x, after: n, forced: true, repository: { default_branch: 'main' } } } })
    expect(d).toMatchObject({ mode: 'changes', base: x, head: n, comparison: 'trees', services: ['gw-admin', 'gw-api'] })
    expect(d.reasons['gw-api']).toEqual([{ kind: 'files', count: 1, files: ['gw/api/index.ts'] }])
  })

  it('reports both for an explicit base, and only gw-admin when asked for the merge base', async () => {
    const { repo, fork, x, n } = forcePushed()
    expect(await detect(repo, { base: x, head: n })).toMatchObject({ base: x, comparison: 'trees', services: ['gw-admin', 'gw-api'] })
    expect(await detect(repo, { base: x, head: n, mergeBase: true })).toMatchObject({ base: fork, comparison: 'merge-base', services: ['gw-admin'] })
  })
})

describe('paths written in other forms (issue 13)', () => {
  it('matches a changed file under a service whose path was written ./auth/, and watch and global paths written with ./', async () => {
    const repo = createGitRepo({
      'catalog/services.yaml': `version: 1
tiers:
  - { id: 1, name: core }
globalPaths: [./tools//lint.json]
services:
  auth:
    path: ./auth/
    tier: 1
  payment:
    path: services//payment
    tier: 1
    watch: [./schemas/payment/**]
`,
      'auth/index.ts': 'v1\n',
      'services/payment/index.ts': 'v1\n',
      'schemas/payment/order.proto': 'v1\n',
      'tools/lint.json': '{}\n',
    })
    repos.push(repo)
    const before = repo.sha()
    const after = repo.commit('auth and a payment schema', { 'auth/index.ts': 'v2\n', 'schemas/payment/order.proto': 'v2\n' })
    const d = await detect(repo, { event: push(before, after, 'refs/heads/main') })
    expect(d.services).toEqual(['auth', 'payment'])
    expect(d.reasons.auth).toEqual([{ kind: 'files', count: 1, files: ['auth/index.ts'] }])
    const lint = repo.commit('lint', { 'tools/lint.json': '{"v":2}\n' })
    expect((await detect(repo, { event: push(after, lint, 'refs/heads/main') })).services).toEqual(['auth', 'payment'])
  })
})

describe('build inputs outside the service path (issue 13)', () => {
  const CATALOG = `version: 1
tiers:
  - { id: 1, name: core }
globalPaths: [package-lock.json]
defaults:
  ignore: ["**/*.md"]
services:
  shared-lib:
    kind: library
    path: libs/shared
  auth:
    path: services/auth
    tier: 1
    dependsOn: [shared-lib]
    build: { dockerfile: docker/auth.Dockerfile }
  monolith:
    path: services/monolith
    tier: 1
    build: { context: ".", dockerfile: docker/monolith.Dockerfile }
  payment:
    path: services/payment
    tier: 1
`
  function buildRepo(files: Record<string, string> = {}): GitRepo {
    const repo = createGitRepo({
      'catalog/services.yaml': CATALOG,
      'package-lock.json': '{}\n',
      'libs/shared/index.ts': 'v1\n',
      'docker/auth.Dockerfile': 'FROM node:20\n',
      'docker/monolith.Dockerfile': 'FROM node:20\nCOPY . .\n',
      'services/auth/index.ts': 'v1\n',
      'services/monolith/index.ts': 'v1\n',
      'services/payment/index.ts': 'v1\n',
      'services/payment/Dockerfile': 'FROM node:20\n',
      'tools/build.sh': 'v1\n',
      ...files,
    })
    repos.push(repo)
    return repo
  }
  const changed = async (repo: GitRepo, files: Record<string, string>, remove: string[] = []) => {
    const base = repo.sha()
    const head = repo.commit('change', files, remove)
    return detect(repo, { base, head })
  }

  it('affects a service when its Dockerfile kept outside its path changes, saying it is a build file', async () => {
    const repo = buildRepo()
    const d = await changed(repo, { 'docker/auth.Dockerfile': 'FROM node:22\n' })
    // The monolith is built from the whole repository, so the file is in its context as well.
    expect(d.services).toEqual(['auth', 'monolith'])
    expect(d.reasons.auth).toEqual([{ kind: 'build', count: 1, files: ['docker/auth.Dockerfile'] }])
    expect(d.unclaimed.count).toBe(0)
    const alone = buildRepo({ '.dockerignore': 'docker/auth.Dockerfile\n' })
    expect((await changed(alone, { 'docker/auth.Dockerfile': 'FROM node:22\n' })).services).toEqual(['auth'])
  })

  it('affects a service built from a context above its path by any file of that context', async () => {
    const repo = buildRepo()
    const d = await changed(repo, { 'tools/build.sh': 'v2\n', 'services/payment/index.ts': 'v2\n' })
    expect(d.services).toEqual(['monolith', 'payment'])
    expect(d.reasons.monolith).toEqual([{ kind: 'build', count: 2, files: ['services/payment/index.ts', 'tools/build.sh'] }])
    expect(d.reasons.payment).toEqual([{ kind: 'files', count: 1, files: ['services/payment/index.ts'] }])
    // Its ignore globs apply to the context's files too.
    expect((await changed(repo, { 'docs/guide.md': 'v2\n' })).services).toEqual([])
  })

  it('leaves out what the context\'s .dockerignore excludes, and counts a change to the .dockerignore itself', async () => {
    const repo = buildRepo({ '.dockerignore': 'tools\nservices/*\n!services/monolith\n' })
    expect((await changed(repo, { 'tools/build.sh': 'v2\n', 'services/payment/index.ts': 'v2\n' })).services).toEqual(['payment'])
    expect((await changed(repo, { 'libs/shared/index.ts': 'v2\n' })).services).toEqual(['auth', 'monolith'])
    const d = await changed(repo, { '.dockerignore': 'tools\n' })
    expect(d.services).toEqual(['monolith'])
    expect(d.reasons.monolith).toEqual([{ kind: 'build', count: 1, files: ['.dockerignore'] }])
    // Now that head's .dockerignore no longer excludes services/*, payment's files are the monolith's too.
    expect((await changed(repo, { 'services/payment/index.ts': 'v3\n' })).services).toEqual(['monolith', 'payment'])
  })

  it('prefers the Dockerfile\'s own .dockerignore over the context\'s, as BuildKit does', async () => {
    const repo = buildRepo({ '.dockerignore': 'tools\n', 'docker/monolith.Dockerfile.dockerignore': 'services/payment\n' })
    expect((await changed(repo, { 'tools/build.sh': 'v2\n' })).services).toEqual(['monolith'])
    expect((await changed(repo, { 'services/payment/index.ts': 'v2\n' })).services).toEqual(['payment'])
  })

  it('affects a service through a library and through a global path, whatever its context', async () => {
    const repo = buildRepo()
    const lib = await changed(repo, { 'libs/shared/index.ts': 'v2\n' })
    expect(lib.services).toEqual(['auth', 'monolith'])
    expect(lib.reasons.auth).toEqual([{ kind: 'library', library: 'shared-lib', via: [] }])
    expect(lib.reasons.monolith).toEqual([{ kind: 'build', count: 1, files: ['libs/shared/index.ts'] }])
    const global = await changed(repo, { 'package-lock.json': '{"v":2}\n' })
    expect(global.services).toEqual(['auth', 'monolith', 'payment'])
    expect(global.reasons.auth).toEqual([{ kind: 'global', count: 1, files: ['package-lock.json'] }])
  })

  it('counts a Dockerfile the .dockerignore excludes: Docker reads it all the same', async () => {
    const repo = buildRepo({ '.dockerignore': '*\n!services/monolith\n' })
    const d = await changed(repo, { 'docker/monolith.Dockerfile': 'FROM node:22\nCOPY . .\n', 'tools/build.sh': 'v2\n' })
    expect(d.services).toEqual(['monolith'])
    expect(d.reasons.monolith).toEqual([{ kind: 'build', count: 1, files: ['docker/monolith.Dockerfile'] }])
  })
})

describe('a catalog below the repository root', () => {
  it('maps paths relative to the catalog root and ignores changes outside it', async () => {
    const files = Object.fromEntries(Object.entries(fixtureFiles()).map(([path, text]) => [`platform/${path}`, text]))
    const repo = createGitRepo({ ...files, 'other-project/services/auth/src/index.ts': 'x\n' })
    repos.push(repo)
    const before = repo.sha()
    const after = repo.commit('change', { 'platform/services/auth/src/index.ts': 'y\n', 'other-project/services/payment/src/a.ts': 'y\n', 'platform/catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\n' }, ['platform/services/rfq'])
    const { catalog } = await loadCatalog({ dir: join(repo.dir, 'platform', 'catalog') })
    const d = await detectChangedServices({ catalog, git: gitRunner(join(repo.dir, 'platform')), event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ services: ['indigenious-auth-service'], deleted: ['indigenious-rfq-service'], infrastructure: true })
    expect(d.reasons['indigenious-auth-service']).toEqual([{ kind: 'files', count: 1, files: ['services/auth/src/index.ts'] }, { kind: 'definition', file: 'catalog/environments/production.yaml' }])
  })
})

describe('choosing what to compare', () => {
  it('compares a first push of a branch with the tip of the default branch, tree to tree', async () => {
    const repo = fixtureRepo()
    const mainTip = repo.commit('main moves on', { 'services/rfq/src/index.ts': 'export const v = 2\n' })
    repo.git('checkout', '--quiet', '-b', 'feature', 'HEAD~1')
    repo.commit('one', { 'services/auth/src/a.ts': 'export {}\n' })
    const after = repo.commit('two', { 'services/payment/src/b.ts': 'export {}\n' })
    const d = await detect(repo, { event: push(ZERO, after) })
    // Nothing was deployed from the new branch: against main's tip, rfq differs too (the branch lacks its change).
    expect(d).toMatchObject({ mode: 'changes', base: mainTip, comparison: 'trees', services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] })
    expect(d.why).toMatch(/first push of feature: nothing was deployed from it yet, so compared with the tip of main/)
  })

  it('reports everything, saying why, on the first push of the default branch', async () => {
    const repo = fixtureRepo()
    const d = await detect(repo, { event: push(ZERO, repo.sha(), 'refs/heads/main') })
    expect(d.mode).toBe('everything')
    expect(d.services).toHaveLength(5)
    expect(d.reasons['indigenious-auth-service']![0]).toMatchObject({ kind: 'everything' })
  })

  it('compares a force push tree to tree with the deployed tip, not from the merge base', async () => {
    const repo = fixtureRepo()
    repo.git('checkout', '--quiet', '-b', 'feature')
    repo.commit('auth work', { 'services/auth/src/a.ts': 'export {}\n' })
    const old = repo.commit('rfq work', { 'services/rfq/src/r.ts': 'export {}\n' })
    repo.git('reset', '--quiet', '--hard', 'HEAD~1')
    const rewritten = repo.commit('payment instead', { 'services/payment/src/p.ts': 'export {}\n' })
    const d = await detect(repo, { event: push(old, rewritten) })
    // old (auth + rfq work) is what was deployed: rfq's work is gone from rewritten, payment's is new, auth's is in both.
    expect(d).toMatchObject({ base: old, head: rewritten, comparison: 'trees', services: ['indigenious-payment-service', 'indigenious-rfq-service'] })
  })

  it('reports everything, naming the commit, when a force-pushed-away before is no longer in the repository', async () => {
    const repo = fixtureRepo()
    const after = repo.commit('auth', { 'services/auth/src/a.ts': 'export {}\n' })
    for (const ref of ['refs/heads/main', 'refs/heads/feature']) {
      const d = await detect(repo, { event: push('1234567890abcdef1234567890abcdef12345678', after, ref) })
      expect(d).toMatchObject({ mode: 'everything', head: after })
      expect(d.services).toHaveLength(5)
      expect(d.why).toMatch(/previous tip 1234567890ab \(before\) is no longer in the repository \(force-pushed away\)/)
    }
  })

  it('uses the base and head SHAs of a merge_group event', async () => {
    const repo = fixtureRepo()
    const base = repo.sha()
    repo.commit('pr 1', { 'services/rfq/src/x.ts': 'export {}\n' })
    const head = repo.commit('pr 2', { 'libs/core/y.ts': 'export {}\n' })
    const d = await detect(repo, { event: { name: 'merge_group', payload: { merge_group: { base_sha: base, head_sha: head, head_ref: 'gh-readonly-queue/main/pr-2' }, repository: { default_branch: 'main' } } } })
    expect(d).toMatchObject({ base, head, services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] })
  })

  it('uses the merge base of a pull request, ignoring what its base branch gained since', async () => {
    const repo = fixtureRepo()
    const fork = repo.sha()
    repo.git('checkout', '--quiet', '-b', 'feature')
    const head = repo.commit('pr', { 'services/payment/src/x.ts': 'export {}\n' })
    repo.git('checkout', '--quiet', 'main')
    const mainTip = repo.commit('main', { 'services/rfq/src/x.ts': 'export {}\n' })
    const d = await detect(repo, { event: { name: 'pull_request', payload: { pull_request: { base: { sha: mainTip, ref: 'main' }, head: { sha: head, ref: 'feature' } } } } })
    expect(d).toMatchObject({ base: fork, head, comparison: 'merge-base', services: ['indigenious-payment-service'] })
  })

  it('selects nothing by change for workflow_dispatch and schedule', async () => {
    const repo = fixtureRepo()
    for (const name of ['workflow_dispatch', 'schedule']) {
      const d = await detect(repo, { event: { name, payload: {} } })
      expect(d).toMatchObject({ mode: 'inputs', services: [], deleted: [] })
    }
  })

  it('lets explicit base and head override the event', async () => {
    const repo = fixtureRepo()
    const first = repo.sha()
    const second = repo.commit('auth', { 'services/auth/src/a.ts': 'export {}\n' })
    const third = repo.commit('rfq', { 'services/rfq/src/a.ts': 'export {}\n' })
    const d = await detect(repo, { event: push(second, third, 'refs/heads/main'), base: first, head: second })
    expect(d).toMatchObject({ base: first, head: second, services: ['indigenious-auth-service'] })
    const byName = await detect(repo, { base: 'HEAD~2' })
    expect(byName.services).toEqual(['indigenious-auth-service', 'indigenious-rfq-service'])
  })

  it('compares an explicit base tree to tree, and from where head left it only with mergeBase', async () => {
    const repo = fixtureRepo()
    const fork = repo.sha()
    repo.git('checkout', '--quiet', '-b', 'feature')
    const head = repo.commit('pr', { 'services/payment/src/x.ts': 'export {}\n' })
    repo.git('checkout', '--quiet', 'main')
    const mainTip = repo.commit('main', { 'services/rfq/src/x.ts': 'export {}\n' })
    expect(await detect(repo, { base: mainTip, head })).toMatchObject({ base: mainTip, comparison: 'trees', services: ['indigenious-payment-service', 'indigenious-rfq-service'] })
    expect(await detect(repo, { base: 'main', head, mergeBase: true })).toMatchObject({ base: fork, comparison: 'merge-base', services: ['indigenious-payment-service'], why: 'since head left main' })
  })

  it('rejects a ref that names no commit with a ConfigurationError naming it', async () => {
    const repo = fixtureRepo()
    await expect(detect(repo, { base: 'no-such-branch' })).rejects.toThrow(ConfigurationError)
    await expect(detect(repo, { base: 'no-such-branch' })).rejects.toThrow(/base 'no-such-branch' is not a commit/)
    await expect(detect(repo, { base: '--output=/tmp/x' })).rejects.toThrow(/not a git ref/)
  })

  it('says the catalog is not in a git repository instead of failing inside git', async () => {
    const copy = tempDir()
    try {
      writeFiles(copy.dir, { 'catalog/services.yaml': SERVICES_YAML })
      const { catalog } = await loadCatalog({ dir: join(copy.dir, 'catalog') })
      const failure = detectChangedServices({ catalog, git: gitRunner(copy.dir), base: 'HEAD~1' })
      await expect(failure).rejects.toThrow(ConfigurationError)
      await expect(failure).rejects.toThrow(`${copy.dir} is not inside a git repository`)
    } finally {
      copy.cleanup()
    }
  })
})

describe('shallow clones', () => {
  it('fetches the base of a push into a depth-1 clone, and needs no history between: trees are compared', async () => {
    const origin = fixtureRepo()
    const before = origin.sha()
    for (let i = 0; i < 5; i++) origin.commit(`auth ${i}`, { [`services/auth/src/f${i}.ts`]: 'export {}\n' })
    const after = origin.commit('payment', { 'services/payment/src/p.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1'])
    expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true')
    const d = await detect(clone, { event: push(before, after, 'refs/heads/main') })
    expect(d).toMatchObject({ base: before, head: after, services: ['indigenious-auth-service', 'indigenious-payment-service'] })
    expect(d.logs.some((l) => l.startsWith(`fetched ${before}`))).toBe(true)
    expect(d.logs.some((l) => l.includes('shallow clone'))).toBe(false)
  })

  it('deepens a depth-1 clone until a pull request\'s base and head meet', async () => {
    const origin = fixtureRepo()
    origin.git('checkout', '--quiet', '-b', 'feature')
    for (let i = 0; i < 5; i++) origin.commit(`pr ${i}`, { [`services/payment/src/p${i}.ts`]: 'export {}\n' })
    const head = origin.sha()
    origin.git('checkout', '--quiet', 'main')
    const base = origin.commit('main', { 'services/auth/src/b.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1', '--branch', 'main'])
    const d = await detect(clone, { event: { name: 'pull_request', payload: { pull_request: { base: { sha: base }, head: { sha: head } } } } })
    expect(d).toMatchObject({ head, comparison: 'merge-base', services: ['indigenious-payment-service'] })
    expect(d.logs.some((l) => l.includes('shallow clone'))).toBe(true)
  })

  it('fetches the default branch for a first push from a depth-1 clone of the branch', async () => {
    const origin = fixtureRepo()
    origin.git('checkout', '--quiet', '-b', 'feature')
    const after = origin.commit('feature', { 'services/rfq/src/a.ts': 'export {}\n' })
    origin.git('checkout', '--quiet', 'main')
    const mainTip = origin.commit('main', { 'services/auth/src/b.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1', '--branch', 'feature', '--single-branch'])
    const d = await detect(clone, { event: push(ZERO, after) })
    expect(d).toMatchObject({ base: mainTip, services: ['indigenious-auth-service', 'indigenious-rfq-service'] })
  })

  it('fetches the head of a pull request into a depth-1 clone of the base branch', async () => {
    const origin = fixtureRepo()
    origin.git('checkout', '--quiet', '-b', 'feature')
    for (let i = 0; i < 3; i++) origin.commit(`pr ${i}`, { [`services/payment/src/p${i}.ts`]: 'export {}\n' })
    const head = origin.sha()
    origin.git('checkout', '--quiet', 'main')
    const base = origin.commit('main', { 'services/auth/src/b.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1', '--branch', 'main'])
    const d = await detect(clone, { event: { name: 'pull_request', payload: { pull_request: { base: { sha: base }, head: { sha: head } } } } })
    expect(d).toMatchObject({ head, services: ['indigenious-payment-service'] })
  })

  it('fails, saying to use fetch-depth: 0, when the missing history cannot be fetched', async () => {
    const origin = fixtureRepo()
    const before = origin.sha()
    origin.commit('a', { 'services/auth/src/a.ts': 'export {}\n' })
    const after = origin.commit('b', { 'services/auth/src/b.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1'])
    clone.git('remote', 'set-url', 'origin', join(clone.dir, 'no-such-remote'))
    const failure = detect(clone, { event: push(before, after, 'refs/heads/main') })
    await expect(failure).rejects.toThrow(ConfigurationError)
    await expect(detect(clone, { event: push(before, after, 'refs/heads/main') })).rejects.toThrow(/fetch-depth: 0/)
  })

  it('fails with fetch-depth: 0 when a pull request\'s commits are there but the history between cannot be fetched', async () => {
    const origin = fixtureRepo()
    const base = origin.sha()
    origin.commit('a', { 'services/auth/src/a.ts': 'export {}\n' })
    const head = origin.commit('b', { 'services/auth/src/b.ts': 'export {}\n' })
    const clone = origin.clone(['--depth', '1'])
    clone.git('fetch', '--quiet', '--depth', '1', 'origin', base)
    clone.git('remote', 'set-url', 'origin', join(clone.dir, 'no-such-remote'))
    const review = { name: 'pull_request', payload: { pull_request: { base: { sha: base }, head: { sha: head } } } }
    await expect(detect(clone, { event: review })).rejects.toThrow(/shallow.*fetch-depth: 0/s)
    // A push of the same commits compares the two trees, which are in the clone: no history is needed.
    expect((await detect(clone, { event: push(base, head, 'refs/heads/main') })).services).toEqual(['indigenious-auth-service'])
  })
})

describe('the usual range in as few git processes as possible (issue 16)', () => {
  /** detect() over the real runner, recording the git commands it starts (each is a process). */
  async function detectCounting(repo: GitRepo, options: Omit<DetectOptions, 'catalog' | 'git'>, withObjects = false) {
    const { catalog } = await loadCatalog({ dir: join(repo.dir, 'catalog') })
    const real = gitRunner(repo.dir)
    const calls: string[] = []
    // Without the object reader unless asked: these tests count the processes of the path that runs git.
    const git: GitRunner = Object.assign((args: string[], o?: { input?: string }) => (calls.push(args.filter((a) => !a.startsWith('-') && a !== 'core.quotePath=false')[0]!), real(args, o)), { readRef: real.readRef, ...(withObjects ? { objects: real.objects } : {}) })
    return { result: await detectChangedServices({ catalog, git, ...options }), calls }
  }
  /** What the full path (every ref asked of git, fetching what is missing) chooses and diffs. */
  async function fullPath(repo: GitRepo, inputs: RangeInputs, event?: GitHubEvent) {
    const git = new Git(gitRunner(repo.dir), repo.dir)
    const range = await chooseRange(event, inputs, new History(git))
    if (range.mode !== 'changes') throw new Error(`expected a diff, got ${range.mode}`)
    return { base: range.base, head: range.head, comparison: range.comparison, files: (await git.diff(range.base, range.head)).map((c) => c.path) }
  }

  function branched(): { repo: GitRepo; fork: string; deployed: string; head: string } {
    const repo = fixtureRepo()
    const fork = repo.sha()
    // A change, not an addition: the feature branch would delete an added file, and deletions cost a look at head.
    const deployed = repo.commit('deployed', { 'services/rfq/src/index.ts': 'export const v = 2\n' })
    repo.git('branch', 'deployed')
    repo.git('checkout', '--quiet', '-b', 'feature', fork)
    repo.commit('auth', { 'services/auth/src/a.ts': 'export {}\n' })
    const head = repo.commit('payment', { 'services/payment/src/p.ts': 'export {}\n' })
    return { repo, fork, deployed, head }
  }

  it('diffs a branch or SHA range in one git process, with what the full path gives', async () => {
    const { repo, deployed, head } = branched()
    for (const base of ['deployed', deployed, 'refs/heads/deployed']) {
      const { result, calls } = await detectCounting(repo, { base })
      expect(calls).toEqual(['diff'])
      const full = await fullPath(repo, { base })
      expect(result).toMatchObject({ mode: 'changes', base: full.base, head: full.head, comparison: 'trees', services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] })
      expect(result).toMatchObject({ base: deployed, head })
      expect(full.files).toHaveLength(3)
    }
  })

  it('diffs a push event in one git process', async () => {
    const { repo, deployed, head } = branched()
    const event = push(deployed, head)
    const { result, calls } = await detectCounting(repo, { event })
    expect(calls).toEqual(['diff'])
    expect(result).toMatchObject({ base: deployed, head, comparison: 'trees' })
    expect(await fullPath(repo, {}, event)).toMatchObject({ base: deployed, head })
  })

  it('diffs the previous commit (--base HEAD~1, HEAD^, REF~1 --head REF) in one git process, with what the full path gives', async () => {
    const { repo, head } = branched()
    for (const [base, headRef] of [['HEAD~1', undefined], ['HEAD^', undefined], ['HEAD~', 'HEAD'], ['feature^1', 'feature'], [`${head}~1`, head]] as const) {
      const { result, calls } = await detectCounting(repo, { base, ...(headRef ? { head: headRef } : {}) })
      expect(calls, base).toEqual(['log'])
      expect(result).toMatchObject({ mode: 'changes', base: repo.sha('HEAD~1'), head, comparison: 'trees', why: `since ${base}`, services: ['indigenious-payment-service'] })
      expect(await fullPath(repo, { base, ...(headRef ? { head: headRef } : {}) })).toMatchObject({ base: repo.sha('HEAD~1'), head, files: ['services/payment/src/p.ts'] })
    }
  })

  it('diffs a merge commit from its first parent, as git diff HEAD~1 HEAD does', async () => {
    const { repo } = branched()
    repo.git('checkout', '--quiet', 'deployed')
    repo.git('merge', '--quiet', '--no-ff', '--no-edit', 'feature')
    const { result, calls } = await detectCounting(repo, { base: 'HEAD~1' })
    expect(calls).toEqual(['log'])
    const full = await fullPath(repo, { base: 'HEAD~1' })
    expect(full.files.sort()).toEqual(['services/auth/src/a.ts', 'services/payment/src/p.ts'])
    expect(result).toMatchObject({ base: full.base, head: full.head, services: ['indigenious-auth-service', 'indigenious-payment-service'] })
  })

  it('starts no git process for the usual ranges when the diff is read from the repository files (gitObjects), with the same answers', async () => {
    const { repo, deployed, head } = branched()
    for (const [options, expected] of [
      [{ base: 'HEAD~1' }, { base: repo.sha('HEAD~1'), services: ['indigenious-payment-service'] }],
      [{ base: 'deployed' }, { base: deployed, services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] }],
      [{ event: push(deployed, head) }, { base: deployed, services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] }],
    ] as const) {
      const withGit = await detectCounting(repo, options)
      const { result, calls } = await detectCounting(repo, options, true)
      expect(calls, JSON.stringify(options)).toEqual([])
      expect(result).toEqual(withGit.result)
      expect(result).toMatchObject({ ...expected, head, comparison: 'trees' })
    }
    // A move is left to git (rename detection); its deleted side then costs the look at head every deletion does.
    repo.commit('move', { 'services/payment/src/moved.ts': 'export {}\n' }, ['services/payment/src/p.ts'])
    const moved = await detectCounting(repo, { base: 'HEAD~1' }, true)
    expect(moved.calls).toEqual(['log', 'cat-file'])
    expect(moved.result).toEqual((await detectCounting(repo, { base: 'HEAD~1' })).result)
  })

  it('asks git rev-parse for other revision syntax (HEAD~2, a base that is not head\'s parent)', async () => {
    const { repo, head } = branched()
    const { result, calls } = await detectCounting(repo, { base: 'HEAD~2' })
    expect(calls).toEqual(['rev-parse', 'diff'])
    expect(result).toMatchObject({ base: repo.sha('HEAD~2'), head, services: ['indigenious-auth-service', 'indigenious-payment-service'] })
    // HEAD~1 against another head is not "the previous commit" of that head.
    const other = await detectCounting(repo, { base: 'HEAD~1', head: 'deployed' })
    expect(other.calls.slice(0, 2)).toEqual(['rev-parse', 'diff'])
  })

  it('takes the full path, with the same messages, when HEAD~1 does not exist (a root commit, a shallow clone)', async () => {
    const root = fixtureRepo()
    await expect(detectCounting(root, { base: 'HEAD~1' })).rejects.toThrow(/^base 'HEAD~1' is not a commit in this repository/)
    const { repo } = branched()
    const clone = repo.clone(['--depth', '1', '--branch', 'feature'])
    // The quick attempt declines at the shallow boundary (git reports no parent there); the full path gives the
    // shallow-clone message it always gave.
    const fast = await new Git(gitRunner(clone.dir), clone.dir).diffFromFirstParent('HEAD')
    expect(fast).toBeUndefined()
    await expect(detectCounting(clone, { base: 'HEAD~1' })).rejects.toThrow(/^base 'HEAD~1' is not a commit in this repository \(the clone is shallow/)
  })

  it('compares from the merge base in two processes (merge-base, diff), reporting the merge base as today', async () => {
    const { repo, fork, head } = branched()
    const { result, calls } = await detectCounting(repo, { base: 'deployed', mergeBase: true })
    expect(calls).toEqual(['merge-base', 'diff'])
    expect(result).toMatchObject({ base: fork, head, comparison: 'merge-base', services: ['indigenious-auth-service', 'indigenious-payment-service'] })
    expect(await fullPath(repo, { base: 'deployed', mergeBase: true })).toMatchObject({ base: fork, head, comparison: 'merge-base' })
  })

  it('diffs from a root commit in one process', async () => {
    const { repo, fork } = branched()
    expect(repo.git('rev-list', '--max-parents=0', 'HEAD')).toBe(fork)
    const { result, calls } = await detectCounting(repo, { base: fork })
    expect(calls).toEqual(['diff'])
    expect(result).toMatchObject({ base: fork, services: ['indigenious-auth-service', 'indigenious-payment-service'] })
  })

  it('takes the full path, with the same messages, for a base that is no commit here: an unknown name, a zero or unknown SHA, a tree', async () => {
    const { repo } = branched()
    const tree = repo.git('rev-parse', 'HEAD^{tree}')
    for (const base of ['no-such-branch', ZERO, '1234567890abcdef1234567890abcdef12345678', tree]) {
      await expect(detectCounting(repo, { base })).rejects.toThrow(new RegExp(`^base '${base}' is not a commit in this repository \\(check the branch, tag or SHA\\)$`))
    }
    await expect(detectCounting(repo, { base: 'HEAD~1', head: 'no-such-head' })).rejects.toThrow(/^head 'no-such-head' is not a commit/)
  })

  it('asks whether a service directory is gone in one more process only when files were deleted', async () => {
    const { repo, head } = branched()
    repo.git('checkout', '--quiet', 'deployed')
    const deleting = repo.commit('drop rfq', {}, ['services/rfq'])
    const { result, calls } = await detectCounting(repo, { base: head, head: 'deployed' })
    expect(calls).toEqual(['diff', 'cat-file'])
    expect(result).toMatchObject({ head: deleting, deleted: ['indigenious-rfq-service'] })
  })

  it('takes the full path in a shallow clone that lacks the base, fetching it', async () => {
    const { repo, deployed, head } = branched()
    const clone = repo.clone(['--depth', '1', '--branch', 'feature'])
    const { result, calls } = await detectCounting(clone, { event: push(deployed, head) })
    expect(calls[0]).toBe('diff') // the quick attempt, which fails on the missing commit
    expect(calls).toContain('fetch')
    expect(result).toMatchObject({ base: deployed, head, services: ['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'] })
  })
})
