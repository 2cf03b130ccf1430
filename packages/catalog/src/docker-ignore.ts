/**
 * What a `.dockerignore` keeps out of a build context, read the way Docker reads it (moby/patternmatcher, which
 * BuildKit uses): one pattern a line, `#` at the start of a line a comment, a leading `!` an exception, patterns
 * cleaned like Go's filepath.Clean (`./a/` is `a`, a leading `/` dropped). `*` and `?` stop at `/`, `**` crosses
 * it, `[...]` is a class, `\` escapes. Patterns apply in order and the last that matches a path, or one of the
 * directories above it, decides: `*` then `!src` keeps `src/a.ts`.
 *
 * A pattern Docker would refuse (an unclosed `[`) matches nothing here: the build fails on it anyway, and a file
 * that is wrongly counted as an input costs a rebuild, never a missed change.
 *
 * Returns whether a path relative to the context is excluded.
 */
export function dockerIgnoreMatcher(text: string): (path: string) => boolean {
  const patterns = readPatterns(text).flatMap((p) => {
    const regex = patternRegex(p.pattern)
    return regex ? [{ exception: p.exception, regex }] : []
  })
  if (patterns.length === 0) return () => false
  return (path) => {
    const dirs = path.split('/').slice(0, -1)
    let excluded = false
    for (const p of patterns) {
      // An exclusion only matters once the path is excluded, an exception only once it is.
      if (p.exception !== excluded) continue
      let match = p.regex.test(path)
      for (let i = 1; !match && i <= dirs.length; i++) match = p.regex.test(dirs.slice(0, i).join('/'))
      if (match) excluded = !p.exception
    }
    return excluded
  }
}

function readPatterns(text: string): { pattern: string; exception: boolean }[] {
  const out: { pattern: string; exception: boolean }[] = []
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.startsWith('#')) continue
    let line = raw.trim()
    if (line === '') continue
    const exception = line.startsWith('!')
    if (exception) line = line.slice(1).trim()
    if (line === '') continue // a lone `!` is refused by Docker
    let pattern = goClean(line)
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    out.push({ pattern, exception })
  }
  return out
}

/** Go's path.Clean: no empty or `.` segments, `..` resolved where it can be, `.` for nothing. */
function goClean(path: string): string {
  const rooted = path.startsWith('/')
  const out: string[] = []
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue
    if (s === '..' && out.length > 0 && out.at(-1) !== '..') out.pop()
    else if (s !== '..' || !rooted) out.push(s)
  }
  const joined = out.join('/')
  return rooted ? `/${joined}` : joined || '.'
}

/** A character that matches itself in a regular expression. */
function literal(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch
}

/** moby/patternmatcher's translation of a pattern into a regular expression. */
function patternRegex(pattern: string): RegExp | undefined {
  let source = '^'
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (inClass) {
      if (ch === '\\' && i + 1 < pattern.length) source += literal(pattern[++i]!)
      else {
        if (ch === ']') inClass = false
        source += ch
      }
    } else if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++
        if (pattern[i + 1] === '/') i++
        source += i + 1 >= pattern.length ? '.*' : '(.*/)?'
      } else source += '[^/]*'
    } else if (ch === '?') source += '[^/]'
    else if (ch === '\\') source += literal(i + 1 < pattern.length ? pattern[++i]! : '\\')
    else if (ch === '[') {
      inClass = true
      source += ch
    } else source += literal(ch)
  }
  if (inClass) return undefined
  try {
    return new RegExp(`${source}$`)
  } catch {
    return undefined
  }
}
