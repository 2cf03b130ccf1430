import { ConfigurationError, type Clock, type Logger } from '@tierdeploy/catalog'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { rollBackServices, type EcsServiceResult } from '../ecs/index.js'

/** Validates ecs-deploy's `result` output given to an input; names the input and the expected shape. */
export function parseDeployResult(value: unknown, input: string): EcsServiceResult[] {
  const shape = `a JSON array of {"service","status","previousTaskDefinition","taskDefinition"} (ecs-deploy's result output)`
  if (!Array.isArray(value)) throw new ConfigurationError(`input '${input}' must be ${shape}`)
  value.forEach((entry, i) => {
    const e = entry as Record<string, unknown> | null
    if (!e || typeof e !== 'object' || typeof e.service !== 'string' || typeof e.status !== 'string') throw new ConfigurationError(`input '${input}'[${i}] must have string service and status: ${shape}`)
    for (const k of ['previousTaskDefinition', 'taskDefinition', 'reason'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw new ConfigurationError(`input '${input}'[${i}].${k} must be a string`)
    }
  })
  return value as EcsServiceResult[]
}

/**
 * Puts the services this deploy changed back on the revisions ecs-deploy reported as previous. Services ecs-deploy
 * left unchanged (or that had no previous revision: first deploys) stay as they are.
 */
export async function rollBackDeploy(result: EcsServiceResult[], cluster: string, effects: { ecs: ECSClient; clock: Clock; log: Logger }): Promise<EcsServiceResult[]> {
  const targets = result.filter((r) => r.status === 'deployed' && r.previousTaskDefinition).map((r) => ({ service: r.service, taskDefinition: r.previousTaskDefinition! }))
  const firstDeploys = result.filter((r) => r.status === 'deployed' && !r.previousTaskDefinition).map((r) => r.service)
  if (firstDeploys.length) effects.log.warning(`no previous revision to roll back to (first deploy): ${firstDeploys.join(', ')}`)
  if (targets.length === 0) return []
  effects.log.info(`rolling back ${targets.map((t) => `${t.service} -> ${t.taskDefinition.split('/').at(-1)}`).join(', ')}`)
  return rollBackServices(targets, { cluster }, effects)
}
