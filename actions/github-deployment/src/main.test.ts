import { recordingIO } from '@tierdeploy/action-kit'
import { describe, expect, it } from 'vitest'
import type { DeploymentsApi } from './deployment.js'
import { run } from './main.js'

/** A fake Octokit that records the REST calls and answers like GitHub. */
function fakeOctokit(options: { mergeInstead?: boolean; existing?: Array<{ id: number; sha: string; statuses: string[] }>; reviews?: Array<{ state: string; environment: string }> } = {}) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = []
  const existing = options.existing ?? []
  const api: DeploymentsApi = {
    rest: {
      repos: {
        createDeployment: async (params) => {
          calls.push({ method: 'createDeployment', params })
          return options.mergeInstead ? { status: 202, data: { message: 'Auto-merged main into topic on deployment.' } } : { status: 201, data: { id: 4242 } }
        },
        createDeploymentStatus: async (params) => {
          calls.push({ method: 'createDeploymentStatus', params })
          return { data: { id: 77 } }
        },
        listDeployments: async (params) => {
          calls.push({ method: 'listDeployments', params })
          return { data: existing.map(({ id, sha }) => ({ id, sha })) }
        },
        listDeploymentStatuses: async (params) => {
          calls.push({ method: 'listDeploymentStatuses', params })
          return { data: (existing.find((d) => d.id === params.deployment_id)?.statuses ?? []).map((state) => ({ state })) }
        },
      },
      actions: {
        getReviewsForRun: async (params) => {
          calls.push({ method: 'getReviewsForRun', params })
          return { data: (options.reviews ?? []).map((r) => ({ state: r.state, environments: [{ name: r.environment }], user: { login: 'release-manager' } })) }
        },
      },
    },
  }
  return { api, calls }
}

const env = { GITHUB_REPOSITORY: 'acme/platform', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '99', GITHUB_SERVER_URL: 'https://github.com' }

