import { describe, expect, it } from 'vitest'
import { renderGateTable } from './report.js'
import type { CheckOutcome, GateReport } from './types.js'

/** A gate over `count` services, three checks each, where service `bad` fails its HTTP check. */
function gateOver(count: number, bad?: number): GateReport {
  const outcomes: CheckOutcome[] = []
  for (let i = 0; i < count; i++) {
    const service = `svc-${String(i).padStart(4, '0')}`
    outcomes.push({ service, check: 'ecs', status: 'passed', detail: 'steady on :42' })
    outcomes.push(i === bad ? { service, check: 'http', status: 'failed', detail: 'GET /health answered 503 three times' } : { service, check: 'http', status: 'passed', detail: '200 in 12 ms' })
    outcomes.push({ service, check: 'alarms', status: bad === undefined ? 'passed' : 'skipped', detail: bad === undefined ? 'no alarm' : 'not baked: an earlier check failed' })
  }
  return { passed: bad === undefined, outcomes, seconds: 95 }
}

describe('health gate summary', () => {
  for (const count of [20, 79, 1000]) {
    it(`puts the verdict and the failed check first, then counts, the other checks collapsed (${count} services)`, () => {
      const bad = Math.floor(count / 2)
      const lines = renderGateTable(gateOver(count, bad), 'health gate (staging)').split('\n')
      expect(lines.slice(0, 7)).toEqual([
        '### ❌ health gate (staging) failed: 1 check failed in 1 service',
        '',
        '| service | check | result | why |',
        '|---|---|---|---|',
        `| svc-${String(bad).padStart(4, '0')} | http | ❌ failed | GET /health answered 503 three times |`,
        '',
        `❌ failed: 1 · ✅ passed: ${2 * count - 1} · ⏭️ skipped: ${count} (checks, in 95 s)`,
      ])
      expect(lines[8]).toBe(`<details><summary>The other checks (${3 * count - 1})</summary>`)
    })
  }

  it('says a passed gate in one line and collapses its checks', () => {
    const text = renderGateTable(gateOver(79), 'health gate')
    expect(text.split('\n').slice(0, 3)).toEqual(['### ✅ health gate passed: 79 services healthy', '', '✅ passed: 237 (checks, in 95 s)'])
    expect(text).toContain('<details><summary>Every check (237)</summary>')
    expect(text).not.toContain('❌')
  })
})
