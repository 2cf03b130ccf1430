import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCatalog, checkCatalog, ConfigurationError, formatProblem, SERVICE_NAME_PATTERN, type Catalog, type CatalogResult, type Problem } from '@tierdeploy/catalog'
import { catalogFiles, describeEvidence, discover, mergeCatalog, type Discovery } from '@tierdeploy/discover'
import { firstPartyReferences } from '@tierdeploy/workflows'
import { parseFlags, stringFlag } from '../args.js'
import { UsageError, type CliIO } from '../cli-io.js'

export const usage = 'tierdeploy init [--dir REPO] [--catalog DIR] [--update | --force] [--accept-suggested] [--platform NAME] [--environments dev,staging,production] [--region REGION] [--workflows] [--dry-run]'

/**
 * The caller workflows `--workflows` writes: examples/workflows (which the workflow simulator runs) from source; the
 * bundler (ncc) copies that folder into dist/workflows and replaces this expression with the copy's path. A release
 * pins the copy's references to the release's commits (scripts/pin-release.mjs), so an installed tierdeploy writes
 * workflows pinned to itself.
 */
const workflowsLocation: URL | string = new URL('../../../../examples/workflows', import.meta.url)
export const BUNDLED_WORKFLOWS = typeof workflowsLocation === 'string' ? workflowsLocation : fileURLToPath(workflowsLocation)

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
function checkInMemory(run: DiscoveryRun, files: Record<string, string>): CatalogResult {
  const file = (f: string): string => join(run.shown, f)
  return buildCatalog({
    dir: run.shown,
    root: run.root,
    services: { file: file('services.yaml'), text: files['services.yaml']! },
    environments: Object.entries(files).filter(([f]) => f.startsWith('environments/')).map(([f, text]) => ({ file: file(f), text })),
    pathExists: (p) => existsSync(join(run.root, p)),
  })
}

function report(problems: Problem[], io: CliIO, what: string): number {
  for (const p of problems) io.stderr(formatProblem(p))
  const errors = problems.filter((p) => p.severity === 'error').length
  io.stderr(errors ? `${what}: ${errors} error${errors === 1 ? '' : 's'} (tierdeploy validate lists them with file:line; please report a catalog init writes that does not validate)` : `${what}: valid${problems.length ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'})` : ''}`)
  return errors ? 1 : 0
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { ...discoveryFlags, update: { type: 'boolean' }, force: { type: 'boolean' }, environments: { type: 'string' }, region: { type: 'string' }, workflows: { type: 'boolean' }, 'dry-run': { type: 'boolean' } })
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
    if (!values['dry-run']) writeFileSync(servicesFile, merged.text)
    const checked = await checkCatalog({ dir: run.catalogDir, root: run.root, checkPaths: true })
    if (values['dry-run'] && !values.workflows) return 0
    return withWorkflows(values['dry-run'] ? 0 : report(checked.problems, io, shownFile), checked, run, values, io)
  }

  if (existsSync(servicesFile) && !values.force) {
    throw new ConfigurationError(`${shownFile} already exists: run tierdeploy init --update to add what is new and keep what is written, or --force to overwrite it`)
  }
  const files = catalogFiles(run.discovery, { environments, region: regionFlag ?? 'us-east-1', regionGiven: regionFlag !== undefined })
  if (values['dry-run']) {
    io.stdout(files['services.yaml']!.trimEnd())
    const checked = checkInMemory(run, files)
    return withWorkflows(report(checked.problems, io, `${shownFile} (not written: --dry-run)`), checked, run, values, io)
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
  const checked = await checkCatalog({ dir: run.catalogDir, root: run.root, checkPaths: true })
  return withWorkflows(report(checked.problems, io, shownFile), checked, run, values, io)
}

/** After the catalog: with --workflows (and a catalog that validates), the caller workflows and the checklist. */
function withWorkflows(code: number, checked: CatalogResult, run: DiscoveryRun, values: Record<string, unknown>, io: CliIO): number {
  if (!values.workflows || code !== 0 || !checked.catalog) return code
  const written = writeCallerWorkflows(checked.catalog, run.root, { force: values.force === true, dryRun: values['dry-run'] === true })
  const shown = (files: string[]): string => files.map((f) => relative(io.cwd, join(run.root, f)) || f).join(', ')
  if (written.written.length) io.stdout(`${values['dry-run'] ? 'would write' : 'wrote'} ${shown(written.written)}`)
  if (written.kept.length) io.stdout(`kept ${shown(written.kept)}: already there (--force overwrites them)`)
  io.stdout(written.pinnedTo)
  for (const line of setupChecklist(checked.catalog)) io.stdout(line)
  return 0
}

/** The caller workflows, by file name: what `--workflows` writes into .github/workflows/. */
export function callerWorkflows(dir = BUNDLED_WORKFLOWS): Record<string, string> {
  const names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]))
}

/** The environments the caller workflows deploy to by name: push -> staging, promotion -> production. */
const WORKFLOW_ENVIRONMENTS = ['staging', 'production']

/**
 * Writes the caller workflows into ROOT/.github/workflows, keeping files already there unless `force`. Returns
 * the paths written and kept (relative to root), and a line saying which tierdeploy they run.
 */
export function writeCallerWorkflows(catalog: Catalog, root: string, options: { force: boolean; dryRun: boolean; templates?: string }): { written: string[]; kept: string[]; pinnedTo: string } {
  const missing = WORKFLOW_ENVIRONMENTS.filter((e) => !catalog.environments.has(e))
  if (missing.length) {
    throw new ConfigurationError(
      `--workflows writes workflows that deploy to staging on every push and promote to production, but the catalog has no ${missing.map((e) => `environment '${e}' (${join(relative(root, catalog.dir) || '.', 'environments', `${e}.yaml`)})`).join(' and no ')}: add ${missing.length === 1 ? 'it' : 'them'} (tierdeploy init --environments dev,staging,production), or copy and adapt examples/workflows by hand`,
    )
  }
  const templates = callerWorkflows(options.templates)
  const written: string[] = []
  const kept: string[] = []
  for (const [name, text] of Object.entries(templates)) {
    const file = join('.github/workflows', name)
    if (existsSync(join(root, file)) && !options.force) {
      kept.push(file)
      continue
    }
    written.push(file)
    if (options.dryRun) continue
    mkdirSync(join(root, '.github/workflows'), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  return { written, kept, pinnedTo: describePin(Object.values(templates)) }
}

/** Which tierdeploy the written workflows run: a release's commit (a release build), or the moving major tag. */
function describePin(texts: string[]): string {
  const refs = new Map(texts.flatMap((t) => firstPartyReferences(t)).map((r) => [r.ref, r.version]))
  const [ref, version] = refs.size === 1 ? [...refs][0]! : []
  if (ref !== undefined && /^[0-9a-f]{40}$/.test(ref)) return `the workflows run tierdeploy ${version ? `v${version} ` : ''}pinned by commit ${ref}; to upgrade, put a newer release's commit in their uses: lines (docs/releasing.md)`
  return `the workflows run tierdeploy@${[...refs.keys()].join(', @')}, a tag that moves with each release: this tierdeploy is not a published release (a release pins its commit); pin a commit SHA before production use`
}

