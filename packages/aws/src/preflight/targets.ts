import { DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs'
import { isConfigurationError, serviceSettings } from '@tierdeploy/catalog'
import { resolveServiceName } from '@tierdeploy/graph'
import { mapWithConcurrency } from '../ecs/concurrency.js'
import { awsSetupError } from '../ecs/errors.js'
import { chooseBaseRevision, renderTaskDefinition, type BaseChoice } from '../ecs/render.js'
import { describeServicesInBatches } from '../ecs/rollout.js'
import { deniedFinding, errorName, isUnread } from './denied.js'
import type { PreflightFinding, PreflightRequest, PreflightTarget } from './types.js'

export const DEFAULT_PREFLIGHT_CONCURRENCY = 10

/**
 * The services as the deploy would find them (DescribeServices, 10 a call) and the task definition it would register
 * for each (renderTaskDefinition over the same base revision), so every later check judges exactly what the deploy
 * would run. A service that is missing, inactive, or whose task definition cannot be rendered is a failing finding.
 */
export async function readPreflightTargets(request: PreflightRequest, ecs: ECSClient): Promise<{ targets: PreflightTarget[]; findings: PreflightFinding[] }> {
  const findings: PreflightFinding[] = []
  const targets: PreflightTarget[] = []
  if (request.services.length === 0) return { targets, findings }
  let described
  try {
    described = await describeServicesInBatches(ecs, request.cluster, request.services)
  } catch (e) {
    if (isUnread(e)) return { targets, findings: [deniedFinding('services', `cluster ${request.cluster}`, 'ecs:DescribeServices', 'every service (and so every other check)', e, request.services)] }
    if (errorName(e) === 'ClusterNotFoundException') {
      return { targets, findings: [{ check: 'services', status: 'fail', resource: `cluster ${request.cluster}`, message: `ECS cluster '${request.cluster}' not found in ${request.region}: check cluster of environment ${request.environment.name} (${request.environment.file}) or --cluster`, services: request.services }] }
    }
    throw awsSetupError(e, `ECS (cluster '${request.cluster}')`) ?? e
  }
  const byName = new Map(described.services.map((s) => [s.serviceName!, s]))
  await mapWithConcurrency(request.services, request.concurrency ?? DEFAULT_PREFLIGHT_CONCURRENCY, async (name) => {
    const ecsService = byName.get(name)
    const resource = `service ${name}`
    if (!ecsService) {
      findings.push({ check: 'services', status: 'fail', resource, message: `not found in ECS cluster '${request.cluster}': create it first (Terraform module ecs-service)`, services: [name] })
      return
    }
    if (ecsService.status !== 'ACTIVE') {
      findings.push({ check: 'services', status: 'fail', resource, message: `ECS service is ${ecsService.status}: it cannot be deployed`, services: [name] })
      return
    }
    const service = resolveServiceName(request.catalog, name)
    const settings = serviceSettings(request.catalog, service, request.environment)
    try {
      const { base, running } = await baseAndRunning(ecs, ecsService.taskDefinition!, settings.containerName)
      const next = renderTaskDefinition({ base, running, service: name, image: request.images[name], settings })
      targets.push({ name, service, settings, ecsService, running, next })
      findings.push({ check: 'services', status: 'pass', resource, message: `runs ${ecsService.taskDefinition!.replace(/^.*task-definition\//, '')} (${ecsService.runningCount ?? 0}/${ecsService.desiredCount ?? 0} tasks)`, services: [name] })
    } catch (e) {
      if (isUnread(e)) findings.push(deniedFinding('services', resource, 'ecs:DescribeTaskDefinition', 'its task definition (and the checks that read it)', e, [name]))
      else if (isConfigurationError(e)) findings.push({ check: 'services', status: 'fail', resource, message: e.message, services: [name] })
      else throw awsSetupError(e, 'ECS') ?? e
    }
  })
  targets.sort((a, b) => a.name.localeCompare(b.name))
  return { targets, findings }
}

/** The rule of the deploy (chooseBaseRevision), without its log lines and with preflight's own error handling. */
function baseAndRunning(ecs: ECSClient, previous: string, containerName: string): Promise<BaseChoice> {
  return chooseBaseRevision(previous, containerName, async (ref, missingIsUndefined) => {
    try {
      return (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }))).taskDefinition
    } catch (e) {
      if (missingIsUndefined && errorName(e) === 'ClientException') return undefined
      throw e
    }
  })
}
