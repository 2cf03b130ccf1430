/**
 * What a repository path in the catalog names: a directory (a service's `path`), a build context (a directory
 * that may be the repository root), a file (`build.dockerfile`) or a glob (`watch`, `globalPaths`).
 */
export type RepoPathKind = 'directory' | 'context' | 'file' | 'glob'

export type NormalisedRepoPath = { path: string } | { problem: string; hint: string }

/**
 * The one form of a repository-relative path that every package compares and matches against: `./auth`,
 * `auth/` and `auth//x` are `auth` and `auth/x`, and the repository root (a build context of `.`) is `.`.
 * Git reports changed files in exactly this form, so a path written any other way would never match one
 * (issue 13). What cannot be read as a path inside the repository is refused, saying what to write instead:
 * an absolute path, a `..` segment (and so any path that leaves the repository), a `.` segment after the start,
 * a backslash in a path (the separator is `/`; in a glob it escapes), or the root where a directory is needed.
 *
 * `root` is the repository root on disk, to suggest the relative form of an absolute path inside it.
 */
export function normaliseRepoPath(value: string, kind: RepoPathKind, root?: string): NormalisedRepoPath {
  // Most paths are already in their one form: relative, '/' between non-empty segments, no '.' or '..'.
  if (isCanonicalRepoPath(value)) return { path: value }
  if (kind !== 'glob' && value.includes('\\')) {
    return { problem: `'${value}' uses \\ between directories`, hint: `write '${value.replace(/\\+/g, '/')}': catalog paths use /` }
  }
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) {
    const inside = root !== undefined && value.startsWith(`${root.replace(/\/+$/, '')}/`) ? value.slice(root.replace(/\/+$/, '').length + 1) : value.replace(/^([A-Za-z]:)?[\\/]+/, '')
    return { problem: `'${value}' is an absolute path`, hint: `paths are relative to the repository root${root ? ` (${root})` : ''}: write '${normalisedOrSelf(inside, kind, root)}'` }
  }
  // A leading ./ (or ././) is the common way of saying "relative"; empty segments come from // and a trailing /.
  const segments = value.split('/').filter((s) => s !== '')
  while (segments[0] === '.') segments.shift()
  if (segments.includes('..')) {
    const resolved: string[] = []
    for (const s of segments) {
      if (s === '.') continue
      if (s !== '..') resolved.push(s)
      else if (resolved.pop() === undefined) {
        return { problem: `'${value}' leaves the repository`, hint: 'paths are relative to the repository root, and code outside the repository can be neither built nor watched for changes: move it into the repository' }
      }
    }
    return { problem: `'${value}' has a '..' segment`, hint: `write '${resolved.join('/') || '.'}'` }
  }
  if (segments.includes('.')) return { problem: `'${value}' has a '.' segment`, hint: `write '${segments.filter((s) => s !== '.').join('/') || '.'}'` }
  if (segments.length === 0) {
    if (kind === 'context') return { path: '.' }
    return {
      problem: `'${value}' is the repository root`,
      hint: kind === 'directory' ? "name the directory of the code, e.g. 'services/auth': a service at the root would own every file" : kind === 'file' ? "name the file, e.g. 'docker/auth.Dockerfile'" : "name files under the root, e.g. '**/*.proto'",
    }
  }
  return { path: segments.join('/') }
}

/** Whether the path is already what normaliseRepoPath would make of it (checked without splitting it). */
export function isCanonicalRepoPath(value: string): boolean {
  // One pass over the characters: no backslash, no empty, '.' or '..' segment, not absolute (/x, C:/x).
  const n = value.length
  if (n === 0 || value.charCodeAt(0) === 47 || value.charCodeAt(n - 1) === 47) return false
  if (n >= 3 && value.charCodeAt(1) === 58 && value.charCodeAt(2) === 47 && /^[A-Za-z]/.test(value)) return false
  let segmentStart = 0
  for (let i = 0; i <= n; i++) {
    const c = i < n ? value.charCodeAt(i) : 47
    if (c === 92) return false
    if (c !== 47) continue
    const length = i - segmentStart
    if (length === 0) return false
    if (value.charCodeAt(segmentStart) === 46 && (length === 1 || (length === 2 && value.charCodeAt(segmentStart + 1) === 46))) return false
    segmentStart = i + 1
  }
  return true
}

/** The suggestion for an absolute path: its relative form when that is valid, else as written. */
function normalisedOrSelf(value: string, kind: RepoPathKind, root?: string): string {
  const n = normaliseRepoPath(value, kind, root)
  return 'path' in n ? n.path : value
}
