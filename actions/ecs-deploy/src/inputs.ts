import { readBoolean, readChoice, readInteger, readJson, readString, type ActionIO } from '@tierdeploy/action-kit'
import { isDigestImage, parseRollbackVersion, type RollbackVersion } from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, type Catalog, type Environment } from '@tierdeploy/catalog'
import { parseNameList, resolveServiceName } from '@tierdeploy/graph'
import { DEFAULT_TIMEOUT_MINUTES, INPUTS, MODES } from './contract.js'

export interface DeployInputs {
  environment: Environment
  /** The `cluster` input; the environment's (possibly referenced) cluster otherwise. */
  clusterOverride: string | undefined
  terraformOutputs?: Record<string, unknown>
  /** Canonical service names, in the order given. */
  services: string[]
  /** Canonical service name -> image. */
  images: Record<string, string>
  mode: (typeof MODES)[number]
  rollbackVersion: RollbackVersion
  timeoutMinutes: number
  rollbackOnFailure: boolean
  commitSha?: string
  deployId: string
  dryRun: boolean
}

/** The `services` input: a resolve-graph matrix, a JSON array, or a comma/newline list. */
export function readServiceNames(io: ActionIO): string[] {
  const text = readString(io, INPUTS.services, { required: true })
  if (!text.startsWith('{') && !text.startsWith('[')) return parseNameList(text)
  const parsed = readJson<unknown>(io, INPUTS.services)
  if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed
  const include = (parsed as { include?: unknown })?.include
  if (!Array.isArray(parsed) && Array.isArray(include) && include.every((e) => typeof (e as { service?: unknown })?.service === 'string')) {
    return include.map((e) => (e as { service: string }).service)
  }
  throw new ConfigurationError(`input '${INPUTS.services}' must be a matrix {"include":[{"service":"NAME"}]}, a JSON array of names, or a comma list`)
}

/** Reads and checks every input against the catalog before any AWS call. */
export function readDeployInputs(io: ActionIO, catalog: Catalog): DeployInputs {
  const environment = environmentNamed(catalog, readString(io, INPUTS.environment, { required: true }))
  const mode = readChoice(io, INPUTS.mode, MODES, 'deploy')
  const names = readServiceNames(io)
  if (names.length === 0) throw new ConfigurationError(`input '${INPUTS.services}' names no service`)
  const services = [...new Set(names.map((n) => {
    const s = resolveServiceName(catalog, n)
    if (s.kind !== 'service') throw new ConfigurationError(`input '${INPUTS.services}': ${s.name} is ${s.kind === 'library' ? 'a library' : 'infrastructure'}, not deployed to ECS`)
    return s.name
  }))]

  const images: Record<string, string> = {}
  const rawImages = readJson<unknown>(io, INPUTS.images)
  if (rawImages !== undefined) {
    if (!rawImages || typeof rawImages !== 'object' || Array.isArray(rawImages)) throw new ConfigurationError(`input '${INPUTS.images}' must be a JSON object, service -> REPOSITORY@sha256:DIGEST`)
    for (const [name, image] of Object.entries(rawImages)) {
      const s = resolveServiceName(catalog, name)
      if (typeof image !== 'string' || !isDigestImage(image)) {
        throw new ConfigurationError(`input '${INPUTS.images}': the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`)
      }
      images[s.name] = image
    }
  }
  if (mode === 'rollback' && rawImages !== undefined) throw new ConfigurationError(`input '${INPUTS.images}' has no meaning with mode rollback: drop it or use mode deploy`)

  const terraformOutputs = readJson<Record<string, unknown>>(io, INPUTS.terraformOutputs)
  if (terraformOutputs !== undefined && (typeof terraformOutputs !== 'object' || terraformOutputs === null || Array.isArray(terraformOutputs))) {
    throw new ConfigurationError(`input '${INPUTS.terraformOutputs}' must be a JSON object (terraform-apply's outputs)`)
  }

  const commitSha = readString(io, INPUTS.commitSha) || io.env.GITHUB_SHA || undefined
  if (commitSha !== undefined && !/^[0-9a-f]{7,40}$/i.test(commitSha)) throw new ConfigurationError(`input '${INPUTS.commitSha}' must be a commit SHA (7 to 40 hex characters), got '${commitSha}'`)
  const deployId = readString(io, INPUTS.deployId) || [io.env.GITHUB_RUN_ID, io.env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('-') || `local-${commitSha?.slice(0, 12) ?? 'unknown'}`
  return {
    environment,
    clusterOverride: readString(io, INPUTS.cluster) || undefined,
    ...(terraformOutputs ? { terraformOutputs } : {}),
    services,
    images,
    mode,
    rollbackVersion: parseRollbackVersion(readString(io, INPUTS.rollbackVersion, { default: 'previous' }), `input '${INPUTS.rollbackVersion}'`),
    timeoutMinutes: readInteger(io, INPUTS.timeoutMinutes, { default: DEFAULT_TIMEOUT_MINUTES, min: 1, max: 180 })!,
    rollbackOnFailure: readBoolean(io, INPUTS.rollbackOnFailure, true),
    ...(commitSha ? { commitSha: commitSha.toLowerCase() } : {}),
    deployId,
    dryRun: readBoolean(io, INPUTS.dryRun, false),
  }
}
