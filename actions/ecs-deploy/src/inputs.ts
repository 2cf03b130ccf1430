import { readBoolean, readChoice, readInteger, readJson, readJsonFile, readString, type ActionIO } from '@tierdeploy/action-kit'
import { isDigestImage, parseDeployResult, parseRollbackVersion, regionFor, type EcsServiceResult, type RollbackVersion } from '@tierdeploy/aws/inputs'
import { ConfigurationError, environmentNamed, isConfigurationError, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { parseNameList, resolveServiceName } from '@tierdeploy/graph'
import { DEFAULT_TIMEOUT_MINUTES, INPUTS, MODES, ROLLBACK_RECORDED } from './contract.js'

/**
 * What mode rollback goes back to: a version of each service (previous, a revision, a commit), or the revisions a
 * deploy recorded (`recorded`: its result file, with canonical service names).
 */
export type RollbackTo = { kind: 'version'; version: RollbackVersion } | { kind: 'recorded'; file: string; result: EcsServiceResult[] }

export interface DeployInputs {
  environment: Environment
  /** The region to work in: the `region` input, else the environment file's, else AWS_REGION (regionFor). */
  region: string
  /** The `cluster` input; the environment's (possibly referenced) cluster otherwise. */
  clusterOverride: string | undefined
  terraformOutputs?: Record<string, unknown>
  /** Canonical service names, in the order given. */
  services: string[]
  /** Canonical service name -> image, from `images` and `images-file` together. */
  images: Record<string, string>
  mode: (typeof MODES)[number]
  rollbackTo: RollbackTo
  timeoutMinutes: number
  rollbackOnFailure: boolean
  commitSha?: string
  deployId: string
  dryRun: boolean
  /** Run the read-only preflight checks first (default true); a failing one fails the step before any write. */
  preflight: boolean
  /** Where to write the result JSON as well as the output. */
  resultFile?: string
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

/** A service name from a JSON value an input gave, resolved against the catalog; an unknown one names the input. */
function serviceIn(catalog: Catalog, name: string, where: string): Service {
  try {
    return resolveServiceName(catalog, name)
  } catch (e) {
    if (isConfigurationError(e)) throw new ConfigurationError(`${where}: ${e.message}`)
    throw e
  }
}

/**
 * `images` and `images-file` together (a tier of 1,000 services has too many images for one input: GitHub passes each
 * input as an environment variable, and Linux refuses one over 128 KiB). Both are JSON objects, service -> image
 * pinned by digest; a service both give must get the same image.
 */
function readImages(io: ActionIO, catalog: Catalog): { images: Record<string, string>; given: string[] } {
  const sources: { where: string; input: string; value: unknown }[] = []
  const inline = readJson<unknown>(io, INPUTS.images)
  if (inline !== undefined) sources.push({ where: `input '${INPUTS.images}'`, input: INPUTS.images, value: inline })
  const file = readJsonFile<unknown>(io, INPUTS.imagesFile)
  if (file) sources.push({ where: `input '${INPUTS.imagesFile}' (${file.path})`, input: INPUTS.imagesFile, value: file.value })

  const images: Record<string, string> = {}
  const from: Record<string, string> = {}
  for (const { where, value } of sources) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(`${where} must be a JSON object, service -> REPOSITORY@sha256:DIGEST`)
    for (const [name, image] of Object.entries(value)) {
      const s = serviceIn(catalog, name, where)
      if (typeof image !== 'string' || !isDigestImage(image)) {
        throw new ConfigurationError(`${where}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`)
      }
      if (images[s.name] !== undefined && images[s.name] !== image) {
        throw new ConfigurationError(`${s.name} is given two images: ${images[s.name]} (${from[s.name]}) and ${image} (${where}); give it one`)
      }
      images[s.name] = image
      from[s.name] = where
    }
  }
  return { images, given: sources.map((s) => s.input) }
}

/** `rollback-version`, and with `recorded` the deploy result file it rolls back (service names made canonical). */
function readRollbackTo(io: ActionIO, catalog: Catalog, mode: DeployInputs['mode']): RollbackTo {
  const version = readString(io, INPUTS.rollbackVersion, { default: 'previous' })
  const fileGiven = readString(io, INPUTS.deployResultFile) !== ''
  if (version !== ROLLBACK_RECORDED) {
    if (fileGiven) throw new ConfigurationError(`input '${INPUTS.deployResultFile}' is read only with ${INPUTS.rollbackVersion} '${ROLLBACK_RECORDED}' (and mode rollback), got ${INPUTS.rollbackVersion} '${version}'`)
    try {
      return { kind: 'version', version: parseRollbackVersion(version, `input '${INPUTS.rollbackVersion}'`) }
    } catch (e) {
      if (isConfigurationError(e)) throw new ConfigurationError(`${e.message}; or '${ROLLBACK_RECORDED}' with '${INPUTS.deployResultFile}'`)
      throw e
    }
  }
  if (mode !== 'rollback') throw new ConfigurationError(`input '${INPUTS.rollbackVersion}' '${ROLLBACK_RECORDED}' needs mode rollback`)
  const file = readJsonFile<unknown>(io, INPUTS.deployResultFile)
  if (!file) {
    throw new ConfigurationError(`input '${INPUTS.rollbackVersion}' '${ROLLBACK_RECORDED}' needs '${INPUTS.deployResultFile}': the result file an earlier ecs-deploy wrote (its '${INPUTS.resultFile}'), which records the revisions to go back to`)
  }
  const where = `input '${INPUTS.deployResultFile}' (${file.path})`
  const result = parseDeployResult(file.value, where).map((r) => ({ ...r, service: serviceIn(catalog, r.service, where).name }))
  return { kind: 'recorded', file: file.path, result }
}

/** Reads and checks every input against the catalog before any AWS call. */
export function readDeployInputs(io: ActionIO, catalog: Catalog): DeployInputs {
  const environment = environmentNamed(catalog, readString(io, INPUTS.environment, { required: true }))
  const mode = readChoice(io, INPUTS.mode, MODES, 'deploy')
  const rollbackTo = readRollbackTo(io, catalog, mode)
  // Rolling back to recorded revisions, the file names the services when the input does not.
  const names = rollbackTo.kind === 'recorded' && readString(io, INPUTS.services) === '' ? rollbackTo.result.map((r) => r.service) : readServiceNames(io)
  if (names.length === 0 && rollbackTo.kind !== 'recorded') throw new ConfigurationError(`input '${INPUTS.services}' names no service`)
  const services = [...new Set(names.map((n) => {
    const s = resolveServiceName(catalog, n)
    if (s.kind !== 'service') throw new ConfigurationError(`input '${INPUTS.services}': ${s.name} is ${s.kind === 'library' ? 'a library' : 'infrastructure'}, not deployed to ECS`)
    return s.name
  }))]

  const { images, given } = readImages(io, catalog)
  if (mode === 'rollback' && given.length) throw new ConfigurationError(`input '${given[0]}' has no meaning with mode rollback: drop it or use mode deploy`)

  const terraformOutputs = readJson<Record<string, unknown>>(io, INPUTS.terraformOutputs)
  if (terraformOutputs !== undefined && (typeof terraformOutputs !== 'object' || terraformOutputs === null || Array.isArray(terraformOutputs))) {
    throw new ConfigurationError(`input '${INPUTS.terraformOutputs}' must be a JSON object (terraform-apply's outputs)`)
  }

  const commitSha = readString(io, INPUTS.commitSha) || io.env.GITHUB_SHA || undefined
  if (commitSha !== undefined && !/^[0-9a-f]{7,40}$/i.test(commitSha)) throw new ConfigurationError(`input '${INPUTS.commitSha}' must be a commit SHA (7 to 40 hex characters), got '${commitSha}'`)
  const deployId = readString(io, INPUTS.deployId) || [io.env.GITHUB_RUN_ID, io.env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('-') || `local-${commitSha?.slice(0, 12) ?? 'unknown'}`
  const resultFile = readString(io, INPUTS.resultFile)
  return {
    environment,
    region: regionFor(environment, { override: readString(io, INPUTS.region), overrideName: `the '${INPUTS.region}' input`, env: io.env }),
    clusterOverride: readString(io, INPUTS.cluster) || undefined,
    ...(terraformOutputs ? { terraformOutputs } : {}),
    services,
    images,
    mode,
    rollbackTo,
    timeoutMinutes: readInteger(io, INPUTS.timeoutMinutes, { default: DEFAULT_TIMEOUT_MINUTES, min: 1, max: 180 })!,
    rollbackOnFailure: readBoolean(io, INPUTS.rollbackOnFailure, true),
    ...(commitSha ? { commitSha: commitSha.toLowerCase() } : {}),
    deployId,
    dryRun: readBoolean(io, INPUTS.dryRun, false),
    preflight: readBoolean(io, INPUTS.preflight, true),
    ...(resultFile ? { resultFile } : {}),
  }
}
