import type { DeployEvent, ServiceSnapshot } from '@tierdeploy/aws'
import { describe, expect, it } from 'vitest'
import { LIVE_ROWS, progressLogger, progressRendererFor, ttyRenderer, type ProgressOutput } from './progress.js'

const T = Date.UTC(2026, 0, 1)
const at = (s: number): number => T + s * 1000
const snap = (service: string, s: number, over: Partial<ServiceSnapshot> = {}): ServiceSnapshot => ({ service, running: 0, desired: 1, pending: 1, failedTasks: 0, rolloutState: 'IN_PROGRESS', elapsedMs: s * 1000, ...over })
const names = Array.from({ length: 8 }, (_, i) => `svc-${i}`)

const script: DeployEvent[] = [
  { type: 'step-started', at: at(0), deployId: 'd', cluster: 'dev', waves: [names], tier: 2, tierName: 'business' },
  { type: 'wave-started', at: at(0), wave: 1, waves: 1, services: names },
  // svc-0 started first: the slowest
  ...names.map((service, i): DeployEvent => ({ type: 'service-updated', at: at(i), service, revision: `${service}:2`, previousRevision: `${service}:1` })),
  { type: 'poll', at: at(12), poll: 1, pending: names.map((n, i) => snap(n, 12 - i, n === 'svc-0' ? { failedTasks: 2, latestEvent: '(service svc-0) (task 1) failed container health checks.' } : {})), settled: 0 },
  { type: 'service-done', at: at(17), service: 'svc-7', elapsedMs: 10_000 },
  { type: 'service-failed', at: at(17), service: 'svc-0', reason: 'rollout of svc-0:2 FAILED', rolledBackByEcs: true, elapsedMs: 17_000 },
]

/** Replays the terminal output: cursor-up + erase removes the last drawn lines, as a terminal would. */
function screen(raw: string): string[] {
  const lines: string[] = []
  let current = ''
  const ESC = String.fromCharCode(27)
  for (const part of raw.split(new RegExp(`(${ESC}\\[\\d+A\r${ESC}\\[J|\n)`))) {
    const up = new RegExp(`^${ESC}\\[(\\d+)A`).exec(part)
    if (up) lines.splice(lines.length - Number(up[1]))
    else if (part === '\n') {
      lines.push(current)
      current = ''
    } else current += part
  }
  return lines
}

describe('ttyRenderer', () => {
  it('redraws a block with the counts and the slowest rollouts under the lines that stay', () => {
    let raw = ''
    const renderer = ttyRenderer((t) => (raw += t), { columns: () => 100 })
    for (const e of script.slice(0, -2)) renderer.event(e)
    expect(screen(raw)).toEqual([
      'tier 2 (business): 12s',
      '  0 done, 8 rolling, 0 failed, 0 unchanged',
      '  svc-0  12s  0/1 running, 1 pending, 2 failed tasks, IN_PROGRESS, (task 1) failed container health checks.',
      '  svc-1  11s  0/1 running, 1 pending, IN_PROGRESS',
      '  svc-2  10s  0/1 running, 1 pending, IN_PROGRESS',
      '  svc-3  9s  0/1 running, 1 pending, IN_PROGRESS',
      '  svc-4  8s  0/1 running, 1 pending, IN_PROGRESS',
      `  … and ${8 - LIVE_ROWS} more rolling`,
    ].map((l) => (l.length > 99 ? `${l.slice(0, 98)}…` : l)))
    for (const e of script.slice(-2)) renderer.event(e)
    renderer.above('warning: something to keep')
    const after = screen(raw)
    expect(after[0]).toBe('svc-0: FAILED after 17s (ECS circuit breaker rolling back): rollout of svc-0:2 FAILED')
    expect(after[1]).toBe('warning: something to keep')
    expect(after[2]).toBe('tier 2 (business): 17s')
    expect(after[3]).toBe('  1 done, 6 rolling, 1 failed, 0 unchanged')
    renderer.close()
    expect(screen(raw)).toEqual(after.slice(0, 2))
  })

  it('cuts every line to the terminal width, so none wraps and the redraw stays in place', () => {
    let raw = ''
    const renderer = ttyRenderer((t) => (raw += t), { columns: () => 30 })
    for (const e of script) renderer.event(e)
    expect(screen(raw).every((l) => l.length <= 29)).toBe(true)
  })
})

function output(over: Partial<ProgressOutput> = {}): ProgressOutput & { out: string[]; err: string[]; raw: string[] } {
  const out: string[] = []
  const err: string[] = []
  const raw: string[] = []
  return { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrRaw: (t) => raw.push(t), out, err, raw, ...over }
}

describe('progressRendererFor', () => {
  it('--json writes each event as one JSON line on stdout, and log lines on stderr', () => {
    const io = output({ isTTY: true })
    const renderer = progressRendererFor(io, { json: true })
    for (const e of script) renderer.event(e)
    progressLogger(renderer, false).warning('careful')
    expect(io.out.map((l) => JSON.parse(l) as DeployEvent)).toEqual(script)
    expect(io.err).toEqual(['warning: careful'])
    expect(io.raw).toEqual([])
  })

  it('--quiet prints only warnings and errors', () => {
    const io = output()
    const renderer = progressRendererFor(io, { quiet: true })
    const log = progressLogger(renderer, false)
    for (const e of script) renderer.event(e)
    log.info('registered something')
    log.error('it broke')
    expect([...io.out, ...io.err, ...io.raw]).toEqual(['error: it broke'])
  })

  it('without a terminal prints lines on stderr, grouped when GITHUB_ACTIONS=true; a terminal gets the live view', () => {
    const ci = output({ env: { GITHUB_ACTIONS: 'true' } })
    const lines = progressRendererFor(ci, {})
    for (const e of script) lines.event(e)
    expect(ci.err[0]).toBe('tier 2 (business): deploying 8 service(s) in 1 wave(s) to cluster dev (deploy d)')
    expect(ci.err[1]).toBe('::group::tier 2 (business): svc-0, svc-1, svc-2, svc-3, svc-4, svc-5, svc-6, svc-7')
    expect(ci.raw).toEqual([])
    const tty = output({ isTTY: true, columns: 80 })
    progressRendererFor(tty, {}).event(script[0]!)
    expect(tty.raw.join('')).toContain('tier 2 (business): 0s')
    expect(tty.err).toEqual([])
  })

  it('shows info log lines only with --verbose', () => {
    const io = output()
    progressLogger(progressRendererFor(io, {}), false).info('registered')
    progressLogger(progressRendererFor(io, {}), true).info('registered, verbose')
    expect(io.err).toEqual(['registered, verbose'])
  })
})
