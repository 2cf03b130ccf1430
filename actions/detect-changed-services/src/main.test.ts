import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { recordingIO } from '@tierdeploy/action-kit'
import { createGitRepo, type GitRepo } from '@tierdeploy/testkit'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'

const SERVICES = `version: 1
tiers:
  - { id: 1, name: core }
globalPaths: [package-lock.json]
defaults:
  ignore: ["**/*.md"]
services:
  shared:
    kind: library
    path: libs/shared
  outer:
    path: gateway
    tier: 1
  gateway:
    path: gateway/api
    tier: 1
    dependsOn: [shared]
  auth:
    path: services/auth
    tier: 1
  rfq:
    path: services/rfq
    tier: 1
    dependsOn: [auth]
`

const repos: GitRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

function setup(): GitRepo {
  const repo = createGitRepo({
    'catalog/services.yaml': SERVICES,
    'package-lock.json': '{}\n',
    'libs/shared/index.ts': 'x\n',
    'gateway/compose.yml': 'x\n',
    'gateway/api/index.ts': 'x\n',
    'services/auth/index.ts': 'x\n',
    'services/rfq/index.ts': 'x\n',
  })
  repos.push(repo)
  return repo
}

function eventEnv(repo: GitRepo, name: string, payload: object): NodeJS.ProcessEnv {
  // Inside .git: removed with the repository, and never part of a diff.
  const path = join(repo.dir, '.git', 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_SHA: repo.sha() }
}

describe('detect-changed-services action', () => {
  it('declares exactly the inputs and outputs main.ts uses', () => {
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: object; outputs: object; runs: { using: string } }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(action.runs.using).toBe('node24')
  })

  it('writes the affected services, reasons and a summary for a push', async () => {
    const repo = setup()
    const before = repo.sha()
    const after = repo.commit('change', { 'libs/shared/index.ts': 'y\n', 'services/auth/index.ts': 'y\n', 'services/rfq/README.md': '# rfq\n' }, [])
    const reasonsFile = join(repo.dir, '.git', 'out', 'reasons.json')
    const io = recordingIO({ catalog: join(repo.dir, 'catalog'), 'reasons-file': reasonsFile }, eventEnv(repo, 'push', { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } }))
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs.services!)).toEqual(['auth', 'gateway'])
    // The same reasons in the file, for resolve-graph's change-reasons-file.
    expect(JSON.parse(readFileSync(reasonsFile, 'utf8'))).toEqual(JSON.parse(io.outputs.reasons!))
    expect(io.outputs).toMatchObject({ deleted: '[]', infrastructure: 'false', mode: 'changes', base: before, head: after })
    expect(JSON.parse(io.outputs.reasons!)).toEqual({
      auth: [{ kind: 'files', count: 1, files: ['services/auth/index.ts'] }],
      gateway: [{ kind: 'library', library: 'shared', via: [] }],
    })
    expect(io.summaries.join('')).toContain('| `gateway` | library `shared` changed |')
    expect(io.summaries.join('')).toContain('Changed libraries: `shared`')
  })

  it('reports deletions and infrastructure from a merge_group event', async () => {
    const repo = setup()
    const base = repo.sha()
    const head = repo.commit('queue', { 'terraform/main.tf': '# tf\n' }, ['services/rfq'])
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, eventEnv(repo, 'merge_group', { merge_group: { base_sha: base, head_sha: head }, repository: { default_branch: 'main' } }))
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toMatchObject({ services: '[]', deleted: '["rfq"]', infrastructure: 'true' })
    expect(io.summaries.join('')).toContain('Deleted, never deployed: `rfq`')
  })

  it('reports the code a force push drops, comparing the deployed tree with the pushed one (issue 13)', async () => {
    const repo = setup()
    const fork = repo.sha()
    const deployed = repo.commit('gateway change, deployed', { 'gateway/api/index.ts': 'deployed\n' })
    repo.git('reset', '--quiet', '--hard', fork)
    const forced = repo.commit('auth change, force-pushed', { 'services/auth/index.ts': 'forced\n' })
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, eventEnv(repo, 'push', { ref: 'refs/heads/main', before: deployed, after: forced, forced: true, repository: { default_branch: 'main' } }))
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toMatchObject({ services: '["auth","gateway"]', mode: 'changes', base: deployed, head: forced })
    expect(io.logs.join('\n')).toContain('tree to tree')
  })

  it('reviews a pull request from the merge base, ignoring what its base branch gained since', async () => {
    const repo = setup()
    const fork = repo.sha()
    repo.git('checkout', '--quiet', '-b', 'feature')
    const head = repo.commit('pr', { 'services/auth/index.ts': 'pr\n' })
    repo.git('checkout', '--quiet', 'main')
    const baseTip = repo.commit('main moves on', { 'gateway/api/index.ts': 'main\n' })
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, eventEnv(repo, 'pull_request', { pull_request: { base: { sha: baseTip, ref: 'main' }, head: { sha: head, ref: 'feature' } }, repository: { default_branch: 'main' } }))
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toMatchObject({ services: '["auth"]', mode: 'changes', base: fork, head })
  })

  it('leaves services empty for workflow_dispatch, so resolve-graph applies no change filter', async () => {
    const repo = setup()
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, eventEnv(repo, 'workflow_dispatch', { inputs: {} }))
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toMatchObject({ services: '', mode: 'inputs', deleted: '[]' })
    expect(io.summaries.join('')).toContain('The workflow_dispatch event does not describe a change')
  })

  it('lets the base and head inputs override the event', async () => {
    const repo = setup()
    const first = repo.sha()
    repo.commit('auth', { 'services/auth/index.ts': 'z\n' })
    const io = recordingIO({ catalog: join(repo.dir, 'catalog'), base: first, head: 'HEAD' }, eventEnv(repo, 'schedule', {}))
    await run(io)
    expect(io.outputs.services).toBe('["auth"]')
  })

  it('fails the step naming a base that is not a commit', async () => {
    const repo = setup()
    const io = recordingIO({ catalog: join(repo.dir, 'catalog'), base: 'releases/v9' }, eventEnv(repo, 'push', {}))
    await run(io)
    expect(io.failed).toMatch(/base 'releases\/v9' is not a commit/)
    expect(io.outputs.services).toBeUndefined()
  })

  it.each([
    ['{"ref": refs/heads/main', /cannot read the push event payload at GITHUB_EVENT_PATH .*event\.json: .*JSON/],
    ['[1, 2]', /the push event payload at GITHUB_EVENT_PATH .*event\.json is not a JSON object/],
  ])('fails the step naming the event file when its payload is malformed: %s', async (text, message) => {
    const repo = setup()
    const env = eventEnv(repo, 'push', {})
    writeFileSync(env.GITHUB_EVENT_PATH!, text)
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, env)
    await run(io)
    expect(io.failed).toMatch(message)
    expect(io.logs.filter((l) => l.startsWith('error:'))).toEqual([])
    expect(io.outputs.services).toBeUndefined()
  })

  it('fails the step when a first push of a branch has no default branch to compare with', async () => {
    const repo = setup()
    const io = recordingIO({ catalog: join(repo.dir, 'catalog') }, eventEnv(repo, 'push', { ref: 'refs/heads/feature', before: '0'.repeat(40), after: repo.sha() }))
    await run(io)
    expect(io.failed).toMatch(/default-branch/)
  })
})
