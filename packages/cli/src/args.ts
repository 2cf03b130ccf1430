import { parseArgs, type ParseArgsConfig } from 'node:util'
import { closestNames } from '@tierdeploy/catalog'
import { UsageError } from './cli-io.js'

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number]

export type Options = NonNullable<ParseArgsConfig['options']>

/** Parses flags strictly; an unknown flag or a missing value is a UsageError that suggests the near flag. */
export function parseFlags<O extends Options>(args: string[], options: O): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    // No command takes positional arguments: a stray word (`plan auth` for `plan --service auth`) is a mistake to
    // report, not something to ignore.
    const { values, positionals, tokens } = parseArgs({ args, options, strict: true, allowPositionals: false, tokens: true })
    refuseRepeatedValues(tokens, options)
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals }
  } catch (e) {
    if (e instanceof UsageError) throw e
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

/**
 * A single-value flag given twice (`--tier 1 --tier 2`) would silently keep the last: refuse it, naming the flag.
 * Repeating a switch (`--json --json`) changes nothing and is accepted.
 */
function refuseRepeatedValues(tokens: Token[], options: Options): void {
  const seen = new Map<string, string>()
  for (const token of tokens) {
    if (token.kind !== 'option' || options[token.name]?.type !== 'string' || options[token.name]?.multiple) continue
    const earlier = seen.get(token.name)
    if (earlier !== undefined) throw new UsageError(`--${token.name} is given twice (${earlier} and ${token.value ?? ''}): it takes one value; give it once`)
    seen.set(token.name, token.value ?? '')
  }
}

/** Refuses flags that are alternatives to each other (`--env` or `--ref`), naming both. */
export function refuseTogether(values: Record<string, unknown>, a: string, b: string, why: string): void {
  if (values[a] !== undefined && values[b] !== undefined) throw new UsageError(`give --${a} or --${b}, not both: ${why}`)
}
