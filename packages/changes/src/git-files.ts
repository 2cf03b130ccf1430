import { readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** Variables that move the repository, its refs or its objects away from where the files below would be found, or change what git reads. */
export const RELOCATING_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_REPLACE_REF_BASE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_GRAFT_FILE',
  'GIT_SHALLOW_FILE',
]

export interface GitDirs {
  /** Where `.git` was found: the top of the work tree. */
  top: string
  /** The git directory (HEAD, and for a worktree its own files). */
  gitDir: string
  /** The common directory: refs, objects, config. */
  commonDir: string
}

/** The git directory (HEAD) and common directory (refs, objects) of the repository `cwd` is in, as git discovers them. */
export function findGitDirs(cwd: string): GitDirs | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git')
    const kind = (() => {
      try {
        const s = statSync(dotGit)
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined
      } catch {
        return undefined
      }
    })()
    let gitDir: string | undefined
    if (kind === 'dir') gitDir = dotGit
    else if (kind === 'file') {
      // A worktree or submodule: `.git` is a file naming the git directory.
      const named = /^gitdir: (.+)$/m.exec(readIfFile(dotGit) ?? '')?.[1]?.trim()
      if (!named) return undefined
      gitDir = resolve(dir, named)
    }
    if (gitDir !== undefined) {
      const common = readIfFile(join(gitDir, 'commondir'))?.trim()
      return { top: dir, gitDir, commonDir: common ? resolve(gitDir, common) : gitDir }
    }
    if (dirname(dir) === dir) return undefined
  }
}

export function readIfFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
