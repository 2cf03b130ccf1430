import { formatProblem, loadCatalog, streamLogger, type Catalog } from '@tierdeploy/catalog'
import { affectedJson, describeReason, detectChangedServices, gitRunner, type DetectedChanges } from '@tierdeploy/changes'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'
import { changeRangeOptions } from '../selection.js'

export const usage = 'tierdeploy changed [--catalog DIR] --base REF [--head REF] [--merge-base] [--json]'

/**
 * What changed between --base and --head (default HEAD), for `changed` and `plan --base`. The two trees are
 * compared (`git diff BASE HEAD`, what a deploy from BASE to HEAD changes); --merge-base compares from where
 * HEAD left BASE instead (what a branch changes, for review).
 */
export async function changedFromFlags(catalog: Catalog, values: Record<string, unknown>, io: CliIO): Promise<DetectedChanges> {
  const { base, head, mergeBase } = rangeFromFlags(values)
  return detectChangedServices({
    catalog,
    git: gitRunner(catalog.root),
    base,
    ...(head !== undefined ? { head } : {}),
    ...(mergeBase ? { mergeBase: true } : {}),
    log: streamLogger((line) => io.stderr(line), values.verbose === true),
  })
}

/** --base, --head and --merge-base, checked before anything is read: --head or --merge-base need --base. */
export function rangeFromFlags(values: Record<string, unknown>): { base: string; head?: string; mergeBase: boolean } {
  const base = stringFlag(values, 'base')
  const head = stringFlag(values, 'head')
  const mergeBase = values['merge-base'] === true
  if (base === undefined) {
    const given = [head !== undefined ? '--head' : undefined, mergeBase ? '--merge-base' : undefined].filter((f) => f !== undefined)
    throw new UsageError(`--base REF is required${given.length ? ` with ${given.join(' and ')}` : ''}: the commit, branch or tag to compare with (e.g. --base origin/main)`)
  }
  return { base, ...(head !== undefined ? { head } : {}), mergeBase }
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
  const { values } = parseFlags(args, { catalog: { type: 'string' }, ...changeRangeOptions, json: { type: 'boolean' }, verbose: { type: 'boolean' } })
  // Checked before the catalog loads, so a missing --base is a usage error (exit 2) whatever the catalog holds.
  rangeFromFlags(values)
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const detected = await changedFromFlags(catalog, values, io)
  io.stdout(values.json ? JSON.stringify(affectedJson(detected)) : renderText(detected))
  return 0
}
