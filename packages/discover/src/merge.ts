import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { ConfigurationError } from '@tierdeploy/catalog'
import { describeEvidence } from './evidence.js'
import type { Discovery, Edge, Unit } from './model.js'
import { entryInputs, renderEntries, type EntryInput } from './render.js'

export interface MergeResult {
  /** The catalog text: the existing text unchanged but for the added entries and the notes on missing ones. */
  text: string
  /** Entries added, with their discovered names. */
  added: string[]
  /** Entries whose directory is gone: a comment is added above each (once); they are not removed. */
  missing: { name: string; path: string }[]
  /** Evidence that an existing entry needs an added one: not written, since existing entries are the user's. */
  notes: string[]
}

const MISSING_NOTE = '# tierdeploy init --update:'
const repoPath = (p: string): string => p.replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/')

/**
 * Merges a new discovery into an existing catalog (`init --update`) by adding text, so every hand-written field,
 * comment and format stays byte for byte: new entries go at the end of `services`, with their comments; an entry
 * whose directory is gone gets a comment above it and is listed, not removed (its dependents are the user's to fix).
 * A discovered entry is already in the catalog when an entry has its name, one of its aliases, or its path.
 */
export function mergeCatalog(existing: string, file: string, discovery: Discovery, pathExists: (path: string) => boolean): MergeResult {
  const lines = new LineCounter()
  const doc = parseDocument(existing, { lineCounter: lines })
  if (doc.errors.length) {
    const e = doc.errors[0]!
    const at = lines.linePos(e.pos[0])
    throw new ConfigurationError(`${file}:${at.line}:${at.col}: cannot update a catalog that does not parse: ${e.message.split('\n')[0]} (fix it, or rewrite it with --force)`)
  }
  const services = doc.get('services', true)
  if (!isMap(services) || services.items.length === 0 || services.flow) throw new ConfigurationError(`${file} has no block mapping of services to add to (rewrite it with --force)`)

  // What the catalog has: names, aliases, paths and tiers.
  const known = new Map<string, string>()
  const byPath = new Map<string, string>()
  const tierOf = new Map<string, number>()
  const pairs = services.items as Pair[]
  for (const pair of pairs) {
    const name = String((pair.key as { value?: unknown }).value)
    known.set(name, name)
    if (!isMap(pair.value)) continue
    const path = pair.value.get('path')
    if (typeof path === 'string') byPath.set(repoPath(path), name)
    const tier = pair.value.get('tier')
    if (typeof tier === 'number') tierOf.set(name, tier)
    const aliases = pair.value.get('aliases', true)
    if (isSeq(aliases)) for (const a of aliases.items) if (isScalar(a) && typeof a.value === 'string' && !known.has(a.value)) known.set(a.value, name)
  }
  const tierList = doc.get('tiers', true)
  const tierIds = (isSeq(tierList) ? tierList.items : []).map((t) => (isMap(t) ? t.get('id') : undefined)).filter((id): id is number => typeof id === 'number').sort((a, b) => a - b)

  // Discovered name -> catalog name, for entries the catalog has.
  const existingName = new Map<string, string>()
  for (const u of discovery.units) {
    const name = known.get(u.name) ?? (u.path === undefined ? undefined : byPath.get(u.path))
    if (name) existingName.set(u.name, name)
  }
  const isNew = (u: Unit): boolean => !existingName.has(u.name)
  const inputs = entryInputs(discovery)
  let added = inputs.filter((i) => isNew(i.unit) && i.unit.kind !== 'infrastructure')
  // A data store is added only when an added service needs it: the catalog may call it something else already.
  const needed = new Set(added.flatMap((i) => i.dependsOn.map((e) => e.to)))
  added = [...inputs.filter((i) => isNew(i.unit) && i.unit.kind === 'infrastructure' && needed.has(i.unit.name)), ...added]
  const addedNames = new Set(added.map((i) => i.unit.name))
  const resolved = added.map((i) => withCatalogNames(i, existingName, known))

  // Tiers: an added entry goes no lower than its proposal and its dependencies, on a tier the catalog defines.
  const top = tierIds.at(-1) ?? 1
  const tierFor = new Map<string, number>()
  const tierOfName = (n: string): number => tierOf.get(n) ?? tierFor.get(n) ?? 0
  for (let pass = 0; pass <= resolved.length; pass++) {
    for (const i of resolved) {
      if (i.unit.kind === 'library' || !i.tier) continue
      const need = Math.max(Math.min(i.tier.tier, top), ...i.dependsOn.map((e) => tierOfName(e.to)))
      tierFor.set(i.unit.name, tierIds.find((id) => id >= need) ?? top)
    }
  }
  for (const i of resolved) {
    const t = tierFor.get(i.unit.name)
    if (t !== undefined && i.tier) i.tier = { tier: t, reason: t === i.tier.tier ? i.tier.reason : `its dependencies' tiers in this catalog (proposed ${i.tier.tier})` }
  }

  const insertions: { at: number; text: string }[] = []
  if (resolved.length) {
    const end = services.range![1]
    const indent = lines.linePos((pairs[0]!.key as Scalar).range![0]).col - 1
    const block = `\n${renderEntries(resolved, indent).replace(/^(\s*)#/, `$1# added by tierdeploy init --update\n$1#`)}`
    insertions.push(existing[end - 1] === '\n' || end === 0 ? { at: end, text: block } : { at: end, text: `\n${block}` })
  }

  const missing: MergeResult['missing'] = []
  for (const pair of pairs) {
    const name = String((pair.key as { value?: unknown }).value)
    if (!isMap(pair.value)) continue
    const path = (pair.value as YAMLMap).get('path')
    if (typeof path !== 'string' || (pair.value as YAMLMap).get('disabled') === true || pathExists(repoPath(path))) continue
    missing.push({ name, path })
    const start = (pair.key as Scalar).range![0]
    const lineStart = existing.lastIndexOf('\n', start - 1) + 1
    const previous = existing.slice(existing.lastIndexOf('\n', lineStart - 2) + 1, lineStart)
    if (previous.trimStart().startsWith(MISSING_NOTE)) continue
    insertions.push({ at: lineStart, text: `${' '.repeat(start - lineStart)}${MISSING_NOTE} ${repoPath(path)} no longer exists; remove ${name} or fix its path\n` })
  }

  let text = existing
  for (const { at, text: insert } of insertions.sort((a, b) => b.at - a.at)) text = text.slice(0, at) + insert + text.slice(at)

  const notes: string[] = []
  for (const e of discovery.edges) {
    const from = existingName.get(e.from)
    if (from && addedNames.has(e.to)) notes.push(`${from} refers to the added ${e.to}: ${describeEvidence(e.evidence[0]!)}; add it to ${from}'s dependsOn if it needs it`)
  }
  return { text, added: [...addedNames], missing, notes }
}

/** An added entry with its dependencies named as the catalog names them, and aliases the catalog does not use yet. */
function withCatalogNames(input: EntryInput, existingName: Map<string, string>, known: Map<string, string>): EntryInput {
  const rename = (e: Edge): Edge => ({ ...e, to: existingName.get(e.to) ?? e.to })
  return {
    ...input,
    unit: { ...input.unit, aliases: input.unit.aliases.filter((a) => !known.has(a)) },
    dependsOn: input.dependsOn.map(rename),
    suggested: input.suggested.map(rename),
  }
}
