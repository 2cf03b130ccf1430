import { writeSync } from 'node:fs'

/** Writes text to one of the process's output streams. */
export type Write = (text: string) => void

/** What fdOutput needs of the process: injected so tests can give short writes, EAGAIN and EPIPE on demand. */
export interface FdEffects {
  writeSync(fd: number, text: string | Uint8Array): number
  /** process.stdout or process.stderr: made only when a direct write cannot finish (see fdOutput). */
  stream(): { write(chunk: string | Uint8Array): unknown }
}

/**
 * Writes straight to file descriptor `fd` (1 or 2), as process.stdout and process.stderr do on Linux, where they are
 * synchronous for files, pipes and terminals. Creating those streams loads Node's net and tty modules, about 10 ms of
 * every CLI run (issue 16); a direct write needs neither.
 *
 * - A short write, or EAGAIN (a non-blocking pipe that is full, shared with a parent process), hands the rest, and
 *   every later write, to the stream, which waits until the pipe drains: nothing is lost and the order is kept.
 * - EPIPE (the reader has gone, as in `tierdeploy plan --json | head -1`) drops this and every later write quietly,
 *   as command-line tools do, instead of failing with a stack trace.
 * - Any other error is thrown: it is not a reader's choice.
 */
export function fdOutput(fd: number, effects: FdEffects): Write {
  let stream: ReturnType<FdEffects['stream']> | undefined
  let closed = false
  return (text) => {
    if (closed) return
    if (stream) {
      stream.write(text)
      return
    }
    try {
      const written = effects.writeSync(fd, text)
      if (written < Buffer.byteLength(text)) {
        stream = effects.stream()
        stream.write(Buffer.from(text).subarray(written))
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EPIPE') closed = true
      else if (code === 'EAGAIN') (stream = effects.stream()).write(text)
      else throw error
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
