import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { githubIO, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import {
  asCredentialsError,
  clusterFor,
  gateTargets,
  makeCloudFormationClient,
  makeEcsClient,
  readRunningImages,
  renderGateTable,
  renderRollbackTable,
  rollBackRecordedDeploy,
  runHealthGate,
  type EcsServiceResult,
  type GateEffects,
} from '@tierdeploy/aws'
import { loadCatalog, systemClock } from '@tierdeploy/catalog'
import { INPUTS, OUTPUTS } from './contract.js'
import { readGateInputs } from './inputs.js'

export interface HealthGateDeps {
  ecs?: ECSClient
  elb?: ElasticLoadBalancingV2Client
  cloudwatch?: CloudWatchClient
  cloudformation?: CloudFormationClient
  clock?: GateEffects['clock']
  timeoutSignal?: GateEffects['timeoutSignal']
}

export async function run(io: ActionIO = githubIO(), deps: HealthGateDeps = {}): Promise<void> {
  await runAction(async (io) => {
    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const inputs = readGateInputs(io, catalog)
    const { environment, services, deployResult, region } = inputs
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
      elb: deps.elb ?? new ElasticLoadBalancingV2Client({ region }),
      cloudwatch: deps.cloudwatch ?? new CloudWatchClient({ region }),
      clock: deps.clock ?? systemClock,
      log: io.log,
      ...(deps.timeoutSignal ? { timeoutSignal: deps.timeoutSignal } : {}),
    }
    const expected = Object.fromEntries((deployResult ?? []).filter((r) => (r.status === 'deployed' || r.status === 'unchanged') && r.taskDefinition).map((r) => [r.service, r.taskDefinition!]))
    const report = await runHealthGate(gateTargets(catalog, environment, services, inputs.targetGroups, io.log), {
      cluster,
      checks: inputs.checks,
      timeoutMs: inputs.timeoutSeconds * 1000,
      bakeMs: inputs.bakeSeconds * 1000,
      expectedTaskDefinitions: expected,
    }, effects)

    // What the checked services run, pinned by digest: a promotion deploys exactly these elsewhere. Only a passed gate
    // vouches for them; asked for (read-images), a service whose image cannot be promoted (a mutable tag, an
    // unfinished rollout) fails it. Not asked for, a service on a mutable tag is no reason to fail a tier's gate.
    let images: Record<string, string> = {}
    let imagesProblem: unknown
    if (report.passed && inputs.readImages) {
      try {
        images = await readRunningImages(catalog, environment, services.map((s) => s.name), cluster, { ecs: effects.ecs, clock: effects.clock, log: io.log, cloudformation })
      } catch (e) {
        imagesProblem = asCredentialsError(e)
      }
    }
    io.setOutput(OUTPUTS.passed, String(report.passed && imagesProblem === undefined))
    io.setOutput(OUTPUTS.report, JSON.stringify(report.outcomes))
    io.setOutput(OUTPUTS.images, JSON.stringify(images))
    let rolledBack: EcsServiceResult[] = []
    let rollbackNote = ''
    if (!report.passed && inputs.rollbackOnFailure) {
      // The recorded revisions, by the one rule ecs-deploy's rollback-version recorded also follows.
      rolledBack = (await rollBackRecordedDeploy(deployResult!, { cluster }, effects)).filter((r) => r.status !== 'skipped')
      const failedRollbacks = rolledBack.filter((r) => r.status !== 'rolled-back')
      rollbackNote = renderRollbackTable(rolledBack)
      if (failedRollbacks.length) io.log.error(`rollback did not settle for ${failedRollbacks.map((r) => r.service).join(', ')}: they need attention`)
    }
    io.setOutput(OUTPUTS.rolledBack, JSON.stringify(rolledBack))
    const imagesNote = imagesProblem === undefined ? '' : `\n**The gate fails**: the checks passed, but the images the services run cannot be read: ${(imagesProblem as Error).message}\n`
    await io.summary(`${renderGateTable(report, `health gate (${environment.name})`)}${rollbackNote}${imagesNote}`)
    if (imagesProblem !== undefined) throw imagesProblem
    if (!report.passed) {
      const failed = report.outcomes.filter((o) => o.status === 'failed')
      const what = failed.map((o) => `${o.service} ${o.check}: ${o.detail}`).join('; ')
      // A failed gate is a verdict about the services, not a configuration mistake: fail the step with the why.
      io.setFailed(`health gate failed (${failed.length} check${failed.length === 1 ? '' : 's'})${inputs.rollbackOnFailure ? `; rolled back ${rolledBack.filter((r) => r.status === 'rolled-back').length} service(s)` : ''}: ${what}`)
    }
  }, io)
}
