import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { generateCatalog } from '@tierdeploy/testkit'
import { readSimpleYaml } from './fast-yaml.js'
import { parseAnyYaml as parseYaml } from './full-yaml.js'

const repo = join(import.meta.dirname, '../../..')

/** What js-yaml makes of the text, or the error it throws. */
function reference(text: string): { value?: unknown; error?: string } {
  try {
    return { value: load(text) }
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] }
  }
}

/** The fast reader either declines or returns exactly js-yaml's value; it never accepts text js-yaml rejects. */
function expectAgrees(text: string): void {
  const fast = readSimpleYaml(text)
  if (fast === undefined) return
  const ref = reference(text)
  if (ref.error !== undefined) throw new Error(`fast reader accepted text js-yaml rejects (${ref.error}):\n${text}`)
  if (!isDeepStrictEqual(fast, ref.value)) {
    throw new Error(`fast reader differs from js-yaml:\n${text}\nfast: ${JSON.stringify(fast)}\njs-yaml: ${JSON.stringify(ref.value)}`)
  }
}

/** A small deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const repoYaml = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => ({ file: f, text: readFileSync(join(repo, f), 'utf8') }))

describe('readSimpleYaml', () => {
  it('reads the bundled catalogs, the example platform and generated catalogs itself, exactly as js-yaml does', () => {
    const catalogs = repoYaml.filter((f) => /(^|\/)catalog\/(services|environments\/[^/]+)\.yaml$/.test(f.file))
    expect(catalogs.map((f) => f.file)).toEqual(expect.arrayContaining(['catalog/services.yaml', 'catalog/environments/production.yaml', 'examples/invoxa/catalog/services.yaml']))
    for (const { file, text } of [...catalogs, { file: 'generated 300', text: generateCatalog(300).yaml }]) {
      const fast = readSimpleYaml(text)
      expect(fast, `${file} should take the fast path`).toBeDefined()
      expect(fast, file).toStrictEqual(load(text))
    }
  })

  it('agrees with js-yaml on every YAML file in the repository (workflows, action.yml, fixtures), or declines', () => {
    expect(repoYaml.length).toBeGreaterThan(30)
    let read = 0
    for (const { text } of repoYaml) {
      expectAgrees(text)
      if (readSimpleYaml(text) !== undefined) read++
    }
    // Most files are in the subset: the fast reader is not declining everything.
    expect(read).toBeGreaterThan(repoYaml.length / 3)
  })

  it.each([
    ['block mappings and sequences', 'a: 1\nb:\n  c: x\n  d:\n    - 1\n    - two\ne:\n- f\n- g\n'],
    ['sequence items that are mappings', 'tiers:\n  - id: 1\n    name: core\n  -   id: 2\n      name: business\n'],
    ['a mapping under a dash line', 'a:\n  -\n    b: 1\n  - c\n'],
    ['flow collections, nested one level', "routing: { public: true, pathPatterns: ['/api/*', \"/x\"], priority: 100 }\nl: [ ]\nm: {}\n"],
    ['comments everywhere', '# head\na: 1 # one\n  # indented comment\nb: "x # not a comment" # but this is\nc: [a, b] # list\nd: x#y\n'],
    ['single quotes with a doubled quote', "a: 'it''s'\nb: ''\n"],
    ['keys that are not names', '"quoted key": 1\nunder_score: 2\ndots.and/slashes: 3\n'],
    ['plain scalars with spaces, brackets and colons', 'a: an ordinary sentence (with parentheses), commas [and brackets]\nurl: http://x.example/a:b\ncidr: 10.1.0.0/16\n'],
    ['empty values', 'a:\nb: ~\nc: null\nd:\n'],
    ['booleans and integers', 'a: true\nb: false\nc: 0\nd: -12\ne: 512\n'],
  ])('reads %s', (_name, text) => {
    expect(readSimpleYaml(text)).toStrictEqual(load(text))
  })

  it.each([
    ['numbers it cannot be sure of', 'a: 012\n'],
    ['floats', 'a: 1.5\n'],
    ['hex', 'a: 0x1F\n'],
    ['infinity', 'a: .inf\n'],
    ['capitalised booleans', 'a: True\n'],
    ['dates', 'a: 2026-12-01\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['escapes in double quotes', 'a: "x\\ny"\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['tabs', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['document markers', '---\na: 1\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['merge keys', 'a: &b { c: 1 }\nd:\n  <<: *b\n'],
    ['__proto__', '__proto__: { a: 1 }\n'],
    ['trailing commas', 'a: [1, 2,]\n'],
    ['a colon in a plain value', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['compact nested sequences', 'a:\n- - b\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'hello\n'],
    ['empty text', ''],
    ['only comments', '# nothing\n'],
  ])('declines %s (js-yaml reads or rejects it)', (_name, text) => {
    expect(readSimpleYaml(text)).toBeUndefined()
  })

  it('never disagrees with js-yaml on randomly mutated catalogs (seeded)', () => {
    const bases = [
      readFileSync(join(repo, 'catalog/services.yaml'), 'utf8'),
      readFileSync(join(repo, 'catalog/environments/production.yaml'), 'utf8'),
      generateCatalog(12).yaml,
    ]
    const pieces = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a', '*a', '!', '|', '>', '%', '@', '`', '\t', '\n', '\r\n', '.', '~', '0', '012', '1.5', '0x1F', 'True', 'Null', 'yes', '.inf', '---', '...', '\\', '<<', '?', '\u00e9', '\ufeff']
    let seed = 1
    for (let round = 0; round < 1500; round++, seed++) {
      const random = prng(seed)
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!
      let text = pick(bases)
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length)
        const lines = text.split('\n')
        const line = Math.floor(random() * lines.length)
        switch (Math.floor(random() * 6)) {
          case 0:
            text = text.slice(0, at) + pick(pieces) + text.slice(at)
            break
          case 1:
            text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3))
            break
          case 2:
            lines.splice(line, 0, lines[line] ?? '')
            text = lines.join('\n')
            break
          case 3:
            lines[line] = (random() < 0.5 ? ' ' : '  ') + (lines[line] ?? '')
            text = lines.join('\n')
            break
          case 4:
            lines[line] = (lines[line] ?? '').replace(/^ {1,2}/, '')
            text = lines.join('\n')
            break
          default: {
            // Replace a value with a word whose type depends on the schema.
            lines[line] = (lines[line] ?? '').replace(/: .*$/, `: ${pick(pieces)}`)
            text = lines.join('\n')
          }
        }
      }
      try {
        expectAgrees(text)
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}`, { cause: e })
      }
    }
  })

  it('leaves YAML nested deeper than its call stack to js-yaml, which reports it in the file (no crash)', () => {
    let text = ''
    for (let i = 0; i < 20000; i++) text += `${' '.repeat(i)}a:\n`
    expect(readSimpleYaml(text)).toBeUndefined()
    expect(parseYaml({ file: 'catalog/services.yaml', text }).problem).toMatchObject({ file: 'catalog/services.yaml', severity: 'error', message: expect.stringMatching(/maxDepth/) })
  })

  it('leaves syntax errors to js-yaml, so the message and line are js-yaml\'s', () => {
    const result = parseYaml({ file: 'services.yaml', text: 'services:\n  a:\n    tier: 1\n  a:\n    tier: 2\n' })
    expect(result.problem).toMatchObject({ file: 'services.yaml', line: 4, message: "duplicate key 'a'" })
  })
})
