import { basename } from 'node:path'
import { findCycles } from '@tierdeploy/catalog'
import { catalogName, classifyDirectories, commonPrefix, nameDirectories, portOf, shortName, type Project } from './classify.js'
import { composeEvidence, readCompose } from './compose.js'
import { configFiles, EdgeSet, EVIDENCE_STRENGTH, packageEvidence, referenceEvidence } from './evidence.js'
import type { Discovery, Edge, Skipped, Unit } from './model.js'
import { nodeRepoFs, parseIgnoreFile, scanRepository, type RepoFs } from './scan.js'
import { proposeTiers } from './tiers.js'

export interface DiscoverOptions {
  /** Repository root (absolute). */
  root: string
  /** What discovery reads; defaults to the files under `root`. */
  fs?: RepoFs
  /** Platform name; defaults to the prefix most services share, else the root package.json name, else the directory. */
  platform?: string
  /** The catalog directory, repository-relative: never scanned. Default `catalog`; '' when it is outside the repository. */
  catalogDir?: string
  /** Write proposed dependencies (a bare name in config) as well as certain ones. */
  acceptSuggested?: boolean
  maxDepth?: number
  maxTiers?: number
}

const ROOT_GLOBAL_FILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'tsconfig.base.json', '.nvmrc', '.node-version', '.python-version']
export const IGNORE_FILE = '.tierdeployignore'

/**
 * Scans a repository and proposes its catalog: the deployable directories (innermost where they nest), libraries
 * other services depend on, data stores from docker-compose, dependencies with their evidence, and tiers.
 */
export function discover(options: DiscoverOptions): Discovery {
  const fs = options.fs ?? nodeRepoFs(options.root)
  const catalogDir = options.catalogDir ?? 'catalog'
  const scan = scanRepository(fs, {
    // The catalog directory is not scanned once it holds a catalog; before that, a service there is still found
    // (and the CLI refuses to write the catalog into it).
    exclude: catalogDir && fs.read(`${catalogDir}/services.yaml`) !== undefined ? [catalogDir] : [],
    ignore: parseIgnoreFile(fs.read(IGNORE_FILE)),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  })
  const classified = classifyDirectories(fs, scan)
  const skipped: Skipped[] = [...classified.skipped]
  const projects: Project[] = [...classified.services, ...classified.packages]
  const named = nameDirectories(projects.map((p) => p.path), classified.containers)
  const envFiles = new Map(classified.services.map((p) => [p.path, configFiles(fs, scan, p.path)]))

  const isService = new Set(classified.services)
  let units: Unit[] = projects.map((p) => {
    const service = isService.has(p)
    const unit: Unit = {
      name: named.get(p.path)!,
      kind: service ? 'service' : 'library',
      path: p.path,
      dockerfile: p.dockerfile,
      aliases: [],
      found: service ? [p.dockerfile ? 'Dockerfile' : '', p.start ?? ''].filter(Boolean).join(', ') : `${p.language === 'python' ? 'Python package' : 'package.json'} without a start entry, which other packages depend on`,
    }
    if (p.language) unit.language = p.language
    if (service && !p.dockerfile && p.template) {
      if (Object.keys(p.template.args).length) unit.templateArgs = p.template.args
      if (p.template.notes.length) unit.notes = p.template.notes
    }
    if (p.packageName) unit.packageName = p.packageName
    const port = service ? portOf(fs, p, envFiles.get(p.path)!) : undefined
    if (port) unit.port = port
    return unit
  })

  const prefix = options.platform && units.some((u) => u.name.startsWith(`${options.platform}-`)) ? `${options.platform}-` : commonPrefix(units.map((u) => u.name))
  assignAliases(units, prefix)
  const names = new Map<string, string>()
  for (const u of units) {
    names.set(u.name, u.name)
    for (const a of u.aliases) names.set(a, u.name)
  }
  const compose = readCompose(fs, scan, units, names)
  for (const infra of compose.infrastructure) {
    // A data store named like a directory's entry is that entry (its compose service builds it).
    if (names.get(infra.name) === infra.name) continue
    const owner = names.get(infra.name)
    if (owner) units.find((u) => u.name === owner)!.aliases = units.find((u) => u.name === owner)!.aliases.filter((a) => a !== infra.name)
    units.push(infra)
    names.set(infra.name, infra.name)
  }
  skipped.push(...compose.skipped)
  for (const s of compose.services) if (s.unit && !names.has(s.key)) names.set(s.key, s.unit)

  const edges = new EdgeSet()
  const proposed = new EdgeSet()
  packageEvidence(projects, units, edges)
  composeEvidence(compose.services, names, edges)
  for (const u of units) if (u.kind === 'service') referenceEvidence(fs, u, envFiles.get(u.path!) ?? [], names, edges, proposed)

  // A package is a library only if a service needs it, directly or through another library.
  const keep = libraryNeeds(units, edges.edges())
  for (const u of units.filter((x) => x.kind === 'library' && !keep.has(x.name))) {
    skipped.push({ path: u.path!, reason: 'not-a-service', detail: `${u.found.replace(/, which other packages depend on$/, '')}, and no service depends on it` })
  }
  units = units.filter((u) => u.kind !== 'library' || keep.has(u.name))
  const present = new Set(units.map((u) => u.name))
  const within = (e: Edge): boolean => present.has(e.from) && present.has(e.to)

  let certain = edges.edges().filter(within)
  const settled = new Set(certain.map((e) => `${e.from}\0${e.to}`))
  let suggested = proposed.edges().filter((e) => within(e) && !settled.has(`${e.from}\0${e.to}`))
  if (options.acceptSuggested) {
    certain = [...certain, ...suggested]
    suggested = []
  }
  const kindOf = new Map(units.map((u) => [u.name, u.kind]))
  const demoted: Edge[] = []
  certain = certain.filter((e) => {
    if (kindOf.get(e.from) !== 'library' || kindOf.get(e.to) === 'library') return true
    demoted.push({ ...e, doubt: 'a library may depend only on libraries' })
    return false
  })
  certain = breakCycles(certain, demoted)
  suggested = [...suggested, ...demoted].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1))

  const tiers = proposeTiers(units, certain, options.maxTiers)
  const order = (u: Unit): string => `${u.kind === 'infrastructure' ? 0 : u.kind === 'service' ? 1 : 2}${String(tiers.of.get(u.name)?.tier ?? 0).padStart(2, '0')}${u.name}`
  units.sort((a, b) => (order(a) < order(b) ? -1 : 1))
  const sortEdges = (list: Edge[]): Edge[] => [...list].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1))

  return {
    platform: catalogName(options.platform ?? (prefix.replace(/-$/, '') || packageName(fs) || basename(options.root))),
    units,
    edges: sortEdges(certain),
    suggested: sortEdges(suggested),
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
    tiers,
    globalPaths: ROOT_GLOBAL_FILES.filter((f) => scan.directories.get('')!.files.has(f)),
  }
}

