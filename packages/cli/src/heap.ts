import { createRequire } from 'node:module'

/** A catalog this long (about 2,500 services) repays loading node:v8 (about 5 ms: it loads Node's stream modules). */
export const LARGE_CATALOG_LENGTH = 256 * 1024

const requireBuiltin = createRequire(import.meta.url)
let prepared = false

/**
 * Changes with every V8 flag this process sets. V8's code cache records the flags it was made under and rejects
 * itself under others, so the chunk loader keeps only code compiled under the final flags (chunk-loader.ts).
 */
export function flagsVersion(): number {
  return prepared ? 1 : 0
}

/**
 * Keeps V8's young generation at its first size for a run over a large catalog. V8 grows it (up to 16 MB per
 * semi-space) as objects survive, which suits a long-lived server; in a run of a second every new page is a page
 * fault that is not repaid (about 19 µs each on the machine measured: `plan` at 10,000 services took 9,500 faults
 * instead of 11,400, about 50 ms less; issue 16, the README's benchmarks). V8 reads the flag at each growth decision,
 * so setting it before the catalog is parsed is enough. Node 20 to 24 have the flag; on another version it is left
 * alone, as V8 would print a warning for a flag it does not know. Newer V8 (Node 22 and later) may hold the factor at
 * 2 or more, and then this changes nothing.
 *
 * Returns whether it set the flag (once per process).
 */
export function prepareHeapFor(sourceLength: number, setFlags: (flags: string) => void = (flags) => (requireBuiltin('node:v8') as typeof import('node:v8')).setFlagsFromString(flags)): boolean {
  if (prepared || sourceLength < LARGE_CATALOG_LENGTH || !/^v2[0-4]\./.test(process.version)) return false
  setFlags('--semi-space-growth-factor=1')
  prepared = true
  return true
}
