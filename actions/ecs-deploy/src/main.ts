import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { STSClient } from '@aws-sdk/client-sts'
import { githubIO, readString, runAction, writeInputFile, type ActionIO } from '@tierdeploy/action-kit'
// The AWS code (the SDK clients and the deploy engine) loads once the inputs are read: a step that fails on an
// input or the catalog starts no faster than it has to (issue 16: cold start).
import type { EcsServiceResult, RollbackVersion } from '@tierdeploy/aws'
// Preflight's clients (IAM, EC2, SSM, Secrets Manager, Service Quotas) load only when it runs: not on every start.
import type { PreflightClients } from '@tierdeploy/aws/preflight'
import { loadCatalog, systemClock, type Catalog, type Clock, type Environment } from '@tierdeploy/catalog'
import { estimateCost, loadPricing, renderCostSection } from '@tierdeploy/cost'
import { resolveDeployWaves, type Plan } from '@tierdeploy/graph'
import { INPUTS, OUTPUTS } from './contract.js'
import { readDeployInputs, type DeployInputs, type RollbackTo } from './inputs.js'

/** What tests replace: the clock and the AWS clients (pointed at the fake control plane). */
export interface Overrides {
  clock?: Clock
  ecs?: ECSClient
  sts?: STSClient
  cloudformation?: CloudFormationClient
  ecr?: ECRClient
  /** The clients preflight reads with (ecs and ecr above are used for it too). */
  preflight?: Partial<PreflightClients>
}

type Aws = typeof import('@tierdeploy/aws')
type Effects = Parameters<Aws['rollBackServices']>[2]

