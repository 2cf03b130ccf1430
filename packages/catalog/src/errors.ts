/** Where a problem is: a file and, when known, the 1-based line and column of the offending YAML node. */
export interface Location {
  file: string
  line?: number
  column?: number
}

export type Severity = 'error' | 'warning'

/** One thing wrong with the user's configuration, with where it is and what would be right. */
export interface Problem extends Location {
  severity: Severity
  message: string
  hint?: string
  /** Path of keys from the document root, used to find the line lazily. */
  path?: (string | number)[]
  /** The problem is the key itself (an unknown key), so its line is the key's, not its value's. */
  atKey?: boolean
}

/**
 * A mistake the user can fix (bad input, unknown service, missing file), as opposed to a bug in tierdeploy.
 * Entry points print its message without a stack trace; bugs keep theirs.
 */
export class ConfigurationError extends Error {
  readonly problems: Problem[]
  constructor(message: string, problems: Problem[] = []) {
    super(message)
    this.name = 'ConfigurationError'
    this.problems = problems
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file
  return `${where}: ${p.severity}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`
}

export function isConfigurationError(e: unknown): e is ConfigurationError {
  return e instanceof ConfigurationError || (e instanceof Error && e.name === 'ConfigurationError')
}
