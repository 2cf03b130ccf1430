import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CatalogCache } from '@tierdeploy/catalog'
import { buildId } from './build-id.js'

/**
 * Where the CLI keeps what it may reuse between runs (validated catalogs, compiled code): $TIERDEPLOY_CACHE_DIR, else
 * $XDG_CACHE_HOME/tierdeploy, else ~/.cache/tierdeploy. TIERDEPLOY_CACHE=off turns every cache off.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (/^(off|0|false|no)$/i.test(env.TIERDEPLOY_CACHE ?? '')) return undefined
  const home = (() => {
    try {
      return homedir()
    } catch {
      return ''
    }
  })()
  return env.TIERDEPLOY_CACHE_DIR || join(env.XDG_CACHE_HOME || (home ? join(home, '.cache') : tmpdir()), 'tierdeploy')
}

/**
 * The validated-catalog cache. Its code version is the build's content hash (build-id.ts), so a rebuilt or upgraded
 * tierdeploy never trusts a catalog an older one validated.
 */
export function catalogCache(env: NodeJS.ProcessEnv): CatalogCache | undefined {
  const dir = cacheDirectory(env)
  const codeVersion = buildId()
  return dir === undefined || codeVersion === undefined ? undefined : { dir, codeVersion }
}

/**
 * Where compiled chunks of the CLI are kept (chunk-loader.ts): the cache directory's code/, unless every cache is off
 * or Node's own switch for its compile cache, NODE_DISABLE_COMPILE_CACHE, is set.
 */
export function codeCacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const dir = cacheDirectory(env)
  return dir === undefined || env.NODE_DISABLE_COMPILE_CACHE ? undefined : join(dir, 'code')
}
