import { environmentNamed, formatProblem, loadCatalog, type Environment } from '@tierdeploy/catalog'
import { planJson, renderPlanText, resolveDeployWaves } from '@tierdeploy/graph'
import { parseFlags, refuseTogether, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'
import { changeRangeOptions, selectionFromFlags, selectionOptions } from '../selection.js'

export const usage = 'tierdeploy plan [--catalog DIR] [--env ENV | --ref REF] [--tier N|all] [--services A,B | --service A] [--with-dependencies] [--base REF [--head REF] [--merge-base]] [--json]'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    ref: { type: 'string' },
    json: { type: 'boolean' },
    ...changeRangeOptions,
    ...selectionOptions,
  })
  refuseTogether(values, 'env', 'ref', '--ref picks the environment whose branches or tags match it, --env names it')
  const selection = selectionFromFlags(values)
  const byChange = [values.base, values.head, values['merge-base']].some((v) => v !== undefined)
  if (selection.tier === undefined && selection.services === undefined && !byChange && values.ref === undefined) {
    throw new UsageError('nothing selected: give --tier N|all, --services A,B, --service A or --base REF')
  }
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  // --base plans only what changed since REF (loaded on use: plain plans need no git).
  if (byChange) {
    const detected = await (await import('./changed.js')).changedFromFlags(catalog, values, io)
    selection.changed = detected.services
    selection.changedBecause = (await import('@tierdeploy/changes')).reasonsInWords(detected.reasons)
  }
  // Without --env, --ref picks the environment from the catalog's branches/tags; a ref none lists plans nothing.
  // Glob matching (picomatch) loads only when a ref is given, so a plain plan starts faster.
  const envName = stringFlag(values, 'env')
  const ref = stringFlag(values, 'ref')
  let environment: Environment | undefined
  let nothing: string | undefined
  if (envName !== undefined) environment = environmentNamed(catalog, envName)
  else if (ref !== undefined) ({ environment, nothing } = (await import('@tierdeploy/catalog/branches')).targetEnvironment(catalog, { ref }))
  if (nothing) io.stderr(nothing)
  const plan = resolveDeployWaves(catalog, nothing ? { changed: [] } : selection, environment)
  if (values.json) io.stdout(JSON.stringify(planJson(plan)))
  else io.stdout(renderPlanText(plan).trimEnd())
  return 0
}
