import { DescribeSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { DescribeParametersCommand, type SSMClient } from '@aws-sdk/client-ssm'
import type { Environment } from '@tierdeploy/catalog'
import { mapWithConcurrency } from '../ecs/concurrency.js'
import { awsSetupError, describeErrorOf } from '../ecs/errors.js'
import { deniedFinding, errorName, isUnread } from './denied.js'
import type { PreflightFinding, PreflightTarget, SecretResources } from './types.js'

/** A ParameterStringFilter takes at most 50 values. */
export const PARAMETER_FILTER_LIMIT = 50

/** A secret reference of a task definition (`valueFrom`), what it points at. */
export interface SecretReference {
  valueFrom: string
  services: string[]
  kind: 'secretsmanager' | 'ssm'
  /** Secrets Manager: the secret's ARN without the JSON key and version suffix. SSM: the parameter's name. */
  id: string
  /** From the ARN; undefined for a bare parameter name (ECS reads it in the task's own account and region). */
  account?: string
  region?: string
  partition: string
}

const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]*):(\d{12}):secret:([^:]+)/
const PARAMETER_ARN = /^arn:(aws[a-z-]*):ssm:([a-z0-9-]*):(\d{12}):parameter(\/.+)$/

/**
 * What a `valueFrom` names: a Secrets Manager ARN (optionally `:json-key:version-stage:version-id` after it), an SSM
 * parameter ARN, or a bare SSM parameter name (ECS's rule for a non-ARN valueFrom). A parameter ARN of `/a/b` is
 * `parameter/a/b`; one of a name without a slash is `parameter/name`.
 */
export function secretReferenceOf(valueFrom: string, services: string[]): SecretReference {
  const secret = SECRET_ARN.exec(valueFrom)
  if (secret) return { valueFrom, services, kind: 'secretsmanager', id: `arn:${secret[1]}:secretsmanager:${secret[2]}:${secret[3]}:secret:${secret[4]}`, partition: secret[1]!, region: secret[2]!, account: secret[3]! }
  const parameter = PARAMETER_ARN.exec(valueFrom)
  if (parameter) {
    const path = parameter[4]!
    return { valueFrom, services, kind: 'ssm', id: path.slice(1).includes('/') ? path : path.slice(1), partition: parameter[1]!, region: parameter[2]!, account: parameter[3]! }
  }
  return { valueFrom, services, kind: 'ssm', id: valueFrom, partition: 'aws' }
}

/** Every secret reference of every container the deploy would register, once each. */
export function plannedSecrets(targets: PreflightTarget[]): SecretReference[] {
  const users = new Map<string, Set<string>>()
  for (const t of targets) {
    for (const c of t.next.containerDefinitions ?? []) {
      for (const s of c.secrets ?? []) {
        if (!s.valueFrom) continue
        if (!users.has(s.valueFrom)) users.set(s.valueFrom, new Set())
        users.get(s.valueFrom)!.add(t.name)
      }
    }
  }
  return [...users].sort(([a], [b]) => a.localeCompare(b)).map(([valueFrom, names]) => secretReferenceOf(valueFrom, [...names].sort()))
}

/**
 * Every secret and parameter the tasks would read exists, in the environment's account and region. Only names and
 * metadata are read: DescribeSecret (never GetSecretValue) and DescribeParameters (never GetParameters, which
 * returns values). Returns what the permissions check simulates against.
 */
