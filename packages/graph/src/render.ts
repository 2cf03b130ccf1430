import type { Catalog } from '@tierdeploy/catalog'
import type { Plan, TierPlan } from './plan.js'

/** The plan for a terminal: tiers, waves, and why each node is included. */
export function renderPlanText(plan: Plan): string {
  if (plan.tiers.length === 0) return `Nothing to deploy${plan.environment ? ` to ${plan.environment}` : ''}.\n`
  const lines: string[] = [`Deploy plan${plan.environment ? ` for ${plan.environment}` : ''}: ${Object.keys(plan.nodes).length} node(s) in ${plan.tiers.length} tier(s)`]
  for (const tier of plan.tiers) {
    lines.push('', `Tier ${tier.tier} (${tier.name})`)
    tier.waves.forEach((wave, i) => {
      lines.push(`  wave ${i + 1}`)
      for (const name of wave) {
        const node = plan.nodes[name]!
        const kind = node.kind === 'service' ? '' : ` [${node.kind}]`
        lines.push(`    ${name}${kind}  (${node.reasons.join('; ') || 'selected'})`)
      }
    })
  }
  return `${lines.join('\n')}\n`
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`
}

/** The plan as a Markdown table for a job summary. */
export function renderPlanTable(plan: Plan): string {
  if (plan.tiers.length === 0) return 'Nothing to deploy.\n'
  const rows = ['| Tier | Wave | Service | Kind | Why |', '| --- | --- | --- | --- | --- |']
  for (const tier of plan.tiers) {
    tier.waves.forEach((wave, i) => {
      for (const name of wave) {
        const node = plan.nodes[name]!
        rows.push(`| ${tier.tier} (${tier.name}) | ${i + 1} | \`${name}\` | ${node.kind} | ${escapeCell(node.reasons.join('; '))} |`)
      }
    })
  }
  return `${rows.join('\n')}\n`
}

/** What brought a node in, as one word for the counts line: the start of its first reason. */
function reasonKind(reason: string): string {
  if (reason.startsWith('changed')) return 'changed'
  if (reason.startsWith('dependency of')) return 'dependency'
  if (reason.startsWith('in tier') || reason === 'all tiers') return 'tier selected'
  return reason
}

/**
 * The job summary of a plan: the verdict (how much deploys, where), counts per tier and per reason, the diagram, and
 * the full table collapsed, so 1,000 rows never push the picture off the page.
 */
export function renderPlanSummary(plan: Plan, catalog: Catalog, options: { title?: string; notes?: string[]; nothing?: string } = {}): string {
  const title = options.title ?? `tierdeploy plan${plan.environment ? ` for ${plan.environment}` : ''}`
  const notes = (options.notes ?? []).map((n) => `${n}\n\n`).join('')
  if (plan.tiers.length === 0) return `### ${title}: nothing to deploy\n\nNothing to deploy${options.nothing ? `: ${options.nothing}` : ''}.\n\n${notes}`
  const nodes = Object.values(plan.nodes)
  const waves = plan.tiers.reduce((sum, t) => sum + t.waves.length, 0)
  const byKind = countBy(nodes.map((n) => n.kind))
  const kinds = [...byKind].sort(([a], [b]) => Number(b === 'service') - Number(a === 'service')).map(([kind, n]) => plural(n, kind === 'service' ? 'service' : kind, kind === 'service' ? 'services' : kind)).join(' and ')
  const byReason = countBy(nodes.map((n) => reasonKind(n.reasons[0] ?? 'selected')))
  const out = [
    `### ${title}: ${kinds} in ${plural(plan.tiers.length, 'tier')}, ${plural(waves, 'wave')}`,
    '',
    `${plan.tiers.map((t) => `tier ${t.tier} (${t.name}): ${t.waves.flat().length} in ${plural(t.waves.length, 'wave')}`).join(' · ')}  `,
    `Why: ${[...byReason].map(([why, n]) => `${n} ${why}`).join(', ')}`,
    '',
    notes + renderPlanMermaid(plan, catalog),
    `<details><summary>Every node: tier, wave and why (${nodes.length})</summary>`,
    '',
    renderPlanTable(plan),
    '</details>',
    '',
  ]
  return out.join('\n')
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

const TIER_COLOURS = ['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']

/**
 * Past these, the service-level diagram is not readable, so the plan is drawn one node per wave. Measured on
 * generated catalogs (packages/testkit generateCatalog, top to bottom): the widest rank of the bundled 20-node
 * catalog (40 edges) is about 1,200 px, which a ~1,000 px job summary shows at ~0.85x; 40 services (106 edges) is
 * the same width; at 60 services (165 edges) it is ~2,000 px (0.5x, 16 px labels shrink to 8 px) and at 79 services
 * (220 edges) 2,300 px before the bends of long edges widen it further (a browser showed 0.16x left to right).
 */
export const DIAGRAM_MAX_NODES = 40
export const DIAGRAM_MAX_EDGES = 120
/**
 * Past this many waves, one node per tier. A wave chain is one node wide, so it reads at full size whatever its
 * height, but 60 waves are already ~5,000 px tall (a generated 1,000-service catalog has 42); the tier diagram keeps
 * far inside mermaid's limits (500 edges, 50,000 characters) whatever the catalog.
 */
export const DIAGRAM_MAX_WAVES = 60

/** Which picture renderPlanMermaid draws for a plan. */
export function planDiagramLevel(plan: Plan, catalog: Catalog): 'services' | 'waves' | 'tiers' {
  const nodes = Object.keys(plan.nodes)
  if (nodes.length <= DIAGRAM_MAX_NODES && planEdges(plan, catalog).length <= DIAGRAM_MAX_EDGES) return 'services'
  return plan.tiers.reduce((sum, t) => sum + t.waves.length, 0) <= DIAGRAM_MAX_WAVES ? 'waves' : 'tiers'
}

/** Dependency edges between planned nodes, [dependency, dependent]. */
function planEdges(plan: Plan, catalog: Catalog): [string, string][] {
  const edges: [string, string][] = []
  for (const name of Object.keys(plan.nodes)) {
    for (const dep of catalog.services.get(name)?.dependsOn ?? []) if (plan.nodes[dep]) edges.push([dep, name])
  }
  return edges
}

/** Mermaid label text: quotes and markup characters would end the label. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, '')
}

/**
 * A Mermaid flowchart of the plan, tiers top to bottom, one colour per tier: every node and dependency for a small
 * plan; one node per wave (with counts) past DIAGRAM_MAX_NODES/EDGES; one node per tier past DIAGRAM_MAX_WAVES.
 */
export function renderPlanMermaid(plan: Plan, catalog: Catalog): string {
  const level = planDiagramLevel(plan, catalog)
  const lines = level === 'services' ? serviceDiagram(plan, catalog) : level === 'waves' ? waveDiagram(plan) : tierDiagram(plan)
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`
}

function tierTitle(tier: TierPlan): string {
  return label(`Tier ${tier.tier}: ${tier.name}`)
}

function colour(tier: number): string {
  return TIER_COLOURS[(tier - 1) % TIER_COLOURS.length]!
}

function serviceDiagram(plan: Plan, catalog: Catalog): string[] {
  const ids = new Map<string, string>()
  Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`))
  const lines = ['flowchart TB']
  for (const tier of plan.tiers) {
    lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)}"]`)
    for (const name of tier.waves.flat()) {
      const kind = plan.nodes[name]!.kind
      lines.push(`    ${ids.get(name)}${kind === 'infrastructure' ? `[("${label(name)}")]` : `["${label(name)}"]`}`)
    }
    lines.push('  end')
  }
  // Invisible links keep the tiers in order even where no dependency joins them.
  for (let i = 1; i < plan.tiers.length; i++) lines.push(`  tier${plan.tiers[i - 1]!.tier} ~~~ tier${plan.tiers[i]!.tier}`)
  for (const [dep, name] of planEdges(plan, catalog)) lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`)
  for (const tier of plan.tiers) {
    lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`)
    lines.push(`  class ${tier.waves.flat().map((n) => ids.get(n)).join(',')} t${tier.tier}`)
  }
  return lines
}

