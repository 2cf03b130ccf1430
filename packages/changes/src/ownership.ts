import picomatch from 'picomatch'
import type { Catalog } from '@tierdeploy/catalog'

type Matcher = (path: string) => boolean

/** What claims a changed file besides its owner: a service's watch glob, a global path, an infrastructure dir. */
export type Claim = { type: 'watch'; service: string } | { type: 'global'; pattern: string } | { type: 'infrastructure' }

interface GlobEntry {
  match: Matcher
  claim: Claim
}

/** One path segment of the index. Only prefixes of service paths, literal claims and glob bases exist. */
interface TrieNode {
  children?: Map<string, TrieNode>
  /** The service whose path ends here. */
  owner?: string
  /** Literal watch/global/infrastructure paths ending here: they claim this path and everything under it. */
  claims?: Claim[]
  /** Globs whose static base (picomatch.scan) ends here: only files under it are tested against them. */
  globs?: GlobEntry[]
}

export interface FileClaims {
  /** The innermost service whose path contains the file, unless its ignore globs drop the file. */
  owner: string | undefined
  /** The owner's ignore globs matched the file. */
  ignoredBy: string | undefined
  /** Everything else that claims the file (watch globs already filtered by their service's ignore globs). */
  claims: Claim[]
}

export interface ChangeIndexOptions {
  /** Repository-relative directories whose changes are infrastructure changes (the catalog dir, terraform). */
  infrastructureDirs: string[]
}

const GLOB_OPTIONS = { dot: true } as const
const NO_CLAIMS: Claim[] = []

/**
 * Answers, for a changed file, which service owns it and what else claims it, without testing every pattern
 * against every file. Service paths, literal watch/global paths and the static bases of globs
 * (picomatch.scan: `shared/proto/**` under `shared/proto`) sit in a trie of path segments. A file walks the
 * trie from the root along its own segments and stops where the trie ends (for `services/auth/src/a/b.ts`,
 * after `services/auth`), so it costs a few map lookups whatever the catalog's size, and it is tested only
 * against the globs rooted on its own path.
 */
export class ChangeIndex {
  private readonly root: TrieNode = {}
  private readonly ignores = new Map<string, Matcher>()
  private readonly scratch: GlobEntry[] = []

  constructor(catalog: Catalog, options: ChangeIndexOptions) {
    const compiled = new Map<string, Matcher>()
    // Services share the catalog's default ignore list: compile each distinct list once.
    const compileList = (patterns: string[]): Matcher => {
      const key = JSON.stringify(patterns)
      let m = compiled.get(key)
      if (!m) compiled.set(key, (m = picomatch(patterns, GLOB_OPTIONS)))
      return m
    }
    const defaultIgnore = catalog.defaults.ignore ?? []
    for (const s of catalog.services.values()) {
      if (s.path !== undefined) this.node(s.path).owner = s.name
      const ignore = [...defaultIgnore, ...(s.ignore ?? [])]
      if (ignore.length) this.ignores.set(s.name, compileList(ignore))
      for (const pattern of s.watch ?? []) this.addPattern(pattern, { type: 'watch', service: s.name })
    }
    for (const pattern of catalog.globalPaths) this.addPattern(pattern, { type: 'global', pattern })
    for (const dir of options.infrastructureDirs) this.addPattern(dir, { type: 'infrastructure' })
  }

  private node(path: string): TrieNode {
    let node = this.root
    if (path === '') return node
    for (const segment of path.split('/')) {
      node.children ??= new Map()
      let child = node.children.get(segment)
      if (!child) node.children.set(segment, (child = {}))
      node = child
    }
    return node
  }

  private addPattern(pattern: string, claim: Claim): void {
    const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '')
    const scan = picomatch.scan(clean)
    if (!scan.isGlob) (this.node(clean).claims ??= []).push(claim)
    else (this.node(scan.base).globs ??= []).push({ match: picomatch(clean, GLOB_OPTIONS), claim })
  }

  /** The innermost service whose path contains `file` or is `file` (ignore globs not applied). */
  ownerOf(file: string): string | undefined {
    let node = this.root
    let owner: string | undefined
    for (let start = 0; node.children; ) {
      const slash = file.indexOf('/', start)
      const child = node.children.get(slash < 0 ? file.slice(start) : file.slice(start, slash))
      if (!child) break
      node = child
      if (node.owner !== undefined) owner = node.owner
      if (slash < 0) break
      start = slash + 1
    }
    return owner
  }

  /** Everything that claims one repository-relative file. */
  claim(file: string): FileClaims {
    let node = this.root
    let owner: string | undefined
    let ownerEnd = 0
    let claims: Claim[] = node.claims ?? NO_CLAIMS
    const globs = this.scratch
    globs.length = 0
    if (node.globs) globs.push(...node.globs)
    for (let start = 0; node.children; ) {
      const slash = file.indexOf('/', start)
      const end = slash < 0 ? file.length : slash
      const child = node.children.get(file.slice(start, end))
      if (!child) break
      node = child
      // A path equal to a service path (a submodule, or a directory replaced by a file) belongs to that service.
      if (node.owner !== undefined) {
        owner = node.owner
        ownerEnd = end
      }
      if (node.claims) claims = claims.length ? [...claims, ...node.claims] : node.claims
      if (node.globs) globs.push(...node.globs)
      if (slash < 0) break
      start = slash + 1
    }
    let ignoredBy: string | undefined
    // Ignore globs are relative to the service's directory (`docs/**` is the service's docs, not the repository's).
    if (owner !== undefined && ownerEnd < file.length && this.ignores.get(owner)?.(file.slice(ownerEnd + 1))) {
      ignoredBy = owner
      owner = undefined
    }
    for (const g of globs) if (g.match(file)) claims = [...claims, g.claim]
    // A watch glob brings a file outside the service's directory; its ignore globs apply to the repository path.
    if (claims.length) claims = claims.filter((c) => c.type !== 'watch' || !this.ignores.get(c.service)?.(file))
    return { owner, ignoredBy, claims }
  }
}
