/** Effects that domain code receives instead of reaching for globals, so tests can supply their own. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  error(message: string): void
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, error() {} }

/** A logger that writes to a stream (the CLI's stderr), with debug lines only when asked. */
export function streamLogger(write: (line: string) => void, verbose = false): Logger {
  return {
    debug: (m) => { if (verbose) write(`debug: ${m}`) },
    info: (m) => write(m),
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
  }
}
