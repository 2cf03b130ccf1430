import { githubIO, readBoolean, readList, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError, loadCatalog, targetEnvironment } from '@tierdeploy/catalog'
import { chunkMatrix, parseTier, renderPlanMermaid, renderPlanTable, resolveDeployWaves, tierMatrices, type Selection } from '@tierdeploy/graph'
import { INPUTS, OUTPUTS, WORKFLOW_TIERS } from './contract.js'

function readSelection(io: ActionIO): Selection {
  const tier = readString(io, INPUTS.tier)
  const services = readList(io, INPUTS.services)
  const changed = readList(io, INPUTS.changedServices)
  const selection: Selection = {
    ...(tier ? { tier: parseTier(tier) } : {}),
    ...(services ? { services } : {}),
    ...(changed ? { changed } : {}),
    ...(readBoolean(io, INPUTS.withDependencies, false) ? { withDependencies: true } : {}),
  }
  if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
    throw new ConfigurationError(`give '${INPUTS.tier}', '${INPUTS.services}' or '${INPUTS.changedServices}': nothing is selected`)
  }
  return selection
}

export async function run(io: ActionIO = githubIO()): Promise<void> {
  await runAction(async (io) => {
    const selection = readSelection(io)
    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    // No environment named: the ref picks it (catalog branches/tags); a ref no environment lists deploys nothing.
    const { environment, nothing } = targetEnvironment(catalog, { environment: readString(io, INPUTS.environment), ref: readString(io, INPUTS.ref) })
    if (nothing) io.log.info(nothing)
    const plan = resolveDeployWaves(catalog, nothing ? { changed: [] } : selection, environment)
    io.setOutput(OUTPUTS.environment!, environment?.name ?? '')
    const matrices = tierMatrices(plan, catalog, environment)

    const deployable = matrices.flatMap((m) => m.matrix.include)
    const build = chunkMatrix(deployable)
    io.setOutput(OUTPUTS.plan!, JSON.stringify(plan))
    io.setOutput(OUTPUTS.tiers!, JSON.stringify(Object.fromEntries(matrices.map((m) => [String(m.tier), m]))))
    io.setOutput(OUTPUTS.services!, JSON.stringify(deployable.map((e) => e.service)))
    io.setOutput(OUTPUTS.build!, JSON.stringify(build))
    io.setOutput(OUTPUTS.buildEmpty!, String(deployable.length === 0))
    io.setOutput(OUTPUTS.empty!, String(plan.tiers.length === 0))
    for (const t of WORKFLOW_TIERS) {
      const m = matrices.find((x) => x.tier === t)
      io.setOutput(OUTPUTS[`tier${t}Matrix`]!, JSON.stringify(m?.matrix ?? { include: [] }))
      io.setOutput(OUTPUTS[`tier${t}Empty`]!, String(m?.empty ?? true))
      io.setOutput(OUTPUTS[`tier${t}Services`]!, JSON.stringify(m?.matrix.include.map((e) => e.service) ?? []))
    }
    const beyond = plan.tiers.filter((t) => t.tier > WORKFLOW_TIERS.at(-1)!)
    if (beyond.length) io.log.warning(`tiers ${beyond.map((t) => t.tier).join(', ')} have no per-tier outputs; read them from the '${OUTPUTS.tiers}' output`)

    const title = `### tierdeploy plan${environment ? ` for ${environment.name}` : ''}\n\n`
    await io.summary(plan.tiers.length ? `${title}${renderPlanTable(plan)}\n${renderPlanMermaid(plan, catalog)}` : `${title}Nothing to deploy${nothing ? `: ${nothing}` : ''}.\n`)
  }, io)
}
