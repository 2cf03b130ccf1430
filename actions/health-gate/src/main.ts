import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { STSClient } from '@aws-sdk/client-sts'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { githubIO, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
// The AWS code (SDK clients included) loads once the inputs and the catalog are read (issue 16: cold start); the
// input parsers come from @tierdeploy/aws/inputs, which has no SDK.
import type { EcsServiceResult, GateEffects, GateReport } from '@tierdeploy/aws'
import { loadCatalog, systemClock } from '@tierdeploy/catalog'
import { INPUTS, OUTPUTS } from './contract.js'
import { readGateInputs } from './inputs.js'

export interface HealthGateDeps {
  ecs?: ECSClient
  elb?: ElasticLoadBalancingV2Client
  cloudwatch?: CloudWatchClient
  cloudformation?: CloudFormationClient
  sts?: STSClient
  clock?: GateEffects['clock']
  timeoutSignal?: GateEffects['timeoutSignal']
}

export async function run(io: ActionIO = githubIO(), deps: HealthGateDeps = {}): Promise<void> {
  await runAction(async (io) => {
    // A missing environment fails before anything loads (readGateInputs checks it against the catalog below).
    readString(io, INPUTS.environment, { required: true })
    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const inputs = readGateInputs(io, catalog)
    const { asCredentialsError, clusterFor, gateTargets, makeCloudFormationClient, makeCloudWatchClient, makeEcsClient, makeElbClient, gateRunningRelease, renderGateTable, renderRollbackTable, rollBackRecordedDeploy, runHealthGate, verifyCallerAccount } = await import('@tierdeploy/aws')
    const { environment, services, deployResult, region } = inputs
    // Before any AWS call: the gate may roll back, and the images it vouches for are promoted elsewhere.
    await verifyCallerAccount(environment, { sts: deps.sts, region }, io.log)
    const cloudformation = async () => deps.cloudformation ?? makeCloudFormationClient(region)
    const cluster = await clusterFor(environment, inputs.clusterOverride, `the '${INPUTS.cluster}' input`, { cloudformation, ...(inputs.terraformOutputs ? { terraformOutputs: inputs.terraformOutputs } : {}) })
    if (services.length === 0) {
      io.setOutput(OUTPUTS.passed, 'true')
      io.setOutput(OUTPUTS.report, '[]')
      io.setOutput(OUTPUTS.rolledBack, '[]')
      io.setOutput(OUTPUTS.images, '{}')
      await io.summary('### health gate: nothing to check\n')
      return
    }

    const effects: GateEffects = {
      ecs: deps.ecs ?? makeEcsClient({ region }),
      elb: deps.elb ?? (await makeElbClient({ region })),
      cloudwatch: deps.cloudwatch ?? (await makeCloudWatchClient({ region })),
      clock: deps.clock ?? systemClock,
      log: io.log,
      ...(deps.timeoutSignal ? { timeoutSignal: deps.timeoutSignal } : {}),
    }
    const expected = Object.fromEntries((deployResult ?? []).filter((r) => (r.status === 'deployed' || r.status === 'unchanged') && r.taskDefinition).map((r) => [r.service, r.taskDefinition!]))
    const gate = { checks: inputs.checks, timeoutMs: inputs.timeoutSeconds * 1000, bakeMs: inputs.bakeSeconds * 1000 }

    // With read-images (a promotion's gate): the exact revisions and digests the services run are read first, gated,
    // and read again; a service whose image cannot be promoted (a mutable tag, an unfinished rollout) or that changed
    // during the gate fails it. Without it (a tier's gate), a service on a mutable tag is no reason to fail.
    let images: Record<string, string> = {}
    let imagesProblem: unknown
    let report: GateReport
    if (inputs.readImages) {
      try {
        const gated = await gateRunningRelease({ catalog, environment, services, cluster, gate, ...(inputs.targetGroups ? { targetGroups: inputs.targetGroups } : {}) }, { ...effects, cloudformation })
        report = gated.report
        images = gated.release?.images ?? {}
      } catch (e) {
        imagesProblem = asCredentialsError(e)
        report = { passed: false, outcomes: [], seconds: 0 }
      }
    } else {
      report = await runHealthGate(gateTargets(catalog, environment, services, inputs.targetGroups, io.log), { ...gate, cluster, expectedTaskDefinitions: expected }, effects)
    }
    io.setOutput(OUTPUTS.passed, String(report.passed && imagesProblem === undefined))
    io.setOutput(OUTPUTS.report, JSON.stringify(report.outcomes))
    io.setOutput(OUTPUTS.images, JSON.stringify(images))
    let rolledBack: EcsServiceResult[] = []
    let rollbackNote = ''
    if (!report.passed && imagesProblem === undefined && inputs.rollbackOnFailure) {
      // The recorded revisions, by the one rule ecs-deploy's rollback-version recorded also follows.
      rolledBack = (await rollBackRecordedDeploy(deployResult!, { cluster }, effects)).filter((r) => r.status !== 'skipped')
      const failedRollbacks = rolledBack.filter((r) => r.status !== 'rolled-back')
      rollbackNote = renderRollbackTable(rolledBack)
      if (failedRollbacks.length) io.log.error(`rollback did not settle for ${failedRollbacks.map((r) => r.service).join(', ')}: they need attention`)
    }
    io.setOutput(OUTPUTS.rolledBack, JSON.stringify(rolledBack))
    const imagesNote = imagesProblem === undefined ? '' : `\n**The gate fails**: what the services run cannot be promoted: ${(imagesProblem as Error).message}\n`
    const table = report.outcomes.length || imagesProblem === undefined ? renderGateTable(report, `health gate (${environment.name})`) : `### ❌ health gate (${environment.name}) failed\n`
    await io.summary(`${table}${imagesNote}${rollbackNote}`)
    if (imagesProblem !== undefined) throw imagesProblem
    if (!report.passed) {
      const failed = report.outcomes.filter((o) => o.status === 'failed')
      const what = failed.map((o) => `${o.service} ${o.check}: ${o.detail}`).join('; ')
      // A failed gate is a verdict about the services, not a configuration mistake: fail the step with the why.
      io.setFailed(`health gate failed (${failed.length} check${failed.length === 1 ? '' : 's'})${inputs.rollbackOnFailure ? `; rolled back ${rolledBack.filter((r) => r.status === 'rolled-back').length} service(s)` : ''}: ${what}`)
    }
  }, io)
}
