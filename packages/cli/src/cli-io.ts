import type { CatalogCache, LoadOptions } from '@tierdeploy/catalog'

/** What a command may touch of the process, so tests run commands in-process and read what they printed. */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: NodeJS.ProcessEnv
  /** Where validated catalogs are kept between runs (set by the real entry point; tests leave it out). */
  catalogCache?: CatalogCache
  /** stderr is a terminal: `deploy` redraws a live progress view there (unset: not a terminal, plain lines). */
  isTTY?: boolean
  /** The terminal's width in columns, read when the live view redraws (long lines are cut, never wrapped). */
  columns?: number
  /** Writes to stderr as given, with no newline added: the live view's cursor movements. */
  stderrRaw?(text: string): void
  /** Told the catalog's length before it is loaded (the real entry point prepares the heap for a large one). */
  beforeCatalogLoad?(sourceLength: number): void
}

/** What every command passes to loadCatalog from the process: the kept catalogs and the heap's preparation. */
export function catalogLoadOptions(io: CliIO): Pick<LoadOptions, 'cache' | 'beforeLoad'> {
  return { ...(io.catalogCache ? { cache: io.catalogCache } : {}), ...(io.beforeCatalogLoad ? { beforeLoad: io.beforeCatalogLoad } : {}) }
}

/** A mistake in how the command was called (unknown flag, missing value): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
