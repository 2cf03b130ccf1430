import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { loadCatalog } from './load.js'

// Nothing here imports js-yaml or full-yaml.ts: loadCatalog must load js-yaml itself for YAML that needs it.
describe('loadCatalog reads any YAML, loading js-yaml only when a file needs it', () => {
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
})
