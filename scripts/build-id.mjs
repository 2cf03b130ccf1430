// The CLI's build id: a hash of its whole bundle, written into the bundle (see packages/cli/src/build-id.ts).
import { createHash } from 'node:crypto'

/** The string packages/cli/src/build-id.ts holds until a build replaces it. */
const BUILD_ID_PLACEHOLDER = "'@@tierdeploy-build-id@@'"

/**
 * Replaces the build-id placeholder, where a bundle has one, with a hash of every file of the bundle (names and
 * contents, before the replacement): the same sources give the same id, and any change to any chunk a new one.
 */
export function stampBuildId(files, out = 'bundle') {
  const holders = [...files].filter(([, content]) => typeof content === 'string' && content.includes(BUILD_ID_PLACEHOLDER))
  if (holders.length === 0) return
  const [[file, content]] = holders
  if (holders.length > 1 || content.indexOf(BUILD_ID_PLACEHOLDER) !== content.lastIndexOf(BUILD_ID_PLACEHOLDER)) {
    throw new Error(`${out}: the build-id placeholder ${BUILD_ID_PLACEHOLDER} must appear once, in one file`)
  }
  const hash = createHash('sha256')
  for (const name of [...files.keys()].sort()) hash.update(`${name}\0`).update(files.get(name)).update('\0')
  files.set(file, content.replace(BUILD_ID_PLACEHOLDER, `'${hash.digest('hex').slice(0, 32)}'`))
}
