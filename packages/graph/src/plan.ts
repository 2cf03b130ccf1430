import { ConfigurationError, closestNames, isEnabledIn, type Catalog, type Environment, type Kind, type Service } from '@tierdeploy/catalog'

/** What to deploy. Filters combine: the plan holds what every given filter selects. */
export interface Selection {
  /** A tier number, or 'all'. */
  tier?: number | 'all'
  /** Service names or aliases. */
  services?: string[]
  /** Add every transitive dependency (libraries excluded). */
  withDependencies?: boolean
  /** Services a change affects (from detect-changed-services); undefined means no change-based filter. */
  changed?: string[]
  /**
   * Why each changed service changed, in words (detect-changed-services' reasons, e.g. "2 files: services/a/x.ts,
   * services/a/y.ts", "library lib-a changed"): the plan's reason becomes "changed: <why>" instead of "changed".
   */
  changedBecause?: Record<string, string[]>
  /**
   * Leave named services the environment does not enable (an optional tier's service enabled only in staging, a
   * disabled one) out of the plan, listed in `Plan.skipped`, instead of failing. Unknown names still fail.
   */
  onlyEnabled?: boolean
}

export interface PlannedNode {
  name: string
  kind: Kind
  tier: number
  /** 0-based wave inside the tier. */
  wave: number
  /** Why the node is in the plan, e.g. "in tier 1", "named", "changed: 2 files: a/x.ts, a/y.ts", "dependency of indigenious-rfq-service". */
  reasons: readonly string[]
}

export interface TierPlan {
  tier: number
  name: string
  /** Node names per wave; a wave deploys after every earlier wave of its tier. Names sorted. */
  waves: string[][]
}

export interface Plan {
  environment?: string
  tiers: TierPlan[]
  nodes: Record<string, PlannedNode>
  /** Named services left out because the environment does not enable them (Selection.onlyEnabled); absent when none. */
  skipped?: string[]
}

/** Resolves a service name or alias, or throws naming the closest names. */
export function resolveServiceName(catalog: Catalog, name: string): Service {
  const canonical = catalog.names.get(name.trim())
  if (canonical) return catalog.services.get(canonical)!
  const near = closestNames(name, catalog.names.keys())
  throw new ConfigurationError(
    `unknown service '${name}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} (see ${catalog.file}; \`tierdeploy plan --tier all\` lists every service)`,
  )
}

/** Why a service does not deploy in the environment (disabled, or an optional tier's service not enabled there); undefined when it does. */
export function whyNotEnabled(catalog: Catalog, service: Service, environment?: Environment): string | undefined {
  if (service.disabled) return `${service.name} is disabled in ${catalog.file}`
  if (!isEnabledIn(catalog, service, environment)) return `${service.name} is not enabled${environment ? ` in ${environment.name}` : ''}: add it to optionalServices in ${environment?.file}`
  return undefined
}

/** Parses a tier given as a flag or input: a tier number or `all`. */
export function parseTier(value: string): number | 'all' {
  const v = value.trim().toLowerCase()
  if (v === 'all') return 'all'
  if (/^\d+$/.test(v)) return Number(v)
  throw new ConfigurationError(`tier must be a tier number or 'all', got '${value}'`)
}

/** Parses a comma or newline separated list of names, dropping blanks. */
export function parseNameList(value: string): string[] {
  return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)
}

