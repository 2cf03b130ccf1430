import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Script } from 'node:vm'
import { generateCatalog, tempDir, writeFiles } from '@tierdeploy/testkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
// @ts-expect-error: a build script, plain JavaScript
import { LOADER_KEY, toScriptChunk } from '../../../scripts/script-chunks.mjs'
import { CHUNK_LOADER_KEY, chunkLoader, seal, unseal, type Chunk } from './chunk-loader.js'
import { MEDIUM_CATALOG_LENGTH } from './v8-flags.js'

const toScript = toScriptChunk as (code: string, file?: string) => string

/** An ncc chunk as ncc writes it, with a module that reports import.meta.url and does some work worth caching. */
const chunkSource = (answer: number): string =>
  [
    'export const id = 7;',
    'export const ids = [7];',
    'export const modules = {',
    '/***/ 42: ((module) => {',
    `  const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));`,
    `  module.exports = { url: import.meta.url, answer: ${answer}, fib: fib(15) };`,
    '/***/ })',
    '};',
  ].join('\n')

function run(chunk: Chunk): { url: string; answer: number; fib: number } {
  const module = { exports: {} as { url: string; answer: number; fib: number } }
  ;(chunk.modules['42'] as (m: typeof module) => void)(module)
  return module.exports
}

describe('chunkLoader', () => {
  const dirs: Array<{ cleanup(): void }> = []
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))

  /** A dist directory holding the chunk, a cache directory, and one "process": a loader and its exit. */
  function setup(answer = 1) {
    const temp = tempDir('tierdeploy-chunks-')
    dirs.push(temp)
    const dist = join(temp.dir, 'dist')
    mkdirSync(dist)
    writeFileSync(join(dist, '7.index.js'), toScript(chunkSource(answer)))
    const cache = join(temp.dir, 'cache', 'code')
    const processRun = async (options: { buildId?: string; codeCacheDir?: string | undefined } = {}) => {
      let exit = (): void => {}
      const loader = chunkLoader({ dir: dist, codeCacheDir: 'codeCacheDir' in options ? options.codeCacheDir : cache, buildId: options.buildId ?? 'b1', atExit: (f) => (exit = f) })
      const chunk = await loader.load('7.index.js')
      exit()
      return chunk
    }
    return { dist, cache, processRun }
  }

  it('runs a chunk as ncc would have: its id, ids and modules, with import.meta.url the file it came from', async () => {
    const { dist, processRun } = setup(5)
    const chunk = await processRun({ codeCacheDir: undefined })
    expect(chunk.id).toBe(7)
    expect(chunk.ids).toEqual([7])
    expect(run(chunk)).toEqual({ url: pathToFileURL(join(dist, '7.index.js')).href, answer: 5, fib: 610 })
  })

  it('writes the compiled chunk as the process exits, and a later run reads it without writing again', async () => {
    const { cache, processRun } = setup()
    expect(run(await processRun()).answer).toBe(1)
    const file = join(cache, 'b1-7.index.js.v8')
    const written = statSync(file)
    expect(written.size).toBeGreaterThan(100)
    expect(written.mode & 0o077).toBe(0)
    const bytes = readFileSync(file)

    expect(run(await processRun()).answer).toBe(1)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs)
    expect(readdirSync(cache)).toEqual(['b1-7.index.js.v8'])
  })

  it('compiles from source when the cached code is damaged, and replaces it', async () => {
    const { cache, processRun } = setup()
    await processRun()
    const file = join(cache, 'b1-7.index.js.v8')
    // One byte of the compiled code changed (V8 alone accepted this): the checksum rejects the file, it is written again.
    const damaged = readFileSync(file)
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff
    writeFileSync(file, damaged)
    expect(run(await processRun()).fib).toBe(610)
    const rewritten = readFileSync(file)
    expect(rewritten.equals(damaged)).toBe(false)
    // A file cut short (a full disk) is rejected as well.
    writeFileSync(file, rewritten.subarray(0, rewritten.length >> 1))
    expect(run(await processRun()).answer).toBe(1)
    expect(readFileSync(file).length).toBeGreaterThan(rewritten.length >> 1)
    const { mtimeMs } = statSync(file)
    await processRun()
    expect(statSync(file).mtimeMs).toBe(mtimeMs)
  })

  it('never reads another build’s code: a new build writes its own file and removes the old one', async () => {
    const { cache, processRun } = setup()
    await processRun({ buildId: 'b1' })
    await processRun({ buildId: 'b2' })
    expect(readdirSync(cache)).toEqual(['b2-7.index.js.v8'])
  })

  it('takes the code of chunks compiled before a V8 flag changes at that moment, and of later ones as the process exits', async () => {
    const { dist, cache } = setup()
    writeFileSync(join(dist, '8.index.js'), toScript(chunkSource(2).replace(/\b7\b/g, '8')))
    let phase = 'running'
    const taken: string[] = []
    // V8 writes the flags of the moment into the code it serialises: when it is taken is what matters.
    vi.spyOn(Script.prototype, 'createCachedData').mockImplementation(() => {
      taken.push(phase)
      return Buffer.from(`code taken ${phase}`)
    })
    try {
      let exit = (): void => {}
      const loader = chunkLoader({ dir: dist, codeCacheDir: cache, buildId: 'b1', atExit: (f) => (exit = f) })
      await loader.load('7.index.js')
      phase = 'at the change'
      loader.beforeFlagsChange()
      phase = 'after it'
      expect(run(await loader.load('8.index.js')).answer).toBe(2)
      loader.beforeFlagsChange() // a second change takes only what was compiled since
      phase = 'at exit'
      exit()
    } finally {
      vi.restoreAllMocks()
    }
    expect(taken).toEqual(['at the change', 'after it'])
    expect(unseal(readFileSync(join(cache, 'b1-7.index.js.v8')))?.toString()).toBe('code taken at the change')
    expect(unseal(readFileSync(join(cache, 'b1-8.index.js.v8')))?.toString()).toBe('code taken after it')
  })

  it('takes the code of chunks compiled after the last change as the process exits', async () => {
    const { dist, cache } = setup()
    let phase = 'running'
    vi.spyOn(Script.prototype, 'createCachedData').mockImplementation(() => Buffer.from(`code taken ${phase}`))
    try {
      let exit = (): void => {}
      const loader = chunkLoader({ dir: dist, codeCacheDir: cache, buildId: 'b1', atExit: (f) => (exit = f) })
      loader.beforeFlagsChange()
      await loader.load('7.index.js')
      phase = 'at exit'
      exit()
    } finally {
      vi.restoreAllMocks()
    }
    expect(unseal(readFileSync(join(cache, 'b1-7.index.js.v8')))?.toString()).toBe('code taken at exit')
  })

  it('does not use a cache directory that others can write to', async () => {
    const { cache, processRun } = setup()
    mkdirSync(cache, { recursive: true })
    chmodSync(cache, 0o777)
    expect(run(await processRun()).answer).toBe(1)
    expect(readdirSync(cache)).toEqual([])
  })

  it('touches no directory in a run that loads no chunk (--version)', () => {
    const { cache } = setup()
    let exit = (): void => {}
    chunkLoader({ dir: cache, codeCacheDir: cache, buildId: 'b1', atExit: (f) => (exit = f) })
    exit()
    expect(existsSync(cache)).toBe(false)
  })

  it('writes nothing without a cache directory', async () => {
    const { cache, processRun } = setup()
    await processRun({ codeCacheDir: undefined })
    expect(() => readdirSync(cache)).toThrow(/ENOENT/)
  })

  it('unseals only what it sealed, whole and unchanged: any one byte changed, or any length, is refused', () => {
    const data = Buffer.from(Array.from({ length: 1_003 }, (_, i) => (i * 31) % 256))
    expect(unseal(seal(data))?.equals(data)).toBe(true)
    expect(unseal(seal(data.subarray(1)))?.equals(data.subarray(1))).toBe(true) // not a multiple of 4, not aligned
    for (let at = 0; at < data.length + 12; at++) {
      const changed = seal(data)
      changed[at]! ^= 1 << (at % 8)
      expect(unseal(changed), `byte ${at}`).toBeUndefined()
    }
    expect(unseal(seal(data).subarray(0, 500))).toBeUndefined()
    expect(unseal(Buffer.concat([seal(data), Buffer.from([0])]))).toBeUndefined()
    expect(unseal(undefined)).toBeUndefined()
    expect(unseal(Buffer.alloc(5))).toBeUndefined()
  })

  it('is installed under the key the build writes into the bundle', () => {
    expect(CHUNK_LOADER_KEY).toBe(LOADER_KEY)
  })
})

