import { readFileSync } from 'node:fs'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { STSClient } from '@aws-sdk/client-sts'
import { environmentNamed, formatProblem, isEnabledIn, loadCatalog, locateProblems, silentLogger, type Catalog, type Environment } from '@tierdeploy/catalog'
import { doctorJson, renderDoctorText, runDoctor, type DoctorResult, type Finding } from '@tierdeploy/doctor'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'

export const usage = [
  'tierdeploy doctor [--catalog DIR] [--env ENV] [--no-code] [--live [--cluster NAME] [--region REGION]] [--json]',
  '',
  '  --live   also read the environment\'s ECS cluster (needs --env and AWS credentials): warns about services a',
  '           CloudFormation stack owns (aws:cloudformation:stack-name tag) that the catalog does not declare',
  '           deployVia: cloudformation, since updating them directly would drift the stack, and about services',
  '           whose last rollout failed or has not finished. Credentials of another account than the environment\'s',
  '           are reported (account-mismatch) instead of reading that account\'s cluster.',
  '  --region overrides the environment file\'s region (AWS_REGION is used only when the file has none).',
].join('\n')

export interface DoctorDeps {
  ecs?: ECSClient
  sts?: STSClient
}

export async function run(args: string[], io: CliIO, deps: DoctorDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    'no-code': { type: 'boolean' },
    live: { type: 'boolean' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
  })
  const envName = stringFlag(values, 'env')
  if (values.live && envName === undefined) throw new UsageError('--live needs --env ENV: the environment whose cluster to read')
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  if (!values.json) for (const w of warnings) io.stderr(formatProblem(w))
  const environment = envName === undefined ? undefined : environmentNamed(catalog, envName)
  const result = await runDoctor(catalog, {
    ...(environment ? { environments: [environment] } : {}),
    scanCode: values['no-code'] !== true,
    cwd: io.cwd,
  })
  if (values.live && environment) addFindings(result, await liveFindings(catalog, environment, { cluster: stringFlag(values, 'cluster'), region: stringFlag(values, 'region') }, io, deps))
  if (values.json) io.stdout(JSON.stringify(doctorJson(result), null, 2))
  else io.stdout(renderDoctorText(result).trimEnd())
  return result.errors ? 1 : 0
}

/**
 * What only the cluster can tell: services a CloudFormation stack owns but the catalog would update directly (they
 * would drift), and services whose rollout failed or is still going (judged by the rule deploy and health use). First,
 * the account rule deploy refuses by: credentials of another account are a finding, and that account's cluster is not
 * read (what it holds says nothing about this environment).
 */
async function liveFindings(catalog: Catalog, environment: Environment, flags: { cluster: string | undefined; region: string | undefined }, io: CliIO, deps: DoctorDeps): Promise<Finding[]> {
  const aws = await import('@tierdeploy/aws')
  const region = aws.regionFor(environment, { override: flags.region, overrideName: '--region', env: io.env })
  try {
    // An environment without account is the configuration check's finding (no-account), not a log line here.
    await aws.verifyCallerAccount(environment, { sts: deps.sts, region }, silentLogger)
  } catch (e) {
    if (!(e instanceof aws.AccountMismatchError)) throw e
    const finding: Finding = { check: 'account-mismatch', severity: 'error', file: environment.file, path: ['account'], message: e.message }
    await locateProblems([finding], [{ file: environment.file, text: readFileSync(environment.file, 'utf8') }])
    return [finding]
  }
  const cluster = await aws.clusterFor(environment, flags.cluster, '--cluster', { cloudformation: () => aws.makeCloudFormationClient(region) })
  const ecs = deps.ecs ?? aws.makeEcsClient({ region })
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
    const deployed = [...catalog.services.values()].filter((s) => s.kind === 'service' && isEnabledIn(catalog, s, environment)).map((s) => s.name)
    const { services } = await aws.describeServicesInBatches(ecs, cluster, deployed)
    for (const service of services) {
      const verdict = aws.rolloutVerdict(service)
      if (verdict.state === 'done' || !service.serviceName) continue
      const name = catalog.names.get(service.serviceName) ?? service.serviceName
      findings.push({
        check: 'unfinished-rollout',
        service: name,
        severity: 'warning',
        file: catalog.file,
        ...(catalog.services.has(name) ? { path: ['services', name] } : {}),
        message: `${name} in cluster ${cluster}: rollout ${verdict.state === 'failed' ? 'failed' : 'not finished'}: ${verdict.detail}`,
      })
    }
    await locateProblems(findings, [{ file: catalog.file, text: readFileSync(catalog.file, 'utf8') }])
    return findings
  } catch (e) {
    // No credentials, access denied, an unknown cluster: the user's to fix, so a message and not a stack trace.
    throw aws.configurationErrorOf(e, { cluster }) ?? aws.awsSetupError(e, `ECS (cluster '${cluster}')`) ?? e
  } finally {
    if (!deps.ecs) ecs.destroy()
  }
}

function addFindings(result: DoctorResult, findings: Finding[]): void {
  result.findings.push(...findings)
  result.warnings += findings.filter((f) => f.severity === 'warning').length
  result.errors += findings.filter((f) => f.severity === 'error').length
}
