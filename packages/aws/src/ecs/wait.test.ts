import type { Deployment, Service } from '@aws-sdk/client-ecs'
import { describe, expect, it } from 'vitest'
import { judgeRollout, type RolloutWatch } from './wait.js'

const NEW = 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:2'
const OLD = 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:1'
const watch: RolloutWatch = { service: 'web', taskDefinition: NEW, deploymentId: 'ecs-svc/2', startedAt: 0 }

function service(deployments: Deployment[], counts: { desired?: number; running?: number } = {}): Service {
  return { serviceName: 'web', status: 'ACTIVE', desiredCount: counts.desired ?? 2, runningCount: counts.running ?? 2, deployments }
}
const ours = (over: Partial<Deployment>): Deployment => ({ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED', ...over })

describe('judgeRollout', () => {
  it('is done only when the PRIMARY deployment is ours, COMPLETED, and running = desired', () => {
    expect(judgeRollout(watch, service([ours({})]))).toEqual({ state: 'done' })
  })

  it('keeps waiting while counts already match but the rollout is IN_PROGRESS (steady is not enough)', () => {
    const old: Deployment = { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 0, runningCount: 0, rolloutState: 'COMPLETED' }
    expect(judgeRollout(watch, service([ours({ rolloutState: 'IN_PROGRESS' }), old]))).toEqual({ state: 'pending' })
  })

  it('keeps waiting while a COMPLETED deployment runs fewer tasks than desired', () => {
    expect(judgeRollout(watch, service([ours({ runningCount: 1 })], { running: 1 }))).toEqual({ state: 'pending' })
  })

  it('fails a FAILED rollout and says the circuit breaker is rolling back', () => {
    const rollback: Deployment = { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.' }
    const verdict = judgeRollout(watch, service([rollback, ours({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' })]))
    expect(verdict).toMatchObject({ state: 'failed', rolledBackByEcs: true, reason: `rollout failed: ECS deployment circuit breaker: tasks failed to start.; the ECS circuit breaker is rolling back to ${OLD}` })
  })

  it('fails when the service settled back on the old revision, even though it is steady', () => {
    const back: Deployment = { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.' }
    expect(judgeRollout(watch, service([back]))).toMatchObject({ state: 'failed', rolledBackByEcs: true, reason: expect.stringContaining(`now runs ${OLD} instead`) })
  })

  it('fails a service that is no longer ACTIVE', () => {
    expect(judgeRollout(watch, { ...service([ours({})]), status: 'DRAINING' })).toMatchObject({ state: 'failed', reason: 'service is DRAINING' })
  })
})
