import { describe, expect, it } from 'vitest'
import { allOrAbort, mapWithConcurrency, sleepUnlessAborted } from './concurrency.js'

const neverEndingClock = { now: () => 0, sleep: () => new Promise<void>(() => {}) }

describe('allOrAbort', () => {
  it('rejects with the first error at once and aborts the other tasks with it', async () => {
    const failure = new Error('first')
    let seen: unknown
    const result = allOrAbort([
      async (signal) => {
        try {
          await sleepUnlessAborted(neverEndingClock, 60_000, signal)
        } catch (e) {
          seen = e
          throw e
        }
      },
      async () => {
        throw failure
      },
    ])
    await expect(result).rejects.toBe(failure)
    expect(seen).toBe(failure)
  })

  it('aborts its tasks when the parent signal aborts', async () => {
    const parent = new AbortController()
    const result = allOrAbort([(signal) => sleepUnlessAborted(neverEndingClock, 60_000, signal)], parent.signal)
    parent.abort(new Error('parent gave up'))
    await expect(result).rejects.toThrow('parent gave up')
  })
})

describe('mapWithConcurrency', () => {
  it('starts no further item after one throws', async () => {
    const started: number[] = []
    await expect(mapWithConcurrency([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n)
      if (n === 2) throw new Error('two')
      return n
    })).rejects.toThrow('two')
    expect(started).toEqual([1, 2])
  })
})
