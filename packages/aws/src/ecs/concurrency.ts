import { setMaxListeners } from 'node:events'
import type { Clock } from '@tierdeploy/catalog'

/**
 * Runs `work` over `items` with at most `limit` at a time; results keep the items' order. After one item throws, no
 * further item starts (the ones in flight finish) and the first error is thrown.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        results[i] = await work(items[i]!, i)
      } catch (e) {
        failed = true
        throw e
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

/**
 * `Promise.all` that cancels: each task gets a signal that aborts (with the error as its reason) as soon as one task
 * throws, or when `parent` aborts, and the first error is thrown at once. Plain `Promise.all` also rejects at once,
 * but leaves the other checks polling AWS until their own deadline (issue 13, item 11).
 */
export async function allOrAbort<T>(tasks: readonly ((signal: AbortSignal) => Promise<T>)[], parent?: AbortSignal): Promise<T[]> {
  const controller = new AbortController()
  // Every task (a gate of 60 services has 60) listens on this signal while it waits: not a leak.
  setMaxListeners(0, controller.signal)
  const forward = (): void => controller.abort(parent!.reason)
  if (parent?.aborted) controller.abort(parent.reason)
  else parent?.addEventListener('abort', forward, { once: true })
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        try {
          return await task(controller.signal)
        } catch (e) {
          if (!controller.signal.aborted) controller.abort(e)
          throw e
        }
      }),
    )
  } finally {
    parent?.removeEventListener('abort', forward)
  }
}

/** Throws the signal's reason when it has been aborted: call before each AWS call or poll of a cancellable loop. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason
}

/**
 * `clock.sleep(ms)` that ends early, throwing the signal's reason, when `signal` aborts. The catalog's Clock takes no
 * signal, so a system-clock timer may still run out in the background; the sleeper no longer waits for it.
 */
export async function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal)
  if (!signal) return clock.sleep(ms)
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([clock.sleep(ms), aborted])
  } finally {
    signal.removeEventListener('abort', onAbort!)
  }
}
