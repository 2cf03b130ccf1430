import { ConfigurationError } from './errors.js'
import type { Environment, Reference } from './model.js'
import { didYouMean } from './suggest.js'

/** A stack's outputs (OutputKey -> OutputValue), or undefined when the stack does not exist. */
export type DescribeStackOutputs = (stack: string) => Promise<Record<string, string> | undefined>

/**
 * Where references are resolved from. `terraformOutputs` is terraform-apply's `outputs`: either name -> value or
 * `terraform output -json` (name -> { value, sensitive, type }).
 */
export interface ReferenceSources {
  describeStack?: DescribeStackOutputs
  terraformOutputs?: Record<string, unknown>
}

/** An environment whose Reference settings are all literal strings. */
export interface ResolvedEnvironment extends Omit<Environment, 'cluster' | 'roleArn' | 'serviceConnectNamespace' | 'logGroup' | 'network'> {
  cluster?: string
  roleArn?: string
  serviceConnectNamespace?: string
  logGroup?: string
  network?: Omit<NonNullable<Environment['network']>, 'subnets' | 'securityGroups'> & { subnets?: string[]; securityGroups?: string[] }
}

const SINGLE_KEYS = ['cluster', 'roleArn', 'serviceConnectNamespace', 'logGroup'] as const

/** Whether any setting of the environment is a stackOutput or terraformOutput (a caller may skip AWS set-up otherwise). */
export function hasReferences(env: Environment): boolean {
  return references(env).some((r) => typeof r !== 'string')
}

function references(env: Environment): Reference[] {
  const refs: (Reference | undefined)[] = [...SINGLE_KEYS.map((k) => env[k]), ...(env.network?.subnets ?? []), ...(env.network?.securityGroups ?? [])]
  return refs.filter((r): r is Reference => r !== undefined)
}

/**
 * Memoises a stack lookup so each stack is described once however many settings (and environments) name it.
 * Concurrent lookups of one stack share the same request.
 */
export function cacheStackLookups(describe: DescribeStackOutputs): DescribeStackOutputs {
  const cache = new Map<string, Promise<Record<string, string> | undefined>>()
  return (stack) => {
    let pending = cache.get(stack)
    if (!pending) {
      pending = describe(stack)
      cache.set(stack, pending)
      // A failed lookup (throttling, network) is not remembered, so a retry asks again.
      pending.catch(() => cache.delete(stack))
    }
    return pending
  }
}

/**
 * The environment with every `{ stackOutput: STACK.OUTPUT }` and `{ terraformOutput: NAME }` replaced by its value.
 * In subnets and securityGroups, a list output (Terraform) or a comma-separated one (CloudFormation's
 * Fn::Join idiom) expands into several entries. Every unresolvable reference is reported in one error.
 */
