import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError, didYouMean, type Problem } from '@tierdeploy/catalog'
import { parseAnyYaml } from '@tierdeploy/catalog/full-yaml'
import { DEFAULT_PRICING } from './default-pricing.js'

/** Hourly list prices of one region. Every figure is USD. */
export interface RegionPrices {
  fargate: { vcpuHour: number; gbHour: number }
  fargateSpot: { vcpuHour: number; gbHour: number }
  /** One Application Load Balancer: the hourly charge plus `lcus` load-balancer capacity units on average. */
  alb: { hour: number; lcuHour: number; lcus: number }
  /** Per NAT gateway; data processing ($/GB) is usage-based and left out. */
  natGateway: { hour: number }
  /** Aurora Serverless v2 at its minimum capacity (the floor it never scales below). */
  aurora: { acuHour: number; minAcus: number }
  redis: { nodeType: string; hour: number; nodes: number }
  /** The EC2 instance one task of an `ec2-gpu` service occupies. */
  gpu: { instanceType: string; hour: number }
}

export interface PricingTable {
  /** When the figures were last checked (YYYY-MM-DD). */
  date: string
  currency: string
  note: string
  /** Where each group of figures comes from. */
  sources: Record<string, string>
  /**
   * Figure groups (`REGION.group`, e.g. `us-east-1.fargate`) compared with a published price, with the evidence;
   * a group an override file sets counts as the user's own. Every other group is an unverified estimate.
   */
  checked: Record<string, string>
  hoursPerMonth: number
  /** NAT gateways per environment with `network.natGateways: per-az`. */
  availabilityZones: number
  regions: Record<string, RegionPrices>
}

/** Where the table came from, for the report's footnote. */
export interface LoadedPricing {
  table: PricingTable
  /** Files merged over the built-in table, in order. */
  overrides: string[]
}

type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks an override document against the shape of the built-in table: known keys only (any region name),
 * numbers that are finite and not negative, strings where the table has strings. Returns every problem.
 */
export function checkPricingOverride(value: unknown, file: string): Problem[] {
  const problems: Problem[] = []
  const add = (path: (string | number)[], message: string, hint?: string): void => {
    problems.push({ file, severity: 'error', message: `${path.join('.')}: ${message}`, path, ...(hint ? { hint } : {}) })
  }
  if (!isPlain(value)) return [{ file, severity: 'error', message: 'the pricing file must be a mapping (date, sources, regions: { REGION: { fargate: ... } })' }]
  const regionTemplate = DEFAULT_PRICING.regions['us-east-1'] as unknown as Plain
  const walk = (node: unknown, template: unknown, path: (string | number)[]): void => {
    if (isPlain(template)) {
      if (!isPlain(node)) return add(path, 'must be a mapping')
      for (const [key, child] of Object.entries(node)) {
        const isRegionMap = path.length === 1 && path[0] === 'regions'
        const isSources = path.length === 1 && (path[0] === 'sources' || path[0] === 'checked')
        const next = isRegionMap ? regionTemplate : isSources ? '' : template[key]
        if (next === undefined) {
          add([...path, key], 'is not a pricing key', didYouMean(key, Object.keys(template)))
          continue
        }
        walk(child, next, [...path, key])
      }
    } else if (typeof template === 'number') {
      if (typeof node !== 'number' || !Number.isFinite(node) || node < 0) add(path, `must be a number of ${path.at(-1) === 'lcus' || path.at(-1) === 'nodes' || path.at(-1) === 'minAcus' ? 'units' : 'USD'}, 0 or more, got ${JSON.stringify(node)}`)
    } else if (typeof template === 'string' && typeof node !== 'string') add(path, `must be a string, got ${JSON.stringify(node)}`)
  }
  walk(value, DEFAULT_PRICING, [])
  return problems
}

function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T
  const out: Plain = { ...base }
  for (const [k, v] of Object.entries(override)) out[k] = k in out ? deepMerge(out[k], v) : v
  return out as T
}

