import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { findGitDirs, readIfFile, RELOCATING_ENV, type GitDirs } from './git-files.js'
import type { FileChange } from './model.js'

/**
 * Reads the diff of two commits' trees from the repository's own files (loose objects and pack files), without
 * starting git (issue 16): on a short run, starting a process costs more than everything else `changed` does.
 *
 * It answers only what it can answer exactly as `git diff --name-status -M --relative` would, and says nothing
 * (undefined) otherwise, so the caller asks git. Declined: a diff with both a deleted and an added file (git's
 * rename detection would pair them), a submodule entry in the diff, an object it cannot find or read (a partial
 * clone, alternates, an unknown format), replace refs, grafts, a commit at a shallow clone's boundary, a SHA-256
 * repository, a work tree set in the config, a repository another user owns (git refuses those), any variable that
 * moves git's files (GIT_DIR, GIT_OBJECT_DIRECTORY and friends), and any error at all.
 */
export interface GitObjects {
  /** What `git log -n1 --diff-merges=first-parent --name-status REF` lists: the commit, its first parent and the diff. */
  firstParentDiff(commit: string): { head: string; parent: string; changes: FileChange[] } | undefined
  /** What `git diff --name-status BASE HEAD` lists, both full commit SHAs. */
  treeDiff(base: string, head: string): FileChange[] | undefined
}

/** The reader for the repository `cwd` is in; `resolveRef` turns HEAD or a branch into a SHA (refReader). */
export function gitObjects(cwd: string, env: NodeJS.ProcessEnv, resolveRef: (ref: string) => string | undefined): GitObjects {
  /** Runs `read` over a freshly opened store (files closed after), undefined on anything unexpected. */
  const withStore = <T>(read: (store: ObjectStore) => T | undefined): T | undefined => {
    let store: ObjectStore | undefined
    try {
      store = openStore(cwd, env)
      return store && read(store)
    } catch {
      return undefined
    } finally {
      store?.close()
    }
  }
  return {
    firstParentDiff: (ref) =>
      withStore((s) => {
        const sha = resolveRef(ref)
        if (sha === undefined || !SHA1.test(sha)) return undefined
        const head = s.commit(sha.toLowerCase())
        // At a shallow clone's boundary git sees no parent: its own path reports that.
        if (!head || s.shallow.has(head.sha)) return undefined
        const parent = head.parents[0] && s.commit(head.parents[0])
        if (!parent) return undefined
        const changes = s.diff(parent.tree, head.tree)
        return changes && { head: head.sha, parent: parent.sha, changes }
      }),
    treeDiff: (base, head) =>
      withStore((s) => {
        if (!SHA1.test(base) || !SHA1.test(head)) return undefined
        const [a, b] = [s.commit(base.toLowerCase()), s.commit(head.toLowerCase())]
        return a && b ? s.diff(a.tree, b.tree) : undefined
      }),
  }
}

const SHA1 = /^[0-9a-f]{40}$/i

type ObjectType = 'commit' | 'tree' | 'blob' | 'tag'
interface GitObject {
  type: ObjectType
  data: Buffer
}

/** Raised inside the reader when git's answer could differ from a plain tree diff: the caller asks git. */
class Decline extends Error {}

