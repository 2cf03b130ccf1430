import { isDeployable, type Catalog, type Service } from '@tierdeploy/catalog'
import { addToList, type AffectedServices, type ChangeReason, type FileChange, type FileList } from './model.js'
import { ChangeIndex } from './ownership.js'

export interface AffectedOptions {
  /** Repository-relative catalog directory; its changes are infrastructure changes. Default `catalog`. */
  catalogDir?: string
  /** More repository-relative directories whose changes are infrastructure changes. Default `['terraform']`. */
  infrastructureDirs?: string[]
  /** A prebuilt index of the same catalog (detectChangedServices builds it once to find deletions). */
  index?: ChangeIndex
  /**
   * The text of a docker ignore file at head (undefined when there is none), for services whose build context
   * reaches beyond their path. Without it every file of such a context counts.
   */
  readDockerIgnore?: (path: string) => string | undefined
  /** Services whose directory no longer exists at head. */
  gone?: ReadonlySet<string>
  /** Services whose definition changed in the catalog, with the file that changed it. */
  definitions?: ReadonlyMap<string, string>
  /** Services that were in the catalog at base and are not at head, with the catalog file. */
  removed?: ReadonlyMap<string, string>
  /** Affect every deployable service (nothing to compare with), with why. */
  everything?: string
}

export function changeIndexFor(catalog: Catalog, options: Pick<AffectedOptions, 'catalogDir' | 'infrastructureDirs' | 'readDockerIgnore'> = {}): ChangeIndex {
  return new ChangeIndex(catalog, {
    infrastructureDirs: [options.catalogDir ?? 'catalog', ...(options.infrastructureDirs ?? ['terraform'])],
    ...(options.readDockerIgnore ? { readDockerIgnore: options.readDockerIgnore } : {}),
  })
}

/** Every path a change touches: both sides of a rename. */
export function changedPaths(changes: readonly FileChange[]): string[] {
  const paths: string[] = []
  for (const c of changes) {
    paths.push(c.path)
    if (c.oldPath !== undefined && c.status === 'renamed') paths.push(c.oldPath)
  }
  return paths
}

/**
 * Which services a set of changed files affects. Pure: the git work (diff, deleted directories, catalog at
 * base) is done by the caller.
 *
 * - A file affects a service when it is one of the service's build inputs (the catalog's buildInputMatcher, the
 *   definition build-push's content tag hashes by): it belongs to the innermost service whose path contains it,
 *   unless that service's ignore globs (plus the catalog's `defaults.ignore`) drop it; `watch` globs add files
 *   outside the service's directory; so do its Dockerfile, its docker ignore files and a build context reaching
 *   beyond its path (less what the docker ignore file excludes).
 * - A changed library affects every service that depends on it, transitively through libraries. A runtime
 *   `dependsOn` between services does not propagate: auth changing does not redeploy payment.
 * - `globalPaths` affect every deployable service; the catalog and terraform directories set `infrastructure`.
 */
