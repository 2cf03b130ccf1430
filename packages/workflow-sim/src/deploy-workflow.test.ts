// deploy.yml and release.yml, simulated end to end: the real detect-changed-services, resolve-graph,
// github-deployment, ecs-deploy and health-gate (against the fake ECS and a health server on 127.0.0.1), the real
// shell of every run: step, real artifacts between jobs. Each scenario asserts which jobs ran and what the
// environment runs afterwards, read back from the fake ECS.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWorkflow } from './workflow.js'
import { GitHubQueue } from './sim-queue.js'
import { rerunFailedJobs } from './sim-rerun.js'
import { allJobs, simulateWorkflow, type SimulationOptions, type SimulationResult } from './simulate.js'
import { digestImage } from './platform.js'
import { fakeGitHub, localWorkflows, platformRepo, REPOSITORY_ROOT, reviewers, servicesIn, tierdeploySteps, type DeployFakes, type PlatformRepo } from './tierdeploy.js'

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
  /** Committed before the run; the run is of that commit. */
  changes?: Record<string, string>
  /** The run is of this existing commit (instead of changes). */
  headCommit?: string
  /** How the reviewers of *-approval environments answer (approve by default). */
  decide?: Parameters<typeof reviewers>[1]
  simulation?: Partial<SimulationOptions>
}

async function simulate(options: Scenario = {}) {
  const r = (repo ??= await platformRepo())
  const head = options.changes ? r.commit(options.changes) : options.headCommit
  const { inputs, event, changes: _changes, headCommit: _headCommit, simulation, arrange, decide, ...fakes } = options
  arrange?.(r, head ?? r.base)
  const github = fakes.github ?? fakeGitHub()
  const recording = tierdeploySteps({ ...fakes, github, repo: r, ...(head ? { head } : {}) })
  try {
    const result = await simulateWorkflow(await loadWorkflow(DEPLOY), {
      inputs: { environment: 'staging', catalog: 'catalog', ...inputs },
      github: { event_name: event ?? 'push', sha: head ?? repo.base, run_id: fakes.runId ?? '1' },
      steps: recording.handler,
      workflows: localWorkflows,
      ...reviewers(github, decide),
      ...simulation,
    })
    /** How many UpdateService calls changed the service's task definition in staging (a deploy or a rollback). */
    const updates = (service: string) => r.aws.updates.get(`indigenious-staging/${service}`) ?? 0
    return { result, release: result.jobs.release?.called, ...recording, head: head ?? repo.base, updates }
  } finally {
    recording.cleanup()
  }
}

