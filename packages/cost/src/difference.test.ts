import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCatalog } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { DEFAULT_PRICING } from './default-pricing.js'
import { catalogAtRef, costDifference, execGit, renderCostDifference } from './difference.js'
import { estimateCost } from './estimate.js'

const SERVICES = (apiCount: number, extra = '') => `version: 1
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  core: { path: services/core, tier: 1, cpu: 512, memory: 1024 }
  api: { path: services/api, tier: 2, desiredCount: ${apiCount} }
${extra}`
const DEV = 'name: dev\nregion: us-east-1\nnetwork: { natGateways: single }\n'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function repository(files: Record<string, string>): { root: string; git: (...args: string[]) => string } {
  const t = tempDir('tierdeploy-cost-git-')
  cleanups.push(t.cleanup)
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: t.dir, encoding: 'utf8' })
  git('init', '-q', '-b', 'main')
  writeFiles(t.dir, files)
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  return { root: t.dir, git }
}

describe('catalogAtRef and costDifference with a real git repository', () => {
  it('reads the catalog at the base commit and reports what the change costs, per service', async () => {
    const { root, git } = repository({ 'catalog/services.yaml': SERVICES(1), 'catalog/environments/dev.yaml': DEV })
    const base = git('rev-parse', 'HEAD').trim()
    writeFiles(root, { 'catalog/services.yaml': SERVICES(3, '  worker: { path: services/worker, tier: 2 }\n') })
    git('commit', '-q', '-am', 'scale api, add worker')

    const before = await catalogAtRef(execGit, base, join(root, 'catalog'), root)
    expect([...before!.services.keys()]).toEqual(['core', 'api'])
    const { catalog: after } = await loadCatalog({ dir: join(root, 'catalog') })
    const diff = costDifference(
      estimateCost(before!, before!.environments.get('dev')!, DEFAULT_PRICING),
      estimateCost(after, after.environments.get('dev')!, DEFAULT_PRICING),
    )
    // One us-east-1 task of 0.25 vCPU / 0.5 GB: 0.25 x 0.04048 + 0.5 x 0.004445 = 0.0123425 $/h x 730 = 9.010025
    // api 1 -> 3 tasks: 9.01 -> 27.03 (+18.02); worker new: +9.01; total +27.03
    expect(diff.services).toEqual([
      { service: 'api', before: 9.01, after: 27.03, difference: 18.02 },
      { service: 'worker', before: 0, after: 9.01, difference: 9.01 },
    ])
    expect(diff.difference).toBe(27.03)
    expect(diff.platform.difference).toBe(0)
    const md = renderCostDifference([diff], `\`${base.slice(0, 7)}\``)
    expect(md).toContain('| dev | ')
    expect(md).toContain('| +$27.03 |')
    expect(md).toContain('| `api` | $9.01 | $27.03 | +$18.02 |')
  })

  it('treats a catalog that did not exist at the base as costing nothing', async () => {
    const { root, git } = repository({ 'README.md': 'hello\n' })
    const base = git('rev-parse', 'HEAD').trim()
    writeFiles(root, { 'catalog/services.yaml': SERVICES(1), 'catalog/environments/dev.yaml': DEV })
    expect(await catalogAtRef(execGit, base, join(root, 'catalog'), root)).toBeUndefined()
    const { catalog } = await loadCatalog({ dir: join(root, 'catalog') })
    const diff = costDifference(undefined, estimateCost(catalog, catalog.environments.get('dev')!, DEFAULT_PRICING))
    expect(diff.before).toBe(0)
    expect(diff.difference).toBe(diff.after)
  })

  it('says how to fetch the base when the ref is not in the clone, and names errors in the base catalog', async () => {
    const { root, git } = repository({ 'catalog/services.yaml': 'version: 1\ntiers:\n  - { id: 1, name: core }\nservices:\n  a: { path: a, tier: 9 }\n' })
    await expect(catalogAtRef(execGit, 'origin/nope', join(root, 'catalog'), root)).rejects.toThrow(/base ref 'origin\/nope' is not a commit in this clone \(check out with fetch-depth: 0/)
    const head = git('rev-parse', 'HEAD').trim()
    await expect(catalogAtRef(execGit, head, join(root, 'catalog'), root)).rejects.toThrow(/the catalog at [0-9a-f]+ has 1 error\(s\).*a is in tier 9, which is not defined/s)
  })

  it('reports no change when the cost is the same', () => {
    expect(renderCostDifference([{ environment: 'dev', before: 10, after: 10, difference: 0, services: [], platform: { before: 1, after: 1, difference: 0 } }], 'main')).toContain('No change to the estimated monthly cost.')
  })
})
