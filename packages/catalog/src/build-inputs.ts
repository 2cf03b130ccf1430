import picomatch from 'picomatch'
import { dockerIgnoreMatcher } from './docker-ignore.js'
import type { Catalog, Service } from './model.js'

/**
 * The repository files a service's image is built from, defined once for the two places that must agree
 * (issue 13): change detection affects a service exactly when one of these files changes, and build-push's content
 * tag is a hash of exactly these files, so a service is affected exactly when its content tag changes (catalog
 * definition changes aside). Paths are repository-relative in the catalog's normalised form (repo-path.ts).
 *
 * | rule | the files |
 * | --- | --- |
 * | path | under the service's `path`, except under a service nested inside it (the innermost service owns a file) and except its `ignore` globs (matched relative to `path`) |
 * | watch | matched by its `watch` globs, except its `ignore` globs (matched against the repository path) |
 * | build | its Dockerfile (`build.dockerfile`, else CONTEXT/Dockerfile) and the docker ignore files of the context (DOCKERFILE.dockerignore, CONTEXT/.dockerignore); and, when `build.context` reaches beyond `path`, the context's files outside `path`, except what the docker ignore file excludes and its `ignore` globs |
 * | library | the path and watch files of each library it depends on, transitively through libraries |
 * | global | matched by the catalog's `globalPaths` |
 *
 * The `ignore` globs (the catalog's `defaults.ignore` plus the service's own) say which changes never matter, so the
 * content tag leaves those files out too: a README edit neither redeploys nor rebuilds.
 */
export type BuildInputRule = 'path' | 'watch' | 'build' | 'library' | 'global'

/** The code a service or library owns: the `path` and `watch` rules. */
export interface CodeInputs {
  service: string
  path?: string
  /** Paths of the services nested inside `path`: their files are theirs, not this one's. */
  nested: string[]
  watch: string[]
  /** `defaults.ignore` then the service's own `ignore`. */
  ignore: string[]
}

/** What Docker is given besides the code: only services (kind service) with a path or a `build.context` have these. */
export interface ImageInputs {
  /** The build context: `build.context`, else `path` ('.' is the repository root). */
  context: string
  /** `build.dockerfile` (the service's, else the catalog default's), else CONTEXT/Dockerfile, which may not exist (then a bundled template is used). */
  dockerfile: string
  /** Whether the catalog names the Dockerfile (else it is CONTEXT/Dockerfile). */
  dockerfileSet: boolean
  /** The ignore files that can decide what the context holds, in BuildKit's order: DOCKERFILE.dockerignore, when it exists, wins over CONTEXT/.dockerignore. */
  ignoreFiles: string[]
}

export interface BuildInputs extends CodeInputs {
  image?: ImageInputs
  /** The libraries whose code goes into the image: `dependsOn` of kind library and theirs, never through services. */
  libraries: CodeInputs[]
  globalPaths: string[]
}

/** Whether `file` is `dir` or lies under it; everything lies under the repository root '.'. */
export function isUnder(file: string, dir: string): boolean {
  return dir === '.' || file === dir || (file.length > dir.length && file.startsWith(dir) && file[dir.length] === '/')
}