export async function checkSecrets(
  targets: PreflightTarget[],
  environment: Environment,
  region: string,
  clients: { secretsManager: SecretsManagerClient; ssm: SSMClient },
  concurrency = 10,
): Promise<{ findings: PreflightFinding[]; resources: SecretResources }> {
  const findings: PreflightFinding[] = []
  const resources: SecretResources = { arns: new Map(), keys: new Map() }
  const local: SecretReference[] = []
  for (const ref of plannedSecrets(targets)) {
    const wrongAccount = ref.account !== undefined && environment.account !== undefined && ref.account !== environment.account
    const wrongRegion = ref.region !== undefined && ref.region !== region
    if (wrongAccount || wrongRegion) {
      const where = [wrongAccount ? `account ${ref.account}` : '', wrongRegion ? `region ${ref.region}` : ''].filter(Boolean).join(' and ')
      findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `is in ${where}, but ${environment.name} runs in ${[environment.account ? `account ${environment.account}` : '', `region ${region}`].filter(Boolean).join(' and ')}: the task's execution role would read another environment's value, or none; use this environment's own (${environment.file})`, services: ref.services })
    } else local.push(ref)
  }

  await mapWithConcurrency(local.filter((r) => r.kind === 'secretsmanager'), concurrency, async (ref) => {
    try {
      const out = await clients.secretsManager.send(new DescribeSecretCommand({ SecretId: ref.id }))
      if (out.DeletedDate) {
        findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `secret ${out.Name ?? ref.id} is scheduled for deletion (${out.DeletedDate.toISOString()}): restore it or point the service at another`, services: ref.services })
        return
      }
      resources.arns.set(ref.valueFrom, out.ARN ?? ref.id)
      if (out.KmsKeyId?.startsWith('arn:')) resources.keys.set(ref.valueFrom, out.KmsKeyId)
      findings.push({ check: 'secrets', status: 'pass', resource: ref.valueFrom, message: `secret ${out.Name ?? ref.id} exists`, services: ref.services })
    } catch (e) {
      if (isUnread(e)) findings.push(deniedFinding('secrets', ref.valueFrom, 'secretsmanager:DescribeSecret', 'this secret', e, ref.services))
      else if (errorName(e) === 'ResourceNotFoundException') findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `no such secret in Secrets Manager (${region}): create it, or fix the ARN in the catalog`, services: ref.services })
      else throw awsSetupError(e, 'Secrets Manager') ?? new Error(`DescribeSecret ${ref.id} failed: ${describeErrorOf(e)}`)
    }
  })

  const parameters = local.filter((r) => r.kind === 'ssm')
  const found = await describeParameters(parameters, clients.ssm, findings)
  if (found) {
    for (const ref of parameters) {
      const name = found.has(ref.id) ? ref.id : found.has(`/${ref.id}`) ? `/${ref.id}` : undefined
      if (name === undefined) {
        findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `no such SSM parameter '${ref.id}' in ${region}: create it, or fix the name in the catalog`, services: ref.services })
        continue
      }
      const { keyId } = found.get(name)!
      const account = ref.account ?? environment.account
      if (account) resources.arns.set(ref.valueFrom, `arn:${ref.partition}:ssm:${region}:${account}:parameter${name.startsWith('/') ? name : `/${name}`}`)
      if (keyId?.startsWith('arn:')) resources.keys.set(ref.valueFrom, keyId)
      findings.push({ check: 'secrets', status: 'pass', resource: ref.valueFrom, message: `SSM parameter ${name} exists`, services: ref.services })
    }
  }
  return { findings, resources }
}

/**
 * The named parameters that exist (name -> its KMS key), 25 names a call (each name is looked up with and without a
 * leading slash, which its ARN does not tell apart); undefined when the read was denied (the finding says so).
 */
async function describeParameters(parameters: SecretReference[], ssm: SSMClient, findings: PreflightFinding[]): Promise<Map<string, { keyId?: string }> | undefined> {
  const found = new Map<string, { keyId?: string }>()
  const per = PARAMETER_FILTER_LIMIT / 2
  for (let i = 0; i < parameters.length; i += per) {
    const batch = parameters.slice(i, i + per)
    const values = [...new Set(batch.flatMap((r) => (r.id.startsWith('/') ? [r.id] : [r.id, `/${r.id}`])))]
    let token: string | undefined
    try {
      do {
        const out = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: values }], MaxResults: 50, ...(token ? { NextToken: token } : {}) }))
        for (const p of out.Parameters ?? []) if (p.Name) found.set(p.Name, p.KeyId ? { keyId: p.KeyId } : {})
        token = out.NextToken
      } while (token)
    } catch (e) {
      if (isUnread(e)) {
        findings.push(deniedFinding('secrets', `${parameters.length} SSM parameter(s)`, 'ssm:DescribeParameters', 'the SSM parameters', e, [...new Set(parameters.flatMap((p) => p.services))].sort()))
        return undefined
      }
      throw awsSetupError(e, 'SSM') ?? new Error(`DescribeParameters failed: ${describeErrorOf(e)}`)
    }
  }
  return found
}
