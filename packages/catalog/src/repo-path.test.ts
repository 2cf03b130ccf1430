import { describe, expect, it } from 'vitest'
import { normaliseRepoPath } from './repo-path.js'

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
