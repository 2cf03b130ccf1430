import type { Clock } from '@tierdeploy/catalog'
import { sleepUnlessAborted, throwIfAborted } from '../ecs/concurrency.js'
import type { HttpTarget } from './types.js'

export interface HttpCheckEffects {
  clock: Clock
  fetch?: typeof fetch
  timeoutSignal?: (ms: number) => AbortSignal
}

export interface HttpVerdict {
  healthy: boolean
  detail: string
  requests: number
}

type Answer = { status: number } | { error: string }

/**
 * Polls the URL every `intervalMs` until it answers `expectedStatus` `healthyThreshold` times in a row, or the
 * deadline (clock ms) passes. A request with no answer within `requestTimeoutMs` (or refused) is retried up to
 * `retries` times right away before it counts; any other status breaks the streak. Redirects are not followed
 * (a load balancer's health check does not follow them either).
 */
export async function checkHttpHealth(target: HttpTarget, options: { deadline: number; retries: number; signal?: AbortSignal }, effects: HttpCheckEffects): Promise<HttpVerdict> {
  const { clock } = effects
  let streak = 0
  let requests = 0
  let last = 'no request made before the deadline'
  for (;;) {
    let answer: Answer = { error: 'not asked' }
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      requests++
      answer = await ask(target, effects, options.signal)
      if ('status' in answer) break
    }
    if ('status' in answer && answer.status === target.expectedStatus) {
      streak++
      if (streak >= target.healthyThreshold) {
        return { healthy: true, detail: `${target.url} answered ${target.expectedStatus} ${streak} time${streak === 1 ? '' : 's'} in a row`, requests }
      }
    } else {
      streak = 0
      last = 'status' in answer ? `answered ${answer.status}, expected ${target.expectedStatus}` : answer.error
    }
    if (clock.now() + target.intervalMs > options.deadline) {
      const progress = streak > 0 ? `; ${streak} of ${target.healthyThreshold} good answers in a row at the deadline` : ''
      return { healthy: false, detail: `${target.url} ${last}${progress} (${requests} request${requests === 1 ? '' : 's'})`, requests }
    }
    await sleepUnlessAborted(clock, target.intervalMs, options.signal)
  }
}

/** One request; `cancel` (the gate giving up) throws its reason, while the per-request timeout is a bad answer. */
async function ask(target: HttpTarget, effects: HttpCheckEffects, cancel?: AbortSignal): Promise<Answer> {
  throwIfAborted(cancel)
  const doFetch = effects.fetch ?? fetch
  const timeout = (effects.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms)))(target.requestTimeoutMs)
  // One signal for fetch: the request's timeout or the gate's cancel. Listeners are removed after each request
  // (AbortSignal.any would keep one per request on the gate's signal for the whole gate).
  const request = new AbortController()
  const abort = (): void => request.abort()
  timeout.addEventListener('abort', abort, { once: true })
  cancel?.addEventListener('abort', abort, { once: true })
  const signal = request.signal
  try {
    const response = await doFetch(target.url, { signal, redirect: 'manual', headers: { 'user-agent': 'tierdeploy-health-gate' } })
    // Free the connection: only the status matters.
    await response.body?.cancel().catch(() => {})
    return { status: response.status }
  } catch (e) {
    throwIfAborted(cancel)
    const error = e as Error & { cause?: { code?: string; message?: string } }
    if (signal.aborted || error.name === 'TimeoutError' || error.name === 'AbortError') return { error: `no answer within ${target.requestTimeoutMs / 1000} s` }
    return { error: `request failed (${error.cause?.code ?? error.cause?.message ?? error.message})` }
  } finally {
    timeout.removeEventListener('abort', abort)
    cancel?.removeEventListener('abort', abort)
  }
}


