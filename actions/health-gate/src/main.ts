import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { githubIO, readBoolean, readInteger, readJson, readList, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import {
  canonicalTargetGroups,
  clusterFor,
  gateServices,
  gateTargets,
  makeEcsClient,
  parseChecks,
  parseDeployResult,
  parseTargetGroups,
  renderGateTable,
  renderRollbackTable,
  rollBackDeploy,
  runHealthGate,
  type CheckName,
  type EcsServiceResult,
  type GateEffects,
} from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, loadCatalog, systemClock } from '@tierdeploy/catalog'
import { INPUTS, OUTPUTS } from './contract.js'

export interface HealthGateDeps {
  ecs?: ECSClient
  elb?: ElasticLoadBalancingV2Client
  cloudwatch?: CloudWatchClient
  clock?: GateEffects['clock']
  timeoutSignal?: GateEffects['timeoutSignal']
}

export async function run(io: ActionIO = githubIO(), deps: HealthGateDeps = {}): Promise<void> {
  await runAction(async (io) => {
    const envName = readString(io, INPUTS.environment, { required: true })
    const checks: CheckName[] = parseChecks(readList(io, INPUTS.checks), INPUTS.checks)
    const timeoutSeconds = readInteger(io, INPUTS.timeoutSeconds, { default: 600, min: 0, max: 6 * 3600 })!
    const bakeSeconds = readInteger(io, INPUTS.bakeSeconds, { default: 120, min: 0, max: 6 * 3600 })!
    const rollback = readBoolean(io, INPUTS.rollbackOnFailure, false)
    const deployResultJson = readJson(io, INPUTS.deployResult)
    const deployResult: EcsServiceResult[] | undefined = deployResultJson === undefined ? undefined : parseDeployResult(deployResultJson, INPUTS.deployResult)
    if (rollback && !deployResult) throw new ConfigurationError(`input '${INPUTS.rollbackOnFailure}' needs '${INPUTS.deployResult}' (ecs-deploy's result output): it names the revisions to go back to`)
    const targetGroups = parseTargetGroups(readJson(io, INPUTS.targetGroups), INPUTS.targetGroups)

    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const environment = environmentNamed(catalog, envName)
    const services = gateServices(catalog, environment, {
      tier: readString(io, INPUTS.tier),
      services: readList(io, INPUTS.services),
      ...(deployResult ? { deployResult } : {}),
    })
    const terraformOutputs = readJson<Record<string, unknown>>(io, INPUTS.terraformOutputs)
    const cluster = await clusterFor(environment, readString(io, INPUTS.cluster) || undefined, `the '${INPUTS.cluster}' input`, terraformOutputs ? { terraformOutputs } : {})
    if (services.length === 0) {
      io.setOutput(OUTPUTS.passed, 'true')
      io.setOutput(OUTPUTS.report, '[]')
      io.setOutput(OUTPUTS.rolledBack, '[]')
      await io.summary('### health gate: nothing to check\n')
      return
    }

    const region = environment.region
    const effects: GateEffects = {
      ecs: deps.ecs ?? makeEcsClient({ region }),
      elb: deps.elb ?? new ElasticLoadBalancingV2Client({ region }),
      cloudwatch: deps.cloudwatch ?? new CloudWatchClient({ region }),
      clock: deps.clock ?? systemClock,
      log: io.log,
      ...(deps.timeoutSignal ? { timeoutSignal: deps.timeoutSignal } : {}),
    }
    const expected = Object.fromEntries((deployResult ?? []).filter((r) => (r.status === 'deployed' || r.status === 'unchanged') && r.taskDefinition).map((r) => [r.service, r.taskDefinition!]))
    const report = await runHealthGate(gateTargets(catalog, environment, services, canonicalTargetGroups(catalog, targetGroups, INPUTS.targetGroups), io.log), {
      cluster,
      checks,
      timeoutMs: timeoutSeconds * 1000,
      bakeMs: bakeSeconds * 1000,
      expectedTaskDefinitions: expected,
    }, effects)

    io.setOutput(OUTPUTS.passed, String(report.passed))
    io.setOutput(OUTPUTS.report, JSON.stringify(report.outcomes))
    let rolledBack: EcsServiceResult[] = []
    let rollbackNote = ''
    if (!report.passed && rollback) {
      rolledBack = await rollBackDeploy(deployResult!, cluster, effects)
      const failedRollbacks = rolledBack.filter((r) => r.status !== 'rolled-back')
      rollbackNote = renderRollbackTable(rolledBack)
      if (failedRollbacks.length) io.log.error(`rollback did not settle for ${failedRollbacks.map((r) => r.service).join(', ')}: they need attention`)
    }
    io.setOutput(OUTPUTS.rolledBack, JSON.stringify(rolledBack))
    await io.summary(`${renderGateTable(report, `health gate (${environment.name})`)}${rollbackNote}`)
    if (!report.passed) {
      const failed = report.outcomes.filter((o) => o.status === 'failed')
      const what = failed.map((o) => `${o.service} ${o.check}: ${o.detail}`).join('; ')
      // A failed gate is a verdict about the services, not a configuration mistake: fail the step with the why.
      io.setFailed(`health gate failed (${failed.length} check${failed.length === 1 ? '' : 's'})${rollback ? `; rolled back ${rolledBack.filter((r) => r.status === 'rolled-back').length} service(s)` : ''}: ${what}`)
    }
  }, io)
}
