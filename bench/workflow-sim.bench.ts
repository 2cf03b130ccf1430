// The workflow simulator (issue 7): simulateWorkflow over deploy.yml for a dispatch of `tier: all`, with the real
// resolve-graph on a catalog of N services and fakes for AWS. Cost grows with the build matrix (one simulated leg
// per service, each evaluating its steps' expressions) and with resolve-graph's catalog load.
import { join } from 'node:path'
import { generateCatalog } from '@tierdeploy/testkit'
import { loadWorkflow, platformRepo, REPOSITORY_ROOT, simulateWorkflow, tierdeploySteps } from '@tierdeploy/workflow-sim'

const runs = Number(process.env.BENCH_RUNS ?? 5)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ENV = 'name: staging\naccount: "222222222222"\nregion: ca-central-1\ncluster: bench\nroleArn: arn:aws:iam::222222222222:role/deploy\n'

const workflow = await loadWorkflow(join(REPOSITORY_ROOT, '.github/workflows/deploy.yml'))
console.log('| services | build legs | median ms | ms per service |')
console.log('|---:|---:|---:|---:|')
for (const n of [10, 100, 300, 1000]) {
  const generated = generateCatalog(n)
  const repo = await platformRepo({ servicesYaml: generated.yaml, environments: { staging: ENV } })
  const samples: number[] = []
  let legs = 0
  for (let i = 0; i < runs + 1; i++) {
    const { handler } = tierdeploySteps({ repo })
    const t0 = process.hrtime.bigint()
    const result = await simulateWorkflow(workflow, { inputs: { environment: 'staging', catalog: repo.catalogDir, tier: 'all' }, github: { event_name: 'workflow_dispatch' }, steps: handler })
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (result.conclusion !== 'success') throw new Error(`simulation of ${n} services failed`)
    legs = result.order.filter((j) => j.startsWith('build-')).reduce((sum, j) => sum + (result.jobs[j]!.matrix?.length ?? 0), 0)
  }
  repo.cleanup()
  const m = median(samples)
  console.log(`| ${n} | ${legs} | ${m.toFixed(1)} | ${(m / n).toFixed(2)} |`)
}
