import type * as JsYaml from 'js-yaml'
import type { Problem } from './errors.js'
import { readSimpleYaml } from './fast-yaml.js'

export interface Source {
  file: string
  text: string
}

/** js-yaml, once a source needed it (prepareYaml). */
let jsYaml: typeof JsYaml | undefined
/** Hands js-yaml to parseYaml (full-yaml.ts, for synchronous callers). */
export function useJsYaml(module: typeof JsYaml): void {
  jsYaml ??= module
}

/** What prepareYaml's fast reading gave, handed out once by parseYaml (the caller may change the value). */
const prepared = new WeakMap<Source, unknown>()

/**
 * Readies parseYaml for these sources, which every caller awaits first: each is read by the fast reader now (and
 * parseYaml hands that value out instead of reading again), and js-yaml (130 KB of code) loads only when one of
 * them is outside the fast reader's plain YAML. Most runs never load it (issue 16).
 */
export async function prepareYaml(sources: readonly Source[]): Promise<void> {
  let needsFull = false
  for (const source of sources) {
    if (prepared.has(source)) continue
    const simple = readSimpleYaml(source.text)
    if (simple === undefined) needsFull = true
    else prepared.set(source, simple)
  }
  if (needsFull) jsYaml ??= await import('js-yaml')
}

/**
 * Parses YAML: the plain block YAML catalogs are written in by the fast reader (fast-yaml.ts), anything else,
 * and every syntax error, by js-yaml, which is several times faster than `yaml`'s positioned parser on large
 * catalogs (see README, Benchmarks). Line numbers for later problems are found only when there is one
 * (locate.ts). Duplicate keys are syntax errors here, which is how duplicate service names are caught.
 * Call `await prepareYaml([source])` first: without it a source outside the fast reader's YAML is a bug, reported as one.
 */
export function parseYaml(source: Source): { value?: unknown; problem?: Problem } {
  if (prepared.has(source)) {
    const value = prepared.get(source)
    prepared.delete(source)
    return { value }
  }
  const simple = readSimpleYaml(source.text)
  if (simple !== undefined) return { value: simple }
  if (!jsYaml) throw new Error(`internal error: ${source.file} needs the full YAML parser, which was not loaded: the caller must await prepareYaml first`)
  try {
    return { value: jsYaml.load(source.text) }
  } catch (e) {
    if (e instanceof jsYaml.YAMLException) {
      const mark = (e as unknown as { mark?: { line: number; column: number } }).mark
      const reason = (e as unknown as { reason?: string }).reason ?? e.message.split('\n')[0] ?? e.message
      return {
        problem: {
          file: source.file,
          severity: 'error',
          ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
          ...explainYamlError(reason, source.text, mark),
        },
      }
    }
    throw e
  }
}

/** js-yaml's reason restated for a catalog author, with what to do about it. */
function explainYamlError(reason: string, text: string, mark: { line: number; column: number } | undefined): { message: string; hint: string } {
  if (reason === 'duplicated mapping key') return { message: `duplicate key${duplicateKeyAt(text, mark)}`, hint: 'each service, alias and setting may appear only once' }
  if (/input is empty/.test(reason)) return { message: 'the file is empty', hint: 'the file must hold a YAML mapping; see catalog/schema.json' }
  if (/tab/.test(reason)) return { message: `YAML syntax error: ${reason}`, hint: 'indent with spaces, not tabs' }
  if (/null byte|non-printable/.test(reason)) return { message: `YAML syntax error: ${reason}`, hint: 'this does not look like a text file' }
  return { message: `YAML syntax error: ${reason}`, hint: 'fix the YAML here first: the other rules are checked once the file parses' }
}

/** The key js-yaml's mark points at, quoted for the message ('' when the line cannot be read). */
function duplicateKeyAt(text: string, mark: { line: number; column: number } | undefined): string {
  if (!mark) return ''
  const line = text.split('\n', mark.line + 1)[mark.line] ?? ''
  const leadingKey = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/
  const key = leadingKey.exec(line.slice(mark.column))?.[1] ?? leadingKey.exec(line)?.[1]
  return key ? ` '${key}'` : ''
}