export function resolveDeployWaves(catalog: Catalog, selection: Selection, environment?: Environment): Plan {
  // A tier selection gives every service it selects the same first reason: they share one frozen list, and only a
  // service with more reasons gets a list of its own (issue 16: a plan of 10,000 allocated 10,000 lists here).
  let tierReason: readonly string[] | undefined
  const inTierSelection = (s: Service): boolean => s.kind !== 'library' && isEnabledIn(catalog, s, environment) && (selection.tier === undefined || selection.tier === 'all' || s.tier === selection.tier)
  const reasons = new Map<string, string[]>()
  const because = (name: string, reason: string): void => {
    let list = reasons.get(name)
    if (!list) reasons.set(name, (list = tierReason && inTierSelection(catalog.services.get(name)!) ? [...tierReason] : []))
    if (!list.includes(reason)) list.push(reason)
  }
  const reasonsOf = (s: Service): readonly string[] => reasons.get(s.name) ?? (tierReason && inTierSelection(s) ? tierReason : NO_REASONS)

  if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
    throw new ConfigurationError('nothing selected: choose a tier (1, 2, ... or all), services, or a change to deploy')
  }
  if (typeof selection.tier === 'number' && !catalog.tiers.some((t) => t.id === selection.tier)) {
    throw new ConfigurationError(`unknown tier ${selection.tier}: ${catalog.file} defines tiers ${catalog.tiers.map((t) => t.id).join(', ')} (or use all)`)
  }

  let base: Service[]
  const skipped: string[] = []
  if (selection.services !== undefined) {
    if (selection.services.length === 0) throw new ConfigurationError('the service list is empty: name at least one service')
    base = []
    for (const s of selection.services.map((n) => resolveServiceName(catalog, n))) {
      if (s.kind === 'library') throw new ConfigurationError(`${s.name} is a library: it is never deployed (a change to it deploys its dependents)`)
      const notEnabled = whyNotEnabled(catalog, s, environment)
      if (notEnabled && !selection.onlyEnabled) throw new ConfigurationError(notEnabled)
      if (notEnabled) {
        if (!skipped.includes(s.name)) skipped.push(s.name)
        continue
      }
      if (typeof selection.tier === 'number' && s.tier !== selection.tier) {
        throw new ConfigurationError(`${s.name} is in tier ${s.tier}, not tier ${selection.tier}: drop the tier or the service`)
      }
      because(s.name, 'named')
      base.push(s)
    }
  } else {
    base = [...catalog.services.values()].filter(inTierSelection)
    if (selection.tier !== undefined) tierReason = Object.freeze([selection.tier === 'all' ? 'all tiers' : `in tier ${selection.tier}`])
  }

  if (selection.changed !== undefined) {
    const changed = new Set(selection.changed.map((n) => resolveServiceName(catalog, n).name))
    base = base.filter((s) => changed.has(s.name))
    for (const s of base) {
      const why = selection.changedBecause?.[s.name]
      because(s.name, why?.length ? `changed: ${why.join('; ')}` : 'changed')
    }
  }

  // Only a walk through dependencies needs the selection by name.
  let selectedServices: Iterable<Service> = base
  if (selection.withDependencies) {
    const selected = new Map(base.map((s) => [s.name, s]))
    selectedServices = selected.values()
    const queue = [...selected.values()]
    while (queue.length) {
      const s = queue.pop()!
      for (const depName of s.dependsOn) {
        const dep = catalog.services.get(depName)!
        // Libraries are walked through (their dependencies are libraries) but never planned.
        if (dep.kind !== 'library') because(dep.name, `dependency of ${s.name}`)
        if (!selected.has(dep.name)) {
          selected.set(dep.name, dep)
          queue.push(dep)
        }
      }
    }
    for (const [name, s] of selected) if (s.kind === 'library') selected.delete(name)
  }

  const nodes: Record<string, PlannedNode> = {}
  const tiers: TierPlan[] = []
  const byTier = new Map<number, Service[]>()
  for (const s of selectedServices) {
    const list = byTier.get(s.tier)
    if (list) list.push(s)
    else byTier.set(s.tier, [s])
  }
  for (const tierId of [...byTier.keys()].sort((a, b) => a - b)) {
    const members = byTier.get(tierId)!
    const waveOf = assignWaves(members)
    const waves: string[][] = []
    for (let i = 0; i < members.length; i++) {
      const s = members[i]!
      const w = waveOf[i]!
      ;(waves[w] ??= []).push(s.name)
      nodes[s.name] = { name: s.name, kind: s.kind, tier: s.tier, wave: w, reasons: reasonsOf(s) }
    }
    for (const wave of waves) wave.sort()
    tiers.push({ tier: tierId, name: catalog.tiers.find((t) => t.id === tierId)?.name ?? String(tierId), waves })
  }
  return { ...(environment ? { environment: environment.name } : {}), tiers, nodes, ...(skipped.length ? { skipped } : {}) }
}

/**
 * A node's wave is one more than the latest wave among its selected dependencies of the same tier (Kahn's
 * algorithm, so depth is not limited by the call stack). Dependencies elsewhere do not shape waves.
 */
function assignWaves(members: Service[]): number[] {
  // Members by position; dependencies outside the tier are not in `at` and are skipped. The edges (dependency ->
  // dependent) are kept flat, then grouped by dependency: no array per member (issue 16: plans of 10,000).
  const n = members.length
  const at = new Map<string, number>()
  for (let i = 0; i < n; i++) at.set(members[i]!.name, i)
  const pending = new Int32Array(n)
  const edgeFrom: number[] = []
  const edgeTo: number[] = []
  for (let i = 0; i < n; i++) {
    const deps = members[i]!.dependsOn
    for (let k = 0; k < deps.length; k++) {
      const j = at.get(deps[k]!)
      if (j === undefined) continue
      pending[i]!++
      edgeFrom.push(j)
      edgeTo.push(i)
    }
  }
  const start = new Int32Array(n + 1)
  for (let e = 0; e < edgeFrom.length; e++) start[edgeFrom[e]! + 1]!++
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!
  const next = start.slice(0, n)
  const dependents = new Int32Array(edgeFrom.length)
  for (let e = 0; e < edgeFrom.length; e++) dependents[next[edgeFrom[e]!]!++] = edgeTo[e]!
  const wave = new Int32Array(n)
  const ready: number[] = []
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready.push(i)
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k]!
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const dependent = dependents[e]!
      if (wave[i]! + 1 > wave[dependent]!) wave[dependent] = wave[i]! + 1
      if (--pending[dependent]! === 0) ready.push(dependent)
    }
  }
  if (ready.length !== n) {
    // The catalog validator rejects cycles, so reaching this is a bug, not a user mistake.
    throw new Error(`dependency cycle among ${members.filter((_, i) => pending[i]! > 0).map((s) => s.name).join(', ')}`)
  }
  return Array.from(wave)
}

const NO_REASONS: readonly string[] = Object.freeze([])

/** The plan's node names in deploy order (tier, then wave, then name). */
export function deployOrder(plan: Plan): string[] {
  return plan.tiers.flatMap((t) => t.waves.flat())
}