/**
 * What to set up in GitHub and AWS before the first run, as a checklist (docs/workflows.md, "GitHub environments
 * to create" and "AWS roles (OIDC)"): the catalog's environments with their deployment branches, the approval
 * environment, the OIDC subject claim the roles trust, the two roles per environment, and no secrets.
 */
export function setupChecklist(catalog: Catalog): string[] {
  // Promotion order as far as the catalog tells it: environments that ask for an approval (production) last.
  const environments = [...catalog.environments.values()].sort((a, b) => Number(a.requireApproval === true) - Number(b.requireApproval === true))
  // GitHub refuses a job whose ref the environment's deployment branches do not allow: the catalog's refs for the
  // environment, and main for the two the written workflows deploy on a push to main.
  const refs = (e: { name: string; branches?: string[]; tags?: string[] }): string => {
    const branches = [...new Set([...(WORKFLOW_ENVIRONMENTS.includes(e.name) ? ['main'] : []), ...(e.branches ?? [])])]
    return [branches.length ? `branches ${branches.join(', ')}` : '', e.tags?.length ? `tags ${e.tags.join(', ')}` : ''].filter(Boolean).join(' and ') || 'the branches you deploy from'
  }
  const lines = ['', 'Before the first run (docs/workflows.md, "GitHub environments to create" and "AWS roles (OIDC)"):', 'GitHub, Settings > Environments:']
  for (const e of environments) {
    lines.push(`  [ ] ${e.name}: deployment ${refs(e)}; no required reviewers, no wait timer (every job of a ${e.name} deploy runs in it)`)
    if (e.requireApproval) {
      lines.push(`  [ ] ${e.name}-approval: required reviewers (your release managers), prevent self-review on, administrators may not bypass; deployment ${refs(e)}; no secrets (only the approve job runs in it)`)
    }
  }
  lines.push(
    "GitHub, the OIDC subject claim (the roles trust the job_workflow_ref of tierdeploy's workflows):",
    "  [ ] gh api -X PUT repos/OWNER/REPO/actions/oidc/customization/sub -F use_default=false -f 'include_claim_keys[]=repo' -f 'include_claim_keys[]=context' -f 'include_claim_keys[]=job_workflow_ref'",
    'AWS, once per account: terraform/bootstrap (with terraform/modules/github-oidc) creates the OIDC provider and two roles per environment (terraform output deploy_role_arns, build_role_arns):',
  )
  for (const e of environments) {
    const role = (kind: string): string => `arn:aws:iam::${e.account ?? 'ACCOUNT'}:role/${catalog.platform}-${e.name}-${kind}`
    const deploy = typeof e.roleArn === 'string' ? `roleArn ${e.roleArn} (set)` : `roleArn ${role('deploy')}`
    const build = e.buildRoleArn ? `buildRoleArn ${e.buildRoleArn} (set)` : `buildRoleArn ${role('build')}`
    lines.push(`  [ ] ${e.name}: ${deploy}, ${build}; set both, and account, in ${relative(catalog.root, e.file) || e.file}`)
  }
  lines.push('Secrets and variables:', '  [ ] none to create: AWS is reached with OIDC, deployments are recorded with github.token; keep AWS keys out of GitHub')
  return lines
}
