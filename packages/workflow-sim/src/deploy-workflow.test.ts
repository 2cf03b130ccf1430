// deploy.yml and release.yml, simulated end to end: the real detect-changed-services, resolve-graph,
// github-deployment, ecs-deploy and health-gate (against the fake ECS and a health server on 127.0.0.1), the real
// shell of every run: step, real artifacts between jobs. Each scenario asserts which jobs ran and what the
// environment runs afterwards, read back from the fake ECS.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWorkflow } from './workflow.js'
import { allJobs, jobsThatRan, simulateWorkflow, type SimulationOptions, type SimulationResult } from './simulate.js'
import { generateCatalog } from '@tierdeploy/testkit'
import { digestImage } from './platform.js'
import { fakeGitHub, localWorkflows, platformRepo, REPOSITORY_ROOT, servicesIn, tierdeploySteps, type DeployFakes, type PlatformRepo } from './tierdeploy.js'

const DEPLOY = join(REPOSITORY_ROOT, '.github/workflows/deploy.yml')

let repo: PlatformRepo | undefined
afterEach(async () => {
  await repo?.cleanup()
  repo = undefined
})

interface Scenario extends Omit<DeployFakes, 'repo' | 'head'> {
  /** Sets up the platform's AWS after the scenario's commit (a failing image, an unhealthy service). */
  arrange?: (repo: PlatformRepo, head: string) => void
  inputs?: Record<string, string | boolean | number>
  event?: string
  changes?: Record<string, string>
  simulation?: Partial<SimulationOptions>
}

async function simulate(options: Scenario = {}) {
  const r = (repo ??= await platformRepo())
  const head = options.changes ? repo.commit(options.changes) : undefined
  const { inputs, event, changes: _changes, simulation, arrange, ...fakes } = options
  arrange?.(repo, head ?? repo.base)
  const recording = tierdeploySteps({ ...fakes, repo, ...(head ? { head } : {}) })
  try {
    const result = await simulateWorkflow(await loadWorkflow(DEPLOY), {
      inputs: { environment: 'staging', catalog: 'catalog', ...inputs },
      github: { event_name: event ?? 'push', sha: head ?? repo.base, run_id: fakes.runId ?? '1' },
      steps: recording.handler,
      workflows: localWorkflows,
      ...simulation,
    })
    /** How many UpdateService calls changed the service's task definition in staging (a deploy or a rollback). */
    const updates = (service: string) => r.aws.updates.get(`indigenious-staging/${service}`) ?? 0
    return { result, release: result.jobs.release?.called, ...recording, head: head ?? repo.base, updates }
  } finally {
    recording.cleanup()
  }
}

/** Every job that ran, deploy.yml's and release.yml's (release/tier-2). */
function ran(result: SimulationResult): string[] {
  return allJobs(result).filter((j) => j.job.result === 'success' || j.job.result === 'failure').map((j) => j.path)
}

/** The services each tier job of the release handed to ecs-deploy, by tier job. */
function deployedByTier(calls: ReturnType<typeof tierdeploySteps>['calls']): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const c of calls.filter((c) => c.action === 'ecs-deploy' && c.with.mode === 'deploy')) out[c.job] = servicesIn(c.with.services!).sort()
  return out
}

/** Services whose running image differs from what they ran before the scenario. */
function changedImages(r: PlatformRepo, environment = 'staging'): Record<string, string> {
  return Object.fromEntries(Object.entries(r.aws.running(environment)).filter(([name, image]) => image !== r.aws.initialImage(name)))
}

