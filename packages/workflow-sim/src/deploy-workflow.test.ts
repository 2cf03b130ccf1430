import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWorkflow, type LoadedWorkflow } from './workflow.js'
import { jobsThatRan, simulateWorkflow, type SimulationResult } from './simulate.js'
import { generateCatalog } from '@tierdeploy/testkit'
import { fakeGitHub, platformRepo, REPOSITORY_ROOT, servicesIn, tierdeploySteps, type DeployFakes, type PlatformRepo } from './tierdeploy.js'

const DEPLOY = join(REPOSITORY_ROOT, '.github/workflows/deploy.yml')
const TIER_JOBS = ['tier-1', 'tier-2', 'tier-3', 'tier-4']

let repo: PlatformRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

async function simulate(
  options: { inputs?: Record<string, string | boolean>; event?: string; changes?: Record<string, string> } & Omit<DeployFakes, 'repo' | 'head'>,
  workflow?: LoadedWorkflow,
) {
  repo ??= await platformRepo()
  const head = options.changes ? repo.commit(options.changes) : undefined
  const recording = tierdeploySteps({ ...options, repo, ...(head ? { head } : {}) })
  const result = await simulateWorkflow(workflow ?? (await loadWorkflow(DEPLOY)), {
    inputs: { environment: 'staging', catalog: repo.catalogDir, ...options.inputs },
    github: { event_name: options.event ?? 'push', sha: head ?? repo.base },
    steps: recording.handler,
  })
  return { result, ...recording }
}

/** The services each tier job deployed, in the order the jobs ran. */
function deployedByTier(result: SimulationResult): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const id of result.order.filter((j) => TIER_JOBS.includes(j) && result.jobs[j]!.result !== 'skipped')) {
    const step = result.jobs[id]!.legs[0]!.steps.find((s) => s.id === 'deploy')!
    out[id] = servicesIn(step.with!.services!)
  }
  return out
}

function built(result: SimulationResult): string[] {
  return result.order.filter((j) => j.startsWith('build-')).flatMap((j) => (result.jobs[j]!.matrix ?? []).map((e) => String(e.service)))
}

