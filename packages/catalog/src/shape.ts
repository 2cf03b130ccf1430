import type { JsonSchema } from './schema.js'
import { didYouMean } from './suggest.js'

export interface ShapeIssue {
  path: (string | number)[]
  message: string
  hint?: string
  /** The problem is the key itself (an unknown key), not its value: locate the key. */
  atKey?: boolean
}

const patterns = new Map<string, RegExp>()
function regex(p: string): RegExp {
  let r = patterns.get(p)
  if (!r) patterns.set(p, (r = new RegExp(p)))
  return r
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function matchesType(expected: JsonSchema['type'], actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer')
}

/** Type names as a YAML author knows them (a mapping, a list), not JSON Schema's (object, array). */
function typeLabel(type: string): string {
  const labels: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', null: 'nothing' }
  return labels[type] ?? type
}

function describe(v: unknown): string {
  const s = JSON.stringify(v)
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s
}

/**
 * Checks `value` against the subset of JSON Schema that catalog/schema.ts uses, collecting every issue
 * (never stopping at the first), each with the path of keys that leads to it.
 */
export function checkShape(value: unknown, schema: JsonSchema, path: (string | number)[] = [], issues: ShapeIssue[] = []): ShapeIssue[] {
  walk(value, schema, { up: undefined, key: undefined, prefix: path }, undefined, issues)
  return issues
}

/**
 * Where a container is, as a chain of keys up to the root. A value is checked as (its container, its key), and
 * the path array is built only for an issue: a 10,000-service catalog allocates nothing per scalar it checks.
 */
interface At {
  up: At | undefined
  key: string | number | undefined
  /** The root's path (checkShape's `path`). */
  prefix?: (string | number)[]
}

function pathOf(at: At, key: string | number | undefined): (string | number)[] {
  const keys: (string | number)[] = key === undefined ? [] : [key]
  let node: At | undefined = at
  for (; node?.up !== undefined; node = node.up) keys.push(node.key!)
  return [...(node?.prefix ?? []), ...keys.reverse()]
}

/** Checks `value`, found under `key` of the container at `parent` (for the root: the root and no key). */
function walk(value: unknown, schema: JsonSchema, parent: At, key: string | number | undefined, issues: ShapeIssue[]): void {
  if (schema.anyOf) {
    const fits = schema.anyOf.some((s) => {
      const trial: ShapeIssue[] = []
      walk(value, s, parent, key, trial)
      return trial.length === 0
    })
    if (!fits) {
      const forms = schema.anyOf.map((s) => (s.type === 'object' ? `{ ${Object.keys(s.properties ?? {}).join(', ')}: ... }` : s.type)).join(' or ')
      issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not valid here`, hint: `expected ${forms}` })
    }
    return
  }
  const actual = typeOf(value)
  if (schema.type && !matchesType(schema.type, actual)) {
    issues.push({ path: pathOf(parent, key), message: `expected ${typeLabel(schema.type)}, found ${actual === 'null' ? 'nothing' : `${typeLabel(actual)} ${describe(value)}`}` })
    return
  }
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) {
    const hint = typeof value === 'string' ? didYouMean(value, schema.enum.map(String)) : undefined
    issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`, ...(hint ? { hint } : {}) })
    return
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) issues.push({ path: pathOf(parent, key), message: 'must not be empty' })
    else if (schema.pattern && !regex(schema.pattern).test(value)) {
      issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not a valid ${schema.description ? nounOf(schema.description) : 'value'}`, hint: `must match ${schema.pattern}` })
    }
    return
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) issues.push({ path: pathOf(parent, key), message: `${value} is below the minimum ${schema.minimum}` })
    if (schema.maximum !== undefined && value > schema.maximum) issues.push({ path: pathOf(parent, key), message: `${value} is above the maximum ${schema.maximum}` })
    return
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) issues.push({ path: pathOf(parent, key), message: `needs at least ${schema.minItems} item(s)` })
    const items = schema.items
    if (items && value.length > 0) {
      const here: At = key === undefined ? parent : { up: parent, key }
      for (let i = 0; i < value.length; i++) walk(value[i], items, here, i, issues)
    }
    return
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>
    const here: At = key === undefined ? parent : { up: parent, key }
    if (schema.required) {
      for (const name of schema.required) if (!(name in record)) issues.push({ path: pathOf(here, undefined), message: `missing required key '${name}'` })
    }
    const names = schema.propertyNames?.pattern ? regex(schema.propertyNames.pattern) : undefined
    const properties = schema.properties
    const additional = schema.additionalProperties
    const keys = Object.keys(record)
    for (let k = 0; k < keys.length; k++) {
      const name = keys[k]!
      if (names && !names.test(name)) {
        issues.push({ path: pathOf(here, name), atKey: true, message: `'${name}' is not a valid name`, hint: 'use lower-case letters, digits and dashes' })
      }
      const known = properties !== undefined && Object.hasOwn(properties, name) ? properties[name] : undefined
      if (known) walk(record[name], known, here, name, issues)
      else if (additional === false) {
        const hint = didYouMean(name, Object.keys(properties ?? {}))
        issues.push({ path: pathOf(here, name), atKey: true, message: `unknown key '${name}'`, ...(hint ? { hint } : {}) })
      } else if (typeof additional === 'object') walk(record[name], additional, here, name, issues)
    }
  }
}

/**
 * A schema description as the noun after "a valid": without its article ("An SSM parameter ARN" read "a valid an
 * ...") or final period; only a capitalised first word is lower-cased, so AWS, SSM and Secrets Manager keep theirs.
 */
function nounOf(description: string): string {
  const noun = description.replace(/\.$/, '').replace(/^(an?|the) /i, '')
  return noun.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())
}
