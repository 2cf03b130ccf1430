import { createRequire } from 'node:module'

/**
 * From this length (about 150 services) a run does enough JavaScript that V8's optimizing compiler costs more than
 * it gives back, and that repays loading node:v8 (a few ms: it loads Node's stream modules).
 */
export const MEDIUM_CATALOG_LENGTH = 16 * 1024
/** From this length (about 2,500 services) the young generation's growth costs more than it saves. */
export const LARGE_CATALOG_LENGTH = 256 * 1024

/**
 * The V8 flags that make one short run over a catalog this long faster (issue 16; the README's benchmarks):
 *
 * - `--no-turbofan` (`--no-opt` is V8's older name): TurboFan, V8's optimizing compiler, starts on the hot parsing
 *   and validation loops within a few milliseconds, compiles them on a second thread (8–30 ms of work each) and then
 *   often throws the result away ("insufficient type feedback"). On a 2-core machine that work competes with the run
 *   itself: without it, the catalog's parse at 1,000 services took 20 ms instead of 31–40, and `changed` about 30 ms
 *   less in all. Code still runs in Sparkplug, V8's baseline compiler, which needs no warm-up. The run is the same;
 *   only its speed changes.
 * - `--semi-space-growth-factor=1`: V8 grows its young generation (up to 16 MB per semi-space) as objects survive,
 *   which suits a long-lived server; in a run of a second every new page is a page fault that is not repaid (about
 *   19 µs each on the machine measured: `plan` at 10,000 services took 9,500 faults instead of 11,400).
 *
 * Only on Node 20 to 24, whose V8 has both flags (V8 prints an error to stderr for a flag it does not know).
 * Newer V8 (Node 22 and later) may hold the growth factor at 2 or more, and then that flag changes nothing.
 */
export function flagsForCatalog(sourceLength: number, nodeVersion = process.version): string[] {
  if (!/^v2[0-4]\./.test(nodeVersion) || sourceLength < MEDIUM_CATALOG_LENGTH) return []
  return sourceLength < LARGE_CATALOG_LENGTH ? ['--no-turbofan'] : ['--no-turbofan', '--semi-space-growth-factor=1']
}

const requireBuiltin = createRequire(import.meta.url)
let tuned = false
const setV8Flags = (flags: string): void => (requireBuiltin('node:v8') as typeof import('node:v8')).setFlagsFromString(flags)

/**
 * Sets flagsForCatalog's flags before the catalog is parsed (V8 reads them at each tier-up and growth decision, so
 * that is early enough). The first catalog a process reads decides (`plan --base` reads two), so every run of a
 * command over a catalog changes the flags at the same point, which the code cache needs: V8 records the flags
 * cached code is made under, and `beforeChange` runs first so the chunk loader can take what was compiled before.
 * Returns the flags it set.
 */
export function tuneV8For(sourceLength: number, beforeChange: () => void = () => {}, setFlags: (flags: string) => void = setV8Flags): string[] {
  if (tuned) return []
  tuned = true
  const flags = flagsForCatalog(sourceLength)
  if (flags.length === 0) return flags
  beforeChange()
  setFlags(flags.join(' '))
  return flags
}
