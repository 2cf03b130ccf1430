import { describe, expect, it } from 'vitest'
import { isCanonicalRepoPath, normaliseRepoPath } from './repo-path.js'

describe('normaliseRepoPath', () => {
  it.each([
    ['auth', 'auth'],
    ['./auth', 'auth'],
    ['auth/', 'auth'],
    ['./auth/', 'auth'],
    ['auth//x', 'auth/x'],
    ['././auth//x///', 'auth/x'],
    ['services/my service', 'services/my service'],
  ])('reads the directory %j as %j', (written, path) => {
    expect(normaliseRepoPath(written, 'directory')).toEqual({ path })
  })

  it('reads a glob the same way, keeping its glob syntax and escapes', () => {
    expect(normaliseRepoPath('./schemas//payment/**/*.proto', 'glob')).toEqual({ path: 'schemas/payment/**/*.proto' })
    expect(normaliseRepoPath('docs/\\*.md', 'glob')).toEqual({ path: 'docs/\\*.md' })
  })

  it('reads the repository root as . for a build context only', () => {
    for (const root of ['.', './', './/']) expect(normaliseRepoPath(root, 'context')).toEqual({ path: '.' })
    expect(normaliseRepoPath('.', 'directory')).toMatchObject({ problem: "'.' is the repository root", hint: expect.stringContaining("e.g. 'services/auth'") })
    expect(normaliseRepoPath('', 'file')).toMatchObject({ problem: "'' is the repository root" })
  })

  it.each([
    ['auth/../payment', 'directory', "'auth/../payment' has a '..' segment", "write 'payment'"],
    ['auth/./x', 'directory', "'auth/./x' has a '.' segment", "write 'auth/x'"],
    ['../other-repo/auth', 'directory', "'../other-repo/auth' leaves the repository", 'move it into the repository'],
    ['auth/../../x', 'glob', "'auth/../../x' leaves the repository", 'move it into the repository'],
    ['/repo/services/auth', 'directory', "'/repo/services/auth' is an absolute path", "paths are relative to the repository root (/repo): write 'services/auth'"],
    ['/opt/auth/', 'directory', "'/opt/auth/' is an absolute path", "write 'opt/auth'"],
    ['C:\\code\\auth', 'directory', "'C:\\code\\auth' uses \\ between directories", "write 'C:/code/auth'"],
    ['services\\auth', 'directory', "'services\\auth' uses \\ between directories", "write 'services/auth'"],
  ] as const)('refuses %j, saying what to write', (written, kind, problem, hint) => {
    const n = normaliseRepoPath(written, kind, '/repo')
    expect(n).toMatchObject({ problem })
    expect('hint' in n && n.hint).toContain(hint)
  })
})

describe('isCanonicalRepoPath (the shortcut normaliseRepoPath takes first)', () => {
  /** The definition, written plainly: relative, '/' between non-empty segments, none '.' or '..', no backslash. */
  const canonical = (value: string): boolean =>
    value !== '' && !value.includes('\\') && !value.startsWith('/') && !/^[A-Za-z]:\//.test(value) && value.split('/').every((s) => s !== '' && s !== '.' && s !== '..')

  it('agrees with the definition on every path of up to three segments built from awkward pieces', () => {
    const pieces = ['a', 'b', '.', '..', '', '.x', '..y', 'x.', '...', 'C:', 'c:', '\\', ' ', '-', '*']
    const samples = new Set<string>(['C:/x', 'c:x', 'C:\\x', '.github/workflows', 'a\\b', 'x/.y/..z', 'services/svc-00001'])
    for (const a of pieces) for (const b of pieces) for (const c of pieces) samples.add(`${a}/${b}/${c}`).add(`${a}/${b}`).add(a)
    for (const value of samples) expect(isCanonicalRepoPath(value), JSON.stringify(value)).toBe(canonical(value))
  })

  it('is a path normaliseRepoPath keeps as it is, and a non-canonical one it rewrites or refuses', () => {
    for (const value of ['a/b', '.github/x', 'services/svc-1']) expect(normaliseRepoPath(value, 'directory')).toEqual({ path: value })
    for (const [value, path] of [['./a', 'a'], ['a/', 'a'], ['a//b', 'a/b']]) expect(normaliseRepoPath(value!, 'directory')).toEqual({ path })
    for (const value of ['/a', 'C:/a', 'a/../b', 'a/./b', 'a\\b', '']) expect(normaliseRepoPath(value, 'directory')).toHaveProperty('problem')
  })
})
