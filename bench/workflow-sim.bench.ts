// The reusable workflows end to end in the simulator (issue 12): deploy.yml -> release.yml for a dispatch of
// `tier: all` on a catalog of N services, with the real shell steps (bash, jq, yq), real artifacts between job
// workspaces, and the real resolve-graph, ecs-deploy and health-gate against the fake ECS. Cost grows with the
// build matrix (a workspace, a fake build and an artifact per service) and with the one-step deploy of each tier.
import { join } from 'node:path'
import { generateCatalog } from '@tierdeploy/testkit'
import { loadWorkflow, localWorkflows, platformRepo, REPOSITORY_ROOT, reviewers, fakeGitHub, simulateWorkflow, tierdeploySteps } from '@tierdeploy/workflow-sim'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ENV = 'name: staging\naccount: "222222222222"\nregion: ca-central-1\ncluster: bench\nroleArn: arn:aws:iam::222222222222:role/deploy\n'

const workflow = await loadWorkflow(join(REPOSITORY_ROOT, '.github/workflows/deploy.yml'))
console.log('| services | build legs | jobs simulated | median s | ms per service |')
console.log('|---:|---:|---:|---:|---:|')
for (const n of [10, 100, 300, 1000]) {
  const generated = generateCatalog(n)
  const repo = await platformRepo({ servicesYaml: generated.yaml, environments: { staging: ENV }, serviceFiles: false })
  const samples: number[] = []
  let legs = 0
  let jobs = 0
  for (let i = 0; i < runs + 1; i++) {
    const github = fakeGitHub()
    const recording = tierdeploySteps({ repo, github })
    const t0 = process.hrtime.bigint()
    const result = await simulateWorkflow(workflow, {
      inputs: { environment: 'staging', catalog: 'catalog', tier: 'all' },
      github: { event_name: 'workflow_dispatch', sha: repo.base },
      steps: recording.handler,
      workflows: localWorkflows,
      ...reviewers(github),
    })
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
    recording.cleanup()
    if (result.conclusion !== 'success') {
      const all = [...result.order.map((id) => [id, result.jobs[id]!] as const), ...(result.jobs.release?.called?.order ?? []).map((id) => [`release/${id}`, result.jobs.release!.called!.jobs[id]!] as const)]
      const failed = all.filter(([, j]) => j.result === 'failure').map(([id, j]) => `${id}: ${j.reason ?? j.legs.flatMap((l) => l.steps.filter((s) => s.failure).map((s) => s.failure)).join('; ')}`)
      throw new Error(`simulation of ${n} services failed: ${failed.join(' | ')}`)
    }
    legs = result.order.filter((j) => j.startsWith('build-')).reduce((sum, j) => sum + (result.jobs[j]!.matrix?.length ?? 0), 0)
    jobs = result.order.length + (result.jobs.release?.called?.order.length ?? 0)
  }
  await repo.cleanup()
  const m = median(samples)
  console.log(`| ${n} | ${legs} | ${jobs} | ${(m / 1000).toFixed(1)} | ${(m / n).toFixed(1)} |`)
}