describe('deploy.yml and release.yml, simulated with the real actions against the fake ECS', () => {
  it('releases only payment, in tier 2, when only payment changed, with the image built from the pushed commit', async () => {
    const { result, calls, head } = await simulate({ changes: { 'indigenious-payment-service/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    expect(deployedByTier(calls)).toEqual({ 'tier-2': ['indigenious-payment-service'] })
    expect(changedImages(repo!)).toEqual({ 'indigenious-payment-service': digestImage('indigenious-payment-service', head) })
    expect(ran(result)).toEqual(['plan', 'build-1', 'images', 'release', 'release/authorize', 'release/record', 'release/tier-2', 'release/finish', 'summary'])
    expect(JSON.parse(result.outputs.images!)).toEqual({ 'indigenious-payment-service': digestImage('indigenious-payment-service', head) })
  })

  it('deploys every dependent of a changed library, tier by tier in order', async () => {
    const { result, calls } = await simulate({ changes: { 'indigenious-shared-libs/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    const tiers = Object.keys(deployedByTier(calls))
    expect(tiers.length).toBeGreaterThan(1)
    expect(tiers).toEqual([...tiers].sort())
    const affected = JSON.parse(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'changes')!.outputs!.services!) as string[]
    expect(Object.keys(changedImages(repo!)).sort()).toEqual(affected.filter((s) => s !== 'indigenious-shared-libs').sort())
  })

  it('deploys nothing and stays green when nothing deployable changed', async () => {
    const { result, deployments } = await simulate({ changes: { 'README.md': 'docs\n' } })
    expect(result.conclusion).toBe('success')
    expect(ran(result)).toEqual(['plan', 'summary'])
    expect(deployments).toEqual([])
  })

  it('fails in plan, before anything builds, on a dispatch naming an unknown service', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { services: 'indigenious-paymnet-service' } })
    expect(result.conclusion).toBe('failure')
    const failure = result.jobs.plan!.legs[0]!.steps.find((s) => s.conclusion === 'failure')!
    expect(failure.id).toBe('resolve')
    expect(failure.failure).toMatch(/indigenious-paymnet-service/)
    expect(calls.filter((c) => c.job !== 'plan' && c.job !== 'summary')).toEqual([])
    expect(ran(result)).toEqual(['plan', 'summary'])
  })

  it('deploys the requested services with their dependencies (--service payment --with-dependencies)', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { services: 'payment', 'with-dependencies': true } })
    expect(result.conclusion).toBe('success')
    const tiers = deployedByTier(calls)
    expect(tiers['tier-2']).toContain('indigenious-payment-service')
    expect(tiers['tier-1']).toContain('indigenious-auth-service')
  })

  it('deploys tier 1 on a dispatch with tier 1, without change detection', async () => {
    const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { tier: '1' } })
    expect(result.conclusion).toBe('success')
    expect(calls.some((c) => c.action === 'detect-changed-services')).toBe(false)
    expect(deployedByTier(calls)).toEqual({ 'tier-1': ['indigenious-auth-service', 'indigenious-gateway-service', 'indigenious-web-frontend'] })
  })

  it('refuses production without an approval environment, because the catalog requires approval', async () => {
    const { result } = await simulate({ event: 'workflow_dispatch', inputs: { environment: 'production', tier: 'all' } })
    expect(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'settings')!.failure).toMatch(/requireApproval: give 'approval-environment'/)
    expect(ran(result)).toEqual(['plan', 'summary'])
  })

  it('plans infrastructure, applies the reviewed plan file in the release, before tier 1', async () => {
    const { result, calls } = await simulate({
      terraformChanges: true,
      changes: { 'terraform/environments/staging/main.tf': '# change\n', 'indigenious-auth-service/src/index.ts': '2\n' },
    })
    expect(result.conclusion).toBe('success')
    const terraform = calls.filter((c) => c.action === 'terraform-apply').map((c) => [c.job, c.with.command])
    expect(terraform).toEqual([['infra-plan', 'plan'], ['infra-apply', 'apply']])
    const order = ran(result)
    expect(order.indexOf('release/infra-apply')).toBeLessThan(order.indexOf('release/tier-1'))
  })

  describe('failure points', () => {
    const threeTiers = { 'indigenious-auth-service/src/index.ts': '2\n', 'indigenious-payment-service/src/index.ts': '2\n', 'indigenious-analytics-service/src/index.ts': '2\n' }
    const production = { environment: 'production', 'approval-environment': 'production-approval' }

    it('infra-plan fails: no approval is asked, nothing is released, the run fails', async () => {
      const { result, calls } = await simulate({ event: 'workflow_dispatch', terraformChanges: true, failTerraformPlan: true, inputs: { ...production, tier: '1', infrastructure: 'true' } })
      expect(result.jobs['infra-plan']!.result).toBe('failure')
      expect(result.jobs.approve!.result).toBe('skipped')
      expect(result.jobs.release!.result).toBe('skipped')
      expect(result.conclusion).toBe('failure')
      expect(calls.filter((c) => c.action === 'ecs-deploy')).toEqual([])
      expect(changedImages(repo!, 'production')).toEqual({})
    })

    it('one build leg fails: no approval, no release, nothing in the environment changes', async () => {
      const { result, calls } = await simulate({ failBuild: ['indigenious-payment-service'], changes: threeTiers })
      expect(result.conclusion).toBe('failure')
      expect(result.jobs['build-1']!.result).toBe('failure')
      expect(result.jobs.images!.result).toBe('skipped')
      expect(result.jobs.release!.result).toBe('skipped')
      expect(calls.filter((c) => c.action === 'ecs-deploy')).toEqual([])
      expect(changedImages(repo!)).toEqual({})
    })

    it('tier 2 fails at deploy: tier 2 puts itself back, rollback-release puts tier 1 back once, tier 3 never runs', async () => {
      const { result, release, calls, updates } = await simulate({ changes: threeTiers, arrange: (r, head) => r.aws.ecs.failImage(digestImage('indigenious-payment-service', head)) })
      expect(release!.jobs['tier-1']!.result).toBe('success')
      expect(release!.jobs['tier-2']!.result).toBe('failure')
      expect(release!.jobs['tier-3']!.result).toBe('skipped')
      expect(release!.jobs['rollback-release']!.result).toBe('success')
      expect(calls.filter((c) => c.action === 'ecs-deploy' && c.with.mode === 'rollback').map((c) => [c.job, c.step, servicesIn(c.with.services!)])).toEqual([
        ['rollback-release', 'rollback-tier-1', ['indigenious-auth-service']],
      ])
      // Back where they were: nothing runs a new image, and each service was updated once to deploy and once back.
      expect(changedImages(repo!)).toEqual({})
      expect(repo!.aws.revisions('staging')['indigenious-auth-service']).toBe(1)
      expect(updates('indigenious-auth-service')).toBe(2)
      // ECS's circuit breaker put payment back itself: ecs-deploy saw it settle there and wrote nothing more.
      expect(updates('indigenious-payment-service')).toBe(1)
      expect(updates('indigenious-analytics-service')).toBe(0)
      expect(result.conclusion).toBe('failure')
    })

    it('tier 2 fails at its health gate: the gate puts tier 2 back, rollback-release puts back only tier 1, each exactly once', async () => {
      const { result, release, calls, updates } = await simulate({ changes: threeTiers, arrange: (r) => r.aws.unhealthy('indigenious-payment-service') })
      expect(release!.jobs['tier-2']!.result).toBe('failure')
      expect(release!.jobs['tier-2']!.legs[0]!.steps.find((s) => s.id === 'health')!.conclusion).toBe('failure')
      const rollbacks = calls.filter((c) => c.action === 'ecs-deploy' && c.with.mode === 'rollback')
      expect(rollbacks.map((c) => [c.step, c.with['rollback-version']])).toEqual([['rollback-tier-1', 'recorded']])
      expect(changedImages(repo!)).toEqual({})
      expect(repo!.aws.revisions('staging')['indigenious-payment-service']).toBe(1)
      expect(updates('indigenious-payment-service')).toBe(2)
      expect(updates('indigenious-auth-service')).toBe(2)
      expect(result.conclusion).toBe('failure')
    })
  })
})
