import type { EcsServiceResult } from '../ecs/index.js'
import type { GateReport } from './types.js'

const MARK = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** Markdown: the verdict, then one row per service and check (failures first, so the why is on top). */
export function renderGateTable(report: GateReport, title = 'health gate'): string {
  const failed = report.outcomes.filter((o) => o.status === 'failed')
  const rows = [...failed, ...report.outcomes.filter((o) => o.status !== 'failed')]
  const services = new Set(report.outcomes.map((o) => o.service)).size
  const head = report.passed
    ? `### ✅ ${title} passed: ${services} service${services === 1 ? '' : 's'} healthy`
    : `### ❌ ${title} failed: ${failed.length} check${failed.length === 1 ? '' : 's'} failed in ${new Set(failed.map((o) => o.service)).size} service${new Set(failed.map((o) => o.service)).size === 1 ? '' : 's'}`
  return [head, '', '| service | check | result | why |', '|---|---|---|---|', ...rows.map((o) => `| ${o.service} | ${o.check} | ${MARK[o.status]} | ${cell(o.detail)} |`), ''].join('\n')
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
