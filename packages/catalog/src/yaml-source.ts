import { load, YAMLException } from 'js-yaml'
import type { Problem } from './errors.js'

export interface Source {
  file: string
  text: string
}

/**
 * Parses YAML with js-yaml, which is several times faster than `yaml`'s positioned parser on large catalogs
 * (see README, Benchmarks). Line numbers for later problems are found only when there is one (locate.ts).
 * Duplicate keys are syntax errors here, which is how duplicate service names are caught.
 */
export function parseYaml(source: Source): { value?: unknown; problem?: Problem } {
  try {
    return { value: load(source.text) }
  } catch (e) {
    if (e instanceof YAMLException) {
      const mark = (e as unknown as { mark?: { line: number; column: number } }).mark
      const reason = (e as unknown as { reason?: string }).reason ?? e.message.split('\n')[0]
      return {
        problem: {
          file: source.file,
          severity: 'error',
          message: `YAML syntax error: ${reason}`,
          ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
          ...(reason === 'duplicated mapping key' ? { hint: 'each service, alias and setting may appear only once' } : {}),
        },
      }
    }
    throw e
  }
}
