import { isAscii } from 'node:buffer'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { CatalogResult } from './build-core.js'
import { cacheFileOf, readCachedCatalog, writeCachedCatalog, type CatalogCache } from './cache.js'
import { ConfigurationError, formatProblem, type Problem } from './errors.js'
import { locateProblems } from './locate.js'
import type { Catalog } from './model.js'
import type { Source } from './yaml-source.js'

export interface LoadOptions {
  /** Catalog directory; defaults to ./catalog. */
  dir?: string
  /** Repository root for service paths; defaults to the catalog directory's parent. */
  root?: string
  strict?: boolean
  /** Check that service paths exist on disk (validate does; planning does not need the code). */
  checkPaths?: boolean
  /**
   * Keep the validated catalog, keyed by the exact bytes of every catalog file and the code version, so the next
   * run with unchanged files skips parsing and validation (the CLI uses it; actions run once on fresh runners).
   */
  cache?: CatalogCache
  /**
   * Called with the catalog files' total length once they are read, before anything is parsed or looked up in the
   * cache: the CLI prepares its heap for a large catalog (packages/cli/src/heap.ts).
   */
  beforeLoad?(sourceLength: number): void
}

export interface LoadedCatalog {
  catalog: Catalog
  warnings: Problem[]
}

/**
 * Reads catalog/services.yaml and catalog/environments/*.yaml. Throws a ConfigurationError listing every error
 * (with file:line) when the catalog is invalid; returns the warnings otherwise.
 */
export async function loadCatalog(options: LoadOptions = {}): Promise<LoadedCatalog> {
  const sources = readSources(options)
  options.beforeLoad?.(lengthOf(sources))
  const key = options.cache && !options.checkPaths ? cacheKey(sources, options.cache.codeVersion, options) : undefined
  const cacheFile = key ? cacheFileOf(options.cache!, sources.absolute) : undefined
  const cached = key && cacheFile ? readCachedCatalog(cacheFile, key) : undefined
  if (cached) return cached
  const result = await checkSources(sources, options)
  const errors = result.problems.filter((p) => p.severity === 'error')
  if (errors.length || !result.catalog) {
    throw new ConfigurationError(
      `the catalog has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      result.problems,
    )
  }
  const loaded = { catalog: result.catalog, warnings: result.problems.filter((p) => p.severity === 'warning') }
  if (key && cacheFile) writeCachedCatalog(options.cache!, cacheFile, key, loaded)
  return loaded
}

/** Like loadCatalog, but returns every problem instead of throwing (for `tierdeploy validate`). */
export async function checkCatalog(options: LoadOptions = {}): Promise<CatalogResult> {
  const sources = readSources(options)
  options.beforeLoad?.(lengthOf(sources))
  return checkSources(sources, options)
}

function lengthOf(sources: CatalogSources): number {
  return sources.environments.reduce((n, e) => n + e.text.length, sources.services.text.length)
}

interface CatalogSources {
  dir: string
  absolute: string
  root: string
  services: Source
  environments: Source[]
}

function readSources(options: LoadOptions): CatalogSources {
  const dir = options.dir ?? 'catalog'
  const absolute = resolve(dir)
  const root = resolve(options.root ?? dirname(absolute))
  const file = join(dir, 'services.yaml')
  if (!existsSync(join(absolute, 'services.yaml'))) {
    const hint = existsSync(absolute) ? `${dir} has no services.yaml` : `${dir} does not exist; pass --catalog DIR`
    throw new ConfigurationError(`no catalog at ${file} (${hint})`)
  }
  const services: Source = { file, text: readCatalogFile(join(absolute, 'services.yaml'), file) }
  const envDir = join(absolute, 'environments')
  let envFiles: string[] = []
  if (existsSync(envDir)) {
    try {
      envFiles = readdirSync(envDir).filter((f) => /\.ya?ml$/.test(f)).sort()
    } catch (e) {
      throw new ConfigurationError(`cannot list ${join(dir, 'environments')}: ${(e as Error).message} (it should be a directory of <environment>.yaml files)`)
    }
  }
  const environments: Source[] = envFiles.map((f) => {
    const name = join(dir, 'environments', f)
    return { file: name, text: readCatalogFile(join(envDir, f), name) }
  })
  return { dir, absolute, root, services, environments }
}

/** A catalog file's text; a directory or unreadable file in its place is the user's to fix, not a crash. */
function readCatalogFile(path: string, shown: string): string {
  try {
    const bytes = readFileSync(path)
    // Plain ASCII (most catalogs) decodes byte for byte, several times faster than Node 20's UTF-8 read of a
    // 1 MB file; anything else is decoded as UTF-8.
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new ConfigurationError(`cannot read ${shown}: ${code === 'EISDIR' ? 'it is a directory, expected a YAML file' : (e as Error).message}`)
  }
}

/**
 * Everything the validated catalog depends on, verbatim: every file's name and text, the options, the code version.
 * The cache compares it whole (no hash to compute, so no node:crypto to load: issue 16), so a hit is exact.
 */
function cacheKey(sources: CatalogSources, codeVersion: string, options: LoadOptions): string {
  let key = `${codeVersion}\0${sources.dir}\0${sources.root}\0${options.strict === true}\0`
  for (const s of [sources.services, ...sources.environments]) key += `${s.file}\0${s.text.length}\0${s.text}\0`
  return key
}

async function checkSources(sources: CatalogSources, options: LoadOptions): Promise<CatalogResult> {
  // The parser and validator load only when the catalog has to be read (not on a cache hit).
  const { root, services, environments } = sources
  // The glob matcher the branch rules use loads only for a catalog with environments.
  const [{ buildCatalogCore }, { prepareYaml }, branches] = await Promise.all([import('./build-core.js'), import('./yaml-source.js'), environments.length ? import('./branches.js') : undefined])
  await prepareYaml([services, ...environments])
  const result = buildCatalogCore({
    dir: sources.dir,
    root,
    services,
    environments,
    ...(!options.checkPaths ? {} : { pathExists: (p: string) => existsSync(join(root, p)) }),
    ...(options.strict ? { strict: true } : {}),
  }, branches ? { overlappingRefs: branches.overlappingRefProblems } : {})
  await locateProblems(result.problems, [services, ...environments])
  return result
}
