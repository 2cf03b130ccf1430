// The CLI as a platform team gets it: the npm tarball, installed into a repository of theirs, far from this one.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createGitRepo, FakeEcs, outputOf, tempDir, type ProcessOutput } from '@tierdeploy/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const digest = (name: string, d: number): string => `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(d).repeat(64)}`

/** Runs a command without blocking: the fake control plane answers from this process's event loop. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessOutput> {
  return outputOf(spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }))
}

async function ok(running: Promise<ProcessOutput>, what: string): Promise<string> {
  const result = await running
  expect(result.status, `${what} exited ${result.status}:\n${result.stderr}\n${result.stdout}`).toBe(0)
  return result.stdout
}

describe('the tierdeploy npm package', () => {
  const work = tempDir('tierdeploy-package-')
  let fake: FakeEcs
  beforeAll(async () => {
    fake = await FakeEcs.start({ defaultRolloutMs: 1_000 })
  })
  afterAll(async () => {
    await fake.stop()
    work.cleanup()
  })

  it('installs from its tarball outside this repository and runs init, validate, plan, changed and a dry-run deploy there', { timeout: 240_000 }, async () => {
    expect(existsSync(join(root, 'packages/cli/dist/workflows')), 'packages/cli/dist has no workflows/ (the bundle predates init --workflows): run npm run build').toBe(true)
    // npm gets its own cache and no user configuration, so nothing outside the temp dir is read or written.
    const npmEnv = { npm_config_cache: join(work.dir, 'npm-cache'), npm_config_userconfig: join(work.dir, 'npmrc'), npm_config_update_notifier: 'false' }

    const stage = (await ok(run(process.execPath, [join(root, 'scripts/pack-cli.mjs'), join(work.dir, 'stage')], root), 'pack-cli')).trim()
    const packed = JSON.parse(await ok(run('npm', ['pack', stage, '--pack-destination', work.dir, '--json'], work.dir, npmEnv), 'npm pack')) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>
    const { name, filename, files } = packed[0]!
    expect(name).toBe('tierdeploy')
    const paths = files.map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'schema.json', 'bin/tierdeploy.js', 'dist/index.js', 'dist/package.json', 'dist/workflows/deploy-on-push.yml', 'dist/workflows/deploy-manual.yml', 'dist/workflows/rollback.yml', 'dist/workflows/promote-manual.yml']))
    expect(paths.filter((p) => !/^(bin\/|dist\/|schema\.json$|package\.json$|README\.md$)/.test(p))).toEqual([])
    const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.private).toBeUndefined()

    // The user's repository: two services with a start script and a Dockerfile each, tierdeploy as a dev dependency.
    const repo = createGitRepo({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['services/*'] }, null, 2),
      '.gitignore': 'node_modules/\n',
      'services/orders/package.json': JSON.stringify({ name: 'orders', scripts: { start: 'node index.js' } }),
      'services/orders/index.js': 'console.log("orders")\n',
      'services/orders/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nEXPOSE 3000\nCMD ["node", "index.js"]\n',
      'services/users/package.json': JSON.stringify({ name: 'users', scripts: { start: 'node index.js' } }),
      'services/users/index.js': 'console.log("users")\n',
      'services/users/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nEXPOSE 3000\nCMD ["node", "index.js"]\n',
    })
    try {
      // --offline: the package has no dependencies, so the tarball is all npm needs.
      await ok(run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', join(work.dir, filename)], repo.dir, npmEnv), 'npm install')
      const installed = JSON.parse(readFileSync(join(repo.dir, 'node_modules/tierdeploy/package.json'), 'utf8')) as { version: string }
      expect(installed.version).toBe(manifest.version)
      const bin = join(repo.dir, 'node_modules/.bin/tierdeploy')
      const tierdeploy = (...args: string[]): Promise<ProcessOutput> =>
        run(bin, args, repo.dir, { AWS_ENDPOINT_URL_ECS: fake.endpoint, AWS_ENDPOINT_URL_STS: fake.endpoint, AWS_REGION: 'ca-central-1' })

      const init = await ok(tierdeploy('init', '--platform', 'shop', '--region', 'ca-central-1', '--workflows'), 'init')
      expect(init).toContain('wrote catalog/services.yaml')
      expect(init).toContain('wrote .github/workflows/deploy-manual.yml, .github/workflows/deploy-on-push.yml, .github/workflows/promote-manual.yml, .github/workflows/rollback.yml')
      expect(init).toContain('  [ ] production-approval: required reviewers')
      expect(readFileSync(join(repo.dir, '.github/workflows/deploy-on-push.yml'), 'utf8')).toBe(readFileSync(join(stage, 'dist/workflows/deploy-on-push.yml'), 'utf8'))
      repo.commit('tierdeploy init')

      expect(await ok(tierdeploy('validate'), 'validate')).toMatch(/2 services in 1 tiers?, 3 environments: valid$/m)
      const plan = JSON.parse(await ok(tierdeploy('plan', '--tier', 'all', '--json'), 'plan')) as { tiers: Array<{ tier: number; services: unknown }> }
      expect(JSON.stringify(plan.tiers)).toContain('orders')
      expect(JSON.stringify(plan.tiers)).toContain('users')

      repo.commit('orders: say hello', { 'services/orders/index.js': 'console.log("hello from orders")\n' })
      const changed = JSON.parse(await ok(tierdeploy('changed', '--base', 'HEAD~1', '--json'), 'changed')) as unknown
      expect(JSON.stringify(changed)).toContain('orders')
      expect(JSON.stringify(changed)).not.toContain('users')

      for (const service of ['orders', 'users']) fake.seedService({ cluster: 'shop-dev', name: service, image: digest(service, 1) })
      writeFileSync(join(work.dir, 'images.json'), JSON.stringify({ orders: digest('orders', 2) }))
      const deploy = await tierdeploy('deploy', '--dry-run', '--env', 'dev', '--tier', 'all', '--no-preflight', '--images', join(work.dir, 'images.json'))
      expect(deploy.status, deploy.stderr).toBe(0)
      expect(deploy.stdout).toBe(`orders: would register a new revision of orders:1\n  ~ containerDefinitions[orders].image: "${digest('orders', 1)}" -> "${digest('orders', 2)}"\nusers: unchanged\n`)
      expect(Object.keys(fake.calls).filter((call) => !/^(Describe|List|Get)/.test(call))).toEqual([])
    } finally {
      repo.cleanup()
    }
  })
})
