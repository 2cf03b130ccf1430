import { basename } from 'node:path'
import type { Problem } from './errors.js'
import { fargateMemoryHint, isValidFargateSize } from './fargate.js'
import { isCanonicalRepoPath, normaliseRepoPath, type RepoPathKind } from './repo-path.js'
import type { BuildSettings, Catalog, CatalogDocument, Environment, EnvironmentDocument, Service } from './model.js'
import { catalogSchema, environmentSchema, FARGATE_CPU_UNITS } from './schema.js'
import { secretArnProblems } from './secret-arns.js'
import { isEnabledIn, serviceSize } from './settings.js'
import { checkShape, type ShapeIssue } from './shape.js'
import { didYouMean, unknownNameHint } from './suggest.js'
import { parseYaml, type Source } from './yaml-source.js'

/** The empty list every service without dependencies or aliases shares (frozen: nothing may add to it). */
const NONE = Object.freeze([]) as unknown as string[]

export interface CatalogInput {
  /** Directory holding services.yaml (as the user named it, for messages). */
  dir: string
  /** Repository root that service paths are relative to. */
  root: string
  services: Source
  environments: Source[]
  /** Whether a repository-relative path exists; omitted, path checks are skipped. */
  pathExists?: (path: string) => boolean
  /** Missing service paths are errors instead of warnings. */
  strict?: boolean
}

export interface CatalogResult {
  catalog?: Catalog
  problems: Problem[]
}

/**
 * Builds the catalog from its sources and reports every problem found, not just the first. Pure: the caller
 * supplies file contents and the path-existence check.
 */
/** What buildCatalog needs from modules it does not load itself: the environments' branch rules (picomatch). */
export interface BuildRules {
  /** Environments whose branch or tag patterns overlap (branches.ts); needed only when there are environments. */
  overlappingRefs?: (environments: Iterable<Environment>) => Problem[]
}

/**
 * buildCatalog without the branch rules loaded: loadCatalog hands them in only when the catalog has environments,
 * so a catalog without them never loads the glob matcher (issue 16). Everything else calls buildCatalog (build.ts).
 */