const TYPES: (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag']
const OFS_DELTA = 6
const REF_DELTA = 7

type Zlib = typeof import('node:zlib')
let zlib: Zlib | undefined
const requireBuiltin = createRequire(import.meta.url)
function inflate(data: Buffer, size?: number): Buffer {
  zlib ??= requireBuiltin('node:zlib') as Zlib
  // Trailing bytes after the compressed stream (the next object in a pack) are ignored. The output buffer is
  // sized to the object (zlib's default, 16 KiB a call, is garbage for hundreds of small trees).
  return zlib.inflateSync(data, { chunkSize: Math.max(64, Math.min(1 << 16, size ?? data.length * 4)) })
}

interface ObjectStore {
  shallow: Set<string>
  close(): void
  commit(sha: string): { sha: string; tree: string; parents: string[] } | undefined
  diff(baseTree: string, headTree: string): FileChange[] | undefined
}

function openStore(cwd: string, env: NodeJS.ProcessEnv): ObjectStore | undefined {
  if (RELOCATING_ENV.some((v) => env[v] !== undefined)) return undefined
  const dirs = findGitDirs(cwd)
  if (!dirs || !usable(dirs)) return undefined
  // --relative: paths below the directory git runs in, without its prefix.
  const prefix = relative(realpathSync(dirs.top), realpathSync(cwd)).split(sep).join('/')
  if (prefix.startsWith('..') || prefix === '.git' || prefix.startsWith('.git/')) return undefined
  const objects = join(dirs.commonDir, 'objects')
  const packs = readdirSync(join(objects, 'pack'))
    .filter((f) => f.endsWith('.idx'))
    .sort()
    .map((f) => new Pack(join(objects, 'pack', f)))
  const cache = new Map<string, GitObject | undefined>()
  const shallow = new Set((readIfFile(join(dirs.commonDir, 'shallow')) ?? '').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean))

  const read = (sha: string): GitObject | undefined => {
    if (cache.has(sha)) return cache.get(sha)
    let found: GitObject | undefined
    // A fresh clone holds everything in its pack; commits made since are loose files.
    const key = packs.length ? Buffer.from(sha, 'hex') : undefined
    for (const pack of packs) {
      const offset = pack.find(key!)
      if (offset !== undefined) {
        found = pack.objectAt(offset, read)
        break
      }
    }
    if (!found) {
      // Concatenated, not path.join: `objects` is absolute and normal already, and join's normalising is most of
      // the cost of a cold path (issue 16).
      const loose = readLoose(`${objects}${sep}${sha.slice(0, 2)}${sep}${sha.slice(2)}`)
      if (loose) found = parseLoose(inflate(loose))
    }
    cache.set(sha, found)
    return found
  }
  const readAs = (sha: string, type: ObjectType): Buffer => {
    const object = read(sha)
    if (!object || object.type !== type) throw new Decline()
    return object.data
  }

  const commit = (sha: string): { sha: string; tree: string; parents: string[] } | undefined => {
    // `REF^{commit}`: an annotated tag is followed to what it tags.
    for (let depth = 0; depth < 8; depth++) {
      const object = read(sha)
      if (!object) return undefined
      const header = object.data.toString('latin1', 0, headerEnd(object.data))
      if (object.type === 'tag') {
        const target = /^object ([0-9a-f]{40})$/m.exec(header)?.[1]
        if (!target) return undefined
        sha = target
        continue
      }
      if (object.type !== 'commit') return undefined
      const tree = /^tree ([0-9a-f]{40})$/m.exec(header)?.[1]
      if (!tree) return undefined
      const parents = [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!)
      return { sha, tree, parents }
    }
    return undefined
  }

  /** The tree at `prefix` inside a commit's tree, undefined when there is none (an empty side). */
  const subtree = (root: string, path: string): string | undefined => {
    let tree: string | undefined = root
    for (const part of path === '' ? [] : path.split('/')) {
      const t = parseTree(readAs(tree, 'tree'))
      let found: string | undefined
      for (let i = 0; i < t.count && found === undefined; i++) if (t.kind[i] === TREE && nameOf(t, i) === part) found = shaOf(t, i)
      if (found === undefined) return undefined
      tree = found
    }
    return tree
  }

  const diff = (baseRoot: string, headRoot: string): FileChange[] | undefined => {
    try {
      const out: FileChange[] = []
      diffTrees(subtree(baseRoot, prefix), subtree(headRoot, prefix), '', out, (sha) => parseTree(readAs(sha, 'tree')))
      // git pairs a deleted and an added file into a rename (-M) by content similarity: left to git.
      if (out.some((c) => c.status === 'deleted') && out.some((c) => c.status === 'added')) return undefined
      return out
    } catch (e) {
      if (e instanceof Decline) return undefined
      throw e
    }
  }
  return { shallow, commit, diff, close: () => packs.forEach((p) => p.close()) }
}

