import { spawn } from 'node:child_process'
import { ConfigurationError } from '@tierdeploy/catalog'

export interface ExecOptions {
  cwd?: string
  /** Written to the child's stdin, then stdin is closed (how secrets reach `docker login`: never in argv). */
  stdin?: string
  env?: NodeJS.ProcessEnv
  /** Called with each line the child prints (stdout and stderr), to stream long builds into the log. */
  onLine?: (line: string) => void
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs a program with an argument array (no shell, so nothing a user writes is ever parsed by one). */
export type Exec = (file: string, args: string[], options?: ExecOptions) => Promise<ExecResult>

export const spawnExec: Exec = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false })
    let stdout = ''
    let stderr = ''
    const lines = (append: (text: string) => void) => {
      let partial = ''
      return (chunk: Buffer) => {
        const text = chunk.toString('utf8')
        append(text)
        if (!options.onLine) return
        const parts = (partial + text).split('\n')
        partial = parts.pop() ?? ''
        for (const line of parts) options.onLine(line)
      }
    }
    child.stdout.on('data', lines((t) => (stdout += t)))
    child.stderr.on('data', lines((t) => (stderr += t)))
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new ConfigurationError(`${file} is not installed or not on PATH: this step runs it, so use a runner that has it (GitHub's ubuntu runners have git, docker and buildx)`) : e))
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }))
    child.stdin.on('error', () => {}) // a child that exits without reading stdin must not crash us with EPIPE
    child.stdin.end(options.stdin ?? '')
  })

/** The command line as a person would type it, for error messages (never includes stdin). */
export function describeCommand(file: string, args: string[]): string {
  return [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}
