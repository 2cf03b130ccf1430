import { writeSync } from 'node:fs'

/** Writes text to one of the process's output streams. */
export type Write = (text: string) => void

/** What fdOutput needs of the process: injected so tests can give short writes, EAGAIN and EPIPE on demand. */
export interface FdEffects {
  writeSync(fd: number, text: string | Uint8Array): number
  /** process.stdout or process.stderr: made only when a direct write cannot finish (see fdOutput). */
  stream(): { write(chunk: string | Uint8Array): unknown; on(event: 'error', listener: (error: Error) => void): unknown }
}

/**
 * Writes straight to file descriptor `fd` (1 or 2), as process.stdout and process.stderr do on Linux, where they are
 * synchronous for files, pipes and terminals. Creating those streams loads Node's net and tty modules, about 10 ms of
 * every CLI run (issue 16); a direct write needs neither.
 *
 * - A short write is continued until every byte is written.
 * - EAGAIN (a non-blocking pipe that is full, shared with a parent process) hands the rest, and every later write, to
 *   the stream, which waits until the pipe drains: nothing is lost and the order is kept.
 * - EPIPE (the reader has gone, as in `tierdeploy plan --json | head -1`), on a direct write or in the stream, drops
 *   this and every later write quietly, as command-line tools do, instead of failing with a stack trace.
 * - Any other error is thrown: it is not a reader's choice.
 */
export function fdOutput(fd: number, effects: FdEffects): Write {
  let stream: ReturnType<FdEffects['stream']> | undefined
  let closed = false
  const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException | undefined)?.code
  const failed = (error: unknown, rest: string | Uint8Array): void => {
    if (codeOf(error) === 'EPIPE') closed = true
    else if (codeOf(error) !== 'EAGAIN') throw error
    else {
      stream = effects.stream()
      stream.on('error', (e) => {
        if (codeOf(e) !== 'EPIPE') throw e
        closed = true
      })
      stream.write(rest)
    }
  }
  return (text) => {
    if (closed) return
    if (stream) {
      stream.write(text)
      return
    }
    let written: number
    try {
      written = effects.writeSync(fd, text)
    } catch (error) {
      failed(error, text)
      return
    }
    const total = Buffer.byteLength(text)
    if (written >= total) return
    const bytes = Buffer.from(text)
    while (written < total) {
      try {
        written += effects.writeSync(fd, bytes.subarray(written))
      } catch (error) {
        failed(error, bytes.subarray(written))
        return
      }
    }
  }
}

/** The CLI's stdout and stderr. */
export function processOutputs(): { stdout: Write; stderr: Write } {
  return {
    stdout: fdOutput(1, { writeSync, stream: () => process.stdout }),
    stderr: fdOutput(2, { writeSync, stream: () => process.stderr }),
  }
}
