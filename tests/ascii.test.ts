import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a build script, plain JavaScript
import { toAsciiSource } from '../scripts/ascii.mjs'

const escape = toAsciiSource as (code: string, file?: string) => string
const load = async (code: string): Promise<Record<string, unknown>> => import(`data:text/javascript,${encodeURIComponent(code)}`)

describe('ASCII bundles (scripts/ascii.mjs)', () => {
  it('escapes non-ASCII characters in comments, strings, regular expressions, templates and identifiers, keeping every value', async () => {
    const source = [
      '// café → and /* ✓ */',
      "const naïve = 'a→b \\é'",
      'const pattern = /[→é]+/u',
      'const legacy = /😀/',
      'const emoji = "😀"',
      'const text = `x→${naïve}→`',
      'export { naïve, pattern, legacy, emoji, text }',
    ].join('\n')
    const ascii = escape(source)
    expect(ascii).not.toMatch(/[\u0080-\uffff]/)
    const [before, after] = [await load(source), await load(ascii)]
    for (const key of ['naïve', 'emoji', 'text']) expect(after[key], key).toBe(before[key])
    expect(after.naïve).toBe('a→b é')
    expect((after.pattern as RegExp).test('→é')).toBe(true)
    expect((after.legacy as RegExp).test('😀')).toBe(true)
    expect(String(after.pattern)).toBe(String(new RegExp('[\\u2192\\u00e9]+', 'u')))
  })

  it('returns ASCII source unchanged and refuses a tagged template, whose tag sees the raw text', () => {
    const plain = "const a = 'plain' // comment\n"
    expect(escape(plain)).toBe(plain)
    expect(() => escape('const s = String.raw`→`', 'dist/index.js')).toThrow(/^dist\/index\.js:1: .*tagged template/)
    // What a tagged template's substitution holds is not the tag's raw text: escaped.
    expect(escape('const s = String.raw`a${`→`}b`')).toBe('const s = String.raw`a${`\\u2192`}b`')
  })

  it('leaves every committed bundle in plain ASCII', () => {
    const root = join(import.meta.dirname, '..')
    const dirs = [join(root, 'packages/cli/dist'), ...readdirSync(join(root, 'actions')).map((a) => join(root, 'actions', a, 'dist'))]
    const offending: string[] = []
    for (const dir of dirs) {
      let files: string[]
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.js'))
      } catch {
        continue
      }
      for (const f of files) if (/[\u0080-\uffff]/.test(readFileSync(join(dir, f), 'latin1'))) offending.push(join(dir, f))
    }
    expect(offending).toEqual([])
  })
})
