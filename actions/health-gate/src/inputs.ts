import { readBoolean, readInteger, readJson, readJsonFile, readList, readString, type ActionIO } from '@tierdeploy/action-kit'
import { canonicalTargetGroups, gateServices, parseChecks, parseDeployResult, parseTargetGroups, regionFor, type CheckName, type EcsServiceResult } from '@tierdeploy/aws/inputs'
import { ConfigurationError, environmentNamed, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { INPUTS } from './contract.js'

export interface GateInputs {
  environment: Environment
  /** The region to work in: the `region` input, else the environment file's, else AWS_REGION (regionFor). */
  region: string
  /** The services to check (a tier's, the named ones, or those in the deploy result). */
  services: Service[]
  /** The `cluster` input; the environment's (possibly referenced) cluster otherwise. */
  clusterOverride: string | undefined
  terraformOutputs?: Record<string, unknown>
  /** Canonical service name -> target group ARNs. */
  targetGroups: Record<string, string[]>
  /** ecs-deploy's result, from `deploy-result` or `deploy-result-file`. */
  deployResult?: EcsServiceResult[]
  rollbackOnFailure: boolean
  checks: CheckName[]
  timeoutSeconds: number
  bakeSeconds: number
  /** Read the digests the services run into the images output (a promotion's gate); their failure fails the gate. */
  readImages: boolean
}

/**
 * ecs-deploy's result, given inline or as the file its result-file wrote (a tier of 1,000 services has a result too
 * large for an input: GitHub passes each input as an environment variable, and Linux refuses one over 128 KiB).
 */
function readDeployResult(io: ActionIO): EcsServiceResult[] | undefined {
  const inline = readJson<unknown>(io, INPUTS.deployResult)
  const file = readJsonFile<unknown>(io, INPUTS.deployResultFile)
  if (inline !== undefined && file) throw new ConfigurationError(`give '${INPUTS.deployResult}' or '${INPUTS.deployResultFile}', not both`)
  if (file) return parseDeployResult(file.value, `input '${INPUTS.deployResultFile}' (${file.path})`)
  return inline === undefined ? undefined : parseDeployResult(inline, `input '${INPUTS.deployResult}'`)
}

/** Reads and checks every input against the catalog before any AWS call. */
export function readGateInputs(io: ActionIO, catalog: Catalog): GateInputs {
  const environment = environmentNamed(catalog, readString(io, INPUTS.environment, { required: true }))
  const checks = parseChecks(readList(io, INPUTS.checks), INPUTS.checks)
  const timeoutSeconds = readInteger(io, INPUTS.timeoutSeconds, { default: 600, min: 0, max: 6 * 3600 })!
  const bakeSeconds = readInteger(io, INPUTS.bakeSeconds, { default: 120, min: 0, max: 6 * 3600 })!
  const rollbackOnFailure = readBoolean(io, INPUTS.rollbackOnFailure, false)
  const readImages = readBoolean(io, INPUTS.readImages, false)
  const deployResult = readDeployResult(io)
  if (rollbackOnFailure && !deployResult) {
    throw new ConfigurationError(`input '${INPUTS.rollbackOnFailure}' needs '${INPUTS.deployResult}' or '${INPUTS.deployResultFile}' (ecs-deploy's result): it names the revisions to go back to`)
  }
  const targetGroups = canonicalTargetGroups(catalog, parseTargetGroups(readJson(io, INPUTS.targetGroups), INPUTS.targetGroups), INPUTS.targetGroups)
  const services = gateServices(
    catalog,
    environment,
    { tier: readString(io, INPUTS.tier), services: readList(io, INPUTS.services), ...(deployResult ? { deployResult } : {}) },
    { tier: INPUTS.tier, services: INPUTS.services, deployResult: readString(io, INPUTS.deployResultFile) ? INPUTS.deployResultFile : INPUTS.deployResult },
  )
  const terraformOutputs = readJson<Record<string, unknown>>(io, INPUTS.terraformOutputs)
  return {
    environment,
    region: regionFor(environment, { override: readString(io, INPUTS.region), overrideName: `the '${INPUTS.region}' input`, env: io.env }),
    services,
    clusterOverride: readString(io, INPUTS.cluster) || undefined,
    ...(terraformOutputs ? { terraformOutputs } : {}),
    targetGroups,
    ...(deployResult ? { deployResult } : {}),
    rollbackOnFailure,
    checks,
    timeoutSeconds,
    bakeSeconds,
    readImages,
  }
}