export async function resolveEnvironmentReferences(env: Environment, sources: ReferenceSources): Promise<ResolvedEnvironment> {
  const describe = sources.describeStack ? cacheStackLookups(sources.describeStack) : undefined
  const problems: string[] = []

  const resolveOne = async (ref: Reference, where: string): Promise<string[] | undefined> => {
    if (typeof ref === 'string') return [ref]
    if ('stackOutput' in ref) return stackOutput(ref.stackOutput, where)
    return terraformOutput(ref.terraformOutput, where)
  }

  const stackOutput = async (spec: string, where: string): Promise<string[] | undefined> => {
    const dot = spec.indexOf('.')
    const stack = spec.slice(0, dot)
    const output = spec.slice(dot + 1)
    if (dot <= 0 || !output) {
      problems.push(`${where}: stackOutput '${spec}' is not STACK.OUTPUT (e.g. platform-prod.ClusterName)`)
      return undefined
    }
    if (!describe) {
      problems.push(`${where}: stackOutput '${spec}' needs CloudFormation, which is not available here`)
      return undefined
    }
    const outputs = await describe(stack)
    if (!outputs) {
      problems.push(`${where}: stack '${stack}' (stackOutput ${spec}) does not exist in ${env.region}${env.account ? ` of account ${env.account}` : ''}`)
      return undefined
    }
    const value = outputs[output]
    if (value === undefined) {
      const known = Object.keys(outputs).sort()
      const hint = didYouMean(output, known)
      problems.push(`${where}: stack '${stack}' has no output '${output}'${hint ? ` (${hint})` : ''}; its outputs are: ${known.join(', ') || '(none)'}`)
      return undefined
    }
    return [value]
  }

  const terraformOutput = (name: string, where: string): string[] | undefined => {
    const outputs = sources.terraformOutputs
    if (!outputs) {
      problems.push(`${where}: terraformOutput '${name}' needs Terraform outputs; pass terraform-apply's outputs (none were given)`)
      return undefined
    }
    if (!Object.hasOwn(outputs, name)) {
      const known = Object.keys(outputs).sort()
      const hint = didYouMean(name, known)
      problems.push(`${where}: Terraform has no output '${name}'${hint ? ` (${hint})` : ''}; its outputs are: ${known.join(', ') || '(none)'}`)
      return undefined
    }
    const raw = outputs[name]
    const value = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw ? (raw as { value: unknown }).value : raw
    const values = Array.isArray(value) ? value : [value]
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      problems.push(`${where}: Terraform output '${name}' is ${JSON.stringify(value)}, not a string or a list of strings`)
      return undefined
    }
    return values.map(String)
  }

  const single = async (key: (typeof SINGLE_KEYS)[number]): Promise<string | undefined> => {
    const ref = env[key]
    if (ref === undefined) return undefined
    const values = await resolveOne(ref, `${env.file}: ${key}`)
    if (values && values.length !== 1) problems.push(`${env.file}: ${key}: the output is a list of ${values.length} values, but ${key} takes one`)
    return values?.[0]
  }

  const list = async (key: 'subnets' | 'securityGroups'): Promise<string[] | undefined> => {
    const refs = env.network?.[key]
    if (refs === undefined) return undefined
    const resolved: (string[] | undefined)[] = []
    for (const [i, ref] of refs.entries()) resolved.push(await resolveOne(ref, `${env.file}: network.${key}[${i}]`))
    return resolved.flatMap((values, i) => (values ?? []).flatMap((v) => (typeof refs[i] === 'string' ? [v] : v.split(',').map((s) => s.trim()).filter(Boolean))))
  }

  // Describe every named stack at once, then resolve in setting order (from the cache), so problems read in file order.
  const stacks = new Set(references(env).flatMap((r) => (typeof r !== 'string' && 'stackOutput' in r && r.stackOutput.includes('.') ? [r.stackOutput.slice(0, r.stackOutput.indexOf('.'))] : [])))
  if (describe) await Promise.all([...stacks].map((name) => describe(name)))
  const cluster = await single('cluster')
  const roleArn = await single('roleArn')
  const serviceConnectNamespace = await single('serviceConnectNamespace')
  const logGroup = await single('logGroup')
  const subnets = await list('subnets')
  const securityGroups = await list('securityGroups')
  if (problems.length) {
    throw new ConfigurationError(`cannot resolve the settings of environment ${env.name}:\n  ${problems.join('\n  ')}`)
  }

  const { network, ...rest } = env
  const resolved: ResolvedEnvironment = { ...rest } as ResolvedEnvironment
  const set = <K extends keyof ResolvedEnvironment>(k: K, v: ResolvedEnvironment[K] | undefined) => { if (v === undefined) delete resolved[k]; else resolved[k] = v }
  set('cluster', cluster)
  set('roleArn', roleArn)
  set('serviceConnectNamespace', serviceConnectNamespace)
  set('logGroup', logGroup)
  if (network) {
    const { subnets: _s, securityGroups: _g, ...networkRest } = network
    resolved.network = { ...networkRest, ...(subnets ? { subnets } : {}), ...(securityGroups ? { securityGroups } : {}) }
  }
  return resolved
}
