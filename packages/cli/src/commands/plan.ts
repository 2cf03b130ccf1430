import { environmentNamed, formatProblem, loadCatalog } from '@tierdeploy/catalog'
import { planJson, renderPlanText, resolveDeployWaves } from '@tierdeploy/graph'
import { parseFlags, stringFlag } from '../args.js'
import type { CliIO } from '../cli-io.js'
import { selectionFromFlags, selectionOptions } from '../selection.js'

export const usage = 'tierdeploy plan [--catalog DIR] [--env ENV] [--tier N|all] [--services A,B | --service A] [--with-dependencies] [--json]'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, {
    catalog: { type: 'string' },
    env: { type: 'string' },
    json: { type: 'boolean' },
    ...selectionOptions,
  })
  const selection = selectionFromFlags(values)
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog' })
  for (const w of warnings) io.stderr(formatProblem(w))
  const envName = stringFlag(values, 'env')
  const environment = envName === undefined ? undefined : environmentNamed(catalog, envName)
  const plan = resolveDeployWaves(catalog, selection, environment)
  if (values.json) io.stdout(JSON.stringify(planJson(plan)))
  else io.stdout(renderPlanText(plan).trimEnd())
  return 0
}
