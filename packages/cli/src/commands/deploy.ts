// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { STSClient } from '@aws-sdk/client-sts'
import {
  clusterFor,
  deployPlan,
  makeCloudFormationClient,
  isDigestImage,
  makeEcrClient,
  makeEcsClient,
  parseRollbackVersion,
  regionFor,
  renderEcsResultText,
  resolveRollbackTarget,
  rollBackService,
  shortTaskDefinition,
  TAG_COMMIT,
  verifyCallerAccount,
  type DeployEvent,
  type EcsServiceResult,
} from '@tierdeploy/aws'
import { preflightServices, type PreflightClients } from '@tierdeploy/aws/preflight'
import { ConfigurationError, environmentNamed, formatProblem, isProductionLike, loadCatalog, streamLogger, systemClock, type Catalog, type Clock, type Environment } from '@tierdeploy/catalog'
import { Git, gitRunner } from '@tierdeploy/changes'
import { renderPlanText, resolveDeployWaves, resolveServiceName } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'
import { progressLogger, progressRendererFor } from '../progress.js'
import { selectionFromFlags, selectionOptions } from '../selection.js'
import { preflightBeforeDeploy } from './preflight.js'

export const usage = [
  'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
  '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--no-preflight] [--yes] [--verbose]',
  '                  [--quiet | --json]',
  '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run] [--yes]',
  '',
  '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
  '                    without an image keep theirs; only their catalog environment and secrets are applied.',
  '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
  '  --no-rollback     on failure, leave services as they are instead of putting them back.',
  '  --no-preflight    skip the read-only checks (tierdeploy preflight) a deploy, dry runs included, runs first;',
  '                    a failing check stops the deploy before any write.',
  '  --commit SHA      the commit the registered revisions are tagged with (tierdeploy:commit), what',
  '                    --rollback SERVICE --version SHA finds later. Default: GITHUB_SHA in GitHub Actions, else',
  '                    the HEAD commit of the repository holding the catalog (refused outside a git repository).',
  '  --yes             deploy to an environment with requireApproval: true without asking. Without it such a',
  '                    deploy shows its plan and asks for confirmation, and is refused when not in a terminal.',
  '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
  '  --quiet           no progress: only warnings, errors and the result table.',
  '  --json            progress as newline-delimited JSON events on stdout, ending with one {"type":"result"} event',
  '                    (ok, results, diffs) instead of the table. Without either: a live view in a terminal, one',
  '                    line per state change otherwise (in ::group:: blocks when GITHUB_ACTIONS=true).',
  '  --health-check [--promote-to-production]   run tierdeploy health on --env; with --promote-to-production, run',
  '                    tierdeploy promote from --env (or production\'s promotesFrom) to production instead.',
].join('\n')

/** Where the approval question is asked; a TTY on both sides, or the deploy is refused without --yes. */
export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream & { isTTY?: boolean }
}

/** What tests replace: the AWS clients (pointed at the fake control plane), the clock and the terminal. */
export interface DeployDeps {
  ecs?: ECSClient
  /** Asked once per run for the caller's account (verifyCallerAccount). */
  sts?: STSClient
  cloudformation?: CloudFormationClient
  ecr?: ECRClient
  /** The clients preflight reads with (the ECS and ECR clients above are used for it too). */
  preflight?: Partial<PreflightClients>
  clock?: Clock
  /** Defaults to the process's stdin and stdout. */
  terminal?: Terminal
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
    'no-preflight': { type: 'boolean' },
    rollback: { type: 'string' },
    version: { type: 'string' },
    verbose: { type: 'boolean' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    'health-check': { type: 'boolean' },
    'promote-to-production': { type: 'boolean' },
    yes: { type: 'boolean' },
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
  if (values.quiet && values.json) throw new UsageError('--quiet and --json do not go together: --json already prints only events')
  const timeoutText = stringFlag(values, 'timeout-minutes') ?? '15'
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 180) throw new UsageError(`--timeout-minutes must be a whole number from 1 to 180, got '${timeoutText}'`)
  const timeoutMs = Number(timeoutText) * 60_000

  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const region = regionFor(environment, { override: stringFlag(values, 'region'), overrideName: '--region', env: io.env })
  const cluster = await clusterFor(environment, stringFlag(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? makeCloudFormationClient(region) })
  const log = streamLogger(io.stderr, values.verbose === true)
  const clock = deps.clock ?? systemClock
  const ecs = deps.ecs ?? makeEcsClient({ region })
  const effects = { ecs, clock, log }
  const dryRun = values['dry-run'] === true
  // A dry run writes nothing, so it needs no confirmation.
  const approval = environment.requireApproval === true && !dryRun && values.yes !== true
  const terminal = deps.terminal ?? { input: process.stdin, output: process.stdout }

