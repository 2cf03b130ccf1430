import { readFileSync } from 'node:fs'
import { githubIO, readString, runAction, writeInputFile, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError, loadCatalog } from '@tierdeploy/catalog'
import { detectChangedServices, gitRunner, reasonsJson, renderChangeSummary, type GitHubEvent } from '@tierdeploy/changes'
import { INPUTS, OUTPUTS } from './contract.js'

interface Inputs {
  catalog: string
  base?: string
  head?: string
  defaultBranch?: string
}

function readInputs(io: ActionIO): Inputs {
  const optional = (name: string): string | undefined => readString(io, name) || undefined
  const base = optional(INPUTS.base)
  const head = optional(INPUTS.head)
  const defaultBranch = optional(INPUTS.defaultBranch)
  return {
    catalog: readString(io, INPUTS.catalog, { default: 'catalog' }),
    ...(base !== undefined ? { base } : {}),
    ...(head !== undefined ? { head } : {}),
    ...(defaultBranch !== undefined ? { defaultBranch } : {}),
  }
}

/** The event that started the run, from GITHUB_EVENT_NAME and the payload file at GITHUB_EVENT_PATH. */
function readEvent(env: NodeJS.ProcessEnv): GitHubEvent | undefined {
  const name = env.GITHUB_EVENT_NAME
  if (!name) return undefined
  const path = env.GITHUB_EVENT_PATH
  if (!path) return { name, payload: {} }
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new ConfigurationError(`cannot read the ${name} event payload at GITHUB_EVENT_PATH ${path}: ${(e as Error).message}`)
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ConfigurationError(`the ${name} event payload at GITHUB_EVENT_PATH ${path} is not a JSON object: give the '${INPUTS.base}' and '${INPUTS.head}' inputs, or run on the event's own payload`)
  }
  return { name, payload: payload as Record<string, unknown> }
}

export async function run(io: ActionIO = githubIO()): Promise<void> {
  await runAction(async (io) => {
    const inputs = readInputs(io)
    const event = readEvent(io.env)
    if (!event && inputs.base === undefined) throw new ConfigurationError(`no GitHub event to read (GITHUB_EVENT_NAME is unset): give the '${INPUTS.base}' input`)
    const { catalog, warnings } = await loadCatalog({ dir: inputs.catalog })
    for (const w of warnings) io.annotate(w)
    const detected = await detectChangedServices({
      catalog,
      git: gitRunner(catalog.root),
      ...(event ? { event } : {}),
      ...(inputs.base !== undefined ? { base: inputs.base } : {}),
      ...(inputs.head !== undefined ? { head: inputs.head } : {}),
      ...(inputs.defaultBranch !== undefined ? { defaultBranch: inputs.defaultBranch } : {}),
      ...(io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}),
      log: io.log,
    })
    // Empty rather than [] when the event describes no change: resolve-graph then filters nothing by change.
    io.setOutput(OUTPUTS.services, detected.mode === 'inputs' ? '' : JSON.stringify(detected.services))
    io.setOutput(OUTPUTS.deleted, JSON.stringify(detected.deleted))
    io.setOutput(OUTPUTS.infrastructure, String(detected.infrastructure))
    const reasons = reasonsJson(detected.reasons)
    if (reasons.trimmed) io.log.warning(`the '${OUTPUTS.reasons}' output lists no files (only counts): with every file it would pass GitHub's 1 MB output limit`)
    io.setOutput(OUTPUTS.reasons, reasons.json)
    // The same as a file, for resolve-graph's change-reasons-file: at 1,000 services the reasons pass the 128 KiB an
    // input (one environment variable) may hold.
    const reasonsFile = readString(io, INPUTS.reasonsFile)
    if (reasonsFile) writeInputFile(INPUTS.reasonsFile, reasonsFile, `${reasons.json}\n`)
    io.setOutput(OUTPUTS.mode, detected.mode)
    io.setOutput(OUTPUTS.base, detected.base ?? '')
    io.setOutput(OUTPUTS.head, detected.head ?? '')
    io.log.info(detected.mode === 'inputs' ? detected.why : `affected: ${detected.services.join(', ') || 'none'}${detected.deleted.length ? `; deleted: ${detected.deleted.join(', ')}` : ''}`)
    await io.summary(renderChangeSummary(detected))
  }, io)
}
