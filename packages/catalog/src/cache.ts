import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Problem } from './errors.js'
import type { Catalog, Environment, Service } from './model.js'

// node:crypto loads on first use, only where the cache is used: a synchronous require, cheaper than an ES-module
// import() of a builtin.
const requireBuiltin = createRequire(import.meta.url)

/** The SHA-256 of the parts, in hex (the cache's keys and file names). */
export function sha256Hex(parts: string[]): string {
  const { createHash } = requireBuiltin('node:crypto') as typeof import('node:crypto')
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

/** Where the CLI keeps validated catalogs, and the version of the code that validated them. */
export interface CatalogCache {
  dir: string
  /** Changes whenever the code that builds catalogs may have changed (the CLI passes its bundle's identity). */
  codeVersion: string
}

interface CacheFile {
  format: 1
  key: string
  catalog: Omit<Catalog, 'services' | 'names' | 'environments'> & { services: Service[]; names: [string, string][]; environments: Environment[] }
  warnings: Problem[]
}

/** The cache file of a catalog directory: one per directory, so the cache never grows past one entry per catalog. */
export function cacheFileOf(cache: CatalogCache, catalogDir: string): string {
  return join(cache.dir, `catalog-${sha256Hex([catalogDir]).slice(0, 16)}.json`)
}

/** The cached catalog when its key matches; anything unreadable is a miss, never an error. */
export function readCachedCatalog(cacheFile: string, key: string): { catalog: Catalog; warnings: Problem[] } | undefined {
  let file: CacheFile
  try {
    file = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile
  } catch {
    return undefined
  }
  if (file.format !== 1 || file.key !== key) return undefined
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
    format: 1,
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
