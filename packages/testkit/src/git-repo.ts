import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir, writeFiles } from './temp.js'

/**
 * Git settings for test repositories: a fixed identity and dates (so SHAs are reproducible), no signing, no
 * hooks or templates from the developer's machine, and fetching any commit by SHA over file:// (as GitHub
 * allows), so shallow-clone tests can fetch a base commit.
 */
const CONFIG = [
  '-c', 'user.name=tierdeploy test',
  '-c', 'user.email=test@tierdeploy.invalid',
  '-c', 'commit.gpgsign=false',
  '-c', 'tag.gpgsign=false',
  '-c', 'init.defaultBranch=main',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'protocol.file.allow=always',
]

function gitEnv(date: number): NodeJS.ProcessEnv {
  const stamp = `${1_700_000_000 + date} +0000`
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_DATE: stamp,
    GIT_COMMITTER_DATE: stamp,
    GIT_TERMINAL_PROMPT: '0',
  }
}

export interface GitRepo {
  /** The working tree. */
  dir: string
  /** Runs git in the working tree and returns its trimmed stdout; throws with stderr on failure. */
  git(...args: string[]): string
  /** Writes files (relative path -> content) and commits every change in the tree; returns the new SHA. */
  commit(message: string, files?: Record<string, string>, remove?: string[]): string
  /**
   * Commits `paths`, each holding `content`, through the index alone: nothing is written to the working tree (which
   * then lacks those files), so a change of 100,000 files costs a second instead of 100,000 file writes.
   */
  commitPaths(message: string, paths: string[], content?: string): string
  /** Writes files without committing. */
  write(files: Record<string, string>): void
  /** The SHA a ref names. */
  sha(ref?: string): string
  /** `git clone` of this repository into a new temp dir (e.g. `['--depth', '1']` for a shallow clone). */
  clone(args?: string[]): GitRepo
  /** Removes the repository (and every clone made from it). */
  cleanup(): void
}

/** A real git repository in a temp dir, with a `main` branch, for tests that need real history. */
export function createGitRepo(files: Record<string, string> = {}, options: { message?: string } = {}): GitRepo {
  const { dir, cleanup } = tempDir('tierdeploy-git-')
  const repo = wrap(dir, [cleanup])
  repo.git('init', '--quiet', '--initial-branch=main')
  repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true')
  if (Object.keys(files).length) repo.commit(options.message ?? 'initial', files)
  return repo
}

function wrap(dir: string, cleanups: (() => void)[]): GitRepo {
  let clock = 0
  const run = (args: string[], input?: string): string => {
    try {
      return execFileSync('git', [...CONFIG, ...args], { cwd: dir, env: gitEnv(clock), encoding: 'utf8', maxBuffer: 1 << 30, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) }).trim()
    } catch (e) {
      const err = e as { stderr?: string; message: string }
      throw new Error(`git ${args.join(' ')} failed in ${dir}: ${err.stderr?.trim() || err.message}`, { cause: e })
    }
  }
  const repo: GitRepo = {
    dir,
    git: (...args) => run(args),
    write: (files) => writeFiles(dir, files),
    commit(message, files = {}, remove = []) {
      writeFiles(dir, files)
      for (const path of remove) rmSync(join(dir, path), { recursive: true, force: true })
      clock += 60
      run(['add', '--all'])
      run(['commit', '--quiet', '--allow-empty', '-m', message])
      return run(['rev-parse', 'HEAD'])
    },
    commitPaths(message, paths, content = '') {
      const blob = run(['hash-object', '-w', '--stdin'], content)
      run(['update-index', '--add', '--index-info'], paths.map((p) => `100644 ${blob}\t${p}\n`).join(''))
      clock += 60
      run(['commit', '--quiet', '-m', message])
      return run(['rev-parse', 'HEAD'])
    },
    sha: (ref = 'HEAD') => run(['rev-parse', `${ref}^{commit}`]),
    clone(args = []) {
      const target = tempDir('tierdeploy-clone-')
      mkdirSync(target.dir, { recursive: true })
      // file:// rather than a plain path: a plain-path clone ignores --depth and hard-links the objects.
      run(['clone', '--quiet', ...args, `file://${dir}`, target.dir])
      const clone = wrap(target.dir, [target.cleanup])
      cleanups.push(() => clone.cleanup())
      return clone
    },
    cleanup: () => {
      for (const c of cleanups.splice(0).reverse()) c()
    },
  }
  return repo
}
