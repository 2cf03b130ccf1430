import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { buildCatalogCore } from './build-core.js'
import { loadCatalog } from './load.js'

// Nothing here imports js-yaml, full-yaml.ts, branches.ts or build.ts: loadCatalog must load what a catalog needs.
describe('loadCatalog loads the full YAML parser and the branch rules when a catalog needs them (issue 16)', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  it('reads a catalog written with an anchor, an alias and a block scalar', async () => {
    const { dir, cleanup } = tempDir('tierdeploy-yaml-')
    cleanups.push(cleanup)
    writeFiles(dir, {
      'catalog/services.yaml': [
        'version: 1',
        'tiers: [{ id: 1, name: core }]',
        'services:',
        '  auth:',
        '    path: services/auth',
        '    tier: 1',
        '    description: |',
        '      Signs users in.',
        '  rfq:',
        '    path: services/rfq',
        '    tier: 1',
        '    dependsOn: &deps [auth]',
        '  payment:',
        '    path: services/payment',
        '    tier: 1',
        '    dependsOn: *deps',
        '',
      ].join('\n'),
    })
    const { catalog } = await loadCatalog({ dir: join(dir, 'catalog') })
    expect(catalog.services.get('auth')).toMatchObject({ description: 'Signs users in.\n' })
    expect(catalog.services.get('payment')!.dependsOn).toEqual(['auth'])
  })

  it('reports a syntax error with js-yaml\'s message and line', async () => {
    const { dir, cleanup } = tempDir('tierdeploy-yaml-')
    cleanups.push(cleanup)
    writeFiles(dir, { 'catalog/services.yaml': 'version: 1\nservices:\n  auth: [1, 2\n' })
    await expect(loadCatalog({ dir: join(dir, 'catalog') })).rejects.toThrow(/services\.yaml:\d+:\d+: error: YAML syntax error/)
  })

  it('checks the environments\' branch rules (a branch two environments deploy), loading them for environments', async () => {
    const { dir, cleanup } = tempDir('tierdeploy-yaml-')
    cleanups.push(cleanup)
    writeFiles(dir, {
      'catalog/services.yaml': 'version: 1\ntiers: [{ id: 1, name: core }]\nservices:\n  auth:\n    path: services/auth\n    tier: 1\n',
      'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\nbranches: [main, "feature/*"]\n',
      'catalog/environments/staging.yaml': 'name: staging\nregion: us-east-1\nbranches: [main]\n',
    })
    await expect(loadCatalog({ dir: join(dir, 'catalog') })).rejects.toThrow(/staging\.yaml:3:\d+: error: branch main deploys to both dev/)
  })

  it('refuses, as a bug, a catalog with environments built without the branch rules', () => {
    const services = { file: 'catalog/services.yaml', text: 'version: 1\ntiers: [{ id: 1, name: core }]\nservices:\n  auth:\n    path: services/auth\n    tier: 1\n' }
    const environments = [{ file: 'catalog/environments/dev.yaml', text: 'name: dev\nregion: us-east-1\nbranches: [main]\n' }]
    expect(() => buildCatalogCore({ dir: 'catalog', root: '.', services, environments }, {})).toThrow(/^internal error: a catalog with environments was built without the branch rules/)
    expect(buildCatalogCore({ dir: 'catalog', root: '.', services, environments: [] }, {}).problems.filter((p) => p.severity === 'error')).toEqual([])
  })
})