describe('the built CLI and its kept compiled code', () => {
  const bin = join(import.meta.dirname, '../bin/tierdeploy.js')
  const runCli = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } })

  it('writes the chunks a command ran on its first run, reads them on the next, and keeps nothing when told not to', { timeout: 60_000 }, () => {
    const temp = tempDir('tierdeploy-codecache-')
    try {
      writeFiles(temp.dir, { 'catalog/services.yaml': generateCatalog(30).yaml })
      const plan = ['plan', '--catalog', join(temp.dir, 'catalog'), '--tier', 'all', '--json']
      const first = runCli(plan, { TIERDEPLOY_CACHE_DIR: join(temp.dir, 'kept') })
      expect(first.status, first.stderr).toBe(0)
      const code = join(temp.dir, 'kept', 'code')
      const kept = readdirSync(code)
      expect(kept.length).toBeGreaterThan(1)
      expect(kept.every((f) => /^[0-9a-f]{32}-\d+\.index\.js\.v8$/.test(f))).toBe(true)
      const times = kept.map((f) => statSync(join(code, f)).mtimeMs)

      const second = runCli(plan, { TIERDEPLOY_CACHE_DIR: join(temp.dir, 'kept') })
      expect(second.status, second.stderr).toBe(0)
      expect(second.stdout).toBe(first.stdout)
      expect(readdirSync(code)).toEqual(kept)
      expect(kept.map((f) => statSync(join(code, f)).mtimeMs)).toEqual(times)

      const off = runCli(plan, { TIERDEPLOY_CACHE_DIR: join(temp.dir, 'off'), TIERDEPLOY_CACHE: 'off' })
      expect(off.stdout).toBe(first.stdout)
      expect(existsSync(join(temp.dir, 'off'))).toBe(false)
      const nodeOff = runCli(plan, { TIERDEPLOY_CACHE_DIR: join(temp.dir, 'node-off'), NODE_DISABLE_COMPILE_CACHE: '1' })
      expect(nodeOff.stdout).toBe(first.stdout)
      expect(existsSync(join(temp.dir, 'node-off', 'code'))).toBe(false)
      expect(readdirSync(join(temp.dir, 'node-off')).some((f) => f.startsWith('catalog-'))).toBe(true)
    } finally {
      temp.cleanup()
    }
  })

  it('keeps code that the next run accepts when the run sets V8 flags part-way (a catalog of 16 KiB or more)', { timeout: 60_000 }, () => {
    const temp = tempDir('tierdeploy-codecache-')
    try {
      const { yaml } = generateCatalog(300)
      expect(yaml.length).toBeGreaterThanOrEqual(MEDIUM_CATALOG_LENGTH)
      writeFiles(temp.dir, { 'catalog/services.yaml': yaml })
      const plan = ['plan', '--catalog', join(temp.dir, 'catalog'), '--tier', 'all', '--json']
      const env = { TIERDEPLOY_CACHE_DIR: join(temp.dir, 'kept') }
      const first = runCli(plan, env)
      expect(first.status, first.stderr).toBe(0)
      // V8 prints a flag it does not know to stderr: the flags are ones this Node has.
      expect(first.stderr).toBe('')
      const code = join(temp.dir, 'kept', 'code')
      const kept = readdirSync(code)
      const times = kept.map((f) => statSync(join(code, f)).mtimeMs)
      // Code taken under other flags than the next run has when it loads it would be rejected and written again.
      const second = runCli(plan, env)
      expect(second.stdout).toBe(first.stdout)
      expect(readdirSync(code)).toEqual(kept)
      expect(kept.map((f) => statSync(join(code, f)).mtimeMs)).toEqual(times)
    } finally {
      temp.cleanup()
    }
  })
})