/** The built-in table with an override document (already parsed) merged over it, key by key. */
export function mergePricing(base: PricingTable, override: unknown): PricingTable {
  return deepMerge(base, override)
}

/** Parses and checks one override file's text; throws a ConfigurationError naming the file and key. */
export function parsePricingOverride(file: string, text: string): unknown {
  const parsed = parseAnyYaml({ file, text })
  if (parsed.problem) {
    const { line, column } = parsed.problem
    throw new ConfigurationError(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${parsed.problem.message}`, [parsed.problem])
  }
  const problems = checkPricingOverride(parsed.value ?? {}, file)
  if (problems.length) {
    throw new ConfigurationError(`${file} is not a valid pricing table:\n${problems.map((p) => `  ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n')}`, problems)
  }
  return parsed.value ?? {}
}

/** `REGION.group` of every figure group an override sets: the user vouches for those, so they are no longer ours to flag. */
function groupsSetBy(override: unknown, file: string): Record<string, string> {
  const regions = isPlain(override) && isPlain(override.regions) ? override.regions : {}
  return Object.fromEntries(Object.entries(regions).flatMap(([region, groups]) => (isPlain(groups) ? Object.keys(groups).map((g) => [`${region}.${g}`, `set by ${file}`]) : [])))
}

/** The figure groups of a region that nobody has checked (see PricingTable.checked), in table order. */
export function unverifiedGroups(table: PricingTable, region: string): string[] {
  return Object.keys(table.regions[region] ?? {}).filter((group) => !(`${region}.${group}` in (table.checked ?? {})))
}

/**
 * The pricing table to use: the built-in one, then CATALOG/pricing.yaml when it exists, then `file` (--pricing,
 * the action's `pricing` input), each merged over the previous.
 */
export function loadPricing(options: { catalogDir?: string; file?: string } = {}): LoadedPricing {
  let table = DEFAULT_PRICING
  const overrides: string[] = []
  const candidates: { file: string; required: boolean }[] = []
  if (options.catalogDir) candidates.push({ file: join(options.catalogDir, 'pricing.yaml'), required: false })
  if (options.file) candidates.push({ file: options.file, required: true })
  for (const { file, required } of candidates) {
    if (!existsSync(file)) {
      if (required) throw new ConfigurationError(`pricing file ${file} does not exist`, [{ file, severity: 'error', message: 'pricing file not found' }])
      continue
    }
    const override = parsePricingOverride(file, readFileSync(file, 'utf8'))
    table = mergePricing(table, override)
    table = { ...table, checked: { ...table.checked, ...groupsSetBy(override, file) } }
    overrides.push(file)
  }
  return { table, overrides }
}

/** The prices of a region, or a ConfigurationError that says how to add them. */
export function regionPrices(table: PricingTable, region: string, where: string): RegionPrices {
  const prices = table.regions[region]
  if (!prices) {
    throw new ConfigurationError(`${where}: the pricing table has no prices for region ${region}`, [
      { file: where, severity: 'error', message: `no prices for region ${region}`, hint: `add regions.${region} to catalog/pricing.yaml (known: ${Object.keys(table.regions).join(', ')})` },
    ])
  }
  const template = DEFAULT_PRICING.regions['us-east-1'] as unknown as Record<string, Plain>
  const given = prices as unknown as Plain
  const missing = Object.entries(template).flatMap(([group, keys]) => {
    const g = given[group]
    return Object.keys(keys).filter((k) => !isPlain(g) || g[k] === undefined).map((k) => `${group}.${k}`)
  })
  if (missing.length) {
    throw new ConfigurationError(`pricing for region ${region} lacks ${missing.join(', ')}`, [
      { file: where, severity: 'error', message: `pricing for ${region} lacks ${missing.join(', ')}`, hint: `a new region needs every figure: ${Object.entries(template).map(([g, keys]) => `${g}: { ${Object.keys(keys).join(', ')} }`).join('; ')}` },
    ])
  }
  return prices
}
