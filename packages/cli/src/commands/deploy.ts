// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { ECSClient } from '@aws-sdk/client-ecs'
import {
  clusterFor,
  deployPlan,
  makeCloudFormationClient,
  isDigestImage,
  makeEcsClient,
  parseRollbackVersion,
  regionFor,
  renderEcsResultText,
  resolveRollbackTarget,
  rollBackService,
  shortTaskDefinition,
} from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, formatProblem, isProductionLike, loadCatalog, streamLogger, systemClock, type Catalog, type Clock } from '@tierdeploy/catalog'
import { resolveDeployWaves, resolveServiceName } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'
import { selectionFromFlags, selectionOptions } from '../selection.js'

export const usage = [
  'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
  '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--verbose]',
  '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run]',
  '',
  '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
  '                    without an image keep theirs; only their catalog environment and secrets are applied.',
  '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
  '  --no-rollback     on failure, leave services as they are instead of putting them back.',
  '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
  '  --health-check [--promote-to-production]   run tierdeploy health on --env; with --promote-to-production, run',
  '                    tierdeploy promote from --env (or production\'s promotesFrom) to production instead.',
].join('\n')

/** What tests replace: the ECS client (pointed at the fake control plane) and the clock. */
export interface DeployDeps {
  ecs?: ECSClient
  cloudformation?: CloudFormationClient
  clock?: Clock
}

export async function run(args: string[], io: CliIO): Promise<number> {
  return runDeploy(args, io)
}

