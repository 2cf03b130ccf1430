// The example workflows a team copies, simulated through the reusable workflows they call, with the real actions
// against the fake ECS: what each requested command ends up running in each environment.
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { allJobs, simulateWorkflow, validateCallTree } from './simulate.js'
import { digestImage } from './platform.js'
import { fakeGitHub, localWorkflows, platformRepo, REPOSITORY_ROOT, reviewers, servicesIn, tierdeploySteps, type FakeGitHub, type PlatformRepo } from './tierdeploy.js'
import { loadWorkflow, parseWorkflowText } from './workflow.js'

let repo: PlatformRepo | undefined
afterEach(async () => {
  await repo?.cleanup()
  repo = undefined
})

const EXAMPLES = ['deploy-on-push.yml', 'deploy-manual.yml', 'rollback.yml', 'promote-manual.yml']

async function simulateExample(name: string, options: { event: string; inputs?: Record<string, string | boolean>; changes?: Record<string, string>; github?: FakeGitHub }) {
  repo ??= await platformRepo()
  const head = options.changes ? repo.commit(options.changes) : undefined
  const github = options.github ?? fakeGitHub()
  const recording = tierdeploySteps({ repo, github, ...(head ? { head } : {}) })
  try {
    const result = await simulateWorkflow(await loadWorkflow(join(REPOSITORY_ROOT, 'examples/workflows', name)), {
      ...(options.inputs ? { inputs: options.inputs } : {}),
      github: { event_name: options.event, sha: head ?? repo.base },
      steps: recording.handler,
      workflows: localWorkflows,
      ...reviewers(github),
    })
    const ran = allJobs(result).filter((j) => j.job.result === 'success' || j.job.result === 'failure')
    return { result, ran: ran.map((j) => j.path), head: head ?? repo.base, ...recording }
  } finally {
    recording.cleanup()
  }
}

/** Per environment, the services each tier's ecs-deploy deployed. */
function deploysIn(calls: ReturnType<typeof tierdeploySteps>['calls'], environment: string) {
  return calls.filter((c) => c.action === 'ecs-deploy' && c.with.environment === environment && c.with.mode === 'deploy').map((c) => ({ job: c.job, services: servicesIn(c.with.services!).sort() }))
}

const changed = (r: PlatformRepo, environment: string) => Object.fromEntries(Object.entries(r.aws.running(environment)).filter(([name, image]) => image !== r.aws.initialImage(name, environment)))

