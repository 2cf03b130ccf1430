import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildId } from './build-id.js'
import { cacheDirectory, catalogCache, codeCacheDirectory } from './catalog-cache.js'

describe('the CLI cache directory', () => {
  it('is TIERDEPLOY_CACHE_DIR, else $XDG_CACHE_HOME/tierdeploy, else ~/.cache/tierdeploy', () => {
    expect(cacheDirectory({ TIERDEPLOY_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c')
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'tierdeploy'))
    expect(cacheDirectory({})).toMatch(/[/\\]\.cache[/\\]tierdeploy$|[/\\]tierdeploy$/)
  })

  it('is off, for the catalog and the compiled code alike, with TIERDEPLOY_CACHE=off (or 0, false, no)', () => {
    for (const off of ['off', 'OFF', '0', 'false', 'no']) {
      expect(cacheDirectory({ TIERDEPLOY_CACHE: off, TIERDEPLOY_CACHE_DIR: '/c' }), off).toBeUndefined()
      expect(catalogCache({ TIERDEPLOY_CACHE: off })).toBeUndefined()
      expect(codeCacheDirectory({ TIERDEPLOY_CACHE: off })).toBeUndefined()
    }
    expect(cacheDirectory({ TIERDEPLOY_CACHE: 'on', TIERDEPLOY_CACHE_DIR: '/c' })).toBe('/c')
  })

  it('keeps compiled code in code/, unless Node’s own NODE_DISABLE_COMPILE_CACHE is set', () => {
    expect(codeCacheDirectory({ TIERDEPLOY_CACHE_DIR: '/c' })).toBe(join('/c', 'code'))
    expect(codeCacheDirectory({ TIERDEPLOY_CACHE_DIR: '/c', NODE_DISABLE_COMPILE_CACHE: '1' })).toBeUndefined()
    expect(catalogCache({ TIERDEPLOY_CACHE_DIR: '/c', NODE_DISABLE_COMPILE_CACHE: '1' })?.dir).toBe('/c')
  })

  it('keys the catalog cache by the build: from source, this file’s identity stands in for the bundle’s hash', () => {
    const id = buildId()
    expect(id).toMatch(/^source:.*build-id\.ts:\d+:[\d.]+$/)
    expect(catalogCache({ TIERDEPLOY_CACHE_DIR: '/c' })).toEqual({ dir: '/c', codeVersion: id })
  })
})
