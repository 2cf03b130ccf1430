import type { ECSClient } from '@aws-sdk/client-ecs'
import { environmentNamed, formatProblem, loadCatalog, streamLogger, systemClock, type Clock } from '@tierdeploy/catalog'
import { parseNameList } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'

export const usage = 'tierdeploy health --env ENV (--tier N | --services A,B) [--catalog DIR] [--cluster NAME] [--region REGION] [--checks ecs,load-balancer,http,alarms] [--timeout SECONDS] [--bake SECONDS] [--target-groups JSON] [--json] [--verbose]'

/** Injected in tests; the command builds real clients otherwise. */
export interface HealthDeps {
  ecs?: ECSClient
  clock?: Clock
}

function seconds(values: Record<string, unknown>, flag: string, fallback: number): number {
  const v = stringFlag(values, flag)
  if (v === undefined) return fallback
  if (!/^\d+$/.test(v)) throw new UsageError(`--${flag} must be a whole number of seconds, got '${v}'`)
  return Number(v)
}

/** Runs the health gate of the health-gate action against an environment and prints which check failed and why. */
export async function run(args: string[], io: CliIO, deps: HealthDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    tier: { type: 'string' },
    services: { type: 'string' },
    service: { type: 'string' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    checks: { type: 'string' },
    timeout: { type: 'string' },
    bake: { type: 'string' },
    'target-groups': { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  })
  const envName = stringFlag(values, 'env')
  if (envName === undefined) throw new UsageError('--env ENV is required: the environment whose services to check')
  const tier = stringFlag(values, 'tier')
  const names = stringFlag(values, 'services') ?? stringFlag(values, 'service')
  if (tier === undefined && names === undefined) throw new UsageError('give --tier N or --services A,B: which services to check')
  const timeoutSeconds = seconds(values, 'timeout', 600)
  const bakeSeconds = seconds(values, 'bake', 0)
  let targetGroupsJson: unknown
  const tgFlag = stringFlag(values, 'target-groups')
  if (tgFlag !== undefined) {
    try {
      targetGroupsJson = JSON.parse(tgFlag)
    } catch {
      throw new UsageError(`--target-groups must be JSON: {"SERVICE": "TARGET_GROUP_ARN"}`)
    }
  }

  // The AWS SDK loads here, on use, never for plan or validate.
  const aws = await import('@tierdeploy/aws')
  const checks = aws.parseChecks(stringFlag(values, 'checks') === undefined ? undefined : parseNameList(stringFlag(values, 'checks')!), '--checks')
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const services = aws.gateServices(catalog, environment, { ...(tier !== undefined ? { tier } : {}), ...(names !== undefined ? { services: parseNameList(names) } : {}) }, { tier: '--tier', services: '--services', deployResult: '--services' })
  // The environment file's region, --region over it; AWS_REGION only when the file has none (the rule deploy uses).
  const region = aws.regionFor(environment, { override: stringFlag(values, 'region'), overrideName: '--region', env: io.env })
  const cluster = await aws.clusterFor(environment, stringFlag(values, 'cluster'), '--cluster', { cloudformation: () => aws.makeCloudFormationClient(region) })
  const log = streamLogger((line) => io.stderr(line), values.verbose === true)
  const targetGroups = aws.canonicalTargetGroups(catalog, aws.parseTargetGroups(targetGroupsJson, '--target-groups'), '--target-groups')
  if (services.length === 0) {
    io.stdout(values.json ? JSON.stringify({ passed: true, outcomes: [] }) : 'Nothing to check.')
    return 0
  }
  const report = await aws.runHealthGate(aws.gateTargets(catalog, environment, services, targetGroups, log), {
    cluster,
    checks,
    timeoutMs: timeoutSeconds * 1000,
    bakeMs: bakeSeconds * 1000,
  }, {
    ecs: deps.ecs ?? aws.makeEcsClient({ region }),
    elb: await aws.makeElbClient({ region }),
    cloudwatch: await aws.makeCloudWatchClient({ region }),
    clock: deps.clock ?? systemClock,
    log,
  })
  io.stdout(values.json ? JSON.stringify(report) : aws.renderGateText(report))
  return report.passed ? 0 : 1
}
