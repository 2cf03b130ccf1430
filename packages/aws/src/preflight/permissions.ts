import { SimulatePrincipalPolicyCommand, type EvaluationResult, type IAMClient } from '@aws-sdk/client-iam'
import type { Environment } from '@tierdeploy/catalog'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { plannedImages } from './images.js'
import { deniedFinding, isUnread, listOf } from './denied.js'
import type { PreflightFinding, PreflightTarget, SecretResources } from './types.js'

/** What a task's execution role does before the container starts, per kind of resource. */
export const EXECUTION_ROLE_ACTIONS = {
  pull: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  login: ['ecr:GetAuthorizationToken'],
  secret: ['secretsmanager:GetSecretValue'],
  parameter: ['ssm:GetParameters'],
  key: ['kms:Decrypt'],
} as const

/**
 * The execution role of each task definition the deploy would register may pull its images and read its secrets:
 * IAM policy simulation (SimulatePrincipalPolicy) of the role's identity policies, one call per kind of resource.
 * Resource policies (a repository's, a key's) are not part of the simulation. A task definition without an
 * execution role cannot pull from ECR or read secrets at all.
 */
export async function checkExecutionRoles(targets: PreflightTarget[], environment: Environment, region: string, secrets: SecretResources, iam: IAMClient): Promise<PreflightFinding[]> {
  const findings: PreflightFinding[] = []
  const byRole = new Map<string, PreflightTarget[]>()
  for (const t of targets) {
    const role = t.next.executionRoleArn ?? ''
    if (!byRole.has(role)) byRole.set(role, [])
    byRole.get(role)!.push(t)
  }
  for (const [role, users] of [...byRole].sort(([a], [b]) => a.localeCompare(b))) {
    const services = users.map((t) => t.name)
    const images = plannedImages(users, environment, region).ecr
    const valueFroms = new Set(users.flatMap((t) => (t.next.containerDefinitions ?? []).flatMap((c) => (c.secrets ?? []).flatMap((s) => (s.valueFrom ? [s.valueFrom] : [])))))
    if (!role) {
      if (images.length || valueFroms.size) findings.push({ check: 'permissions', status: 'fail', resource: 'executionRoleArn', message: `the task definition has no execution role, so ECS can neither pull from ECR nor read secrets; set execution_role_arn in the ecs-service module`, services })
      continue
    }
    const partition = /^arn:([^:]+):/.exec(role)?.[1] ?? 'aws'
    const repositories = [...new Set(images.map((i) => `arn:${partition}:ecr:${i.pulledFrom.region}:${i.pulledFrom.account}:repository/${i.pulledFrom.repository}`))]
    // The ARNs the secrets check resolved (a secret it could not find fails there, not here).
    const arns = [...new Set([...valueFroms].flatMap((v) => secrets.arns.get(v) ?? []))]
    const secretArns = arns.filter((a) => a.split(':')[2] === 'secretsmanager')
    const parameterArns = arns.filter((a) => a.split(':')[2] === 'ssm')
    const keyArns = [...new Set([...valueFroms].flatMap((v) => secrets.keys.get(v) ?? []))]
    const asks: { actions: readonly string[]; resources: string[] }[] = [
      { actions: EXECUTION_ROLE_ACTIONS.pull, resources: repositories },
      { actions: EXECUTION_ROLE_ACTIONS.login, resources: repositories.length ? ['*'] : [] },
      { actions: EXECUTION_ROLE_ACTIONS.secret, resources: secretArns },
      { actions: EXECUTION_ROLE_ACTIONS.parameter, resources: parameterArns },
      { actions: EXECUTION_ROLE_ACTIONS.key, resources: keyArns },
    ].filter((a) => a.resources.length)
    if (asks.length === 0) continue
    const denied: EvaluationResult[] = []
    try {
      for (const ask of asks) denied.push(...(await simulate(iam, role, ask.actions, ask.resources)).filter((r) => r.EvalDecision !== 'allowed'))
    } catch (e) {
      if (isUnread(e)) {
        findings.push(deniedFinding('permissions', role, 'iam:SimulatePrincipalPolicy', "the execution role's permissions (image pull, secrets)", e, services))
        continue
      }
      throw awsSetupError(e, 'IAM') ?? new Error(`SimulatePrincipalPolicy for ${role} failed: ${describeErrorOf(e)}`)
    }
    for (const r of denied) {
      findings.push({ check: 'permissions', status: 'fail', resource: role, message: `may not ${r.EvalActionName} on ${r.EvalResourceName} (${r.EvalDecision}): the tasks of ${listOf(services)} would fail to start; grant it in the role's policy`, services })
    }
    if (denied.length === 0) {
      const what = [repositories.length ? `pull from ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'}` : '', secretArns.length + parameterArns.length ? `read ${secretArns.length + parameterArns.length} secret(s)` : ''].filter(Boolean).join(' and ')
      findings.push({ check: 'permissions', status: 'pass', resource: role, message: `may ${what} (IAM policy simulation; resource policies not included)`, services })
    }
  }
  return findings
}

async function simulate(iam: IAMClient, role: string, actions: readonly string[], resources: string[]): Promise<EvaluationResult[]> {
  const results: EvaluationResult[] = []
  let marker: string | undefined
  do {
    const out = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: [...actions], ResourceArns: resources, ...(marker ? { Marker: marker } : {}) }))
    results.push(...(out.EvaluationResults ?? []))
    marker = out.IsTruncated ? out.Marker : undefined
  } while (marker)
  return results
}
