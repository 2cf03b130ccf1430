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

/**
 * Each service's reasons in words, plain text: what resolve-graph and `tierdeploy plan --base` put in the plan's
 * "why" (`changed: 2 files: services/a/x.ts, services/a/y.ts`). A kind this version does not know is shown by name.
 */
export function reasonsInWords(reasons: Record<string, ChangeReason[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(reasons).map(([service, list]) => [service, list.map((r) => describeReason(r, false) ?? r.kind)]))
}

/**
 * The job summary of detect-changed-services: the verdict (how many services deploy), the range, counts by reason,
 * then the services with their reasons (collapsed past 20 rows), deletions, libraries and infrastructure.
 */
export function renderChangeSummary(d: DetectedChanges): string {
  const n = d.services.length
  const verdict = d.mode === 'inputs' ? 'no change-based selection' : n ? `${n} service${n === 1 ? '' : 's'} to deploy` : 'no service to deploy'
  const lines = [`### Changed services: ${verdict}`, '']
  const range = d.mode === 'changes' ? ` (${code(`${d.base!.slice(0, 12)}..${d.head!.slice(0, 12)}`)}, ${d.files} changed path${d.files === 1 ? '' : 's'})` : ''
  lines.push(`${d.why.charAt(0).toUpperCase()}${d.why.slice(1)}${range}.`, '')
  if (d.mode === 'inputs') return `${lines.join('\n')}\n`
  if (n) {
    const kinds = new Map<string, number>()
    for (const name of d.services) for (const kind of new Set(d.reasons[name]!.map((r) => r.kind))) kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    lines.push(`Why: ${[...kinds].map(([kind, count]) => `${count} by ${KIND_WORDS[kind] ?? kind}`).join(', ')}.`, '')
    lines.push(`<details${n <= 20 ? ' open' : ''}><summary>${n} service${n === 1 ? '' : 's'} and why</summary>`, '', '| Service | Why |', '| --- | --- |')
    for (const name of d.services) lines.push(`| ${code(name)} | ${d.reasons[name]!.map((r) => describeReason(r)).join('; ')} |`)
    lines.push('', '</details>', '')
  }
  if (d.deleted.length) {
    lines.push(`Deleted, never deployed: ${d.deleted.map((name) => `${code(name)} (${d.reasons[name]!.map((r) => describeReason(r)).join('; ')})`).join(', ')}.`, '')
  }
  if (d.libraries.length) lines.push(`Changed libraries: ${d.libraries.map(code).join(', ')}.`, '')
  if (d.infrastructure) lines.push(`Infrastructure changed${d.infrastructureFiles.count ? `: ${fileList(d.infrastructureFiles)}` : ' (an infrastructure entry\'s path)'}.`, '')
  if (d.unclaimed.count) lines.push(`${d.unclaimed.count} changed path${d.unclaimed.count === 1 ? '' : 's'} affect no service (outside every service, or ignored): ${fileList(d.unclaimed)}.`, '')
  return `${lines.join('\n')}\n`
}

/** A reason kind in the counts line ("12 by files, 3 by library"). */
const KIND_WORDS: Record<string, string> = {
  files: 'their files',
  build: 'build files',
  library: 'a library',
  global: 'a global path',
  definition: 'their catalog definition',
  everything: 'a first deploy (everything)',
}
