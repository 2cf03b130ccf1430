import { spawn } from 'node:child_process'
import { ConfigurationError } from '@tierdeploy/catalog'

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Called with each complete stdout line as it arrives, so a 20-minute apply shows progress. */
  onStdoutLine?: (line: string) => void
}

/** Runs a program with an argument vector (never a shell string) and resolves with its exit code and output. */
export type Exec = (file: string, args: readonly string[], options: ExecOptions) => Promise<ExecResult>

/** The real exec, on child_process.spawn without a shell: user input reaches terraform only as separate argv entries. */
export const spawnExec: Exec = (file, args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, shell: false, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk)
      if (!options.onStdoutLine) return
      pending += chunk.toString('utf8')
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) options.onStdoutLine(line)
    })
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new ConfigurationError(`'${file}' was not found on PATH: install terraform ≥ 1.10 first (for example with hashicorp/setup-terraform)`))
      } else reject(error)
    })
    child.on('close', (code, signal) => {
      if (pending && options.onStdoutLine) options.onStdoutLine(pending)
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      })
    })
  })
