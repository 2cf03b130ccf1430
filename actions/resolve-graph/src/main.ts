import { githubIO, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError, loadCatalog, targetEnvironment, type Catalog } from '@tierdeploy/catalog'
import { chunkMatrix, renderPlanSummary, resolveDeployWaves, tierMatrices, tiersAbove, whyNotEnabled, WORKFLOW_TIERS, type TierMatrix } from '@tierdeploy/graph'
import { INPUTS, OUTPUTS, TIER_OUTPUT_TIERS } from './contract.js'
import { readResolveInputs } from './inputs.js'

export async function run(io: ActionIO = githubIO()): Promise<void> {
  await runAction(async (io) => {
    const inputs = readResolveInputs(io)
    const { catalog, warnings } = await loadCatalog({ dir: inputs.catalogDir })
    for (const w of warnings) io.annotate(w)
    // No environment named: the ref picks it (catalog branches/tags); a ref no environment lists deploys nothing.
    const { environment, nothing } = targetEnvironment(catalog, { environment: inputs.environment, ref: inputs.ref })
    if (nothing) io.log.info(nothing)
    const plan = resolveDeployWaves(catalog, nothing ? { changed: [] } : inputs.selection, environment)
    const matrices = tierMatrices(plan, catalog, environment)
    if (inputs.maxTier !== undefined) refuseTiersAbove(matrices, inputs.maxTier, catalog)
    const skipped = plan.skipped ?? []
    if (skipped.length) {
      const why = skipped.map((name) => whyNotEnabled(catalog, catalog.services.get(name)!, environment)).join('; ')
      io.notice(`left out of the plan ('${INPUTS.onlyEnabled}' is true): ${why}`)
    }

    const deployable = matrices.flatMap((m) => m.matrix.include)
    const build = chunkMatrix(deployable)
    io.setOutput(OUTPUTS.environment!, environment?.name ?? '')
    io.setOutput(OUTPUTS.plan!, JSON.stringify(plan))
    io.setOutput(OUTPUTS.tiers!, JSON.stringify(Object.fromEntries(matrices.map((m) => [String(m.tier), m]))))
    io.setOutput(OUTPUTS.services!, JSON.stringify(deployable.map((e) => e.service)))
    io.setOutput(OUTPUTS.build!, JSON.stringify(build))
    io.setOutput(OUTPUTS.buildEmpty!, String(deployable.length === 0))
    io.setOutput(OUTPUTS.empty!, String(plan.tiers.length === 0))
    io.setOutput(OUTPUTS.skipped!, JSON.stringify(skipped))
    io.setOutput(OUTPUTS.tierServices!, JSON.stringify(Object.fromEntries(matrices.filter((m) => !m.empty).map((m) => [String(m.tier), m.matrix.include.map((e) => e.service)]))))
    for (const t of TIER_OUTPUT_TIERS) {
      const m = matrices.find((x) => x.tier === t)
      io.setOutput(OUTPUTS[`tier${t}Matrix`]!, JSON.stringify(m?.matrix ?? { include: [] }))
      io.setOutput(OUTPUTS[`tier${t}Empty`]!, String(m?.empty ?? true))
      io.setOutput(OUTPUTS[`tier${t}Services`]!, JSON.stringify(m?.matrix.include.map((e) => e.service) ?? []))
    }
    const beyond = tiersAbove(matrices, WORKFLOW_TIERS)
    if (beyond.length) {
      io.log.warning(`tiers ${beyond.map((t) => t.tier).join(', ')} have no per-tier outputs (the reusable workflow has tier jobs 1-${WORKFLOW_TIERS}); read them from the '${OUTPUTS.tiers}' output, or set '${INPUTS.maxTier}' to refuse such a plan`)
    }

    const left = skipped.length ? [`Left out (not enabled${environment ? ` in ${environment.name}` : ''}): ${skipped.map((n) => `\`${n}\``).join(', ')}`] : []
    await io.summary(renderPlanSummary(plan, catalog, { notes: left, ...(nothing ? { nothing } : {}) }))
  }, io)
}

/**
 * A workflow with jobs for tiers 1 to N never runs a tier above N: its services would silently not deploy. Refused
 * before any output is written, naming every such tier and its services.
 */
function refuseTiersAbove(matrices: TierMatrix[], maxTier: number, catalog: Catalog): void {
  const above = tiersAbove(matrices, maxTier)
  if (above.length === 0) return
  const listed = above.map((m) => `tier ${m.tier} (${m.matrix.include.map((e) => e.service).join(', ')})`)
  const which = listed.length === 1 ? `${listed[0]} is` : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)} are`
  const deploys = maxTier === 1 ? 'tier 1' : `tiers 1-${maxTier}`
  throw new ConfigurationError(
    `${which} above ${INPUTS.maxTier} ${maxTier}: this workflow deploys ${deploys} and would never deploy ${listed.length === 1 ? 'it' : 'them'}; move these services to ${maxTier === 1 ? 'tier 1' : `a tier of 1-${maxTier}`} in ${catalog.file}, or deploy them with a workflow that has a job for each of their tiers`,
  )
}
