import type { ECSClient } from '@aws-sdk/client-ecs'
import type { Clock, Logger } from '@tierdeploy/catalog'

/** What the ECS code receives instead of reaching for globals; tests pass a client pointed at the fake. */
export interface EcsEffects {
  ecs: ECSClient
  clock: Clock
  log: Logger
}

/**
 * What happened to one service.
 * - deployed: the new revision runs (PRIMARY COMPLETED, running = desired).
 * - unchanged: the rendered task definition equals the running one; nothing was registered or updated.
 * - would-deploy: dry run; the revision differs and would be registered.
 * - failed: the rollout (or the write) failed; `reason` says why and whether it was rolled back.
 * - rolled-back: it is back on `previousTaskDefinition` (its own deploy succeeded but another in the step failed, or
 *   a manual rollback).
 * - rollback-failed: putting it back did not settle; it needs attention.
 * - skipped: not attempted because an earlier wave failed (or, rolling back to recorded revisions, left alone because
 *   the recorded deploy did not deploy it).
 */
export const ECS_SERVICE_STATUSES = ['deployed', 'unchanged', 'would-deploy', 'failed', 'rolled-back', 'rollback-failed', 'skipped'] as const
export type EcsServiceStatus = (typeof ECS_SERVICE_STATUSES)[number]

/** One entry of ecs-deploy's `result` output (documented shape: keep it stable). */
export interface EcsServiceResult {
  service: string
  status: EcsServiceStatus
  /** The task definition the service ran before this deploy (or before the rollback). */
  previousTaskDefinition?: string
  /** The task definition this deploy registered (or the running one when unchanged, or the rollback target). */
  taskDefinition?: string
  reason?: string
  /** When its rollout started (UpdateService answered), epoch ms of the deploy's clock; absent when nothing was written. */
  startedAt?: number
  /** When its rollout's outcome was known (steady, failed or timed out), epoch ms; with startedAt, the summary's timeline. */
  settledAt?: number
}