export function servicesAffectedBy(catalog: Catalog, changes: readonly FileChange[], options: AffectedOptions = {}): AffectedServices {
  const index = options.index ?? changeIndexFor(catalog, options)
  // Per service, its files (path and watch rules, then the build rule) and the index of the last path counted, so a
  // file gives each service one reason however many rules reach it.
  const direct = new Map<string, Counted>()
  const built = new Map<string, Counted>()
  const global: FileList = { count: 0, files: [] }
  const infrastructureFiles: FileList = { count: 0, files: [] }
  const unclaimed: FileList = { count: 0, files: [] }
  const paths = changedPaths(changes)

  const touch = (lists: Map<string, Counted>, service: string, file: string, at: number): void => {
    const counted = lists.get(service)
    if (!counted) lists.set(service, { list: { count: 1, files: [file] }, at })
    else if (counted.at !== at) {
      addToList(counted.list, file)
      counted.at = at
    }
  }
  for (let at = 0; at < paths.length; at++) {
    const file = paths[at]!
    const { owner, claims } = index.claim(file)
    if (owner !== undefined) touch(direct, owner, file, at)
    let isGlobal = false
    let isInfrastructure = false
    for (const c of claims) if (c.type === 'watch') touch(direct, c.service, file, at)
    for (const c of claims) {
      if (c.type === 'build') {
        if (direct.get(c.service)?.at !== at) touch(built, c.service, file, at)
      } else if (c.type === 'global') isGlobal = true
      else if (c.type === 'infrastructure') isInfrastructure = true
    }
    if (isGlobal) addToList(global, file)
    if (isInfrastructure) addToList(infrastructureFiles, file)
    if (owner === undefined && claims.length === 0) addToList(unclaimed, file)
  }

  const reasons = new Map<string, ChangeReason[]>()
  const because = (service: string, reason: ChangeReason): void => {
    const list = reasons.get(service)
    if (list) list.push(reason)
    else reasons.set(service, [reason])
  }
  const libraries: string[] = []
  let infrastructure = infrastructureFiles.count > 0
  for (const [name, { list }] of direct) {
    const s = catalog.services.get(name)!
    if (s.kind === 'library') libraries.push(name)
    else if (s.kind === 'infrastructure') infrastructure = true
    because(name, { kind: 'files', count: list.count, files: list.files })
  }
  for (const [name, { list }] of built) because(name, { kind: 'build', count: list.count, files: list.files })
  for (const [service, reason] of propagateFromLibraries(catalog, libraries)) because(service, reason)
  if (global.count) {
    for (const s of catalog.services.values()) if (isDeployable(s)) because(s.name, { kind: 'global', count: global.count, files: global.files })
  }
  for (const [service, file] of options.definitions ?? []) if (catalog.services.has(service)) because(service, { kind: 'definition', file })
  if (options.everything !== undefined) {
    for (const s of catalog.services.values()) if (isDeployable(s)) because(s.name, { kind: 'everything', because: options.everything })
  }

  const services: string[] = []
  const deleted: string[] = []
  const reported: Record<string, ChangeReason[]> = {}
  for (const [name, list] of reasons) {
    const s = catalog.services.get(name)!
    if (!isChangeDeployable(s)) continue
    if (options.gone?.has(name)) {
      deleted.push(name)
      reported[name] = [{ kind: 'deleted', path: s.path! }]
    } else {
      services.push(name)
      reported[name] = list
    }
  }
  // A deleted directory with no other change left in it still has to be reported.
  for (const name of options.gone ?? []) {
    const s = catalog.services.get(name)
    if (s && isChangeDeployable(s) && !reported[name]) {
      deleted.push(name)
      reported[name] = [{ kind: 'deleted', path: s.path! }]
    }
  }
  for (const [name, file] of options.removed ?? []) {
    if (!catalog.services.has(name) && !reported[name]) {
      deleted.push(name)
      reported[name] = [{ kind: 'deleted', file }]
    }
  }
  services.sort()
  deleted.sort()
  libraries.sort()
  const sortedReasons: Record<string, ChangeReason[]> = {}
  for (const name of [...services, ...deleted]) sortedReasons[name] = reported[name]!
  return { services, deleted, infrastructure, reasons: sortedReasons, libraries, infrastructureFiles, unclaimed, files: paths.length }
}

interface Counted {
  list: FileList
  /** Index (in the changed paths) of the last file counted. */
  at: number
}

/** What a change can deploy: a service the catalog deploys (not a library or infrastructure) that is not disabled. */
function isChangeDeployable(s: Service): boolean {
  return isDeployable(s) && !s.disabled
}

/**
 * Services reached from the changed libraries through reverse `dependsOn` edges, walking on only through
 * libraries (a library may depend only on libraries, so a service is always the end of a path). Each service
 * gets one reason per changed library that reaches it, with the shortest chain of libraries in between.
 */
function propagateFromLibraries(catalog: Catalog, changed: string[]): [string, ChangeReason][] {
  if (changed.length === 0) return []
  const dependents = new Map<string, string[]>()
  for (const s of catalog.services.values()) {
    for (const d of s.dependsOn) {
      const list = dependents.get(d)
      if (list) list.push(s.name)
      else dependents.set(d, [s.name])
    }
  }
  const out: [string, ChangeReason][] = []
  for (const library of [...changed].sort()) {
    const via = new Map<string, string[]>([[library, []]])
    const queue = [library]
    for (let i = 0; i < queue.length; i++) {
      const current = queue[i]!
      const chain = via.get(current)!
      for (const dependent of dependents.get(current) ?? []) {
        if (via.has(dependent)) continue
        const s = catalog.services.get(dependent)!
        const next = current === library ? [] : [...chain, current]
        via.set(dependent, next)
        if (s.kind === 'library') queue.push(dependent)
        else out.push([dependent, { kind: 'library', library, via: next }])
      }
    }
  }
  return out
}
