import type { Problem } from './errors.js'
import type { Source } from './yaml-source.js'

/**
 * Fills in line and column for problems that carry a key path. Loads the positioned `yaml` parser only here,
 * when there is something to report, so a clean catalog never pays for it.
 */
export async function locateProblems(problems: Problem[], sources: Source[]): Promise<void> {
  const pending = problems.filter((p) => p.path && p.line === undefined)
  if (pending.length === 0) return
  const { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar } = await import('yaml')
  const byFile = new Map(sources.map((s) => [s.file, s]))
  const docs = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: InstanceType<typeof LineCounter> }>()
  // Each mapping's keys indexed once: a catalog with every path missing has one problem per service, and a linear
  // search per problem made a 100,000-service file take minutes.
  const indexes = new WeakMap<object, Map<string, unknown>>()
  const pairOf = (map: { items: unknown[] }, key: string): unknown => {
    let index = indexes.get(map)
    if (!index) {
      index = new Map()
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p)
      indexes.set(map, index)
    }
    return index.get(key)
  }
  for (const problem of pending) {
    const source = byFile.get(problem.file)
    if (!source) continue
    let parsed = docs.get(problem.file)
    if (!parsed) {
      const lines = new LineCounter()
      parsed = { doc: parseDocument(source.text, { lineCounter: lines, uniqueKeys: false }), lines }
      docs.set(problem.file, parsed)
    }
    // Walk as far down the path as the document goes; report the deepest node found (its key for unknown keys).
    let node: unknown = parsed.doc.contents
    let offset: number | undefined = (node as { range?: number[] } | null)?.range?.[0]
    for (const [i, key] of problem.path!.entries()) {
      const last = i === problem.path!.length - 1
      if (isMap(node)) {
        const pair = pairOf(node, String(key))
        if (!isPair(pair)) break
        const keyNode = pair.key as { range?: number[] }
        offset = keyNode.range?.[0] ?? offset
        if (last && problem.atKey) break
        node = pair.value
        const valueRange = (node as { range?: number[] } | null)?.range
        if (last && valueRange) offset = valueRange[0]
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key]
        offset = (node as { range?: number[] } | null)?.range?.[0] ?? offset
      } else break
    }
    if (offset !== undefined) {
      const pos = parsed.lines.linePos(offset)
      problem.line = pos.line
      problem.column = pos.col
    }
  }
}
