import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { BUILD_JOBS, gates, generatedWorkflows, PINS, RELEASE_TIERS } from './index.js'

const root = join(import.meta.dirname, '../../..')

interface Job { needs?: string | string[]; if?: string; uses?: string; steps?: Array<{ uses?: string; with?: Record<string, unknown> }>; concurrency?: unknown; environment?: unknown }
const jobsOf = (text: string) => (parse(text) as { jobs: Record<string, Job> }).jobs
const needsOf = (job: Job) => (Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : [])
const writes = (job: Job) =>
  job.uses !== undefined ||
  (job.steps ?? []).some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@') || (s.uses?.includes('/actions/github-deployment@') && s.with?.find === undefined))

describe('the generated workflows', () => {
  it.each(Object.entries(generatedWorkflows()))('%s is committed exactly as generated (npm run build)', (path, text) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(text)
  })

  it('lets the release run only after every gate before it, each result named in its if:', () => {
    const deploy = jobsOf(generatedWorkflows()['.github/workflows/deploy.yml']!)
    const release = deploy.release!
    const before = ['plan', 'infra-plan', ...Array.from({ length: BUILD_JOBS }, (_, i) => `build-${i + 1}`), 'images', 'approve']
    expect(needsOf(release)).toEqual(before)
    for (const gate of [gates.plan, gates.infraPlan, gates.images, gates.approval, ...before.filter((j) => j.startsWith('build-')).map((j) => gates.build(Number(j.slice(6))))]) {
      expect(release.if).toContain(gate)
    }
    // The lock is the release's, taken after the approval; the approval itself holds none.
    expect(release.concurrency).toEqual({ group: 'tierdeploy-${{ inputs.environment }}', 'cancel-in-progress': false, queue: 'max' })
    expect(deploy.approve!.concurrency).toBeUndefined()
    expect(Object.entries(deploy).filter(([, j]) => j.concurrency !== undefined).map(([id]) => id)).toEqual(['release'])
  })

  it('asks for the approval after every build: reviewers approve a complete release', () => {
    const deploy = jobsOf(generatedWorkflows()['.github/workflows/deploy.yml']!)
    expect(needsOf(deploy.approve!)).toEqual(expect.arrayContaining(['images', 'build-1', `build-${BUILD_JOBS}`, 'infra-plan']))
  })

  it('gates every job of release.yml that writes to the environment on authorize, and every tier on every lower tier', () => {
    const release = jobsOf(generatedWorkflows()['.github/workflows/release.yml']!)
    const writers = Object.entries(release).filter(([id, job]) => writes(job) && id !== 'finish')
    expect(writers.map(([id]) => id).sort()).toEqual(['infra-apply', 'record', 'rollback', 'rollback-release', ...Array.from({ length: RELEASE_TIERS }, (_, i) => `tier-${i + 1}`)].sort())
    for (const [id, job] of writers) {
      expect(needsOf(job), id).toContain('authorize')
      expect(job.if, id).toContain(gates.authorize)
    }
    for (let t = 2; t <= RELEASE_TIERS; t++) {
      for (let lower = 1; lower < t; lower++) {
        expect(needsOf(release[`tier-${t}`]!)).toContain(`tier-${lower}`)
        expect(release[`tier-${t}`]!.if).toContain(gates.tier(lower))
      }
    }
  })

  it('rolls back only the tiers that succeeded, to the revisions their deploys recorded', () => {
    const rollback = jobsOf(generatedWorkflows()['.github/workflows/release.yml']!)['rollback-release']!
    const steps = (rollback.steps ?? []) as Array<{ id?: string; if?: string; with?: Record<string, unknown> }>
    for (let t = 1; t <= RELEASE_TIERS; t++) {
      const step = steps.find((s) => s.id === `rollback-tier-${t}`)!
      expect(step.if).toContain(`needs.tier-${t}.result == 'success'`)
      expect(step.with).toMatchObject({ mode: 'rollback', 'rollback-version': 'recorded', 'deploy-result-file': `.tierdeploy/result/tier-${t}.json` })
      // A tier stopped at its timeout ends cancelled: the release is put back then too.
      expect(rollback.if).toContain(`needs.tier-${t}.result == 'failure' || needs.tier-${t}.result == 'cancelled'`)
    }
  })

  it('gives every job a timeout', () => {
    for (const [path, text] of Object.entries(generatedWorkflows())) {
      for (const [id, job] of Object.entries(jobsOf(text))) if (!job.uses) expect((job as { 'timeout-minutes'?: unknown })['timeout-minutes'], `${path} ${id}`).toBeDefined()
    }
  })
})

describe('pins', () => {
  it('every workflow of this repository uses each third-party action at the one pinned commit of PINS', () => {
    const pinned = new Set<string>(Object.values(PINS))
    const files = readdirSync(join(root, '.github/workflows')).filter((f) => f.endsWith('.yml'))
    const stray = files.flatMap((f) =>
      readFileSync(join(root, '.github/workflows', f), 'utf8')
        .split('\n')
        .map((line) => /uses:\s*(\S+ # \S+)/.exec(line)?.[1])
        .filter((uses): uses is string => uses !== undefined && !uses.startsWith('tierdeploy/') && !pinned.has(uses) && !uses.startsWith('actions/setup-node@'))
        .map((uses) => `${f}: ${uses}`),
    )
    expect(stray).toEqual([])
  })
})
