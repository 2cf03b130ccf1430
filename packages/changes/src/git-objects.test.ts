import { appendFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGitRepo, type GitRepo } from '@tierdeploy/testkit'
import { gitRunner, parseNameStatus } from './git.js'
import { applyDelta, gitObjects } from './git-objects.js'
import type { FileChange } from './model.js'

const repos: GitRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

function repository(files: Record<string, string> = { 'README.md': 'hello\n' }): GitRepo {
  const repo = createGitRepo(files)
  repos.push(repo)
  return repo
}

/** The reader over the real ref reader, as gitRunner wires it. */
function reader(cwd: string, env: NodeJS.ProcessEnv = {}) {
  return gitObjects(cwd, env, gitRunner(cwd, env).readRef!)
}

/** What git itself lists, the arguments Git.diffFromFirstParent and Git.diffCommits use. */
function gitFirstParent(repo: GitRepo, ref: string, cwd = repo.dir): { head: string; parent: string; changes: FileChange[] } {
  const out = repo.git('-C', cwd, '-c', 'core.quotePath=false', 'log', '-z', '--no-color', '--format=%H %P', '-n1', '--diff-merges=first-parent', '--name-status', '-M', '--relative', '--no-ext-diff', `${ref}^{commit}`, '--')
  const end = out.indexOf('\0')
  const [head, parent] = out.slice(0, end).split(' ')
  return { head: head!, parent: parent!, changes: parseNameStatus(out.slice(end + 1).replace(/^\n/, '')) }
}
function gitDiff(repo: GitRepo, base: string, head: string, cwd = repo.dir): FileChange[] {
  return parseNameStatus(repo.git('-C', cwd, '-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--'))
}

/** A small seeded generator, so a failure names a reproducible case. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1
  return (n) => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s % n
  }
}

// Names chosen to exercise git's tree order (a tree sorts as if its name ended in '/'), spaces and non-ASCII.
const NAMES = ['a', 'a.txt', 'a-b', 'a0', 'b', 'B', 'b_c', 'A.md', 'sub', 'sub.d', 'sub-x', 'naïve file.ts', 'z z', 'Ω']

/** Random edits of the working tree: new, changed, deleted and moved files, modes, symlinks, files turned into directories. */
function mutate(repo: GitRepo, next: (n: number) => number, files: Set<string>): void {
  const path = (): string => Array.from({ length: 1 + next(3) }, () => NAMES[next(NAMES.length)]).join('/')
  const edits = 1 + next(4)
  for (let e = 0; e < edits; e++) {
    const existing = [...files]
    const pick = existing[next(Math.max(1, existing.length))]
    const op = next(10)
    try {
      if (op < 3 || !pick) {
        const p = path()
        mkdirSync(dirname(join(repo.dir, p)), { recursive: true })
        writeFileSync(join(repo.dir, p), `new ${next(1000)}\n`.repeat(1 + next(50)))
        files.add(p)
      } else if (op < 6) appendFileSync(join(repo.dir, pick), `more ${next(1000)}\n`)
      else if (op === 6) {
        rmSync(join(repo.dir, pick), { force: true })
        files.delete(pick)
      } else if (op === 7) chmodSync(join(repo.dir, pick), next(2) ? 0o755 : 0o644)
      else if (op === 8) {
        unlinkSync(join(repo.dir, pick))
        symlinkSync(`target-${next(5)}`, join(repo.dir, pick))
      } else {
        const moved = `${pick}.moved`
        writeFileSync(join(repo.dir, moved), `moved ${next(1000)}\n`.repeat(20))
        rmSync(join(repo.dir, pick), { force: true })
        files.delete(pick)
        files.add(moved)
      }
    } catch {
      // A path through a file, or a file where a directory is: the next edit goes on.
    }
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => {
    const p = prefix ? `${prefix}/${d.name}` : d.name
    if (p === '.git') return []
    return d.isDirectory() ? listFiles(dir, p) : [p]
  })
}

