import { environmentNamed, formatProblem, loadCatalog } from '@tierdeploy/catalog'
import { costJson, estimateCost, loadPricing, renderCostMarkdown, renderCostTable } from '@tierdeploy/cost'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'

export const usage = 'tierdeploy cost [--catalog DIR] [--env ENV] [--format table|markdown|json] [--pricing FILE]'

const FORMATS = ['table', 'markdown', 'json'] as const

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { catalog: { type: 'string' }, env: { type: 'string' }, format: { type: 'string' }, pricing: { type: 'string' } })
  const format = stringFlag(values, 'format') ?? 'table'
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`)
  const dir = stringFlag(values, 'catalog') ?? 'catalog'
  const { catalog, warnings } = await loadCatalog({ dir })
  for (const w of warnings) io.stderr(formatProblem(w))
  const pricingFile = stringFlag(values, 'pricing')
  const { table, overrides } = loadPricing({ catalogDir: dir, ...(pricingFile ? { file: pricingFile } : {}) })
  const envName = stringFlag(values, 'env')
  const environments = envName === undefined ? [...catalog.environments.values()] : [environmentNamed(catalog, envName)]
  if (environments.length === 0) io.stderr(`${catalog.file}: no environments in ${dir}/environments, so there is no region or size to price`)
  const reports = environments.map((e) => estimateCost(catalog, e, table, overrides))
  if (format === 'json') io.stdout(JSON.stringify({ environments: reports.map(costJson) }, null, 2))
  else io.stdout(reports.map(format === 'markdown' ? renderCostMarkdown : renderCostTable).join('\n').trimEnd())
  return 0
}
