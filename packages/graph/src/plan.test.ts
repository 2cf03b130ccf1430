import { describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { generateCatalog } from '@tierdeploy/testkit'
import { deployOrder, parseTier, resolveDeployWaves } from './plan.js'
import { GITHUB_MATRIX_LIMIT, WORKFLOW_TIERS, tierMatrices, tiersAbove } from './matrix.js'
import { planJson, renderPlanMermaid, renderPlanTable, renderPlanText } from './render.js'

function catalogOf(yaml: string, environments: Record<string, string> = {}): Catalog {
  const { catalog, problems } = buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: yaml },
    environments: Object.entries(environments).map(([n, text]) => ({ file: `catalog/environments/${n}.yaml`, text })),
  })
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length) throw new Error(JSON.stringify(errors))
  return catalog!
}

const bundled = (await loadCatalog({ dir: 'catalog' })).catalog
const wavesOf = (plan: ReturnType<typeof resolveDeployWaves>) => plan.tiers.map((t) => [t.tier, t.waves])

describe('selection', () => {
  it('selects one tier, in waves, infrastructure included and libraries never', () => {
    const plan = resolveDeployWaves(bundled, { tier: 1 })
    expect(wavesOf(plan)).toEqual([[1, [['elasticache-redis', 'indigenious-gateway-service', 'rds-aurora'], ['indigenious-auth-service'], ['indigenious-web-frontend']]]])
    expect(plan.nodes['rds-aurora']!.kind).toBe('infrastructure')
    expect(Object.keys(plan.nodes)).not.toContain('indigenious-shared-libs')
  })

  it('selects services by name or alias (deploy --services auth,rfq,payment)', () => {
    const plan = resolveDeployWaves(bundled, { services: ['auth', 'rfq', 'payment'] })
    expect(wavesOf(plan)).toEqual([
      [1, [['indigenious-auth-service']]],
      [2, [['indigenious-payment-service', 'indigenious-rfq-service']]],
    ])
  })

  it('adds every transitive dependency with --with-dependencies, and says why', () => {
    const plan = resolveDeployWaves(bundled, { services: ['payment'], withDependencies: true })
    expect(planJson(plan)).toMatchObject({
      tiers: [
        { tier: 1, waves: [['elasticache-redis', 'rds-aurora'], ['indigenious-auth-service']] },
        { tier: 2, waves: [['indigenious-user-service'], ['indigenious-payment-service']] },
      ],
    })
    expect(plan.nodes['indigenious-user-service']!.reasons).toEqual(['dependency of indigenious-payment-service'])
    expect(plan.nodes['indigenious-payment-service']!.reasons).toEqual(['named'])
    expect(plan.nodes['elasticache-redis']!.reasons).toEqual(['dependency of indigenious-auth-service'])
  })

  it('gives every service of a tier selection the tier as its first reason, then what else selected it', () => {
    const tier = resolveDeployWaves(bundled, { tier: 2 })
    expect(tier.nodes['indigenious-rfq-service']!.reasons).toEqual(['in tier 2'])
    const changed = resolveDeployWaves(bundled, { tier: 'all', changed: ['payment'], changedBecause: { 'indigenious-payment-service': ['files'] }, withDependencies: true })
    expect(changed.nodes['indigenious-payment-service']!.reasons).toEqual(['all tiers', 'changed: files'])
    // A dependency the tier selection holds keeps that reason first; one it does not hold has only its own.
    expect(changed.nodes['indigenious-user-service']!.reasons).toEqual(['all tiers', 'dependency of indigenious-payment-service'])
    const tierOne = resolveDeployWaves(bundled, { tier: 2, services: ['payment'], withDependencies: true })
    expect(tierOne.nodes['indigenious-auth-service']!.reasons).toEqual(['dependency of indigenious-payment-service', 'dependency of indigenious-user-service'])
    // The shared list is never written to: a later plan starts from the same first reason.
    expect(resolveDeployWaves(bundled, { tier: 'all' }).nodes['indigenious-user-service']!.reasons).toEqual(['all tiers'])
  })

  it('matches the documented --json shape for auth with its dependencies', () => {
    const json = planJson(resolveDeployWaves(bundled, { services: ['auth'], withDependencies: true })) as { tiers: unknown[] }
    expect(json.tiers).toEqual([{ tier: 1, name: 'core', waves: [['elasticache-redis', 'rds-aurora'], ['indigenious-auth-service']] }])
  })

  it('deploys tier all in ascending tiers, skipping disabled services and libraries', () => {
    const plan = resolveDeployWaves(bundled, { tier: 'all' })
    expect(plan.tiers.map((t) => t.tier)).toEqual([1, 2, 3, 4])
    const names = deployOrder(plan)
    expect(names).not.toContain('indigenious-marketing-site')
    expect(names).not.toContain('indigenious-partner-portal')
    expect(names.indexOf('indigenious-auth-service')).toBeLessThan(names.indexOf('indigenious-web-frontend'))
  })

  it('deploys an optional tier only where the environment enables its services', () => {
    const production = bundled.environments.get('production')!
    const plan = resolveDeployWaves(bundled, { tier: 4 }, production)
    expect(plan.tiers[0]!.waves.flat()).toEqual(['indigenious-banking-service', 'indigenious-cultural-service'])
    expect(() => resolveDeployWaves(bundled, { services: ['video'] }, production)).toThrow(/indigenious-video-service is not enabled in production: add it to optionalServices/)
  })

  it('leaves named services the environment does not enable out of the plan with onlyEnabled, and lists them', () => {
    const production = bundled.environments.get('production')!
    const plan = resolveDeployWaves(bundled, { services: ['banking', 'video', 'blockchain', 'indigenious-partner-portal', 'video'], onlyEnabled: true }, production)
    expect(deployOrder(plan)).toEqual(['indigenious-banking-service'])
    expect(plan.skipped).toEqual(['indigenious-video-service', 'indigenious-blockchain-service', 'indigenious-partner-portal'])
    expect(resolveDeployWaves(bundled, { services: ['banking'], onlyEnabled: true }, production).skipped).toBeUndefined()
  })

  it('plans nothing, without failing, when onlyEnabled leaves out every named service', () => {
    const plan = resolveDeployWaves(bundled, { services: ['video'], onlyEnabled: true }, bundled.environments.get('production')!)
    expect(plan.tiers).toEqual([])
    expect(plan.skipped).toEqual(['indigenious-video-service'])
  })

  it('still refuses unknown names and libraries with onlyEnabled', () => {
    const production = bundled.environments.get('production')!
    expect(() => resolveDeployWaves(bundled, { services: ['video', 'paymnt'], onlyEnabled: true }, production)).toThrow(/unknown service 'paymnt'/)
    expect(() => resolveDeployWaves(bundled, { services: ['indigenious-shared-libs'], onlyEnabled: true }, production)).toThrow(/is a library/)
  })

  it('names the closest services for an unknown one', () => {
    expect(() => resolveDeployWaves(bundled, { services: ['paymnt'] })).toThrow(/unknown service 'paymnt'; did you mean 'payment'\?/)
  })

  it('refuses a library, a disabled service, an unknown tier and an empty selection with a message', () => {
    expect(() => resolveDeployWaves(bundled, { services: ['indigenious-shared-libs'] })).toThrow(/is a library: it is never deployed/)
    expect(() => resolveDeployWaves(bundled, { services: ['indigenious-partner-portal'] })).toThrow(/is disabled/)
    expect(() => resolveDeployWaves(bundled, { tier: 7 })).toThrow(/unknown tier 7: catalog\/services\.yaml defines tiers 1, 2, 3, 4/)
    expect(() => resolveDeployWaves(bundled, {})).toThrow(/nothing selected/)
    expect(() => resolveDeployWaves(bundled, { services: ['auth'], tier: 2 })).toThrow(/is in tier 1, not tier 2/)
  })

  it('keeps only changed services, combined with a tier', () => {
    const plan = resolveDeployWaves(bundled, { changed: ['indigenious-payment-service', 'chat'] })
    expect(wavesOf(plan)).toEqual([[2, [['indigenious-payment-service']]], [3, [['indigenious-chat-service']]]])
    expect(resolveDeployWaves(bundled, { changed: ['payment', 'chat'], tier: 3 }).tiers.map((t) => t.tier)).toEqual([3])
    expect(resolveDeployWaves(bundled, { changed: [] }).tiers).toEqual([])
  })

  it('parses tier values strictly', () => {
    expect(parseTier('2')).toBe(2)
    expect(parseTier('ALL')).toBe('all')
    expect(() => parseTier('two')).toThrow(/tier must be a tier number or 'all', got 'two'/)
  })
})

