import { checkCatalog, formatProblem } from '@tierdeploy/catalog'
import { parseFlags, stringFlag } from '../args.js'
import type { CliIO } from '../cli-io.js'

export const usage = 'tierdeploy validate [--catalog DIR] [--strict] [--json]'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { catalog: { type: 'string' }, strict: { type: 'boolean' }, json: { type: 'boolean' } })
  const dir = stringFlag(values, 'catalog') ?? 'catalog'
  const { catalog, problems } = await checkCatalog({ dir, strict: values.strict === true, checkPaths: true, ...(io.beforeCatalogLoad ? { beforeLoad: io.beforeCatalogLoad } : {}) })
  const errors = problems.filter((p) => p.severity === 'error')
  if (values.json) {
    io.stdout(JSON.stringify({ valid: errors.length === 0, problems: problems.map(({ path: _path, atKey: _atKey, ...p }) => p) }))
  } else {
    for (const p of problems) io.stderr(formatProblem(p))
    if (errors.length === 0 && catalog) {
      const warnings = problems.length - errors.length
      io.stdout(`${catalog.file}: ${catalog.services.size} services in ${catalog.tiers.length} tiers, ${catalog.environments.size} environments: valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`)
    } else io.stderr(`${dir}: ${errors.length} error${errors.length === 1 ? '' : 's'}`)
  }
  return errors.length ? 1 : 0
}
