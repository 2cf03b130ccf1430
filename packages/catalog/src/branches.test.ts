import { describe, expect, it } from 'vitest'
import { environmentForRef, matchingPattern, parseGitRef } from './branches.js'
import { isConfigurationError } from './errors.js'
import { buildCatalog } from './build.js'
import { loadCatalog } from './load.js'
import type { Catalog } from './model.js'

const SERVICES = `tiers:
  - { id: 1, name: core }
services:
  auth:
    path: auth
    tier: 1
`

function catalogWith(environments: Record<string, string>) {
  return buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: SERVICES },
    environments: Object.entries(environments).map(([name, text]) => ({ file: `catalog/environments/${name}.yaml`, text: `name: ${name}\nregion: ca-central-1\n${text}` })),
  })
}

function catalogOf(environments: Record<string, string>): Catalog {
  const { catalog, problems } = catalogWith(environments)
  expect(problems.filter((p) => p.severity === 'error')).toEqual([])
  return catalog!
}

const PLATFORM = {
  dev: 'branches: [develop, cicd, "feature/**"]\n',
  staging: 'branches: [main]\n',
  production: 'branches: ["release/*", "!release/old"]\ntags: ["v*"]\n',
}

describe('parseGitRef', () => {
  it('reads branches, tags, bare names and other refs', () => {
    expect(parseGitRef('refs/heads/feature/x')).toEqual({ kind: 'branch', name: 'feature/x', ref: 'refs/heads/feature/x' })
    expect(parseGitRef('refs/tags/v1.2.0')).toEqual({ kind: 'tag', name: 'v1.2.0', ref: 'refs/tags/v1.2.0' })
    expect(parseGitRef('main')).toEqual({ kind: 'branch', name: 'main', ref: 'main' })
    expect(parseGitRef('refs/pull/12/merge').kind).toBe('other')
  })
})

describe('matchingPattern', () => {
  it('lets * stop at a slash and ** cross it, and a later !pattern take a match back', () => {
    expect(matchingPattern(['release/*'], 'release/1.0')).toBe('release/*')
    expect(matchingPattern(['release/*'], 'release/1.0/hotfix')).toBeUndefined()
    expect(matchingPattern(['release/**'], 'release/1.0/hotfix')).toBe('release/**')
    expect(matchingPattern(['release/*', '!release/old'], 'release/old')).toBeUndefined()
    expect(matchingPattern(['!release/old', 'release/*'], 'release/old')).toBe('release/*')
  })
})

describe('environmentForRef', () => {
  const catalog = catalogOf(PLATFORM)

  it('maps a branch given as refs/heads/NAME or as a bare name to its one environment', () => {
    for (const ref of ['refs/heads/main', 'main']) {
      const result = environmentForRef(catalog, ref)
      expect(result.deploys && result.environment.name).toBe('staging')
    }
    const feature = environmentForRef(catalog, 'refs/heads/feature/payments/retry')
    expect(feature.deploys && [feature.environment.name, feature.pattern]).toEqual(['dev', 'feature/**'])
  })

  it('maps tags through tags patterns only', () => {
    const tag = environmentForRef(catalog, 'refs/tags/v2.0.1')
    expect(tag.deploys && tag.environment.name).toBe('production')
    // A branch named like a tag is not a tag.
    expect(environmentForRef(catalog, 'refs/heads/v2.0.1').deploys).toBe(false)
  })

  it('says that a ref no environment lists deploys nothing, naming what the environments accept', () => {
    const result = environmentForRef(catalog, 'refs/heads/experiment')
    expect(result.deploys).toBe(false)
    expect(!result.deploys && result.reason).toBe('branch experiment deploys nothing: no environment lists it in branches (dev: develop, cicd, feature/**; staging: main; production: release/*, !release/old)')
    expect(environmentForRef(catalog, 'refs/heads/release/old').deploys).toBe(false)
    expect(environmentForRef(catalog, 'refs/pull/7/merge').deploys).toBe(false)
  })

  it('refuses a ref that two environments select, naming both files and patterns', () => {
    const overlapping = catalogOf({ dev: 'branches: ["release/*"]\n', production: 'branches: ["release/**"]\n' })
    let error: unknown
    try {
      environmentForRef(overlapping, 'refs/heads/release/1.0')
    } catch (e) {
      error = e
    }
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe('branch release/1.0 matches more than one environment: catalog/environments/dev.yaml (branches: release/*) and catalog/environments/production.yaml (branches: release/**); a ref may deploy to one environment only, so narrow one of the patterns')
  })

  it('maps the bundled catalog as documented: develop and cicd to dev, main to staging, v* tags to production', async () => {
    const { catalog: bundled } = await loadCatalog({ dir: new URL('../../../catalog', import.meta.url).pathname })
    const env = (ref: string) => { const r = environmentForRef(bundled, ref); return r.deploys ? r.environment.name : 'nothing' }
    expect(['refs/heads/develop', 'refs/heads/cicd', 'refs/heads/main', 'refs/tags/v1.0.0', 'refs/heads/topic'].map(env)).toEqual(['dev', 'dev', 'staging', 'production', 'nothing'])
  })
})

describe('catalog validation', () => {
  it('reports a literal branch two environments list, at the second file', () => {
    const { problems } = catalogWith({ dev: 'branches: [develop, main]\n', staging: 'branches: [main]\n' })
    expect(problems.map((p) => [p.file, p.message, p.path])).toEqual([
      ['catalog/environments/staging.yaml', 'branch main deploys to both dev (catalog/environments/dev.yaml, branches: main) and staging', ['branches', 0]],
    ])
  })

  it('reports a literal tag or branch another environment selects with a glob', () => {
    const { problems } = catalogWith({ dev: 'branches: ["*"]\n', staging: 'branches: [main]\ntags: [v1.0.0]\n', production: 'tags: ["v*"]\n' })
    expect(problems.map((p) => p.message)).toEqual([
      'branch main deploys to both dev (catalog/environments/dev.yaml, branches: *) and staging',
      'tag v1.0.0 deploys to both staging and production (catalog/environments/production.yaml, tags: v*)',
    ])
  })

  it('accepts environments whose patterns do not overlap', () => {
    expect(catalogWith(PLATFORM).problems).toEqual([])
  })
})
