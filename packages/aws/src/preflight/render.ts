import { FINDING_STATUSES, PREFLIGHT_CHECKS, type FindingStatus, type PreflightFinding, type PreflightReport } from './types.js'

const ICON: Record<FindingStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', unknown: '❔' }

/** Findings in report order: by check, then failures first, then by resource. */
export function sortFindings(findings: PreflightFinding[]): PreflightFinding[] {
  const rank = (f: PreflightFinding): [number, number] => [PREFLIGHT_CHECKS.indexOf(f.check), FINDING_STATUSES.indexOf(f.status)]
  return [...findings].sort((a, b) => {
    const [ca, sa] = rank(a)
    const [cb, sb] = rank(b)
    return ca - cb || sa - sb || a.resource.localeCompare(b.resource)
  })
}

/** "preflight failed: 2 fail, 1 unknown, 14 pass" */
export function preflightVerdict(report: PreflightReport): string {
  const counts = FINDING_STATUSES.map((s) => [s, report.findings.filter((f) => f.status === s).length] as const).filter(([, n]) => n > 0)
  const tally = counts.map(([s, n]) => `${n} ${s}`).join(', ') || 'nothing to check'
  return `preflight of ${report.environment} (cluster ${report.cluster}, ${report.services.length} service(s)) ${report.ok ? 'passed' : 'failed'}: ${tally}`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/**
 * The report as a terminal table or a Markdown table (job summary). `onlyProblems` leaves out the passes, as a
 * deploy prints it: what would fail, and what could not be checked.
 */
export function renderPreflight(report: PreflightReport, format: 'table' | 'markdown', options: { onlyProblems?: boolean } = {}): string {
  const findings = sortFindings(report.findings).filter((f) => !options.onlyProblems || f.status !== 'pass')
  if (format === 'markdown') {
    const lines = [
      `### ${report.ok ? '✅' : '❌'} ${preflightVerdict(report)}`,
      '',
      ...(findings.length
        ? ['| check | status | resource | services | finding |', '|---|---|---|---|---|', ...findings.map((f) => `| ${f.check} | ${ICON[f.status]} ${f.status} | ${cell(f.resource)} | ${cell((f.services ?? []).join(', '))} | ${cell(f.message)} |`)]
        : []),
    ]
    return `${lines.join('\n')}\n`
  }
  const head = ['CHECK', 'STATUS', 'RESOURCE', 'SERVICES', 'FINDING']
  const rows = findings.map((f) => [f.check, f.status.toUpperCase(), f.resource, (f.services ?? []).join(','), f.message])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const fmt = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()
  return [...(rows.length ? [fmt(head), ...rows.map(fmt), ''] : []), preflightVerdict(report)].join('\n')
}
