import type { Catalog } from '@tierdeploy/catalog'
import type { Plan } from './plan.js'

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
  return s.replace(/\|/g, '\\|')
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

const TIER_COLOURS = ['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']

/** A Mermaid flowchart of the planned nodes and the dependencies between them, one colour per tier. */
export function renderPlanMermaid(plan: Plan, catalog: Catalog): string {
  const ids = new Map<string, string>()
  Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`))
  const lines = ['flowchart LR']
  for (const tier of plan.tiers) {
    lines.push(`  subgraph tier${tier.tier}["Tier ${tier.tier}: ${tier.name}"]`)
    for (const name of tier.waves.flat()) {
      const kind = plan.nodes[name]!.kind
      const label = kind === 'infrastructure' ? `[(${name})]` : `[${name}]`
      lines.push(`    ${ids.get(name)}${label}`)
    }
    lines.push('  end')
  }
  for (const name of Object.keys(plan.nodes)) {
    for (const dep of catalog.services.get(name)!.dependsOn) {
      if (ids.has(dep)) lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`)
    }
  }
  for (const tier of plan.tiers) {
    lines.push(`  classDef t${tier.tier} fill:${TIER_COLOURS[(tier.tier - 1) % TIER_COLOURS.length]},stroke:#555`)
    const members = tier.waves.flat().map((n) => ids.get(n))
    if (members.length) lines.push(`  class ${members.join(',')} t${tier.tier}`)
  }
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`
}

/** The `--json` shape of `tierdeploy plan`: tiers ascending with their waves; extra keys for tools. */
export function planJson(plan: Plan): object {
  return {
    ...(plan.environment ? { environment: plan.environment } : {}),
    tiers: plan.tiers.map((t) => ({ tier: t.tier, name: t.name, waves: t.waves })),
    nodes: plan.nodes,
  }
}
