import { readBoolean, readJson, readJsonFile, readList, readString, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError } from '@tierdeploy/catalog'
import { reasonsInWords, type ChangeReason } from '@tierdeploy/changes'
import { parseTier, type Selection } from '@tierdeploy/graph'
import { INPUTS } from './contract.js'

export interface ResolveInputs {
  catalogDir: string
  /** The environment input; '' lets the ref pick it. */
  environment: string
  ref: string
  selection: Selection
  /** The highest tier the calling workflow deploys; undefined: no limit. */
  maxTier?: number
}

/** Reads and checks every input before the catalog is loaded. */
export function readResolveInputs(io: ActionIO): ResolveInputs {
  const tier = readString(io, INPUTS.tier)
  const services = readList(io, INPUTS.services)
  const changed = readList(io, INPUTS.changedServices)
  const selection: Selection = {
    ...(tier ? { tier: parseTier(tier) } : {}),
    ...(services ? { services } : {}),
    ...(changed ? { changed } : {}),
    ...(changed ? changeReasons(io) : {}),
    ...(readBoolean(io, INPUTS.withDependencies, false) ? { withDependencies: true } : {}),
    ...(readBoolean(io, INPUTS.onlyEnabled, false) ? { onlyEnabled: true } : {}),
  }
  if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
    throw new ConfigurationError(`give '${INPUTS.tier}', '${INPUTS.services}' or '${INPUTS.changedServices}': nothing is selected`)
  }
  const maxTier = readString(io, INPUTS.maxTier)
  if (maxTier && !/^[1-9]\d*$/.test(maxTier)) throw new ConfigurationError(`input '${INPUTS.maxTier}' must be a positive whole number (the highest tier the workflow has a job for), got '${maxTier}'`)
  return {
    catalogDir: readString(io, INPUTS.catalog, { default: 'catalog' }),
    environment: readString(io, INPUTS.environment),
    ref: readString(io, INPUTS.ref),
    selection,
    ...(maxTier ? { maxTier: Number(maxTier) } : {}),
  }
}

/**
 * The reasons output of detect-changed-services (service -> reasons), optional: given, each changed service's "why"
 * in the plan and its summary names the files, library or global path instead of just "changed".
 */
function changeReasons(io: ActionIO): { changedBecause?: Record<string, string[]> } {
  const inline = readJson<unknown>(io, INPUTS.changeReasons)
  const file = readJsonFile<unknown>(io, INPUTS.changeReasonsFile)
  if (inline !== undefined && file) throw new ConfigurationError(`give '${INPUTS.changeReasons}' or '${INPUTS.changeReasonsFile}', not both`)
  const reasons = file ? file.value : inline
  if (reasons === undefined) return {}
  const isReasonList = (v: unknown): v is ChangeReason[] => Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null && typeof (r as { kind?: unknown }).kind === 'string')
  if (typeof reasons !== 'object' || reasons === null || Array.isArray(reasons) || !Object.values(reasons).every(isReasonList)) {
    throw new ConfigurationError(`input '${file ? `${INPUTS.changeReasonsFile}' (${file.path})` : `${INPUTS.changeReasons}'`} must be the reasons output of detect-changed-services: a JSON object of service -> [{"kind":"files","count":1,"files":["..."]}, ...]`)
  }
  return { changedBecause: reasonsInWords(reasons as Record<string, ChangeReason[]>) }
}