describe('deploy.yml, simulated with the real detect-changed-services and resolve-graph', () => {
  it('deploys only payment, in tier 2, when only payment changed', async () => {
    const { result } = await simulate({ changes: { 'indigenious-payment-service/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    expect(built(result)).toEqual(['indigenious-payment-service'])
    expect(deployedByTier(result)).toEqual({ 'tier-2': ['indigenious-payment-service'] })
    expect(result.jobs['tier-1']!.result).toBe('skipped')
    expect(result.jobs['tier-3']!.result).toBe('skipped')
    expect(jobsThatRan(result)).toEqual(['plan', 'build-1', 'images', 'tier-2', 'record', 'summary'])
  })

  it('deploys every dependent of a changed library, tier by tier in order', async () => {
    const { result } = await simulate({ changes: { 'indigenious-shared-libs/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    const tiers = deployedByTier(result)
    expect(Object.keys(tiers).length).toBeGreaterThan(1)
    // Each tier job lists every lower tier in needs, so the order of jobs is the order of tiers.
    expect(Object.keys(tiers)).toEqual(TIER_JOBS.filter((t) => t in tiers))
    const plan = result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'changes')!
    const affected = JSON.parse(plan.outputs!.services!) as string[]
    expect(affected).toContain('indigenious-auth-service')
    expect(Object.values(tiers).flat().sort()).toEqual([...affected].sort())
    expect(built(result).sort()).toEqual([...affected].sort())
  })

  it('runs tier 3 when tiers 1 and 2 have nothing to deploy', async () => {
    const { result } = await simulate({ changes: { 'indigenious-analytics-service/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    expect(result.jobs['tier-1']!.result).toBe('skipped')
    expect(result.jobs['tier-2']!.result).toBe('skipped')
    expect(deployedByTier(result)).toEqual({ 'tier-3': ['indigenious-analytics-service'] })
  })

  it('stops at a failed tier: higher tiers do not run and the lower tiers this run deployed are rolled back', async () => {
    const { result, calls, deployments } = await simulate({
      failDeployInTier: 2,
      changes: {
        'indigenious-auth-service/src/index.ts': 'export const v = 2\n',
        'indigenious-payment-service/src/index.ts': 'export const v = 2\n',
        'indigenious-analytics-service/src/index.ts': 'export const v = 2\n',
      },
    })
    expect(result.conclusion).toBe('failure')
    expect(result.jobs['tier-1']!.result).toBe('success')
    expect(result.jobs['tier-2']!.result).toBe('failure')
    expect(result.jobs['tier-3']!.result).toBe('skipped')
    expect(result.jobs['tier-4']!.result).toBe('skipped')
    expect(result.jobs['rollback-release']!.result).toBe('success')
    const rollbacks = calls.filter((c) => c.job === 'rollback-release' && c.action === 'ecs-deploy')
    expect(rollbacks.map((c) => [c.step, servicesIn(c.with.services!), c.with.mode])).toEqual([['rollback-tier-1', ['indigenious-auth-service'], 'rollback']])
    expect(result.jobs.summary!.result).toBe('failure')
    expect(deployments.at(-1)!.params).toMatchObject({ state: 'failure' })
  })

  it('also rolls back when the health gate of a tier fails', async () => {
    const { result } = await simulate({
      failHealthInTier: 3,
      changes: { 'indigenious-payment-service/src/index.ts': '2\n', 'indigenious-analytics-service/src/index.ts': '2\n' },
    })
    expect(result.jobs['tier-3']!.result).toBe('failure')
    expect(result.jobs['rollback-release']!.legs[0]!.steps.filter((s) => s.conclusion === 'success').map((s) => s.id)).toContain('rollback-tier-2')
  })

  it('deploys nothing and stays green when nothing deployable changed', async () => {
    const { result, deployments } = await simulate({ changes: { 'README.md': 'docs\n' } })
    expect(result.conclusion).toBe('success')
    expect(jobsThatRan(result)).toEqual(['plan', 'summary'])
    expect(deployments).toEqual([])
  })

  it('deploys what a failed run left undeployed: the next push compares from the last complete deploy, not its previous tip', async () => {
    const github = fakeGitHub()
    const first = await simulate({ github, changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
    expect(first.result.conclusion).toBe('success')
    expect(github.deployments.map((d) => [d.task, d.statuses[0]])).toEqual([['tierdeploy:changes', 'success']])
    const firstSha = github.deployments[0]!.sha
    // The second push changes auth and analytics; tier 3 fails, so analytics never deploys (auth is rolled back).
    const second = await simulate({ github, before: firstSha, failDeployInTier: 3, changes: { 'indigenious-auth-service/src/index.ts': '2\n', 'indigenious-analytics-service/src/index.ts': '2\n' } })
    expect(second.result.conclusion).toBe('failure')
    expect(github.deployments[1]!.statuses[0]).toBe('failure')
    const secondSha = github.deployments[1]!.sha
    // The third push only touches docs; its previous tip is the failed push, whose changes must still go out.
    const third = await simulate({ github, before: secondSha, changes: { 'README.md': 'docs\n' } })
    expect(third.result.conclusion).toBe('success')
    expect(third.calls.find((c) => c.action === 'detect-changed-services')!.with.base).toBe(firstSha)
    expect(deployedByTier(third.result)).toEqual({ 'tier-1': ['indigenious-auth-service'], 'tier-3': ['indigenious-analytics-service'] })
  })

  it('records a narrower deploy as tierdeploy:selection, which the next push does not compare from', async () => {
    const github = fakeGitHub()
    const { result } = await simulate({ github, event: 'workflow_dispatch', inputs: { tier: '1' } })
    expect(result.conclusion).toBe('success')
    expect(github.deployments.map((d) => d.task)).toEqual(['tierdeploy:selection'])
    const next = await simulate({ github, changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
    expect(next.calls.find((c) => c.action === 'detect-changed-services')!.with.base).toBe('')
    expect(deployedByTier(next.result)).toEqual({ 'tier-2': ['indigenious-payment-service'] })
  })

  it('deploys tier 1 on a dispatch with tier 1, without change detection', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { tier: '1' } })
    expect(result.conclusion).toBe('success')
    expect(calls.some((c) => c.action === 'detect-changed-services')).toBe(false)
    expect([...deployedByTier(result)['tier-1']!].sort()).toEqual(['indigenious-auth-service', 'indigenious-gateway-service', 'indigenious-web-frontend'])
    expect(Object.keys(deployedByTier(result))).toEqual(['tier-1'])
  })

  it('fails in plan, before anything builds or deploys, on a dispatch naming an unknown service', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { services: 'indigenious-paymnet-service' } })
    expect(result.conclusion).toBe('failure')
    expect(result.jobs.plan!.result).toBe('failure')
    const failure = result.jobs.plan!.legs[0]!.steps.find((s) => s.conclusion === 'failure')!
    expect(failure.id).toBe('resolve')
    expect(failure.failure).toMatch(/indigenious-paymnet-service/)
    expect(calls.filter((c) => c.job !== 'plan' && c.job !== 'summary')).toEqual([])
    expect(jobsThatRan(result)).toEqual(['plan', 'summary'])
  })

  it('deploys the requested services with their dependencies (--service payment --with-dependencies)', async () => {
    const { result } = await simulate({ event: 'workflow_dispatch', inputs: { services: 'payment', 'with-dependencies': true } })
    expect(result.conclusion).toBe('success')
    const tiers = deployedByTier(result)
    expect(tiers['tier-2']).toContain('indigenious-payment-service')
    expect(tiers['tier-1']).toContain('indigenious-auth-service')
  })

  it('rolls one service back to its previous version without building or deploying tiers', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { mode: 'rollback', 'rollback-service': 'rfq', 'rollback-version': 'previous' } })
    expect(result.conclusion).toBe('success')
    expect(jobsThatRan(result)).toEqual(['plan', 'rollback', 'record', 'summary'])
    const rollback = calls.find((c) => c.job === 'rollback' && c.action === 'ecs-deploy')!
    expect(rollback.with).toMatchObject({ mode: 'rollback', 'rollback-version': 'previous' })
    expect(servicesIn(rollback.with.services!)).toEqual(['indigenious-rfq-service'])
  })

  it('refuses production without an approval environment, because the catalog requires approval', async () => {
    const { result } = await simulate({ event: 'workflow_dispatch', inputs: { environment: 'production', tier: 'all' } })
    expect(result.jobs.plan!.result).toBe('failure')
    expect(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'settings')!.failure).toMatch(/requireApproval: give 'approval-environment'/)
    expect(jobsThatRan(result)).toEqual(['plan', 'summary'])
  })

  it('deploys production --tier all behind exactly one approval job', async () => {
    const { result } = await simulate({ event: 'workflow_dispatch', inputs: { environment: 'production', tier: 'all', 'approval-environment': 'production-approval' } })
    expect(result.conclusion).toBe('success')
    expect(result.jobs.approve!.result).toBe('success')
    // Every tier waits for the approval (needs approve) and no tier job asks for another one.
    for (const t of TIER_JOBS) expect(result.jobs[t]!.needs).toContain('approve')
    expect(Object.keys(deployedByTier(result))).toEqual(TIER_JOBS)
  })

  it('deploys nothing when the reviewer rejects', async () => {
    const { result } = await simulate({ event: 'workflow_dispatch', rejectApproval: true, inputs: { environment: 'production', tier: '1', 'approval-environment': 'production-approval' } })
    expect(result.jobs.approve!.result).toBe('failure')
    expect(TIER_JOBS.map((t) => result.jobs[t]!.result)).toEqual(['skipped', 'skipped', 'skipped', 'skipped'])
    expect(result.jobs.record!.result).toBe('skipped')
  })

  it('plans infrastructure when terraform/ changed and applies it after the plan, before tier 1', async () => {
    const { result, calls } = await simulate({
      terraformChanges: true,
      changes: { 'terraform/environments/staging/main.tf': '# change\n', 'indigenious-auth-service/src/index.ts': '2\n' },
    })
    expect(result.conclusion).toBe('success')
    expect(result.jobs['infra-plan']!.result).toBe('success')
    expect(result.jobs['infra-apply']!.result).toBe('success')
    const terraform = calls.filter((c) => c.action === 'terraform-apply').map((c) => [c.job, c.with.command, c.with['plan-file'], c.with['working-directory']])
    expect(terraform).toEqual([
      ['infra-plan', 'plan', 'tierdeploy.tfplan', 'terraform/environments/staging'],
      ['infra-apply', 'apply', 'tierdeploy.tfplan', 'terraform/environments/staging'],
    ])
    expect(result.order.indexOf('infra-apply')).toBeLessThan(result.order.indexOf('tier-1'))
  })

  it('deploys promoted images as given, without building', async () => {
    const image = (s: string) => `333333333333.dkr.ecr.ca-central-1.amazonaws.com/${s}@sha256:${'ab'.repeat(32)}`
    const images = { 'indigenious-auth-service': image('auth'), 'indigenious-payment-service': image('payment') }
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { images: JSON.stringify(images) } })
    expect(result.conclusion).toBe('success')
    expect(built(result)).toEqual([])
    const deploys = calls.filter((c) => c.action === 'ecs-deploy')
    expect(deploys.map((c) => servicesIn(c.with.services!))).toEqual([['indigenious-auth-service'], ['indigenious-payment-service']])
    for (const d of deploys) expect(JSON.parse(d.with.images!)).toEqual(images)
    expect(JSON.parse(result.outputs.images!)).toEqual(images)
  })

  it('chunks the build matrix when 300 services change: 256 in build-1, 44 in build-2, every tier still one job', async () => {
    const generated = generateCatalog(300)
    repo = await platformRepo({
      servicesYaml: generated.yaml,
      environments: { staging: 'name: staging\naccount: "222222222222"\nregion: ca-central-1\ncluster: generated-staging\nroleArn: arn:aws:iam::222222222222:role/deploy\n' },
    })
    const changes = Object.fromEntries(generated.names.map((n) => [`services/${n}/src/index.ts`, 'export const v = 2\n']))
    const { result } = await simulate({ changes })
    expect(result.conclusion).toBe('success')
    expect(result.jobs['build-1']!.matrix).toHaveLength(256)
    expect(result.jobs['build-2']!.matrix).toHaveLength(44)
    expect(['build-3', 'build-4', 'build-5'].map((j) => result.jobs[j]!.result)).toEqual(['skipped', 'skipped', 'skipped'])
    expect(new Set(built(result)).size).toBe(300)
    const tiers = deployedByTier(result)
    expect(Object.keys(tiers)).toEqual(TIER_JOBS)
    expect(Object.values(tiers).flat().sort()).toEqual([...generated.names].sort())
  })
})
