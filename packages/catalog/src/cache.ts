import { isAscii } from 'node:buffer'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Problem } from './errors.js'
import type { Catalog, Environment, Service } from './model.js'

/**
 * A short name for a catalog directory's cache file (two 32-bit FNV-1a hashes in hex). Only a file name: a
 * collision makes two catalogs share a file, so each finds the other's key and rebuilds, never a wrong catalog.
 */
export function fileNameHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x811c9dc5)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** Where the CLI keeps validated catalogs, and the version of the code that validated them. */
export interface CatalogCache {
  dir: string
  /** Changes whenever the code that builds catalogs may have changed (the CLI passes its bundle's identity). */
  codeVersion: string
}

interface CacheFile {
  format: 2
  /** Everything the catalog was built from, verbatim (the code version, options, every file's name and text): compared whole, not hashed. */
  key: string
  catalog: Omit<Catalog, 'services' | 'names' | 'environments'> & { services: Service[]; names: [string, string][]; environments: Environment[] }
  warnings: Problem[]
}

/** The cache file of a catalog directory: one per directory, so the cache never grows past one entry per catalog. */
export function cacheFileOf(cache: CatalogCache, catalogDir: string): string {
  return join(cache.dir, `catalog-${fileNameHash(catalogDir)}.json`)
}

/** The cached catalog when its key matches; anything unreadable is a miss, never an error. */
export function readCachedCatalog(cacheFile: string, key: string): { catalog: Catalog; warnings: Problem[] } | undefined {
  let file: CacheFile
  try {
    // Plain ASCII (the usual catalog) decodes byte for byte, several times faster than Node 20's UTF-8 read.
    const bytes = readFileSync(cacheFile)
    file = JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')) as CacheFile
  } catch {
    return undefined
  }
  if (file.format !== 2 || file.key !== key) return undefined
  const { services, names, environments, ...rest } = file.catalog
  return {
    catalog: { ...rest, services: new Map(services.map((s) => [s.name, s])), names: new Map(names), environments: new Map(environments.map((e) => [e.name, e])) },
    warnings: file.warnings,
  }
}

/** Stores a validated catalog. Best effort: a read-only or full disk only costs the next run its speed. */
export function writeCachedCatalog(cache: CatalogCache, cacheFile: string, key: string, loaded: { catalog: Catalog; warnings: Problem[] }): void {
  const { services, names, environments, ...rest } = loaded.catalog
  const file: CacheFile = {
    format: 2,
    key,
    catalog: { ...rest, services: [...services.values()], names: [...names], environments: [...environments.values()] },
    warnings: loaded.warnings,
  }
  try {
    mkdirSync(cache.dir, { recursive: true })
    const target = cacheFile
    // Write then rename, so a concurrent run never reads half a file.
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(file))
    renameSync(temporary, target)
  } catch {
    // see above
  }
}
