import type { EcsServiceResult } from './types.js'
import { taskDefinitionName } from './rollout.js'

const ICON: Record<EcsServiceResult['status'], string> = {
  deployed: '✅',
  unchanged: '➖',
  'would-deploy': '📝',
  failed: '❌',
  'rolled-back': '↩️',
  'rollback-failed': '🔥',
  skipped: '⏭️',
}

/** `family:revision` of a task definition ARN (the ARN's prefix adds nothing in a table). */
export function shortTaskDefinition(arn: string | undefined): string {
  return arn ? taskDefinitionName(arn) : ''
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The job-summary table: one row per service, what it ran before, what it runs now, and why. */
export function renderEcsResultTable(results: EcsServiceResult[], title = 'ECS deploy'): string {
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  const lines = [
    `### ${title}`,
    '',
    [...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'nothing to deploy',
    '',
    '| service | status | before | after | reason |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${cell(r.service)} | ${ICON[r.status]} ${r.status} | ${cell(shortTaskDefinition(r.previousTaskDefinition))} | ${cell(shortTaskDefinition(r.taskDefinition))} | ${cell(r.reason ?? '')} |`),
  ]
  return `${lines.join('\n')}\n`
}

/** The same as plain text for the terminal. */
export function renderEcsResultText(results: EcsServiceResult[]): string {
  const rows = results.map((r) => [r.service, r.status, shortTaskDefinition(r.previousTaskDefinition), shortTaskDefinition(r.taskDefinition), r.reason ?? ''])
  const head = ['SERVICE', 'STATUS', 'BEFORE', 'AFTER', 'REASON']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const fmt = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()
  return [fmt(head), ...rows.map(fmt)].join('\n')
}