function packageName(fs: RepoFs): string | undefined {
  try {
    const name = (JSON.parse(fs.read('package.json') ?? '{}') as { name?: unknown }).name
    return typeof name === 'string' ? name : undefined
  } catch {
    return undefined
  }
}

/**
 * Short names as aliases (indigenious-auth-service -> auth; a service named after the directory holding it also
 * gets its inner directory's short name). An alias that is another entry's name, or that two entries would share,
 * is left out.
 */
function assignAliases(units: Unit[], prefix: string): void {
  const proposed = new Map<string, string[]>()
  for (const u of units) {
    if (u.kind === 'infrastructure') continue
    const candidates = [shortName(u.name, prefix)]
    if (u.path && !u.path.endsWith(`/${u.name}`) && u.path !== u.name) candidates.push(shortName(catalogName(u.path.slice(u.path.lastIndexOf('/') + 1)), prefix))
    proposed.set(u.name, [...new Set(candidates)].filter((a) => a !== u.name))
  }
  const count = new Map<string, number>()
  for (const u of units) count.set(u.name, (count.get(u.name) ?? 0) + 2)
  for (const list of proposed.values()) for (const a of list) count.set(a, (count.get(a) ?? 0) + 1)
  for (const u of units) u.aliases = (proposed.get(u.name) ?? []).filter((a) => count.get(a) === 1)
}

/** Libraries a service needs, directly or through other libraries. */
function libraryNeeds(units: Unit[], edges: Edge[]): Set<string> {
  const kind = new Map(units.map((u) => [u.name, u.kind]))
  const needed = new Set<string>()
  const stack = edges.filter((e) => kind.get(e.from) === 'service' && kind.get(e.to) === 'library').map((e) => e.to)
  while (stack.length) {
    const lib = stack.pop()!
    if (needed.has(lib)) continue
    needed.add(lib)
    for (const e of edges) if (e.from === lib && kind.get(e.to) === 'library') stack.push(e.to)
  }
  return needed
}

/**
 * Removes the weakest edge of each dependency cycle (a bare reference before a compose `depends_on` before a
 * package dependency) into `demoted`, naming the cycle, until none is left: a catalog with a cycle does not validate.
 */
function breakCycles(edges: Edge[], demoted: Edge[]): Edge[] {
  let kept = edges
  for (;;) {
    const graph = new Map<string, { dependsOn: string[] }>()
    for (const e of kept) {
      if (!graph.has(e.from)) graph.set(e.from, { dependsOn: [] })
      if (!graph.has(e.to)) graph.set(e.to, { dependsOn: [] })
      graph.get(e.from)!.dependsOn.push(e.to)
    }
    const cycles = findCycles(graph)
    if (cycles.length === 0) return kept
    for (const cycle of cycles) {
      const inCycle = cycle.map((from, i) => kept.find((e) => e.from === from && e.to === cycle[(i + 1) % cycle.length])!).filter(Boolean)
      const strength = (e: Edge): number => Math.max(...e.evidence.map((x) => EVIDENCE_STRENGTH[x.kind])) * 1000 + e.evidence.length
      const weakest = inCycle.sort((a, b) => strength(a) - strength(b))[0]!
      demoted.push({ ...weakest, doubt: `it would close the cycle ${[...cycle, cycle[0]].join(' -> ')}` })
      kept = kept.filter((e) => e !== weakest)
    }
  }
}
