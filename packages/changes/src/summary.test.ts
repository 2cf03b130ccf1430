import { describe, expect, it } from 'vitest'
import type { DetectedChanges } from './detect.js'
import { reasonsInWords, renderChangeSummary } from './summary.js'

function changes(count: number): DetectedChanges {
  const services = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(4, '0')}`)
  return {
    mode: 'changes',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    why: 'push to main',
    services,
    deleted: [],
    infrastructure: false,
    reasons: Object.fromEntries(services.map((s, i) => [s, i % 2 ? [{ kind: 'library', library: 'lib-0', via: [] }] : [{ kind: 'files', count: 2, files: [`services/${s}/a.ts`, `services/${s}/b.ts`] }]])),
    libraries: ['lib-0'],
    infrastructureFiles: { count: 0, files: [] },
    unclaimed: { count: 0, files: [] },
    files: count + 1,
  }
}

describe('change summary', () => {
  it('leads with how many services deploy and why, and collapses a long list', () => {
    const lines = renderChangeSummary(changes(79)).split('\n')
    expect(lines[0]).toBe('### Changed services: 79 services to deploy')
    expect(lines[2]).toBe('Push to main (`aaaaaaaaaaaa..bbbbbbbbbbbb`, 80 changed paths).')
    expect(lines[4]).toBe('Why: 40 by their files, 39 by a library.')
    expect(lines[6]).toBe('<details><summary>79 services and why</summary>')
    expect(lines).toContain('| `svc-0000` | 2 files: `services/svc-0000/a.ts`, `services/svc-0000/b.ts` |')
    expect(renderChangeSummary(changes(3))).toContain('<details open><summary>3 services and why</summary>')
  })

  it('puts each service\'s reasons in plain words for the plan', () => {
    expect(reasonsInWords(changes(2).reasons)).toEqual({ 'svc-0000': ['2 files: services/svc-0000/a.ts, services/svc-0000/b.ts'], 'svc-0001': ['library lib-0 changed'] })
  })
})
