import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGitRepo, tempDir, type GitRepo } from '@tierdeploy/testkit'
import { parseNameStatus, refReader } from './git.js'

describe('parseNameStatus', () => {
  it('reads -z output: statuses, renames with both paths, and paths with tabs and newlines unquoted', () => {
    const out = ['M', 'a/b.ts', 'R087', 'old dir/x.ts', 'new dir/x.ts', 'D', 'gone\tfile', 'A', 'line\nbreak.ts', 'C100', 'src.ts', 'copy.ts', 'T', 'link', ''].join('\0')
    expect(parseNameStatus(out)).toEqual([
      { status: 'modified', path: 'a/b.ts' },
      { status: 'renamed', oldPath: 'old dir/x.ts', path: 'new dir/x.ts' },
      { status: 'deleted', path: 'gone\tfile' },
      { status: 'added', path: 'line\nbreak.ts' },
      { status: 'copied', oldPath: 'src.ts', path: 'copy.ts' },
      { status: 'type-changed', path: 'link' },
    ])
  })

  it('reads an empty diff as no changes', () => {
    expect(parseNameStatus('')).toEqual([])
  })

  it('throws on truncated output instead of dropping a path', () => {
    expect(() => parseNameStatus('R100\0only-old\0')).toThrow(/truncated/)
  })
})

describe('refReader (refs read without starting git)', () => {
  const repos: GitRepo[] = []
  afterEach(() => {
    for (const r of repos.splice(0)) r.cleanup()
  })
  /** main with two commits, a feature branch, a lightweight and an annotated tag, cloned so origin/* exist. */
  function repository(): { origin: GitRepo; clone: GitRepo } {
    const origin = createGitRepo({ 'a.txt': '1\n' })
    repos.push(origin)
    origin.commit('second', { 'a.txt': '2\n' })
    origin.git('branch', 'feature', 'HEAD~1')
    origin.git('tag', 'light', 'HEAD~1')
    origin.git('tag', '-a', '-m', 'release', 'v1.0', 'HEAD~1')
    return { origin, clone: origin.clone() }
  }

  it('resolves what git resolves for plain names, loose and packed, and peels a packed annotated tag to its commit', () => {
    const { origin, clone } = repository()
    const names = ['HEAD', 'main', 'origin/main', 'origin/HEAD', 'origin/feature', 'refs/heads/main', 'refs/remotes/origin/feature', 'light', 'v1.0']
    const expected = Object.fromEntries(names.map((n) => [n, clone.sha(n)]))
    // A fresh clone has packed refs (origin/*, tags) and loose ones (main, HEAD).
    expect(Object.fromEntries(names.map((n) => [n, refReader(clone.dir)(n)]))).toEqual(expected)
    clone.git('pack-refs', '--all')
    expect(Object.fromEntries(names.map((n) => [n, refReader(clone.dir)(n)]))).toEqual(expected)
    expect(refReader(origin.dir)('v1.0')).toBeUndefined() // loose annotated tag: only git can read its commit
    expect(refReader(join(clone.dir, 'nested', 'dir'))('main')).toBe(clone.sha('main'))
  })

  it('prefers a tag to a branch of the same name, as git does', () => {
    const { origin } = repository()
    origin.git('branch', 'light', 'HEAD')
    origin.git('pack-refs', '--all')
    expect(refReader(origin.dir)('light')).toBe(origin.sha('refs/tags/light'))
    expect(refReader(origin.dir)('light')).not.toBe(origin.sha('refs/heads/light'))
  })

  it('reads HEAD of a linked worktree from its own git directory and branches from the common one', () => {
    const { origin } = repository()
    const tree = tempDir('tierdeploy-worktree-')
    try {
      origin.git('worktree', 'add', '--quiet', join(tree.dir, 'wt'), 'feature')
      expect(refReader(join(tree.dir, 'wt'))('HEAD')).toBe(origin.sha('feature'))
      expect(refReader(join(tree.dir, 'wt'))('main')).toBe(origin.sha('main'))
    } finally {
      origin.git('worktree', 'remove', '--force', join(tree.dir, 'wt'))
      tree.cleanup()
    }
  })

  it('leaves to git what needs git: revision syntax, short SHAs, unknown names, GIT_DIR, no repository', () => {
    const { clone } = repository()
    const read = refReader(clone.dir)
    for (const ref of ['HEAD~1', 'main^', 'HEAD@{1}', '@', clone.sha().slice(0, 12), 'no-such-branch', 'main..feature', 'FETCH_HEAD']) expect(read(ref), ref).toBeUndefined()
    expect(read(clone.sha().toUpperCase())).toBe(clone.sha())
    expect(refReader(clone.dir, { GIT_DIR: join(clone.dir, '.git') })('main')).toBeUndefined()
    const empty = tempDir()
    try {
      expect(refReader(empty.dir)('main')).toBeUndefined()
    } finally {
      empty.cleanup()
    }
  })
})
