import { describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { resolveDeployWaves } from '@tierdeploy/graph'
import { generateCatalog, mermaidBlocks, parseMermaid } from '@tierdeploy/testkit'
import { renderDeployTimeline, renderEcsResultTable, revisionCell, shortenDigests, TIMELINE_MAX_WAVE_BARS } from './summary.js'
import type { EcsServiceResult } from './types.js'

const arn = (family: string, revision: number): string => `arn:aws:ecs:ca-central-1:111111111111:task-definition/${family}:${revision}`

function catalogOf(yaml: string): Catalog {
  const { catalog } = buildCatalog({ dir: 'catalog', root: '/repo', services: { file: 'catalog/services.yaml', text: yaml }, environments: [] })
  return catalog!
}

/**
 * A deploy of every service of a catalog, tier after tier, wave after wave from t0: each rollout takes 40 s plus a
 * little per name; `failing` fails its rollout, is rolled back by the step, and every other service of its step too.
 */
function deployOf(catalog: Catalog, failing?: string): { results: EcsServiceResult[]; tiers: ReturnType<typeof resolveDeployWaves>['tiers'] } {
  const plan = resolveDeployWaves(catalog, { tier: 'all' })
  const results: EcsServiceResult[] = []
  let at = 1_700_000_000_000
  for (const tier of plan.tiers) {
    for (const wave of tier.waves) {
      let end = at
      for (const [i, name] of wave.entries()) {
        if (catalog.services.get(name)!.kind !== 'service') continue
        const settledAt = at + 40_000 + ((i * 7919) % 90) * 1000
        end = Math.max(end, settledAt)
        const failed = name === failing
        results.push({
          service: name,
          status: failed ? 'failed' : failing ? 'rolled-back' : 'deployed',
          previousTaskDefinition: arn(name, 41),
          taskDefinition: arn(name, 42),
          ...(failed ? { reason: `rollout of ${name}:42 FAILED: ECS deployment circuit breaker: tasks failed to start (CannotPullContainerError: sha256:${'ab'.repeat(32)}); rolled back to ${arn(name, 41)}` } : failing ? { reason: `rolled back because ${failing} failed` } : {}),
          startedAt: at,
          settledAt,
        })
      }
      at = end + 2_000
    }
  }
  return { results, tiers: plan.tiers }
}

const bundled = (await loadCatalog({ dir: 'catalog' })).catalog
const sizes: [string, Catalog][] = [
  ['20 (the bundled catalog)', bundled],
  ['79', catalogOf(generateCatalog(79).yaml)],
  ['1,000', catalogOf(generateCatalog(1000).yaml)],
]

describe('ECS deploy summary at 20, 79 and 1,000 services', () => {
  for (const [label, catalog] of sizes) {
    it(`leads with the verdict and the one failure, then counts, a timeline mermaid parses, and the rest collapsed: ${label} services`, async () => {
      const { results, tiers } = deployOf(catalog)
      const failing = results[Math.floor(results.length / 2)]!.service
      const failed = deployOf(catalog, failing)
      const summary = renderEcsResultTable(failed.results, 'tierdeploy ecs-deploy: staging', { tiers })
      const lines = summary.split('\n')
      expect(lines[0]).toBe(`### ❌ tierdeploy ecs-deploy: staging: 1 of ${results.length} failed`)
      expect(lines[2]).toBe('| failed | stage | why | what was done |')
      expect(lines[4]).toMatch(new RegExp(`^\\| ❌ \`${failing}\` :41 → :42 ✗ ↩ :41 \\| rollout \\| <span title="[^"]+">rollout of ${failing}:42 FAILED: .*sha256:abababababab…\\)</span> \\| rolled back to :41 \\|$`))
      expect(lines[6]).toBe(`❌ 1 failed · ↩️ ${results.length - 1} rolled-back`)
      // Every service is in the collapsed table, the failure first.
      const details = summary.indexOf('<details>')
      expect(details).toBeGreaterThan(summary.indexOf('```mermaid'))
      const rows = summary.slice(details).split('\n').filter((l) => /^\| \S+ \| /.test(l) && !l.startsWith('| service'))
      expect(rows).toHaveLength(results.length)
      expect(rows[0]).toMatch(new RegExp(`^\\| ${failing} \\| ❌ failed \\|`))

      const [gantt, ...more] = mermaidBlocks(summary)
      expect(more).toEqual([])
      expect((await parseMermaid(gantt!)).type).toBe('gantt')
      const sections = [...gantt!.matchAll(/^ {2}section (.*)$/gm)].map((m) => m[1])
      expect(sections).toEqual([...tiers.map((t) => `Tier ${t.tier} ${t.name}`), '8 slowest'])
      const bars = gantt!.split('\n').filter((l) => /^ {4}\S/.test(l))
      expect(bars.length).toBeLessThanOrEqual(tiers.length * (1 + TIMELINE_MAX_WAVE_BARS) + 8)
      // Only the failed rollout is marked, when it is among the slowest.
      for (const bar of bars.filter((l) => l.includes(':crit, '))) expect(bar.startsWith(`    ${failing},`)).toBe(true)
      expect(summary.length).toBeLessThan(1024 * 1024) // GitHub's job summary limit
    })

    it(`says all is well in one line, and draws each tier's time, ${label} services`, () => {
      const { results, tiers } = deployOf(catalog)
      const summary = renderEcsResultTable(results, 'deploy', { tiers })
      expect(summary.split('\n')[0]).toBe(`### ✅ deploy: ${results.length} services deployed or unchanged`)
      expect(summary).not.toContain('| failed | stage |')
      const first = results.filter((r) => tiers[0]!.waves.flat().includes(r.service))
      const tierMs = Math.max(...first.map((r) => r.settledAt!)) - Math.min(...first.map((r) => r.startedAt!))
      expect(summary).toContain(`    whole tier, ${(tierMs / 60_000).toFixed(1)} min :t1, ${Math.min(...first.map((r) => r.startedAt!))}, `)
    })
  }

  it('shows revisions as numbers: what ran, what was tried and what runs now', () => {
    const r = (status: EcsServiceResult['status'], reason?: string): EcsServiceResult => ({ service: 'auth', status, previousTaskDefinition: arn('auth', 41), taskDefinition: arn('auth', 42), ...(reason ? { reason } : {}) })
    expect(revisionCell(r('deployed'))).toBe(':41 → :42')
    expect(revisionCell(r('rolled-back'))).toBe(':41 → :42 ↩ :41')
    expect(revisionCell(r('failed', 'rollout failed; rolled back to x'))).toBe(':41 → :42 ✗ ↩ :41')
    expect(revisionCell(r('failed', 'rollout failed; left as it is: rollback-on-failure is off'))).toBe(':41 → :42 ✗')
    expect(revisionCell({ service: 'auth', status: 'unchanged', previousTaskDefinition: arn('auth', 41), taskDefinition: arn('auth', 41) })).toBe(':41')
    // A manual rollback: taskDefinition is the revision rolled back to.
    expect(revisionCell({ service: 'auth', status: 'rolled-back', previousTaskDefinition: arn('auth', 42), taskDefinition: arn('auth', 41) }, 'rollback')).toBe(':42 ↩ :41')
    // A family named otherwise keeps its name.
    expect(revisionCell({ service: 'auth', status: 'deployed', previousTaskDefinition: arn('auth-td', 3), taskDefinition: arn('auth-td', 4) })).toBe('auth-td:3 → auth-td:4')
    expect(shortenDigests(`image 1.dkr.ecr/x@sha256:${'0123456789'.repeat(6)}abcd`)).toBe('image 1.dkr.ecr/x@sha256:012345678901…')
  })

  it('draws no timeline without timings (a dry run), and says when nothing deployed', () => {
    expect(renderDeployTimeline([{ service: 'auth', status: 'would-deploy', previousTaskDefinition: arn('auth', 1) }])).toBeUndefined()
    expect(renderEcsResultTable([], 'deploy')).toBe('### ➖ deploy: nothing to deploy\n\n')
  })
})
