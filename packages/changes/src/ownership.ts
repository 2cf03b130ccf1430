import { CodeRules, codeInputsOf, compilePathPattern, contextBeyondPath, dockerIgnoreFileOf, imageBeyondCode, ImageRules, type Catalog, type ImageInputs, type PathPattern } from '@tierdeploy/catalog'

/**
 * What claims a changed file besides its owner: a service's watch glob, its image build (the Dockerfile, a docker
 * ignore file, a file of a build context beyond its path), a global path, an infrastructure dir.
 */
export type Claim = { type: 'watch'; service: string } | { type: 'build'; service: string } | { type: 'global'; pattern: string } | { type: 'infrastructure' }

interface Entry {
  claim: Claim
  /** A glob to test (a literal entry claims the path where it sits in the trie and everything under it). */
  match?: (file: string) => boolean
  /** The service's own rule for a file the entry reaches (its ignore globs, its docker ignore file). */
  keeps?: (file: string) => boolean
  /**
   * A build context shared by several services (`.` for every Node service of a workspace): `keeps` is their common
   * ImageRules.contextKeeps, asked once per file, and each member's own rule (ImageRules.holds) decides the rest
   * (the group's own `claim` is not used: each member's is).
   */
  members?: { claim: Claim; rules: ImageRules }[]
}

/** One path segment of the index. Only prefixes of service paths, literal claims and glob bases exist. */
interface TrieNode {
  children?: Map<string, TrieNode>
  /** The service whose path ends here. */
  owner?: string
  /** Its path rule (ignore globs relative to its path). */
  rules?: CodeRules
  /** Literal entries ending here, and globs whose static base (picomatch.scan) ends here: only files under it are tested against them. */
  entries?: Entry[]
}

export interface FileClaims {
  /** The innermost service whose path contains the file, unless its ignore globs drop the file. */
  owner: string | undefined
  /** The owner's ignore globs matched the file. */
  ignoredBy: string | undefined
  /** Everything else that claims the file, each already checked against its service's own rule. */
  claims: Claim[]
}

export interface ChangeIndexOptions {
  /** Repository-relative directories whose changes are infrastructure changes (the catalog dir, terraform). */
  infrastructureDirs: string[]
  /**
   * The text of a docker ignore file at head, undefined when there is none. Asked only for services whose build
   * context reaches beyond their path (contextBeyondPath); without it, such a context's every file counts.
   */
  readDockerIgnore?: (path: string) => string | undefined
}

const NO_CLAIMS: Claim[] = []

/** The text of the docker ignore file Docker would read for an image, if there is one. */
function dockerIgnoreOf(image: ImageInputs, read: ((path: string) => string | undefined) | undefined): string | undefined {
  if (!read) return undefined
  const file = dockerIgnoreFileOf(image, (p) => read(p) !== undefined)
  return file !== undefined ? read(file) : undefined
}

/**
 * Answers, for a changed file, which services have it among their build inputs (the catalog's buildInputMatcher
 * rules, packages/catalog/src/build-inputs.ts) and what else claims it, without testing every pattern against every
 * file. Service paths, literal watch/global/build paths and the static bases of globs
 * (picomatch.scan: `shared/proto/**` under `shared/proto`) sit in a trie of path segments. A file walks the
 * trie from the root along its own segments and stops where the trie ends (for `services/auth/src/a/b.ts`,
 * after `services/auth`), so it costs a few map lookups whatever the catalog's size, and it is tested only
 * against the globs rooted on its own path.
 */
export class ChangeIndex {
  private readonly root: TrieNode = {}
  private readonly scratch: Entry[] = []

  constructor(catalog: Catalog, options: ChangeIndexOptions) {
    const contexts = new Map<(file: string) => boolean, Entry>()
    for (const s of catalog.services.values()) {
      const code = new CodeRules(codeInputsOf(catalog, s))
      const { service: name, path } = code.code
      if (path !== undefined) {
        const node = this.node(path)
        node.owner = name
        node.rules = code
      }
      if (code.watch.length) {
        const keeps = (file: string): boolean => code.keepsOtherFile(file)
        for (const pattern of code.watch) this.add(pattern, { claim: { type: 'watch', service: name }, keeps })
      }
      const beyond = imageBeyondCode(catalog, s, code)
      if (!beyond) continue
      const { image, files } = beyond
      const build: Claim = { type: 'build', service: name }
      for (const file of files) this.addLiteral(file, { claim: build })
      if (contextBeyondPath({ path, image }) !== undefined) {
        const rules = new ImageRules(code, image, dockerIgnoreOf(image, options.readDockerIgnore))
        let group = contexts.get(rules.contextKeeps!)
        if (!group) {
          contexts.set(rules.contextKeeps!, (group = { claim: build, keeps: rules.contextKeeps!, members: [] }))
          this.addLiteral(rules.beyond!, group)
        }
        group.members!.push({ claim: build, rules })
      }
    }
    for (const pattern of catalog.globalPaths) this.add(compilePathPattern(pattern), { claim: { type: 'global', pattern } })
    for (const dir of options.infrastructureDirs) this.add(compilePathPattern(dir), { claim: { type: 'infrastructure' } })
  }

  private node(path: string): TrieNode {
    let node = this.root
    if (path === '' || path === '.') return node
    for (const segment of path.split('/')) {
      node.children ??= new Map()
      let child = node.children.get(segment)
      if (!child) node.children.set(segment, (child = {}))
      node = child
    }
    return node
  }

  /** A watch or global pattern: a glob is filed under its static base, a literal path claims itself and what is under it. */
  private add(pattern: PathPattern, entry: Entry): void {
    this.addLiteral(pattern.base, pattern.glob ? { ...entry, match: pattern.matches } : entry)
  }

  /** A path (a Dockerfile, a build context) that claims itself and everything under it, whatever characters it has. */
  private addLiteral(path: string, entry: Entry): void {
    ;(this.node(path).entries ??= []).push(entry)
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
    let rules: CodeRules | undefined
    const entries = this.scratch
    entries.length = 0
    if (node.entries) entries.push(...node.entries)
    for (let start = 0; node.children; ) {
      const slash = file.indexOf('/', start)
      const child = node.children.get(file.slice(start, slash < 0 ? file.length : slash))
      if (!child) break
      node = child
      // A path equal to a service path (a submodule, or a directory replaced by a file) belongs to that service.
      if (node.owner !== undefined) {
        owner = node.owner
        rules = node.rules
      }
      if (node.entries) entries.push(...node.entries)
      if (slash < 0) break
      start = slash + 1
    }
    let ignoredBy: string | undefined
    if (rules !== undefined && !rules.keepsOwnFile(file)) {
      ignoredBy = owner
      owner = undefined
    }
    // Most files reach no entry.
    if (entries.length === 0) return { owner, ignoredBy, claims: NO_CLAIMS }
    let claims: Claim[] | undefined
    for (const e of entries) {
      if ((e.match && !e.match(file)) || (e.keeps && !e.keeps(file))) continue
      if (!e.members) (claims ??= []).push(e.claim)
      else for (const m of e.members) if (m.rules.holds(file, true)) (claims ??= []).push(m.claim)
    }
    return { owner, ignoredBy, claims: claims ?? NO_CLAIMS }
  }




}
