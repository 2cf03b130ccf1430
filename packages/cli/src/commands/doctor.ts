import { readFileSync } from 'node:fs'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { environmentNamed, formatProblem, loadCatalog, locateProblems, type Catalog, type Environment } from '@tierdeploy/catalog'
import { doctorJson, renderDoctorText, runDoctor, type DoctorResult, type Finding } from '@tierdeploy/doctor'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'

export const usage = [
  'tierdeploy doctor [--catalog DIR] [--env ENV] [--no-code] [--live [--cluster NAME]] [--json]',
  '',
  '  --live   also read the environment\'s ECS cluster (needs --env and AWS credentials): warns about services a',
  '           CloudFormation stack owns (aws:cloudformation:stack-name tag) that the catalog does not declare',
  '           deployVia: cloudformation, since updating them directly would drift the stack.',
].join('\n')

export interface DoctorDeps {
  ecs?: ECSClient
}

export async function run(args: string[], io: CliIO, deps: DoctorDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    'no-code': { type: 'boolean' },
    live: { type: 'boolean' },
    cluster: { type: 'string' },
    json: { type: 'boolean' },
  })
  const envName = stringFlag(values, 'env')
  if (values.live && envName === undefined) throw new UsageError('--live needs --env ENV: the environment whose cluster to read')
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) })
  if (!values.json) for (const w of warnings) io.stderr(formatProblem(w))
  const environment = envName === undefined ? undefined : environmentNamed(catalog, envName)
  const result = await runDoctor(catalog, {
    ...(environment ? { environments: [environment] } : {}),
    scanCode: values['no-code'] !== true,
    cwd: io.cwd,
  })
  if (values.live && environment) addFindings(result, await stackOwnershipFindings(catalog, environment, stringFlag(values, 'cluster'), deps))
  if (values.json) io.stdout(JSON.stringify(doctorJson(result), null, 2))
  else io.stdout(renderDoctorText(result).trimEnd())
  return result.errors ? 1 : 0
}

/** Services a CloudFormation stack owns but the catalog would update directly (they would drift). */
async function stackOwnershipFindings(catalog: Catalog, environment: Environment, clusterFlag: string | undefined, deps: DoctorDeps): Promise<Finding[]> {
  const aws = await import('@tierdeploy/aws')
  const cluster = await aws.clusterFor(environment, clusterFlag, '--cluster')
  const ecs = deps.ecs ?? aws.makeEcsClient({ region: environment.region })
  try {
    const found = await aws.findUndeclaredStackServices(ecs, cluster, catalog)
    const findings = found.map((w): Finding => ({
      check: 'stack-owned-service',
      service: w.service,
      severity: 'warning',
      file: catalog.file,
      ...(catalog.services.has(w.service) ? { path: ['services', w.service] } : {}),
      message: w.message,
    }))
    await locateProblems(findings, [{ file: catalog.file, text: readFileSync(catalog.file, 'utf8') }])
    return findings
  } finally {
    if (!deps.ecs) ecs.destroy()
  }
}

function addFindings(result: DoctorResult, findings: Finding[]): void {
  result.findings.push(...findings)
  result.warnings += findings.filter((f) => f.severity === 'warning').length
  result.errors += findings.filter((f) => f.severity === 'error').length
}
