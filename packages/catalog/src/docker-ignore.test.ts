import { describe, expect, it } from 'vitest'
import { dockerIgnoreMatcher } from './docker-ignore.js'

const excluded = (text: string, paths: string[]): string[] => paths.filter(dockerIgnoreMatcher(text))

describe('dockerIgnoreMatcher', () => {
  it('excludes a matched directory with everything under it, and * stops at / while ** crosses it', () => {
    expect(excluded('node_modules\n*.md\n**/*.log\n', ['node_modules/a/b.js', 'README.md', 'docs/guide.md', 'app.log', 'src/deep/x.log', 'src/index.ts'])).toEqual(['node_modules/a/b.js', 'README.md', 'app.log', 'src/deep/x.log'])
    expect(excluded('services/**\n', ['services/a/b.ts', 'services', 'libs/x.ts'])).toEqual(['services/a/b.ts'])
    expect(excluded('a/**/b\n', ['a/b', 'a/x/y/b', 'a/x/c'])).toEqual(['a/b', 'a/x/y/b'])
  })

  it('lets a later ! pattern bring back what an earlier one excluded, the last match deciding', () => {
    const m = dockerIgnoreMatcher('*\n!services/auth\n!libs\nlibs/secret\n')
    expect(['services/auth/src/a.ts', 'services/payment/a.ts', 'libs/shared/x.ts', 'libs/secret/key', 'Dockerfile'].filter(m)).toEqual(['services/payment/a.ts', 'libs/secret/key', 'Dockerfile'])
  })

  it('reads patterns as Docker does: comments, blank lines, ./, a leading /, a trailing /, a BOM and CRLF', () => {
    const m = dockerIgnoreMatcher('\uFEFF# build output\r\n\r\n/dist/\r\n./tmp//cache\r\n  coverage  \r\n #not a comment\r\n')
    expect(['dist/a.js', 'tmp/cache/x', 'coverage/lcov.info', '#not a comment', 'src/dist.ts', '# build output'].filter(m)).toEqual(['dist/a.js', 'tmp/cache/x', 'coverage/lcov.info', '#not a comment'])
  })

  it('supports ? and character classes, and takes \\ as an escape', () => {
    expect(excluded('file?.txt\nv[0-9].json\nliteral\\*star\n', ['file1.txt', 'file10.txt', 'v3.json', 'vx.json', 'literal*star', 'literalXstar'])).toEqual(['file1.txt', 'v3.json', 'literal*star'])
  })

  it('treats regular expression characters literally', () => {
    expect(excluded('a+b.(c)|{d}$\n', ['a+b.(c)|{d}$', 'aab.(c)|{d}$', 'a+bx(c)|{d}$'])).toEqual(['a+b.(c)|{d}$'])
  })

  it('ignores a pattern Docker would refuse, and a lone !, so such a file stays an input', () => {
    expect(excluded('[abc\n!\nkeep-me-out\n', ['[abc', 'a', 'keep-me-out'])).toEqual(['keep-me-out'])
    expect(excluded('', ['anything'])).toEqual([])
  })
})
