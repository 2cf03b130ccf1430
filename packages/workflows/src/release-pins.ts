/**
 * Release pinning: rewriting tierdeploy's own `uses:` references (tierdeploy/tierdeploy/actions/NAME and
 * tierdeploy/tierdeploy/.github/workflows/FILE.yml) from the floating major tag to commit SHAs, so a caller pinning
 * one released workflow by SHA runs nothing that can still move. docs/releasing.md explains the release commits.
 */
import { FIRST_PARTY_REF } from './pins.js'

export const FIRST_PARTY_PREFIX = 'tierdeploy/tierdeploy/'

/** A `uses:` line naming a tierdeploy action or reusable workflow: key, quote, path, ref, and any comment after it. */
const USES_LINE = /^([ \t]*(?:-[ \t]+)?uses:[ \t]*)(["']?)tierdeploy\/tierdeploy\/(actions\/[\w.-]+|\.github\/workflows\/[\w.-]+\.ya?ml)@([^\s"'#]+)\2([ \t]*#[^\n]*)?$/gm

const SHA = /^[0-9a-f]{40}$/
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

export interface FirstPartyReference {
  /** 1-based line of the `uses:`. */
  line: number
  /** The path inside tierdeploy/tierdeploy: `actions/ecs-deploy` or `.github/workflows/deploy.yml`. */
  path: string
  /** What follows the @: the major tag, a version tag or a commit SHA. */
  ref: string
  /** The release named in the comment after a SHA (`# v1.2.0` gives `1.2.0`), if any. */
  version?: string
}

/** Every reference a workflow or action file makes to tierdeploy's own actions and reusable workflows. */
export function firstPartyReferences(text: string): FirstPartyReference[] {
  return [...text.matchAll(USES_LINE)].map((m) => {
    const version = /#\s*v(\d+\.\d+\.\d+\S*)/.exec(m[5] ?? '')?.[1]
    return { line: text.slice(0, m.index).split('\n').length, path: m[3]!, ref: m[4]!, ...(version ? { version } : {}) }
  })
}

/**
 * Rewrites every first-party reference to `@SHA # vVERSION`, whatever it named before (the major tag, or the SHA of
 * an earlier release pass); third-party `uses:` lines and everything else are left byte for byte.
 */
export function pinFirstPartyReferences(text: string, sha: string, version: string): string {
  if (!SHA.test(sha)) throw new Error(`pinFirstPartyReferences: '${sha}' is not a full lower-case commit SHA (40 hex digits)`)
  if (!VERSION.test(version)) throw new Error(`pinFirstPartyReferences: '${version}' is not a release version such as 1.2.0 (no leading v)`)
  return text.replace(USES_LINE, (_line, key: string, quote: string, path: string) => `${key}${quote}${FIRST_PARTY_PREFIX}${path}@${sha}${quote} # v${version}`)
}

/** The file a reference runs: an action's action.yml, or the reusable workflow itself. */
export function referencedFile(path: string): string {
  return path.startsWith('actions/') ? `${path}/action.yml` : path
}

/**
 * Which files of the repository carry first-party references that a release pins: the reusable workflows, the
 * examples callers copy, the copy of the examples bundled with the CLI (what `tierdeploy init --workflows` writes),
 * and the actions (none refers to another today; a composite one could).
 */
export function isPinnedOnRelease(path: string): boolean {
  return /^(\.github\/workflows|examples\/workflows|packages\/cli\/dist\/workflows)\/[^/]+\.ya?ml$/.test(path) || /^actions\/[^/]+\/action\.ya?ml$/.test(path)
}

/**
 * How many release commits pin a chain of calls fully: the longest chain of first-party references starting at any
 * file (an example calls promote.yml, which calls deploy.yml, which calls release.yml, which uses the actions: 4).
 * A commit cannot name its own SHA, so each release commit pins every reference to its parent; after N commits a file
 * N calls deep reaches only commits whose own references are pinned (docs/releasing.md, "Release commits").
 */
export function pinningPasses(files: Record<string, string>): number {
  const depth = new Map<string, number>()
  const visit = (file: string, seen: string[]): number => {
    if (seen.includes(file)) throw new Error(`first-party references form a cycle: ${[...seen, file].join(' -> ')}`)
    const known = depth.get(file)
    if (known !== undefined) return known
    const text = files[file]
    const d = text === undefined ? 0 : Math.max(0, ...firstPartyReferences(text).map((r) => 1 + visit(referencedFile(r.path), [...seen, file])))
    depth.set(file, d)
    return d
  }
  return Math.max(0, ...Object.keys(files).map((f) => visit(f, [])))
}

/**
 * Follows every first-party reference from `files` (as they are at `commit`) through the commits they name, and
 * returns each reference that can still move (a tag or branch rather than a commit SHA), as `file@commit: path@ref`.
 * `show(commit, path)` reads a file at a commit (undefined when it does not exist there).
 */
export function unpinnedReferences(commit: string, files: string[], show: (commit: string, path: string) => string | undefined): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  const walk = (at: string, file: string): void => {
    const key = `${file}@${at}`
    if (seen.has(key)) return
    seen.add(key)
    const text = show(at, file)
    if (text === undefined) {
      problems.push(`${key}: no such file`)
      return
    }
    for (const r of firstPartyReferences(text)) {
      if (!SHA.test(r.ref)) problems.push(`${key}:${r.line}: ${r.path}@${r.ref}`)
      else walk(r.ref, referencedFile(r.path))
    }
  }
  for (const file of files) walk(commit, file)
  return problems
}

export interface ReleaseGit {
  /** Runs git in the repository and returns its trimmed stdout; throws on failure. */
  (...args: string[]): string
}

export interface PinReleaseOptions {
  version: string
  /** Reads and writes files by path relative to the repository root. */
  read(path: string): string
  write(path: string, text: string): void
  git: ReleaseGit
  log?: (line: string) => void
}

/**
 * Makes the release commits on top of HEAD (the released code): each pins every first-party reference of the
 * release's files to its parent, as many times as `pinningPasses` says. Returns the commits made, the last being
 * the one to tag. Fails when the floating reference is not the version's major tag, or when, afterwards, a
 * reference reachable from the last commit can still move.
 */
export function pinRelease(options: PinReleaseOptions): { commits: string[]; passes: number } {
  const { version, git } = options
  const log = options.log ?? (() => {})
  const major = `v${version.split('.')[0]}`
  if (FIRST_PARTY_REF !== major) {
    throw new Error(`the workflows float on ${FIRST_PARTY_REF} (FIRST_PARTY_REF, packages/workflows/src/pins.ts) but this release is ${version}, whose major tag is ${major}: release a ${FIRST_PARTY_REF.slice(1)}.x.y version, or change FIRST_PARTY_REF and rebuild first`)
  }
  if (git('status', '--porcelain')) throw new Error('the working tree has uncommitted changes: the release commits must hold only the pinned references')
  const paths = git('ls-files').split('\n').filter(isPinnedOnRelease)
  const passes = pinningPasses(Object.fromEntries(paths.map((p) => [p, options.read(p)])))
  const commits: string[] = []
  for (let pass = 1; pass <= passes; pass++) {
    const parent = git('rev-parse', 'HEAD')
    const changed = paths.filter((p) => {
      const text = options.read(p)
      const pinned = pinFirstPartyReferences(text, parent, version)
      if (pinned === text) return false
      options.write(p, pinned)
      return true
    })
    git('add', '--', ...changed)
    git('commit', '--quiet', '--no-verify', '-m', `release v${version}: pin tierdeploy's own references to ${parent.slice(0, 12)} (${pass} of ${passes})`)
    commits.push(git('rev-parse', 'HEAD'))
    log(`pass ${pass} of ${passes}: ${changed.length} files pinned to ${parent}`)
  }
  const head = commits.at(-1) ?? git('rev-parse', 'HEAD')
  const show = (commit: string, path: string): string | undefined => {
    try {
      return git('show', `${commit}:${path}`)
    } catch {
      return undefined
    }
  }
  const unpinned = unpinnedReferences(head, paths, show)
  if (unpinned.length) throw new Error(`after ${passes} release commits, references can still move:\n  ${unpinned.join('\n  ')}`)
  return { commits, passes }
}

/**
 * A release's notes: the body of CHANGELOG.md's `## [VERSION]` section (Keep a Changelog), without its heading and
 * link definitions. Fails when there is none or it is empty, so nothing is released without notes.
 */
export function releaseNotes(changelog: string, version: string): string {
  const lines = changelog.split('\n')
  const start = lines.findIndex((l) => new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]( - \\d{4}-\\d{2}-\\d{2})?\\s*$`).test(l))
  if (start === -1) throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it before releasing`)
  const end = lines.findIndex((l, i) => i > start && (/^## /.test(l) || /^\[[^\]]+\]:\s/.test(l)))
  const body = lines.slice(start + 1, end === -1 ? undefined : end).join('\n').trim()
  if (!body) throw new Error(`CHANGELOG.md's section for ${version} is empty: say what changed`)
  return `${body}\n`
}