describe('waves', () => {
  const catalog = catalogOf(`tiers: [{ id: 1, name: core }, { id: 2, name: business }]
services:
  db: { kind: infrastructure, tier: 1 }
  a: { path: a, tier: 1, dependsOn: [db] }
  b: { path: b, tier: 1, dependsOn: [a] }
  c: { path: c, tier: 1, dependsOn: [db, b] }
  d: { path: d, tier: 2, dependsOn: [c] }
  e: { path: e, tier: 2, dependsOn: [d, lib] }
  lib: { kind: library, path: lib }
`)

  it('puts a node in the first wave after every selected dependency of its tier', () => {
    expect(wavesOf(resolveDeployWaves(catalog, { tier: 'all' }))).toEqual([
      [1, [['db'], ['a'], ['b'], ['c']]],
      [2, [['d'], ['e']]],
    ])
  })

  it('ignores dependencies that are not selected or in lower tiers when forming waves', () => {
    expect(wavesOf(resolveDeployWaves(catalog, { services: ['a', 'c'] }))).toEqual([[1, [['a', 'c']]]])
    expect(wavesOf(resolveDeployWaves(catalog, { tier: 2 }))).toEqual([[2, [['d'], ['e']]]])
  })

  it('walks a 10,000-service chain without exhausting the stack', () => {
    const lines = ['tiers: [{ id: 1, name: core }]', 'services:']
    for (let i = 0; i < 10_000; i++) lines.push(`  s${i}: { path: s${i}, tier: 1${i ? `, dependsOn: [s${i - 1}]` : ''} }`)
    const chain = catalogOf(lines.join('\n'))
    const plan = resolveDeployWaves(chain, { services: ['s9999'], withDependencies: true })
    expect(plan.tiers[0]!.waves).toHaveLength(10_000)
    expect(plan.tiers[0]!.waves[9999]).toEqual(['s9999'])
  })
})