export function buildCatalogCore(input: CatalogInput, rules: BuildRules): CatalogResult {
  const problems: Problem[] = []
  const file = input.services.file
  const add = (severity: Problem['severity'], path: (string | number)[] | undefined, message: string, hint?: string, f = file): void => {
    problems.push({ file: f, severity, message, ...(hint ? { hint } : {}), ...(path ? { path } : {}) })
  }

  const parsed = parseYaml(input.services)
  if (parsed.problem) return { problems: [parsed.problem] }
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    add('error', undefined, 'the catalog must be a mapping with tiers and services', 'see catalog/schema.json')
    return { problems }
  }
  for (const issue of checkShape(parsed.value, catalogSchema)) {
    problems.push(shapeProblem(file, issue))
  }
  // Keep going past shape problems so one run reports every problem; later rules see only well-formed values.
  const doc = wellFormed(parsed.value as Record<string, unknown>)
  if (!doc) return { problems }
  const droppedPaths = normalisePaths(doc, input.root, add)
  const rawServices = (parsed.value as { services: Record<string, unknown> }).services
  const tiersWellFormed = doc.tiers.length === (parsed.value as { tiers: unknown[] }).tiers.length

  // Tiers
  const tierIds = new Set<number>()
  doc.tiers.forEach((t, i) => {
    if (tierIds.has(t.id)) add('error', ['tiers', i, 'id'], `tier ${t.id} is defined twice`)
    tierIds.add(t.id)
  })

  // Names and aliases. Plain indexed loops here and below: this runs once per process over every service, so
  // it runs cold, where iterators and per-item closures cost more than the checks (issue 16: plan at 10,000).
  // `index` gives each name and alias its service's position: dependencies become numbers, so the dependency
  // rules and the cycle check below look nothing up by name.
  const names = new Map<string, string>()
  const index = new Map<string, number>()
  const serviceNames = Object.keys(doc.services)
  for (let i = 0; i < serviceNames.length; i++) {
    names.set(serviceNames[i]!, serviceNames[i]!)
    index.set(serviceNames[i]!, i)
  }
  for (let n = 0; n < serviceNames.length; n++) {
    const name = serviceNames[n]!
    const aliases = doc.services[name]!.aliases
    if (aliases === undefined) continue
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i]!
      const owner = names.get(alias)
      if (owner !== undefined && owner !== name) {
        add('error', ['services', name, 'aliases', i], `alias '${alias}' of ${name} is already ${owner === alias ? 'a service name' : `an alias of ${owner}`}`, 'names and aliases must be unique')
      } else {
        names.set(alias, name)
        index.set(alias, index.get(name)!)
      }
    }
  }

  // Services with defaults filled in, dependencies resolved to canonical names
  const services = new Map<string, Service>()
  const list: Service[] = []
  // Every service's dependencies as service positions, one after another: service n's are edgeTargets from
  // edgeStart[n] to edgeStart[n + 1] (no array per service).
  const edgeTargets: number[] = []
  const edgeStart = new Int32Array(serviceNames.length + 1)
  // Dependencies as written, where that differs from the resolved list (an alias, a repeat): to point at them.
  const writtenDeps = new Map<string, string[]>()
  const lastTier = doc.tiers.at(-1)?.id ?? 1
  for (let n = 0; n < serviceNames.length; n++) {
    const name = serviceNames[n]!
    const def = doc.services[name]!
    const kind = def.kind ?? 'service'
    const written = def.dependsOn
    // The canonical list is the written one unless an entry is an alias, a repeat or unknown (then a new list).
    let dependsOn: string[] = written ?? NONE
    const first = edgeTargets.length
    if (written !== undefined) {
      for (let i = 0; i < written.length; i++) {
        const dep = written[i]!
        const target = index.get(dep)
        let keep = false
        if (target === undefined) add('error', ['services', name, 'dependsOn', i], `${name} depends on unknown service '${dep}'`, unknownNameHint(dep, names.keys()))
        else if (target === n) add('error', ['services', name, 'dependsOn', i], `${name} depends on itself`, `cycle: ${name} -> ${name}`)
        else keep = edgeTargets.indexOf(target, first) === -1 // not a repeat
        // Diverged from the written list: copy its prefix, which was canonical so far.
        if (dependsOn === written && !(keep && serviceNames[target!] === dep)) dependsOn = written.slice(0, i)
        if (keep) {
          edgeTargets.push(target!)
          if (dependsOn !== written) dependsOn.push(serviceNames[target!]!)
        }
      }
      if (dependsOn !== written) writtenDeps.set(name, written)
    }
    edgeStart[n + 1] = edgeTargets.length
    // A key that is present but malformed was reported by the shape check; do not report it missing as well.
    const raw = rawServices[name]
    const rawRecord = isRecord(raw)
    if (kind !== 'library' && rawRecord && !('tier' in raw)) add('error', ['services', name], `${name} has no tier`, `add tier: 1 to ${lastTier}`)
    // With a malformed tier entry (already reported) the defined tiers are unknown: do not cascade into every service.
    if (def.tier !== undefined && tiersWellFormed && !tierIds.has(def.tier)) add('error', ['services', name, 'tier'], `${name} is in tier ${def.tier}, which is not defined in tiers`, tierIds.size ? `defined tiers: ${[...tierIds].join(', ')}` : 'tiers: defines none')
    if (kind !== 'infrastructure' && rawRecord && !('path' in raw) && !droppedPaths.has(name)) add('error', ['services', name], `${name} has no path`, `a ${kind} needs the directory of its code`)
    if (def.deployVia === 'cloudformation' && !def.cloudformation) add('error', ['services', name, 'deployVia'], `${name} is deployed via CloudFormation but names no stack`, 'add cloudformation: { stack: NAME, imageParameter: PARAM }')
    // The definition belongs to this build (the parse made it, or wellFormed copied it): completed in place, its keys
    // in the order a spread would give.
    const service = def as Service
    service.name = name
    service.kind = kind
    service.tier = def.tier ?? 0
    service.dependsOn = dependsOn
    service.aliases = def.aliases ?? NONE
    service.disabled = def.disabled ?? false
    services.set(name, service)
    list.push(service)
  }

  for (let n = 0; n < list.length; n++) {
    const s = list[n]!
    const deps = s.dependsOn
    for (let k = 0; k < deps.length; k++) {
      const dep = deps[k]!
      const d = list[edgeTargets[edgeStart[n]! + k]!]!
      const libraryOnService = s.kind === 'library' && d.kind !== 'library'
      const higherTier = d.kind !== 'library' && s.kind !== 'library' && d.tier > s.tier
      const onDisabled = d.disabled && !s.disabled
      if (!libraryOnService && !higherTier && !onDisabled) continue
      // Where the dependency is written (it may be written as an alias).
      const at = ['services', s.name, 'dependsOn', (writtenDeps.get(s.name) ?? deps).findIndex((n) => names.get(n) === dep)]
      if (libraryOnService) add('error', at, `library ${s.name} depends on ${d.kind} ${dep}`, 'a library may depend only on libraries')
      if (higherTier) add('error', at, `${s.name} (tier ${s.tier}) depends on ${dep} (tier ${d.tier}), a higher tier`, `lower tiers deploy first: move ${dep} to tier ${s.tier} or lower, or ${s.name} up`)
      if (onDisabled) add('error', at, `${s.name} depends on ${dep}, which is disabled`, `enable ${dep} or drop the dependency`)
    }
  }

  for (const cycle of isAcyclic(edgeStart, edgeTargets) ? [] : findCycles(services)) {
    add('error', ['services', cycle[0]!, 'dependsOn'], `dependency cycle: ${[...cycle, cycle[0]].join(' -> ')}`, 'remove one of these dependencies')
  }

  const byPath = new Map<string, string>()
  for (let n = 0; n < list.length; n++) {
    const s = list[n]!
    if (s.path === undefined) continue
    const other = byPath.get(s.path)
    if (other) add('error', ['services', s.name, 'path'], `${s.name} and ${other} have the same path ${s.path}`, 'each service owns a distinct directory; nesting one inside another is fine')
    else byPath.set(s.path, s.name)
    if (input.pathExists && !s.disabled && !input.pathExists(s.path)) {
      add(input.strict ? 'error' : 'warning', ['services', s.name, 'path'], `${s.name}: path ${s.path} does not exist`, 'check the directory; services nested in another directory need the full path')
    }
  }

  const catalog: Catalog = {
    dir: input.dir,
    root: input.root,
    file,
    platform: doc.platform ?? 'platform',
    tiers: [...doc.tiers].sort((a, b) => a.id - b.id),
    globalPaths: doc.globalPaths ?? [],
    defaults: doc.defaults ?? {},
    services,
    names,
    environments: new Map(),
  }

  for (const source of input.environments) {
    const env = buildEnvironment(source, catalog, problems)
    if (env) catalog.environments.set(env.name, env)
  }
  if (catalog.environments.size > 0) {
    if (!rules.overlappingRefs) throw new Error('internal error: a catalog with environments was built without the branch rules (BuildRules.overlappingRefs)')
    problems.push(...rules.overlappingRefs(catalog.environments.values()))
  }
  problems.push(...dependencyNotEnabledProblems(catalog))
  problems.push(...secretArnProblems(catalog))
  checkSizes(catalog, problems)
  return { catalog, problems }
}

