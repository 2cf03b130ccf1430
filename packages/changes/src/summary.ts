import type { DetectedChanges } from './detect.js'
import type { ChangeReason, FileList } from './model.js'

function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``
}

function fileList(list: { count: number; files: string[] }): string {
  const shown = list.files.slice(0, 3).map(code).join(', ')
  return list.count > 3 ? `${shown} and ${list.count - 3} more` : shown
}

/** One reason in words, for the summary table and the CLI's text output. */
export function describeReason(r: ChangeReason, markdown = true): string {
  const q = markdown ? code : (s: string) => s
  const files = (l: FileList): string => (markdown ? fileList(l) : `${l.files.slice(0, 3).join(', ')}${l.count > 3 ? ` and ${l.count - 3} more` : ''}`)
  switch (r.kind) {
    case 'files':
      return `${r.count} file${r.count === 1 ? '' : 's'}: ${files(r)}`
    case 'build':
      return `${r.count} build file${r.count === 1 ? '' : 's'} (Dockerfile, build context): ${files(r)}`
    case 'library':
      return `library ${q(r.library)} changed${r.via.length ? ` (via ${r.via.map(q).join(' → ')})` : ''}`
    case 'global':
      return `global path${r.count === 1 ? '' : 's'}: ${files(r)}`
    case 'definition':
      return `definition changed in ${q(r.file)}`
    case 'everything':
      return r.because
    case 'deleted':
      return r.path !== undefined ? `directory ${q(r.path)} deleted` : `removed from ${q(r.file ?? 'the catalog')}`
  }
}

/** The job summary of detect-changed-services. */
export function renderChangeSummary(d: DetectedChanges): string {
  const lines = ['### Changed services', '']
  const range = d.mode === 'changes' ? ` (${code(`${d.base!.slice(0, 12)}..${d.head!.slice(0, 12)}`)}, ${d.files} changed path${d.files === 1 ? '' : 's'})` : ''
  lines.push(`${d.why.charAt(0).toUpperCase()}${d.why.slice(1)}${range}.`, '')
  if (d.mode === 'inputs') return `${lines.join('\n')}\n`
  if (d.services.length) {
    lines.push(`${d.services.length} service${d.services.length === 1 ? '' : 's'} to deploy:`, '', '| Service | Why |', '| --- | --- |')
    for (const name of d.services) lines.push(`| ${code(name)} | ${d.reasons[name]!.map((r) => describeReason(r)).join('; ')} |`)
    lines.push('')
  } else lines.push('No service to deploy.', '')
  if (d.deleted.length) {
    lines.push(`Deleted, never deployed: ${d.deleted.map((n) => `${code(n)} (${d.reasons[n]!.map((r) => describeReason(r)).join('; ')})`).join(', ')}.`, '')
  }
  if (d.libraries.length) lines.push(`Changed libraries: ${d.libraries.map(code).join(', ')}.`, '')
  if (d.infrastructure) lines.push(`Infrastructure changed${d.infrastructureFiles.count ? `: ${fileList(d.infrastructureFiles)}` : ' (an infrastructure entry\'s path)'}.`, '')
  if (d.unclaimed.count) lines.push(`${d.unclaimed.count} changed path${d.unclaimed.count === 1 ? '' : 's'} affect no service (outside every service, or ignored): ${fileList(d.unclaimed)}.`, '')
  return `${lines.join('\n')}\n`
}
