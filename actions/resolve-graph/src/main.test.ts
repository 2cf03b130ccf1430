import { describe, expect, it } from 'vitest'
import { recordingIO } from '@tierdeploy/action-kit'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { run } from './main.js'

async function resolve(inputs: Record<string, string>) {
  const io = recordingIO({ catalog: 'catalog', ...inputs })
  await run(io)
  return io
}

describe('resolve-graph', () => {
  it('emits one matrix per tier with empty flags, and the whole plan', async () => {
    const io = await resolve({ services: 'payment', 'with-dependencies': 'true', environment: 'staging' })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs['tier-1-matrix']!)).toEqual({ include: [{ service: 'indigenious-auth-service', tier: 1, wave: 1, path: 'indigenious-auth-service', container: 'indigenious-auth-service' }] })
    expect(io.outputs['tier-1-empty']).toBe('false')
    expect(JSON.parse(io.outputs['tier-2-services']!)).toEqual(['indigenious-user-service', 'indigenious-payment-service'])
    expect(io.outputs['tier-3-empty']).toBe('true')
    expect(JSON.parse(io.outputs['tier-3-matrix']!)).toEqual({ include: [] })
    expect(io.outputs.empty).toBe('false')
    const plan = JSON.parse(io.outputs.plan!)
    expect(plan.environment).toBe('staging')
    expect(plan.tiers.map((t: { tier: number }) => t.tier)).toEqual([1, 2])
    expect(JSON.parse(io.outputs.tiers!)['4']).toEqual({ tier: 4, matrix: { include: [] }, empty: true, chunks: [] })
    expect(JSON.parse(io.outputs['build-matrix']!)).toEqual([{ include: expect.arrayContaining([expect.objectContaining({ service: 'indigenious-payment-service' })]) }])
  })

  it('takes changed-services from detect-changed-services and plans only those', async () => {
    const io = await resolve({ 'changed-services': '["indigenious-payment-service"]' })
    expect(JSON.parse(io.outputs.services!)).toEqual(['indigenious-payment-service'])
    expect(io.outputs['tier-1-empty']).toBe('true')
    expect(io.outputs['tier-2-empty']).toBe('false')
  })

  it('says in the plan and its summary which files or library brought a changed service in (change-reasons)', async () => {
    const reasons = {
      'indigenious-payment-service': [{ kind: 'files', count: 4, files: ['indigenious-payment-service/a.ts', 'indigenious-payment-service/b.ts', 'indigenious-payment-service/c.ts', 'indigenious-payment-service/d.ts'] }],
      'indigenious-rfq-service': [{ kind: 'library', library: 'indigenious-shared-libs', via: [] }],
    }
    const io = await resolve({ 'changed-services': JSON.stringify(Object.keys(reasons)), 'change-reasons': JSON.stringify(reasons) })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.plan!).nodes['indigenious-payment-service'].reasons).toEqual(['changed: 4 files: indigenious-payment-service/a.ts, indigenious-payment-service/b.ts, indigenious-payment-service/c.ts and 1 more'])
    expect(io.summaries[0]).toContain('| `indigenious-rfq-service` | service | changed: library indigenious-shared-libs changed |')
    // Without change-reasons (an older workflow), the plan still says "changed".
    const plain = await resolve({ 'changed-services': '["indigenious-payment-service"]' })
    expect(JSON.parse(plain.outputs.plan!).nodes['indigenious-payment-service'].reasons).toEqual(['changed'])
    expect((await resolve({ 'changed-services': '["indigenious-payment-service"]', 'change-reasons': '["a"]' })).failed).toMatch(/input 'change-reasons' must be the reasons output of detect-changed-services/)
  })

  it('reads the reasons from a file (change-reasons-file), for reasons over the 128 KiB an input holds', async () => {
    const t = tempDir()
    try {
      const reasons = { 'indigenious-payment-service': [{ kind: 'library', library: 'indigenious-shared-libs', via: [] }] }
      writeFiles(t.dir, { 'reasons.json': JSON.stringify(reasons), 'bad.json': '{"indigenious-payment-service": 3}' })
      const io = await resolve({ 'changed-services': '["indigenious-payment-service"]', 'change-reasons-file': `${t.dir}/reasons.json` })
      expect(io.failed).toBeUndefined()
      expect(JSON.parse(io.outputs.plan!).nodes['indigenious-payment-service'].reasons).toEqual(['changed: library indigenious-shared-libs changed'])
      expect((await resolve({ 'changed-services': '["indigenious-payment-service"]', 'change-reasons-file': `${t.dir}/bad.json` })).failed).toBe(`input 'change-reasons-file' (${t.dir}/bad.json) must be the reasons output of detect-changed-services: a JSON object of service -> [{"kind":"files","count":1,"files":["..."]}, ...]`)
      expect((await resolve({ 'changed-services': '["indigenious-payment-service"]', 'change-reasons-file': `${t.dir}/none.json` })).failed).toMatch(/^input 'change-reasons-file': cannot read .*none\.json \(no such file\)/)
      expect((await resolve({ 'changed-services': '["indigenious-payment-service"]', 'change-reasons': JSON.stringify(reasons), 'change-reasons-file': `${t.dir}/reasons.json` })).failed).toBe("give 'change-reasons' or 'change-reasons-file', not both")
    } finally {
      t.cleanup()
    }
  })

  it('plans nothing, successfully, when nothing changed', async () => {
    const io = await resolve({ 'changed-services': '[]' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.empty).toBe('true')
    expect(io.outputs['build-empty']).toBe('true')
    expect(io.summaries.join('')).toContain('Nothing to deploy.')
  })

  it('writes the plan table and a Mermaid diagram to the job summary', async () => {
    const io = await resolve({ tier: '1' })
    expect(io.summaries[0]).toMatch(/^### tierdeploy plan: 3 services and 2 infrastructure in 1 tier, 3 waves\n/)
    expect(io.summaries[0]).toContain('| 1 (core) | 1 | `rds-aurora` | infrastructure | in tier 1 |')
    expect(io.summaries[0]).toContain('```mermaid')
    expect(io.summaries[0]!.indexOf('```mermaid')).toBeLessThan(io.summaries[0]!.indexOf('<details>'))
  })

  it('fails the step before anything runs for an unknown service, naming the closest', async () => {
    const io = await resolve({ services: 'auth,paymnt' })
    expect(io.failed).toMatch(/unknown service 'paymnt'; did you mean 'payment'\?/)
    expect(io.outputs).toEqual({})
  })

  it('fails on malformed inputs with the input name', async () => {
    expect((await resolve({ tier: 'one' })).failed).toMatch(/tier must be a tier number or 'all', got 'one'/)
    expect((await resolve({ tier: '1', 'with-dependencies': 'yes please' })).failed).toMatch(/input 'with-dependencies' must be true or false/)
    expect((await resolve({})).failed).toMatch(/nothing is selected/)
    expect((await resolve({ tier: '1', environment: 'prod' })).failed).toMatch(/unknown environment 'prod'/)
  })

  it('annotates catalog problems on the catalog file', async () => {
    const io = await resolve({ tier: '1', catalog: 'packages/graph/fixtures/broken-catalog' })
    expect(io.failed).toMatch(/the catalog has 1 error/)
    expect(io.annotations).toEqual([expect.objectContaining({ file: 'packages/graph/fixtures/broken-catalog/services.yaml', line: 6, column: 17, severity: 'error' })])
  })

  it('fails, with no outputs, when an enabled service depends on one its environment does not enable', async () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, {
        'catalog/services.yaml': 'tiers:\n  - { id: 1, name: core }\n  - { id: 4, name: optional, optional: true }\nservices:\n  auth: { path: auth, tier: 1 }\n  video: { path: video, tier: 4, dependsOn: [auth] }\n  banking: { path: banking, tier: 4, dependsOn: [auth, video] }\n',
        'catalog/environments/production.yaml': 'name: production\nregion: ca-central-1\noptionalServices: [banking]\n',
      })
      const io = await resolve({ catalog: `${dir}/catalog`, environment: 'production', services: 'banking', 'with-dependencies': 'true' })
      expect(io.failed).toMatch(/banking is enabled in production but depends on video, which is not enabled there/)
      expect(io.annotations).toEqual([expect.objectContaining({ file: `${dir}/catalog/environments/production.yaml`, line: 3, severity: 'error' })])
      expect(io.outputs).toEqual({})
    } finally {
      cleanup()
    }
  })
})