/** Reviewers who answer when the test says so: each run's review waits until answer(run, decision). */
function approvalDesk() {
  const requests = new Map<string, { resolve: (d: 'approved' | 'rejected' | 'timed-out') => void }>()
  const arrived = new Map<string, () => void>()
  const arrivals = new Map<string, Promise<void>>()
  const arrival = (run: string) => {
    if (!arrivals.has(run)) arrivals.set(run, new Promise<void>((resolve) => arrived.set(run, resolve)))
    return arrivals.get(run)!
  }
  return {
    decide: (request: { run: string }) =>
      new Promise<'approved' | 'rejected' | 'timed-out'>((resolve) => {
        requests.set(request.run, { resolve })
        void arrival(request.run)
        arrived.get(request.run)!()
      }),
    waiting: (run: string) => arrival(run),
    answer: (run: string, decision: 'approved' | 'rejected' | 'timed-out') => requests.get(run)!.resolve(decision),
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
  return Object.fromEntries(Object.entries(r.aws.running(environment)).filter(([name, image]) => image !== r.aws.initialImage(name, environment)))
}

describe('deploy.yml and release.yml, simulated with the real actions against the fake ECS', () => {
  it('releases only payment, in tier 2, when only payment changed, with the image built from the pushed commit', async () => {
    const { result, calls, head } = await simulate({ changes: { 'indigenious-payment-service/src/index.ts': 'export const v = 2\n' } })
    expect(result.conclusion).toBe('success')
    expect(deployedByTier(calls)).toEqual({ 'tier-2': ['indigenious-payment-service'] })
    expect(changedImages(repo!)).toEqual({ 'indigenious-payment-service': digestImage('indigenious-payment-service', head) })
    expect(ran(result)).toEqual(['plan', 'build-1', 'images', 'release', 'release/authorize', 'release/record', 'release/tier-2', 'release/finish', 'summary'])
    // The plan says which file brought payment in (detect-changed-services' reasons, handed over as a file).
    const plan = JSON.parse(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'resolve')!.outputs!.plan!)
    expect(plan.nodes['indigenious-payment-service'].reasons).toEqual(['changed: 1 file: indigenious-payment-service/src/index.ts'])
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
      changes: { 'terraform/platform/main.tf': '# change\n', 'indigenious-auth-service/src/index.ts': '2\n' },
    })
    expect(result.conclusion).toBe('success')
    const terraform = calls.filter((c) => c.action === 'terraform-apply').map((c) => [c.job, c.with.command])
    expect(terraform).toEqual([['infra-plan', 'plan'], ['infra-apply', 'apply']])
    // The plan takes the root from the catalog environment; the release applies the plan in that same root.
    const [plan, apply] = calls.filter((c) => c.action === 'terraform-apply')
    expect(plan!.with['working-directory']).toBeUndefined()
    expect(apply!.with['working-directory']).toBe('terraform/platform')
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

  describe('history: what a push compares with, and stale releases', () => {
    it('releases what a failed run left undeployed: the next push compares from the last complete release', async () => {
      const github = fakeGitHub()
      const first = await simulate({ github, changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
      expect(first.result.conclusion).toBe('success')
      expect(github.deployments.map((d) => [d.task, d.statuses[0]])).toEqual([['tierdeploy:changes', 'success']])
      // The second push changes auth and analytics; analytics' image fails, so tier 3 fails and auth is put back.
      const second = await simulate({
        github,
        before: first.head,
        changes: { 'indigenious-auth-service/src/index.ts': '2\n', 'indigenious-analytics-service/src/index.ts': '2\n' },
        arrange: (r, head) => r.aws.ecs.failImage(digestImage('indigenious-analytics-service', head)),
      })
      expect(second.result.conclusion).toBe('failure')
      expect(github.deployments[1]!.statuses[0]).toBe('failure')
      // The third push only touches docs; its previous tip is the failed push, whose changes must still go out.
      const third = await simulate({ github, before: second.head, changes: { 'README.md': 'docs\n' } })
      expect(third.result.conclusion).toBe('success')
      expect(third.calls.find((c) => c.action === 'detect-changed-services')!.with.base).toBe(first.head)
      expect(deployedByTier(third.calls)).toEqual({ 'tier-1': ['indigenious-auth-service'], 'tier-3': ['indigenious-analytics-service'] })
    })

    it('after a force push, compares the deployed tree with the pushed one: what only the rewritten commit had is put back too', async () => {
      const github = fakeGitHub()
      const r = (repo = await platformRepo())
      const deployed = r.commit({ 'indigenious-auth-service/src/index.ts': 'export const v = 2\n' })
      const first = await simulate({ github, headCommit: deployed })
      expect(first.result.conclusion).toBe('success')
      // main is force-pushed to a commit that never had the auth change; it changes payment only.
      execFileSync('git', ['reset', '-q', '--hard', r.base], { cwd: r.root })
      const forced = r.commit({ 'indigenious-payment-service/src/index.ts': 'export const v = 2\n' })
      const second = await simulate({ github, before: deployed, headCommit: forced })
      expect(second.result.conclusion).toBe('success')
      expect(deployedByTier(second.calls)).toEqual({ 'tier-1': ['indigenious-auth-service'], 'tier-2': ['indigenious-payment-service'] })
      expect(changedImages(r)).toEqual({ 'indigenious-auth-service': digestImage('indigenious-auth-service', forced), 'indigenious-payment-service': digestImage('indigenious-payment-service', forced) })
    })

    it('refuses a stale push release: an older commit approved after a newer one was released changes nothing', async () => {
      const github = fakeGitHub()
      repo = await platformRepo()
      const older = repo.commit({ 'indigenious-payment-service/src/index.ts': '2\n' })
      const newer = repo.commit({ 'indigenious-payment-service/src/index.ts': '3\n' })
      const released = await simulate({ github, runId: '2', headCommit: newer })
      expect(released.result.conclusion).toBe('success')
      const running = repo.aws.running('staging')
      const stale = await simulate({ github, runId: '1', headCommit: older })
      expect(stale.result.conclusion).toBe('failure')
      const authorize = stale.release!.jobs.authorize!
      expect(authorize.result).toBe('failure')
      expect(authorize.legs[0]!.steps.find((s) => s.id === 'stale')!.failure).toMatch(new RegExp(`staging already runs ${newer}, which is newer than this run's commit ${older}`))
      expect(ran(stale.result).filter((j) => j.startsWith('release/tier'))).toEqual([])
      expect(repo.aws.running('staging')).toEqual(running)
    })

    it('records a narrower deploy as tierdeploy:selection, which the next push does not compare from', async () => {
      const github = fakeGitHub()
      const { result } = await simulate({ github, event: 'workflow_dispatch', inputs: { tier: '1' } })
      expect(result.conclusion).toBe('success')
      expect(github.deployments.map((d) => d.task)).toEqual(['tierdeploy:selection'])
      const next = await simulate({ github, changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
      expect(next.calls.find((c) => c.action === 'detect-changed-services')!.with.base).toBe('')
      expect(deployedByTier(next.calls)).toEqual({ 'tier-2': ['indigenious-payment-service'] })
    })
  })

  describe('modes', () => {
    it('deploys promoted images as given, without building; services the environment does not enable are left out, listed', async () => {
      const image = (s: string, account = '222222222222') => digestImage(s, 'staging-build', account)
      const images = { 'indigenious-auth-service': image('indigenious-auth-service'), 'indigenious-blockchain-service': image('indigenious-blockchain-service') }
      const { result } = await simulate({
        // Staging pushed them; ECR replication (as Terraform configures it from promotesFrom) copies them to production.
        arrange: (r) => Object.values(images).forEach((i) => r.aws.push(i)),
        event: 'workflow_dispatch',
        inputs: { environment: 'production', 'approval-environment': 'production-approval', images: JSON.stringify(images), infrastructure: 'false' },
      })
      expect(result.conclusion).toBe('success')
      expect(ran(result).filter((j) => j.startsWith('build-'))).toEqual([])
      expect(JSON.parse(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'resolve')!.outputs!.skipped!)).toEqual(['indigenious-blockchain-service'])
      // Production runs the same digest from its own account's registry.
      expect(changedImages(repo!, 'production')).toEqual({ 'indigenious-auth-service': image('indigenious-auth-service', '333333333333') })
      expect(JSON.parse(result.outputs.images!)).toEqual({ 'indigenious-auth-service': images['indigenious-auth-service'] })
    })

    it('refuses, before any write, promoted images that never reached production\'s registry', async () => {
      const image = digestImage('indigenious-auth-service', 'never-replicated', '222222222222')
      const { result } = await simulate({ event: 'workflow_dispatch', inputs: { environment: 'production', 'approval-environment': 'production-approval', images: JSON.stringify({ 'indigenious-auth-service': image }), infrastructure: 'false' } })
      expect(result.conclusion).toBe('failure')
      const tier = result.jobs.release!.called!.jobs['tier-1']!
      const failures = tier.legs.flatMap((l) => l.steps.map((st) => st.failure ?? '')).join('\n')
      expect(failures).toMatch(/1 image\(s\) are not in its registry \(account 333333333333, ca-central-1\) after waiting 10 min for ECR replication:\n {2}indigenious-auth-service: indigenious-auth-service@sha256:/)
      expect(changedImages(repo!, 'production')).toEqual({})
    })

    it('rolls one service back to its previous version without building or deploying tiers', async () => {
      const github = fakeGitHub()
      await simulate({ github, event: 'workflow_dispatch', inputs: { services: 'rfq' }, changes: { 'indigenious-rfq-service/src/index.ts': '2\n' } })
      expect(Object.keys(changedImages(repo!))).toEqual(['indigenious-rfq-service'])
      const { result, calls } = await simulate({ github, event: 'workflow_dispatch', inputs: { mode: 'rollback', 'rollback-service': 'rfq', 'rollback-version': 'previous' } })
      expect(result.conclusion).toBe('success')
      expect(ran(result)).toEqual(['plan', 'release', 'release/authorize', 'release/record', 'release/rollback', 'release/finish', 'summary'])
      expect(calls.filter((c) => c.action === 'ecs-deploy').map((c) => [c.with.mode, c.with['rollback-version'], servicesIn(c.with.services!)])).toEqual([['rollback', 'previous', ['indigenious-rfq-service']]])
      expect(changedImages(repo!)).toEqual({})
    })
  })

  describe('size and shape', () => {
    const environment = (name: string) => `name: ${name}\naccount: "222222222222"\nregion: ca-central-1\ncluster: generated-${name}\nroleArn: arn:aws:iam::222222222222:role/deploy\n`
    const tiered = (tiers: number, perTier: number) => {
      const lines = ['version: 1', 'platform: generated', 'tiers:', ...Array.from({ length: tiers }, (_, i) => `  - { id: ${i + 1}, name: t${i + 1} }`), 'globalPaths: [package-lock.json]', 'services:']
      for (let t = 1; t <= tiers; t++) for (let i = 0; i < perTier; i++) lines.push(`  svc-t${t}-${String(i).padStart(4, '0')}-of-a-realistically-long-name:`, `    path: services/t${t}/s${i}`, `    tier: ${t}`)
      return `${lines.join('\n')}\n`
    }

    const builds = (calls: ReturnType<typeof tierdeploySteps>['calls']) => calls.filter((c) => c.action === 'build-push' && c.with.mode !== 'find')

    it('starts a build job only for an image that does not exist: a push of 3 services builds 3, a re-deploy of that commit none', async () => {
      const first = await simulate({ changes: { 'indigenious-auth-service/src/index.ts': '3\n', 'indigenious-rfq-service/src/index.ts': '3\n', 'indigenious-payment-service/src/index.ts': '3\n' } })
      expect(first.result.conclusion).toBe('success')
      expect(builds(first.calls).map((c) => c.with.services).sort()).toEqual(['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'])
      const again = await simulate({ event: 'workflow_dispatch', headCommit: first.head, inputs: { services: 'auth,rfq,payment' } })
      expect(again.result.conclusion).toBe('success')
      expect(builds(again.calls)).toEqual([])
      expect(ran(again.result).filter((j) => j.startsWith('build-'))).toEqual([])
      // The images found in the plan job are the ones the release deploys.
      expect(JSON.parse(again.result.outputs.images!)).toEqual(Object.fromEntries(['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'].map((n) => [n, digestImage(n, first.head)])))
    })

    it('packs the services to build into jobs: 12 services, 5 to a job, are 3 build jobs', async () => {
      repo = await platformRepo({ servicesYaml: tiered(1, 12), environments: { staging: environment('staging') } })
      const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { tier: '1', 'services-per-build-job': '5' } })
      expect(result.conclusion).toBe('success')
      expect(result.jobs['build-1']!.matrix!.length).toBe(3)
      expect(builds(calls).map((c) => servicesIn(c.with.services!).length)).toEqual([5, 5, 2])
      expect(deployedByTier(calls)['tier-1']).toHaveLength(12)
    })

    it('releases a catalog of 5 tiers, tier 5 after tier 4', async () => {
      repo = await platformRepo({ servicesYaml: tiered(5, 1), environments: { staging: environment('staging') } })
      const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { tier: 'all' } })
      expect(result.conclusion).toBe('success')
      expect(Object.keys(deployedByTier(calls))).toEqual(['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5'])
    })

    it('refuses a plan with a tier above the six the release deploys, in the plan job, naming the tier, before anything builds', async () => {
      repo = await platformRepo({ servicesYaml: tiered(7, 1), environments: { staging: environment('staging') } })
      const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { tier: 'all' } })
      expect(result.conclusion).toBe('failure')
      expect(result.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'resolve')!.failure).toMatch(/^tier 7 \(svc-t7-0000-of-a-realistically-long-name\) is above max-tier 6/)
      expect(ran(result)).toEqual(['plan', 'summary'])
      expect(calls.filter((c) => c.job !== 'plan' && c.job !== 'summary')).toEqual([])
    })

    it('releases 1,000 services in one tier: every input stays under the 128 KiB a variable may hold, every service gets its image', async () => {
      repo = await platformRepo({ servicesYaml: tiered(1, 1000), environments: { staging: environment('staging') }, serviceFiles: false })
      // One service per build job: 1,000 legs in 4 matrices of at most 256 (auto would pack them into 100 jobs of 10).
      const { result, calls, head } = await simulate({ event: 'workflow_dispatch', inputs: { tier: '1', 'services-per-build-job': '1' } })
      expect(result.jobs.plan!.legs[0]!.steps.filter((s) => s.failure).map((s) => s.failure)).toEqual([])
      expect(['build-1', 'build-2', 'build-3', 'build-4'].map((j) => result.jobs[j]!.matrix!.length)).toEqual([256, 256, 256, 232])
      expect(result.conclusion).toBe('success')
      expect(deployedByTier(calls)['tier-1']).toHaveLength(1000)
      const running = repo.aws.running('staging')
      expect(Object.values(running).filter((image, i) => image === digestImage(Object.keys(running)[i]!, head))).toHaveLength(1000)
    }, 600_000)
  })

  describe('approvals, queues and re-runs', () => {
    const production = { environment: 'production', 'approval-environment': 'production-approval' }
    const payment = { 'indigenious-payment-service/src/index.ts': '2\n' }

    it.each(['rejected', 'timed-out'] as const)('approval %s: nothing is released, no lock was taken, the run fails', async (decision) => {
      const queue = new GitHubQueue()
      const { result, calls } = await simulate({ event: 'workflow_dispatch', inputs: { ...production, tier: '1' }, decide: () => decision, simulation: { queue } })
      expect(result.jobs.approve!.result).toBe('failure')
      expect(result.jobs.release!.result).toBe('skipped')
      expect(result.conclusion).toBe('failure')
      expect(result.reviews.map((r) => [r.job, r.environment, r.decision])).toEqual([['approve', 'production-approval', decision]])
      expect(calls.filter((c) => c.action === 'ecs-deploy')).toEqual([])
      expect(changedImages(repo!, 'production')).toEqual({})
      expect(queue.events).toEqual([])
    })

    it('two pushes wait for approval at once, holding no lock; approved newest first, the older one is refused as stale and nothing is lost', async () => {
      const github = fakeGitHub()
      const queue = new GitHubQueue()
      const desk = approvalDesk()
      // A complete release to compare from, as a live environment has.
      const first = await simulate({ github, runId: '10', inputs: production, changes: { 'README.md': 'start\n' }, simulation: { queue } })
      expect(first.result.jobs.release!.result).toBe('skipped')
      await simulate({ github, runId: '11', inputs: production, changes: { 'indigenious-rfq-service/src/index.ts': '2\n' }, simulation: { queue } })
      const base = github.deployments.at(-1)!.sha
      const olderRun = simulate({ github, runId: '12', inputs: production, before: base, changes: payment, decide: desk.decide, simulation: { queue } })
      await desk.waiting('12')
      const newerRun = simulate({ github, runId: '13', inputs: production, before: repo!.base, changes: { 'indigenious-auth-service/src/index.ts': '2\n' }, decide: desk.decide, simulation: { queue } })
      await desk.waiting('13')
      // Both wait for reviewers; neither holds production's lock.
      expect(queue.holders('tierdeploy-production')).toEqual({ pending: [] })
      desk.answer('13', 'approved')
      const newer = await newerRun
      expect(newer.result.conclusion).toBe('success')
      desk.answer('12', 'approved')
      const older = await olderRun
      expect(older.release!.jobs.authorize!.legs[0]!.steps.find((s) => s.id === 'stale')!.failure).toMatch(/newer than this run's commit/)
      expect(older.result.conclusion).toBe('failure')
      // The newer release compared from the last complete one, so it carried the older push's change too.
      expect(Object.keys(changedImages(repo!, 'production')).sort()).toEqual(['indigenious-auth-service', 'indigenious-payment-service', 'indigenious-rfq-service'])
      expect(queue.events.filter((e) => e.state === 'cancelled')).toEqual([])
    }, 120_000)

    it('a manual rollback dispatched behind a promotion waiting for approval is released first, and neither is dropped', async () => {
      const github = fakeGitHub()
      const queue = new GitHubQueue()
      const desk = approvalDesk()
      await simulate({ github, runId: '20', event: 'workflow_dispatch', inputs: { ...production, services: 'rfq' }, changes: { 'indigenious-rfq-service/src/index.ts': '2\n' }, simulation: { queue } })
      expect(Object.keys(changedImages(repo!, 'production'))).toEqual(['indigenious-rfq-service'])
      const image = digestImage('indigenious-auth-service', 'staging-build', '222222222222')
      repo!.aws.push(image)
      const promotion = simulate({ github, runId: '21', event: 'workflow_dispatch', inputs: { ...production, images: JSON.stringify({ 'indigenious-auth-service': image }), infrastructure: 'false' }, decide: desk.decide, simulation: { queue } })
      await desk.waiting('21')
      const rollback = simulate({ github, runId: '22', event: 'workflow_dispatch', inputs: { ...production, mode: 'rollback', 'rollback-service': 'rfq', 'rollback-version': 'previous' }, decide: desk.decide, simulation: { queue } })
      await desk.waiting('22')
      desk.answer('22', 'approved')
      const rolledBack = await rollback
      expect(rolledBack.result.conclusion).toBe('success')
      expect(changedImages(repo!, 'production')).toEqual({})
      desk.answer('21', 'approved')
      const promoted = await promotion
      expect(promoted.result.conclusion).toBe('success')
      expect(changedImages(repo!, 'production')).toEqual({ 'indigenious-auth-service': digestImage('indigenious-auth-service', 'staging-build', '333333333333') })
      expect(queue.events.filter((e) => e.state === 'running').map((e) => e.run)).toEqual(['20', '22', '21'])
      expect(queue.events.filter((e) => e.state === 'cancelled')).toEqual([])
    }, 120_000)

    it('re-running a tier that failed after rollback-release put the lower tiers back is refused; nothing is deployed on top', async () => {
      const r = (repo = await platformRepo())
      const head = r.commit({ 'indigenious-auth-service/src/index.ts': '2\n', ...payment })
      r.aws.ecs.failImage(digestImage('indigenious-payment-service', head))
      const github = fakeGitHub()
      const artifacts = new Map()
      const options = (attempt: ReturnType<typeof tierdeploySteps>) => ({
        inputs: { environment: 'staging', catalog: 'catalog' },
        github: { event_name: 'push', sha: head, run_id: '30' },
        steps: attempt.handler,
        workflows: localWorkflows,
        ...reviewers(github),
      })
      const firstAttempt = tierdeploySteps({ repo: r, head, github, runId: '30', artifacts })
      const workflow = await loadWorkflow(DEPLOY)
      const first = await simulateWorkflow(workflow, options(firstAttempt))
      firstAttempt.cleanup()
      expect(first.jobs.release!.called!.jobs['rollback-release']!.result).toBe('success')
      const before = { running: r.aws.running('staging'), updates: new Map(r.aws.updates) }
      // The image is fixed meanwhile; "Re-run failed jobs" re-runs tier 2 and what depends on it, not tier 1.
      r.aws.ecs.setRolloutPlan(() => undefined)
      const secondAttempt = tierdeploySteps({ repo: r, head, github, runId: '30', artifacts })
      const second = await rerunFailedJobs(workflow, first, options(secondAttempt))
      secondAttempt.cleanup()
      const tier2 = second.jobs.release!.called!.jobs['tier-2']!
      expect(tier2.result).toBe('failure')
      expect(tier2.legs[0]!.steps.find((s) => s.id === 'rolled-back')!.failure).toMatch(/an earlier attempt of this run rolled the release back/)
      expect(second.jobs.release!.called!.jobs['tier-1']!.result).toBe('success')
      expect(r.aws.running('staging')).toEqual(before.running)
      expect(r.aws.updates).toEqual(before.updates)
      expect(second.conclusion).toBe('failure')
    }, 120_000)

    it('re-running a failed build leg completes the same release: the images of the legs that passed are kept, every service ships', async () => {
      const r = (repo = await platformRepo())
      const head = r.commit({ 'indigenious-auth-service/src/index.ts': '2\n', ...payment })
      const github = fakeGitHub()
      const artifacts = new Map()
      const options = (attempt: ReturnType<typeof tierdeploySteps>) => ({
        inputs: { environment: 'staging', catalog: 'catalog' },
        github: { event_name: 'push', sha: head, run_id: '31' },
        steps: attempt.handler,
        workflows: localWorkflows,
        ...reviewers(github),
      })
      const workflow = await loadWorkflow(DEPLOY)
      const flaky = tierdeploySteps({ repo: r, head, github, runId: '31', artifacts, failBuild: ['indigenious-payment-service'] })
      const first = await simulateWorkflow(workflow, options(flaky))
      flaky.cleanup()
      expect(first.jobs.release!.result).toBe('skipped')
      const again = tierdeploySteps({ repo: r, head, github, runId: '31', artifacts })
      const second = await rerunFailedJobs(workflow, first, options(again))
      again.cleanup()
      expect(second.conclusion).toBe('success')
      // Only the failed leg built again.
      expect(again.calls.filter((c) => c.action === 'build-push').map((c) => c.with.services)).toEqual(['indigenious-payment-service'])
      expect(changedImages(r)).toEqual({ 'indigenious-auth-service': digestImage('indigenious-auth-service', head), 'indigenious-payment-service': digestImage('indigenious-payment-service', head) })
    }, 120_000)
  })
})
