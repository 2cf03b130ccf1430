/** GitHub rejects a matrix that expands to more jobs than this. */
export const MATRIX_LIMIT = 256

/** Every combination of a matrix, with include and exclude applied as GitHub does. */
export function expandMatrix(matrix: unknown): Array<Record<string, unknown>> {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error(`strategy.matrix must be a mapping, got ${JSON.stringify(matrix)}`)
  const { include, exclude, ...vectors } = matrix as Record<string, unknown>
  const keys = Object.keys(vectors)
  let combos: Array<Record<string, unknown>> = keys.length ? [{}] : []
  for (const key of keys) {
    const values = vectors[key]
    if (!Array.isArray(values)) throw new Error(`matrix vector '${key}' must be a sequence`)
    combos = combos.flatMap((c) => values.map((v: unknown) => ({ ...c, [key]: v })))
  }
  const matches = (combo: Record<string, unknown>, partial: Record<string, unknown>) =>
    Object.entries(partial).every(([k, v]) => JSON.stringify(combo[k]) === JSON.stringify(v))
  for (const ex of asList(exclude, 'exclude')) combos = combos.filter((c) => !matches(c, ex))
  const base = combos.length
  for (const inc of asList(include, 'include')) {
    // An include extends every original combination it does not contradict; otherwise it is a new combination.
    let merged = false
    for (let i = 0; i < base; i++) {
      const combo = combos[i]!
      if (keys.every((k) => !(k in inc) || JSON.stringify(inc[k]) === JSON.stringify(combo[k]))) {
        combos[i] = { ...combo, ...inc }
        merged = true
      }
    }
    if (!merged) combos.push({ ...inc })
  }
  return combos
}

function asList(value: unknown, name: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new Error(`matrix ${name} must be a sequence, got ${JSON.stringify(value)}`)
  return value as Array<Record<string, unknown>>
}

/** A job's outputs from its matrix legs, and the outputs that legs set to different non-empty values. */
export interface MergedOutputs {
  outputs: Record<string, string>
  /** Output name -> the distinct non-empty values the legs set, in leg order; only outputs with two or more. */
  conflicts: Record<string, string[]>
}

/**
 * With a matrix, GitHub combines the outputs of every leg, and a name that several legs set holds whichever leg
 * finished last, in an order GitHub does not guarantee ("Passing information between jobs: Using job outputs in a
 * matrix job"). An empty value never replaces a set one (the leg did not set it). Two legs that set different
 * non-empty values leave an output whose value is a race: reported as a conflict, never picked.
 */
export function mergeLegOutputs(legs: Array<Record<string, string> | undefined>): MergedOutputs {
  const outputs: Record<string, string> = {}
  const values = new Map<string, Set<string>>()
  for (const leg of legs) {
    for (const [name, value] of Object.entries(leg ?? {})) {
      if (value === '') {
        if (!(name in outputs)) outputs[name] = ''
        continue
      }
      outputs[name] = value
      let seen = values.get(name)
      if (!seen) values.set(name, (seen = new Set()))
      seen.add(value)
    }
  }
  const conflicts: Record<string, string[]> = {}
  for (const [name, seen] of values) if (seen.size > 1) conflicts[name] = [...seen]
  return { outputs, conflicts }
}
