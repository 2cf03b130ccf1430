// Loaded only for `tierdeploy preflight` (commands/index.ts imports it lazily), like every command that loads the AWS SDK.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { STSClient } from '@aws-sdk/client-sts'
import { clusterFor, makeCloudFormationClient, regionFor, verifyCallerAccount } from '@tierdeploy/aws'
import { makePreflightClients, preflightServices, preflightVerdict, renderPreflight, runPreflight, type PreflightClients, type PreflightRequest } from '@tierdeploy/aws/preflight'
import { environmentNamed, formatProblem, loadCatalog, streamLogger, type Logger } from '@tierdeploy/catalog'
import { resolveDeployWaves } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'
import { selectionFromFlags, selectionOptions } from '../selection.js'
import { readImages } from './deploy.js'

export const usage = [
  'tierdeploy preflight --env ENV [--tier N|all | --services A,B | --service A] [--with-dependencies] [--images FILE]',
  '                     [--catalog DIR] [--cluster NAME] [--region REGION] [--format table|markdown|json] [--verbose]',
  '',
  '  Read-only checks that predict what a deploy of the selection would fail on, before anything is written: each',
  '  image exists (or is replicated into the environment\'s registry), each secret and parameter exists in the',
  '  environment\'s account and region, the execution role may pull and read them (IAM policy simulation), the',
  '  Fargate vCPU quotas and the subnets\' free addresses cover the rollout surge, routed services have their target',
  '  groups, health-check path and listener rules, and the cluster has the capacity providers asked for. A denied',
  '  read is reported as unknown, naming the permission. Default selection: every service ENV enables.',
  '  --images FILE     as for deploy: the images to check; services without one are checked on their running image.',
  '  Exit code 1 when any check fails.',
].join('\n')

/** Injected in tests: the AWS clients (aws-sdk-client-mock or a fake) and STS for the account check. */
export interface PreflightDeps {
  clients?: Partial<PreflightClients>
  sts?: STSClient
  cloudformation?: CloudFormationClient
}

const FORMATS = ['table', 'markdown', 'json'] as const

export async function run(args: string[], io: CliIO): Promise<number> {
  return runPreflightCommand(args, io)
}

export async function runPreflightCommand(args: string[], io: CliIO, deps: PreflightDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    images: { type: 'string' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    format: { type: 'string' },
    verbose: { type: 'boolean' },
    ...selectionOptions,
  })
  const envName = stringFlag(values, 'env')
  if (envName === undefined) throw new UsageError('--env ENV is required: the environment to check')
  const format = stringFlag(values, 'format') ?? 'table'
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`)
  const selection = selectionFromFlags(values)

  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const plan = resolveDeployWaves(catalog, selection.tier === undefined && selection.services === undefined ? { ...selection, tier: 'all' } : selection, environment)
  const images = readImages(catalog, stringFlag(values, 'images'), io.cwd)
  const region = regionFor(environment, { override: stringFlag(values, 'region'), overrideName: '--region', env: io.env })
  const cluster = await clusterFor(environment, stringFlag(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? makeCloudFormationClient(region) })
  const log = streamLogger(io.stderr, values.verbose === true)
  // The same account check as deploy: another account's answers would describe another environment.
  await verifyCallerAccount(environment, { sts: deps.sts, region }, log)
  const { clients, destroy } = await makePreflightClients({ region }, deps.clients)
  try {
    const report = await runPreflight({ catalog, environment, cluster, region, services: preflightServices(catalog, plan), images }, { clients, log })
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) : renderPreflight(report, format as 'table' | 'markdown'))
    return report.ok ? 0 : 1
  } finally {
    destroy()
  }
}

/**
 * Preflight as `tierdeploy deploy` runs it first (unless --no-preflight), dry runs included: passes print one line
 * (and each warning or unknown) on stderr; a failure prints the problems table on stderr and the deploy stops before
 * any write. Returns whether the deploy may go on.
 */
export async function preflightBeforeDeploy(request: PreflightRequest, options: { io: CliIO; log: Logger; region: string; clients?: Partial<PreflightClients> }): Promise<boolean> {
  if (request.services.length === 0) return true
  const { clients, destroy } = await makePreflightClients({ region: options.region }, options.clients)
  try {
    const report = await runPreflight(request, { clients, log: options.log })
    if (!report.ok) {
      options.io.stderr(`${renderPreflight(report, 'table', { onlyProblems: true })}\nnothing was deployed to ${request.environment.name}: fix the failures above (tierdeploy preflight --env ${request.environment.name} shows every check), or skip the checks with --no-preflight`)
      return false
    }
    for (const f of report.findings) if (f.status === 'warn' || f.status === 'unknown') options.log.warning(`preflight ${f.check}: ${f.resource}: ${f.message}`)
    options.log.info(preflightVerdict(report))
    return true
  } finally {
    destroy()
  }
}
