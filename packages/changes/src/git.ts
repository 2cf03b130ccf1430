import { spawn } from 'node:child_process'
import { ConfigurationError } from '@tierdeploy/catalog'
import type { ChangeStatus, FileChange } from './model.js'

export interface GitResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `git` with an argument list (never a shell string). Injected so tests and callers choose the repository. */
export type GitRunner = (args: string[], options?: { input?: string }) => Promise<GitResult>

/** The real runner: `git` in `cwd`, never prompting for credentials (a prompt would hang the job). */
export function gitRunner(cwd: string, env: NodeJS.ProcessEnv = process.env): GitRunner {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const input = options.input
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

  /** The current directory relative to the repository root, e.g. `deploy/` or ''. */
  async prefix(): Promise<string> {
    return (await this.ok(['rev-parse', '--show-prefix'])).trim()
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

  /** Files changed from `base` to `head` (paths relative to the current directory, renames detected). */
  async diff(base: string, head: string): Promise<FileChange[]> {
    // --relative: paths relative to the catalog root, which service paths are relative to. --no-renames would
    // hide the old side of a move; -M pairs them so both sides count.
    const out = await this.ok(['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--'])
    return parseNameStatus(out)
  }

  /** A file's content at a commit, or undefined when it does not exist there. `path` is relative to the current directory. */
  async show(commit: string, path: string): Promise<string | undefined> {
    const r = await this.run(['show', `${commit}:./${path}`])
    return r.code === 0 ? r.stdout : undefined
  }

  /** Which of `paths` (relative to the repository root) do not exist at `commit`, asked in one batch. */
  async missingAt(commit: string, paths: string[]): Promise<Set<string>> {
    if (paths.length === 0) return new Set()
    const out = await this.ok(['cat-file', '--batch-check=%(objecttype)'], { input: paths.map((p) => `${commit}:${p}\n`).join('') })
    const lines = out.split('\n')
    return new Set(paths.filter((_, i) => (lines[i] ?? '').endsWith('missing')))
  }
}