/**
 * Rewrites every repository path the catalog holds into its one form (repo-path.ts), once, before any rule or
 * package reads it: so duplicate paths are compared, paths checked on disk, and changed files matched all in
 * the same form. A path that cannot be normalised is reported where it is written and dropped; the services
 * whose path was dropped are returned (their path is malformed, not missing).
 */
function normalisePaths(doc: CatalogDocument, root: string, add: (severity: Problem['severity'], path: (string | number)[], message: string, hint?: string) => void): Set<string> {
  const dropped = new Set<string>()
  const normalise = (value: string, kind: RepoPathKind, at: (string | number)[], what: string): string | undefined => {
    const n = normaliseRepoPath(value, kind, root)
    if ('path' in n) return n.path
    add('error', at, `${what}: ${n.problem}`, n.hint)
    return undefined
  }
  const normaliseList = (values: string[], at: (string | number)[], what: string): string[] =>
    values.flatMap((v, i) => normalise(v, 'glob', [...at, i], what) ?? [])
  const normaliseBuild = (build: BuildSettings, at: (string | number)[], owner: string): BuildSettings => {
    // A malformed build (not a mapping) was reported by the shape check.
    if (!isRecord(build)) return build
    const out: Record<string, unknown> = { ...build }
    for (const [key, kind] of [['context', 'context'], ['dockerfile', 'file']] as const) {
      if (typeof out[key] !== 'string') continue
      const n = normalise(out[key] as string, kind, [...at, key], `${owner} build.${key}`)
      if (n === undefined) delete out[key]
      else out[key] = n
    }
    return out as BuildSettings
  }
  doc.globalPaths = normaliseList(doc.globalPaths ?? [], ['globalPaths'], 'globalPaths')
  if (doc.defaults?.build !== undefined) doc.defaults = { ...doc.defaults, build: normaliseBuild(doc.defaults.build, ['defaults', 'build'], 'defaults') }
  const names = Object.keys(doc.services)
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!
    const def = doc.services[name]!
    // Most paths are already in their one form: checked first, so a large catalog allocates nothing for them.
    if (def.path !== undefined && !isCanonicalRepoPath(def.path)) {
      const path = normalise(def.path, 'directory', ['services', name, 'path'], `${name} path`)
      if (path === undefined) {
        delete def.path
        dropped.add(name)
      } else def.path = path
    }
    if (def.watch !== undefined) def.watch = normaliseList(def.watch, ['services', name, 'watch'], `${name} watch`)
    if (def.build !== undefined) def.build = normaliseBuild(def.build, ['services', name, 'build'], name)
  }
  return dropped
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The parts of a catalog document that the rules can trust after shape problems were reported: malformed
 * values are dropped (their problem is already reported), so a typo in one service does not hide a cycle in
 * another.
 */
