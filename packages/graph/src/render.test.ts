import { describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { generateCatalog, mermaidBlocks, parseMermaid } from '@tierdeploy/testkit'
import { resolveDeployWaves, type Plan } from './plan.js'
import { DIAGRAM_MAX_EDGES, DIAGRAM_MAX_NODES, planDiagramLevel, renderPlanMermaid, renderPlanSummary } from './render.js'

function catalogOf(yaml: string): Catalog {
  const { catalog, problems } = buildCatalog({ dir: 'catalog', root: '/repo', services: { file: 'catalog/services.yaml', text: yaml }, environments: [] })
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length) throw new Error(JSON.stringify(errors))
  return catalog!
}

/** mermaid's render limits (maxEdges, maxTextSize): its parser does not enforce them, a browser does. */
const MERMAID_MAX_EDGES = 500
const MERMAID_MAX_TEXT = 50_000

function edgesOf(diagram: string): number {
  return diagram.split('\n').filter((l) => /-->|~~~/.test(l)).length
}

/** The tier of each subgraph or tier node, in the order the diagram declares them. */
function declaredTiers(diagram: string): number[] {
  return [...diagram.matchAll(/^\s*(?:subgraph )?tier(\d+)\[/gm)].map((m) => Number(m[1]))
}

const bundled = (await loadCatalog({ dir: 'catalog' })).catalog
const sizes: [string, Catalog][] = [
  ['the bundled 20-node catalog', bundled],
  ['79 services (220 edges)', catalogOf(generateCatalog(79).yaml)],
  ['1,000 services', catalogOf(generateCatalog(1000).yaml)],
]

describe('plan summary at 20, 79 and 1,000 services', () => {
  for (const [label, catalog] of sizes) {
    it(`draws a diagram mermaid parses and renders, tiers top to bottom in order: ${label}`, async () => {
      const plan = resolveDeployWaves(catalog, { tier: 'all' })
      const summary = renderPlanSummary(plan, catalog)
      const [diagram, ...more] = mermaidBlocks(summary)
      expect(more).toEqual([])
      expect((await parseMermaid(diagram!)).type).toBe('flowchart-v2')
      expect(diagram).toMatch(/^flowchart TB\n/)
      expect(edgesOf(diagram!)).toBeLessThanOrEqual(MERMAID_MAX_EDGES)
      expect(diagram!.length).toBeLessThan(MERMAID_MAX_TEXT)
      const tiers = plan.tiers.map((t) => t.tier)
      expect(declaredTiers(diagram!)).toEqual(tiers)
      // Every drawn arrow points down: from a tier to the same or a later one, so the layout keeps tier 1 on top.
      const tierOfId = new Map<string, number>()
      for (const m of diagram!.matchAll(/^\s*class (\S+) t(\d+)$/gm)) for (const id of m[1]!.split(',')) tierOfId.set(id, Number(m[2]))
      for (const m of diagram!.matchAll(/^\s*(\w+) (?:-->|~~~) (\w+)$/gm)) {
        const from = tierOfId.get(m[1]!) ?? Number(m[1]!.replace(/^tier/, ''))
        const to = tierOfId.get(m[2]!) ?? Number(m[2]!.replace(/^tier/, ''))
        expect(from).toBeLessThanOrEqual(to)
      }
    })
  }

  it('leads with the verdict and counts, and collapses the table of every node', () => {
    const catalog = sizes[1]![1]
    const summary = renderPlanSummary(resolveDeployWaves(catalog, { tier: 'all' }), catalog, { title: 'tierdeploy plan for staging' })
    const lines = summary.split('\n')
    expect(lines[0]).toBe('### tierdeploy plan for staging: 79 services in 4 tiers, 21 waves')
    expect(lines[2]).toMatch(/^tier 1 \(core\): 20 in \d+ waves · tier 2 \(business\): 20 in/)
    expect(lines[3]).toBe('Why: 79 tier selected')
    const details = summary.indexOf('<details><summary>Every node: tier, wave and why (79)</summary>')
    expect(details).toBeGreaterThan(summary.indexOf('```mermaid'))
    expect(summary.indexOf('| Tier | Wave | Service | Kind | Why |')).toBeGreaterThan(details)
    expect(summary.trimEnd().endsWith('</details>')).toBe(true)
  })

  it('draws every service of a small plan, one node per wave past the measured size, one per tier past 60 waves', () => {
    expect(planDiagramLevel(resolveDeployWaves(bundled, { tier: 'all' }), bundled)).toBe('services')
    const c79 = sizes[1]![1]
    expect(planDiagramLevel(resolveDeployWaves(c79, { tier: 'all' }), c79)).toBe('waves')
    // A selection of the big catalog small enough to read is still drawn service by service.
    const few = resolveDeployWaves(c79, { services: ['svc-00070'], withDependencies: true })
    expect(Object.keys(few.nodes).length).toBeLessThanOrEqual(DIAGRAM_MAX_NODES)
    expect(planDiagramLevel(few, c79)).toBe('services')
    expect(renderPlanMermaid(few, c79)).toContain('["svc-00070"]')
    // 61 services in a chain: 61 waves in one tier.
    const chain = ['tiers:', '  - { id: 1, name: core }', 'services:', ...Array.from({ length: 61 }, (_, i) => `  s${i}: { path: s${i}, tier: 1${i ? `, dependsOn: [s${i - 1}]` : ''} }`)].join('\n')
    const long = catalogOf(`${chain}\n`)
    const plan = resolveDeployWaves(long, { tier: 'all' })
    expect(plan.tiers[0]!.waves).toHaveLength(61)
    expect(planDiagramLevel(plan, long)).toBe('tiers')
    expect(renderPlanMermaid(plan, long)).toContain('tier1["Tier 1: core<br/>61 nodes in 61 waves"]')
  })

  it('labels each wave with its size, and names its members when there are three or fewer', () => {
    const c79 = sizes[1]![1]
    const plan = resolveDeployWaves(c79, { tier: 'all' })
    const diagram = renderPlanMermaid(plan, c79)
    expect(plan.tiers[0]!.waves[0]).toEqual(['svc-00000'])
    expect(diagram).toContain('t1w1["wave 1: 1 service<br/>svc-00000"]')
    const tier = plan.tiers.find((t) => t.waves.some((w) => w.length > 3))!
    const big = tier.waves.findIndex((w) => w.length > 3)
    expect(diagram).toContain(`t${tier.tier}w${big + 1}["wave ${big + 1}: ${tier.waves[big]!.length} services"]`)
    expect(diagram).toContain('t1w1 --> t1w2')
    expect(edgesOf(diagram)).toBe(plan.tiers.reduce((n, t) => n + t.waves.length, 0) - 1)
  })

  it('stays under the service-level limits it was measured at', () => {
    const plan: Plan = resolveDeployWaves(bundled, { tier: 'all' })
    const diagram = renderPlanMermaid(plan, bundled)
    expect(diagram.split('\n').filter((l) => l.includes('-->')).length).toBeLessThanOrEqual(DIAGRAM_MAX_EDGES)
  })

  it('says which files, library or global path brought a changed service in', () => {
    const plan = resolveDeployWaves(bundled, {
      changed: ['indigenious-auth-service', 'indigenious-rfq-service'],
      changedBecause: { 'indigenious-auth-service': ['2 files: indigenious-auth-service/a.ts, indigenious-auth-service/b.ts'], 'indigenious-rfq-service': ['library indigenious-shared-libs changed'] },
      withDependencies: true,
    })
    expect(plan.nodes['indigenious-auth-service']!.reasons[0]).toBe('changed: 2 files: indigenious-auth-service/a.ts, indigenious-auth-service/b.ts')
    const summary = renderPlanSummary(plan, bundled)
    expect(summary).toContain('| `indigenious-rfq-service` | service | changed: library indigenious-shared-libs changed |')
    expect(summary).toMatch(/Why: .*2 changed/)
  })

  it('says when there is nothing to deploy, with the reason', () => {
    const summary = renderPlanSummary(resolveDeployWaves(bundled, { changed: [] }), bundled, { nothing: 'no environment deploys refs/heads/feature', notes: ['Left out (not enabled): `video`'] })
    expect(summary).toBe('### tierdeploy plan: nothing to deploy\n\nNothing to deploy: no environment deploys refs/heads/feature.\n\nLeft out (not enabled): `video`\n\n')
  })
})
