import { relative, resolve, sep } from 'node:path'
import { contextBeyondPath, imageInputsOf, silentLogger, type Catalog, type Logger } from '@tierdeploy/catalog'
import { changeIndexFor, servicesAffectedBy } from './affected.js'
import { chooseRange, eventHeadSha, type ChangeRange, type Comparison, type GitHubEvent, type RangeEffects, type RangeInputs } from './base.js'
import type { DefinitionChanges } from './catalog-diff.js'
import { Git, type GitRunner } from './git.js'
import { History } from './history.js'
import type { AffectedServices, FileChange } from './model.js'
import type { ChangeIndex } from './ownership.js'

export interface DetectOptions {
  catalog: Catalog
  /** Runs git in the catalog's root directory (the directory service paths are relative to). */
  git: GitRunner
  /** The workflow's event; omitted (the CLI), `base` is required. */
  event?: GitHubEvent
  base?: string
  head?: string
  defaultBranch?: string
  /** With `base`: compare from where head left it (reviewing a branch) instead of base's tree (deploying). */
  mergeBase?: boolean
  /** The checked-out commit (GITHUB_SHA). */
  sha?: string
  remote?: string
  /** Directories (relative to the catalog root) whose changes set `infrastructure`, besides the catalog. Default terraform. */
  infrastructureDirs?: string[]
  log?: Logger
}

export type DetectedChanges = AffectedServices & {
  /** changes: `services` is what changed. everything: nothing to compare with, every service. inputs: no change-based selection. */
  mode: ChangeRange['mode']
  /** The commit the diff starts from, in mode changes: the base itself, or where head left it (`comparison`). */
  base?: string
  /** In mode changes: trees (`git diff BASE HEAD`, deploys) or merge-base (reviewing a pull request). */
  comparison?: Comparison
  head?: string
  /** How the range was chosen, in words. */
  why: string
}

/**
 * Which services a push, pull request or merge queue affects: chooses the commits from the event (or explicit
 * refs), fetches what a shallow clone lacks, diffs them, and maps the changed files to services.
 */
export async function detectChangedServices(options: DetectOptions): Promise<DetectedChanges> {
  const { catalog } = options
  const log = options.log ?? silentLogger
  const git = new Git(options.git, catalog.root)
  const inputs: RangeInputs = {
    ...(options.base !== undefined ? { base: options.base } : {}),
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(options.defaultBranch !== undefined ? { defaultBranch: options.defaultBranch } : {}),
    ...(options.sha !== undefined ? { sha: options.sha } : {}),
    ...(options.mergeBase ? { mergeBase: true } : {}),
  }
  const remote = options.remote ?? 'origin'
  const quick = await quickRange(options.event, inputs, git, remote)
  const range = quick?.range ?? (await chooseRange(options.event, inputs, new History(git, { log, remote })))
  log.info(`change range: ${range.why}${range.mode === 'changes' ? ` (${range.base.slice(0, 12)}..${range.head.slice(0, 12)}, ${range.comparison === 'trees' ? 'tree to tree' : 'from the merge base'})` : ''}`)
  const catalogDir = toPosix(relative(catalog.root, resolve(catalog.dir))) || '.'
  const affectedOptions = { catalogDir, ...(options.infrastructureDirs ? { infrastructureDirs: options.infrastructureDirs } : {}) }

  if (range.mode === 'inputs') {
    return { ...servicesAffectedBy(catalog, [], affectedOptions), mode: 'inputs', why: range.why }
  }
  if (range.mode === 'everything') {
    return { ...servicesAffectedBy(catalog, [], { ...affectedOptions, everything: range.why }), mode: 'everything', head: range.head, why: range.why }
  }

  const changes = quick?.changes ?? (await git.diff(range.base, range.head))
  const readDockerIgnore = changes.length ? await dockerIgnoreReader(git, catalog, range.head) : undefined
  const index = changeIndexFor(catalog, { ...affectedOptions, ...(readDockerIgnore ? { readDockerIgnore } : {}) })
  const gone = await goneServices(git, catalog, index, changes, range.head)
  const definitions = await definitionChanges(git, catalog, catalogDir, changes, range.base, range.head)
  for (const file of definitions.unreadable) log.warning(`${file} could not be read at ${range.base.slice(0, 12)}: every service it describes counts as changed`)
  const affected = servicesAffectedBy(catalog, changes, { ...affectedOptions, index, gone, definitions: definitions.definitions, removed: definitions.removed })
  return { ...affected, mode: 'changes', base: range.base, head: range.head, comparison: range.comparison, why: range.why }
}

/** Raised by the quick range's effects when the full path (History) has to take over. */
class NeedsHistory extends Error {}

/**
 * The usual range and its diff in as few git processes as possible (issue 16): refs read from the repository's files
 * (Git.peekCommit; `git rev-parse` only for what needs git, like HEAD~1), `git merge-base` when the range asks for it,
 * and one `git diff` that verifies both commits as it lists the files. A plain `--base origin/main` or a push event
 * is one process. Undefined whenever anything is unusual: a commit this clone lacks, histories that do not meet, a
 * range that is not a diff, any error at all. The full path (chooseRange over History) then runs from the start, so
 * fetching a shallow clone's missing commits and every message about a bad ref stay exactly as they are.
 */