function wellFormed(raw: Record<string, unknown>): CatalogDocument | undefined {
  if (!Array.isArray(raw.tiers) || !isRecord(raw.services)) return undefined
  const tiers = raw.tiers.filter((t): t is CatalogDocument['tiers'][number] => isRecord(t) && Number.isInteger(t.id))
  const services: CatalogDocument['services'] = {}
  const rawServices = raw.services
  const names = Object.keys(rawServices)
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!
    const value = rawServices[name]
    // A well-formed definition is used as it is (the parse made it for this build alone); only one with a
    // malformed value is copied without it, so the raw value still tells "malformed" from "missing".
    services[name] = (isRecord(value) && isWellFormedService(value) ? value : withoutMalformedKeys(value)) as CatalogDocument['services'][string]
  }
  return { ...(raw as unknown as CatalogDocument), tiers, services, globalPaths: strings(raw.globalPaths) ?? [], defaults: isRecord(raw.defaults) ? (raw.defaults as CatalogDocument['defaults']) : {} }
}

const LIST_KEYS = ['dependsOn', 'aliases', 'watch', 'ignore'] as const
const KINDS: readonly unknown[] = ['service', 'infrastructure', 'library']
function isStringList(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false
  return true
}

/** Whether every value the rules read from a service definition has its type (the shape check reported any that does not). */
function isWellFormedService(def: Record<string, unknown>): boolean {
  for (let k = 0; k < LIST_KEYS.length; k++) if (def[LIST_KEYS[k]!] !== undefined && !isStringList(def[LIST_KEYS[k]!])) return false
  return (
    (def.tier === undefined || Number.isInteger(def.tier)) &&
    (def.path === undefined || typeof def.path === 'string') &&
    (def.kind === undefined || KINDS.includes(def.kind)) &&
    (def.disabled === undefined || typeof def.disabled === 'boolean') &&
    (def.cpu === undefined || (FARGATE_CPU_UNITS as readonly unknown[]).includes(def.cpu)) &&
    (def.memory === undefined || Number.isInteger(def.memory))
  )
}

