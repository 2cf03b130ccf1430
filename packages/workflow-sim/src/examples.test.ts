import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { allJobs, simulateWorkflow, validateCallTree } from './simulate.js'
import { localWorkflows, platformRepo, REPOSITORY_ROOT, servicesIn, tierdeploySteps, type PlatformRepo } from './tierdeploy.js'
import { loadWorkflow, parseWorkflowText } from './workflow.js'

let repo: PlatformRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

async function simulateExample(name: string, options: { event: string; inputs?: Record<string, string | boolean>; changes?: Record<string, string> }) {
  repo?.cleanup()
  repo = await platformRepo()
  const head = options.changes ? repo.commit(options.changes) : undefined
  const recording = tierdeploySteps({ repo, ...(head ? { head } : {}) })
  const result = await simulateWorkflow(await loadWorkflow(join(REPOSITORY_ROOT, 'examples/workflows', name)), {
    ...(options.inputs ? { inputs: options.inputs } : {}),
    github: { event_name: options.event, sha: head ?? repo.base },
    steps: recording.handler,
    workflows: localWorkflows,
  })
  const ran = allJobs(result).filter((j) => j.job.result === 'success' || j.job.result === 'failure')
  return { result, ran: ran.map((j) => j.path), ...recording }
}

/** Per environment, the services each ecs-deploy deployed and the images it was given. */
function deploysIn(calls: ReturnType<typeof tierdeploySteps>['calls'], environment: string) {
  return calls
    .filter((c) => c.action === 'ecs-deploy' && c.with.environment === environment && c.with.mode === 'deploy')
    .map((c) => ({ job: c.job, services: servicesIn(c.with.services!), images: JSON.parse(c.with.images || '{}') as Record<string, string> }))
}

