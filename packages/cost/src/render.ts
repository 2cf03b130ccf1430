import type { CostColumns, CostReport } from './estimate.js'

/** Whole cents, so JSON and tables agree with each other and with hand arithmetic. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100
}

export function money(value: number): string {
  const sign = value < 0 ? '-' : ''
  return `${sign}$${Math.abs(cents(value)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

function size(cpu: number, memory: number): string {
  return `${cpu / 1024} vCPU / ${memory / 1024} GB`
}

function roundColumns<T extends CostColumns>(c: T): T {
  return { ...c, configured: cents(c.configured), alwaysOn: cents(c.alwaysOn), businessHours: cents(c.businessHours), spot: cents(c.spot) }
}

/** The report with every amount rounded to cents: the documented shape of `tierdeploy cost --format json`. */
export function costJson(report: CostReport): CostReport {
  return {
    ...report,
    businessHoursPerMonth: cents(report.businessHoursPerMonth),
    services: report.services.map((s) => ({ ...roundColumns(s), hourly: Math.round(s.hourly * 1e6) / 1e6 })),
    tiers: report.tiers.map(roundColumns),
    platform: report.platform.map((p) => ({ ...p, monthly: cents(p.monthly) })),
    totals: { ...roundColumns(report.totals), services: roundColumns(report.totals.services), platform: cents(report.totals.platform) },
    recommendations: report.recommendations.map((r) => ({ ...r, monthlySavings: cents(r.monthlySavings) })),
  }
}

function footnote(report: CostReport): string {
  const overrides = report.pricingOverrides.length ? `, overridden by ${report.pricingOverrides.join(', ')}` : ''
  return `Estimates in ${report.currency} from list prices of ${report.pricingDate}${overrides}; ${report.hoursPerMonth} h a month, business hours ${report.businessHours} = ${report.businessHoursPerMonth.toFixed(1)} h a month.`
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|')
}

/** The full report as Markdown: tiers in the users' columns, services, platform, recommendations. */
export function renderCostMarkdown(report: CostReport): string {
  const out: string[] = [`### Estimated monthly cost: ${report.environment} (${report.region})`, '', footnote(report), '']
  out.push('| Tier | Services | As configured | Always on | Business hours only | Fargate Spot |', '| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const t of report.tiers) out.push(`| ${t.tier} ${t.name} | ${t.services} | ${money(t.configured)} | ${money(t.alwaysOn)} | ${money(t.businessHours)} | ${money(t.spot)} |`)
  const p = report.totals.platform
  out.push(`| platform (fixed) | | ${money(p)} | ${money(p)} | ${money(p)} | ${money(p)} |`)
  const t = report.totals
  out.push(`| **Total** | ${report.services.length} | **${money(t.configured)}** | **${money(t.alwaysOn)}** | **${money(t.businessHours)}** | **${money(t.spot)}** |`, '')
  out.push('Tier 1 counts as always on and on-demand in every column: it must run 24/7 and never on Spot.', '')

  out.push('<details><summary>Per service</summary>', '')
  out.push('| Tier | Service | Size | Tasks | As configured | Always on | Business hours only | Fargate Spot |', '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |')
  for (const s of report.services) {
    const setting = [s.spotConfigured ? 'Spot' : '', s.schedule === 'business-hours' ? 'business hours' : ''].filter(Boolean).join(', ')
    const sized = s.capacity === 'ec2-gpu' ? `EC2 GPU: ${escapeCell(s.note ?? '')}` : size(s.cpu, s.memory)
    out.push(`| ${s.tier} | \`${s.service}\`${setting ? ` (${setting})` : ''} | ${sized} | ${s.tasks} | ${money(s.configured)} | ${money(s.alwaysOn)} | ${money(s.businessHours)} | ${money(s.spot)} |`)
  }
  out.push('', '</details>', '')

  if (report.platform.length) {
    out.push('| Platform | Monthly |', '| --- | ---: |')
    for (const item of report.platform) out.push(`| ${escapeCell(item.description)}${item.service ? ` (\`${item.service}\`)` : ''} | ${money(item.monthly)} |`)
    out.push('')
  }
  if (report.recommendations.length) {
    out.push('**Recommendations** (each against the configured cost; they overlap, so savings do not simply add up)', '')
    for (const r of report.recommendations) out.push(`- ${r.message}: ${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`} a month`)
    out.push('')
  }
  for (const n of report.notes) out.push(`_${n}_`)
  out.push('', `_Sources: ${Object.values(report.pricingSources).join(', ')}_`, '')
  return `${out.join('\n')}\n`
}

/** A short cost section for another summary (the deploy summary): the tier table and the top recommendations. */
export function renderCostSection(report: CostReport, options: { recommendations?: number } = {}): string {
  const out: string[] = [`#### Estimated monthly cost of ${report.environment}: ${money(report.totals.configured)}`, '']
  out.push('| Tier | As configured | Always on | Business hours only | Fargate Spot |', '| --- | ---: | ---: | ---: | ---: |')
  for (const t of report.tiers) out.push(`| ${t.tier} ${t.name} | ${money(t.configured)} | ${money(t.alwaysOn)} | ${money(t.businessHours)} | ${money(t.spot)} |`)
  out.push(`| platform (fixed) | ${money(report.totals.platform)} | ${money(report.totals.platform)} | ${money(report.totals.platform)} | ${money(report.totals.platform)} |`, '')
  const top = report.recommendations.filter((r) => r.monthlySavings > 0 || r.kind === 'tier-1-on-spot').slice(0, options.recommendations ?? 3)
  for (const r of top) out.push(`- ${r.message} (${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`}/month)`)
  out.push('', `_${footnote(report)} \`tierdeploy cost --env ${report.environment}\` shows every service._`, '')
  return `${out.join('\n')}\n`
}

function pad(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => r.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n')
}

/** The report as aligned plain text for a terminal. */
export function renderCostTable(report: CostReport): string {
  const head = ['tier', 'service', 'size', 'tasks', 'configured', 'always on', 'business hrs', 'spot']
  const rows = [head]
  for (const s of report.services) {
    rows.push([String(s.tier), s.service, s.capacity === 'ec2-gpu' ? 'ec2-gpu' : size(s.cpu, s.memory), String(s.tasks), money(s.configured), money(s.alwaysOn), money(s.businessHours), money(s.spot)])
  }
  // The tasks column counts tasks on every row (a tier row sums its services' tasks), never services.
  const tasksOf = (tier?: number): number => report.services.filter((s) => tier === undefined || s.tier === tier).reduce((a, s) => a + s.tasks, 0)
  for (const t of report.tiers) rows.push([String(t.tier), `tier ${t.tier} ${t.name}`, '', String(tasksOf(t.tier)), money(t.configured), money(t.alwaysOn), money(t.businessHours), money(t.spot)])
  for (const p of report.platform) rows.push(['', p.label, '', '', money(p.monthly), money(p.monthly), money(p.monthly), money(p.monthly)])
  const t = report.totals
  rows.push(['', 'TOTAL', '', String(tasksOf()), money(t.configured), money(t.alwaysOn), money(t.businessHours), money(t.spot)])
  const out = [`Estimated monthly cost: ${report.environment} (${report.region})`, footnote(report), '', pad(rows, new Set([0, 3, 4, 5, 6, 7]))]
  if (report.recommendations.length) {
    out.push('', 'Recommendations:')
    for (const r of report.recommendations) out.push(`  - ${r.message}: ${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`}/month`)
  }
  if (report.notes.length) out.push('', ...report.notes)
  return `${out.join('\n')}\n`
}
