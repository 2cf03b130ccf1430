import { parseArgs, type ParseArgsConfig } from 'node:util'
import { closestNames } from '@tierdeploy/catalog'
import { UsageError } from './cli-io.js'

export type Options = NonNullable<ParseArgsConfig['options']>

/** Parses flags strictly; an unknown flag or a missing value is a UsageError that suggests the near flag. */
export function parseFlags<O extends Options>(args: string[], options: O): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    // No command takes positional arguments: a stray word (`plan auth` for `plan --service auth`) is a mistake to
    // report, not something to ignore.
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: false })
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals }
  } catch (e) {
    const message = (e as Error).message
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1]
    if (unknown) {
      const near = closestNames(unknown.replace(/^-+/, ''), Object.keys(options))
      throw new UsageError(`unknown option ${unknown}${near.length ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : ''}`)
    }
    const stray = /Unexpected argument '([^']*)'/.exec(message)?.[1]
    if (stray !== undefined) throw new UsageError(`unexpected argument '${stray}': this command takes only --options${/^[a-z0-9-]+$/.test(stray) ? ` (a service is named with --service ${stray})` : ''}`)
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''))
  }
}

export function stringFlag(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}
