import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ConfigurationError } from '@tierdeploy/catalog'
import type { ActionIO } from './io.js'

/**
 * Input readers. Each rejects a malformed value with a message naming the input and the expected form,
 * instead of quietly falling back to a default (a typo in `rollback-on-failure` must not turn it off).
 */
export function readString(io: ActionIO, name: string, options: { required?: boolean; default?: string } = {}): string {
  const value = io.getInput(name)
  if (value) return value
  if (options.required) throw new ConfigurationError(`input '${name}' is required`)
  return options.default ?? ''
}

export function readBoolean(io: ActionIO, name: string, fallback: boolean): boolean {
  const value = io.getInput(name)
  if (value === '') return fallback
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new ConfigurationError(`input '${name}' must be true or false, got '${value}'`)
}

export function readInteger(io: ActionIO, name: string, options: { default?: number; min?: number; max?: number } = {}): number | undefined {
  const value = io.getInput(name)
  if (value === '') return options.default
  if (!/^-?\d+$/.test(value)) throw new ConfigurationError(`input '${name}' must be a whole number, got '${value}'`)
  const n = Number(value)
  if ((options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
    throw new ConfigurationError(`input '${name}' must be between ${options.min ?? '-∞'} and ${options.max ?? '∞'}, got ${n}`)
  }
  return n
}

export function readChoice<T extends string>(io: ActionIO, name: string, choices: readonly T[], fallback: T): T {
  const value = io.getInput(name)
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new ConfigurationError(`input '${name}' must be one of ${choices.join(', ')}, got '${value}'`)
}

export function readJson<T = unknown>(io: ActionIO, name: string): T | undefined {
  const value = io.getInput(name)
  if (value === '') return undefined
  try {
    return JSON.parse(value) as T
  } catch (e) {
    throw new ConfigurationError(`input '${name}' is not valid JSON (${(e as Error).message}): ${value.length > 80 ? `${value.slice(0, 77)}...` : value}`)
  }
}

/** A list given as a JSON array or as comma/newline separated text. */
export function readList(io: ActionIO, name: string): string[] | undefined {
  const value = io.getInput(name)
  if (value === '') return undefined
  if (value.startsWith('[')) {
    const parsed = readJson<unknown>(io, name)
    if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) throw new ConfigurationError(`input '${name}' must be a JSON array of strings`)
    return parsed as string[]
  }
  return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)
}

/**
 * An input naming a JSON file (relative to the working directory, the workspace on a runner): its path and parsed
 * content, or undefined when not given. Data too large for an input goes through a file: GitHub passes each input as
 * an environment variable, and Linux refuses one over 128 KiB.
 */
export function readJsonFile<T = unknown>(io: ActionIO, name: string): { path: string; value: T } | undefined {
  const path = io.getInput(name)
  if (path === '') return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as { code?: string }).code
    throw new ConfigurationError(`input '${name}': cannot read ${path} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (e as Error).message}); give the path of a JSON file, relative to the workspace`)
  }
  try {
    return { path, value: JSON.parse(text) as T }
  } catch (e) {
    throw new ConfigurationError(`input '${name}': ${path} is not valid JSON (${(e as Error).message})`)
  }
}

/** Writes text to the file an input names, creating its directories; a path that cannot be written is the input's mistake. */
export function writeInputFile(name: string, path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  } catch (e) {
    throw new ConfigurationError(`input '${name}': cannot write ${path} (${(e as Error).message})`)
  }
}
