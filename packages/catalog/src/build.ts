import { overlappingRefProblems } from './branches.js'
import { buildCatalogCore, type CatalogInput, type CatalogResult } from './build-core.js'
import { loadFullYaml } from './full-yaml.js'

export { findCycles, type BuildRules, type CatalogInput, type CatalogResult } from './build-core.js'

/**
 * Parses and validates a catalog from its YAML sources, synchronously, with everything loaded: js-yaml for any YAML
 * and the branch rules. loadCatalog, the usual way in, loads those two only for a catalog that needs them.
 */
export function buildCatalog(input: CatalogInput): CatalogResult {
  loadFullYaml()
  return buildCatalogCore(input, { overlappingRefs: overlappingRefProblems })
}
