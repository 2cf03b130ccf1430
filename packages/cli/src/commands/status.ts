import type { ECSClient } from '@aws-sdk/client-ecs'
import { environmentNamed, formatProblem, loadCatalog, systemClock, type Catalog, type Clock, type Environment } from '@tierdeploy/catalog'
import { parseNameList } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'

export const usage = [
  'tierdeploy status --env ENV [--compare ENV] [--tier N|all | --services A,B] [--format table|json|markdown]',
  '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--compare-cluster NAME] [--compare-region REGION]',
  '',
  '  What runs in ENV now, per service: the revision, the image digest, the commit and deploy that registered it (the',
  '  tags every deploy writes), the rollout, running/desired tasks, when it was deployed, and what the next deploy',
  '  would change from the catalog alone. --compare ENV: which services run different images there, by commit (the',
  '  promotion preview). Reads only. Default selection: every service ENV enables.',
].join('\n')

/** Injected in tests: one ECS client per environment (the same one when both are in one fake), and the clock. */
export interface StatusDeps {
  ecs?: ECSClient
  compareEcs?: ECSClient
  clock?: Clock
}

const FORMATS = ['table', 'json', 'markdown'] as const

export async function run(args: string[], io: CliIO, deps: StatusDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    compare: { type: 'string' },
    tier: { type: 'string' },
    services: { type: 'string' },
    service: { type: 'string' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    'compare-cluster': { type: 'string' },
    'compare-region': { type: 'string' },
    format: { type: 'string' },
  })
  const envName = stringFlag(values, 'env')
  if (envName === undefined) throw new UsageError('--env ENV is required: the environment to show')
  const format = stringFlag(values, 'format') ?? 'table'
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`)
  const tier = stringFlag(values, 'tier')
  const names = stringFlag(values, 'services') ?? stringFlag(values, 'service')
  if (tier !== undefined && names !== undefined) throw new UsageError('give --tier or --services, not both')

  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const compareName = stringFlag(values, 'compare')
  const other = compareName === undefined ? undefined : environmentNamed(catalog, compareName)
  if (other?.name === environment.name) throw new UsageError(`--compare names ${environment.name} itself`)

  // The AWS SDK loads here, on use, never for plan or validate.
  const aws = await import('@tierdeploy/aws')
  const selection = { ...(names !== undefined ? { services: parseNameList(names) } : { tier: tier ?? 'all' }) }
  const select = (env: Environment) => aws.gateServices(catalog, env, selection, { tier: '--tier', services: '--services', deployResult: '--services' }).map((s) => s.name)
  const clock = deps.clock ?? systemClock
  const read = async (env: Environment, services: string[], which: '' | 'compare-', injected: ECSClient | undefined) => {
    const region = aws.regionFor(env, { override: stringFlag(values, `${which}region`), overrideName: `--${which}region`, env: io.env })
    const cluster = await aws.clusterFor(env, stringFlag(values, `${which}cluster`), `--${which}cluster`, { cloudformation: () => aws.makeCloudFormationClient(region) })
    const ecs = injected ?? aws.makeEcsClient({ region })
    try {
      return await aws.readEnvironmentStatus(catalog as Catalog, env, services, cluster, { ecs, clock, log: { debug() {}, info() {}, warning: (m) => io.stderr(`warning: ${m}`), error: (m) => io.stderr(`error: ${m}`) } })
    } finally {
      if (!injected) ecs.destroy()
    }
  }
  const services = select(environment)
  const statuses = await read(environment, services, '', deps.ecs)
  // The same services in the other environment: one it does not run shows as missing there.
  const compared = other ? await read(other, services, 'compare-', deps.compareEcs ?? deps.ecs) : undefined
  const differences = compared ? aws.compareStatus(statuses, compared) : undefined

  if (format === 'json') {
    io.stdout(JSON.stringify(aws.statusReport(environment.name, statuses, other && compared ? { environment: other.name, services: compared } : undefined), null, 2))
  } else {
    io.stdout(aws.renderStatus(environment.name, statuses, format as 'table' | 'markdown', clock.now()))
    if (other && differences) io.stdout(`\n${aws.renderComparison(environment.name, other.name, differences)}`)
  }
  return statuses.some((s) => s.rollout === 'missing' || s.rollout === 'failed') ? 1 : 0
}