describe('examples/workflows, simulated with the reusable workflows they call', () => {
  it('deploy-on-push.yml: staging releases what changed, then production gets the same digests after one approval', async () => {
    const { result, ran, head } = await simulateExample('deploy-on-push.yml', { event: 'push', changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
    expect(result.conclusion).toBe('success')
    const image = digestImage('indigenious-payment-service', head)
    expect(changed(repo!, 'staging')).toEqual({ 'indigenious-payment-service': image })
    // The same digest, run from production's own registry (replicated from staging's, across accounts).
    expect(changed(repo!, 'production')).toEqual({ 'indigenious-payment-service': digestImage('indigenious-payment-service', head, '333333333333') })
    // Built once, for staging; production only deploys.
    expect(ran.filter((p) => /\/build-\d$/.test(p))).toEqual(['staging/build-1'])
    expect(ran.filter((p) => p.endsWith('/approve'))).toEqual(['production/promote/approve'])
    // The health gate ran again in staging before production was touched.
    expect(ran.indexOf('production/verify')).toBeLessThan(ran.indexOf('production/promote/release/tier-2'))
  })

  it('deploy-on-push.yml: a push that releases nothing promotes nothing', async () => {
    const { result, ran } = await simulateExample('deploy-on-push.yml', { event: 'push', changes: { 'docs/guide.md': 'x\n' } })
    expect(result.conclusion).toBe('success')
    expect(result.jobs.production!.result).toBe('skipped')
    expect(ran).toEqual(['staging', 'staging/plan', 'staging/summary'])
  })

  it('deploy-on-push.yml: an optional service enabled only in staging is released there and left out of production, listed', async () => {
    const { result, ran } = await simulateExample('deploy-on-push.yml', { event: 'push', changes: { 'indigenious-payment-service/src/index.ts': '2\n', 'indigenious-blockchain-service/src/index.ts': '2\n' } })
    expect(result.conclusion).toBe('success')
    expect(Object.keys(changed(repo!, 'staging')).sort()).toEqual(['indigenious-blockchain-service', 'indigenious-payment-service'])
    expect(Object.keys(changed(repo!, 'production'))).toEqual(['indigenious-payment-service'])
    const resolve = result.jobs.production!.called!.jobs.promote!.called!.jobs.plan!.legs[0]!.steps.find((s) => s.id === 'resolve')!
    expect(JSON.parse(resolve.outputs!.skipped!)).toEqual(['indigenious-blockchain-service'])
    expect(ran).toContain('production/promote/release/finish')
  })

  it('promote-manual.yml: health-checks everything staging runs and promotes exactly those digests', async () => {
    const github = fakeGitHub()
    await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', github, inputs: { environment: 'staging', services: 'auth,payment' }, changes: { 'indigenious-auth-service/src/index.ts': '2\n' } })
    const staging = repo!.aws.running('staging')
    const { result, calls } = await simulateExample('promote-manual.yml', { event: 'workflow_dispatch', github })
    expect(result.conclusion).toBe('success')
    // The approver sees what staging runs (the status action, with staging's credentials, before the approval).
    expect(calls.filter((c) => c.action === 'status').map((c) => [c.job, c.with.environment])).toEqual([['verify', 'staging']])
    const production = repo!.aws.running('production')
    // Exactly staging's digests, each from production's own registry (replicated across accounts).
    const digestOf = (image: string | undefined) => image?.split('@')[1]
    for (const [service, image] of Object.entries(production)) expect(digestOf(image), service).toBe(digestOf(staging[service]))
    for (const image of Object.values(production)) expect(image.startsWith('333333333333.dkr.ecr.')).toBe(true)
    expect(Object.keys(changed(repo!, 'production')).sort()).toEqual(['indigenious-auth-service', 'indigenious-payment-service'])
  })

  it('deploy-manual.yml: --services auth,rfq,payment deploys those three, tier by tier', async () => {
    const { result, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', services: 'auth,rfq,payment' } })
    expect(result.conclusion).toBe('success')
    expect(deploysIn(calls, 'staging').map((d) => [d.job, d.services])).toEqual([
      ['tier-1', ['indigenious-auth-service']],
      ['tier-2', ['indigenious-payment-service', 'indigenious-rfq-service']],
    ])
  })

  it('deploy-manual.yml: --service payment --with-dependencies deploys payment after what it depends on', async () => {
    const { result, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', services: 'payment', 'with-dependencies': true } })
    expect(result.conclusion).toBe('success')
    const deploys = deploysIn(calls, 'staging')
    expect(deploys.map((d) => d.job)).toEqual(['tier-1', 'tier-2'])
    expect(deploys[0]!.services).toContain('indigenious-auth-service')
    expect(deploys[1]!.services).toContain('indigenious-payment-service')
  })

  it('deploy-manual.yml: --env production --tier all releases every tier after one approval', async () => {
    const { result, ran, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'production', tier: 'all' } })
    expect(result.conclusion).toBe('success')
    expect(ran.filter((p) => p.endsWith('/approve'))).toEqual(['deploy/approve'])
    expect(deploysIn(calls, 'production').map((d) => d.job)).toEqual(['tier-1', 'tier-2', 'tier-3', 'tier-4'])
    // Builds before the approval hold the build role, never the deploy role; the release holds the deploy role.
    const roles = (job: RegExp) => new Set(calls.filter((c) => job.test(c.job) && c.action === 'configure-aws-credentials').map((c) => c.with['role-to-assume']))
    expect(roles(/^build-\d$/)).toEqual(new Set(['arn:aws:iam::333333333333:role/tierdeploy-production-build']))
    expect(roles(/^tier-\d$/)).toEqual(new Set(['arn:aws:iam::333333333333:role/tierdeploy-production-deploy']))
  })

  it('rollback.yml: --rollback rfq-service --version previous puts rfq back on what ran before its last deploy', async () => {
    const github = fakeGitHub()
    await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', github, inputs: { environment: 'staging', services: 'rfq' }, changes: { 'indigenious-rfq-service/src/index.ts': '2\n' } })
    expect(Object.keys(changed(repo!, 'staging'))).toEqual(['indigenious-rfq-service'])
    const { result, calls } = await simulateExample('rollback.yml', { event: 'workflow_dispatch', github, inputs: { environment: 'staging', service: 'rfq-service', version: 'previous' } })
    expect(result.conclusion).toBe('success')
    expect(calls.filter((c) => c.action === 'ecs-deploy').map((c) => [c.with.mode, c.with['rollback-version'], servicesIn(c.with.services!)])).toEqual([['rollback', 'previous', ['indigenious-rfq-service']]])
    expect(changed(repo!, 'staging')).toEqual({})
  })

  it("every example grants the permissions the reusable workflows' jobs ask for; one grant less is refused", async () => {
    for (const name of EXAMPLES) {
      await expect(validateCallTree(await loadWorkflow(join(REPOSITORY_ROOT, 'examples/workflows', name)), localWorkflows), name).resolves.toBeUndefined()
    }
    const text = readFileSync(join(REPOSITORY_ROOT, 'examples/workflows/deploy-on-push.yml'), 'utf8')
    const production = text.slice(text.indexOf('  production:'))
    const withoutActions = text.slice(0, text.indexOf('  production:')) + production.replace('      actions: read\n', '')
    expect(withoutActions).not.toEqual(text)
    await expect(validateCallTree(await parseWorkflowText('deploy-on-push.yml', withoutActions), localWorkflows)).rejects.toThrow(/requests actions: read/)
  })
})