/** A copy of a service definition without its malformed values (or an empty one for a definition that is not a mapping). */
function withoutMalformedKeys(value: unknown): Record<string, unknown> {
  const def = (isRecord(value) ? { ...value } : {}) as Record<string, unknown>
  for (const key of LIST_KEYS) if (def[key] !== undefined) def[key] = strings(def[key])
  if (!Number.isInteger(def.tier)) delete def.tier
  if (typeof def.path !== 'string') delete def.path
  if (!KINDS.includes(def.kind)) delete def.kind
  if (typeof def.disabled !== 'boolean') delete def.disabled
  if (!(FARGATE_CPU_UNITS as readonly unknown[]).includes(def.cpu)) delete def.cpu
  if (!Number.isInteger(def.memory)) delete def.memory
  return def
}

/** A schema issue as a problem; an unknown key is named by its parent's path, since the message names the key. */
function shapeProblem(file: string, issue: ShapeIssue): Problem {
  const where = issue.atKey ? issue.path.slice(0, -1) : issue.path
  return {
    file,
    severity: 'error',
    message: `${where.length ? `${where.join('.')}: ` : ''}${issue.message}`,
    ...(issue.hint ? { hint: issue.hint } : {}),
    path: issue.path,
    ...(issue.atKey ? { atKey: true } : {}),
  }
}

function buildEnvironment(source: Source, catalog: Catalog, problems: Problem[]): Environment | undefined {
  const add = (path: (string | number)[] | undefined, message: string, hint?: string, severity: Problem['severity'] = 'error'): void => {
    problems.push({ file: source.file, severity, message, ...(hint ? { hint } : {}), ...(path ? { path } : {}) })
  }
  const parsed = parseYaml(source)
  if (parsed.problem) {
    problems.push(parsed.problem)
    return undefined
  }
  if (!isRecord(parsed.value)) {
    add(undefined, `an environment file must be a mapping, found ${parsed.value === null ? 'nothing' : Array.isArray(parsed.value) ? 'a list' : `${typeof parsed.value} ${JSON.stringify(parsed.value).slice(0, 40)}`}`, 'see catalog/environments/dev.yaml for the form: name, account, region, cluster, ...')
    return undefined
  }
  const issues = checkShape(parsed.value, environmentSchema)
  for (const issue of issues) problems.push(shapeProblem(source.file, issue))
  // Keep going past shape problems so one run reports every problem in the file; later rules see only well-formed values.
  const doc = withoutMalformed(parsed.value, issues) as unknown as EnvironmentDocument
  const expected = basename(source.file).replace(/\.ya?ml$/, '')
  if (typeof doc.name === 'string' && doc.name !== expected) add(['name'], `environment file ${basename(source.file)} is named '${doc.name}'`, `name it '${expected}' or rename the file`)
  for (const name of Object.keys(doc.services ?? {})) {
    if (!catalog.names.has(name)) add(['services', name], `unknown service '${name}'`, didYouMean(name, catalog.names.keys()))
  }
  const services = Object.fromEntries(Object.entries(doc.services ?? {}).map(([n, o]) => [catalog.names.get(n) ?? n, o]))
  for (const [i, name] of (doc.optionalServices ?? []).entries()) {
    if (name === '*') continue
    const canonical = catalog.names.get(name)
    if (!canonical) add(['optionalServices', i], `unknown service '${name}'`, didYouMean(name, catalog.names.keys()))
    else if (!catalog.tiers.find((t) => t.id === catalog.services.get(canonical)!.tier)?.optional) {
      add(['optionalServices', i], `${canonical} is not in an optional tier, so it is always deployed`, 'list only services of tiers marked optional: true', 'warning')
    }
  }
  // Without its name or region the environment cannot be used; its other problems are reported above.
  if (typeof doc.name !== 'string' || typeof doc.region !== 'string') return undefined
  return { ...doc, services, file: source.file }
}