export async function run(io: ActionIO = githubIO(), overrides: Overrides = {}): Promise<void> {
  await runAction(async (io) => {
    // A missing environment fails before anything loads (readDeployInputs checks it against the catalog below).
    readString(io, INPUTS.environment, { required: true })
    const catalogDir = readString(io, INPUTS.catalog, { default: 'catalog' })
    const { catalog, warnings } = await loadCatalog({ dir: catalogDir })
    for (const w of warnings) io.annotate(w)
    const inputs = readDeployInputs(io, catalog)
    // Waves from the graph: also rejects services disabled or not enabled in this environment, before any AWS call.
    const plan = inputs.services.length ? resolveDeployWaves(catalog, { services: inputs.services }, inputs.environment) : { tiers: [] }
    const waves = plan.tiers.flatMap((t) => t.waves).map((w) => w.filter((n) => catalog.services.get(n)?.kind === 'service')).filter((w) => w.length)

    const { region } = inputs
    const aws = await import('@tierdeploy/aws')
    const { clusterFor, deployEcsServices, lineRenderer, makeCloudFormationClient, makeEcrClient, makeEcsClient, renderEcsResultTable, SessionExpiredError, verifyCallerAccount } = aws
    // Before any AWS call of the step (a stack output of another account would name the wrong cluster), in every mode.
    await verifyCallerAccount(inputs.environment, { sts: overrides.sts, region }, io.log)
    const cloudformationFactory = async () => overrides.cloudformation ?? makeCloudFormationClient(region)
    const cluster = await clusterFor(inputs.environment, inputs.clusterOverride, `the '${INPUTS.cluster}' input`, {
      cloudformation: cloudformationFactory,
      ...(inputs.terraformOutputs ? { terraformOutputs: inputs.terraformOutputs } : {}),
    })
    const ecs = overrides.ecs ?? makeEcsClient({ region })
    const clock = overrides.clock ?? systemClock
    const effects = { ecs, clock, log: io.log }
    const timeoutMs = inputs.timeoutMinutes * 60_000
    const recorded = inputs.mode === 'rollback' && inputs.rollbackTo.kind === 'recorded'
    const title = `tierdeploy ecs-deploy${inputs.mode === 'rollback' ? ` (rollback${recorded ? ' to recorded revisions' : ''})` : inputs.dryRun ? ' (dry run)' : ''}: ${inputs.environment.name}, cluster ${cluster}`
    const publish = async (results: EcsServiceResult[], heading: string): Promise<void> => {
      const json = JSON.stringify(results)
      io.setOutput(OUTPUTS.result, json)
      if (inputs.resultFile) writeInputFile(INPUTS.resultFile, inputs.resultFile, json)
      await io.summary(renderEcsResultTable(results, heading, { mode: inputs.mode === 'rollback' ? 'rollback' : 'deploy', tiers: plan.tiers }) + (inputs.mode === 'deploy' ? costSection(catalog, inputs.environment, catalogDir, io) : ''))
    }

    let results: EcsServiceResult[]
    let ok: boolean
    try {
      if (inputs.mode === 'rollback') {
        ;({ results, ok } = await rollBack(aws, inputs, inputs.rollbackTo, cluster, timeoutMs, effects))
      } else {
        const needsStacks = inputs.services.some((n) => catalog.services.get(n)?.deployVia === 'cloudformation')
        const cloudformation = needsStacks ? await cloudformationFactory() : undefined
        if (inputs.preflight && !(await preflightPasses(inputs, catalog, plan, cluster, io, { ecs, ...(overrides.ecr ? { ecr: overrides.ecr } : {}), ...overrides.preflight }))) return
        // One log line per state change (a wave, a rollout's task counts, a settled service), each wave a ::group::.
        const progress = lineRenderer((line) => io.log.info(line), { groups: true })
        const outcome = await deployEcsServices(
          {
            catalog,
            environment: inputs.environment,
            cluster,
            waves,
            images: inputs.images,
            ...(inputs.commitSha ? { commitSha: inputs.commitSha } : {}),
            deployId: inputs.deployId,
            dryRun: inputs.dryRun,
            rollbackOnFailure: inputs.rollbackOnFailure,
            serviceTimeoutMs: timeoutMs,
            region,
          },
          { ...effects, ...(cloudformation ? { cloudformation } : {}), ecr: async () => overrides.ecr ?? makeEcrClient({ region }), progress: (e) => progress.event(e) },
        ).finally(() => progress.close())
        if (inputs.dryRun) for (const [service, lines] of Object.entries(outcome.diffs)) io.log.info(`${service}: would register a new revision:\n  ${lines.join('\n  ')}`)
        results = outcome.results
        ok = outcome.ok
      }
    } catch (e) {
      // What changed before the session expired is still written, so a later job can roll it back (recorded).
      if (e instanceof SessionExpiredError && e.results) await publish(e.results, `${title} (AWS session expired)`)
      throw e
    }

    await publish(results, title)
    if (!ok) {
      const good = inputs.mode === 'rollback' ? ['rolled-back', 'skipped'] : ['deployed', 'unchanged', 'would-deploy']
      const bad = results.filter((r) => !good.includes(r.status))
      io.setFailed(`${inputs.mode === 'rollback' ? 'rollback' : 'deploy'} failed: ${bad.map((r) => `${r.service} ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('; ')}`)
    }
  }, io)
}

/**
 * Input `preflight` (default true): the read-only checks, before any write. A failing check fails the step with the
 * checks' table in the job summary; warnings and unknowns (a denied read) are logged and the deploy goes on.
 */
async function preflightPasses(inputs: DeployInputs, catalog: Catalog, plan: Pick<Plan, 'tiers'>, cluster: string, io: ActionIO, given: Partial<PreflightClients>): Promise<boolean> {
  const { makePreflightClients, preflightServices, preflightVerdict, renderPreflight, runPreflight } = await import('@tierdeploy/aws/preflight')
  const services = preflightServices(catalog, plan)
  if (services.length === 0) return true
  const { clients, destroy } = await makePreflightClients({ region: inputs.region }, given)
  try {
    const report = await runPreflight({ catalog, environment: inputs.environment, cluster, region: inputs.region, services, images: inputs.images }, { clients, log: io.log })
    for (const f of report.findings) if (f.status === 'warn' || f.status === 'unknown') io.log.warning(`preflight ${f.check}: ${f.resource}: ${f.message}`)
    if (report.ok) {
      io.log.info(preflightVerdict(report))
      return true
    }
    await io.summary(renderPreflight(report, 'markdown'))
    const failures = report.findings.filter((f) => f.status === 'fail').map((f) => `${f.resource}: ${f.message}`)
    io.setFailed(`${preflightVerdict(report)}; nothing was deployed (input '${INPUTS.preflight}: false' skips the checks):\n${failures.join('\n')}`)
    return false
  } finally {
    destroy()
  }
}

/**
 * What the environment costs a month, for the deploy summary. An estimate is never worth failing a deploy over, so
 * a pricing problem (a region the table lacks, a bad catalog/pricing.yaml) becomes a warning.
 */
function costSection(catalog: Catalog, environment: Environment, catalogDir: string, io: ActionIO): string {
  try {
    const { table, overrides } = loadPricing({ catalogDir })
    return `\n${renderCostSection(estimateCost(catalog, environment, table, overrides))}`
  } catch (e) {
    io.log.warning(`no cost section in the summary: ${(e as Error).message}`)
    return ''
  }
}

async function rollBack(aws: Aws, inputs: DeployInputs, to: RollbackTo, cluster: string, timeoutMs: number, effects: Effects): Promise<{ results: EcsServiceResult[]; ok: boolean }> {
  const results = to.kind === 'recorded' ? await rollBackToRecorded(aws, inputs, to, cluster, timeoutMs, effects) : await rollBackToVersion(aws, inputs, to.version, cluster, timeoutMs, effects)
  return { results, ok: results.every((r) => r.status === 'rolled-back' || r.status === 'skipped' || r.status === 'would-deploy') }
}

/** Resolves every service's target first (a service with nothing to roll back to stops the step before any write). */
async function rollBackToVersion(aws: Aws, inputs: DeployInputs, version: RollbackVersion, cluster: string, timeoutMs: number, effects: Effects): Promise<EcsServiceResult[]> {
  const targets: { service: string; taskDefinition: string }[] = []
  for (const service of inputs.services) {
    const { target } = await aws.resolveRollbackTarget(service, version, { cluster }, effects)
    targets.push({ service, taskDefinition: target })
  }
  if (inputs.dryRun) return targets.map((t) => wouldRollBack(t.service, t.taskDefinition))
  return aws.rollBackServices(targets, { cluster, timeoutMs }, effects)
}

/**
 * Rolls back what the deploy result file records as deployed, to the revisions it recorded (the rule is
 * recordedRollbackTargets, shared with health-gate). Listed services the file has no entry for are skipped.
 */
async function rollBackToRecorded(aws: Aws, inputs: DeployInputs, to: Extract<RollbackTo, { kind: 'recorded' }>, cluster: string, timeoutMs: number, effects: Effects): Promise<EcsServiceResult[]> {
  const wanted = new Set(inputs.services)
  const entries = to.result.filter((r) => wanted.has(r.service))
  let done: EcsServiceResult[]
  if (inputs.dryRun) {
    const { targets, leftAlone } = aws.recordedRollbackTargets(entries)
    done = [...targets.map((t) => wouldRollBack(t.service, t.taskDefinition)), ...leftAlone]
  } else {
    done = await aws.rollBackRecordedDeploy(entries, { cluster, timeoutMs }, effects)
  }
  const byService = new Map(done.map((r) => [r.service, r]))
  return inputs.services.map((service) => byService.get(service) ?? { service, status: 'skipped', reason: `not rolled back: ${to.file} records no deploy of it` })
}

function wouldRollBack(service: string, taskDefinition: string): EcsServiceResult {
  return { service, status: 'would-deploy', taskDefinition, reason: 'dry run: would roll back to this revision' }
}
