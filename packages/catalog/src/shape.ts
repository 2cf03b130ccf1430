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
  checkOf(schema)(value, { up: undefined, key: undefined, prefix: path }, undefined, issues)
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

/**
 * A schema turned into a function that checks `value`, found under `key` of the container at `parent` (for the
 * root: the root and no key), compiled once per schema object.
 */
type Check = (value: unknown, parent: At, key: string | number | undefined, issues: ShapeIssue[]) => void
const compiled = new WeakMap<JsonSchema, Check>()

/**
 * The check for `schema`. Each schema is read once, into a function that does only what that schema asks (a
 * string's pattern, a mapping's known keys): a 10,000-service catalog checks about 50,000 values, and looking the
 * rules up in the schema for every value was most of the time (issue 16).
 */
function checkOf(schema: JsonSchema): Check {
  const known = compiled.get(schema)
  if (known) return known
  // A schema that contains itself gets this forwarder while it compiles.
  const slot: { check?: Check } = {}
  compiled.set(schema, (value, parent, key, issues) => slot.check!(value, parent, key, issues))
  slot.check = compile(schema)
  compiled.set(schema, slot.check)
  return slot.check
}

function compile(schema: JsonSchema): Check {
  if (schema.anyOf) {
    const alternatives = schema.anyOf.map(checkOf)
    const forms = schema.anyOf.map((s) => (s.type === 'object' ? `{ ${Object.keys(s.properties ?? {}).join(', ')}: ... }` : s.type)).join(' or ')
    return (value, parent, key, issues) => {
      for (const alternative of alternatives) {
        const trial: ShapeIssue[] = []
        alternative(value, parent, key, trial)
        if (trial.length === 0) return
      }
      issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not valid here`, hint: `expected ${forms}` })
    }
  }
  const type = schema.type
  const mismatch = (value: unknown, actual: string, parent: At, key: string | number | undefined, issues: ShapeIssue[]): void => {
    issues.push({ path: pathOf(parent, key), message: `expected ${typeLabel(type!)}, found ${actual === 'null' ? 'nothing' : `${typeLabel(actual)} ${describe(value)}`}` })
  }
  const checkString = stringCheck(schema)
  // The usual leaf, a string with no enum: one typeof, then its length or pattern.
  if (type === 'string' && !schema.enum) {
    return (value, parent, key, issues) => {
      if (typeof value === 'string') checkString(value, parent, key, issues)
      else mismatch(value, typeOf(value), parent, key, issues)
    }
  }
  const enumValues = schema.enum
  const enumNames = enumValues?.map(String)
  const { minimum, maximum, minItems } = schema
  const items = schema.items ? checkOf(schema.items) : undefined
  const checkObject = objectCheck(schema)
  return (value, parent, key, issues) => {
    const actual = typeOf(value)
    if (type && !matchesType(type, actual)) return mismatch(value, actual, parent, key, issues)
    if (enumValues && !enumValues.includes(value as string | number | boolean)) {
      const hint = typeof value === 'string' ? didYouMean(value, enumNames!) : undefined
      issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not one of ${enumValues.map((e) => JSON.stringify(e)).join(', ')}`, ...(hint ? { hint } : {}) })
      return
    }
    if (typeof value === 'string') return checkString(value, parent, key, issues)
    if (typeof value === 'number') {
      if (minimum !== undefined && value < minimum) issues.push({ path: pathOf(parent, key), message: `${value} is below the minimum ${minimum}` })
      if (maximum !== undefined && value > maximum) issues.push({ path: pathOf(parent, key), message: `${value} is above the maximum ${maximum}` })
      return
    }
    if (Array.isArray(value)) {
      if (minItems !== undefined && value.length < minItems) issues.push({ path: pathOf(parent, key), message: `needs at least ${minItems} item(s)` })
      if (items && value.length > 0) {
        const here: At = key === undefined ? parent : { up: parent, key }
        for (let i = 0; i < value.length; i++) items(value[i], here, i, issues)
      }
      return
    }
    if (actual === 'object') checkObject(value as Record<string, unknown>, parent, key, issues)
  }
}

function stringCheck(schema: JsonSchema): (value: string, parent: At, key: string | number | undefined, issues: ShapeIssue[]) => void {
  const { minLength } = schema
  const pattern = schema.pattern ? regex(schema.pattern) : undefined
  const noun = schema.description ? nounOf(schema.description) : 'value'
  return (value, parent, key, issues) => {
    if (minLength !== undefined && value.length < minLength) issues.push({ path: pathOf(parent, key), message: 'must not be empty' })
    else if (pattern && !pattern.test(value)) issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not a valid ${noun}`, hint: `must match ${schema.pattern}` })
  }
}

function objectCheck(schema: JsonSchema): (record: Record<string, unknown>, parent: At, key: string | number | undefined, issues: ShapeIssue[]) => void {
  const required = schema.required
  const names = schema.propertyNames?.pattern ? regex(schema.propertyNames.pattern) : undefined
  const properties = new Map<string, Check>()
  for (const name of Object.keys(schema.properties ?? {})) properties.set(name, checkOf(schema.properties![name]!))
  const propertyNames = [...properties.keys()]
  const additional = schema.additionalProperties
  const other = typeof additional === 'object' ? checkOf(additional) : undefined
  return (record, parent, key, issues) => {
    const here: At = key === undefined ? parent : { up: parent, key }
    if (required) for (const name of required) if (!(name in record)) issues.push({ path: pathOf(here, undefined), message: `missing required key '${name}'` })
    const keys = Object.keys(record)
    for (let k = 0; k < keys.length; k++) {
      const name = keys[k]!
      if (names && !names.test(name)) {
        issues.push({ path: pathOf(here, name), atKey: true, message: `'${name}' is not a valid name`, hint: 'use lower-case letters, digits and dashes' })
      }
      const check = properties.get(name)
      if (check) check(record[name], here, name, issues)
      else if (additional === false) {
        const hint = didYouMean(name, propertyNames)
        issues.push({ path: pathOf(here, name), atKey: true, message: `unknown key '${name}'`, ...(hint ? { hint } : {}) })
      } else if (other) other(record[name], here, name, issues)
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
