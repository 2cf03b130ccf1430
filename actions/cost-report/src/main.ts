import { resolve } from 'node:path'
import { githubIO, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError, environmentNamed, loadCatalog, type Catalog, type Environment } from '@tierdeploy/catalog'
import { catalogAtRef, cents, costDifference, costJson, estimateCost, execGit, loadPricing, renderCostDifference, renderCostMarkdown, renderCostSection, type GitRunner } from '@tierdeploy/cost'
import { INPUTS, OUTPUTS } from './contract.js'

interface Inputs {
  catalog: string
  environment: string
  pricing: string
  baseRef: string
  baseCatalog: string
}

function readInputs(io: ActionIO): Inputs {
  const inputs = {
    catalog: readString(io, INPUTS.catalog, { default: 'catalog' }),
    environment: readString(io, INPUTS.environment),
    pricing: readString(io, INPUTS.pricing),
    baseRef: readString(io, INPUTS.baseRef),
    baseCatalog: readString(io, INPUTS.baseCatalog),
  }
  if (inputs.baseRef && inputs.baseCatalog) throw new ConfigurationError(`give '${INPUTS.baseRef}' or '${INPUTS.baseCatalog}', not both`)
  return inputs
}

/** The catalog to compare against: from git at base-ref, or a directory holding the base checkout's catalog. */
async function baseCatalog(inputs: Inputs, head: Catalog, git: GitRunner): Promise<Catalog | undefined> {
  if (inputs.baseRef) return catalogAtRef(git, inputs.baseRef, inputs.catalog, head.root)
  if (inputs.baseCatalog) return (await loadCatalog({ dir: inputs.baseCatalog, root: head.root })).catalog
  return undefined
}

export async function run(io: ActionIO = githubIO(), git: GitRunner = execGit): Promise<void> {
  await runAction(async (io) => {
    const inputs = readInputs(io)
    const { catalog, warnings } = await loadCatalog({ dir: inputs.catalog })
    for (const w of warnings) io.annotate(w)
    const { table, overrides } = loadPricing({ catalogDir: inputs.catalog, ...(inputs.pricing ? { file: inputs.pricing } : {}) })
    const environments: Environment[] = inputs.environment ? [environmentNamed(catalog, inputs.environment)] : [...catalog.environments.values()]
    const reports = environments.map((e) => estimateCost(catalog, e, table, overrides))
    io.setOutput(OUTPUTS.report, JSON.stringify({ environments: reports.map(costJson) }))
    io.setOutput(OUTPUTS.monthly, JSON.stringify(Object.fromEntries(reports.map((r) => [r.environment, cents(r.totals.configured)]))))

    const comparing = Boolean(inputs.baseRef || inputs.baseCatalog)
    if (!comparing) {
      io.setOutput(OUTPUTS.difference, '{}')
      io.setOutput(OUTPUTS.increase, 'false')
      await io.summary(reports.map(renderCostMarkdown).join('\n'))
      return
    }
    const base = await baseCatalog(inputs, catalog, git)
    // The same pricing table on both sides, so the difference is what the catalog change causes.
    const differences = reports.map((after) => {
      const env = base?.environments.get(after.environment)
      return costDifference(base && env ? estimateCost(base, env, table, overrides) : undefined, after)
    })
    io.setOutput(OUTPUTS.difference, JSON.stringify(Object.fromEntries(differences.map((d) => [d.environment, d.difference]))))
    io.setOutput(OUTPUTS.increase, String(differences.some((d) => d.difference > 0)))
    const label = inputs.baseRef || resolve(inputs.baseCatalog)
    await io.summary(`${renderCostDifference(differences, inputs.baseRef ? `\`${label}\`` : label)}\n${reports.map((r) => renderCostSection(r)).join('\n')}`)
  }, io)
}
