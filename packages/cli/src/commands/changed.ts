import { formatProblem, loadCatalog, streamLogger, type Catalog } from '@tierdeploy/catalog'
import { affectedJson, describeReason, detectChangedServices, gitRunner, type DetectedChanges } from '@tierdeploy/changes'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'

export const usage = 'tierdeploy changed [--catalog DIR] --base REF [--head REF] [--json]'

/** What changed between --base and --head (default HEAD), for `changed` and `plan --base`. */
export async function changedFromFlags(catalog: Catalog, values: Record<string, unknown>, io: CliIO): Promise<DetectedChanges> {
  const base = stringFlag(values, 'base')
  const head = stringFlag(values, 'head')
  if (base === undefined) throw new UsageError(`--base REF is required${head !== undefined ? ' with --head' : ''}: the commit, branch or tag to compare with (e.g. --base origin/main)`)
  return detectChangedServices({
    catalog,
    git: gitRunner(catalog.root),
    base,
    ...(head !== undefined ? { head } : {}),
    log: streamLogger((line) => io.stderr(line), values.verbose === true),
  })
}

function renderText(d: DetectedChanges): string {
  const lines: string[] = []
  const width = Math.max(0, ...[...d.services, ...d.deleted].map((n) => n.length))
  lines.push(d.services.length ? `${d.services.length} service${d.services.length === 1 ? '' : 's'} changed ${d.why}:` : `No service changed ${d.why}.`)
  for (const name of d.services) lines.push(`  ${name.padEnd(width)}  ${d.reasons[name]!.map((r) => describeReason(r, false)).join('; ')}`)
  if (d.deleted.length) {
    lines.push('Deleted (never deployed):')
    for (const name of d.deleted) lines.push(`  ${name.padEnd(width)}  ${d.reasons[name]!.map((r) => describeReason(r, false)).join('; ')}`)
  }
  if (d.infrastructure) lines.push(`Infrastructure changed${d.infrastructureFiles.count ? `: ${d.infrastructureFiles.files.slice(0, 3).join(', ')}${d.infrastructureFiles.count > 3 ? ` and ${d.infrastructureFiles.count - 3} more` : ''}` : ''}.`)
  return lines.join('\n')
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { catalog: { type: 'string' }, base: { type: 'string' }, head: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' } })
  if (stringFlag(values, 'base') === undefined) throw new UsageError('--base REF is required: the commit, branch or tag to compare with (e.g. --base origin/main)')
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const detected = await changedFromFlags(catalog, values, io)
  io.stdout(values.json ? JSON.stringify(affectedJson(detected)) : renderText(detected))
  return 0
}
