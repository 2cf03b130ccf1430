import { recordingIO } from '@tierdeploy/action-kit'
import { describe, expect, it } from 'vitest'
import { run } from './main.js'

async function resolve(inputs: Record<string, string>) {
  const io = recordingIO({ catalog: 'catalog', ...inputs })
  await run(io)
  return io
}

describe('resolve-graph: environment from the ref', () => {
  it('plans for the environment whose branches list the ref when no environment is given', async () => {
    const io = await resolve({ tier: 'all', ref: 'refs/heads/main' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.environment).toBe('staging')
    expect(JSON.parse(io.outputs.plan!).environment).toBe('staging')
    expect(io.summaries[0]).toContain('### tierdeploy plan for staging')
  })

  it('plans for production from a release tag', async () => {
    const io = await resolve({ services: 'payment', ref: 'refs/tags/v1.4.0' })
    expect(io.outputs.environment).toBe('production')
    expect(JSON.parse(io.outputs.services!)).toEqual(['indigenious-payment-service'])
  })

  it('plans nothing, successfully, for a branch no environment lists, and says why', async () => {
    const io = await resolve({ tier: 'all', ref: 'refs/heads/feature/login' })
    expect(io.failed).toBeUndefined()
    expect(io.outputs.empty).toBe('true')
    expect(io.outputs['tier-1-empty']).toBe('true')
    expect(io.outputs.environment).toBe('')
    expect(io.summaries[0]).toContain('Nothing to deploy: branch feature/login deploys nothing: no environment lists it in branches')
  })

  it('lets a named environment win over the ref', async () => {
    const io = await resolve({ tier: '1', environment: 'dev', ref: 'refs/heads/main' })
    expect(io.outputs.environment).toBe('dev')
  })

  it('plans without an environment when neither is given', async () => {
    const io = await resolve({ tier: '1' })
    expect(io.outputs.environment).toBe('')
    expect(io.outputs.empty).toBe('false')
  })
})
