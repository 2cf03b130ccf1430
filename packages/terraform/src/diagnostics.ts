import { posix } from 'node:path'
import { ConfigurationError, type Problem } from '@tierdeploy/catalog'

/** One diagnostic from terraform's machine-readable UI (`-json`) or `validate -json`. */
export interface Diagnostic {
  severity: 'error' | 'warning'
  summary: string
  detail: string
  range?: { filename: string; start: { line: number; column: number } }
}

/** One line of terraform's `-json` UI stream; only the fields tierdeploy reads. */
export interface UiMessage {
  '@level'?: string
  '@message'?: string
  type?: string
  diagnostic?: Diagnostic
  changes?: { add: number; change: number; remove: number; import?: number; operation?: string }
}

/**
 * The JSON lines of a `-json` run. Terraform still writes a few human lines into that stream (init's coloured
 * "Successfully configured the backend" banner), so lines that are not JSON objects are skipped.
 */
export function parseUiStream(text: string): UiMessage[] {
  const messages: UiMessage[] = []
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (!trimmed.startsWith('{')) continue
    try {
      messages.push(JSON.parse(trimmed) as UiMessage)
    } catch {
      // A partial or human line that happens to start with '{': not a UI message.
    }
  }
  return messages
}

export function diagnosticsIn(messages: UiMessage[]): Diagnostic[] {
  return messages.flatMap((m) => (m.type === 'diagnostic' && m.diagnostic ? [m.diagnostic] : []))
}

/**
 * Diagnostics terraform printed as text (on stderr, or without `-json`): the boxed "Error: summary" blocks,
 * with "on FILE line N" when terraform gives a location. Used only when no JSON diagnostic came out.
 */
export function parseTextDiagnostics(text: string): Diagnostic[] {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/^[│╷╵]\s?/gm, '')
  const found: Diagnostic[] = []
  const blocks = plain.split(/^(?=(?:Error|Warning): )/m)
  for (const block of blocks) {
    const head = /^(Error|Warning): (.*)$/m.exec(block)
    if (!head) continue
    const rest = block.slice(head.index + head[0].length).trim()
    const at = /^\s*on (.+?) line (\d+)/m.exec(rest)
    found.push({
      severity: head[1] === 'Error' ? 'error' : 'warning',
      summary: head[2]!.trim(),
      detail: rest.replace(/^\s*on .+? line \d+.*$/m, '').trim(),
      ...(at ? { range: { filename: at[1]!, start: { line: Number(at[2]), column: 1 } } } : {}),
    })
  }
  return found
}

/** Who holds a state lock, from the "Lock Info:" block terraform prints (local, S3 lock file and DynamoDB alike). */
export interface LockInfo {
  id?: string
  path?: string
  operation?: string
  who?: string
  version?: string
  created?: string
  info?: string
}

export function parseLockInfo(detail: string): LockInfo | undefined {
  const start = detail.indexOf('Lock Info:')
  if (start < 0) return undefined
  const fields: Record<string, keyof LockInfo> = { ID: 'id', Path: 'path', Operation: 'operation', Who: 'who', Version: 'version', Created: 'created', Info: 'info' }
  const info: LockInfo = {}
  for (const line of detail.slice(start).split('\n').slice(1)) {
    const m = /^\s+(ID|Path|Operation|Who|Version|Created|Info):[ \t]*(.*)$/.exec(line)
    if (!m) {
      if (line.trim() === '') continue
      break
    }
    const value = m[2]!.trim()
    if (value) info[fields[m[1]!]!] = value
  }
  return info
}

/** Where a diagnostic points, relative to the repository: terraform reports files relative to its working directory. */
export function diagnosticProblem(d: Diagnostic, workingDirectory: string): Problem {
  return {
    file: d.range ? posix.normalize(posix.join(workingDirectory.replace(/\\/g, '/'), d.range.filename)) : workingDirectory,
    ...(d.range ? { line: d.range.start.line, column: d.range.start.column } : {}),
    severity: d.severity,
    message: d.detail ? `${d.summary}: ${oneLine(d.detail)}` : d.summary,
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim()
}

/** The state is locked by another run and stayed locked for the whole lock-timeout. */
export class StateLockedError extends ConfigurationError {
  readonly lock: LockInfo
  constructor(message: string, lock: LockInfo) {
    super(message)
    this.name = 'ConfigurationError'
    this.lock = lock
  }
}

/** A saved plan that can no longer be applied (state changed since) or is not the plan that was reviewed. */
export class StalePlanError extends ConfigurationError {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

export interface FailureContext {
  /** The terraform subcommand that failed, for the message. */
  command: string
  workingDirectory: string
  lockTimeout?: string
  exitCode: number
  stderr: string
}

/**
 * The error for a failed terraform command, from its diagnostics: a held lock names who holds it and since when,
 * a stale saved plan says to re-plan, and configuration errors carry file and line (as problems, so the step
 * annotates the file in the pull request).
 */
export function terraformFailure(diagnostics: Diagnostic[], ctx: FailureContext): ConfigurationError {
  const all = diagnostics.length ? diagnostics : parseTextDiagnostics(ctx.stderr)
  const errors = all.filter((d) => d.severity === 'error')

  const lock = errors.find((d) => /acquiring the state lock/i.test(d.summary))
  if (lock) {
    const info = parseLockInfo(lock.detail) ?? {}
    const holder = info.who ?? 'an unknown holder'
    const since = info.created ? ` since ${info.created}` : ''
    const what = info.operation ? ` (${info.operation.replace(/^OperationType/, '').toLowerCase()}${info.version ? `, terraform ${info.version}` : ''})` : ''
    const waited = ctx.lockTimeout ? ` after waiting ${ctx.lockTimeout} (lock-timeout)` : ''
    const unlock = info.id ? `; if that run is gone, release it with \`terraform force-unlock ${info.id}\` in ${ctx.workingDirectory}` : ''
    return new StateLockedError(`terraform ${ctx.command} in ${ctx.workingDirectory}: the state is locked by ${holder}${since}${what}${waited}${unlock}`, info)
  }

  if (errors.some((d) => /saved plan is stale/i.test(d.summary))) {
    return new StalePlanError(
      `terraform ${ctx.command} in ${ctx.workingDirectory}: the saved plan is stale (the state changed after it was made); re-plan, review the new plan, and apply that one`,
    )
  }

  const shown = errors.length ? errors : all
  const problems = shown.map((d) => diagnosticProblem(d, ctx.workingDirectory))
  const lines = problems.map((p) => `${p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}: ` : ''}${p.message}`)
  const tail = ctx.stderr.trim().split('\n').slice(-10).join('\n')
  const body = lines.length ? lines.join('\n') : tail || `exit code ${ctx.exitCode}, no diagnostics`
  return new ConfigurationError(`terraform ${ctx.command} failed in ${ctx.workingDirectory}:\n${body}`, problems.filter((p) => p.line !== undefined))
}
