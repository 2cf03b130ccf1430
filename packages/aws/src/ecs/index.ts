/**
 * ECS deploys: render task definitions, register them, update services, wait for every rollout at once, roll back.
 *
 * Stable API for other areas (health gate, promote):
 *
 *   rollBackServices(
 *     targets: { service: string; taskDefinition: string }[],   // service = ECS service name (= catalog name);
 *                                                             // taskDefinition = ARN (or family:revision) to put it back on
 *     options: { cluster: string; timeoutMs?: number; pollIntervalMs?: number; maxPollIntervalMs?: number; concurrency?: number },
 *     effects: { ecs: ECSClient; clock: Clock; log: Logger },
 *   ): Promise<EcsServiceResult[]>
 *
 *   It sends UpdateService only for services not already on their target (a service that ECS's circuit breaker has
 *   already put back is only waited for), waits until each PRIMARY deployment is COMPLETED with running = desired,
 *   and returns one entry per target: status 'rolled-back' (taskDefinition = the target it now runs,
 *   previousTaskDefinition = what it ran before) or 'rollback-failed' with a reason. It throws only for bugs and
 *   configuration errors found before any write (unknown cluster, access denied to DescribeServices): a service that
 *   does not settle, or whose UpdateService AWS refuses, is a 'rollback-failed' entry.
 *
 *   From ecs-deploy's `result` output (or its result-file): rollBackRecordedDeploy(result, options, effects) rolls back
 *   exactly the entries with status 'deployed' to their recorded previousTaskDefinition (recordedRollbackTargets is
 *   the rule) and reports the others 'skipped'. ecs-deploy's `rollback-version: recorded` and health-gate's
 *   rollback-on-failure both use it, so a service is never rolled back one revision too far.
 *
 *   An AWS session that expires mid-step (ExpiredToken, ExpiredTokenException, RequestExpired) ends deploys, waits and
 *   rollbacks with a SessionExpiredError (a ConfigurationError); from deployEcsServices it carries in `results` what
 *   the step had done.
 */
export * from './types.js'
export * from './client.js'
export * from './render.js'
export * from './rollout.js'
export * from './wait.js'
export * from './progress.js'
export * from './deploy.js'
export * from './deploy-plan.js'
export * from './rollback.js'
export * from './summary.js'
export * from './tags.js'
export { awsSetupError, configurationErrorOf, SessionExpiredError, sessionExpiredError } from './errors.js'
