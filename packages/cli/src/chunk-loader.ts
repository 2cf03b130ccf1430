import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { Script } from 'node:vm'

/** The global the bundle's runtime calls to load a chunk (scripts/script-chunks.mjs writes the call). */
export const CHUNK_LOADER_KEY = 'tierdeploy.loadChunk'

/** Makes `loader` the bundle's chunk loader. */
export function installChunkLoader(loader: ChunkLoader): void {
  ;(globalThis as Record<symbol, unknown>)[Symbol.for(CHUNK_LOADER_KEY)] = (name: string) => loader.load(name)
}

/** What a chunk script evaluates to (scripts/script-chunks.mjs): the three values ncc's runtime installs. */
export interface Chunk {
  id: number | string
  ids: Array<number | string>
  modules: Record<string, unknown>
}

export interface ChunkLoaderOptions {
  /** The bundle's directory (packages/cli/dist). */
  dir: string
  /** Where compiled code is kept between runs; unset: compile every time. */
  codeCacheDir?: string
  /** The build's content hash (build-id.ts): a cache written by another build is never read. */
  buildId: string
  /** Runs when the process ends; the real one is process.once('exit'). */
  atExit(write: () => void): void
}

export interface ChunkLoader {
  /** Loads a chunk by file name (what the bundle's runtime asks for). */
  load(name: string): Promise<Chunk>
  /**
   * Call before the process sets a V8 flag (v8-flags.ts). V8 writes the flags of the moment into cached code and
   * rejects it under others; the next run compiles these chunks before the change again, so their code is taken
   * now, under the flags that run will have. Chunks compiled after the change are written as the process exits.
   */
  beforeFlagsChange(): void
}

/**
 * Loads the CLI's chunks (scripts/script-chunks.mjs) with V8's code cache, which Node 20 offers for scripts but not
 * for ES modules. The first run of a command compiles what it needs and, as it exits, writes the compiled code (with
 * the functions the run compiled on the way) to `codeCacheDir`; later runs read it instead of compiling.
 *
 * The cache can only make a run faster, never different:
 * - a cache file is named by the build's content hash and the chunk, and V8 also checks the source's length, its own
 *   version and its flags, and rejects anything else (then the chunk is compiled and the file rewritten);
 * - a file that is missing, unreadable or damaged is compiled from source; each file carries its own checksum,
 *   since V8 does not check one (a byte changed in the middle of its data was accepted); writing is best-effort,
 *   and a failed write costs only the next run's time;
 * - compiled code runs as the user, so the cache directory must be the user's own and writable by nobody else
 *   (checked before it is read; otherwise it is not used at all).
 */
export function chunkLoader(options: ChunkLoaderOptions): ChunkLoader {
  // Checked (and made) when the first chunk loads: a command that loads none (--version) touches no directory.
  let checked: { dir: string | undefined } | undefined
  const cacheDirectory = (): string | undefined => (checked ??= { dir: options.codeCacheDir !== undefined && usableDirectory(options.codeCacheDir) ? options.codeCacheDir : undefined }).dir
  /** Chunks compiled from source in this run, with their code once taken (beforeFlagsChange). */
  const toWrite: Array<{ file: string; script: Script; data?: Buffer }> = []
  options.atExit(() => {
    const cacheDir = checked?.dir
    if (cacheDir === undefined || toWrite.length === 0) return
    removeOtherBuilds(cacheDir, options.buildId)
    for (const { file, script, data } of toWrite) writeAtomically(file, seal(data ?? script.createCachedData()))
  })
  return {
    async load(name) {
      const file = join(options.dir, name)
      const source = readFileSync(file, 'utf8')
      const cacheDir = cacheDirectory()
      const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, `${options.buildId}-${name}.v8`)
      const cachedData = cacheFile === undefined ? undefined : unseal(readIfPresent(cacheFile))
      const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) })
      if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) toWrite.push({ file: cacheFile, script })
      const url = pathToFileURL(file).href
      return (script.runInThisContext() as (meta: { url: string; filename: string; dirname: string }) => Chunk)({ url, filename: file, dirname: options.dir })
    },
    beforeFlagsChange() {
      for (const entry of toWrite) entry.data ??= entry.script.createCachedData()
    },
  }
}

/** The directory exists or can be made, belongs to this user and no one else can write to it. */
function usableDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const st = statSync(dir)
    const uid = process.getuid?.()
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0
  } catch {
    return false
  }
}

// node:zlib loads when a cache file is read or written, not on every start (a command that never reads one).
const requireBuiltin = createRequire(import.meta.url)
const crc32 = (data: Uint8Array): number => (requireBuiltin('node:zlib') as typeof import('node:zlib')).crc32(data)

const MAGIC = 0x32636474 // 'tdc2'
const HEADER = 12

/** The data behind a header: a magic number, the data's length and its CRC-32 (Node's own, native: well under 1 ms). */
export function seal(data: Uint8Array): Buffer {
  const sealed = Buffer.alloc(HEADER + data.length)
  sealed.writeUInt32LE(MAGIC, 0)
  sealed.writeUInt32LE(data.length, 4)
  sealed.writeUInt32LE(crc32(data), 8)
  sealed.set(data, HEADER)
  return sealed
}

/** The data a sealed file holds, if it is whole and unchanged. */
export function unseal(file: Buffer | undefined): Buffer | undefined {
  if (file === undefined || file.length < HEADER || file.readUInt32LE(0) !== MAGIC) return undefined
  const data = file.subarray(HEADER)
  return data.length === file.readUInt32LE(4) && crc32(data) === file.readUInt32LE(8) ? data : undefined
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Another build's files are of no use to this one; two builds in turn (two checkouts) rewrite theirs, no worse. */
function removeOtherBuilds(dir: string, buildId: string): void {
  try {
    for (const name of readdirSync(dir)) if (name.endsWith('.v8') && !name.startsWith(`${buildId}-`)) rmSync(join(dir, name), { force: true })
  } catch {
    // best-effort: a file left behind is only disk space
  }
}

/** Written whole or not at all: a reader never sees half a file (rename replaces atomically). */
function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, data, { mode: 0o600 })
    renameSync(temp, file)
  } catch {
    try {
      rmSync(temp, { force: true })
    } catch {
      // best-effort, as above
    }
  }
}
