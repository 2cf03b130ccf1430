/**
 * Preflight: read-only checks that predict a deploy's failures before anything is written (issue 17).
 *
 *   runPreflight(request: PreflightRequest, effects: { clients: PreflightClients; log }): Promise<PreflightReport>
 *
 * Each check returns findings { check, status: pass|fail|warn|unknown, resource, message, services? }; a read that
 * AWS denies is 'unknown' naming the missing permission (never a pass, never a crash). The report fails when any
 * finding fails. `tierdeploy preflight`, `tierdeploy deploy` and ecs-deploy (input `preflight`) run it.
 */
import { makeEcrClient, makeEc2Client, makeElbClient, makeIamClient, makeSecretsManagerClient, makeServiceQuotasClient, makeSsmClient, type AwsClientOptions } from '../client-config.js'
import { makeEcsClient } from '../ecs/client.js'
import { checkCapacityProviders } from './capacity.js'
import { checkImages } from './images.js'
import { checkExecutionRoles } from './permissions.js'
import { checkFargateQuota } from './quota.js'
import { sortFindings } from './render.js'
import { checkRouting } from './routing.js'
import { checkSecrets } from './secrets.js'
import { checkSubnets } from './subnets.js'
import { DEFAULT_PREFLIGHT_CONCURRENCY, readPreflightTargets } from './targets.js'
import type { PreflightClients, PreflightEffects, PreflightReport, PreflightRequest } from './types.js'
import type { Catalog } from '@tierdeploy/catalog'
import type { Plan } from '@tierdeploy/graph'

export * from './types.js'
export { renderPreflight, preflightVerdict, sortFindings } from './render.js'
export { FARGATE_VCPU_QUOTAS, rolloutSurge, tasksByProvider } from './quota.js'
export { EXECUTION_ROLE_ACTIONS } from './permissions.js'
export { isAccessDenied } from './denied.js'

/**
 * The services of a plan that a deploy changes through ECS, in plan order: what preflight checks. Infrastructure and
 * libraries are not deployed; `deployVia: cloudformation` services are changed by their stack, not a task definition.
 */
export function preflightServices(catalog: Catalog, plan: Pick<Plan, 'tiers'>): string[] {
  return plan.tiers.flatMap((t) => t.waves.flat()).filter((n) => {
    const s = catalog.services.get(n)
    return s?.kind === 'service' && s.deployVia !== 'cloudformation'
  })
}

/**
 * Runs every check on the services as the deploy would change them (readPreflightTargets renders their task
 * definitions with the deploy's own renderTaskDefinition). Only reads: Describe*, List*, BatchGetImage, GetServiceQuota,
 * SimulatePrincipalPolicy. Set-up errors (no credentials, no network) throw; denied reads become 'unknown' findings.
 */
export async function runPreflight(request: PreflightRequest, effects: PreflightEffects): Promise<PreflightReport> {
  const { clients } = effects
  const { environment, region, cluster } = request
  const concurrency = request.concurrency ?? DEFAULT_PREFLIGHT_CONCURRENCY
  const { targets, findings } = await readPreflightTargets(request, clients.ecs)
  const checked = await Promise.all([
    checkImages(targets, environment, region, clients.ecr, concurrency),
    (async () => {
      const secrets = await checkSecrets(targets, environment, region, clients, concurrency)
      return [...secrets.findings, ...(await checkExecutionRoles(targets, environment, region, secrets.resources, clients.iam))]
    })(),
    checkFargateQuota(targets, cluster, clients),
    checkSubnets(targets, clients.ec2),
    checkRouting(targets, clients.elb),
    checkCapacityProviders(targets, cluster, clients.ecs),
  ])
  const all = sortFindings([...findings, ...checked.flat()])
  const report: PreflightReport = { ok: !all.some((f) => f.status === 'fail'), environment: environment.name, cluster, services: [...request.services], findings: all }
  effects.log.debug(`preflight: ${all.length} finding(s) for ${request.services.length} service(s)`)
  return report
}

/**
 * The clients preflight reads with, in the environment's region: the ones given (tests, or the deploy's own ECS and
 * ECR clients) and new ones for the rest. `destroy` closes only the ones made here.
 */
export async function makePreflightClients(options: AwsClientOptions, given: Partial<PreflightClients> = {}): Promise<{ clients: PreflightClients; destroy: () => void }> {
  const made: { destroy: () => void }[] = []
  const use = async <T extends { destroy: () => void }>(client: T | undefined, make: () => T | Promise<T>): Promise<T> => {
    if (client) return client
    const created = await make()
    made.push(created)
    return created
  }
  const clients: PreflightClients = {
    ecs: await use(given.ecs, () => makeEcsClient(options)),
    ecr: await use(given.ecr, () => makeEcrClient(options)),
    secretsManager: await use(given.secretsManager, () => makeSecretsManagerClient(options)),
    ssm: await use(given.ssm, () => makeSsmClient(options)),
    iam: await use(given.iam, () => makeIamClient(options)),
    serviceQuotas: await use(given.serviceQuotas, () => makeServiceQuotasClient(options)),
    ec2: await use(given.ec2, () => makeEc2Client(options)),
    elb: await use(given.elb, () => makeElbClient(options)),
  }
  return { clients, destroy: () => made.forEach((c) => c.destroy()) }
}