async function quickRange(event: GitHubEvent | undefined, inputs: RangeInputs, git: Git, remote: string): Promise<{ range: ChangeRange & { mode: 'changes' }; changes: FileChange[] } | undefined> {
  const found = (sha: string | undefined): string => {
    if (sha === undefined) throw new NeedsHistory()
    return sha
  }
  const commit = async (ref: string): Promise<string> => found(git.peekCommit(ref) ?? (ref.startsWith('-') ? undefined : await git.commitOf(ref)))
  const effects: RangeEffects = {
    commit,
    // Missing here, `before` may be fetchable or force-pushed away: History decides which.
    tryCommit: commit,
    mergeBase: async (a, b) => found(await git.mergeBase(a, b)),
    defaultBranch: (branch) => commit(`refs/remotes/${remote}/${branch}`),
  }
  try {
    // `--base REF~1 --head REF` (the previous commit): the commit, its parent and the diff in one `git log`.
    const headRef = inputs.head ?? eventHeadSha(event) ?? inputs.sha ?? 'HEAD'
    if (inputs.base !== undefined && !inputs.mergeBase && [`${headRef}~1`, `${headRef}~`, `${headRef}^`, `${headRef}^1`].includes(inputs.base)) {
      const fromParent = await git.diffFromFirstParent(headRef)
      if (fromParent) return { range: { mode: 'changes', base: fromParent.parent, head: fromParent.head, comparison: 'trees', why: `since ${inputs.base}` }, changes: fromParent.changes }
    }
    const range = await chooseRange(event, inputs, effects)
    if (range.mode !== 'changes') return undefined
    const changes = await git.diffCommits(range.base, range.head)
    return changes && { range, changes }
  } catch {
    return undefined
  }
}

/**
 * Services whose directory no longer exists at head. Only services above a deleted (or renamed-away) file can
 * have lost their directory, so only those are asked about, in one `git cat-file --batch-check`.
 */
async function goneServices(git: Git, catalog: Catalog, index: ChangeIndex, changes: FileChange[], head: string): Promise<Set<string>> {
  const candidates = new Set<string>()
  const seen = new Set<string>()
  for (const c of changes) {
    const removed = c.status === 'deleted' ? c.path : c.status === 'renamed' ? c.oldPath : undefined
    if (removed === undefined) continue
    for (let dir = removed; dir !== ''; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
      if (seen.has(dir)) break
      seen.add(dir)
      const owner = index.ownerOf(dir)
      if (owner !== undefined && catalog.services.get(owner)!.path === dir) candidates.add(owner)
    }
  }
  if (candidates.size === 0) return candidates
  const byPath = new Map([...candidates].map((name) => [catalog.services.get(name)!.path!, name]))
  const missing = await git.missingAt(head, [...byPath.keys()])
  return new Set([...missing].map((p) => byPath.get(p)!))
}

/**
 * The docker ignore files (CONTEXT/.dockerignore, DOCKERFILE.dockerignore) of the services whose build context
 * reaches beyond their path, read at head: they decide which of the context's files are build inputs. Head, not
 * base, and that is enough: a docker ignore file is itself a build input, so when it changed between base and head
 * its service is affected whichever version decides about the other files, and when it did not, the two agree.
 * One `git cat-file --batch-check` finds which exist and only those are read; with no such context (the common
 * case) nothing is read at all.
 */
async function dockerIgnoreReader(git: Git, catalog: Catalog, head: string): Promise<((path: string) => string | undefined) | undefined> {
  const paths = new Set<string>()
  for (const s of catalog.services.values()) {
    const image = imageInputsOf(catalog, s)
    if (image && contextBeyondPath({ path: s.path, image }) !== undefined) for (const f of image.ignoreFiles) paths.add(f)
  }
  if (paths.size === 0) return undefined
  const missing = await git.missingAt(head, [...paths])
  const texts = new Map<string, string>()
  await Promise.all(
    [...paths].filter((p) => !missing.has(p)).map(async (p) => {
      const text = await git.show(head, p)
      if (text !== undefined) texts.set(p, text)
    }),
  )
  return (path) => texts.get(path)
}

/** Services whose catalog definition changed: services.yaml and environments/*.yaml compared at base and head. */
async function definitionChanges(git: Git, catalog: Catalog, catalogDir: string, changes: FileChange[], base: string, head: string): Promise<DefinitionChanges> {
  const into: DefinitionChanges = { definitions: new Map(), removed: new Map(), unreadable: [] }
  const servicesFile = `${catalogDir}/services.yaml`
  const environment = new RegExp(`^${catalogDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/environments/[^/]+\\.ya?ml$`)
  const files = new Set<string>()
  for (const c of changes) for (const p of [c.path, c.oldPath]) if (p === servicesFile || (p !== undefined && environment.test(p))) files.add(p)
  if (files.size === 0) return into
  // The YAML parser loads only when a catalog file changed: most ranges leave the catalog alone (issue 16).
  const { compareEnvironmentFile, compareServicesFile } = await import('./catalog-diff.js')
  for (const file of [...files].sort()) {
    const [before, after] = await Promise.all([git.show(base, file), git.show(head, file)])
    if (file === servicesFile) compareServicesFile(catalog, file, before, after, into)
    else compareEnvironmentFile(catalog, file, before, after, into)
  }
  return into
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/')
}
