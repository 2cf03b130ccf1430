import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Which build of the CLI is running, for the caches that must never trust what another build wrote.
 *
 * scripts/build.mjs replaces the string below with a hash of the whole bundle (every file of dist/). A file's path,
 * size and modification time are not enough: npm sets every installed file's modification time to 1985-10-26, so two
 * versions installed at one path differ only in content, and a change inside one chunk may leave index.js's size as
 * it was. Run from source (tests, tsx), the string is left as written and this file's own path, size and time stand
 * in for it.
 */
const stamped = '@@tierdeploy-build-id@@'

export function buildId(): string | undefined {
  if (!stamped.startsWith('@@')) return stamped
  try {
    const self = fileURLToPath(import.meta.url)
    const { size, mtimeMs } = statSync(self)
    return `source:${self}:${size}:${mtimeMs}`
  } catch {
    return undefined
  }
}
