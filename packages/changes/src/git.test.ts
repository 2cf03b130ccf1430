import { describe, expect, it } from 'vitest'
import { parseNameStatus } from './git.js'

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
