import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a build script, plain JavaScript
import { stampBuildId } from '../scripts/build-id.mjs'
// @ts-expect-error: a build script, plain JavaScript
import { LOADER_KEY, toCommonJs, toScriptChunk, withChunkLoader } from '../scripts/script-chunks.mjs'

const toScript = toScriptChunk as (code: string, file?: string) => string
const withLoader = withChunkLoader as (code: string, file?: string) => string
const commonJs = toCommonJs as (code: string, file?: string) => string
const stamp = stampBuildId as (files: Map<string, string | Buffer>, out?: string) => void

const chunk = ['export const id = 12;', 'export const ids = [12, 13];', 'export const modules = {', '/***/ 5: ((module) => {', '  module.exports = { meta: import.meta.url, line: new Error().stack.split("\\n")[1] };', '/***/ })', '};'].join('\n')

describe('CLI chunks as scripts (scripts/script-chunks.mjs)', () => {
  it('gives the three values ncc exports, with import.meta from the loader, on the lines they were on', () => {
    const script = toScript(chunk)
    expect(script.split('\n').length).toBe(chunk.split('\n').length + 1) // the closing line ends with a newline
    const made = (new Script(script, { filename: '/dist/12.index.js' }).runInThisContext() as (meta: { url: string }) => { id: number; ids: number[]; modules: Record<string, (m: { exports: unknown }) => void> })({ url: 'file:///dist/12.index.js' })
    expect(made.id).toBe(12)
    expect(made.ids).toEqual([12, 13])
    const module = { exports: {} as { meta: string; line: string } }
    made.modules['5']!(module)
    expect(module.exports.meta).toBe('file:///dist/12.index.js')
    expect(module.exports.line).toMatch(/12\.index\.js:5:/) // line 5, as in the ES module
  })

  it('refuses a chunk the loader could not give what it expects, naming the file and line', () => {
    expect(() => toScript(`${chunk}\nexport const runtime = 1;`, 'dist/12.index.js')).toThrow(/dist\/12\.index\.js:8: a chunk may hold only/)
    expect(() => toScript(chunk.replace('import.meta.url', 'import("./x.js")'), 'c.js')).toThrow(/c\.js:5: import\(\) inside a chunk/)
    expect(() => toScript(chunk.replace('export const ids = [12, 13];', ''), 'c.js')).toThrow(/exports id, ids and modules; this one exports id, modules/)
    expect(() => toScript(`import x from "y";\n${chunk}`, 'c.js')).toThrow(/c\.js:1:/)
  })

  it('hands the runtime’s import() of a chunk to the installed loader, and refuses a runtime it does not recognise', () => {
    const runtime = 'var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk)'
    expect(withLoader(runtime)).toBe(`var promise = globalThis[Symbol.for(${JSON.stringify(LOADER_KEY)})](__nccwpck_require__.u(chunkId)).then(installChunk)`)
    expect(() => withLoader('var promise = import(chunk)', 'dist/index.js')).toThrow(/dist\/index\.js: expected ncc's chunk loading/)
    expect(() => withLoader(`${runtime}\n${runtime}`)).toThrow(/exactly once/)
  })
})

describe('the CLI entry as CommonJS (scripts/script-chunks.mjs)', () => {
  it('turns imports into require() and import.meta into the same fields, on the same lines', () => {
    const entry = ['import { createRequire as cr } from "module";', 'import * as path from "node:path";', 'import fs, { readFileSync as rf } from "node:fs";', 'import "node:os";', 'exported = [typeof cr, path.sep, typeof fs.statSync, typeof rf, import.meta.url, import.meta.dirname];'].join('\n')
    const out = commonJs(entry, 'dist/index.js')
    expect(out.split('\n').length).toBe(5)
    const run = new Script(`(function (require, __filename, __dirname) { let exported; ${out}\n; return exported })`).runInThisContext() as (r: NodeRequire, f: string, d: string) => unknown[]
    expect(run(createRequire(import.meta.url), '/opt/td/dist/index.js', '/opt/td/dist')).toEqual(['function', '/', 'function', 'function', 'file:///opt/td/dist/index.js', '/opt/td/dist'])
  })

  it('refuses what CommonJS cannot say: an export, an import(), a top-level await', () => {
    expect(() => commonJs('export const x = 1;', 'dist/index.js')).toThrow(/dist\/index\.js:1: the CLI entry exports nothing/)
    expect(() => commonJs('const m = import("x");', 'i.js')).toThrow(/i\.js:1: import\(\) in the CLI entry/)
    expect(() => commonJs('await Promise.resolve(1);', 'i.js')).toThrow(/i\.js: not valid as CommonJS after conversion/)
  })
})

describe('the build id (scripts/build-id.mjs)', () => {
  const files = (chunkText: string) =>
    new Map<string, string | Buffer>([
      ['index.js', "const stamped = '@@tierdeploy-build-id@@';"],
      ['7.index.js', chunkText],
      ['workflows/a.yml', Buffer.from('on: push')],
    ])
  const idOf = (f: Map<string, string | Buffer>) => /const stamped = '([0-9a-f]{32})'/.exec(String(f.get('index.js')))?.[1]

  it('is the same for the same files and changes with any one of them', () => {
    const [a, b, c] = [files('x'), files('x'), files('y')]
    for (const f of [a, b, c]) stamp(f)
    expect(idOf(a)).toMatch(/^[0-9a-f]{32}$/)
    expect(idOf(a)).toBe(idOf(b))
    expect(idOf(c)).not.toBe(idOf(a))
  })

  it('leaves a bundle without the placeholder alone, and refuses one with two', () => {
    const plain = new Map([['index.js', 'x']])
    stamp(plain)
    expect(plain.get('index.js')).toBe('x')
    const twice = files("'@@tierdeploy-build-id@@'")
    expect(() => stamp(twice, 'dist')).toThrow(/dist: the build-id placeholder/)
  })
})

describe('the committed CLI bundle', () => {
  const dist = join(import.meta.dirname, '../packages/cli/dist')
  const names = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f))

  it('holds its chunks as scripts, loaded through the installed loader, under a build id that hashes them all', () => {
    expect(names.length).toBeGreaterThan(5)
    for (const name of names) {
      const text = readFileSync(join(dist, name), 'utf8')
      expect(text.startsWith('(function (__tierdeployImportMeta) { return { id: '), name).toBe(true)
      expect(() => new Script(text, { filename: name }), name).not.toThrow()
    }
    const index = readFileSync(join(dist, 'index.js'), 'utf8')
    expect(index.split(`globalThis[Symbol.for(${JSON.stringify(LOADER_KEY)})]`).length).toBe(2)
    // CommonJS, entry and bin alike: Node starts them without its ES module loader.
    expect(() => new Script(`(function (require, module, exports, __filename, __dirname) {${index}\n})`)).not.toThrow()
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
    expect(JSON.parse(readFileSync(join(dist, '../bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
    // Put the placeholder back and hash again: the id in the bundle is the hash of exactly these files.
    const id = /const stamped = '([0-9a-f]{32})'/.exec(index)?.[1]
    expect(id).toBeDefined()
    const all = new Map<string, string | Buffer>()
    const walk = (dir: string, prefix: string): void => {
      for (const entry of readdirSync(join(dist, dir), { withFileTypes: true })) {
        const rel = prefix + entry.name
        if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/`)
        else all.set(rel, /\.(?:c|m)?js$/.test(rel) ? readFileSync(join(dist, rel), 'utf8') : readFileSync(join(dist, rel)))
      }
    }
    walk('.', '')
    all.set('index.js', index.replace(`'${id}'`, "'@@tierdeploy-build-id@@'"))
    stamp(all)
    expect(/const stamped = '([0-9a-f]{32})'/.exec(String(all.get('index.js')))?.[1]).toBe(id)
  })
})