/** A path joined onto a directory in the catalog's form ('.' is the root). */
function joinRepoPath(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`
}

/** The libraries a service's image holds: its `dependsOn` of kind library and theirs, never through other services. */
export function librariesOf(catalog: Catalog, service: Service): Service[] {
  const seen = new Set<string>()
  const out: Service[] = []
  const visit = (names: string[]): void => {
    for (const name of names) {
      const dep = catalog.services.get(name)
      if (!dep || dep.kind !== 'library' || seen.has(name)) continue
      seen.add(name)
      out.push(dep)
      visit(dep.dependsOn)
    }
  }
  visit(service.dependsOn)
  return out
}

const nestedByCatalog = new WeakMap<Catalog, Map<string, string[]>>()

/** Paths of the services inside `path`, from one pass over the catalog (kept for the catalog's lifetime). */
function nestedPaths(catalog: Catalog, path: string): string[] {
  let byPath = nestedByCatalog.get(catalog)
  if (!byPath) {
    byPath = new Map()
    const paths = new Set<string>()
    for (const s of catalog.services.values()) if (s.path !== undefined) paths.add(s.path)
    for (const p of paths) {
      for (let dir = p.slice(0, Math.max(0, p.lastIndexOf('/'))); dir !== ''; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
        if (!paths.has(dir)) continue
        const list = byPath.get(dir)
        if (list) list.push(p)
        else byPath.set(dir, [p])
      }
    }
    nestedByCatalog.set(catalog, byPath)
  }
  return byPath.get(path) ?? []
}

/** A service's or library's own code: its path (less the services nested in it), watch and ignore globs. */
export function codeInputsOf(catalog: Catalog, service: Service): CodeInputs {
  const defaults = catalog.defaults.ignore ?? NONE
  const { name, path, watch, ignore } = service
  return {
    service: name,
    path,
    nested: path !== undefined ? nestedPaths(catalog, path) : NONE,
    watch: watch ?? NONE,
    // The defaults' own array when the service adds nothing, so 10,000 services compile one list (compileIgnore).
    ignore: ignore?.length ? [...defaults, ...ignore] : defaults,
  }
}

const NONE: string[] = []
const NO_PATTERNS: PathPattern[] = []

/** The build context, Dockerfile and docker ignore files of a service (kind service), when it has a context. */
export function imageInputsOf(catalog: Catalog, service: Service): ImageInputs | undefined {
  if (service.kind !== 'service') return undefined
  const build = service.build
  const context = build?.context ?? service.path
  if (context === undefined) return undefined
  const set = build?.dockerfile ?? catalog.defaults.build?.dockerfile
  const dockerfile = set ?? joinRepoPath(context, DOCKERFILE)
  return { context, dockerfile, dockerfileSet: set !== undefined, ignoreFiles: [`${dockerfile}${DOCKERIGNORE}`, joinRepoPath(context, DOCKERIGNORE)] }
}

const DOCKERFILE = 'Dockerfile'
const DOCKERIGNORE = '.dockerignore'
/** The build files of the usual service (context and Dockerfile from `path`), relative to its path. */
const DEFAULT_BUILD_FILES = [DOCKERFILE, `${DOCKERFILE}${DOCKERIGNORE}`, DOCKERIGNORE]

/**
 * What an index of every service needs for one service's image besides its path and watch globs: the image's
 * inputs (for a build context beyond its path, contextBeyondPath) and the Dockerfile and docker ignore files that
 * its path rule does not already count (a Dockerfile outside `path`, or one its ignore globs drop). Undefined
 * when there is nothing: not a built service, or the usual one, which builds PATH/Dockerfile from PATH. That case
 * is answered without building the image's inputs, so indexing 10,000 services costs what it did before.
 */
export function imageBeyondCode(catalog: Catalog, service: Service, code: CodeRules): { image: ImageInputs; files: string[] } | undefined {
  if (service.kind !== 'service') return undefined
  if (service.build === undefined && catalog.defaults.build?.dockerfile === undefined && code.countsOwn(DEFAULT_BUILD_FILES)) return undefined
  const image = imageInputsOf(catalog, service)
  return image && { image, files: code.buildFilesBeyond(image) }
}

/** Everything a service's image is built from: see BuildInputRule for the rules. */
export function buildInputsOf(catalog: Catalog, service: Service): BuildInputs {
  const image = imageInputsOf(catalog, service)
  return {
    ...codeInputsOf(catalog, service),
    ...(image ? { image } : {}),
    libraries: librariesOf(catalog, service).map((l) => codeInputsOf(catalog, l)).sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '')),
    globalPaths: catalog.globalPaths,
  }
}

/**
 * The part of the build context outside the service's `path`, whose files are inputs unless docker ignores them:
 * the context itself when it is neither `path` nor inside it, else nothing (the path rule decides for files under
 * `path`). Only services with such a context need their docker ignore file read.
 */
export function contextBeyondPath(inputs: { path?: string; image?: ImageInputs }): string | undefined {
  const context = inputs.image?.context
  if (context === undefined || (inputs.path !== undefined && isUnder(context, inputs.path))) return undefined
  return context
}

/** The docker ignore file Docker reads for this image: the first of `ignoreFiles` that exists, if any. */
export function dockerIgnoreFileOf(image: ImageInputs, exists: (path: string) => boolean): string | undefined {
  return image.ignoreFiles.find(exists)
}

/** A `watch` or `globalPaths` entry: a glob, or a literal path meaning that file or everything under that directory. */
export interface PathPattern {
  pattern: string
  /** The directory every match lies under (picomatch's scan: `schemas/payment/**` under `schemas/payment`); '' for the root. */
  base: string
  glob: boolean
  matches(file: string): boolean
}

