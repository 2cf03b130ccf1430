import { statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CatalogCache } from '@tierdeploy/catalog'

/**
 * Where the CLI keeps validated catalogs: $TIERDEPLOY_CACHE_DIR, else $XDG_CACHE_HOME/tierdeploy, else
 * ~/.cache/tierdeploy. TIERDEPLOY_CACHE=off turns it off. The code version is this file's own identity (path, size,
 * modification time), so a rebuilt or upgraded tierdeploy never trusts a catalog an older one validated.
 */
export function catalogCache(env: NodeJS.ProcessEnv): CatalogCache | undefined {
  if (/^(off|0|false|no)$/i.test(env.TIERDEPLOY_CACHE ?? '')) return undefined
  const home = (() => {
    try {
      return homedir()
    } catch {
      return ''
    }
  })()
  const dir = env.TIERDEPLOY_CACHE_DIR || join(env.XDG_CACHE_HOME || (home ? join(home, '.cache') : tmpdir()), 'tierdeploy')
  try {
    const self = fileURLToPath(import.meta.url)
    const { size, mtimeMs } = statSync(self)
    return { dir, codeVersion: `${self}:${size}:${mtimeMs}` }
  } catch {
    return undefined
  }
}
