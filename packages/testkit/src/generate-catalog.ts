/**
 * A random but reproducible catalog of `count` services over 4 tiers, each depending on about `fanout` services
 * of its own or a lower tier (so the graph is a DAG consistent with the tiers). For benchmarks and scale tests.
 */
export interface GeneratedCatalog {
  yaml: string
  names: string[]
}

/** A seeded generator of numbers in [0, 1) (mulberry32): small, fast and reproducible across runs. */
export function prng(seed: number): () => number {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateCatalog(count: number, options: { fanout?: number; seed?: number; libraries?: number } = {}): GeneratedCatalog {
  const random = prng(options.seed ?? 42)
  const fanout = options.fanout ?? 3
  const libraries = options.libraries ?? Math.max(1, Math.round(count / 50))
  const names: string[] = []
  const lines = [
    'version: 1',
    'platform: generated',
    'tiers:',
    '  - { id: 1, name: core }',
    '  - { id: 2, name: business }',
    '  - { id: 3, name: intelligence }',
    '  - { id: 4, name: optional }',
    'globalPaths: [package-lock.json]',
    'services:',
  ]
  for (let l = 0; l < libraries; l++) {
    lines.push(`  lib-${l}:`, '    kind: library', `    path: libs/lib-${l}`)
  }
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(5, '0')}`
    // Tiers grow with the index so that earlier services sit in the same or a lower tier.
    const tier = 1 + Math.min(3, Math.floor((4 * i) / count))
    const deps = new Set<string>()
    for (let d = 0; d < fanout && i > 0; d++) deps.add(names[Math.floor(random() * i)]!)
    if (random() < 0.3) deps.add(`lib-${Math.floor(random() * libraries)}`)
    lines.push(`  ${name}:`, `    path: services/${name}`, `    tier: ${tier}`, `    dependsOn: [${[...deps].join(', ')}]`)
    names.push(name)
  }
  return { yaml: `${lines.join('\n')}\n`, names }
}
