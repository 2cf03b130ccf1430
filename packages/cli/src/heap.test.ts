import { describe, expect, it } from 'vitest'
import { flagsVersion, LARGE_CATALOG_LENGTH, prepareHeapFor } from './heap.js'

describe('prepareHeapFor', () => {
  it('sets the young-generation flag once, for a large catalog only, and says so through flagsVersion', () => {
    const set: string[] = []
    const record = (flags: string) => void set.push(flags)
    expect(flagsVersion()).toBe(0)
    expect(prepareHeapFor(LARGE_CATALOG_LENGTH - 1, record)).toBe(false)
    expect(set).toEqual([])
    expect(flagsVersion()).toBe(0)
    expect(prepareHeapFor(LARGE_CATALOG_LENGTH, record)).toBe(true)
    expect(set).toEqual(['--semi-space-growth-factor=1'])
    expect(flagsVersion()).toBe(1)
    expect(prepareHeapFor(10 * LARGE_CATALOG_LENGTH, record)).toBe(false)
    expect(set).toHaveLength(1)
  })
})