describe('examples/workflows, simulated with the reusable workflows they call', () => {
  it('promote.yml: staging deploys what changed, then production gets the same digests after one approval', async () => {
    const { result, ran, calls } = await simulateExample('promote.yml', { event: 'push', changes: { 'indigenious-payment-service/src/index.ts': '2\n' } })
    expect(result.conclusion).toBe('success')
    const staging = deploysIn(calls, 'staging')
    const production = deploysIn(calls, 'production')
    expect(staging.map((d) => [d.job, d.services])).toEqual([['tier-2', ['indigenious-payment-service']]])
    expect(production.map((d) => [d.job, d.services])).toEqual([['tier-2', ['indigenious-payment-service']]])
    expect(production[0]!.images).toEqual(staging[0]!.images)
    // Built once, for staging; production only deploys.
    expect(ran.filter((p) => /\/build-\d$/.test(p))).toEqual(['staging/build-1'])
    expect(ran.filter((p) => p.endsWith('/approve'))).toEqual(['production/promote/approve'])
    // The health gate ran again in staging before production was touched.
    const verify = calls.find((c) => c.job === 'verify' && c.action === 'health-gate')!
    expect(verify.with).toMatchObject({ environment: 'staging', services: '["indigenious-payment-service"]' })
    expect(ran.indexOf('production/verify')).toBeLessThan(ran.indexOf('production/promote/tier-2'))
  })

  it('promote.yml: a push that deploys nothing promotes nothing', async () => {
    const { result, ran } = await simulateExample('promote.yml', { event: 'push', changes: { 'docs/guide.md': 'x\n' } })
    expect(result.conclusion).toBe('success')
    expect(result.jobs.production!.result).toBe('skipped')
    expect(ran).toEqual(['staging', 'staging/plan', 'staging/summary'])
  })

  it('deploy-on-push.yml: deploys the changed services to staging', async () => {
    const { result, calls } = await simulateExample('deploy-on-push.yml', { event: 'push', changes: { 'indigenious-auth-service/src/index.ts': '2\n' } })
    expect(result.conclusion).toBe('success')
    expect(deploysIn(calls, 'staging').map((d) => [d.job, d.services])).toEqual([['tier-1', ['indigenious-auth-service']]])
  })

  it('deploy-manual.yml: --services auth,rfq,payment deploys those three, tier by tier', async () => {
    const { result, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', services: 'auth,rfq,payment' } })
    expect(result.conclusion).toBe('success')
    expect(deploysIn(calls, 'staging').map((d) => [d.job, [...d.services].sort()])).toEqual([
      ['tier-1', ['indigenious-auth-service']],
      ['tier-2', ['indigenious-payment-service', 'indigenious-rfq-service']],
    ])
  })

  it('deploy-manual.yml: --tier 1 deploys every tier-1 service and nothing else', async () => {
    const { result, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', tier: '1' } })
    expect(result.conclusion).toBe('success')
    expect(deploysIn(calls, 'staging').map((d) => [d.job, [...d.services].sort()])).toEqual([
      ['tier-1', ['indigenious-auth-service', 'indigenious-gateway-service', 'indigenious-web-frontend']],
    ])
  })

  it('deploy-manual.yml: --service payment --with-dependencies deploys payment after what it depends on', async () => {
    const { result, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', services: 'payment', 'with-dependencies': true } })
    expect(result.conclusion).toBe('success')
    const deploys = deploysIn(calls, 'staging')
    expect(deploys.map((d) => d.job)).toEqual(['tier-1', 'tier-2'])
    expect(deploys[0]!.services).toContain('indigenious-auth-service')
    expect(deploys[1]!.services).toContain('indigenious-payment-service')
    // Without with-dependencies, payment alone.
    const alone = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', services: 'payment' } })
    expect(deploysIn(alone.calls, 'staging').map((d) => [d.job, d.services])).toEqual([['tier-2', ['indigenious-payment-service']]])
  })

  it("every example grants the permissions the reusable workflows' jobs ask for; one grant less is refused", async () => {
    for (const name of ['deploy-on-push.yml', 'deploy-manual.yml', 'rollback.yml', 'promote.yml']) {
      await expect(validateCallTree(await loadWorkflow(join(REPOSITORY_ROOT, 'examples/workflows', name)), localWorkflows), name).resolves.toBeUndefined()
    }
    const text = readFileSync(join(REPOSITORY_ROOT, 'examples/workflows/promote.yml'), 'utf8')
    const production = text.slice(text.indexOf('  production:'))
    const withoutDeployments = text.slice(0, text.indexOf('  production:')) + production.replace('      deployments: write\n', '')
    expect(withoutDeployments).not.toEqual(text)
    await expect(validateCallTree(await parseWorkflowText('promote.yml', withoutDeployments), localWorkflows)).rejects.toThrow(/requests deployments: write/)
  })

  it('deploy-manual.yml: --env production --tier all deploys every tier after one approval', async () => {
    const { result, ran, calls } = await simulateExample('deploy-manual.yml', { event: 'workflow_dispatch', inputs: { environment: 'production', tier: 'all' } })
    expect(result.conclusion).toBe('success')
    expect(ran.filter((p) => p.endsWith('/approve'))).toEqual(['deploy/approve'])
    expect(deploysIn(calls, 'production').map((d) => d.job)).toEqual(['tier-1', 'tier-2', 'tier-3', 'tier-4'])
  })

  it('rollback.yml: --rollback rfq-service --version previous rolls rfq back', async () => {
    const { result, calls } = await simulateExample('rollback.yml', { event: 'workflow_dispatch', inputs: { environment: 'staging', service: 'rfq-service', version: 'previous' } })
    expect(result.conclusion).toBe('success')
    const rollback = calls.filter((c) => c.action === 'ecs-deploy')
    expect(rollback.map((c) => [c.with.mode, c.with['rollback-version'], servicesIn(c.with.services!)])).toEqual([['rollback', 'previous', ['indigenious-rfq-service']]])
  })
})
