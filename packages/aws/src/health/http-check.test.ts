import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '@tierdeploy/catalog'
import { matchesPathPattern } from '@tierdeploy/catalog'
import { checkHttpHealth } from './http-check.js'
import type { HttpTarget } from './types.js'

/** A clock whose sleep moves time forward at once: the polling waits cost nothing real. */
function fakeClock(start = 0): Clock & { slept: number[] } {
  let now = start
  const slept: number[] = []
  return { slept, now: () => now, sleep: async (ms) => { slept.push(ms); now += ms } }
}

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
})

/** A real HTTP server on 127.0.0.1 whose n-th request (0-based) is answered by `handle`. */
async function serve(handle: (n: number, req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; requests: () => number }> {
  let n = 0
  const server = createServer((req, res) => handle(n++, req, res))
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`, requests: () => n }
}

const target = (url: string, overrides: Partial<HttpTarget> = {}): HttpTarget => ({ url, expectedStatus: 200, healthyThreshold: 3, requestTimeoutMs: 5000, intervalMs: 10_000, ...overrides })
const answer = (status: number) => (_n: number, _req: IncomingMessage, res: ServerResponse) => { res.writeHead(status); res.end('{}') }

describe('checkHttpHealth', () => {
  it('passes after the healthy threshold of good answers in a row, waiting the interval between them', async () => {
    const server = await serve(answer(200))
    const clock = fakeClock()
    const verdict = await checkHttpHealth(target(server.url), { deadline: 300_000, retries: 2 }, { clock })
    expect(verdict).toEqual({ healthy: true, detail: `${server.url} answered 200 3 times in a row`, requests: 3 })
    expect(clock.slept).toEqual([10_000, 10_000])
  })

  it('restarts the count when a flapping service answers badly in between', async () => {
    // 200, 503, 200, 200, 503, 200, 200, 200
    const pattern = [200, 503, 200, 200, 503, 200, 200, 200]
    const server = await serve((n, _req, res) => { res.writeHead(pattern[n] ?? 200); res.end() })
    const verdict = await checkHttpHealth(target(server.url), { deadline: 300_000, retries: 0 }, { clock: fakeClock() })
    expect(verdict.healthy).toBe(true)
    expect(server.requests()).toBe(8)
  })

  it('fails at the deadline with the last bad answer when the service keeps failing', async () => {
    const server = await serve(answer(500))
    const clock = fakeClock()
    const verdict = await checkHttpHealth(target(server.url), { deadline: 60_000, retries: 2 }, { clock })
    expect(verdict.healthy).toBe(false)
    expect(verdict.detail).toBe(`${server.url} answered 500, expected 200 (7 requests)`)
    // A bad status is an answer: it is not retried, it just breaks the streak.
    expect(server.requests()).toBe(7)
    expect(clock.now()).toBeLessThanOrEqual(60_000)
  })

  it('reports a streak cut short by the deadline', async () => {
    const server = await serve((n, _req, res) => { res.writeHead(n < 4 ? 503 : 200); res.end() })
    const verdict = await checkHttpHealth(target(server.url), { deadline: 50_000, retries: 0 }, { clock: fakeClock() })
    expect(verdict.detail).toMatch(/answered 503, expected 200; 2 of 3 good answers in a row at the deadline \(6 requests\)/)
  })

  it('times out a slow answer per request and retries it before counting it', async () => {
    // The first two requests hang; the per-request timeout fires as soon as the server holds a request, so the
    // test does not wait for real.
    let holdRequest: () => void = () => {}
    const server = await serve((n, _req, res) => {
      if (n < 2) {
        holdRequest()
        return // never answers
      }
      res.writeHead(200)
      res.end()
    })
    const timeoutSignal = () => {
      const controller = new AbortController()
      holdRequest = () => controller.abort(new DOMException('timed out', 'TimeoutError'))
      return controller.signal
    }
    const verdict = await checkHttpHealth(target(server.url, { healthyThreshold: 2 }), { deadline: 300_000, retries: 2 }, { clock: fakeClock(), timeoutSignal })
    expect(verdict).toMatchObject({ healthy: true, requests: 4 })
  })

  it('says there was no answer when every retry of a slow service times out', async () => {
    let holdRequest: () => void = () => {}
    const server = await serve(() => holdRequest())
    const timeoutSignal = () => {
      const controller = new AbortController()
      holdRequest = () => controller.abort(new DOMException('timed out', 'TimeoutError'))
      return controller.signal
    }
    const verdict = await checkHttpHealth(target(server.url, { requestTimeoutMs: 2000 }), { deadline: 25_000, retries: 1 }, { clock: fakeClock(), timeoutSignal })
    expect(verdict.healthy).toBe(false)
    expect(verdict.detail).toBe(`${server.url} no answer within 2 s (6 requests)`)
  })

  it('names the connection error when nothing listens', async () => {
    const server = await serve(answer(200))
    const url = server.url
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r))
    const verdict = await checkHttpHealth(target(url), { deadline: 0, retries: 1 }, { clock: fakeClock() })
    expect(verdict).toEqual({ healthy: false, detail: `${url} request failed (ECONNREFUSED) (2 requests)`, requests: 2 })
  })

  it('does not follow redirects: a redirect is not the expected status', async () => {
    const server = await serve((_n, _req, res) => { res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }); res.end() })
    const verdict = await checkHttpHealth(target(server.url, { healthyThreshold: 1 }), { deadline: 0, retries: 0 }, { clock: fakeClock() })
    expect(verdict.detail).toContain('answered 302, expected 200')
  })

  it('accepts another expected status', async () => {
    const server = await serve(answer(204))
    const verdict = await checkHttpHealth(target(server.url, { expectedStatus: 204, healthyThreshold: 1 }), { deadline: 0, retries: 0 }, { clock: fakeClock() })
    expect(verdict.healthy).toBe(true)
  })
})

describe('matchesPathPattern', () => {
  it('matches ALB path patterns', () => {
    expect(matchesPathPattern('/auth/*', '/auth/health')).toBe(true)
    expect(matchesPathPattern('/auth/*', '/health')).toBe(false)
    expect(matchesPathPattern('/*', '/health')).toBe(true)
    expect(matchesPathPattern('/v?/health', '/v2/health')).toBe(true)
    expect(matchesPathPattern('/a.b', '/axb')).toBe(false)
  })
})