  try {
    // Before the first call that could write (and before a dry run reads what it would change): credentials of another
    // account than the environment's are refused here, whatever the mode.
    await verifyCallerAccount(environment, { sts: deps.sts, region }, log)
    if (rollbackService !== undefined) {
      const service = resolveServiceName(catalog, rollbackService)
      if (service.deployVia === 'cloudformation') throw new ConfigurationError(`${service.name} is deployed via CloudFormation stack ${service.cloudformation?.stack}: roll it back by deploying its previous image`)
      const target = parseRollbackVersion(version ?? 'previous', '--version')
      if (approval) {
        refuseWithoutTerminal(environment, terminal)
        const { current, target: to } = await resolveRollbackTarget(service.name, target, { cluster }, effects)
        if (!(await confirm(`${service.name}: roll back ${current} -> ${to}`, environment, terminal, io))) return notConfirmed(environment, io)
      }
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
    const commitSha = await deployCommit(stringFlag(values, 'commit'), io.env, catalog, dryRun)
    if (!values.images) log.warning('no --images: every service keeps its running image; the catalog settings (cpu, memory, environment, secrets, port) are applied')
    if (approval) refuseWithoutTerminal(environment, terminal)
    if (values['no-preflight'] !== true) {
      const request = { catalog, environment, cluster, region, services: preflightServices(catalog, plan), images }
      if (!(await preflightBeforeDeploy(request, { io, log, region, clients: { ecs, ...(deps.ecr ? { ecr: deps.ecr } : {}), ...deps.preflight } }))) return 1
    }
    const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`
    const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation')
    const cloudformation = deps.cloudformation ?? (needsStacks ? await makeCloudFormationClient(region) : undefined)
    const renderer = progressRendererFor(io, { json: values.json === true, quiet: values.quiet === true })
    const deploy = (asDryRun: boolean) => deployPlan(
      {
        plan,
        catalog,
        environment,
        cluster,
        images,
        ...(commitSha ? { commitSha } : {}),
        deployId,
        dryRun: asDryRun,
        rollbackOnFailure: values['no-rollback'] !== true,
        serviceTimeoutMs: timeoutMs,
        region,
      },
      {
        ...effects,
        ...(cloudformation ? { cloudformation } : {}),
        ecr: async () => deps.ecr ?? makeEcrClient({ region }),
        // A dry run only reads: its log says what it found. A deploy shows its progress instead.
        ...(asDryRun ? {} : { log: progressLogger(renderer, values.verbose === true), progress: (e: DeployEvent) => renderer.event(e) }),
      },
    ).finally(() => renderer.close())
    if (approval) {
      // The plan the reviewer confirms is the dry run's: every service and its task-definition change.
      const preview = await deploy(true)
      if (preview.results.length > 0) {
        const summary = `${renderPlanText(plan)}\n${renderDryRun(preview.results, preview.diffs).join('\n')}`
        if (!(await confirm(summary, environment, terminal, io))) return notConfirmed(environment, io)
      }
    }
    const { results, ok, diffs } = await deploy(dryRun)
    if (values.json) {
      io.stdout(JSON.stringify({ type: 'result', ok, results, diffs }))
      return ok ? 0 : 1
    }
    if (dryRun) for (const line of renderDryRun(results, diffs)) io.stdout(line)
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

/** Each service's line of a dry run: its task-definition change, or its status. */
function renderDryRun(results: EcsServiceResult[], diffs: Record<string, string[]>): string[] {
  return results.map((r) => {
    const diff = diffs[r.service]
    return diff ? `${r.service}: would register a new revision of ${r.previousTaskDefinition ? shortTaskDefinition(r.previousTaskDefinition) : '?'}\n  ${diff.join('\n  ')}` : `${r.service}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`
  })
}

/**
 * The commit the registered revisions are tagged with (TAG_COMMIT), so `--rollback SERVICE --version SHA` finds them:
 * --commit, else GITHUB_SHA (the workflow's commit), else the HEAD of the repository holding the catalog. Outside a
 * repository a deploy is refused rather than registering revisions no commit rollback could find; a dry run registers
 * nothing and needs none.
 */
async function deployCommit(flag: string | undefined, env: NodeJS.ProcessEnv, catalog: Catalog, dryRun: boolean): Promise<string | undefined> {
  const given = flag ?? env.GITHUB_SHA
  if (given !== undefined) {
    if (!/^[0-9a-f]{7,40}$/i.test(given)) throw new UsageError(`--commit must be a commit SHA (7 to 40 hex characters), got '${given}'`)
    return given.toLowerCase()
  }
  if (dryRun) return undefined
  const head = await new Git(gitRunner(catalog.root, env)).commitOf('HEAD')
  if (head) return head
  throw new ConfigurationError(`${catalog.root} is not in a git repository with a commit, so the revisions this deploy registers could not be tagged with their commit (${TAG_COMMIT}) for --rollback SERVICE --version SHA: run in a clone of the repository, or give --commit SHA`)
}

/** Without a terminal to ask in, a deploy to a requireApproval environment needs --yes: say so before any write. */
function refuseWithoutTerminal(environment: Environment, terminal: Terminal): void {
  if (terminal.input.isTTY && terminal.output.isTTY) return
  throw new ConfigurationError(`environment ${environment.name} sets requireApproval: true (${environment.file}), and there is no terminal to confirm in: run in a terminal to confirm the plan, or pass --yes to deploy without asking`)
}

/** Shows what is about to happen and asks; only "y" or "yes" confirms (an empty answer or end of input does not). */
async function confirm(summary: string, environment: Environment, terminal: Terminal, io: CliIO): Promise<boolean> {
  io.stdout(summary)
  const prompt = createInterface({ input: terminal.input, output: terminal.output, terminal: false })
  try {
    const closed = new Promise<string>((resolve) => prompt.once('close', () => resolve('')))
    const answer = await Promise.race([prompt.question(`Environment ${environment.name} requires approval (requireApproval: true). Deploy? [y/N] `), closed])
    return /^y(es)?$/i.test(answer.trim())
  } finally {
    prompt.close()
  }
}

function notConfirmed(environment: Environment, io: CliIO): number {
  io.stderr(`not confirmed: nothing was deployed to ${environment.name}`)
  return 1
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
  const { catalog } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  const candidates = catalog.environments.has('production') ? ['production'] : [...catalog.environments.values()].filter(isProductionLike).map((e) => e.name)
  if (candidates.length !== 1) {
    throw new ConfigurationError(`--promote-to-production needs one production environment; ${catalog.dir}/environments has ${candidates.length ? candidates.join(', ') : 'none'} (use tierdeploy promote --to ENV)`)
  }
  const from = stringFlag(values, 'env')
  return forward('promote', ['--to', candidates[0]!, ...(from ? ['--from', from] : []), ...passThrough(values, ['catalog', 'tier', 'services', 'service', 'with-dependencies', 'dry-run', 'verbose', 'timeout-minutes'])], io)
}

/** --images FILE: a JSON object, service (name or alias) -> image pinned by digest. */
export function readImages(catalog: Catalog, file: string | undefined, cwd: string): Record<string, string> {
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
