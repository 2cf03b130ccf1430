import { Evaluator, Lexer, Parser, data } from '@actions/expressions'

/** Every context a workflow expression may read; the parser rejects any other name. */
const CONTEXTS = ['github', 'inputs', 'vars', 'needs', 'steps', 'matrix', 'strategy', 'env', 'job', 'jobs', 'runner', 'secrets']

/** GitHub's status functions, which @actions/expressions leaves to the host because they depend on run state. */
export interface StatusFunctions {
  success(): boolean
  failure(): boolean
  cancelled(): boolean
  always(): boolean
}

const STATUS_NAMES = ['success', 'failure', 'cancelled', 'always'] as const
const STATUS_INFOS = STATUS_NAMES.map((name) => ({ name, minArgs: 0, maxArgs: 0 }))

export const NO_STATUS: StatusFunctions = { success: () => true, failure: () => false, cancelled: () => false, always: () => true }

export class ExpressionFailure extends Error {
  constructor(readonly expression: string, message: string, options?: { cause?: unknown }) {
    super(`${message} in \${{ ${expression} }}`, options)
    this.name = 'ExpressionFailure'
  }
}

/** A value no expression may read, such as a job output that matrix legs set to different values. */
export class UnreadableValue extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableValue'
  }
}

/** A dictionary whose guarded keys throw when an expression reads them, one by one or all at once (.*, toJSON). */
class GuardedDictionary extends data.Dictionary {
  constructor(private readonly guards: Map<string, string>) {
    super()
  }

  override get(key: string): data.ExpressionData | undefined {
    const message = this.guards.get(key.toLowerCase())
    if (message !== undefined) throw new UnreadableValue(message)
    return super.get(key)
  }

  override values(): data.ExpressionData[] {
    this.refuse()
    return super.values()
  }

  override pairs(): ReturnType<data.Dictionary['pairs']> {
    this.refuse()
    return super.pairs()
  }

  private refuse(): void {
    const [first] = this.guards.values()
    if (first !== undefined) throw new UnreadableValue(first)
  }
}

/**
 * Prepares a context object (needs, jobs) so that expressions reading any of `guards` (paths inside it) fail with
 * its message. Returns the same object: its expression data is cached by identity, as for every context.
 */
export function guardContext<T extends object>(value: T, guards: Array<{ path: string[]; message: string }>): T {
  if (guards.length === 0) return value
  const convert = (v: unknown, path: string[]): data.ExpressionData => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return toData(v)
    const here = new Map(guards.filter((g) => g.path.length === path.length + 1 && path.every((p, i) => g.path[i] === p)).map((g) => [g.path[path.length]!.toLowerCase(), g.message]))
    const dictionary = here.size ? new GuardedDictionary(here) : new data.Dictionary()
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) dictionary.add(key, convert(child, [...path, key]))
    return dictionary
  }
  converted.set(value, convert(value, []))
  return value
}

/** Plain JSON as expression data, as JSON.parse with data.reviver would give it (undefined members dropped). */
function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null()
  if (typeof value === 'string') return new data.StringData(value)
  if (typeof value === 'boolean') return new data.BooleanData(value)
  if (typeof value === 'number') return Number.isFinite(value) ? new data.NumberData(value) : new data.Null()
  if (Array.isArray(value)) {
    const array = new data.Array()
    for (const item of value) array.add(toData(item))
    return array
  }
  const dictionary = new data.Dictionary()
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) if (member !== undefined) dictionary.add(key, toData(member))
  return dictionary
}

// A simulation evaluates every step of every matrix leg against the same needs/inputs/github objects; converting
// them once keeps a 1,000-leg matrix linear instead of re-serialising the plan's outputs for each expression. A
// context object, and every object in it, is converted the first time an expression reads it: the simulator builds
// a new object rather than change one it has evaluated against.
const converted = new WeakMap<object, data.ExpressionData>()
const dictionaries = new WeakMap<object, data.Dictionary>()

function contextData(context: Record<string, unknown>): data.Dictionary {
  const known = dictionaries.get(context)
  if (known) return known
  const dictionary = new data.Dictionary()
  for (const [key, value] of Object.entries(context)) {
    if (value === null || typeof value !== 'object') {
      dictionary.add(key, toData(value))
      continue
    }
    let d = converted.get(value)
    if (!d) {
      d = toData(value)
      converted.set(value, d)
    }
    dictionary.add(key, d)
  }
  dictionaries.set(context, dictionary)
  return dictionary
}

/** Parsed expressions by text: a matrix job evaluates the same few expressions once per leg. */
const parsed = new Map<string, ReturnType<Parser['parse']>>()
const PARSED_LIMIT = 10_000

function parse(expression: string): ReturnType<Parser['parse']> {
  let tree = parsed.get(expression)
  if (!tree) {
    tree = new Parser(new Lexer(expression).lex().tokens, CONTEXTS, STATUS_INFOS).parse()
    if (parsed.size >= PARSED_LIMIT) parsed.clear()
    parsed.set(expression, tree)
  }
  return tree
}

function fromData(value: data.ExpressionData): unknown {
  if (value instanceof data.StringData || value instanceof data.BooleanData) return value.value
  if (value instanceof data.Null) return null
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown
}

/** Evaluates one expression (the text inside `${{ }}`) against plain-JSON contexts; returns plain JSON. */
export function evaluateExpression(expression: string, context: Record<string, unknown>, status: StatusFunctions = NO_STATUS): unknown {
  let tree
  try {
    tree = parse(expression)
  } catch (e) {
    throw new ExpressionFailure(expression, `cannot parse (${(e as Error).message})`)
  }
  const functions = new Map(STATUS_NAMES.map((name) => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status[name]()) }]))
  try {
    return fromData(new Evaluator(tree, contextData(context), functions).evaluate())
  } catch (e) {
    throw new ExpressionFailure(expression, (e as Error).message, { cause: e })
  }
}

/** GitHub's truthiness: false, 0, '', null are false; everything else (including '0' and 'false') is true. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0) return false
  return !(typeof value === 'number' && Number.isNaN(value))
}

/** GitHub's string coercion of an expression result, as written to an output, env variable or input. */
export function coerceString(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return JSON.stringify(value, null, 2)
}