// `*` stops at `/`, `**` crosses it; dotfiles match like any other file.
const GLOB_OPTIONS = { dot: true } as const
const compiledPatterns = new Map<string, PathPattern>()
const compiledLists = new Map<string, (path: string) => boolean>()
const compiledArrays = new WeakMap<string[], (path: string) => boolean>()

export function compilePathPattern(pattern: string): PathPattern {
  let p = compiledPatterns.get(pattern)
  if (!p) {
    const scan = picomatch.scan(pattern)
    p = scan.isGlob
      ? { pattern, base: scan.base, glob: true, matches: picomatch(pattern, GLOB_OPTIONS) }
      : { pattern, base: pattern, glob: false, matches: (file) => isUnder(file, pattern) }
    compiledPatterns.set(pattern, p)
  }
  return p
}

/** One matcher for a list of `ignore` globs (compiled once per distinct list: services share the defaults). */
function compileIgnore(patterns: string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined
  let m = compiledArrays.get(patterns)
  if (m) return m
  const key = JSON.stringify(patterns)
  m = compiledLists.get(key)
  if (!m) compiledLists.set(key, (m = picomatch(patterns, GLOB_OPTIONS)))
  compiledArrays.set(patterns, m)
  return m
}

/** countsOwn's answers for names under a path (`Dockerfile`, `.dockerignore`), per compiled ignore list. */
const keptNames = new WeakMap<(path: string) => boolean, Map<string, boolean>>()

/** The path and watch rules of one service or library, compiled. */
export class CodeRules {
  /** The compiled ignore globs: one function for every service with the same list. */
  readonly ignored: ((path: string) => boolean) | undefined
  readonly watch: PathPattern[]
  /** Where a file's path relative to `path` starts, less one (no path: never). */
  private readonly pathEnd: number

  constructor(readonly code: CodeInputs) {
    this.ignored = compileIgnore(code.ignore)
    this.watch = code.watch.length ? code.watch.map(compilePathPattern) : NO_PATTERNS
    this.pathEnd = code.path !== undefined ? code.path.length : Infinity
  }

  /**
   * For a file whose innermost owner is this service: whether it counts. Ignore globs are relative to the service's
   * directory (`docs/**` is its own docs); the path itself (a submodule) always counts.
   */
  keepsOwnFile(file: string): boolean {
    return this.ignored === undefined || file.length <= this.pathEnd || !this.ignored(file.slice(this.pathEnd + 1))
  }

  /** For a file reached otherwise (a watch glob, the build context): ignore globs match the repository path. */
  keepsOtherFile(file: string): boolean {
    return !this.ignored?.(file)
  }

  /** The path rule without an index: under `path` and not under a nested service's. */
  owns(file: string): boolean {
    const { path, nested } = this.code
    return path !== undefined && isUnder(file, path) && !nested.some((n) => isUnder(file, n)) && this.keepsOwnFile(file)
  }

  watches(file: string): boolean {
    return this.watch.some((p) => p.matches(file)) && this.keepsOtherFile(file)
  }

  /**
   * The image's Dockerfile and docker ignore files that the path rule does not already count: a Dockerfile outside
   * `path`, or one its ignore globs drop. An index needs entries for these alone; PATH/Dockerfile is the owner's.
   */
  buildFilesBeyond(image: ImageInputs): string[] {
    const path = this.code.path
    const files = [image.dockerfile, ...image.ignoreFiles]
    if (path === undefined) return files
    return files.filter((file) => !isUnder(file, path) || (file !== path && !this.countsOwn([file.slice(path.length + 1)])))
  }

  /** Whether the path rule counts each of these paths, relative to `path` (asked once per name and ignore list). */
  countsOwn(names: string[]): boolean {
    const path = this.code.path
    if (path === undefined) return false
    const nested = this.code.nested
    for (const name of names) {
      if (nested.length && nested.some((n) => isUnder(`${path}/${name}`, n))) return false
      if (!this.ignored) continue
      let kept = keptNames.get(this.ignored)
      if (!kept) keptNames.set(this.ignored, (kept = new Map()))
      let keeps = kept.get(name)
      if (keeps === undefined) kept.set(name, (keeps = !this.ignored(name)))
      if (!keeps) return false
    }
    return true
  }
}

