// Terraform (issue 6): reading plans and generating the environment roots' variables, as the catalog and the
// platform grow. "summarize" is summarizePlan over `terraform show -json` of N resource changes (a fifth each
// create, update, replace, delete, no-op), "guard" is guardedChanges over the same plan with the default
// protected types and 10 allow-destroy entries, "parse" is JSON.parse of the plan text, and "tfvars" is
// catalogTerraformVars + rendering for a generated catalog of N services. Real terraform runs are not timed:
// they are dominated by terraform itself (and by AWS in real use).
import { buildCatalog, environmentNamed } from '@tierdeploy/catalog'
import { catalogTerraformVars, DEFAULT_PROTECTED_TYPES, guardedChanges, renderTerraformVars, summarizePlan, type PlanJson } from '@tierdeploy/terraform'
import { generateCatalog } from '@tierdeploy/testkit'

const runs = Number(process.env.BENCH_RUNS ?? 7)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timeMs(fn: () => unknown): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(samples)
}

const ACTIONS = [['create'], ['update'], ['delete', 'create'], ['delete'], ['no-op']]
const TYPES = ['aws_ecs_service', 'aws_security_group', 'aws_rds_cluster', 'aws_s3_bucket', 'aws_cloudwatch_metric_alarm', 'aws_iam_role']

function planText(n: number): string {
  const changes = Array.from({ length: n }, (_, i) => {
    const type = TYPES[i % TYPES.length]!
    return { address: `module.service["svc-${i}"].${type}.this`, mode: 'managed', type, name: 'this', change: { actions: ACTIONS[i % ACTIONS.length], before: { id: `id-${i}`, tags: { a: 'b' } }, after: { id: `id-${i}`, tags: { a: 'c' } } } }
  })
  return JSON.stringify({ format_version: '1.2', resource_changes: changes, output_changes: { vpc_id: { actions: ['no-op'] } } })
}

function catalogOf(n: number) {
  const { yaml } = generateCatalog(n)
  const env = 'name: dev\nregion: ca-central-1\nnetwork: { vpcCidr: 10.1.0.0/16 }\n'
  const { catalog } = buildCatalog({ dir: '/repo/catalog', root: '/repo', services: { file: '/repo/catalog/services.yaml', text: yaml }, environments: [{ file: '/repo/catalog/environments/dev.yaml', text: env }] })
  if (!catalog) throw new Error('generated catalog is invalid')
  return catalog
}

console.log('| N | parse ms | summarize ms | guard ms | tfvars ms (N services) |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
const allow = Array.from({ length: 10 }, (_, i) => `module.service["svc-${i}"].aws_s3_bucket.this`)
for (const n of [100, 1_000, 10_000, 50_000]) {
  const text = planText(n)
  const plan = JSON.parse(text) as PlanJson
  const parse = timeMs(() => JSON.parse(text))
  const summarize = timeMs(() => summarizePlan(plan))
  const guard = timeMs(() => guardedChanges(plan, { protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: allow }))
  const tfvars = n <= 10_000 ? (() => { const c = catalogOf(n); const e = environmentNamed(c, 'dev'); return timeMs(() => renderTerraformVars(catalogTerraformVars(c, e))).toFixed(2) })() : '-'
  console.log(`| ${n.toLocaleString('en')} | ${parse.toFixed(2)} | ${summarize.toFixed(2)} | ${guard.toFixed(2)} | ${tfvars} |`)
}