/** A wave's label: its size, and its members when there are few enough to read. */
function waveLabel(plan: Plan, wave: string[], index: number): string {
  const infrastructure = wave.filter((n) => plan.nodes[n]!.kind === 'infrastructure').length
  const services = wave.length - infrastructure
  const counts = [services ? plural(services, 'service') : '', infrastructure ? `${infrastructure} infrastructure` : ''].filter(Boolean).join(', ')
  const members = wave.length <= 3 ? `<br/>${wave.map(label).join(', ')}` : ''
  return `wave ${index + 1}: ${counts}${members}`
}

function waveDiagram(plan: Plan): string[] {
  const lines = ['flowchart TB']
  const chain: string[] = []
  for (const tier of plan.tiers) {
    lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)} · ${plural(tier.waves.flat().length, 'node')}"]`)
    tier.waves.forEach((wave, i) => {
      const id = `t${tier.tier}w${i + 1}`
      chain.push(id)
      lines.push(`    ${id}["${waveLabel(plan, wave, i)}"]`)
    })
    lines.push('  end')
  }
  // Deploy order: each wave after the one before it, the first wave of a tier after the last of the tier below.
  for (let i = 1; i < chain.length; i++) lines.push(`  ${chain[i - 1]} --> ${chain[i]}`)
  for (const tier of plan.tiers) {
    lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`)
    lines.push(`  class ${tier.waves.map((_, i) => `t${tier.tier}w${i + 1}`).join(',')} t${tier.tier}`)
  }
  return lines
}

function tierDiagram(plan: Plan): string[] {
  const lines = ['flowchart TB']
  for (const tier of plan.tiers) {
    lines.push(`  tier${tier.tier}["${tierTitle(tier)}<br/>${plural(tier.waves.flat().length, 'node')} in ${plural(tier.waves.length, 'wave')}"]`)
    lines.push(`  style tier${tier.tier} fill:${colour(tier.tier)},stroke:#555`)
  }
  for (let i = 1; i < plan.tiers.length; i++) lines.push(`  tier${plan.tiers[i - 1]!.tier} --> tier${plan.tiers[i]!.tier}`)
  return lines
}

/** The `--json` shape of `tierdeploy plan`: tiers ascending with their waves; extra keys for tools. */
export function planJson(plan: Plan): object {
  return {
    ...(plan.environment ? { environment: plan.environment } : {}),
    tiers: plan.tiers.map((t) => ({ tier: t.tier, name: t.name, waves: t.waves })),
    nodes: plan.nodes,
  }
}
