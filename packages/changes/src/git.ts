import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ConfigurationError } from '@tierdeploy/catalog'
import { findGitDirs, readIfFile, RELOCATING_ENV } from './git-files.js'
import { gitObjects, type GitObjects } from './git-objects.js'
import type { ChangeStatus, FileChange } from './model.js'

export interface GitResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `git` with an argument list (never a shell string). Injected so tests and callers choose the repository.
 * `readRef`, when present, answers what a plain ref names without starting a process (see refReader); `objects`
 * answers the usual diffs from the repository's files (see gitObjects).
 */
export type GitRunner = ((args: string[], options?: { input?: string }) => Promise<GitResult>) & { readRef?: (ref: string) => string | undefined; objects?: GitObjects }

const requireBuiltin = createRequire(import.meta.url)

/** The real runner: `git` in `cwd`, never prompting for credentials (a prompt would hang the job). */
export function gitRunner(cwd: string, env: NodeJS.ProcessEnv = process.env): GitRunner {
  const run: GitRunner = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const input = options.input
      // node:child_process loads on the first process: the usual `changed` starts none.
      const { spawn } = requireBuiltin('node:child_process') as typeof import('node:child_process')
      const child = spawn('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout!.on('data', (d: Buffer) => out.push(d))
      child.stderr!.on('data', (d: Buffer) => err.push(d))
      child.on('error', (e: NodeJS.ErrnoException) => {
        reject(e.code === 'ENOENT' ? new ConfigurationError('git is not installed or not on PATH: detect-changed-services needs it') : e)
      })
      child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
      if (input !== undefined && child.stdin) {
        // git may exit before reading all of its input (a bad repository); its exit code reports that.
        child.stdin.on('error', () => {})
        child.stdin.end(input)
      }
    })
  run.readRef = refReader(cwd, env)
  run.objects = gitObjects(cwd, env, run.readRef)
  return run
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

type Lookup = { sha: string } | 'absent' | 'unknown'

/**
 * What a plain ref names, read from the repository's files the way git resolves it, so the usual range (a SHA, HEAD,
 * origin/main, a branch) costs no `git rev-parse` process: each one is a process start, a good part of a short run
 * (issue 16). Answers full SHAs, HEAD, refs/..., and names git expands (refs/NAME, refs/tags/NAME, refs/heads/NAME,
 * refs/remotes/NAME, refs/remotes/NAME/HEAD, first found wins, as in git), loose or packed. Everything else is
 * undefined and left to git: HEAD~1 or @{u} (git walks history for those), a short SHA, a loose tag (it may be an
 * annotated tag, whose commit only git can read), a reftable repository, GIT_DIR and friends.
 * The answer is not verified: a SHA may be missing from the clone or name something other than a commit, so callers
 * ask git about `SHA^{commit}` (the diff does) and take the full path when it fails.
 */