describe('github-deployment', () => {
  it('creates a deployment for the environment without auto-merge or required contexts, then sets it in progress', async () => {
    const { api, calls } = fakeOctokit()
    const io = recordingIO({ environment: 'staging', state: 'in_progress', 'environment-url': 'https://staging.example', token: 'ghs_secret' }, env)
    await run(io, api)
    expect(io.failed).toBeUndefined()
    expect(calls[0]).toEqual({
      method: 'createDeployment',
      params: expect.objectContaining({ owner: 'acme', repo: 'platform', ref: 'a'.repeat(40), environment: 'staging', auto_merge: false, required_contexts: [], production_environment: false }),
    })
    expect(calls[1]).toEqual({
      method: 'createDeploymentStatus',
      params: expect.objectContaining({ deployment_id: 4242, state: 'in_progress', environment_url: 'https://staging.example', log_url: 'https://github.com/acme/platform/actions/runs/99', auto_inactive: false }),
    })
    expect(io.outputs).toEqual({ 'deployment-id': '4242', 'status-id': '77' })
    expect(io.secrets).toContain('ghs_secret')
  })

  it('only sets the status of an existing deployment, marking older ones inactive on success', async () => {
    const { api, calls } = fakeOctokit()
    const io = recordingIO({ environment: 'production', 'deployment-id': '4242', state: 'success' }, env)
    await run(io, api)
    expect(calls.map((c) => c.method)).toEqual(['createDeploymentStatus'])
    expect(calls[0]!.params).toMatchObject({ deployment_id: 4242, state: 'success', auto_inactive: true })
  })

  it('marks a production deployment as such', async () => {
    const { api, calls } = fakeOctokit()
    await run(recordingIO({ environment: 'production' }, env), api)
    expect(calls[0]!.params).toMatchObject({ environment: 'production', production_environment: true })
  })

  it('rejects an unknown state, naming the input and the allowed values', async () => {
    const { api, calls } = fakeOctokit()
    const io = recordingIO({ environment: 'staging', state: 'done' }, env)
    await run(io, api)
    expect(io.failed).toBe("input 'state' must be one of queued, pending, in_progress, success, failure, error, inactive, got 'done'")
    expect(calls).toEqual([])
  })

  it('rejects a deployment id that is not a number', async () => {
    const { api } = fakeOctokit()
    const io = recordingIO({ environment: 'staging', 'deployment-id': 'abc' }, env)
    await run(io, api)
    expect(io.failed).toMatch(/input 'deployment-id' must be a deployment id/)
  })

  it('fails when GitHub answers with a merge instead of a deployment', async () => {
    const { api, calls } = fakeOctokit({ mergeInstead: true })
    const io = recordingIO({ environment: 'staging' }, env)
    await run(io, api)
    expect(io.failed).toMatch(/GitHub created no deployment for ref 'a{40}' in 'staging': Auto-merged/)
    expect(calls.map((c) => c.method)).toEqual(['createDeployment'])
  })

  it('shortens a description to the 140 characters GitHub accepts', async () => {
    const { api, calls } = fakeOctokit()
    await run(recordingIO({ environment: 'staging', description: `deploy ${'x'.repeat(300)}` }, env), api)
    expect((calls[0]!.params.description as string).length).toBe(140)
  })

  it('records the task it is given', async () => {
    const { api, calls } = fakeOctokit()
    await run(recordingIO({ environment: 'staging', task: 'tierdeploy:changes' }, env), api)
    expect(calls[0]!.params).toMatchObject({ task: 'tierdeploy:changes' })
  })

  it('finds the newest deployment of a task that reached success, even if a later one made it inactive', async () => {
    const { api, calls } = fakeOctokit({
      existing: [
        { id: 3, sha: 'c'.repeat(40), statuses: ['failure', 'in_progress'] },
        { id: 2, sha: 'b'.repeat(40), statuses: ['inactive', 'success', 'in_progress'] },
        { id: 1, sha: 'a'.repeat(40), statuses: ['success', 'in_progress'] },
      ],
    })
    const io = recordingIO({ environment: 'staging', task: 'tierdeploy:changes', find: 'last-success' }, env)
    await run(io, api)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toEqual({ sha: 'b'.repeat(40) })
    expect(calls[0]).toEqual({ method: 'listDeployments', params: expect.objectContaining({ environment: 'staging', task: 'tierdeploy:changes' }) })
    expect(calls.some((c) => c.method.startsWith('create'))).toBe(false)
  })

  it('outputs an empty sha when no deployment of the task succeeded', async () => {
    const { api } = fakeOctokit({ existing: [{ id: 1, sha: 'a'.repeat(40), statuses: ['failure'] }] })
    const io = recordingIO({ environment: 'staging', task: 'tierdeploy:changes', find: 'last-success' }, env)
    await run(io, api)
    expect(io.outputs).toEqual({ sha: '' })
  })

  it('rejects an unknown find mode', async () => {
    const { api, calls } = fakeOctokit()
    const io = recordingIO({ environment: 'staging', find: 'latest' }, env)
    await run(io, api)
    expect(io.failed).toMatch(/input 'find' must be one of/)
    expect(calls).toEqual([])
  })

  describe('find: approval', () => {
    const approval = (reviews: Array<{ state: string; environment: string }>) => {
      const { api, calls } = fakeOctokit({ reviews })
      const io = recordingIO({ environment: 'production', find: 'approval', 'approval-environment': 'production-approval' }, env)
      return { io, calls, done: run(io, api) }
    }

    it("passes when the approval environment was approved in this run, reading this run's reviews", async () => {
      const { io, calls, done } = approval([{ state: 'approved', environment: 'production-approval' }])
      await done
      expect(io.failed).toBeUndefined()
      expect(calls).toEqual([{ method: 'getReviewsForRun', params: { owner: 'acme', repo: 'platform', run_id: 99 } }])
      expect(io.outputs).toEqual({})
    })

    it('fails when nobody approved that environment (an approval of another environment does not count)', async () => {
      const { io, done } = approval([{ state: 'approved', environment: 'staging-approval' }])
      await done
      expect(io.failed).toMatch(/no approval in production-approval in this run \(run 99\): nothing is released/)
    })

    it('fails when the environment was rejected, even if another review approved it', async () => {
      const { io, done } = approval([{ state: 'approved', environment: 'production-approval' }, { state: 'rejected', environment: 'production-approval' }])
      await done
      expect(io.failed).toMatch(/rejected/)
    })

    it('needs the approval environment named', async () => {
      const { api } = fakeOctokit()
      const io = recordingIO({ environment: 'production', find: 'approval' }, env)
      await run(io, api)
      expect(io.failed).toMatch(/approval-environment/)
    })
  })
})
