import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { cacheFileOf } from './cache.js'
import { loadCatalog } from './load.js'

const CATALOG = 'tiers: [{ id: 1, name: core }]\nservices:\n  auth: { path: auth, tier: 1, description: the real one }\n'

let dir: { dir: string; cleanup: () => void }
beforeEach(() => {
  dir = tempDir()
  writeFiles(dir.dir, { 'catalog/services.yaml': CATALOG, 'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\n' })
})
afterEach(() => dir.cleanup())

const cacheDir = () => join(dir.dir, 'cache')
const load = (codeVersion = 'v1') => loadCatalog({ dir: join(dir.dir, 'catalog'), cache: { dir: cacheDir(), codeVersion } })

/** Rewrites the one cache file, so a test can tell a cache hit from a fresh build. */
function tamperCache(): void {
  const [file] = readdirSync(cacheDir()).filter((f) => f.endsWith('.json'))
  const path = join(cacheDir(), file!)
  const file_ = JSON.parse(readFileSync(path, 'utf8')) as { catalog: { services: { description?: string }[] } }
  file_.catalog.services[0]!.description = 'from the cache'
  writeFileSync(path, JSON.stringify(file_))
}

describe('the catalog cache', () => {
  it('returns the validated catalog from the cache while no file changed', async () => {
    const first = await load()
    tamperCache()
    const second = await load()
    expect(second.catalog.services.get('auth')!.description).toBe('from the cache')
    expect([...second.catalog.environments.keys()]).toEqual(['dev'])
    expect(second.catalog.names.get('auth')).toBe('auth')
    expect({ ...second.catalog, services: undefined }).toEqual({ ...first.catalog, services: undefined })
  })

  it('reads the files again when any of them changes, or when the code changes', async () => {
    await load()
    tamperCache()
    writeFiles(dir.dir, { 'catalog/environments/dev.yaml': 'name: dev\nregion: ca-central-1\n# edited\n' })
    expect((await load()).catalog.services.get('auth')!.description).toBe('the real one')
    tamperCache()
    expect((await load('v2')).catalog.services.get('auth')!.description).toBe('the real one')
  })

  it('reads the files again when an environment file is added or removed', async () => {
    await load()
    tamperCache()
    writeFiles(dir.dir, { 'catalog/environments/staging.yaml': 'name: staging\nregion: ca-central-1\n' })
    const added = await load()
    expect(added.catalog.services.get('auth')!.description).toBe('the real one')
    expect([...added.catalog.environments.keys()].sort()).toEqual(['dev', 'staging'])
    tamperCache()
    rmSync(join(dir.dir, 'catalog/environments/staging.yaml'))
    const removed = await load()
    expect(removed.catalog.services.get('auth')!.description).toBe('the real one')
    expect([...removed.catalog.environments.keys()]).toEqual(['dev'])
  })

  it('compares the whole key, so an edit that keeps the length, or two catalogs sharing a file name, is never a wrong hit', async () => {
    await load()
    tamperCache()
    // Same length, one character different.
    writeFiles(dir.dir, { 'catalog/services.yaml': CATALOG.replace('the real one', 'the real One') })
    expect((await load()).catalog.services.get('auth')!.description).toBe('the real One')
    // Another catalog whose cache file name were the same: it finds this one's key and builds its own.
    const other = tempDir()
    try {
      writeFiles(other.dir, { 'catalog/services.yaml': CATALOG.replace('the real one', 'the other one') })
      const [file] = readdirSync(cacheDir()).filter((f) => f.endsWith('.json'))
      const theirs = cacheFileOf({ dir: cacheDir(), codeVersion: 'v1' }, join(other.dir, 'catalog'))
      copyFileSync(join(cacheDir(), file!), theirs)
      const loaded = await loadCatalog({ dir: join(other.dir, 'catalog'), cache: { dir: cacheDir(), codeVersion: 'v1' } })
      expect(loaded.catalog.services.get('auth')!.description).toBe('the other one')
    } finally {
      other.cleanup()
    }
  })

  it('keeps text outside ASCII exactly', async () => {
    writeFiles(dir.dir, { 'catalog/services.yaml': CATALOG.replace('the real one', 'naïve café ✓') })
    await load()
    tamperCache()
    writeFiles(dir.dir, { 'catalog/services.yaml': CATALOG.replace('the real one', 'naïve café ✓') })
    const again = await load()
    expect(again.catalog.services.get('auth')!.description).toBe('from the cache')
    const [file] = readdirSync(cacheDir()).filter((f) => f.endsWith('.json'))
    expect(readFileSync(join(cacheDir(), file!), 'utf8')).toContain('naïve café ✓')
  })

  it('never caches an invalid catalog: every run reports its errors', async () => {
    writeFiles(dir.dir, { 'catalog/services.yaml': CATALOG.replace('tier: 1,', 'tier: 1, dependsOn: [nope],') })
    await expect(load()).rejects.toThrow(/unknown service 'nope'/)
    await expect(load()).rejects.toThrow(/unknown service 'nope'/)
    expect(() => readdirSync(cacheDir())).toThrow()
  })

  it('works, uncached, when the cache directory cannot be written', async () => {
    writeFiles(dir.dir, { cache: 'a file where the directory should be' })
    expect((await load()).catalog.services.get('auth')!.description).toBe('the real one')
  })
})