export async function runDeploy(args: string[], io: CliIO, deps: DeployDeps = {}): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    images: { type: 'string' },
    'dry-run': { type: 'boolean' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    commit: { type: 'string' },
    'timeout-minutes': { type: 'string' },
    'no-rollback': { type: 'boolean' },
    rollback: { type: 'string' },
    version: { type: 'string' },
    verbose: { type: 'boolean' },
    'health-check': { type: 'boolean' },
    'promote-to-production': { type: 'boolean' },
    ...selectionOptions,
  })
  // The requested interface: `deploy --health-check --promote-to-production` is `promote` to the production
  // environment, and `deploy --health-check` alone is `health`. Both always run the health gate.
  if (values['promote-to-production']) return promoteToProduction(values, io)
  if (values['health-check']) return forward('health', [...passThrough(values, ['catalog', 'env', 'tier', 'services', 'service', 'cluster', 'region', 'verbose'])], io)
  const envName = stringFlag(values, 'env')
  if (!envName) throw new UsageError('--env ENV is required')
  const rollbackService = stringFlag(values, 'rollback')
  const version = stringFlag(values, 'version')
  if (rollbackService === undefined && version !== undefined) throw new UsageError('--version goes with --rollback SERVICE')
  if (rollbackService !== undefined && (values.tier !== undefined || values.services !== undefined || values.service !== undefined || values.images !== undefined)) {
    throw new UsageError('--rollback SERVICE takes no --tier, --services, --service or --images')
  }
  const timeoutText = stringFlag(values, 'timeout-minutes') ?? '15'
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 180) throw new UsageError(`--timeout-minutes must be a whole number from 1 to 180, got '${timeoutText}'`)
  const timeoutMs = Number(timeoutText) * 60_000

  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const region = regionFor(environment, { override: stringFlag(values, 'region'), overrideName: '--region', env: io.env })
  const cluster = await clusterFor(environment, stringFlag(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? makeCloudFormationClient(region) })
  const log = streamLogger(io.stderr, values.verbose === true)
  const clock = deps.clock ?? systemClock
  const ecs = deps.ecs ?? makeEcsClient({ region })
  const effects = { ecs, clock, log }

  try {
    if (rollbackService !== undefined) {
      const service = resolveServiceName(catalog, rollbackService)
      if (service.deployVia === 'cloudformation') throw new ConfigurationError(`${service.name} is deployed via CloudFormation stack ${service.cloudformation?.stack}: roll it back by deploying its previous image`)
      const target = parseRollbackVersion(version ?? 'previous', '--version')
      if (values['dry-run']) {
        const { current, target: to } = await resolveRollbackTarget(service.name, target, { cluster }, effects)
        io.stdout(`${service.name}: would roll back ${current} -> ${to}`)
        return 0
      }
      const result = await rollBackService(service.name, target, { cluster, timeoutMs }, effects)
      io.stdout(renderEcsResultText([result]))
      return result.status === 'rolled-back' ? 0 : 1
    }

    const plan = resolveDeployWaves(catalog, selectionFromFlags(values), environment)
    const images = readImages(catalog, stringFlag(values, 'images'), io.cwd)
    const commitSha = stringFlag(values, 'commit') ?? io.env.GITHUB_SHA
    if (commitSha !== undefined && !/^[0-9a-f]{7,40}$/i.test(commitSha)) throw new UsageError(`--commit must be a commit SHA (7 to 40 hex characters), got '${commitSha}'`)
    if (!values.images) log.warning('no --images: every service keeps its image; only catalog environment and secrets are applied')
    const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`
    const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation')
    const cloudformation = deps.cloudformation ?? (needsStacks ? await makeCloudFormationClient(region) : undefined)
    const { results, ok, diffs } = await deployPlan(
      {
        plan,
        catalog,
        environment,
        cluster,
        images,
        ...(commitSha ? { commitSha: commitSha.toLowerCase() } : {}),
        deployId,
        dryRun: values['dry-run'] === true,
        rollbackOnFailure: values['no-rollback'] !== true,
        serviceTimeoutMs: timeoutMs,
      },
      { ...effects, ...(cloudformation ? { cloudformation } : {}) },
    )
    if (values['dry-run']) {
      for (const r of results) {
        const diff = diffs[r.service]
        io.stdout(diff ? `${r.service}: would register a new revision of ${r.previousTaskDefinition ? shortTaskDefinition(r.previousTaskDefinition) : '?'}\n  ${diff.join('\n  ')}` : `${r.service}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`)
      }
    }
    if (results.length === 0) {
      io.stdout('nothing to deploy to ECS in this selection')
      return 0
    }
    if (!values['dry-run']) io.stdout(renderEcsResultText(results))
    return ok ? 0 : 1
  } finally {
    if (!deps.ecs) ecs.destroy()
  }
}

/** Re-creates the flags named in `keys` for another command. */
function passThrough(values: Record<string, unknown>, keys: string[]): string[] {
  return keys.flatMap((k) => (values[k] === true ? [`--${k}`] : typeof values[k] === 'string' ? [`--${k}`, values[k] as string] : []))
}

async function forward(command: 'health' | 'promote', args: string[], io: CliIO): Promise<number> {
  const module = command === 'health' ? await import('./health.js') : await import('./promote.js')
  return module.run(args, io)
}

/** `--promote-to-production`: the environment called production (or the one production-like environment). */
async function promoteToProduction(values: Record<string, unknown>, io: CliIO): Promise<number> {
  const { catalog } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) })
  const candidates = catalog.environments.has('production') ? ['production'] : [...catalog.environments.values()].filter(isProductionLike).map((e) => e.name)
  if (candidates.length !== 1) {
    throw new ConfigurationError(`--promote-to-production needs one production environment; ${catalog.dir}/environments has ${candidates.length ? candidates.join(', ') : 'none'} (use tierdeploy promote --to ENV)`)
  }
  const from = stringFlag(values, 'env')
  return forward('promote', ['--to', candidates[0]!, ...(from ? ['--from', from] : []), ...passThrough(values, ['catalog', 'tier', 'services', 'service', 'with-dependencies', 'dry-run', 'verbose', 'timeout-minutes'])], io)
}

/** --images FILE: a JSON object, service (name or alias) -> image pinned by digest. */
function readImages(catalog: Catalog, file: string | undefined, cwd: string): Record<string, string> {
  if (file === undefined) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'))
  } catch (e) {
    throw new ConfigurationError(`--images ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigurationError(`--images ${file} must hold a JSON object, service -> REPOSITORY@sha256:DIGEST`)
  const images: Record<string, string> = {}
  for (const [name, image] of Object.entries(parsed)) {
    const service = resolveServiceName(catalog, name)
    if (typeof image !== 'string' || !isDigestImage(image)) throw new ConfigurationError(`--images ${file}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`)
    images[service.name] = image
  }
  return images
}