export function refReader(cwd: string, env: NodeJS.ProcessEnv = process.env): (ref: string) => string | undefined {
  let repository: { gitDir: string; commonDir: string; packed?: { text: string; peeledTags: boolean } } | undefined | null = null
  const open = (): typeof repository => {
    if (repository === null) repository = RELOCATING_ENV.some((v) => env[v] !== undefined) ? undefined : findGitDirs(cwd)
    return repository
  }
  const packedRefs = (repo: NonNullable<typeof repository>): { text: string; peeledTags: boolean } => {
    if (!repo.packed) {
      const text = readIfFile(join(repo.commonDir, 'packed-refs')) ?? ''
      // With this trait every annotated tag in the file is followed by its commit (a `^SHA` line).
      repo.packed = { text: `\n${text}\n`, peeledTags: /^# pack-refs with:.*\b(?:fully-)?peeled\b/.test(text) }
    }
    return repo.packed
  }
  const lookup = (repo: NonNullable<typeof repository>, name: string, depth = 0): Lookup => {
    if (depth > 5 || /^refs\/(?:bisect|worktree|rewritten)\//.test(name)) return 'unknown'
    const isTag = name.startsWith('refs/tags/')
    const loose = readIfFile(join(name === 'HEAD' ? repo.gitDir : repo.commonDir, name))
    if (loose !== undefined) {
      const text = loose.trim()
      if (text.startsWith('ref: ')) return lookup(repo, text.slice(5).trim(), depth + 1)
      return FULL_SHA.test(text) && !isTag ? { sha: text.toLowerCase() } : 'unknown'
    }
    const { text, peeledTags } = packedRefs(repo)
    const at = text.indexOf(` ${name}\n`)
    if (at < 0) return 'absent'
    const sha = text.slice(text.lastIndexOf('\n', at - 1) + 1, at)
    if (!FULL_SHA.test(sha)) return 'unknown'
    const next = text.slice(at + name.length + 2, text.indexOf('\n', at + name.length + 2))
    if (next.startsWith('^')) return FULL_SHA.test(next.slice(1)) ? { sha: next.slice(1).toLowerCase() } : 'unknown'
    return isTag && !peeledTags ? 'unknown' : { sha: sha.toLowerCase() }
  }
  return (ref) => {
    if (FULL_SHA.test(ref)) return ref.toLowerCase()
    if (ref !== 'HEAD' && !isPlainRefName(ref)) return undefined
    const repo = open()
    if (!repo || existsSync(join(repo.commonDir, 'reftable'))) return undefined
    // git tries $GIT_DIR/NAME first (FETCH_HEAD, ORIG_HEAD...): such files are left to git.
    if (ref !== 'HEAD' && !ref.startsWith('refs/') && (existsSync(join(repo.gitDir, ref)) || existsSync(join(repo.commonDir, ref)))) return undefined
    const candidates = ref === 'HEAD' ? ['HEAD'] : [...(ref.startsWith('refs/') ? [ref] : []), `refs/${ref}`, `refs/tags/${ref}`, `refs/heads/${ref}`, `refs/remotes/${ref}`, `refs/remotes/${ref}/HEAD`]
    for (const name of candidates) {
      const found = lookup(repo, name)
      if (found === 'unknown') return undefined
      if (found !== 'absent') return found.sha
    }
    return undefined
  }
}

/** A branch-like name (main, origin/main, refs/heads/x, v1.2): no revision syntax (~ ^ : @{ ..), nothing git would refuse. */
function isPlainRefName(ref: string): boolean {
  return ref.split('/').every((part) => /^[A-Za-z0-9_+-][A-Za-z0-9_+.-]*$/.test(part) && !part.endsWith('.') && !part.endsWith('.lock') && !part.includes('..'))
}

function diffArgs(base: string, head: string): string[] {
  // --relative: paths relative to the catalog root, which service paths are relative to. --no-renames would
  // hide the old side of a move; -M pairs them so both sides count.
  return ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--']
}

/** A git command failed in a way that is not the user's mistake (a corrupt repository, a git bug). */
export class GitError extends Error {
  constructor(args: string[], result: GitResult) {
    super(`git ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`)
    this.name = 'GitError'
  }
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged' }

/**
 * Parses `git diff --name-status -z`: fields are NUL-separated, so paths with spaces, tabs, newlines or
 * non-ASCII characters arrive unquoted. A rename or copy (R100, C75) is followed by two paths, old then new.
 */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0')
  const changes: FileChange[] = []
  let i = 0
  while (i < fields.length) {
    const code = fields[i++]!
    if (code === '') continue
    const status = STATUS[code[0]!] ?? 'unknown'
    if (status === 'renamed' || status === 'copied') {
      const oldPath = fields[i++]
      const path = fields[i++]
      if (!oldPath || !path) throw new Error(`truncated git diff output after ${code}`)
      changes.push({ status, path, oldPath })
    } else {
      const path = fields[i++]
      if (!path) throw new Error(`truncated git diff output after ${code}`)
      changes.push({ status, path })
    }
  }
  return changes
}

/** The git commands detect-changed-services needs, over an injected runner. */
export class Git {
  /** `directory`: where the runner runs git, for the message when it is not in a repository. */
  constructor(
    readonly run: GitRunner,
    readonly directory = 'the catalog root',
  ) {}

  async ok(args: string[], options?: { input?: string }): Promise<string> {
    const result = await this.run(args, options)
    if (result.code === 0) return result.stdout
    // A catalog copied out of its repository (or a job without actions/checkout) is set-up, not a git failure.
    if (/not a git repository/i.test(result.stderr)) {
      throw new ConfigurationError(`${this.directory} is not inside a git repository, so there are no commits to compare: run in a clone of the repository (actions/checkout in a workflow)`)
    }
    throw new GitError(args, result)
  }

  /** The commit a ref names, or undefined when this clone does not have it. */
  async commitOf(ref: string): Promise<string | undefined> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
    return r.code === 0 ? r.stdout.trim() : undefined
  }

  async isShallow(): Promise<boolean> {
    return (await this.ok(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.run(['merge-base', '--is-ancestor', ancestor, descendant])
    if (r.code === 0) return true
    if (r.code === 1) return false
    throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r)
  }

  /** The best common ancestor, or undefined when the histories this clone has do not meet. */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const r = await this.run(['merge-base', a, b])
    if (r.code === 0) return r.stdout.trim().split('\n')[0]
    if (r.code === 1) return undefined
    throw new GitError(['merge-base', a, b], r)
  }

  /** Runs `git fetch` and says whether it worked (a missing remote or no network are not bugs). */
  async fetch(args: string[]): Promise<{ ok: boolean; message: string }> {
    const r = await this.run(['fetch', '--no-tags', '--quiet', ...args])
    return { ok: r.code === 0, message: r.stderr.trim() }
  }

  /** Whether the remote answers (ls-remote), to tell a commit the remote lacks from a remote we cannot reach. */
  async reachable(remote: string): Promise<boolean> {
    return (await this.run(['ls-remote', '--quiet', remote, 'HEAD'])).code === 0
  }

  /** The commit a plain ref or full SHA names, read without running git; undefined when only git can tell. Unverified (see refReader). */
  peekCommit(ref: string): string | undefined {
    return ref.startsWith('-') ? undefined : this.run.readRef?.(ref)
  }

  /** Files changed from `base` to `head` (paths relative to the current directory, renames detected). */
  async diff(base: string, head: string): Promise<FileChange[]> {
    return parseNameStatus(await this.ok(diffArgs(base, head)))
  }

  /**
   * The diff of two commits, or undefined when git cannot compare them (either is missing from this clone or is
   * not a commit, or there is no repository): one process that both verifies the commits and lists the files.
   */
  async diffCommits(base: string, head: string): Promise<FileChange[] | undefined> {
    const read = this.run.objects?.treeDiff(base, head)
    if (read) return read
    const r = await this.run(diffArgs(`${base}^{commit}`, `${head}^{commit}`))
    return r.code === 0 ? parseNameStatus(r.stdout) : undefined
  }

  /**
   * A commit and the diff from its first parent, in one process (`git log -n1`): what `--base REF~1 --head REF`
   * asks for, which otherwise takes a `git rev-parse` for REF~1 and a `git diff`. Undefined when git cannot
   * answer that way (no such commit, a root commit or a shallow clone's boundary, an older git): the caller then
   * takes the usual path.
   */
  async diffFromFirstParent(ref: string): Promise<{ head: string; parent: string; changes: FileChange[] } | undefined> {
    if (ref.startsWith('-')) return undefined
    const read = this.run.objects?.firstParentDiff(ref)
    if (read) return read
    const r = await this.run(['-c', 'core.quotePath=false', 'log', '-z', '--no-color', '--no-show-signature', '--format=%H %P', '-n1', '--diff-merges=first-parent', '--name-status', '-M', '--relative', '--no-ext-diff', '--end-of-options', `${ref}^{commit}`, '--'])
    if (r.code !== 0) return undefined
    const end = r.stdout.indexOf('\0')
    if (end === -1) return undefined
    const [head, parent] = r.stdout.slice(0, end).split(' ')
    if (head === undefined || parent === undefined || !FULL_SHA.test(head) || !FULL_SHA.test(parent)) return undefined
    return { head, parent, changes: parseNameStatus(r.stdout.slice(end + 1).replace(/^\n/, '')) }
  }

  /** A file's content at a commit, or undefined when it does not exist there. `path` is relative to the current directory. */
  async show(commit: string, path: string): Promise<string | undefined> {
    const r = await this.run(['show', `${commit}:./${path}`])
    return r.code === 0 ? r.stdout : undefined
  }

  /** Which of `paths` (relative to the current directory, like show's) do not exist at `commit`, asked in one batch. */
  async missingAt(commit: string, paths: string[]): Promise<Set<string>> {
    if (paths.length === 0) return new Set()
    const out = await this.ok(['cat-file', '--batch-check=%(objecttype)'], { input: paths.map((p) => `${commit}:./${p}\n`).join('') })
    const lines = out.split('\n')
    return new Set(paths.filter((_, i) => (lines[i] ?? '').endsWith('missing')))
  }
}
