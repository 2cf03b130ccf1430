import { overlappingRefProblems } from './branches.js'
import { buildCatalogCore, type CatalogInput, type CatalogResult } from './build-core.js'

export { findCycles, type BuildRules, type CatalogInput, type CatalogResult } from './build-core.js'

/** Parses and validates a catalog from its YAML sources, every rule included (loadCatalog is the usual way in). */
export function buildCatalog(input: CatalogInput): CatalogResult {
  return buildCatalogCore(input, { overlappingRefs: overlappingRefProblems })
}
