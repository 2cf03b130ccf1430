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
  constructor(readonly expression: string, message: string) {
    super(`${message} in \${{ ${expression} }}`)
    this.name = 'ExpressionFailure'
  }
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData
}

// A simulation evaluates every step of every matrix leg against the same needs/inputs/github objects; converting
// them once keeps a 1,000-leg matrix linear instead of re-serialising the plan's outputs for each expression.
const converted = new WeakMap<object, data.ExpressionData>()

function contextData(context: Record<string, unknown>): data.Dictionary {
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
  return dictionary
}

function fromData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown
}

/** Evaluates one expression (the text inside `${{ }}`) against plain-JSON contexts; returns plain JSON. */
export function evaluateExpression(expression: string, context: Record<string, unknown>, status: StatusFunctions = NO_STATUS): unknown {
  let tree
  try {
    tree = new Parser(new Lexer(expression).lex().tokens, CONTEXTS, STATUS_INFOS).parse()
  } catch (e) {
    throw new ExpressionFailure(expression, `cannot parse (${(e as Error).message})`)
  }
  const functions = new Map(STATUS_NAMES.map((name) => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status[name]()) }]))
  try {
    return fromData(new Evaluator(tree, contextData(context), functions).evaluate())
  } catch (e) {
    throw new ExpressionFailure(expression, (e as Error).message)
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
