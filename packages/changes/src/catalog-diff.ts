import { canonicalJson, type Catalog } from '@tierdeploy/catalog'
import { parseAnyYaml } from '@tierdeploy/catalog/full-yaml'

/** Keys that never change what a service runs: editing them redeploys nothing. */
const NOT_DEPLOYED = new Set(['description', 'owner', 'aliases', 'watch', 'ignore', 'dependsOn'])
/** Keys whose catalog default and service value merge key by key (as serviceSettings merges them). */
const MERGED = new Set(['container', 'healthCheck', 'build', 'environment', 'secrets', 'autoscaling'])

export interface DefinitionChanges {
  /** Services whose definition changed, with the catalog file that changed it. */
  definitions: Map<string, string>
  /** Deployable services in the catalog at base that are gone at head, with the file. */
  removed: Map<string, string>
  /** Catalog files that could not be read at base (every service they describe counts as changed). */
  unreadable: string[]
}

type Doc = Record<string, unknown>

function isRecord(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}


function parse(file: string, text: string | undefined): Doc | undefined | 'unreadable' {
  if (text === undefined) return undefined
  const { value, problem } = parseAnyYaml({ file, text })
  return problem || !isRecord(value) ? 'unreadable' : value
}

/** A service's definition with the catalog defaults it inherits folded in, keys that change nothing dropped. */
function effectiveDefinition(doc: Doc, name: string): string | undefined {
  const services = isRecord(doc.services) ? doc.services : {}
  const def = services[name]
  if (!isRecord(def)) return undefined
  const out: Doc = {}
  const defaults = isRecord(doc.defaults) ? doc.defaults : {}
  for (const [k, v] of Object.entries(defaults)) if (!NOT_DEPLOYED.has(k)) out[k] = v
  for (const [k, v] of Object.entries(def)) {
    if (NOT_DEPLOYED.has(k)) continue
    const inherited = out[k]
    out[k] = MERGED.has(k) && isRecord(inherited) && isRecord(v) ? { ...inherited, ...v } : v
  }
  return canonicalJson(out)
}

/**
 * Services whose definition in services.yaml changed between two versions of the file: their own entry, or a
 * catalog default they inherit. Documentation-only keys (description, owner, aliases, watch, ignore,
 * dependsOn) are left out: changing them changes nothing that runs.
 */
export function compareServicesFile(catalog: Catalog, file: string, baseText: string | undefined, headText: string | undefined, into: DefinitionChanges): void {
  const base = parse(file, baseText)
  const head = parse(file, headText)
  if (head === undefined || head === 'unreadable') return // the loaded catalog (head) is what deploys; it was validated
  const headServices = isRecord(head.services) ? Object.keys(head.services) : []
  if (base === 'unreadable') into.unreadable.push(file)
  for (const name of headServices) {
    const before = base === undefined || base === 'unreadable' ? undefined : effectiveDefinition(base, name)
    if (before !== effectiveDefinition(head, name)) into.definitions.set(name, file)
  }
  if (isRecord(base) && isRecord(base.services)) {
    for (const [name, def] of Object.entries(base.services)) {
      if (headServices.includes(name) || !isRecord(def)) continue
      if ((def.kind ?? 'service') === 'service' && def.disabled !== true && !catalog.services.has(name)) into.removed.set(name, file)
    }
  }
}

/** One service's slice of an environment file: the environment defaults, its override, and whether it is enabled. */
function environmentSlice(doc: Doc | undefined, name: string, aliases: string[]): string {
  if (!doc) return ''
  const services = isRecord(doc.services) ? doc.services : {}
  const override = [name, ...aliases].map((n) => services[n]).find((v) => v !== undefined)
  const optional = Array.isArray(doc.optionalServices) ? doc.optionalServices : []
  const enabled = optional.includes('*') || [name, ...aliases].some((n) => optional.includes(n))
  return canonicalJson({ defaults: doc.defaults, override, enabled })
}

/** Services whose settings in one environment file (its defaults, their override, optionalServices) changed. */
export function compareEnvironmentFile(catalog: Catalog, file: string, baseText: string | undefined, headText: string | undefined, into: DefinitionChanges): void {
  const base = parse(file, baseText)
  const head = parse(file, headText)
  if (base === 'unreadable') into.unreadable.push(file)
  const b = isRecord(base) ? base : undefined
  const h = isRecord(head) ? head : undefined
  for (const s of catalog.services.values()) {
    if (base === 'unreadable' || environmentSlice(b, s.name, s.aliases) !== environmentSlice(h, s.name, s.aliases)) {
      if (!into.definitions.has(s.name)) into.definitions.set(s.name, file)
    }
  }
}
