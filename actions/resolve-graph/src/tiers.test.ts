import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordingIO } from '@tierdeploy/action-kit'
import { WORKFLOW_TIERS } from '@tierdeploy/graph'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { run } from './main.js'

async function resolve(inputs: Record<string, string>) {
  const io = recordingIO({ catalog: 'catalog', ...inputs })
  await run(io)
  return io
}

const EIGHT_TIERS = `version: 1
platform: test
tiers: [{ id: 1, name: t1 }, { id: 2, name: t2 }, { id: 3, name: t3 }, { id: 4, name: t4 }, { id: 5, name: t5 }, { id: 6, name: t6 }, { id: 7, name: t7 }, { id: 8, name: t8 }]
services:
  core: { path: core, tier: 1 }
  svc-e: { path: svc-e, tier: 6 }
  svc-a: { path: svc-a, tier: 7 }
  svc-b: { path: svc-b, tier: 7, dependsOn: [core] }
  svc-c: { path: svc-c, tier: 8 }
  warehouse: { kind: infrastructure, tier: 8 }
`

describe('resolve-graph: one set of outputs per tier job of the reusable workflow', () => {
  let dir: { dir: string; cleanup: () => void }
  beforeEach(() => {
    dir = tempDir()
    writeFiles(dir.dir, { 'catalog/services.yaml': EIGHT_TIERS })
  })
  afterEach(() => dir.cleanup())
  const catalog = () => join(dir.dir, 'catalog')

  it('declares tier-N-matrix, tier-N-empty and tier-N-services in action.yml for exactly tiers 1 to WORKFLOW_TIERS', () => {
    const action = parse(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as { outputs: Record<string, { description: string }> }
    const perTier = Object.keys(action.outputs).filter((k) => /^tier-\d+-/.test(k))
    const expected = Array.from({ length: WORKFLOW_TIERS }, (_, i) => [`tier-${i + 1}-matrix`, `tier-${i + 1}-empty`, `tier-${i + 1}-services`]).flat()
    expect(perTier.sort()).toEqual(expected.sort())
    for (const name of perTier) expect(action.outputs[name]!.description, name).toContain(`ier ${/^tier-(\d+)-/.exec(name)![1]}`)
  })

  it('emits the per-tier outputs of tiers 5 and 6, and leaves tiers above WORKFLOW_TIERS to the tiers output with a warning', async () => {
    const io = await resolve({ catalog: catalog(), tier: 'all' })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs['tier-6-services']!)).toEqual(['svc-e'])
    expect(io.outputs['tier-6-empty']).toBe('false')
    expect(io.outputs['tier-5-empty']).toBe('true')
    expect(JSON.parse(io.outputs['tier-5-matrix']!)).toEqual({ include: [] })
    expect(io.outputs['tier-7-matrix']).toBeUndefined()
    expect(JSON.parse(io.outputs.tiers!)['7'].matrix.include.map((e: { service: string }) => e.service)).toEqual(['svc-a', 'svc-b'])
    expect(JSON.parse(io.outputs['tier-services']!)).toEqual({ '1': ['core'], '6': ['svc-e'], '7': ['svc-a', 'svc-b'], '8': ['svc-c'] })
    expect(io.logs).toContain("warning: tiers 7, 8 have no per-tier outputs (the reusable workflow has tier jobs 1-6); read them from the 'tiers' output, or set 'max-tier' to refuse such a plan")
  })

  it('fails, naming each tier above max-tier and its services, before writing any output', async () => {
    const io = await resolve({ catalog: catalog(), tier: 'all', 'max-tier': '6' })
    expect(io.failed).toMatch(/^tier 7 \(svc-a, svc-b\) and tier 8 \(svc-c\) are above max-tier 6: this workflow deploys tiers 1-6 and would never deploy them; move these services to a tier of 1-6 in .*services\.yaml/)
    expect(io.outputs).toEqual({})
    const one = await resolve({ catalog: catalog(), services: 'svc-b', 'max-tier': '6' })
    expect(one.failed).toMatch(/^tier 7 \(svc-b\) is above max-tier 6: this workflow deploys tiers 1-6/)
  })

  it('passes max-tier when nothing above it deploys: infrastructure alone does not count', async () => {
    const io = await resolve({ catalog: catalog(), services: 'svc-e,core', 'max-tier': '6' })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.services!)).toEqual(['core', 'svc-e'])
    writeFiles(dir.dir, { 'catalog/services.yaml': EIGHT_TIERS.replace(/ {2}svc-[abc]: .*\n/g, '') })
    const infra = await resolve({ catalog: catalog(), tier: 'all', 'max-tier': '6' })
    expect(infra.failed).toBeUndefined()
    expect(JSON.parse(infra.outputs.plan!).tiers.map((t: { tier: number }) => t.tier)).toEqual([1, 6, 8])
  })

  it.each(['0', 'six', '-1', '6.5'])('rejects max-tier %s, naming the input', async (value) => {
    const io = await resolve({ catalog: catalog(), tier: 'all', 'max-tier': value })
    expect(io.failed).toBe(`input 'max-tier' must be a positive whole number (the highest tier the workflow has a job for), got '${value}'`)
  })
})

describe('resolve-graph: only-enabled', () => {
  it('leaves services the environment does not enable out of the plan, with a notice and the skipped output', async () => {
    const io = await resolve({ services: 'banking,video,blockchain', environment: 'production', 'only-enabled': 'true' })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.services!)).toEqual(['indigenious-banking-service'])
    expect(JSON.parse(io.outputs.skipped!)).toEqual(['indigenious-video-service', 'indigenious-blockchain-service'])
    expect(io.logs).toContain(
      "notice: left out of the plan ('only-enabled' is true): indigenious-video-service is not enabled in production: add it to optionalServices in catalog/environments/production.yaml; indigenious-blockchain-service is not enabled in production: add it to optionalServices in catalog/environments/production.yaml",
    )
    expect(io.summaries[0]).toContain('Left out (not enabled in production): `indigenious-video-service`, `indigenious-blockchain-service`')
  })

  it('plans nothing, successfully, when every named service is left out', async () => {
    const io = await resolve({ services: '["video"]', environment: 'production', 'only-enabled': 'true' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.empty).toBe('true')
    expect(io.outputs['tier-4-empty']).toBe('true')
    expect(io.outputs['tier-services']).toBe('{}')
    expect(JSON.parse(io.outputs.skipped!)).toEqual(['indigenious-video-service'])
  })

  it('still fails for a service the environment does not enable without it, and for unknown names with it', async () => {
    expect((await resolve({ services: 'video', environment: 'production' })).failed).toMatch(/indigenious-video-service is not enabled in production/)
    const unknown = await resolve({ services: 'video,bankng', environment: 'production', 'only-enabled': 'true' })
    expect(unknown.failed).toMatch(/unknown service 'bankng'; did you mean 'banking'\?/)
    expect(unknown.outputs).toEqual({})
    expect((await resolve({ services: 'video', 'only-enabled': 'maybe' })).failed).toBe("input 'only-enabled' must be true or false, got 'maybe'")
  })

  it('writes skipped as [] when nothing is left out', async () => {
    const io = await resolve({ services: 'banking', environment: 'production', 'only-enabled': 'true' })
    expect(io.outputs.skipped).toBe('[]')
  })
})
