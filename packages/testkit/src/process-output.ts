import type { ChildProcess } from 'node:child_process'

export interface ProcessOutput {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * What a spawned process printed and its exit status, without blocking this process's event loop (a fake control
 * plane in the test may have to answer it). A stream the test closed or read itself first yields what is left.
 */
export function outputOf(child: ChildProcess): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
