import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { buildCatalog, checkCatalog, ConfigurationError, formatProblem, SERVICE_NAME_PATTERN, type Problem } from '@tierdeploy/catalog'
import { catalogFiles, describeEvidence, discover, mergeCatalog, type Discovery } from '@tierdeploy/discover'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'

export const usage = 'tierdeploy init [--dir REPO] [--catalog DIR] [--update | --force] [--accept-suggested] [--platform NAME] [--environments dev,staging,production] [--region REGION] [--dry-run]'

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/

/** The flags `init` and `discover` share: where the repository is and how to read it. */
export const discoveryFlags = { dir: { type: 'string' }, catalog: { type: 'string' }, platform: { type: 'string' }, 'accept-suggested': { type: 'boolean' } } as const

export interface DiscoveryRun {
  root: string
  /** Absolute catalog directory. */
  catalogDir: string
  /** The catalog directory as shown in messages (relative to the working directory). */
  shown: string
  discovery: Discovery
}

/** Reads the shared flags, checks them, and discovers the repository. */
export function runDiscovery(values: Record<string, unknown>, io: CliIO): DiscoveryRun {
  const root = resolve(io.cwd, stringFlag(values, 'dir') ?? '.')
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--dir ${stringFlag(values, 'dir')}: no such directory (the repository to scan)`)
  const catalogFlag = stringFlag(values, 'catalog')
  const catalogDir = catalogFlag === undefined ? join(root, 'catalog') : resolve(io.cwd, catalogFlag)
  const platform = stringFlag(values, 'platform')
  if (platform !== undefined && !new RegExp(SERVICE_NAME_PATTERN).test(platform)) throw new UsageError(`--platform '${platform}' is not a valid name: lower-case letters, digits and -, like indigenious`)
  const inRepo = relative(root, catalogDir)
  const discovery = discover({
    root,
    catalogDir: inRepo.startsWith('..') || isAbsolute(inRepo) ? '' : inRepo.split('\\').join('/'),
    ...(platform ? { platform } : {}),
    ...(values['accept-suggested'] ? { acceptSuggested: true } : {}),
  })
  return { root, catalogDir, shown: relative(io.cwd, catalogDir) || '.', discovery }
}

/** Counts and the lists to act on: proposed dependencies and directories left out. */
export function summarise(discovery: Discovery): string[] {
  const count = (kind: string): number => discovery.units.filter((u) => u.kind === kind).length
  const lines = [
    `found ${count('service')} services, ${count('library')} libraries and ${count('infrastructure')} data stores in ${discovery.tiers.tiers.length} tiers; ${discovery.edges.length} dependencies with evidence`,
  ]
  if (discovery.suggested.length) {
    lines.push(`${discovery.suggested.length} dependencies proposed, not written (add them by hand, or run with --accept-suggested for those without a doubt):`)
    for (const e of discovery.suggested) lines.push(`  ${e.from} -> ${e.to}: ${describeEvidence(e.evidence[0]!)}${e.doubt ? ` (not written: ${e.doubt})` : ''}`)
  }
  if (discovery.skipped.length) {
    lines.push(`${discovery.skipped.length} directories not in the catalog:`)
    for (const s of discovery.skipped) lines.push(`  ${s.path}: ${s.detail}`)
  }
  return lines
}

/** The files validated in memory (a dry run writes nothing, so validate cannot read them). */
function checkInMemory(run: DiscoveryRun, files: Record<string, string>): Problem[] {
  const file = (f: string): string => join(run.shown, f)
  const { problems } = buildCatalog({
    dir: run.shown,
    root: run.root,
    services: { file: file('services.yaml'), text: files['services.yaml']! },
    environments: Object.entries(files).filter(([f]) => f.startsWith('environments/')).map(([f, text]) => ({ file: file(f), text })),
    pathExists: (p) => existsSync(join(run.root, p)),
  })
  return problems
}

function report(problems: Problem[], io: CliIO, what: string): number {
  for (const p of problems) io.stderr(formatProblem(p))
  const errors = problems.filter((p) => p.severity === 'error').length
  io.stderr(errors ? `${what}: ${errors} error${errors === 1 ? '' : 's'} (tierdeploy validate lists them with file:line; please report a catalog init writes that does not validate)` : `${what}: valid${problems.length ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'})` : ''}`)
  return errors ? 1 : 0
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { ...discoveryFlags, update: { type: 'boolean' }, force: { type: 'boolean' }, environments: { type: 'string' }, region: { type: 'string' }, 'dry-run': { type: 'boolean' } })
  if (values.update && values.force) throw new UsageError('give --update or --force, not both: --update adds to the catalog, --force rewrites it')
  const environments = (stringFlag(values, 'environments') ?? 'dev,staging,production').split(',').map((e) => e.trim())
  const badEnv = environments.find((e) => !new RegExp(SERVICE_NAME_PATTERN).test(e))
  if (badEnv !== undefined) throw new UsageError(`--environments: '${badEnv}' is not an environment name (lower-case letters, digits and -), e.g. --environments dev,staging,production`)
  if (new Set(environments).size !== environments.length) throw new UsageError(`--environments names an environment twice: ${environments.join(',')}`)
  const regionFlag = stringFlag(values, 'region') ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION
  if (regionFlag !== undefined && !REGION.test(regionFlag)) throw new UsageError(`--region '${regionFlag}' is not an AWS region, e.g. ca-central-1`)

  const started = Date.now()
  const run = runDiscovery(values, io)
  const owner = run.discovery.units.find((u) => u.path !== undefined && (run.catalogDir === join(run.root, u.path) || run.catalogDir.startsWith(`${join(run.root, u.path)}/`)))
  if (owner) throw new ConfigurationError(`${run.shown} is inside ${owner.name} (${owner.path}): writing the catalog there would change that service; pass --catalog DIR`)
  const servicesFile = join(run.catalogDir, 'services.yaml')
  const shownFile = join(run.shown, 'services.yaml')
  for (const line of summarise(run.discovery)) io.stderr(line)
  io.stderr(`scanned ${run.root} in ${Date.now() - started} ms`)

  if (values.update) {
    if (!existsSync(servicesFile)) throw new ConfigurationError(`no catalog at ${shownFile} to update: run tierdeploy init without --update to write one`)
    const merged = mergeCatalog(readFileSync(servicesFile, 'utf8'), shownFile, run.discovery, (p) => existsSync(join(run.root, p)))
    io.stdout(merged.added.length ? `${values['dry-run'] ? 'would add' : 'added'} ${merged.added.length}: ${merged.added.join(', ')}` : 'nothing new to add')
    for (const m of merged.missing) io.stdout(`${m.name}: its directory ${m.path} no longer exists; remove the entry or fix its path (a comment above it says so)`)
    for (const note of merged.notes) io.stdout(note)
    if (values['dry-run']) return 0
    writeFileSync(servicesFile, merged.text)
    return report((await checkCatalog({ dir: run.catalogDir, root: run.root, checkPaths: true })).problems, io, shownFile)
  }

  if (existsSync(servicesFile) && !values.force) {
    throw new ConfigurationError(`${shownFile} already exists: run tierdeploy init --update to add what is new and keep what is written, or --force to overwrite it`)
  }
  const files = catalogFiles(run.discovery, { environments, region: regionFlag ?? 'us-east-1', regionGiven: regionFlag !== undefined })
  if (values['dry-run']) {
    io.stdout(files['services.yaml']!.trimEnd())
    return report(checkInMemory(run, files), io, `${shownFile} (not written: --dry-run)`)
  }
  const written: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const path = join(run.catalogDir, name)
    // Environment files already there are the user's (a catalog directory started by hand): kept unless --force.
    if (name.startsWith('environments/') && existsSync(path) && !values.force) continue
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    written.push(join(run.shown, name))
  }
  io.stdout(`wrote ${written.join(', ')}`)
  if (dirname(run.catalogDir) !== run.root) io.stdout(`note: the other commands read service paths relative to the catalog's parent directory (${dirname(run.catalogDir)}), not ${run.root}`)
  if (regionFlag === undefined) io.stdout('the environment files use region us-east-1 as a placeholder: set each one\'s region, account and roleArn')
  return report((await checkCatalog({ dir: run.catalogDir, root: run.root, checkPaths: true })).problems, io, shownFile)
}