/** Whether git would read this repository as these files say: declined when the config or extra files change that. */
function usable(dirs: GitDirs): boolean {
  // git refuses a repository another user owns (safe.directory); it is git's to decide, with its message.
  if (typeof process.getuid === 'function' && statSync(dirs.top).uid !== process.getuid()) return false
  // The repository's config and a worktree's own (extensions.worktreeConfig).
  const config = (readIfFile(join(dirs.commonDir, 'config')) ?? '') + (readIfFile(join(dirs.gitDir, 'config.worktree')) ?? '')
  if (/^\s*(?:worktree|objectformat|bare\s*=\s*true)|^\s*\[\s*include/im.test(config)) return false
  if (existsSync(join(dirs.commonDir, 'info', 'grafts')) || existsSync(join(dirs.commonDir, 'objects', 'info', 'alternates'))) return false
  // Replace refs make git read other objects in place of these.
  const replace = join(dirs.commonDir, 'refs', 'replace')
  if (existsSync(replace) && readdirSync(replace).length > 0) return false
  if (/ refs\/replace\//.test(readIfFile(join(dirs.commonDir, 'packed-refs')) ?? '')) return false
  return true
}

const scratch = Buffer.allocUnsafe(1 << 16)
/** A loose object's bytes, or undefined when there is no such file: one open, one read, one close for the usual small object. */
function readLoose(path: string): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  try {
    const n = readSync(fd, scratch, 0, scratch.length, 0)
    return n < scratch.length ? Buffer.from(scratch.subarray(0, n)) : readFileSync(path)
  } finally {
    closeSync(fd)
  }
}

function headerEnd(data: Buffer): number {
  const end = data.indexOf('\n\n')
  return end === -1 ? data.length : end
}

function parseLoose(raw: Buffer): GitObject {
  const nul = raw.indexOf(0)
  const [type, size] = raw.toString('latin1', 0, nul).split(' ')
  if (!TYPES.includes(type as ObjectType) || Number(size) !== raw.length - nul - 1) throw new Decline()
  return { type: type as ObjectType, data: raw.subarray(nul + 1) }
}

const TREE = 0
const FILE = 1
const EXECUTABLE = 2
const SYMLINK = 3

/**
 * A tree's entries as offsets into its bytes (no object per entry): most of a big tree is equal on both sides,
 * and comparing bytes in place keeps that cheap.
 */
interface Tree {
  data: Buffer
  /** Per entry: where its name starts and ends (the NUL), and its kind. The SHA follows the NUL. */
  start: Int32Array
  end: Int32Array
  kind: Uint8Array
  count: number
}

function parseTree(data: Buffer): Tree {
  let capacity = 16
  let start = new Int32Array(capacity)
  let end = new Int32Array(capacity)
  let kind = new Uint8Array(capacity)
  let count = 0
  let at = 0
  while (at < data.length) {
    // Byte loops, not Buffer#indexOf: entries are short, and a call per entry costs more than the scan.
    let space = at
    while (space < data.length && data[space] !== 0x20) space++
    let nul = space + 1
    while (nul < data.length && data[nul] !== 0) nul++
    if (nul + 21 > data.length) throw new Decline()
    const k = modeKind(data, at, space)
    // A submodule (160000) or anything unusual: git's own rules apply (diff.ignoreSubmodules and more).
    if (k === -1) throw new Decline()
    if (count === capacity) {
      capacity *= 2
      const [s2, e2, k2] = [new Int32Array(capacity), new Int32Array(capacity), new Uint8Array(capacity)]
      s2.set(start)
      e2.set(end)
      k2.set(kind)
      ;[start, end, kind] = [s2, e2, k2]
    }
    start[count] = space + 1
    end[count] = nul
    kind[count] = k
    count++
    at = nul + 21
  }
  return { data, start, end, kind, count }
}

/** The kind a mode names: 40000 a tree, 100644 (and git's old group-writable 100664 and 100640) a file, 100755, 120000; -1 otherwise. */
function modeKind(data: Buffer, from: number, to: number): number {
  if (to - from > 6) return -1
  let mode = 0
  for (let k = from; k < to; k++) {
    const digit = data[k]! - 0x30
    if (digit < 0 || digit > 7) return -1
    mode = mode * 8 + digit
  }
  switch (mode) {
    case 0o40000:
      return to - from === 5 ? TREE : -1
    case 0o100644:
    case 0o100664:
    case 0o100640:
      return FILE
    case 0o100755:
      return EXECUTABLE
    case 0o120000:
      return SYMLINK
    default:
      return -1
  }
}

/** git's tree order: names compared byte by byte, a tree's name as if it ended in '/'. */
function compareEntries(a: Tree, i: number, b: Tree, j: number): number {
  const [as, ae, bs, be] = [a.start[i]!, a.end[i]!, b.start[j]!, b.end[j]!]
  const length = Math.min(ae - as, be - bs)
  const c = a.data.compare(b.data, bs, bs + length, as, as + length)
  if (c !== 0) return c
  const ca = ae - as > length ? a.data[as + length]! : a.kind[i] === TREE ? 0x2f : 0
  const cb = be - bs > length ? b.data[bs + length]! : b.kind[j] === TREE ? 0x2f : 0
  return ca - cb
}

const nameOf = (t: Tree, i: number): string => t.data.toString('utf8', t.start[i], t.end[i])
const shaOf = (t: Tree, i: number): string => t.data.toString('hex', t.end[i]! + 1, t.end[i]! + 21)
/** Where entry i starts (its mode): right after the previous entry's SHA. */
const entryStart = (t: Tree, i: number): number => (i === 0 ? 0 : t.end[i - 1]! + 21)
const sameEntry = (a: Tree, i: number, b: Tree, j: number): boolean => {
  const [as, bs] = [entryStart(a, i), entryStart(b, j)]
  const length = a.end[i]! + 21 - as
  return length === b.end[j]! + 21 - bs && a.data.compare(b.data, bs, bs + length, as, as + length) === 0
}
const sameSha = (a: Tree, i: number, b: Tree, j: number): boolean => a.data.compare(b.data, b.end[j]! + 1, b.end[j]! + 21, a.end[i]! + 1, a.end[i]! + 21) === 0

/** Both trees walked in git's order, the way `git diff` walks them, into name-status changes. */
function diffTrees(a: string | undefined, b: string | undefined, path: string, out: FileChange[], trees: (sha: string) => Tree): void {
  if (a === b) return
  const left = a === undefined ? undefined : trees(a)
  const right = b === undefined ? undefined : trees(b)
  const [ln, rn] = [left?.count ?? 0, right?.count ?? 0]
  let i = 0
  let j = 0
  while (i < ln || j < rn) {
    // Most entries of a big tree are the same on both sides: mode, name and SHA compared as one run of bytes.
    if (i < ln && j < rn && sameEntry(left!, i, right!, j)) {
      i++
      j++
      continue
    }
    const c = i >= ln ? 1 : j >= rn ? -1 : compareEntries(left!, i, right!, j)
    if (c < 0) {
      whole(left!, i, path, 'deleted', out, trees)
      i++
    } else if (c > 0) {
      whole(right!, j, path, 'added', out, trees)
      j++
    } else {
      const [lk, rk] = [left!.kind[i]!, right!.kind[j]!]
      if (lk !== rk || !sameSha(left!, i, right!, j)) {
        const name = `${path}${nameOf(left!, i)}`
        if (lk === TREE) diffTrees(shaOf(left!, i), shaOf(right!, j), `${name}/`, out, trees)
        // A file that became a symlink (or back) is a type change; a new mode alone is a modification.
        else out.push({ status: (lk === SYMLINK) === (rk === SYMLINK) ? 'modified' : 'type-changed', path: name })
      }
      i++
      j++
    }
  }
}

function whole(tree: Tree, i: number, path: string, status: 'added' | 'deleted', out: FileChange[], trees: (sha: string) => Tree): void {
  const name = `${path}${nameOf(tree, i)}`
  if (tree.kind[i] !== TREE) out.push({ status, path: name })
  else {
    const sha = shaOf(tree, i)
    diffTrees(status === 'deleted' ? sha : undefined, status === 'added' ? sha : undefined, `${name}/`, out, trees)
  }
}

/** One pack: its index (version 2) read where needed, the pack read object by object. */
class Pack {
  private idx: number | undefined
  private pack: number | undefined
  private fanout: Uint32Array | undefined
  /** The object names of one first byte, read when first asked (a pack of n objects: n / 256 names a read). */
  private readonly buckets = new Map<number, Buffer>()
  private readonly resolved = new Map<number, GitObject>()

  constructor(private readonly idxPath: string) {}

  /** The object's offset in the pack, or undefined when this pack does not hold it. */
  find(sha: Buffer): number | undefined {
    if (this.idx === undefined) {
      this.idx = openSync(this.idxPath, 'r')
      const head = readAt(this.idx, 0, 8 + 256 * 4)
      // Version 1 indexes (no magic number) are left to git.
      if (head.readUInt32BE(0) !== 0xff744f63 || head.readUInt32BE(4) !== 2) throw new Decline()
      this.fanout = new Uint32Array(256)
      for (let k = 0; k < 256; k++) this.fanout[k] = head.readUInt32BE(8 + k * 4)
    }
    const fanout = this.fanout!
    const count = fanout[255]!
    const first = sha[0]!
    const start = first === 0 ? 0 : fanout[first - 1]!
    const end = fanout[first]!
    const names = 8 + 256 * 4
    let bucket = this.buckets.get(first)
    if (!bucket) this.buckets.set(first, (bucket = readAt(this.idx, names + start * 20, (end - start) * 20)))
    let lo = 0
    let hi = end - start
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const c = Buffer.compare(bucket.subarray(mid * 20, mid * 20 + 20), sha)
      if (c === 0) {
        const position = start + mid
        const offsets = names + count * 24
        const small = readAt(this.idx, offsets + position * 4, 4).readUInt32BE(0)
        if ((small & 0x80000000) === 0) return small
        const large = readAt(this.idx, offsets + count * 4 + (small & 0x7fffffff) * 8, 8)
        return large.readUInt32BE(0) * 2 ** 32 + large.readUInt32BE(4)
      }
      if (c < 0) lo = mid + 1
      else hi = mid
    }
    return undefined
  }

  /** The object at `offset`, its deltas applied (`read` finds a REF_DELTA's base anywhere in the repository). */
  objectAt(offset: number, read: (sha: string) => GitObject | undefined, depth = 0): GitObject {
    const known = this.resolved.get(offset)
    if (known) return known
    if (depth > 4096) throw new Decline()
    this.pack ??= openSync(this.idxPath.replace(/\.idx$/, '.pack'), 'r')
    const head = readAt(this.pack, offset, 64)
    let byte = head[0]!
    const typeCode = (byte >> 4) & 7
    let size = byte & 15
    let shift = 4
    let at = 1
    while (byte & 0x80) {
      byte = head[at++]!
      size += (byte & 0x7f) * 2 ** shift
      shift += 7
    }
    let base: GitObject | undefined
    if (typeCode === OFS_DELTA) {
      byte = head[at++]!
      let back = byte & 0x7f
      while (byte & 0x80) {
        byte = head[at++]!
        back = (back + 1) * 128 + (byte & 0x7f)
      }
      base = this.objectAt(offset - back, read, depth + 1)
    } else if (typeCode === REF_DELTA) {
      base = read(head.toString('hex', at, at + 20))
      at += 20
      if (!base) throw new Decline()
    } else if (TYPES[typeCode] === undefined) throw new Decline()
    // Deflate never grows data by more than a few bytes per 16 KiB block.
    const data = inflate(readAt(this.pack, offset + at, size + (size >>> 9) + 256), size + 1)
    if (data.length !== size) throw new Decline()
    const object = base ? { type: base.type, data: applyDelta(base.data, data) } : { type: TYPES[typeCode]!, data }
    this.resolved.set(offset, object)
    return object
  }

  close(): void {
    for (const fd of [this.idx, this.pack]) if (fd !== undefined) closeSync(fd)
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length)
  let filled = 0
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, position + filled)
    if (n === 0) break
    filled += n
  }
  return buffer.subarray(0, filled)
}

/** git's delta format: the result's size, then copies from the base and literal inserts. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0
  const varint = (): number => {
    let value = 0
    let shift = 0
    let byte: number
    do {
      byte = delta[at++]!
      value += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return value
  }
  if (varint() !== base.length) throw new Decline()
  const out = Buffer.allocUnsafe(varint())
  let written = 0
  while (at < delta.length) {
    const op = delta[at++]!
    if (op & 0x80) {
      let offset = 0
      let size = 0
      for (let k = 0; k < 4; k++) if (op & (1 << k)) offset += delta[at++]! * 2 ** (8 * k)
      for (let k = 0; k < 3; k++) if (op & (1 << (4 + k))) size += delta[at++]! * 2 ** (8 * k)
      if (size === 0) size = 0x10000
      if (offset + size > base.length || written + size > out.length) throw new Decline()
      base.copy(out, written, offset, offset + size)
      written += size
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > out.length) throw new Decline()
      delta.copy(out, written, at, at + op)
      at += op
      written += op
    } else throw new Decline()
  }
  if (written !== out.length) throw new Decline()
  return out
}