/**
 * A copy of an environment document without the values the shape check reported (their problems are already
 * reported): a malformed list item is dropped from its list, a malformed per-service setting from its service, any
 * other malformed value with its top-level key. So a typo in one key does not hide a problem in another.
 */
function withoutMalformed(raw: Record<string, unknown>, issues: ShapeIssue[]): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...raw }
  if (isRecord(raw.services)) doc.services = Object.fromEntries(Object.entries(raw.services).map(([n, o]) => [n, isRecord(o) ? { ...o } : {}]))
  const dropItems = new Map<string, Set<number>>()
  for (const { path } of issues) {
    const [key, second, third] = path
    if (typeof key !== 'string') continue
    if (key === 'services' && typeof second === 'string' && isRecord(doc.services)) {
      // A malformed override was replaced by {} above; a malformed setting leaves the override's other settings.
      if (third !== undefined) delete (doc.services[second] as Record<string, unknown>)[String(third)]
    } else if (typeof second === 'number' && Array.isArray(raw[key])) {
      dropItems.set(key, (dropItems.get(key) ?? new Set()).add(second))
    } else delete doc[key]
  }
  for (const [key, items] of dropItems) if (Array.isArray(doc[key])) doc[key] = (doc[key] as unknown[]).filter((_, i) => !items.has(i))
  return doc
}

/**
 * Per environment, an enabled service whose dependency is not enabled there: deploying it `--with-dependencies`
 * would deploy a service the environment does not run, and without that it would start without what it needs.
 * A disabled dependency is reported once, by the catalog's own rule.
 */
function dependencyNotEnabledProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = []
  for (const env of catalog.environments.values()) {
    for (const s of catalog.services.values()) {
      if (s.kind === 'library' || !isEnabledIn(catalog, s, env)) continue
      for (const dep of s.dependsOn) {
        const d = catalog.services.get(dep)!
        if (d.kind === 'library' || d.disabled || isEnabledIn(catalog, d, env)) continue
        const switchedOff = env.services?.[d.name]?.enabled === false
        const enabling = (env.optionalServices ?? []).findIndex((n) => catalog.names.get(n) === s.name)
        problems.push({
          file: env.file,
          severity: 'error',
          message: `${s.name} is enabled in ${env.name} but depends on ${d.name}, which is not enabled there`,
          hint: switchedOff
            ? `${env.file} sets enabled: false for ${d.name}: enable it, disable ${s.name} too, or drop ${d.name} from ${s.name}'s dependsOn in ${catalog.file}`
            : `add ${d.name} to optionalServices in ${env.file}, or drop it from ${s.name}'s dependsOn in ${catalog.file}`,
          ...(enabling >= 0 ? { path: ['optionalServices', enabling] } : {}),
        })
      }
    }
  }
  return problems
}

function checkSizes(catalog: Catalog, problems: Problem[]): void {
  const envs: (Environment | undefined)[] = [undefined, ...catalog.environments.values()]
  const services = [...catalog.services.values()]
  for (let n = 0; n < services.length; n++) {
    const s = services[n]!
    if (s.kind !== 'service') continue
    for (let e = 0; e < envs.length; e++) {
      const env = envs[e]
      const size = serviceSize(catalog, s, env)
      const fits = isValidFargateSize(size.cpu, size.memory)
      if (fits && size.min <= size.max) continue
      const where = env ? { file: env.file, path: ['services', s.name] } : { file: catalog.file, path: ['services', s.name] }
      const inEnv = env ? ` in ${env.name}` : ''
      if (!fits) {
        problems.push({ ...where, severity: 'error', message: `${s.name}${inEnv}: cpu ${size.cpu} with memory ${size.memory} is not a Fargate task size`, hint: fargateMemoryHint(size.cpu) })
      }
      if (size.min > size.max) {
        problems.push({ ...where, severity: 'error', message: `${s.name}${inEnv}: autoscaling min ${size.min} is above max ${size.max}` })
      }
    }
  }
}