describe('matrices', () => {
  it('holds deployable services only and flags empty tiers', () => {
    const plan = resolveDeployWaves(bundled, { services: ['payment'], withDependencies: true })
    const matrices = tierMatrices(plan, bundled)
    expect(matrices.map((m) => [m.tier, m.empty, m.matrix.include.map((e) => e.service)])).toEqual([
      [1, false, ['indigenious-auth-service']],
      [2, false, ['indigenious-user-service', 'indigenious-payment-service']],
      [3, true, []],
      [4, true, []],
    ])
    expect(matrices[1]!.matrix.include[1]).toEqual({ service: 'indigenious-payment-service', tier: 2, wave: 1, path: 'indigenious-payment-service', container: 'indigenious-payment-service' })
  })

  it('finds the tiers above a limit that hold services to deploy, not those holding only infrastructure', () => {
    const catalog = catalogOf(`tiers: [{ id: 1, name: a }, { id: 2, name: b }, { id: 3, name: c }, { id: 4, name: d }]
services:
  s1: { path: s1, tier: 1 }
  db: { kind: infrastructure, tier: 2 }
  s3: { path: s3, tier: 3 }
  t3: { path: t3, tier: 3 }
  s4: { path: s4, tier: 4 }
`)
    const matrices = tierMatrices(resolveDeployWaves(catalog, { tier: 'all' }), catalog)
    expect(tiersAbove(matrices, 1).map((m) => [m.tier, m.matrix.include.map((e) => e.service)])).toEqual([[3, ['s3', 't3']], [4, ['s4']]])
    expect(tiersAbove(matrices, 4)).toEqual([])
  })

  it('has a tier job in the reusable workflow for every tier of the bundled catalog', () => {
    expect(WORKFLOW_TIERS).toBe(6)
    expect(Math.max(...bundled.tiers.map((t) => t.id))).toBeLessThanOrEqual(WORKFLOW_TIERS)
  })

  it('splits a tier past GitHub\'s 256-job limit into chunks', () => {
    const { yaml } = generateCatalog(1200, { seed: 7 })
    const big = catalogOf(yaml)
    const matrices = tierMatrices(resolveDeployWaves(big, { tier: 'all' }), big)
    for (const m of matrices) {
      expect(m.chunks.every((c) => c.include.length <= GITHUB_MATRIX_LIMIT)).toBe(true)
      expect(m.chunks.flatMap((c) => c.include)).toEqual(m.matrix.include)
    }
    expect(matrices[0]!.chunks.map((c) => c.include.length)).toEqual([256, 44])
  })
})

describe('rendering', () => {
  const plan = resolveDeployWaves(bundled, { services: ['rfq'], withDependencies: true })
  it('prints tiers, waves and why each node is included', () => {
    const text = renderPlanText(plan)
    expect(text).toContain('Tier 1 (core)\n  wave 1\n    elasticache-redis [infrastructure]  (dependency of indigenious-auth-service)')
    expect(text).toContain('    indigenious-rfq-service  (named)')
  })
  it('renders a Markdown table and a Mermaid diagram coloured by tier', () => {
    expect(renderPlanTable(plan)).toContain('| 2 (business) | 2 | `indigenious-rfq-service` | service | named |')
    const mermaid = renderPlanMermaid(plan, bundled)
    expect(mermaid).toMatch(/^```mermaid\nflowchart TB\n/)
    expect(mermaid).toContain('subgraph tier2["Tier 2: business"]')
    expect(mermaid).toMatch(/classDef t1 fill:#[0-9a-f]{6}/)
    // every dependency edge between planned nodes is drawn
    expect(mermaid.match(/-->/g)).toHaveLength(7) // rfq: auth, business, aurora; auth: aurora, redis; business: auth, aurora
  })
  it('says when there is nothing to deploy', () => {
    expect(renderPlanText(resolveDeployWaves(bundled, { changed: [] }))).toBe('Nothing to deploy.\n')
  })
})