/** The build rule of one service, compiled; `dockerIgnore` is the text of its docker ignore file (dockerIgnoreFileOf). */
export class ImageRules {
  readonly beyond: string | undefined
  /**
   * The part of `holds` that is the same for every service with this context, docker ignore file and ignore globs:
   * whether docker sends the file and the ignore globs keep it. Shared (one function for all of them), so an index
   * asks it once per file for 100 services built from the repository root.
   */
  readonly contextKeeps: ((file: string) => boolean) | undefined

  constructor(
    private readonly code: CodeRules,
    readonly image: ImageInputs,
    dockerIgnore?: string,
  ) {
    this.beyond = contextBeyondPath({ ...code.code, image })
    this.contextKeeps = this.beyond !== undefined ? contextKeeper(this.beyond, code.ignored, dockerIgnore) : undefined
  }

  /** The Dockerfile and the docker ignore files: always inputs (Docker reads them even when they ignore themselves). */
  isBuildFile(file: string): boolean {
    return isUnder(file, this.image.dockerfile) || this.image.ignoreFiles.some((f) => isUnder(file, f))
  }

  /**
   * A file of the context beyond `path` (see contextBeyondPath) that docker sends and the ignore globs keep. `kept`
   * is contextKeeps' answer when the caller already has it.
   */
  holds(file: string, kept?: boolean): boolean {
    const beyond = this.beyond
    if (beyond === undefined || !isUnder(file, beyond)) return false
    const path = this.code.code.path
    if (path !== undefined && isUnder(file, path)) return false
    return kept ?? this.contextKeeps!(file)
  }
}

const NO_IGNORE = (): boolean => false
const keepers = new WeakMap<(path: string) => boolean, Map<string, (file: string) => boolean>>()

/** ImageRules.contextKeeps, one per context, ignore globs and docker ignore text. */
function contextKeeper(beyond: string, ignored: ((path: string) => boolean) | undefined, dockerIgnore: string | undefined): (file: string) => boolean {
  const byIgnore = ignored ?? NO_IGNORE
  let cache = keepers.get(byIgnore)
  if (!cache) keepers.set(byIgnore, (cache = new Map()))
  const key = `${beyond}\0${dockerIgnore ?? ''}`
  let keeps = cache.get(key)
  if (!keeps) {
    const excluded = dockerIgnore !== undefined ? dockerIgnoreMatcher(dockerIgnore) : undefined
    keeps = (file) => !ignored?.(file) && !excluded?.(beyond === '.' ? file : file.slice(beyond.length + 1))
    cache.set(key, keeps)
  }
  return keeps
}

/**
 * Which rule makes `file` one of the service's build inputs, or undefined when it is none: the definition the
 * content tag lists files by, and the one change detection's index (packages/changes) answers for every service at
 * once. `dockerIgnore` is the text of the docker ignore file (dockerIgnoreFileOf), when there is one.
 */
export function buildInputMatcher(inputs: BuildInputs, dockerIgnore?: string): (file: string) => BuildInputRule | undefined {
  const own = new CodeRules(inputs)
  const image = inputs.image ? new ImageRules(own, inputs.image, dockerIgnore) : undefined
  const libraries = inputs.libraries.map((l) => new CodeRules(l))
  const global = inputs.globalPaths.map(compilePathPattern)
  return (file) => {
    if (own.owns(file)) return 'path'
    if (own.watches(file)) return 'watch'
    if (image && (image.isBuildFile(file) || image.holds(file))) return 'build'
    if (libraries.some((l) => l.owns(file) || l.watches(file))) return 'library'
    if (global.some((g) => g.matches(file))) return 'global'
    return undefined
  }
}

/**
 * The smallest set of repository paths every build input lies under ('.' for the whole repository): what to list
 * (`git ls-tree`) before testing each file with buildInputMatcher.
 */
export function buildInputRoots(inputs: BuildInputs): string[] {
  const roots = new Set<string>()
  const code = (c: CodeInputs): void => {
    if (c.path !== undefined) roots.add(c.path)
    for (const w of c.watch) roots.add(compilePathPattern(w).base || '.')
  }
  code(inputs)
  for (const l of inputs.libraries) code(l)
  for (const g of inputs.globalPaths) roots.add(compilePathPattern(g).base || '.')
  if (inputs.image) {
    roots.add(inputs.image.dockerfile)
    for (const f of inputs.image.ignoreFiles) roots.add(f)
    const beyond = contextBeyondPath(inputs)
    if (beyond !== undefined) roots.add(beyond)
  }
  const sorted = [...roots].sort()
  return sorted.filter((r) => !sorted.some((other) => other !== r && isUnder(r, other)))
}
