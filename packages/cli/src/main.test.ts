import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { main } from './main.js'

/** Runs the CLI in-process and returns what it printed. */
export async function runCli(args: string[], cwd = process.cwd()) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('tierdeploy plan', () => {
  it('prints exactly the documented JSON shape with --json', async () => {
    const { code, stdout } = await runCli(['plan', '--service', 'auth', '--with-dependencies', '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout)
    expect(json.tiers).toEqual([{ tier: 1, name: 'core', waves: [['elasticache-redis', 'rds-aurora'], ['indigenious-auth-service']] }])
  })

  it('plans the requested interface: --tier 1, --services auth,rfq,payment, --env production --tier all', async () => {
    const tier1 = JSON.parse((await runCli(['plan', '--tier', '1', '--json'])).stdout)
    expect(tier1.tiers.map((t: { tier: number }) => t.tier)).toEqual([1])
    const some = JSON.parse((await runCli(['plan', '--services', 'auth,rfq,payment', '--json'])).stdout)
    expect(some.tiers.flatMap((t: { waves: string[][] }) => t.waves.flat())).toEqual(['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'])
    const all = JSON.parse((await runCli(['plan', '--env', 'production', '--tier', 'all', '--json'])).stdout)
    expect(all.environment).toBe('production')
    expect(all.tiers.find((t: { tier: number }) => t.tier === 4).waves.flat()).toEqual(['indigenious-banking-service', 'indigenious-cultural-service'])
  })

  it('plans another platform\'s catalog', async () => {
    const { stdout } = await runCli(['plan', '--catalog', 'examples/invoxa/catalog', '--service', 'payment', '--with-dependencies', '--json'])
    expect(JSON.parse(stdout).tiers.map((t: { waves: string[][] }) => t.waves)).toEqual([[['mongodb-credentials'], ['auth']], [['client'], ['invoice'], ['payment']]])
  })

  it('reports an unknown service on stderr with exit code 1 and the closest names', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--services', 'auth,paymnt'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^tierdeploy plan: unknown service 'paymnt'; did you mean 'payment'\?/)
  })

  it('exits 2 for usage errors and suggests the near flag', async () => {
    const r = await runCli(['plan', '--teir', '1'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown option --teir; did you mean --tier\?/)
    expect((await runCli(['plan', '--services', 'a', '--service', 'b'])).code).toBe(2)
    expect((await runCli(['plna'])).stderr).toMatch(/unknown command 'plna'; did you mean 'plan'\?/)
    expect((await runCli([])).code).toBe(2)
  })

  it('exits 2 for a stray argument, a malformed --tier and a plan that selects nothing', async () => {
    const stray = await runCli(['plan', 'auth', '--tier', '1'])
    expect([stray.code, stray.stdout]).toEqual([2, ''])
    expect(stray.stderr).toMatch(/^tierdeploy plan: unexpected argument 'auth': this command takes only --options \(a service is named with --service auth\)\nUsage: tierdeploy plan /)
    const tier = await runCli(['plan', '--tier', 'one'])
    expect([tier.code, tier.stderr.split('\n')[0]]).toEqual([2, "tierdeploy plan: --tier must be a tier number or 'all', got 'one'"])
    expect((await runCli(['schema', '--out', 'x'])).code).toBe(2)
    const nothing = await runCli(['plan', '--json'])
    expect([nothing.code, nothing.stdout]).toEqual([2, ''])
    expect(nothing.stderr).toMatch(/^tierdeploy plan: nothing selected: give --tier N\|all/)
  })

  it('refuses a single-value flag given twice, naming it, instead of taking the last', async () => {
    const r = await runCli(['plan', '--tier', '1', '--tier', '2'])
    expect([r.code, r.stdout, r.stderr.split('\n')[0]]).toEqual([2, '', 'tierdeploy plan: --tier is given twice (1 and 2): it takes one value; give it once'])
    const env = await runCli(['plan', '--env=dev', '--env', 'production', '--tier', '1'])
    expect([env.code, env.stderr.split('\n')[0]]).toEqual([2, 'tierdeploy plan: --env is given twice (dev and production): it takes one value; give it once'])
    expect((await runCli(['plan', '--tier', '1', '--json', '--json'])).code).toBe(0)
  })

  it('names an unknown environment and the ones that exist', async () => {
    const r = await runCli(['plan', '--env', 'prod', '--tier', '1'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/unknown environment 'prod'.*\(catalog\/environments has dev, production, staging\)/)
  })
})

describe('tierdeploy validate', () => {
  it('passes the bundled catalog, warning about the service code it does not ship', async () => {
    const { code, stdout, stderr } = await runCli(['validate'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/catalog\/services\.yaml: 23 services in 4 tiers, 3 environments: valid \(17 warnings\)/)
    expect(stderr).toMatch(/catalog\/services\.yaml:\d+:\d+: warning: indigenious-gateway-service: path indigenious-gateway-service\/indigenious-api-gateway does not exist/)
  })

  it('fails with --strict when service paths are missing', async () => {
    expect((await runCli(['validate', '--strict'])).code).toBe(1)
  })

  it('lists every problem with file:line and exits 1', async () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, {
        'catalog/services.yaml': 'tiers: [{ id: 1, name: core }]\nservices:\n  a: { path: a, tier: 1, dependsOn: [b] }\n  b: { path: b, tier: 1, dependsOn: [a] }\n  c: { path: c, tier: 1, dependson: [a] }\n',
      })
      const { code, stderr } = await runCli(['validate', '--catalog', `${dir}/catalog`, '--json'])
      expect(code).toBe(1)
      expect(stderr).toBe('')
      const result = JSON.parse((await runCli(['validate', '--catalog', `${dir}/catalog`, '--json'])).stdout)
      expect(result.valid).toBe(false)
      expect(result.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { line: number; message: string }) => `${p.line}: ${p.message}`)).toEqual([
        "5: services.c: unknown key 'dependson'",
        '3: dependency cycle: a -> b -> a',
      ])
    } finally {
      cleanup()
    }
  })
})

