import { describe, expect, it } from 'vitest'
import { flagsForCatalog, LARGE_CATALOG_LENGTH, MEDIUM_CATALOG_LENGTH, tuneV8For } from './v8-flags.js'

describe('flagsForCatalog', () => {
  it('keeps V8 as it is for a small catalog, turns off the optimizing compiler from 16 KiB and the young generation’s growth from 256 KiB', () => {
    expect(flagsForCatalog(MEDIUM_CATALOG_LENGTH - 1, 'v20.20.2')).toEqual([])
    expect(flagsForCatalog(MEDIUM_CATALOG_LENGTH, 'v20.20.2')).toEqual(['--no-turbofan'])
    expect(flagsForCatalog(LARGE_CATALOG_LENGTH - 1, 'v22.1.0')).toEqual(['--no-turbofan'])
    expect(flagsForCatalog(LARGE_CATALOG_LENGTH, 'v24.0.0')).toEqual(['--no-turbofan', '--semi-space-growth-factor=1'])
  })

  it('sets nothing on a Node whose V8 is not known to have these flags (it would print a warning)', () => {
    for (const version of ['v18.20.0', 'v19.9.0', 'v25.0.0', 'v26.1.0', 'v2.0.0']) expect(flagsForCatalog(LARGE_CATALOG_LENGTH, version)).toEqual([])
  })
})

describe('tuneV8For', () => {
  it('sets the flags once per process, after telling the code cache, and only when there are flags to set', () => {
    const events: string[] = []
    const flags = tuneV8For(LARGE_CATALOG_LENGTH, () => events.push('before'), (f) => void events.push(`set ${f}`))
    // The test process's own Node decides whether there are flags at all.
    if (/^v2[0-4]\./.test(process.version)) {
      expect(flags).toEqual(['--no-turbofan', '--semi-space-growth-factor=1'])
      expect(events).toEqual(['before', 'set --no-turbofan --semi-space-growth-factor=1'])
    } else {
      expect(flags).toEqual([])
      expect(events).toEqual([])
    }
    // The first catalog decides: a second one (plan --base reads two) changes nothing, so every run is alike.
    expect(tuneV8For(10 * LARGE_CATALOG_LENGTH, () => events.push('again'), () => void events.push('again'))).toEqual([])
    expect(events).not.toContain('again')
  })
})