describe('gitObjects: diffs read from the repository files, exactly as git lists them (issue 16)', () => {
  it('matches git on random histories, loose and packed (offset and ref deltas), from the top and a subdirectory', () => {
    let answered = 0
    let declined = 0
    for (const seed of [1, 2]) {
      const next = random(seed * 7919)
      const repo = repository({ 'sub/base.txt': 'base\n'.repeat(40), 'a.txt': 'a\n'.repeat(40) })
      const files = new Set(listFiles(repo.dir))
      const commits = [repo.sha()]
      for (let c = 0; c < 12; c++) {
        mutate(repo, next, files)
        for (const f of [...files]) if (!listFiles(repo.dir).includes(f)) files.delete(f)
        commits.push(repo.commit(`change ${c}`))
        if (c === 6) {
          // A merge: the diff is from the first parent.
          repo.git('checkout', '--quiet', '-b', `side${seed}`, commits[3]!)
          writeFileSync(join(repo.dir, 'side.txt'), `side ${seed}\n`)
          repo.commit('side')
          repo.git('checkout', '--quiet', 'main')
          repo.git('merge', '--quiet', '--no-ff', '--no-edit', '-X', 'theirs', `side${seed}`)
          commits.push(repo.sha())
          for (const f of listFiles(repo.dir)) files.add(f)
        }
      }
      const storages: [string, () => void][] = [
        ['loose', () => {}],
        ['packed with offset deltas', () => repo.git('repack', '-a', '-d', '-f', '--depth=50', '--window=50', '-q')],
        ['packed with ref deltas', () => repo.git('-c', 'repack.useDeltaBaseOffset=false', 'repack', '-a', '-d', '-f', '-q')],
        ['half packed, half loose', () => (writeFileSync(join(repo.dir, 'late.txt'), 'late\n'), commits.push(repo.commit('late')))],
      ]
      for (const [storage, store] of storages) {
        store()
        for (const cwd of [repo.dir, join(repo.dir, 'sub')]) {
          mkdirSync(cwd, { recursive: true })
          const objects = reader(cwd)
          for (const commit of commits.slice(1)) {
            const ours = objects.firstParentDiff(commit)
            const theirs = gitFirstParent(repo, commit, cwd)
            const pairsMayRename = theirs.changes.some((c) => c.status === 'renamed') || (theirs.changes.some((c) => c.status === 'deleted') && theirs.changes.some((c) => c.status === 'added'))
            if (ours === undefined) {
              declined++
              expect(pairsMayRename, `${storage}, seed ${seed}, ${commit}: declined a diff git lists without renames`).toBe(true)
            } else {
              answered++
              expect(ours, `${storage}, seed ${seed}, ${commit} in ${cwd}`).toEqual(theirs)
            }
          }
          for (let k = 0; k < 6; k++) {
            const [base, head] = [commits[next(commits.length)]!, commits[next(commits.length)]!]
            const ours = objects.treeDiff(base, head)
            if (ours !== undefined) expect(ours, `${storage}, ${base}..${head}`).toEqual(gitDiff(repo, base, head, cwd))
          }
        }
      }
    }
    // The comparison means something only if most diffs were answered.
    expect(answered).toBeGreaterThan(declined)
  })

  it('answers HEAD, a branch, an annotated tag and a full SHA; types and modes as git names them', () => {
    const repo = repository({ 'x.txt': 'x\n', 'script.sh': 'echo\n', 'link': 'plain\n' })
    chmodSync(join(repo.dir, 'script.sh'), 0o755)
    unlinkSync(join(repo.dir, 'link'))
    symlinkSync('x.txt', join(repo.dir, 'link'))
    writeFileSync(join(repo.dir, 'x.txt'), 'changed\n')
    const head = repo.commit('modes')
    repo.git('tag', '-a', '-m', 'v', 'v1')
    const expected = { head, parent: repo.sha('HEAD~1'), changes: [{ status: 'type-changed', path: 'link' }, { status: 'modified', path: 'script.sh' }, { status: 'modified', path: 'x.txt' }] }
    expect(gitFirstParent(repo, 'HEAD')).toEqual(expected)
    for (const ref of ['HEAD', 'main', 'refs/heads/main', head, head.toUpperCase()]) expect(reader(repo.dir).firstParentDiff(ref), ref).toEqual(expected)
    // A tag's ref is not read without git (refReader leaves tags to it), but its SHA is followed to the commit.
    expect(reader(repo.dir).firstParentDiff(repo.git('rev-parse', 'v1'))).toEqual(expected)
  })

  it('reads a linked worktree (its own HEAD, the shared objects), and declines a work tree moved by the config', () => {
    const repo = repository({ 'a.txt': 'one\n' })
    repo.commit('two', { 'a.txt': 'two\n', 'b.txt': 'b\n' })
    repo.git('branch', 'other', 'HEAD~1')
    const worktree = join(repo.dir, '..', `${repo.dir.split('/').pop()}-wt`)
    repo.git('worktree', 'add', '--quiet', worktree, 'other')
    try {
      writeFileSync(join(worktree, 'c.txt'), 'c\n')
      repo.git('-C', worktree, 'add', 'c.txt')
      repo.git('-C', worktree, 'commit', '--quiet', '-m', 'three')
      expect(reader(worktree).firstParentDiff('HEAD')).toEqual(gitFirstParent(repo, 'HEAD', worktree))
      expect(reader(worktree).firstParentDiff('HEAD')!.changes).toEqual([{ status: 'added', path: 'c.txt' }])
      expect(reader(repo.dir).firstParentDiff('HEAD')).toEqual(gitFirstParent(repo, 'HEAD'))
      appendFileSync(join(repo.dir, '.git/config'), '[core]\n\tworktree = /elsewhere\n')
      expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    } finally {
      rmSync(worktree, { recursive: true, force: true })
    }
  })

  it('declines what git would answer differently or only git can answer', () => {
    const repo = repository({ 'a.txt': 'one\n'.repeat(30) })
    // A root commit has no parent.
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    // A move: git pairs the two sides into a rename.
    repo.commit('move', { 'b.txt': 'one\n'.repeat(30) }, ['a.txt'])
    expect(gitFirstParent(repo, 'HEAD').changes).toEqual([{ status: 'renamed', oldPath: 'a.txt', path: 'b.txt' }])
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    // A submodule entry.
    repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.sha()},vendor/lib`)
    repo.git('commit', '--quiet', '-m', 'submodule')
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    // Revision syntax, unknown refs and SHAs, a commit this clone lacks.
    for (const ref of ['HEAD~1', 'nope', 'f'.repeat(40), '-x']) expect(reader(repo.dir).firstParentDiff(ref), ref).toBeUndefined()
    expect(reader(repo.dir).treeDiff('f'.repeat(40), repo.sha())).toBeUndefined()
  })

  it('declines replace refs, grafts, alternates, a shallow boundary, a moved GIT_DIR, and a damaged object, without throwing', () => {
    const repo = repository({ 'a.txt': 'one\n' })
    repo.commit('two', { 'a.txt': 'two\n' })
    expect(reader(repo.dir).firstParentDiff('HEAD')).toEqual(gitFirstParent(repo, 'HEAD'))
    expect(reader(repo.dir, { GIT_DIR: join(repo.dir, '.git') }).firstParentDiff('HEAD')).toBeUndefined()
    expect(reader(repo.dir, { GIT_OBJECT_DIRECTORY: join(repo.dir, '.git/objects') }).firstParentDiff('HEAD')).toBeUndefined()
    // git would read another commit in place of the parent.
    const other = repo.git('commit-tree', '-m', 'other', `${repo.sha()}^{tree}`)
    repo.git('replace', repo.sha('HEAD~1'), other)
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    repo.git('replace', '-d', repo.sha('HEAD~1'))
    const parent = repo.sha('HEAD~1')
    repo.git('pack-refs', '--all')
    const packed = readFileSync(join(repo.dir, '.git/packed-refs'), 'utf8')
    writeFileSync(join(repo.dir, '.git/packed-refs'), `${packed}${other} refs/replace/${parent}\n`)
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    writeFileSync(join(repo.dir, '.git/packed-refs'), packed)
    writeFileSync(join(repo.dir, '.git/objects/info/alternates'), '/nowhere\n')
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    rmSync(join(repo.dir, '.git/objects/info/alternates'))
    mkdirSync(join(repo.dir, '.git/info'), { recursive: true })
    writeFileSync(join(repo.dir, '.git/info/grafts'), `${repo.sha()}\n`)
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    rmSync(join(repo.dir, '.git/info/grafts'))
    writeFileSync(join(repo.dir, '.git/shallow'), `${repo.sha()}\n`)
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    rmSync(join(repo.dir, '.git/shallow'))
    expect(reader(repo.dir).firstParentDiff('HEAD')).toEqual(gitFirstParent(repo, 'HEAD'))
    // The head commit's object, damaged.
    const [sha, parentSha] = [repo.sha(), repo.sha('HEAD~1')]
    const file = join(repo.dir, '.git/objects', sha.slice(0, 2), sha.slice(2))
    chmodSync(file, 0o644)
    writeFileSync(file, 'not zlib')
    expect(reader(repo.dir).firstParentDiff('HEAD')).toBeUndefined()
    expect(reader(repo.dir).treeDiff(sha, parentSha)).toBeUndefined()
  })

  it('declines a directory outside any repository and one that is not under the work tree', () => {
    const repo = repository()
    expect(reader(join(repo.dir, '.git')).firstParentDiff('HEAD')).toBeUndefined()
    expect(reader('/').firstParentDiff('HEAD')).toBeUndefined()
  })
})

describe('applyDelta', () => {
  it('copies from the base and inserts literals, and refuses a delta that does not fit its base', () => {
    const base = Buffer.from('hello world')
    // base size 11, result size 11: copy "hello " (offset 0, size 6), insert "there".
    const delta = Buffer.from([11, 11, 0x80 | 0x10, 6, 5, ...Buffer.from('there')])
    expect(applyDelta(base, delta).toString()).toBe('hello there')
    expect(() => applyDelta(Buffer.from('short'), delta)).toThrow()
    expect(() => applyDelta(base, Buffer.from([11, 11, 0]))).toThrow()
  })
})
