import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { ConfigurationError, serviceSettings, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { findStack } from './cloudformation/stacks.js'
import { mapWithConcurrency } from './ecs/concurrency.js'
import { rethrowConfigurationError } from './ecs/errors.js'
import { isDigestImage } from './ecs/render.js'
import type { EcsEffects } from './ecs/types.js'
import { describeServices } from './ecs/wait.js'
import { rolloutVerdict, taskDefinitionName } from './ecs/rollout.js'
import { runHealthGate } from './health/gate.js'
import { gateTargets } from './health/targets.js'
import type { GateEffects, GateOptions, GateReport } from './health/types.js'

export interface RunningImagesEffects extends EcsEffects {
  /** Needed only when a service is `deployVia: cloudformation` (its image is a stack parameter). */
  cloudformation?: () => Promise<CloudFormationClient>
}

/** What an environment runs, pinned: each service's image by digest, and (ECS services) its task definition. */
export interface RunningRelease {
  images: Record<string, string>
  taskDefinitions: Record<string, string>
}

/**
 * The image each service runs in an environment, pinned by digest: what promotion hands to the next environment,
 * so production receives exactly what staging verified and nothing is rebuilt. For an ECS service it is the image of
 * its container in the PRIMARY deployment's task definition; for a stack-owned service, the stack's image
 * parameter. Every problem (a missing service, a rollout still in progress, a mutable tag) is reported together.
 */
export async function readRunningRelease(catalog: Catalog, environment: Environment, services: string[], cluster: string, effects: RunningImagesEffects): Promise<RunningRelease> {
  const problems: string[] = []
  const images: Record<string, string> = {}
  const viaEcs = services.filter((n) => catalog.services.get(n)?.deployVia !== 'cloudformation')
  const viaStack = services.filter((n) => catalog.services.get(n)?.deployVia === 'cloudformation')

  const described = await describeServices(viaEcs, cluster, effects)
  if (described.error) throw new Error(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`)
  for (const name of described.missing) problems.push(`${name}: no such service in cluster ${cluster}`)
  const taskDefinitions = new Map<string, string>()
  for (const name of viaEcs) {
    const service = described.services.get(name)
    if (!service) continue
    const verdict = rolloutVerdict(service)
    if (verdict.state !== 'done') {
      problems.push(`${name}: its rollout is not finished in ${environment.name} (${verdict.detail}); promote only what finished deploying`)
      continue
    }
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
    const taskDefinition = primary?.taskDefinition ?? service.taskDefinition
    if (taskDefinition) taskDefinitions.set(name, taskDefinition)
    else problems.push(`${name}: runs no task definition in ${environment.name}`)
  }

  await mapWithConcurrency([...taskDefinitions], 10, async ([name, arn]) => {
    try {
      const { taskDefinition } = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))
      const containerName = serviceSettings(catalog, catalog.services.get(name)!, environment).containerName
      const image = taskDefinition?.containerDefinitions?.find((c) => c.name === containerName)?.image
      if (!image) problems.push(`${name}: ${arn} has no container named ${containerName} (set container.name in ${catalog.file})`)
      else if (!isDigestImage(image)) problems.push(`${name}: runs ${image}, a mutable tag; promotion takes only images pinned by digest (deploy it with build-push's output first)`)
      else images[name] = image
    } catch (e) {
      rethrowConfigurationError(e, { cluster, service: name })
      throw e
    }
  })

  if (viaStack.length) {
    const cloudformation = await effects.cloudformation!()
    for (const name of viaStack) {
      const { stack, imageParameter } = catalog.services.get(name)!.cloudformation!
      const found = await findStack(cloudformation, stack)
      const image = found?.Parameters?.find((p) => p.ParameterKey === imageParameter)?.ParameterValue
      if (!found) problems.push(`${name}: stack ${stack} does not exist`)
      else if (!image) problems.push(`${name}: stack ${stack} has no parameter ${imageParameter}`)
      else if (!isDigestImage(image)) problems.push(`${name}: stack ${stack} runs ${image}, a mutable tag; promotion takes only images pinned by digest`)
      else images[name] = image
    }
  }

  if (problems.length) {
    throw new ConfigurationError(`cannot promote from ${environment.name}:\n  ${problems.sort().join('\n  ')}`)
  }
  return { images: sortedRecord(images), taskDefinitions: sortedRecord(Object.fromEntries(taskDefinitions)) }
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))
}

export interface ReleaseGateRequest {
  catalog: Catalog
  environment: Environment
  services: Service[]
  cluster: string
  gate: Omit<GateOptions, 'cluster' | 'expectedTaskDefinitions'>
  /** Target groups given by the caller (the health gate's input), service -> ARNs. */
  targetGroups?: Record<string, string[]>
}

export interface ReleaseGateResult {
  report: GateReport
  /** What the gate vouched for: set only when the gate passed and nothing changed while it ran. */
  release?: RunningRelease
}

/**
 * The promotion gate: reads the exact task definitions and digests the source environment runs FIRST, gates those
 * (a service whose PRIMARY moves to another revision during the gate fails it), then reads them again and refuses if
 * anything changed. So what is promoted is exactly what was checked, even if a deploy lands in the source meanwhile.
 */
export async function gateRunningRelease(request: ReleaseGateRequest, effects: GateEffects & RunningImagesEffects): Promise<ReleaseGateResult> {
  const { catalog, environment, services, cluster } = request
  const names = services.map((s) => s.name)
  const before = await readRunningRelease(catalog, environment, names, cluster, effects)
  const report = await runHealthGate(gateTargets(catalog, environment, services, request.targetGroups ?? {}, effects.log), { ...request.gate, cluster, expectedTaskDefinitions: before.taskDefinitions }, effects)
  if (!report.passed) return { report }
  const after = await readRunningRelease(catalog, environment, names, cluster, effects)
  const moved = names
    .filter((n) => before.images[n] !== after.images[n] || before.taskDefinitions[n] !== after.taskDefinitions[n])
    .map((n) => `${n}: ran ${shortRevision(before.taskDefinitions[n]) ?? before.images[n]} when the gate started, ${shortRevision(after.taskDefinitions[n]) ?? after.images[n]} when it ended`)
  if (moved.length) {
    throw new ConfigurationError(`${environment.name} changed while its health gate ran, so the gate did not check what it runs now; nothing was promoted (run the promotion again):\n  ${moved.join('\n  ')}`)
  }
  return { report, release: before }
}

function shortRevision(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : taskDefinitionName(arn)
}
