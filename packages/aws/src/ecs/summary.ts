import type { EcsServiceResult, EcsServiceStatus } from './types.js'
import { taskDefinitionFamily, taskDefinitionName } from './rollout.js'

const ICON: Record<EcsServiceResult['status'], string> = {
  deployed: '✅',
  unchanged: '➖',
  'would-deploy': '📝',
  failed: '❌',
  'rolled-back': '↩️',
  'rollback-failed': '🔥',
  skipped: '⏭️',
}

/** Statuses that fail a step: they lead the summary, one row each with what was done about them. */
const FAILURES: readonly EcsServiceStatus[] = ['failed', 'rollback-failed']

/** `family:revision` of a task definition ARN (the ARN's prefix adds nothing in a table). */
export function shortTaskDefinition(arn: string | undefined): string {
  return arn ? taskDefinitionName(arn) : ''
}

/** A revision as its number (`:42`) when its family is the service's name, else `family:42`. */
export function revisionOf(service: string, arn: string | undefined): string {
  if (!arn) return ''
  const name = taskDefinitionName(arn)
  return taskDefinitionFamily(name) === service ? name.slice(service.length) : name
}

/** Image digests cut to 12 hex digits: the full value is in the step's JSON output (and on hover in the summary). */
export function shortenDigests(text: string): string {
  return text.replace(/sha256:([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256:$1…')
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** A table cell: digests shortened, the full text on hover when that lost anything. */
function reasonCell(text: string): string {
  const short = shortenDigests(text)
  return short === text ? cell(text) : `<span title="${text.replace(/"/g, '&quot;')}">${cell(short)}</span>`
}

/** Whether a failed service was put back on its previous revision by the step (deploy.ts appends "rolled back to"). */
function rolledBackAfterFailure(r: EcsServiceResult): boolean {
  return r.status === 'failed' && /(^|; )rolled back to /.test(r.reason ?? '')
}

/**
 * What the service ran, tried and runs now, as revision numbers: `:41 → :42` deployed, `:41 → :42 ↩ :41` rolled
 * back by this step. In a rollback (`mode: 'rollback'`) `taskDefinition` is the revision rolled back to: `:42 ↩ :41`.
 */
export function revisionCell(r: EcsServiceResult, mode: 'deploy' | 'rollback' = 'deploy'): string {
  const before = revisionOf(r.service, r.previousTaskDefinition)
  const after = revisionOf(r.service, r.taskDefinition)
  if (mode === 'rollback') {
    if (r.status === 'rolled-back' || r.status === 'would-deploy') return [before, after].filter(Boolean).join(' ↩ ')
    return after ? `${before} ↩ ${after} ✗` : before
  }
  switch (r.status) {
    case 'deployed':
      return before && after && before !== after ? `${before} → ${after}` : after || before
    case 'unchanged':
    case 'skipped':
      return after || before
    case 'would-deploy':
      return `${before} → new`
    case 'rolled-back':
      return `${before} → ${after} ↩ ${before}`
    case 'failed':
      if (!after) return `${before} ✗`
      return rolledBackAfterFailure(r) ? `${before} → ${after} ✗ ↩ ${before}` : `${before} → ${after} ✗`
    case 'rollback-failed':
      return `${before} → ${after} ✗ ↩ ✗`
  }
}

/** Where a failure happened, from its reason (the deploy writes each stage's failure in its own words). */
function stageOf(r: EcsServiceResult, mode: 'deploy' | 'rollback'): string {
  const reason = r.reason ?? ''
  if (mode === 'rollback' || r.status === 'rollback-failed') return 'rollback'
  if (reason.startsWith('RegisterTaskDefinition failed')) return 'register'
  if (reason.startsWith('UpdateService failed')) return 'update'
  if (reason.startsWith('timed out')) return 'rollout (timed out)'
  if (reason.includes('via CloudFormation')) return 'CloudFormation stack'
  return 'rollout'
}

/** The failure in words without what was done about it (that has its own column). */
function whyFailed(r: EcsServiceResult): string {
  return (r.reason ?? 'failed').replace(/; (rolled back to .*|left as it is: rollback-on-failure is off)$/, '')
}

function whatWasDone(r: EcsServiceResult, mode: 'deploy' | 'rollback'): string {
  const reason = r.reason ?? ''
  if (r.status === 'rollback-failed') return '🔥 rollback failed: needs attention'
  if (mode === 'rollback') return 'left on its current revision'
  if (rolledBackAfterFailure(r)) return `rolled back to ${revisionOf(r.service, r.previousTaskDefinition)}`
  if (reason.includes('left as it is')) return 'left as it is (rollback-on-failure is off)'
  if (!r.taskDefinition || reason.startsWith('RegisterTaskDefinition failed')) return 'nothing changed'
  return 'left for ECS (circuit breaker or manual)'
}

export interface EcsSummaryOptions {
  /** 'rollback': the results are rollbacks, `taskDefinition` the revision rolled back to. Default 'deploy'. */
  mode?: 'deploy' | 'rollback'
  /** The tiers and waves the services deployed in (the plan), for the timeline; without it, one section. */
  tiers?: { tier: number; name: string; waves: string[][] }[]
  /** How many of the slowest rollouts the timeline shows as their own bars (default 8). */
  slowest?: number
}

/**
 * The job summary of a deploy or rollback: the verdict, then each failure (service, stage, why, what was done about
 * it), then counts, the timeline, and every service in a collapsed table, so 1,000 rows never hide the one that failed.
 */
export function renderEcsResultTable(results: EcsServiceResult[], title = 'ECS deploy', options: EcsSummaryOptions = {}): string {
  const mode = options.mode ?? 'deploy'
  const failures = results.filter((r) => FAILURES.includes(r.status))
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  const verdict = results.length === 0
    ? `➖ ${title}: nothing to deploy`
    : failures.length
      ? `❌ ${title}: ${failures.length} of ${results.length} failed`
      : `✅ ${title}: ${results.length} service${results.length === 1 ? '' : 's'} ${mode === 'rollback' ? 'rolled back' : 'deployed or unchanged'}`
  const lines = [`### ${verdict}`, '']
  if (failures.length) {
    lines.push('| failed | stage | why | what was done |', '|---|---|---|---|')
    for (const r of failures) lines.push(`| ${ICON[r.status]} \`${cell(r.service)}\` ${cell(revisionCell(r, mode))} | ${stageOf(r, mode)} | ${reasonCell(whyFailed(r))} | ${cell(whatWasDone(r, mode))} |`)
    lines.push('')
  }
  if (results.length) lines.push(ECS_STATUS_ORDER.filter((s) => counts.has(s)).map((s) => `${ICON[s]} ${counts.get(s)} ${s}`).join(' · '), '')
  const timeline = renderDeployTimeline(results, options)
  if (timeline) lines.push(timeline)
  if (results.length) {
    const ordered = [...failures, ...results.filter((r) => !FAILURES.includes(r.status))]
    lines.push(`<details${results.length <= 10 && failures.length === 0 ? ' open' : ''}><summary>Every service (${results.length})</summary>`, '')
    lines.push('| service | status | revision | reason |', '|---|---|---|---|')
    for (const r of ordered) lines.push(`| ${cell(r.service)} | ${ICON[r.status]} ${r.status} | ${cell(revisionCell(r, mode))} | ${reasonCell(r.reason ?? '')} |`)
    lines.push('', '</details>', '')
  }
  return `${lines.join('\n')}\n`
}

/** The order statuses are counted in: what went wrong first. */
const ECS_STATUS_ORDER: readonly EcsServiceStatus[] = ['failed', 'rollback-failed', 'rolled-back', 'skipped', 'deployed', 'would-deploy', 'unchanged']

/** The same as plain text for the terminal (`tierdeploy deploy`): one row per service, revisions in full. */
export function renderEcsResultText(results: EcsServiceResult[]): string {
  const rows = results.map((r) => [r.service, r.status, shortTaskDefinition(r.previousTaskDefinition), shortTaskDefinition(r.taskDefinition), r.reason ?? ''])
  const head = ['SERVICE', 'STATUS', 'BEFORE', 'AFTER', 'REASON']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const fmt = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()
  return [fmt(head), ...rows.map(fmt)].join('\n')
}

/** Bars per tier before its waves are summed up in one bar: a gantt stays readable at ~40 bars. */
export const TIMELINE_MAX_WAVE_BARS = 12

/** Mermaid gantt task names end at ':' and '#' starts a comment. */
function ganttLabel(text: string): string {
  return text.replace(/[:#;]/g, ' ')
}

/**
 * After a deploy, a Mermaid gantt of how long each tier and wave took, and the slowest rollouts (failures marked),
 * from the results' startedAt/settledAt. At most TIMELINE_MAX_WAVE_BARS waves per tier and `slowest` services are
 * bars, so 1,000 services draw a few dozen. Undefined when no result carries timings (a dry run, a rollback).
 */
export function renderDeployTimeline(results: EcsServiceResult[], options: Pick<EcsSummaryOptions, 'tiers' | 'slowest'> = {}): string | undefined {
  const timed = results.filter((r): r is EcsServiceResult & { startedAt: number; settledAt: number } => r.startedAt !== undefined && r.settledAt !== undefined)
  if (timed.length === 0) return undefined
  const byService = new Map(timed.map((r) => [r.service, r]))
  const tiers = options.tiers ?? [{ tier: 0, name: 'deploy', waves: [timed.map((r) => r.service)] }]
  const span = (names: string[]): [number, number] | undefined => {
    const members = names.map((n) => byService.get(n)).filter((r) => r !== undefined)
    if (members.length === 0) return undefined
    return [Math.min(...members.map((r) => r.startedAt)), Math.max(...members.map((r) => r.settledAt))]
  }
  const minutes = (ms: number): string => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${Math.round(ms / 1000)} s`)
  const lines = ['gantt', '  dateFormat x', '  axisFormat %H:%M', '  todayMarker off']
  for (const tier of tiers) {
    const whole = span(tier.waves.flat())
    if (!whole) continue
    lines.push(`  section ${ganttLabel(tier.tier ? `Tier ${tier.tier} ${tier.name}` : tier.name)}`)
    lines.push(`    ${ganttLabel(`whole tier, ${minutes(whole[1] - whole[0])}`)} :t${tier.tier}, ${whole[0]}, ${whole[1]}`)
    if (tier.waves.length > TIMELINE_MAX_WAVE_BARS) continue
    tier.waves.forEach((wave, i) => {
      const s = span(wave)
      if (!s) return
      const count = wave.filter((n) => byService.has(n)).length
      lines.push(`    ${ganttLabel(`wave ${i + 1} (${count}), ${minutes(s[1] - s[0])}`)} :t${tier.tier}w${i + 1}, ${s[0]}, ${s[1]}`)
    })
  }
  const slowest = [...timed].sort((a, b) => b.settledAt - b.startedAt - (a.settledAt - a.startedAt)).slice(0, options.slowest ?? 8)
  lines.push(`  section ${slowest.length} slowest`)
  slowest.forEach((r, i) => {
    const failed = FAILURES.includes(r.status)
    lines.push(`    ${ganttLabel(`${r.service}, ${minutes(r.settledAt - r.startedAt)}`)} :${failed ? 'crit, ' : ''}s${i + 1}, ${r.startedAt}, ${r.settledAt}`)
  })
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`
}
