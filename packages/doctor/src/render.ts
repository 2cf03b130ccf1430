import { formatProblem } from '@tierdeploy/catalog'
import type { DoctorResult } from './doctor.js'
import type { Finding } from './finding.js'

/** A finding without the internal key path: the documented JSON shape. */
export function findingJson(f: Finding): Omit<Finding, 'path' | 'atKey'> {
  const { path: _path, atKey: _atKey, ...rest } = f
  return rest
}

export function doctorJson(result: DoctorResult): { ok: boolean; errors: number; warnings: number; scanned: DoctorResult['scanned']; findings: Omit<Finding, 'path' | 'atKey'>[] } {
  return { ok: result.errors === 0, errors: result.errors, warnings: result.warnings, scanned: result.scanned, findings: result.findings.map(findingJson) }
}

function counts(result: DoctorResult): string {
  return `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`
}

/** One line per finding, `file:line: severity: message (hint) [check]`, then a count. */
export function renderDoctorText(result: DoctorResult): string {
  const lines = result.findings.map((f) => `${formatProblem(f)} [${f.check}]`)
  const scanned = result.scanned.services ? `; scanned ${result.scanned.files} files of ${result.scanned.services} services${result.scanned.skipped ? ` (${result.scanned.skipped} skipped: large, binary or over the limit)` : ''}` : ''
  lines.push(`${result.findings.length ? '' : 'No problems found: '}${counts(result)}${scanned}`)
  return `${lines.join('\n')}\n`
}

/** The job summary: a table of findings. */
export function renderDoctorSummary(result: DoctorResult): string {
  const out = [`### tierdeploy doctor: ${counts(result)}`, '']
  if (result.findings.length === 0) return `${out.join('\n')}No problems found.\n`
  out.push('| Severity | Check | Service | Where | Finding |', '| --- | --- | --- | --- | --- |')
  const cell = (s: string): string => s.replace(/\|/g, '\\|')
  for (const f of result.findings) {
    out.push(`| ${f.severity} | ${f.check} | ${f.service ? `\`${f.service}\`` : ''} | ${f.file}${f.line ? `:${f.line}` : ''} | ${cell(f.message)}${f.hint ? `: ${cell(f.hint)}` : ''} |`)
  }
  return `${out.join('\n')}\n`
}
