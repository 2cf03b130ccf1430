import type { EcsServiceResult } from '../ecs/index.js'
import type { GateReport } from './types.js'

const MARK = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/**
 * Markdown: the verdict, then one row per failed check (the why on top), counts, and every other check collapsed
 * (a 1,000-service gate has 3,000 rows).
 */
export function renderGateTable(report: GateReport, title = 'health gate'): string {
  const failed = report.outcomes.filter((o) => o.status === 'failed')
  const rest = report.outcomes.filter((o) => o.status !== 'failed')
  const services = new Set(report.outcomes.map((o) => o.service)).size
  const failedServices = new Set(failed.map((o) => o.service)).size
  const head = report.passed
    ? `### ✅ ${title} passed: ${services} service${services === 1 ? '' : 's'} healthy`
    : `### ❌ ${title} failed: ${failed.length} check${failed.length === 1 ? '' : 's'} failed in ${failedServices} service${failedServices === 1 ? '' : 's'}`
  const row = (o: GateReport['outcomes'][number]): string => `| ${o.service} | ${o.check} | ${MARK[o.status]} | ${cell(o.detail)} |`
  const lines = [head, '']
  if (failed.length) lines.push('| service | check | result | why |', '|---|---|---|---|', ...failed.map(row), '')
  const counts = (['failed', 'passed', 'skipped'] as const).map((s) => [s, report.outcomes.filter((o) => o.status === s).length] as const).filter(([, n]) => n > 0)
  if (counts.length) lines.push(`${counts.map(([s, n]) => `${MARK[s]}: ${n}`).join(' · ')} (checks, in ${report.seconds.toFixed(0)} s)`, '')
  if (rest.length) {
    lines.push(`<details${rest.length <= 10 && failed.length === 0 ? ' open' : ''}><summary>${failed.length ? `The other check${rest.length === 1 ? '' : 's'}` : `Every check`} (${rest.length})</summary>`, '')
    lines.push('| service | check | result | why |', '|---|---|---|---|', ...rest.map(row), '', '</details>', '')
  }
  return lines.join('\n')
}

/** Plain text for the CLI: aligned columns, failures first. */
export function renderGateText(report: GateReport): string {
  const rows = [...report.outcomes.filter((o) => o.status === 'failed'), ...report.outcomes.filter((o) => o.status !== 'failed')]
  const w1 = Math.max(7, ...rows.map((o) => o.service.length))
  const w2 = Math.max(5, ...rows.map((o) => o.check.length))
  const lines = [`${'SERVICE'.padEnd(w1)}  ${'CHECK'.padEnd(w2)}  RESULT   WHY`, ...rows.map((o) => `${o.service.padEnd(w1)}  ${o.check.padEnd(w2)}  ${o.status.padEnd(7)}  ${o.detail}`)]
  lines.push('', report.passed ? `health gate passed in ${report.seconds.toFixed(0)} s` : `health gate FAILED: ${rows.filter((o) => o.status === 'failed').length} failed check(s)`)
  return lines.join('\n')
}

/** Markdown: what a failed gate's rollback put back, and on which revision. */
export function renderRollbackTable(results: EcsServiceResult[]): string {
  if (results.length === 0) return '\nNothing to roll back: no service of this deploy had a previous revision.\n'
  const rows = results.map((r) => `| ${r.service} | ${r.status === 'rolled-back' ? '↩️ rolled back' : `❌ ${r.status}`} | ${r.taskDefinition?.split('/').at(-1) ?? ''} | ${cell(r.reason ?? '')} |`)
  return ['', '#### Rollback', '', '| service | result | revision | why |', '|---|---|---|---|', ...rows, ''].join('\n')
}