describe('tierdeploy, the installed command', () => {
  const bin = 'node_modules/.bin/tierdeploy'
  it('runs from the committed bundle and exits non-zero without a stack trace for a user mistake', () => {
    const ok = spawnSync(bin, ['plan', '--tier', '1', '--json'], { encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).tiers[0].tier).toBe(1)
    const bad = spawnSync(bin, ['plan', '--catalog', '/nonexistent', '--tier', '1'], { encoding: 'utf8' })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/no catalog at \/nonexistent\/services\.yaml/)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('--with-dependencies and environments', () => {
  const catalog = {
    'catalog/services.yaml': 'tiers:\n  - { id: 1, name: core }\n  - { id: 4, name: optional, optional: true }\nservices:\n  auth: { path: auth, tier: 1 }\n  video: { path: video, tier: 4, dependsOn: [auth] }\n  banking: { path: banking, tier: 4, dependsOn: [auth, video] }\n',
    'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\ncluster: production\noptionalServices: [banking]\n',
  }
  const refusal = /catalog\/environments\/production\.yaml:4:\d+: error: banking is enabled in production but depends on video, which is not enabled there \(add video to optionalServices in \S*catalog\/environments\/production\.yaml/

  it('plan and deploy refuse an enabled service whose dependency the environment does not enable, before any AWS call', async () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, catalog)
      for (const command of ['plan', 'deploy']) {
        // No credentials, region endpoint or cluster is reachable here: the refusal has to come from the catalog.
        const r = await runCli([command, '--catalog', `${dir}/catalog`, '--env', 'production', '--service', 'banking', '--with-dependencies'], dir)
        expect([command, r.code, r.stdout]).toEqual([command, 1, ''])
        expect(r.stderr).toMatch(refusal)
      }
      for (const args of [['validate'], ['doctor', '--no-code']]) {
        const r = await runCli([...args, '--catalog', `${dir}/catalog`], dir)
        expect([args[0], r.code]).toEqual([args[0], 1])
        expect(r.stderr).toMatch(refusal)
      }
    } finally {
      cleanup()
    }
  })
})
