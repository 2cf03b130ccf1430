import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGitRepo, tempDir, writeFiles, type GitRepo } from '@tierdeploy/testkit'
import { main } from '../main.js'

const SERVICES = `version: 1
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  shared:
    kind: library
    path: libs/shared
  gateway:
    path: gateway-service/api-gateway
    tier: 1
  edge:
    path: gateway-service
    tier: 1
  auth:
    path: services/auth
    tier: 1
    dependsOn: [shared]
  payment:
    path: services/payment
    tier: 2
    dependsOn: [auth]
`

const repos: GitRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

function setup(): GitRepo {
  const repo = createGitRepo({
    'catalog/services.yaml': SERVICES,
    'libs/shared/a.ts': 'a\n',
    'gateway-service/compose.yml': 'a\n',
    'gateway-service/api-gateway/a.ts': 'a\n',
    'services/auth/a.ts': 'a\n',
    'services/payment/a.ts': 'a\n',
  })
  repos.push(repo)
  return repo
}

async function runCli(repo: GitRepo, args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main([...args, '--catalog', join(repo.dir, 'catalog')], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: repo.dir, env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('tierdeploy changed', () => {
  it('prints the affected services as JSON, sorted, with reasons', async () => {
    const repo = setup()
    const base = repo.sha()
    repo.commit('change', { 'libs/shared/a.ts': 'b\n', 'gateway-service/api-gateway/a.ts': 'b\n' })
    const { code, stdout } = await runCli(repo, ['changed', '--base', base, '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      services: ['auth', 'gateway'],
      deleted: [],
      infrastructure: false,
      reasons: {
        auth: [{ kind: 'library', library: 'shared', via: [] }],
        gateway: [{ kind: 'files', count: 1, files: ['gateway-service/api-gateway/a.ts'] }],
      },
    })
  })

  it('prints a readable list by default, with --head choosing the end of the range', async () => {
    const repo = setup()
    const base = repo.sha()
    const middle = repo.commit('payment', { 'services/payment/b.ts': 'b\n' })
    repo.commit('edge', { 'gateway-service/compose.yml': 'b\n' }, ['services/auth'])
    const first = await runCli(repo, ['changed', '--base', base, '--head', middle])
    expect(first.stdout).toBe(`1 service changed since ${base}:\n  payment  1 file: services/payment/b.ts`)
    const all = await runCli(repo, ['changed', '--base', base])
    expect(all.stdout).toContain('  edge     1 file: gateway-service/compose.yml')
    expect(all.stdout).toContain('Deleted (never deployed):\n  auth     directory services/auth deleted')
  })

  it('compares the two trees, so a force push reports the deployed change it drops; --merge-base reviews instead (issue 13)', async () => {
    const repo = setup()
    const fork = repo.sha()
    const deployed = repo.commit('gateway change, deployed', { 'gateway-service/api-gateway/a.ts': 'deployed\n' })
    repo.git('reset', '--quiet', '--hard', fork)
    const forced = repo.commit('payment change, force-pushed', { 'services/payment/a.ts': 'forced\n' })
    const trees = await runCli(repo, ['changed', '--base', deployed, '--head', forced, '--json'])
    expect(trees.code).toBe(0)
    expect(JSON.parse(trees.stdout).services).toEqual(['gateway', 'payment'])
    const review = await runCli(repo, ['changed', '--base', deployed, '--head', forced, '--merge-base'])
    expect(review.stdout).toBe(`1 service changed since head left ${deployed}:\n  payment  1 file: services/payment/a.ts`)
    const plan = await runCli(repo, ['plan', '--base', deployed, '--head', forced, '--json'])
    expect(JSON.parse(plan.stdout).tiers).toEqual([{ tier: 1, name: 'core', waves: [['gateway']] }, { tier: 2, name: 'business', waves: [['payment']] }])
    const planReview = await runCli(repo, ['plan', '--base', deployed, '--head', forced, '--merge-base', '--json'])
    expect(JSON.parse(planReview.stdout).tiers).toEqual([{ tier: 2, name: 'business', waves: [['payment']] }])
  })

  it('exits 2 when --merge-base or --head come without --base', async () => {
    const repo = setup()
    for (const args of [['changed', '--merge-base'], ['plan', '--merge-base'], ['plan', '--head', 'HEAD', '--merge-base']]) {
      const { code, stderr } = await runCli(repo, args)
      expect(code).toBe(2)
      expect(stderr).toMatch(/--base REF is required with (--head and )?--merge-base/)
    }
  })

  it('exits 2 without --base and 1 naming a ref that is not a commit', async () => {
    const repo = setup()
    const missing = await runCli(repo, ['changed'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--base REF is required')
    const bad = await runCli(repo, ['changed', '--base', 'no-such-tag'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("base 'no-such-tag' is not a commit in this repository")
    expect(bad.stderr).not.toContain('    at ')
  })

  it('exits 1 naming the directory when the catalog is not in a git repository', async () => {
    const copy = tempDir()
    try {
      writeFiles(copy.dir, { 'catalog/services.yaml': SERVICES })
      const err: string[] = []
      const code = await main(['changed', '--base', 'HEAD~1', '--catalog', join(copy.dir, 'catalog')], { stdout: () => {}, stderr: (t) => err.push(t), cwd: copy.dir, env: {} })
      expect(code).toBe(1)
      expect(err.join('\n')).toContain(`${copy.dir} is not inside a git repository`)
      expect(err.join('\n')).not.toContain('    at ')
    } finally {
      copy.cleanup()
    }
  })
})

describe('tierdeploy plan --base', () => {
  it('plans only the services that changed, and their dependencies with --with-dependencies', async () => {
    const repo = setup()
    const base = repo.sha()
    repo.commit('payment', { 'services/payment/b.ts': 'b\n' })
    const only = await runCli(repo, ['plan', '--base', base, '--json'])
    expect(only.code).toBe(0)
    expect(JSON.parse(only.stdout).tiers).toEqual([{ tier: 2, name: 'business', waves: [['payment']] }])
    const withDeps = await runCli(repo, ['plan', '--base', base, '--with-dependencies', '--json'])
    expect(JSON.parse(withDeps.stdout).tiers).toEqual([{ tier: 1, name: 'core', waves: [['auth']] }, { tier: 2, name: 'business', waves: [['payment']] }])
  })

  it('plans nothing when nothing deployable changed', async () => {
    const repo = setup()
    const base = repo.sha()
    repo.commit('notes', { 'NOTES.txt': 'x\n' })
    const { code, stdout } = await runCli(repo, ['plan', '--base', base])
    expect(code).toBe(0)
    expect(stdout).toBe('Nothing to deploy.')
  })
})
