import { execFile } from 'node:child_process'
import { buildCatalog, ConfigurationError, formatProblem, locateProblems, type Catalog, type Source } from '@tierdeploy/catalog'
import type { CostReport } from './estimate.js'
import { cents, money } from './render.js'

/** Runs git with arguments (never through a shell) in a directory; injected so tests use real repositories in temp dirs. */
export type GitRunner = (args: string[], cwd: string) => Promise<{ stdout: string; stderr: string; exitCode: number }>

export const execGit: GitRunner = (args, cwd) =>
  new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      // error.code is the exit status, or a string such as ENOENT when git itself could not be started.
      const status = (error as { code?: unknown } | null)?.code
      resolve({ stdout, stderr: stderr || (error?.message ?? ''), exitCode: error ? (typeof status === 'number' ? status : 127) : 0 })
    })
  })

/**
 * The catalog as it was at `ref` (the pull request's base), read with `git show REF:./services.yaml` from the
 * catalog directory. Undefined when the catalog did not exist at that commit (a pull request that adds it).
 */
export async function catalogAtRef(git: GitRunner, ref: string, catalogDir: string, root: string): Promise<Catalog | undefined> {
  const verify = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], catalogDir)
  if (verify.exitCode !== 0) {
    throw new ConfigurationError(`base ref '${ref}' is not a commit in this clone (check out with fetch-depth: 0, or fetch the base branch first)`)
  }
  const services = await git(['show', `${ref}:./services.yaml`], catalogDir)
  if (services.exitCode !== 0) return undefined
  const listing = await git(['ls-tree', '--name-only', ref, './environments/'], catalogDir)
  const environments: Source[] = []
  for (const path of listing.stdout.split('\n').filter((p) => /\.ya?ml$/.test(p)).sort()) {
    const name = path.split('/').pop()!
    const shown = await git(['show', `${ref}:./environments/${name}`], catalogDir)
    if (shown.exitCode === 0) environments.push({ file: `${catalogDir}/environments/${name}`, text: shown.stdout })
  }
  const source: Source = { file: `${catalogDir}/services.yaml`, text: services.stdout }
  const result = buildCatalog({ dir: catalogDir, root, services: source, environments })
  const errors = result.problems.filter((p) => p.severity === 'error')
  if (errors.length || !result.catalog) {
    await locateProblems(errors, [source, ...environments])
    throw new ConfigurationError(`the catalog at ${ref} has ${errors.length} error(s), so the cost difference cannot be computed:\n${errors.map((p) => `  ${formatProblem(p)} (at ${ref})`).join('\n')}`)
  }
  return result.catalog
}

export interface ServiceDifference {
  service: string
  before: number
  after: number
  difference: number
}

export interface CostDifference {
  environment: string
  before: number
  after: number
  difference: number
  /** Services whose configured cost changed, added (before 0) or removed (after 0), largest change first. */
  services: ServiceDifference[]
  platform: { before: number; after: number; difference: number }
}

/**
 * What a change costs a month in one environment, comparing the configured column (what the catalog runs).
 * `before` is undefined when the environment (or the whole catalog) did not exist at the base.
 */
export function costDifference(before: CostReport | undefined, after: CostReport): CostDifference {
  const was = new Map((before?.services ?? []).map((s) => [s.service, s.configured]))
  const now = new Map(after.services.map((s) => [s.service, s.configured]))
  const services: ServiceDifference[] = []
  for (const name of new Set([...was.keys(), ...now.keys()])) {
    const b = cents(was.get(name) ?? 0)
    const a = cents(now.get(name) ?? 0)
    if (a !== b) services.push({ service: name, before: b, after: a, difference: cents(a - b) })
  }
  services.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.service.localeCompare(y.service))
  const pb = cents(before?.totals.platform ?? 0)
  const pa = cents(after.totals.platform)
  const b = cents(before?.totals.configured ?? 0)
  const a = cents(after.totals.configured)
  return { environment: after.environment, before: b, after: a, difference: cents(a - b), services, platform: { before: pb, after: pa, difference: cents(pa - pb) } }
}

/** Markdown for the pull request's job summary: one line per environment, then the services that changed. */
export function renderCostDifference(differences: CostDifference[], base: string): string {
  const out = [`### Monthly cost of this change (against ${base})`, '']
  out.push('| Environment | Before | After | Difference |', '| --- | ---: | ---: | ---: |')
  for (const d of differences) out.push(`| ${d.environment} | ${money(d.before)} | ${money(d.after)} | ${signed(d.difference)} |`)
  out.push('')
  for (const d of differences) {
    if (d.services.length === 0 && d.platform.difference === 0) continue
    out.push(`**${d.environment}**`, '', '| Service | Before | After | Difference |', '| --- | ---: | ---: | ---: |')
    for (const s of d.services) out.push(`| \`${s.service}\` | ${money(s.before)} | ${money(s.after)} | ${signed(s.difference)} |`)
    if (d.platform.difference !== 0) out.push(`| platform (fixed) | ${money(d.platform.before)} | ${money(d.platform.after)} | ${signed(d.platform.difference)} |`)
    out.push('')
  }
  if (differences.every((d) => d.difference === 0)) out.push('No change to the estimated monthly cost.', '')
  return `${out.join('\n')}\n`
}

function signed(value: number): string {
  return value > 0 ? `+${money(value)}` : value < 0 ? money(value) : '$0.00'
}
