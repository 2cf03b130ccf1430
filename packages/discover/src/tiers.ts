import type { Edge, TierProposal, Unit } from './model.js'

/** Tier names of the users' layout; a proposal with fewer tiers uses the first ones. */
const TIER_NAMES = [
  { name: 'core', description: 'Data stores, the gateway and what they need; deploys first' },
  { name: 'business', description: 'Services the core does not need' },
  { name: 'intelligence', description: 'Services that build on the business tier' },
  { name: 'optional', description: 'Services nothing else depends on (mark the tier optional: true to deploy them only where an environment enables them)' },
]

const GATEWAY = /(^|-)(gateway|api-gateway|proxy|ingress|edge)(-|$)/

/**
 * Tiers from the dependency graph (edges must be acyclic). Each entry's height is the longest chain of dependents
 * above it; entries nothing depends on are at the top, and each dependency sits at least one tier lower, capped at
 * `maxTiers`. Data stores (infrastructure) and gateways go to tier 1 with everything they depend on, since tier 1 is
 * what the rest needs running. Tiers only ever decrease along a dependency, so no service ends up depending on a
 * higher tier (the catalog's rule; validate checks the written catalog with it).
 */
export function proposeTiers(units: Unit[], edges: Edge[], maxTiers = 4): TierProposal {
  const tiered = units.filter((u) => u.kind !== 'library')
  const isTiered = new Set(tiered.map((u) => u.name))
  const deps = new Map<string, string[]>(tiered.map((u) => [u.name, []]))
  const dependents = new Map<string, string[]>(tiered.map((u) => [u.name, []]))
  for (const e of edges) {
    if (!isTiered.has(e.from) || !isTiered.has(e.to)) continue
    deps.get(e.from)!.push(e.to)
    dependents.get(e.to)!.push(e.from)
  }
  // Heights in topological order, dependents first (Kahn's algorithm over the dependents' counts).
  const height = new Map<string, number>()
  const waiting = new Map([...dependents].map(([n, d]) => [n, d.length]))
  const ready = [...tiered.map((u) => u.name).filter((n) => waiting.get(n) === 0)].sort()
  while (ready.length) {
    const name = ready.pop()!
    const h = Math.max(-1, ...dependents.get(name)!.map((d) => height.get(d)!)) + 1
    height.set(name, h)
    for (const d of deps.get(name)!) {
      const left = waiting.get(d)! - 1
      waiting.set(d, left)
      if (left === 0) ready.push(d)
    }
  }
  if (height.size !== tiered.length) throw new Error('proposeTiers: the dependency graph has a cycle; break cycles first')
  const top = Math.min(maxTiers, Math.max(0, ...height.values()) + 1)
  const of: TierProposal['of'] = new Map()
  for (const u of tiered) {
    const h = height.get(u.name)!
    const reason = h === 0 ? 'nothing depends on it' : `${dependents.get(u.name)!.length} service(s) depend on it; longest chain above it: ${h}`
    of.set(u.name, { tier: top - Math.min(h, top - 1), reason })
  }
  // Tier 1 for data stores and gateways, and (so no tier-1 entry depends on a higher one) for all they depend on.
  const pull = (name: string, reason: string): void => {
    const stack = [name]
    of.set(name, { tier: 1, reason })
    while (stack.length) {
      for (const d of deps.get(stack.pop()!)!) {
        if (of.get(d)!.tier === 1) continue
        of.set(d, { tier: 1, reason: `a dependency of ${name} (tier 1)` })
        stack.push(d)
      }
    }
  }
  for (const u of tiered) {
    if (u.kind === 'infrastructure') pull(u.name, 'data store: tier 1')
    else if (GATEWAY.test(u.name) || u.aliases.some((a) => GATEWAY.test(a))) pull(u.name, 'gateway: tier 1')
  }
  const used = Math.max(1, ...[...of.values()].map((t) => t.tier))
  const tiers = Array.from({ length: used }, (_, i) => ({ id: i + 1, ...(TIER_NAMES[i] ?? { name: `tier-${i + 1}`, description: '' }) }))
  // With fewer tiers than names, the top tier is still "what nothing depends on".
  if (used > 1 && used < TIER_NAMES.length) tiers[used - 1] = { id: used, ...TIER_NAMES[TIER_NAMES.length - 1]! }
  return { tiers, of }
}