export function findCycles(services: Map<string, { dependsOn: string[] }>): string[][] {
  const ids = new Map<string, number>()
  for (const name of services.keys()) ids.set(name, ids.size)
  const edgeStart = new Int32Array(services.size + 1)
  const edgeTargets: number[] = []
  let n = 0
  for (const s of services.values()) {
    for (const d of s.dependsOn) {
      const id = ids.get(d)
      if (id !== undefined) edgeTargets.push(id)
    }
    edgeStart[++n] = edgeTargets.length
  }
  if (isAcyclic(edgeStart, edgeTargets)) return []
  // Tarjan's algorithm over integer ids (names sorted, so the cycles come out in a stable order).
  const names = [...services.keys()].sort()
  const id = new Map<string, number>()
  for (let i = 0; i < names.length; i++) id.set(names[i]!, i)
  const edges: number[][] = names.map((name) => {
    const out: number[] = []
    for (const dep of services.get(name)!.dependsOn) {
      const d = id.get(dep)
      if (d !== undefined) out.push(d)
    }
    return out
  })
  const index = new Int32Array(names.length).fill(-1)
  const low = new Int32Array(names.length)
  const onStack = new Uint8Array(names.length)
  const stack: number[] = []
  const cycles: string[][] = []
  let counter = 0
  // Iterative, so a 10,000-service chain cannot overflow the call stack: a frame is a node and its next edge.
  const workNode: number[] = []
  const workNext: number[] = []
  const visit = (n: number): void => {
    index[n] = low[n] = counter++
    stack.push(n)
    onStack[n] = 1
    workNode.push(n)
    workNext.push(0)
  }
  for (let root = 0; root < names.length; root++) {
    if (index[root] !== -1) continue
    visit(root)
    while (workNode.length) {
      const top = workNode.length - 1
      const node = workNode[top]!
      const deps = edges[node]!
      if (workNext[top]! < deps.length) {
        const dep = deps[workNext[top]!++]!
        if (index[dep] === -1) visit(dep)
        else if (onStack[dep]) low[node] = Math.min(low[node]!, index[dep]!)
        continue
      }
      workNode.pop()
      workNext.pop()
      if (top > 0) low[workNode[top - 1]!] = Math.min(low[workNode[top - 1]!]!, low[node]!)
      if (low[node] === index[node]) {
        const component: string[] = []
        let n: number
        do {
          n = stack.pop()!
          onStack[n] = 0
          component.push(names[n]!)
        } while (n !== node)
        if (component.length > 1) cycles.push(cycleWithin(new Set(component), services))
      }
    }
  }
  return cycles
}

/**
 * Whether the graph (each node's dependencies as node numbers) has no cycle: one depth-first pass, without the
 * sorting and bookkeeping that naming the cycles needs (the usual case, checked first).
 */
function isAcyclic(edgeStart: Int32Array, edgeTargets: number[]): boolean {
  const count = edgeStart.length - 1
  // 0: not seen, 1: on the current path, 2: done.
  const state = new Uint8Array(count)
  const nodes: number[] = []
  const next: number[] = []
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue
    state[root] = 1
    nodes.push(root)
    next.push(edgeStart[root]!)
    while (nodes.length) {
      const top = nodes.length - 1
      if (next[top]! < edgeStart[nodes[top]! + 1]!) {
        const dep = edgeTargets[next[top]!++]!
        if (state[dep] === 1) return false
        if (state[dep] === 0) {
          state[dep] = 1
          nodes.push(dep)
          next.push(edgeStart[dep]!)
        }
        continue
      }
      state[nodes.pop()!] = 2
      next.pop()
    }
  }
  return true
}

/** A concrete cycle inside a strongly connected component, starting from its smallest name. */
function cycleWithin(component: Set<string>, services: Map<string, { dependsOn: string[] }>): string[] {
  const start = [...component].sort()[0]!
  const path = [start]
  const seen = new Set([start])
  let node = start
  for (;;) {
    const deps = services.get(node)!.dependsOn.filter((d) => component.has(d)).sort()
    if (deps.includes(start) && path.length > 1) return path
    const next = deps.find((d) => !seen.has(d)) ?? deps[0]!
    if (next === start || seen.has(next)) return path.slice(path.indexOf(next))
    path.push(next)
    seen.add(next)
    node = next
  }
}

