/** `terraform output -json`: name -> { sensitive, type, value }. */
export type OutputJson = Record<string, { sensitive: boolean; type?: unknown; value: unknown }>

export interface SplitOutputs {
  /** Non-sensitive outputs, name -> value: what the `outputs` output carries. */
  values: Record<string, unknown>
  /** Sensitive outputs, omitted from `values`. */
  sensitive: string[]
  /** Every string a sensitive value contains (and its JSON form), for the runner to mask in logs. */
  secrets: string[]
}

function stringLeaves(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value)
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value))
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, into)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringLeaves(v, into)
}

export function splitOutputs(outputs: OutputJson): SplitOutputs {
  const values: Record<string, unknown> = {}
  const sensitive: string[] = []
  const secrets = new Set<string>()
  for (const [name, output] of Object.entries(outputs)) {
    if (!output.sensitive) {
      values[name] = output.value
      continue
    }
    sensitive.push(name)
    const leaves: string[] = []
    stringLeaves(output.value, leaves)
    if (typeof output.value === 'object' && output.value !== null) leaves.push(JSON.stringify(output.value))
    // Masking "1" or "true" would blank every such character in the log; a secret that short is not a secret.
    for (const leaf of leaves) if (leaf.length >= 4) secrets.add(leaf)
  }
  return { values, sensitive: sensitive.sort(), secrets: [...secrets] }
}
